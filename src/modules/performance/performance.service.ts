import { type Row, Sql, placeholders } from "../../db/sql";
import { IndicatorCategory, IndicatorScope, PerformanceIndicator } from "./performance-indicator.type";

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
  constructor(private readonly sql: Sql) {}

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
