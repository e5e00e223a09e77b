import { toFen, toFenOrNull } from "../../common/money";
import { badInput } from "../../common/errors";
import type { Page } from "../../common/relay";
import { type Viewer, inForce, visibleBudgets } from "../../common/viewer";
import { scaled } from "../../common/decimal";
import { type Row, Sql, Where, placeholders, toInt } from "../../db/sql";
import { BudgetExecution, ExecutionBasis, ExecutionDimension, type ExecutionFilter, ExecutionGroup, ExecutionLine, ThreePublicExecution } from "./execution.type";

const THREE_PUBLIC_ITEMS = ["total", "overseas_travel", "vehicles", "vehicle_purchase", "vehicle_operation", "reception"] as const;
const camel = (c: string) => c.replace(/_(\w)/g, (_, x: string) => x.toUpperCase());

/**
 * What each 决算 spent, per 项 (its row totals, as printed), beside its year-begin budget: the
 * imported 预算 of its year (its row totals), else the 年初预算数 column the 决算 prints. A line
 * spent on but absent from that source was budgeted at 0 on the same basis. One statement builds
 * the facts for any set of 决算s; groupings add them up.
 */
function factsSql(force: { sql: string; params: unknown[] }, finals: { sql: string; params: unknown[] }): { sql: string; params: unknown[] } {
  const planned = `SELECT b.id, b.department_id, b.year FROM department_budget b JOIN finals f ON f.department_id = b.department_id AND f.year = b.year
                    WHERE b.stage = 'BUDGET' AND ${force.sql}`;
  return {
    sql: `WITH finals AS (${finals.sql}),
      plans AS (${planned}),
      facts AS (
        SELECT f.id AS final_id, f.department_id, f.year, l.subject_code, l.amount_fen AS final_fen, 0 AS budget_fen,
               CASE WHEN EXISTS (SELECT 1 FROM plans p WHERE p.department_id = f.department_id AND p.year = f.year) THEN 'B'
                    WHEN EXISTS (SELECT 1 FROM year_begin_line y WHERE y.budget_id = f.id) THEN 'F' END AS basis
          FROM subject_row_total l JOIN finals f ON f.id = l.budget_id
        UNION ALL
        SELECT f.id, p.department_id, p.year, r.subject_code, 0, r.amount_fen, 'B'
          FROM subject_row_total r JOIN plans p ON p.id = r.budget_id JOIN finals f ON f.department_id = p.department_id AND f.year = p.year
        UNION ALL
        SELECT f.id, f.department_id, f.year, y.subject_code, 0, y.amount_fen, 'F'
          FROM year_begin_line y JOIN finals f ON f.id = y.budget_id
         WHERE NOT EXISTS (SELECT 1 FROM plans p WHERE p.department_id = f.department_id AND p.year = f.year)
      )`,
    params: [...finals.params, ...force.params],
  };
}

function basisOf(min: unknown, max: unknown): ExecutionBasis {
  if (min === null || min === undefined) return ExecutionBasis.NONE;
  if (min !== max) return ExecutionBasis.MIXED;
  return min === "B" ? ExecutionBasis.BUDGET_DOCUMENT : ExecutionBasis.FINAL_DOCUMENT;
}

export class ExecutionService {
  constructor(
    private readonly sql: Sql,
    private readonly viewer: Viewer,
  ) {}

