import { toFen } from "../../common/money";
import type { Page } from "../../common/relay";
import { type Viewer, visibleBudgets } from "../../common/viewer";
import { type Row, Sql, placeholders, toInt } from "../../db/sql";
import { type Department } from "../department/department.type";
import { toDepartment } from "../department/department.service";

export interface YearSummary {
  year: number;
  departmentCount: number;
  /** Sums of the budgets' published totals (分). */
  expenditureTotal: bigint;
  basic: bigint;
  project: bigint;
}

/** Years exist where a visible current 年初预算 exists; totals add the published figures. */
export class FiscalYearService {
  constructor(
    private readonly sql: Sql,
    private readonly viewer: Viewer,
  ) {}

  async years(): Promise<number[]> {
    const v = visibleBudgets(this.viewer);
    const rows = await this.sql.all(`SELECT DISTINCT b.year FROM department_budget b WHERE b.is_current = 1 AND b.stage = 'BUDGET' AND ${v.sql} ORDER BY b.year`, v.params);
    return rows.map((r) => Number(r.year));
  }

  async summaries(years: readonly number[]): Promise<YearSummary[]> {
    if (!years.length) return [];
    const v = visibleBudgets(this.viewer);
    const rows = await this.sql.all(
      // A budget whose document printed no total counts with what its lines add up to, as its own field does.
      `SELECT b.year, COUNT(DISTINCT b.department_id) AS departments,
              SUM(COALESCE(b.stated_expenditure_total, (SELECT SUM(l.amount_fen) FROM subject_line l WHERE l.budget_id = b.id))) AS total,
              SUM(COALESCE(b.stated_basic, (SELECT SUM(l.amount_fen) FROM subject_line l WHERE l.budget_id = b.id AND l.kind IN ('PERSONNEL', 'PUBLIC')))) AS basic,
              SUM(COALESCE(b.stated_project, (SELECT SUM(l.amount_fen) FROM subject_line l WHERE l.budget_id = b.id AND l.kind = 'PROJECT'))) AS project
         FROM department_budget b
        WHERE b.is_current = 1 AND b.stage = 'BUDGET' AND ${v.sql} AND b.year IN (${placeholders(years.length)})
        GROUP BY b.year`,
      [...v.params, ...years],
    );
    const byYear = new Map(rows.map((r) => [Number(r.year), r]));
    return years.map((year) => {
      const r: Row | undefined = byYear.get(year);
      return { year, departmentCount: toInt(r?.departments), expenditureTotal: toFen(r?.total), basic: toFen(r?.basic), project: toFen(r?.project) };
    });
  }

  /** Departments with a visible budget in the year, one page (one row extra for hasNextPage). */
  async departments(year: number, page: Page): Promise<{ rows: Department[]; count: () => Promise<number> }> {
    const v = visibleBudgets(this.viewer);
    const from = `FROM department d WHERE EXISTS (SELECT 1 FROM department_budget b WHERE b.department_id = d.id AND b.year = ? AND b.is_current = 1 AND ${v.sql})`;
    const params = [year, ...v.params];
    const rows = await this.sql.all(`SELECT d.* ${from} ORDER BY d.code LIMIT ? OFFSET ?`, [...params, page.limit + 1, page.offset]);
    return { rows: rows.map(toDepartment), count: async () => toInt((await this.sql.one<Row>(`SELECT COUNT(*) AS n ${from}`, params))?.n) };
  }
}
