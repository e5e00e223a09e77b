import { toFen } from "../../common/money";
import { type Viewer, visibleBudgets } from "../../common/viewer";
import { Sql, placeholders, toInt } from "../../db/sql";
import { BudgetStage } from "../budget/budget.type";
import { ExpenditureDimension, ExpenditureFilter, ExpenditureGroup } from "./analytics.type";

/** SQL expression and result column of each dimension. */
const DIMENSION: Record<ExpenditureDimension, { expr: string; as: string }> = {
  YEAR: { expr: "l.year", as: "year" },
  DEPARTMENT: { expr: "d.code", as: "department_code" },
  BUDGET_UNIT: { expr: "l.unit_id", as: "unit_id" },
  SUBJECT_CLASS: { expr: "SUBSTR(l.subject_code, 1, 3)", as: "subject" },
  SUBJECT_SECTION: { expr: "SUBSTR(l.subject_code, 1, 5)", as: "subject" },
  SUBJECT_ITEM: { expr: "l.subject_code", as: "subject" },
  EXPENDITURE_KIND: { expr: "l.kind", as: "kind" },
  EXPENDITURE_CATEGORY: { expr: "l.category", as: "category" },
  FUNDING_SOURCE: { expr: "l.funding_source", as: "funding_source" },
};

export class AnalyticsService {
  constructor(
    private readonly sql: Sql,
    private readonly viewer: Viewer,
  ) {}

  /** Functional expenditure grouped by the dimensions, with each group's share: one statement. */
  async expenditure(filter: ExpenditureFilter, groupBy: ExpenditureDimension[]): Promise<ExpenditureGroup[]> {
    const dims = [...new Set(groupBy)].map((d) => DIMENSION[d]);
    const subjectDims = groupBy.filter((d) => d.startsWith("SUBJECT_"));
    if (subjectDims.length > 1) throw new RangeError(`group by one subject level at a time, got ${subjectDims.join(", ")}`);
    const v = visibleBudgets(this.viewer);
    const where = ["b.is_current = 1", "b.stage = ?", v.sql];
    const params: unknown[] = [filter.stage ?? BudgetStage.BUDGET, ...v.params];
    const addIn = (expr: string, values: readonly unknown[] | undefined) => {
      if (!values?.length) return;
      where.push(`${expr} IN (${placeholders(values.length)})`);
      params.push(...values);
    };
    addIn("l.year", filter.years);
    addIn("d.code", filter.departmentCodes);
    addIn("l.kind", filter.kinds);
    addIn("l.funding_source", filter.fundingSources);
    if (filter.subjectCodePrefixes?.length) {
      where.push(`(${filter.subjectCodePrefixes.map(() => "l.subject_code LIKE ?").join(" OR ")})`);
      params.push(...filter.subjectCodePrefixes.map((p) => `${p.replace(/\D/g, "")}%`));
    }
    const select = dims.map((d) => `${d.expr} AS ${d.as}`);
    const group = dims.length ? `GROUP BY ${dims.map((d) => d.expr).join(", ")} ORDER BY ${dims.map((d) => d.expr).join(", ")}` : "";
    const rows = await this.sql.all(
      `SELECT ${[...select, "SUM(l.amount_fen) AS fen", "COUNT(*) AS n", "SUM(SUM(l.amount_fen)) OVER () AS total"].join(", ")}
         FROM subject_line l
         JOIN department_budget b ON b.id = l.budget_id
         JOIN department d ON d.id = l.department_id
        WHERE ${where.join(" AND ")}
        ${group}`,
      params,
    );
    return rows
      .filter((r) => toInt(r.n) > 0)
      .map((r) =>
        Object.assign(new ExpenditureGroup(), {
          year: r.year === undefined ? null : Number(r.year),
          departmentCode: (r.department_code as string | undefined) ?? null,
          unitId: r.unit_id === undefined || r.unit_id === null ? null : Number(r.unit_id),
          subject: (r.subject as string | undefined) ?? null,
          kind: r.kind ?? null,
          category: r.category ?? null,
          fundingSource: r.funding_source ?? null,
          rowCount: toInt(r.n),
          amountFen: toFen(r.fen),
          totalFen: toFen(r.total),
        }),
      );
  }
}
