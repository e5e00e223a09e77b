import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/** 绩效指标: of a project (category 成本/产出/效益/满意度) or of the department-year (一级/二级 tree). */
@Entity("performance_indicator")
@Index("ix_indicator_project", ["projectId", "position"])
@Index("ix_indicator_budget", ["budgetId", "scope", "position"])
@Index("ix_indicator_target", ["budgetId", "category", "targetUnit", "targetValueMicro"])
export class PerformanceIndicatorEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id: number;

  @Column({ name: "budget_id", type: "int" })
  budgetId: number;

  @Column({ name: "project_id", type: "int", nullable: true })
  projectId: number | null;

  /** PROJECT or DEPARTMENT. */
  @Column({ type: "varchar", length: 16 })
  scope: string;

  @Column({ type: "int" })
  position: number;

  @Column({ type: "varchar", length: 16, nullable: true })
  category: string | null;

  @Column({ type: "varchar", length: 100, nullable: true })
  level1: string | null;

  @Column({ type: "varchar", length: 100, nullable: true })
  level2: string | null;

  @Column({ type: "varchar", length: 300 })
  name: string;

  /** As printed: "≥90%". */
  @Column({ type: "varchar", length: 300 })
  target: string;

  /** ">=", "<=", ">", "<", "=" where the target is numeric. */
  @Column({ type: "varchar", length: 2, nullable: true })
  comparator: string | null;

  /** The number, exact decimal text ("90"). */
  @Column({ name: "target_value", type: "varchar", length: 40, nullable: true })
  targetValue: string | null;

  /** The number × 10^6 as an integer, so SQL compares targets exactly. */
  @Column({ name: "target_value_micro", type: "bigint", nullable: true })
  targetValueMicro: string | null;

  @Column({ name: "target_unit", type: "varchar", length: 20, nullable: true })
  targetUnit: string | null;

  @Column({ type: "text", nullable: true })
  explanation: string | null;
}