  /**
   * Each budget's execution: a 决算's own; a 预算's is the 决算 of its year in force for the
   * viewer (none: absent), set against the 预算 in force for the viewer. Its lines in one statement, its totals and “三公” in two more.
   */
  async ofBudgets(budgetIds: readonly number[]): Promise<(BudgetExecution & { budgetId: number })[]> {
    if (!budgetIds.length) return [];
    const seen = visibleBudgets(this.viewer, "f");
    const final = inForce(this.viewer, "f");
    const p = inForce(this.viewer, "p");
    // Each asked budget with the 决算 that answers for it: an asked 决算 itself, a 预算's year's 决算 in force.
    const pairs = {
      sql: `SELECT r.id AS asked, f.id, f.department_id, f.year FROM department_budget r
              JOIN department_budget f ON f.department_id = r.department_id AND f.year = r.year AND f.stage = 'FINAL'
               AND (r.stage = 'FINAL' AND f.id = r.id AND ${seen.sql} OR r.stage = 'BUDGET' AND ${final.sql})
             WHERE r.id IN (${placeholders(budgetIds.length)})`,
      params: [...seen.params, ...final.params, ...budgetIds],
    };
    const facts = factsSql(inForce(this.viewer), { sql: `SELECT DISTINCT x.id, x.department_id, x.year FROM (${pairs.sql}) x`, params: pairs.params });
    const [lines, totals, three] = await Promise.all([
      this.sql.all(
        `${facts.sql} SELECT final_id, year, subject_code, SUM(final_fen) AS final_fen, SUM(budget_fen) AS budget_fen, MIN(basis) AS b_min, MAX(basis) AS b_max
           FROM facts GROUP BY final_id, year, subject_code ORDER BY final_id, subject_code`,
        facts.params,
      ),
      this.sql.all(
        `SELECT x.asked, f.id, f.year, f.stated_year_begin_total,
                (SELECT SUM(l.amount_fen) FROM subject_row_total l WHERE l.budget_id = f.id) AS final_fen, f.stated_expenditure_total AS final_total,
                (SELECT COUNT(*) FROM year_begin_line y WHERE y.budget_id = f.id) AS year_begin_lines,
                p.id AS plan_id, p.stated_expenditure_total AS plan_total
           FROM (${pairs.sql}) x JOIN department_budget f ON f.id = x.id
           LEFT JOIN department_budget p ON p.department_id = f.department_id AND p.year = f.year AND p.stage = 'BUDGET' AND ${p.sql}`,
        [...pairs.params, ...p.params],
      ),
      this.sql.all(
        `SELECT f.id, ${THREE_PUBLIC_ITEMS.map((c) => `t.${c}_fen AS final_${c}, COALESCE(pt.${c}_fen, tb.${c}_fen) AS budget_${c}`).join(", ")}
           FROM (SELECT DISTINCT id FROM (${pairs.sql}) x0) x JOIN department_budget f ON f.id = x.id JOIN three_public_expense t ON t.budget_id = f.id
           LEFT JOIN three_public_budgeted tb ON tb.budget_id = f.id
           LEFT JOIN department_budget p ON p.department_id = f.department_id AND p.year = f.year AND p.stage = 'BUDGET' AND ${p.sql}
           LEFT JOIN three_public_expense pt ON pt.budget_id = p.id`,
        [...pairs.params, ...p.params],
      ),
    ]);
    return totals.map((t) => {
      const id = Number(t.id);
      const asked = Number(t.asked);
      const hasPlan = t.plan_id !== null && t.plan_id !== undefined;
      const fromDoc = toFenOrNull(t.stated_year_begin_total);
      const basis = hasPlan ? ExecutionBasis.BUDGET_DOCUMENT : toInt(t.year_begin_lines) > 0 || fromDoc !== null ? ExecutionBasis.FINAL_DOCUMENT : ExecutionBasis.NONE;
      const budgeted = hasPlan ? toFenOrNull(t.plan_total) : fromDoc;
      const e = Object.assign(new BudgetExecution(), {
        budgetId: asked,
        year: Number(t.year),
        basis,
        budgetedFen: budgeted,
        finalFen: toFenOrNull(t.final_total) ?? toFen(t.final_fen),
        reason: budgeted === null ? "没有导入该年度的部门预算，决算也未列年初预算数 (no 预算 of the year is imported and the 决算 prints no 年初预算数)" : null,
        lines: lines.filter((l) => Number(l.final_id) === id).map((l) => {
          const lineBasis = basisOf(l.b_min, l.b_max);
          return Object.assign(new ExecutionLine(), {
            subject: String(l.subject_code),
            year: Number(l.year),
            basis: lineBasis === ExecutionBasis.NONE ? basis : lineBasis,
            budgetedFen: basis === ExecutionBasis.NONE ? null : toFen(l.budget_fen),
            finalFen: toFen(l.final_fen),
          });
        }),
        threePublic: [] as ThreePublicExecution[],
      });
      const tp = three.find((r) => Number(r.id) === id);
      if (tp) {
        e.threePublic = THREE_PUBLIC_ITEMS.map((c) =>
          Object.assign(new ThreePublicExecution(), { item: camel(c), budgetedFen: toFenOrNull(tp[`budget_${c}`]), finalFen: toFen(tp[`final_${c}`]) }),
        );
      }
      return e;
    });
  }

