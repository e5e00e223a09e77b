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

/** Indicators are reached through a project or budget the viewer could already see. */
export class PerformanceService {
  constructor(
    private readonly sql: Sql,
    private readonly viewer: Viewer,
  ) {}

  /** Indicators of budgets in force matching the filter: one page, and the count when asked. */
  async search(filter: IndicatorFilter, page: Page): Promise<SearchPage<PerformanceIndicator> & { projects: Project[] }> {
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
    const { params } = w;
    const from = `FROM performance_indicator i JOIN department_budget b ON b.id = i.budget_id JOIN department d ON d.id = b.department_id
      LEFT JOIN project p ON p.id = i.project_id WHERE ${w.sql}`;
    const { rows, count } = await this.sql.pageAndCount({
      page: `SELECT i.*, b.department_id, b.year, ${JOINED_DEPARTMENT}, ${JOINED_PROJECT} ${from} ORDER BY b.year, d.code, i.scope, p.position, i.position, i.id LIMIT ? OFFSET ?`,
      count: `SELECT COUNT(*) AS n ${from}`,
      params,
      pageParams: [page.limit + 1, page.offset],
      counted: page.counted,
    });
    return { rows: rows.map(toIndicator), departments: rows.map(joinedDepartment), projects: rows.map(joinedProject).filter((x) => x !== null), count };
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
