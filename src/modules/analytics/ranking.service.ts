import { toFen } from "../../common/money";
import { type MoneyUnit, money } from "../../common/money-unit";
import { type Viewer, inForce } from "../../common/viewer";
import { type Sql, toInt } from "../../db/sql";
import type { BudgetStage } from "../budget/budget.type";
import { toDepartment } from "../department/department.service";
import { percent } from "../../common/percent";
import { RankingMeasure as M, SortDirection } from "./analytics.type";
import { DepartmentRanking, RankingEntry } from "./ranking.type";

interface Measure {
  num: string;
  /** The denominator of a ratio; it may read other budgets, as far as the viewer sees them. */
  den?: string | ((viewer: Viewer) => { sql: string; params: unknown[] });
  kind: "MONEY" | "PERCENT" | "COUNT";
  /** The one stage the measure is about, whatever stage is asked. */
  stage?: BudgetStage;
}

/** A 决算's year-begin budget: the imported 预算's printed total, else the 年初预算数 total it prints itself. */
const yearBeginBudget = (viewer: Viewer) => {
  const p = inForce(viewer, "p");
  return {
    sql: `COALESCE((SELECT p.stated_expenditure_total FROM department_budget p
                     WHERE p.department_id = b.department_id AND p.year = b.year AND p.stage = 'BUDGET' AND ${p.sql}),
                   b.stated_year_begin_total)`,
    params: p.params,
  };
};

/** Per measure: the SQL for a department's numerator (and denominator for ratios), and how to show it. */
const MEASURES: Record<M, Measure> = {
  [M.EXPENDITURE_TOTAL]: { num: "b.stated_expenditure_total", kind: "MONEY" },
  [M.BASIC_SHARE]: { num: "b.stated_basic", den: "b.stated_expenditure_total", kind: "PERCENT" },
  [M.PERSONNEL_SHARE]: { num: "b.stated_personnel", den: "b.stated_basic", kind: "PERCENT" },
  [M.PROJECT_SHARE]: { num: "b.stated_project", den: "b.stated_expenditure_total", kind: "PERCENT" },
  [M.THREE_PUBLIC]: { num: "(SELECT t.total_fen FROM three_public_expense t WHERE t.budget_id = b.id)", kind: "MONEY" },
  [M.OPERATING_FUNDS]: { num: "(SELECT o.total_fen FROM operating_funds o WHERE o.budget_id = b.id)", kind: "MONEY" },
  [M.PROJECT_COUNT]: { num: "(SELECT COUNT(*) FROM project p WHERE p.budget_id = b.id)", kind: "COUNT" },
  [M.INDICATOR_COUNT]: { num: "(SELECT COUNT(*) FROM performance_indicator i WHERE i.budget_id = b.id)", kind: "COUNT" },
  [M.EXECUTION_RATE]: { num: "b.stated_expenditure_total", den: yearBeginBudget, kind: "PERCENT", stage: "FINAL" },
};

export class RankingService {
  constructor(
    private readonly sql: Sql,
    private readonly viewer: Viewer,
  ) {}

  /**
   * One statement reads every department's figures for the year; ordering is exact (bigint).
   * The whole ranking is kept (`ranked`, paged by the API); `entries` is its first `first`.
   */
  async rank(year: number, measure: M, opts: { first: number; direction: SortDirection; unit: MoneyUnit; stage: BudgetStage }): Promise<DepartmentRanking> {
    const m = MEASURES[measure];
    const stage = m.stage ?? opts.stage;
    const v = inForce(this.viewer);
    const den = typeof m.den === "function" ? m.den(this.viewer) : { sql: m.den ?? "NULL", params: [] };
    const rows = await this.sql.all(
      `SELECT b.department_id, d.code, d.name, d.short_name, d.region_code, ${m.num} AS num, ${den.sql} AS den
         FROM department_budget b JOIN department d ON d.id = b.department_id
        WHERE b.stage = ? AND b.year = ? AND ${v.sql}`,
      [...den.params, stage, year, ...v.params],
    );
    const items = rows.map((r) => ({ departmentId: Number(r.department_id), code: String(r.code), num: r.num === null ? null : toFen(r.num), den: r.den === null ? null : toFen(r.den) }));
    const zoneNum = items.reduce((s, i) => s + (i.num ?? 0n), 0n);
    const zoneDen = items.reduce((s, i) => s + (i.den ?? 0n), 0n);
    const show = (num: bigint | null, den: bigint | null): string | null => {
      if (num === null) return null;
      if (m.kind === "PERCENT") return den ? percent(num, den) : null;
      return m.kind === "MONEY" ? money(num, opts.unit) : num.toString();
    };
    const ranked = rankFigures(items, !!m.den, opts.direction).map(({ item: i, rank }) =>
      Object.assign(new RankingEntry(), {
        departmentId: i.departmentId,
        rank,
        value: show(i.num, i.den),
        shareOfZone: m.kind !== "PERCENT" && i.num !== null ? percent(i.num, zoneNum) : null,
        numeratorFen: i.num,
        denominatorFen: i.den,
        moneyUnit: opts.unit,
        isMoney: m.kind !== "COUNT",
      }),
    );
    return {
      departments: rows.map((r) => toDepartment({ id: r.department_id, code: r.code, name: r.name, short_name: r.short_name, region_code: r.region_code })),
      year,
      stage,
      measure,
      zoneValue: items.length ? show(zoneNum, m.den ? zoneDen : null) : null,
      departmentCount: toInt(items.length),
      ranked,
      entries: ranked.slice(0, opts.first),
    };
  }
}

/** A department's figure for a measure: the amount, or the part and the whole of a share. */
export interface Figure {
  code: string;
  num: bigint | null;
  den: bigint | null;
}

const SHARE_SCALE = 10n ** 18n;

/**
 * Orders figures by value (num, or num/den for shares) exactly, ties by code; equal values share
 * a rank. Figures without a value (or without the whole a share is of) go last in either direction.
 */
export function rankFigures<T extends Figure>(figures: T[], share: boolean, direction: SortDirection): { item: T; rank: number }[] {
  // A share's key, trunc(num·10¹⁸/den), orders exactly wherever two keys differ; equal keys are
  // settled by cross-multiplying (a/b < c/d ⇔ a·d < c·b, denominators positive).
  const keyed = figures.map((item) => ({ item, key: share ? (item.num !== null && item.den ? (item.num * SHARE_SCALE) / item.den : null) : item.num }));
  type K = (typeof keyed)[number];
  const byValue = (a: K, b: K): number => {
    if (a.key === null || b.key === null) return 0;
    if (a.key !== b.key) return a.key < b.key ? -1 : 1;
    if (!share) return 0;
    const l = a.item.num! * b.item.den!;
    const r = b.item.num! * a.item.den!;
    return l === r ? 0 : l < r ? -1 : 1;
  };
  const sign = direction === SortDirection.DESC ? -1 : 1;
  const missing = (k: K) => Number(k.key === null);
  keyed.sort((a, b) => missing(a) - missing(b) || sign * byValue(a, b) || (a.item.code < b.item.code ? -1 : a.item.code > b.item.code ? 1 : 0));
  const out: { item: T; rank: number }[] = [];
  keyed.forEach((k, n) => {
    const prev = keyed[n - 1];
    const tied = prev !== undefined && missing(prev) === missing(k) && byValue(prev, k) === 0;
    out.push({ item: k.item, rank: tied ? out[n - 1]!.rank : n + 1 });
  });
  return out;
}
