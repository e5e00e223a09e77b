import type { Page } from "../../common/relay";
import { type Viewer, inForce } from "../../common/viewer";
import { toMicro } from "../../common/decimal";
import { type Row, Sql, Where, placeholders } from "../../db/sql";
import type { IndicatorFilter } from "./indicator-filter.type";
import { IndicatorCategory, IndicatorScope, PerformanceIndicator } from "./performance-indicator.type";
import { JOINED_DEPARTMENT, joinedDepartment } from "../department/department.service";
import { JOINED_PROJECT, type SearchPage, joinedProject } from "../project/project.service";
import type { Project } from "../project/project.type";

function toIndicator(r: Row): PerformanceIndicator {
  return {
    id: Number(r.id),
    budgetId: Number(r.budget_id),
    departmentId: Number(r.department_id),
    year: Number(r.year),
    projectId: r.project_id === null ? null : Number(r.project_id),
    scope: r.scope as IndicatorScope,
    name: String(r.name),
    target: String(r.target),
    comparator: (r.comparator as string | null) ?? null,
    value: (r.target_value as string | null) ?? null,
    unit: (r.target_unit as string | null) ?? null,
    category: (r.category as IndicatorCategory | null) ?? null,
    level1: (r.level1 as string | null) ?? null,
    level2: (r.level2 as string | null) ?? null,
    explanation: (r.explanation as string | null) ?? null,
  };
}

const SELECT = `SELECT i.*, b.department_id, b.year FROM performance_indicator i JOIN department_budget b ON b.id = i.budget_id`;

/** The search's order: by year, department, department-level before project indicators, then as printed. */
const ORDER = "b.year, d.code, i.scope, p.position, i.position, i.id";
/** The same order as a key (a department-level indicator's missing project sorts first, as NULL does). */
const KEY_COLUMNS = "b.year, d.code, i.scope, COALESCE(p.position, -1), i.position, i.id";
const KEY_SELECT = "COALESCE(p.position, -1) AS key_project_position";
/** Department-years one keyset statement sorts the indicators of. */
const KEYSET_WINDOW = 50;

/** Where an indicator stands in the search order: the keyset page after it starts there. */
export type IndicatorKey = [year: number, departmentCode: string, scope: string, projectPosition: number, position: number, id: number];

export interface KeysetPage {
  rows: PerformanceIndicator[];
  departments: ReturnType<typeof joinedDepartment>[];
  projects: Project[];
  /** The key of the page's last row when more follow. */
  next?: IndicatorKey;
}

/** Indicators are reached through a project or budget the viewer could already see. */
export class PerformanceService {
  constructor(
    private readonly sql: Sql,
    private readonly viewer: Viewer,
  ) {}

  /** Indicators of budgets in force matching the filter: one page, and the count when asked. */
  async search(filter: IndicatorFilter, page: Page): Promise<SearchPage<PerformanceIndicator> & { projects: Project[] }> {
    const { from, params } = this.matching(filter);
    const { rows, count } = await this.sql.pageAndCount({
      page: `SELECT i.*, b.department_id, b.year, ${JOINED_DEPARTMENT}, ${JOINED_PROJECT} ${from} ORDER BY ${ORDER} LIMIT ? OFFSET ?`,
      count: `SELECT COUNT(*) AS n ${from}`,
      params,
      pageParams: [page.limit + 1, page.offset],
      counted: page.counted,
    });
    return { rows: rows.map(toIndicator), departments: rows.map(joinedDepartment), projects: rows.map(joinedProject).filter((x) => x !== null), count };
  }

