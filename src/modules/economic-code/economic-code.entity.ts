import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/** 支出经济分类: scheme DEPT (部门预算, 301/30101) or GOV (政府预算, 501/50101). */
@Entity("economic_code")
@Index("ix_economic_code_parent", ["scheme", "parentCode"])
export class EconomicCodeEntity {
  @PrimaryColumn({ type: "varchar", length: 4 })
  scheme: string;

  @PrimaryColumn({ type: "varchar", length: 5 })
  code: string;

  @Column({ type: "varchar", length: 8 })
  level: string;

  @Column({ name: "parent_code", type: "varchar", length: 5, nullable: true })
  parentCode: string | null;
}

@Entity("economic_code_name")
export class EconomicCodeNameEntity {
  @PrimaryColumn({ type: "varchar", length: 4 })
  scheme: string;

  @PrimaryColumn({ type: "varchar", length: 5 })
  code: string;

  @PrimaryColumn({ type: "int" })
  year: number;

  @Column({ type: "varchar", length: 200 })
  name: string;

  @Column({ type: "varchar", length: 16 })
  origin: string;
}
