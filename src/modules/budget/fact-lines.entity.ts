import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/**
 * Functional fact line: dept × year × unit × subject (项) × kind × category × funding source.
 * department_id and year are copied from the budget so zone-wide aggregates use one index.
 */
@Entity("subject_line")
@Index("ix_subject_line_budget", ["budgetId", "subjectCode"])
@Index("ix_subject_line_agg", ["year", "subjectCode", "departmentId", "budgetId", "kind", "category", "fundingSource", "amountFen"])
export class SubjectLineEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id: number;

  @Column({ name: "budget_id", type: "int" })
  budgetId: number;

  @Column({ name: "department_id", type: "int" })
  departmentId: number;

  @Column({ type: "int" })
  year: number;

  @Column({ name: "unit_id", type: "int", nullable: true })
  unitId: number | null;

  @Column({ name: "subject_code", type: "varchar", length: 7 })
  subjectCode: string;

  /** PERSONNEL, PUBLIC or PROJECT. */
  @Column({ type: "varchar", length: 16 })
  kind: string;

  /** WAGES_AND_WELFARE, HOUSEHOLD_SUBSIDIES, GOODS_AND_SERVICES, CAPITAL, OPERATING, SPECIFIC. */
  @Column({ type: "varchar", length: 24 })
  category: string;

  @Column({ name: "funding_source", type: "varchar", length: 24 })
  fundingSource: string;

  @Column({ name: "amount_fen", type: "bigint" })
  amountFen: string;

  /** Where in the source document this figure was printed (table and row). */
  @Column({ name: "source_ref", type: "varchar", length: 200, nullable: true })
  sourceRef: string | null;
}

/**
 * The printed total of a subject table row: dept × year × unit × subject (项), the 合计 the row
 * prints beside its cells (the subject lines), which rounding can set apart from what the cells
 * add up to. Questions about subjects, departments, units or years add these; only a question
 * that needs the split (kind, category, funding source) adds the cells. Where the source printed
 * no total for a row (a bundle without subjectRowTotals), the row's total is the sum of its lines
 * and `printed` is false.
 */
@Entity("subject_row_total")
@Index("ix_subject_row_total_budget", ["budgetId", "subjectCode", "year", "departmentId", "amountFen", "printed"])
@Index("ix_subject_row_total_agg", ["year", "subjectCode", "departmentId", "budgetId", "amountFen", "printed"])
export class SubjectRowTotalEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id: number;

  @Column({ name: "budget_id", type: "int" })
  budgetId: number;

  @Column({ name: "department_id", type: "int" })
  departmentId: number;

  @Column({ type: "int" })
  year: number;

  @Column({ name: "unit_id", type: "int", nullable: true })
  unitId: number | null;

  @Column({ name: "subject_code", type: "varchar", length: 7 })
  subjectCode: string;

  @Column({ name: "amount_fen", type: "bigint" })
  amountFen: string;

  /** true: the document printed this total; false: it printed none, and this is the sum of the row's lines. */
  @Column({ type: "boolean" })
  printed: boolean;

  /** Where the total was printed (table and row); null for a sum of lines. */
  @Column({ name: "source_ref", type: "varchar", length: 200, nullable: true })
  sourceRef: string | null;
}

/** Economic fact line: the basic-expenditure table's row pairs 部门预算 × 政府预算 codes (the crosswalk). */
@Entity("economic_line")
@Index("ix_economic_line_budget", ["budgetId"])
@Index("ix_economic_line_dept", ["year", "deptEconomicCode", "departmentId"])
@Index("ix_economic_line_gov", ["year", "govEconomicCode", "departmentId"])
export class EconomicLineEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id: number;

  @Column({ name: "budget_id", type: "int" })
  budgetId: number;

  @Column({ name: "department_id", type: "int" })
  departmentId: number;

  @Column({ type: "int" })
  year: number;

  @Column({ name: "unit_id", type: "int", nullable: true })
  unitId: number | null;

  @Column({ name: "dept_economic_code", type: "varchar", length: 5 })
  deptEconomicCode: string;

  @Column({ name: "gov_economic_code", type: "varchar", length: 5 })
  govEconomicCode: string;

  /** PERSONNEL (人员经费) or PUBLIC (公用经费). */
  @Column({ type: "varchar", length: 16 })
  kind: string;

  @Column({ name: "funding_source", type: "varchar", length: 24 })
  fundingSource: string;

  @Column({ name: "amount_fen", type: "bigint" })
  amountFen: string;

  @Column({ name: "source_ref", type: "varchar", length: 200, nullable: true })
  sourceRef: string | null;
}

/** Income fact line: dept × year × funding source. */
@Entity("income_line")
@Index("ix_income_line_budget", ["budgetId"])
export class IncomeLineEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id: number;

  @Column({ name: "budget_id", type: "int" })
  budgetId: number;

  @Column({ name: "funding_source", type: "varchar", length: 24 })
  fundingSource: string;

  @Column({ type: "varchar", length: 100 })
  label: string;

  @Column({ name: "amount_fen", type: "bigint" })
  amountFen: string;

  @Column({ name: "source_ref", type: "varchar", length: 200, nullable: true })
  sourceRef: string | null;
}

/** A 决算's 年初预算数 for one 项, as its 一般公共预算财政拨款支出决算表 prints it. */
@Entity("year_begin_line")
@Index("ix_year_begin_line_budget", ["budgetId", "subjectCode"])
export class YearBeginLineEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id: number;

  @Column({ name: "budget_id", type: "int" })
  budgetId: number;

  @Column({ name: "department_id", type: "int" })
  departmentId: number;

  @Column({ type: "int" })
  year: number;

  @Column({ name: "subject_code", type: "varchar", length: 7 })
  subjectCode: string;

  @Column({ name: "amount_fen", type: "bigint" })
  amountFen: string;

  @Column({ name: "source_ref", type: "varchar", length: 200, nullable: true })
  sourceRef: string | null;
}