  /**
   * The same search in the same order, `limit` rows after `after` (keyset paging, for exports
   * that read every row): each statement sorts the indicators of at most `window` department-years
   * from the key on, so a page costs the same at the end of a long list as at its start, where
   * OFFSET sorted the whole filtered list again for every page.
   */
  async searchAfter(filter: IndicatorFilter, after: IndicatorKey | undefined, limit: number, window = KEYSET_WINDOW): Promise<KeysetPage> {
    const { from, params } = this.matching(filter);
    const v = inForce(this.viewer);
    const budgets = new Where([v.sql], v.params).in("b.year", filter.years).in("d.code", filter.departmentCodes);
    const out: Row[] = [];
    // From the key's own department-year on; after the first window, strictly after the last one read.
    let start: { year: number; code: string; op: ">=" | ">" } | undefined = after ? { year: after[0], code: after[1], op: ">=" } : undefined;
    let key = after;
    for (;;) {
      // The next department-years: the order's first two keys.
      const ahead = new Where([budgets.sql], budgets.params);
      if (start) ahead.add(`(b.year > ? OR b.year = ? AND d.code ${start.op} ?)`, start.year, start.year, start.code);
      const groups = await this.sql.all(
        `SELECT DISTINCT b.year, d.code FROM department_budget b JOIN department d ON d.id = b.department_id WHERE ${ahead.sql} ORDER BY b.year, d.code LIMIT ?`,
        [...ahead.params, window],
      );
      if (!groups.length) break;
      const first = groups[0]!;
      const last = groups.at(-1)!;
      const within = new Where([`(b.year > ? OR b.year = ? AND d.code >= ?)`, `(b.year < ? OR b.year = ? AND d.code <= ?)`], [first.year, first.year, first.code, last.year, last.year, last.code]);
      if (key) within.add(`(${KEY_COLUMNS}) > (${placeholders(key.length)})`, ...key);
      const rows = await this.sql.all(
        `SELECT i.*, b.department_id, b.year, ${JOINED_DEPARTMENT}, ${JOINED_PROJECT}, ${KEY_SELECT} ${from} AND ${within.sql} ORDER BY ${KEY_COLUMNS} LIMIT ?`,
        [...params, ...within.params, limit + 1 - out.length],
      );
      out.push(...rows);
      if (out.length > limit || groups.length < window) break;
      // This window is done: the next starts after its last department-year.
      start = { year: Number(last.year), code: String(last.code), op: ">" };
      key = undefined;
    }
    const page = out.slice(0, limit);
    const end = page.at(-1);
    return {
      rows: page.map(toIndicator),
      departments: page.map(joinedDepartment),
      projects: page.map(joinedProject).filter((x) => x !== null),
      next: out.length > limit && end ? [Number(end.year), String(end.dept_code), String(end.scope), Number(end.key_project_position), Number(end.position), Number(end.id)] : undefined,
    };
  }

  /** The FROM and WHERE of an indicator search. */
  private matching(filter: IndicatorFilter): { from: string; params: unknown[] } {
    const v = inForce(this.viewer);
    const w = new Where([v.sql], v.params)
      .in("b.year", filter.years)
      .in("d.code", filter.departmentCodes)
      .in("p.code", filter.projectCodes)
      .in("i.category", filter.categories)
      .in("i.comparator", filter.comparators)
      .eq("i.scope", filter.scope)
      .eq("i.level1", filter.level1)
      .eq("i.level2", filter.level2)
      .eq("i.target_unit", filter.unit)
      .contains("i.name", filter.nameContains);
    if (filter.valueBelow !== undefined && filter.valueBelow !== null) w.add("i.target_value_micro < ?", toMicro(filter.valueBelow));
    if (filter.valueAtLeast !== undefined && filter.valueAtLeast !== null) w.add("i.target_value_micro >= ?", toMicro(filter.valueAtLeast));
    if (filter.numeric !== undefined && filter.numeric !== null) w.add(filter.numeric ? "i.target_value_micro IS NOT NULL" : "i.target_value_micro IS NULL");
    const from = `FROM performance_indicator i JOIN department_budget b ON b.id = i.budget_id JOIN department d ON d.id = b.department_id
      LEFT JOIN project p ON p.id = i.project_id WHERE ${w.sql}`;
    return { from, params: w.params };
  }

  async ofProjects(projectIds: readonly number[]): Promise<PerformanceIndicator[]> {
    if (!projectIds.length) return [];
    const rows = await this.sql.all(`${SELECT} WHERE i.project_id IN (${placeholders(projectIds.length)}) ORDER BY i.project_id, i.position`, [
      ...projectIds,
    ]);
    return rows.map(toIndicator);
  }

  async departmentLevelOf(budgetIds: readonly number[]): Promise<PerformanceIndicator[]> {
    if (!budgetIds.length) return [];
    const rows = await this.sql.all(
      `${SELECT} WHERE i.scope = 'DEPARTMENT' AND i.budget_id IN (${placeholders(budgetIds.length)}) ORDER BY i.budget_id, i.position`,
      [...budgetIds],
    );
    return rows.map(toIndicator);
  }
}