  /** Execution of the 决算s in force for the viewer, grouped as asked: one page and, when selected, its count, in one statement. */
  async groups(filter: ExecutionFilter, groupBy: ExecutionDimension[], page: Page): Promise<{ rows: ExecutionGroup[]; count: () => Promise<number> }> {
    const v = inForce(this.viewer);
    const w = new Where(["b.stage = 'FINAL'", v.sql], v.params).in("b.year", filter.years);
    if (filter.departmentCodes?.length) w.add(`b.department_id IN (SELECT id FROM department WHERE code IN (${placeholders(filter.departmentCodes.length)}))`, ...filter.departmentCodes);
    const facts = factsSql(v, { sql: `SELECT b.id, b.department_id, b.year FROM department_budget b WHERE ${w.sql}`, params: w.params });
    const keys = groupBy.map((d) => KEY[d]);
    const prefixes = filter.subjectCodePrefixes ?? [];
    const where = prefixes.length ? `WHERE (${prefixes.map(() => "x.subject_code LIKE ?").join(" OR ")})` : "";
    const having: string[] = [];
    const havingParams: unknown[] = [];
    if (filter.deviationAtLeast !== undefined && filter.deviationAtLeast !== null) {
      // Rates are compared at their printed grain, two decimals; a finer threshold would be cut silently.
      if (/\.\d{3,}$/.test(filter.deviationAtLeast.trim().replace(/0+$/, ""))) throw badInput("deviationAtLeast takes at most 2 decimals, as rates are given", "filter.deviationAtLeast");
      const pct = scaled(filter.deviationAtLeast, 2);
      if (pct < 0n) throw badInput("deviationAtLeast must not be negative", "filter");
      // |final − budgeted| × 10000 ≥ pct(×100) × budgeted, in integers; or spent with nothing budgeted.
      having.push("(ABS(SUM(x.final_fen) - SUM(x.budget_fen)) * 10000 >= ? * SUM(x.budget_fen) AND SUM(x.budget_fen) > 0 OR SUM(x.budget_fen) = 0 AND SUM(x.final_fen) <> 0)");
      havingParams.push(pct.toString());
    }
    const select = keys.map((k) => `${k.expr} AS ${k.as}`);
    const grouped = `SELECT ${[...select, "SUM(x.final_fen) AS final_fen", "SUM(x.budget_fen) AS budget_fen", "MIN(x.basis) AS b_min", "MAX(x.basis) AS b_max", "COUNT(DISTINCT x.final_id) AS finals"].join(", ")}
                       FROM facts x ${where} ${keys.length ? `GROUP BY ${keys.map((k) => k.expr).join(", ")}` : ""} ${having.length ? `HAVING ${having.join(" AND ")}` : ""}`;
    const rows = await this.sql.all(
      `${facts.sql} SELECT g.*, COUNT(*) OVER () AS total_groups FROM (${grouped}) g ${keys.length ? `ORDER BY ${keys.map((k) => `g.${k.as}`).join(", ")}` : ""} LIMIT ? OFFSET ?`,
      [...facts.params, ...prefixes.map((p) => `${p}%`), ...havingParams, page.limit + 1, page.offset],
    );
    const total = rows.length ? toInt(rows[0]!.total_groups) : null;
    return {
      rows: rows.map(toGroup),
      count: async () => total ?? (page.offset === 0 ? 0 : (await this.groups(filter, groupBy, { offset: 0, limit: 1, counted: false })).count()),
    };
  }
}

const KEY: Record<ExecutionDimension, { expr: string; as: string }> = {
  [ExecutionDimension.YEAR]: { expr: "x.year", as: "g_year" },
  [ExecutionDimension.DEPARTMENT]: { expr: "x.department_id", as: "g_department" },
  [ExecutionDimension.SUBJECT_CLASS]: { expr: "SUBSTR(x.subject_code, 1, 3)", as: "g_class" },
  [ExecutionDimension.SUBJECT_SECTION]: { expr: "SUBSTR(x.subject_code, 1, 5)", as: "g_section" },
  [ExecutionDimension.SUBJECT_ITEM]: { expr: "x.subject_code", as: "g_item" },
};

function toGroup(r: Row): ExecutionGroup {
  const basis = basisOf(r.b_min, r.b_max);
  return Object.assign(new ExecutionGroup(), {
    year: r.g_year === undefined ? null : Number(r.g_year),
    departmentId: r.g_department === undefined ? null : Number(r.g_department),
    subject: (r.g_item ?? r.g_section ?? r.g_class ?? null) as string | null,
    basis,
    budgetedFen: basis === ExecutionBasis.NONE ? null : toFen(r.budget_fen),
    finalFen: toFen(r.final_fen),
    finalCount: toInt(r.finals),
  });
}
