import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

@Entity("project")
@Index("ix_project_budget", ["budgetId", "position"])
@Index("ix_project_year_dept", ["year", "departmentId"])
@Index("ix_project_code", ["code"])
export class ProjectEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id: number;

  @Column({ name: "budget_id", type: "int" })
  budgetId: number;

  @Column({ name: "department_id", type: "int" })
  departmentId: number;

  @Column({ type: "int" })
  year: number;

  @Column({ type: "int" })
  position: number;

  /** 21-digit code (410191 + yy + serial); null where no table printed one. */
  @Column({ type: "varchar", length: 32, nullable: true })
  code: string | null;

  @Column({ type: "varchar", length: 200 })
  name: string;

  /** OPERATING (其他运转类) or SPECIFIC (特定目标类). */
  @Column({ type: "varchar", length: 16 })
  category: string;

  @Column({ name: "unit_id", type: "int", nullable: true })
  unitId: number | null;

  @Column({ name: "subject_code", type: "varchar", length: 7, nullable: true })
  subjectCode: string | null;

  /** Sum of the project's lines, kept for sorting and ranking. */
  @Column({ name: "amount_fen", type: "bigint" })
  amountFen: string;
}

/** Project fact line: project × funding source. */
@Entity("project_line")
@Index("ix_project_line_project", ["projectId"])
export class ProjectLineEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id: number;

  @Column({ name: "project_id", type: "int" })
  projectId: number;

  @Column({ name: "funding_source", type: "varchar", length: 24 })
  fundingSource: string;

  @Column({ name: "amount_fen", type: "bigint" })
  amountFen: string;

  @Column({ name: "source_ref", type: "varchar", length: 200, nullable: true })
  sourceRef: string | null;
}

/** Another code or name under which a table printed the same project. */
@Entity("project_alias")
@Index("ix_project_alias_project", ["projectId"])
export class ProjectAliasEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id: number;

  @Column({ name: "project_id", type: "int" })
  projectId: number;

  @Column({ type: "varchar", length: 32, nullable: true })
  code: string | null;

  @Column({ type: "varchar", length: 200 })
  name: string;

  @Column({ type: "varchar", length: 200 })
  source: string;
}
