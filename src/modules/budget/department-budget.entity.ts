import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/**
 * One department, one year, one stage, one version. The stated_* columns hold the totals the
 * document PUBLISHED (BIGINT 分), which may differ from what its rows add up to.
 */
@Entity("department_budget")
@Index("uq_department_budget_version", ["departmentId", "year", "stage", "version"], { unique: true })
@Index("ix_department_budget_current", ["year", "isCurrent", "stage", "departmentId"])
@Index("ix_department_budget_public", ["year", "isPublic", "stage", "departmentId"])
export class DepartmentBudgetEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id: number;

  @Column({ name: "department_id", type: "int" })
  departmentId: number;

  @Column({ type: "int" })
  year: number;

  /** BUDGET (年初预算), ADJUSTED (调整预算), FINAL (决算). */
  @Column({ type: "varchar", length: 16 })
  stage: string;

  @Column({ type: "int" })
  version: number;

  /** Only the latest version of a department-year-stage is current; older ones stay retrievable. */
  @Column({ name: "is_current", type: "boolean" })
  isCurrent: boolean;

  /**
   * The one version of a department-year-stage the public sees, if any: publishing sets it, and
   * it stays put while newer drafts are imported (is_current moves to each new import).
   */
  @Column({ name: "is_public", type: "boolean", default: false })
  isPublic: boolean;

  /** DRAFT, PUBLISHED or WITHDRAWN: the public may list PUBLISHED versions; only the is_public one is in force for it. */
  @Column({ type: "varchar", length: 16 })
  status: string;

  @Column({ name: "source_document_id", type: "int", nullable: true })
  sourceDocumentId: number | null;

  @Column({ type: "varchar", length: 200, nullable: true })
  title: string | null;

  /** The unit the document printed its figures in (WAN_YUAN or YUAN). */
  @Column({ name: "amount_unit", type: "varchar", length: 16 })
  amountUnit: string;

  @Column({ name: "stated_income_total", type: "bigint", nullable: true })
  statedIncomeTotal: string | null;

  @Column({ name: "stated_expenditure_total", type: "bigint", nullable: true })
  statedExpenditureTotal: string | null;

  @Column({ name: "stated_basic", type: "bigint", nullable: true })
  statedBasic: string | null;

  @Column({ name: "stated_project", type: "bigint", nullable: true })
  statedProject: string | null;

  @Column({ name: "stated_personnel", type: "bigint", nullable: true })
  statedPersonnel: string | null;

  @Column({ name: "stated_public", type: "bigint", nullable: true })
  statedPublic: string | null;

  /** A 决算's printed total of its 年初预算数 column. */
  @Column({ name: "stated_year_begin_total", type: "bigint", nullable: true })
  statedYearBeginTotal: string | null;

  @Column({ name: "created_at", type: "datetime" })
  createdAt: Date;
}
