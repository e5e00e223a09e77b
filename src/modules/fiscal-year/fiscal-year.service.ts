import { toFen } from "../../common/money";
import type { Page } from "../../common/relay";
import { type Viewer, inForce } from "../../common/viewer";
import { type Row, Sql, pagePerParent, placeholders, toInt } from "../../db/sql";
import { type Department } from "../department/department.type";
import { toDepartment } from "../department/department.service";
import { BUDGET_STAGES } from "../../common/vocabulary";
import type { BudgetStage } from "../budget/budget.type";

export interface YearSummary {
  year: number;
  departmentCount: number;
  /** Sums of the budgets' published totals (分). */
  expenditureTotal: bigint;
  basic: bigint;
  project: bigint;
}

/**
 * Years exist where a visible budget in force exists, per stage; totals add the published figures
 * of one stage, never two.
 */
export class FiscalYearService {
  constructor(
    private readonly sql: Sql,
    private readonly viewer: Viewer,
  ) {}

  /** Years with a visible budget in force of the stage, oldest first. */
  async years(stage: BudgetStage): Promise<number[]> {
    const v = inForce(this.viewer);
    const rows = await this.sql.all(`SELECT DISTINCT b.year FROM department_budget b WHERE b.stage = ? AND ${v.sql} ORDER BY b.year`, [stage, ...v.params]);
    return rows.map((r) => Number(r.year));
  }

  /** The stages each year has visible budgets in force of, in the order BUDGET, ADJUSTED, FINAL. */
  async stagesOf(years: readonly number[]): Promise<Map<number, BudgetStage[]>> {
    const result = new Map<number, BudgetStage[]>(years.map((y) => [y, []]));
    if (!years.length) return result;
    const v = inForce(this.viewer);
    const rows = await this.sql.all(`SELECT DISTINCT b.year, b.stage FROM department_budget b WHERE ${v.sql} AND b.year IN (${placeholders(years.length)})`, [...v.params, ...years]);
    for (const r of rows) result.get(Number(r.year))?.push(r.stage as BudgetStage);
    for (const stages of result.values()) stages.sort((a, b) => BUDGET_STAGES.indexOf(a) - BUDGET_STAGES.indexOf(b));
    return result;
  }

  async summaries(years: readonly number[], stage: BudgetStage): Promise<YearSummary[]> {
    if (!years.length) return [];
    const v = inForce(this.viewer);
    const rows = await this.sql.all(
      // A budget whose document printed no total counts with what its lines add up to, as its own field does.
      `SELECT b.year, COUNT(DISTINCT b.department_id) AS departments,
              SUM(COALESCE(b.stated_expenditure_total, (SELECT SUM(l.amount_fen) FROM subject_line l WHERE l.budget_id = b.id))) AS total,
              SUM(COALESCE(b.stated_basic, (SELECT SUM(l.amount_fen) FROM subject_line l WHERE l.budget_id = b.id AND l.kind IN ('PERSONNEL', 'PUBLIC', 'BASIC')))) AS basic,
              SUM(COALESCE(b.stated_project, (SELECT SUM(l.amount_fen) FROM subject_line l WHERE l.budget_id = b.id AND l.kind = 'PROJECT'))) AS project
         FROM department_budget b
        WHERE b.stage = ? AND ${v.sql} AND b.year IN (${placeholders(years.length)})
        GROUP BY b.year`,
      [stage, ...v.params, ...years],
    );
    const byYear = new Map(rows.map((r) => [Number(r.year), r]));
    return years.map((year) => {
      const r: Row | undefined = byYear.get(year);
      return { year, departmentCount: toInt(r?.departments), expenditureTotal: toFen(r?.total), basic: toFen(r?.basic), project: toFen(r?.project) };
    });
  }

  /**
   * The same page of departments for many years in one statement: those with a current, visible
   * budget in the year, by code; ROW_NUMBER() numbers each year's departments (one row extra for hasNextPage).
   */
  async departmentPages(years: readonly number[], stage: BudgetStage, page: Page): Promise<Map<number, Department[]>> {
    const { sql, params } = this.budgetedIn(years, stage);
    return pagePerParent(this.sql, {
      parents: years, select: "d.*", from: `FROM department d JOIN (${sql}) y ON y.department_id = d.id`, params,
      parent: "y.year", order: "d.code, d.id", page, map: toDepartment,
    });
  }

  async departmentCounts(years: readonly number[], stage: BudgetStage): Promise<Map<number, number>> {
    const result = new Map<number, number>(years.map((y) => [y, 0]));
    if (!years.length) return result;
    const { sql, params } = this.budgetedIn(years, stage);
    for (const r of await this.sql.all(`SELECT y.year, COUNT(*) AS n FROM (${sql}) y GROUP BY y.year`, params)) result.set(Number(r.year), toInt(r.n));
    return result;
  }

  /** Each (department, year) with a current budget of the stage the viewer may see. */
  private budgetedIn(years: readonly number[], stage: BudgetStage): { sql: string; params: unknown[] } {
    const v = inForce(this.viewer);
    return {
      sql: `SELECT DISTINCT b.department_id, b.year FROM department_budget b WHERE b.year IN (${placeholders(years.length)}) AND b.stage = ? AND ${v.sql}`,
      params: [...years, stage, ...v.params],
    };
  }
}
