import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

@Entity("budget_unit")
export class BudgetUnitEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id: number;

  @Index("ix_budget_unit_department")
  @Column({ name: "department_id", type: "int" })
  departmentId: number;

  @Index("uq_budget_unit_code", { unique: true })
  @Column({ type: "varchar", length: 16 })
  code: string;

  @Column({ type: "varchar", length: 200 })
  name: string;

  /** 本级 (the department's own office) rather than a 所属单位. */
  @Column({ name: "is_self", type: "boolean" })
  isSelf: boolean;
}
