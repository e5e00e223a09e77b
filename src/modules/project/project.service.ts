import { toFen } from "../../common/money";
import type { Page } from "../../common/relay";
import { type Viewer, inForce, visibleBudgets } from "../../common/viewer";
import { type Row, Sql, Where, pagePerParent, placeholders, toInt } from "../../db/sql";
import { FundingSource } from "../budget/budget.type";
import { SourceAmount } from "../budget/lines.type";
import { JOINED_DEPARTMENT, joinedDepartment } from "../department/department.service";
import type { Department } from "../department/department.type";
import { Project, ProjectAlias, ProjectCategory, ProjectFilter, type ProjectOrder, ProjectOrderField } from "./project.type";

function toProject(r: Row): Project {
  return Object.assign(new Project(), {
    id: Number(r.id),
    budgetId: Number(r.budget_id),
    departmentId: Number(r.department_id),
    year: Number(r.year),
    code: (r.code as string | null) ?? null,
    name: String(r.name),
    category: r.category as ProjectCategory,
    subject: (r.subject_code as string | null) ?? null,
    amountFen: toFen(r.amount_fen),
  });
}

const PROJECT_COLUMNS = ["id", "budget_id", "department_id", "year", "code", "name", "category", "subject_code", "amount_fen"];
const PROJECT_ALIASES = PROJECT_COLUMNS.map((c) => [c, `prj_${c}`] as const);
/** Columns that carry a joined project (alias `p`) beside other rows; `joinedProject` reads them back. */
export const JOINED_PROJECT = PROJECT_ALIASES.map(([c, alias]) => `p.${c} AS ${alias}`).join(", ");

export function joinedProject(r: Row): Project | null {
  if (r.prj_id === null || r.prj_id === undefined) return null;
  const columns: Row = {};
  for (const [c, alias] of PROJECT_ALIASES) columns[c] = r[alias];
  return toProject(columns);
}

/** A page of a search, with the departments its rows name, read in the same statement. */
export interface SearchPage<T> {
  rows: T[];
  count: () => Promise<number>;
  departments: Department[];
}

export class ProjectService {
  constructor(
    private readonly sql: Sql,
    private readonly viewer: Viewer,
  ) {}

  /**
   * The same page of projects for many budgets in one statement: ROW_NUMBER() numbers each
   * budget's projects, so every budget gets its own first N. Budgets come from a visible parent.
   */
  async pageOfBudgets(budgetIds: readonly number[], page: Page): Promise<Map<number, Project[]>> {
    return pagePerParent(this.sql, {
      parents: budgetIds, select: "p.*", from: `FROM project p WHERE p.budget_id IN (${placeholders(budgetIds.length)})`, params: [...budgetIds],
      parent: "p.budget_id", order: "p.position, p.id", page, map: toProject,
    });
  }

  async countOfBudgets(budgetIds: readonly number[]): Promise<Map<number, number>> {
    const result = new Map<number, number>(budgetIds.map((id) => [id, 0]));
    if (!budgetIds.length) return result;
    const rows = await this.sql.all(
      `SELECT budget_id, COUNT(*) AS n FROM project WHERE budget_id IN (${placeholders(budgetIds.length)}) GROUP BY budget_id`,
      [...budgetIds],
    );
    for (const r of rows) result.set(Number(r.budget_id), toInt(r.n));
    return result;
  }

  /**
   * The same page of projects for many departments (of one year, or all) in one statement, in
   * the order a search lists them: ROW_NUMBER() numbers each department's current, visible projects.
   */
  async pageOfDepartments(departmentIds: readonly number[], year: number | null, page: Page): Promise<Map<number, Project[]>> {
    const { where, params } = this.ofDepartmentsSql(departmentIds, year);
    return pagePerParent(this.sql, {
      parents: departmentIds, select: "p.*", from: `FROM project p JOIN department_budget b ON b.id = p.budget_id WHERE ${where}`, params,
      parent: "p.department_id", order: "p.year, p.position, p.id", page, map: toProject,
    });
  }

  async countOfDepartments(departmentIds: readonly number[], year: number | null): Promise<Map<number, number>> {
    const result = new Map<number, number>(departmentIds.map((id) => [id, 0]));
    if (!departmentIds.length) return result;
    const { where, params } = this.ofDepartmentsSql(departmentIds, year);
    const rows = await this.sql.all(`SELECT p.department_id, COUNT(*) AS n FROM project p JOIN department_budget b ON b.id = p.budget_id WHERE ${where} GROUP BY p.department_id`, params);
    for (const r of rows) result.set(Number(r.department_id), toInt(r.n));
    return result;
  }

  async byIds(ids: readonly number[]): Promise<Project[]> {
    if (!ids.length) return [];
    const v = visibleBudgets(this.viewer);
    const rows = await this.sql.all(
      `SELECT p.* FROM project p JOIN department_budget b ON b.id = p.budget_id WHERE ${v.sql} AND p.id IN (${placeholders(ids.length)})`,
      [...v.params, ...ids],
    );
    return rows.map(toProject);
  }

  /** Projects of current, visible budgets matching the filter: one page, and the count on demand. */
  async search(filter: ProjectFilter, page: Page, order?: ProjectOrder): Promise<SearchPage<Project>> {
    const { where, params } = this.filterSql(filter);
    const from = `FROM project p JOIN department_budget b ON b.id = p.budget_id JOIN department d ON d.id = p.department_id WHERE ${where}`;
    const first = order?.by === ProjectOrderField.AMOUNT ? `p.amount_fen ${order.descending ? "DESC" : "ASC"}, ` : "";
    const { rows, count } = await this.sql.pageAndCount({
      page: `SELECT p.*, ${JOINED_DEPARTMENT} ${from} ORDER BY ${first}p.year, d.code, p.position, p.id LIMIT ? OFFSET ?`,
      count: `SELECT COUNT(*) AS n ${from}`,
      params,
      pageParams: [page.limit + 1, page.offset],
      counted: page.counted,
    });
    return { rows: rows.map(toProject), departments: rows.map(joinedDepartment), count };
  }

  async linesOf(projectIds: readonly number[]): Promise<(SourceAmount & { projectId: number })[]> {
    if (!projectIds.length) return [];
    const rows = await this.sql.all(
      `SELECT * FROM project_line WHERE project_id IN (${placeholders(projectIds.length)}) ORDER BY project_id, id`,
      [...projectIds],
    );
    return rows.map((r) =>
      Object.assign(new SourceAmount(), { projectId: Number(r.project_id), fundingSource: r.funding_source as FundingSource, amountFen: toFen(r.amount_fen) }),
    );
  }

  async aliasesOf(projectIds: readonly number[]): Promise<(ProjectAlias & { projectId: number })[]> {
    if (!projectIds.length) return [];
    const rows = await this.sql.all(
      `SELECT * FROM project_alias WHERE project_id IN (${placeholders(projectIds.length)}) ORDER BY project_id, id`,
      [...projectIds],
    );
    return rows.map((r) => ({ projectId: Number(r.project_id), code: (r.code as string | null) ?? null, name: String(r.name), source: String(r.source) }));
  }

  /** What a search by department (and year) keeps: projects of current, visible budgets. */
  private ofDepartmentsSql(departmentIds: readonly number[], year: number | null): { where: string; params: unknown[] } {
    const v = inForce(this.viewer);
    const w = new Where([v.sql], v.params).in("p.department_id", departmentIds).eq("p.year", year);
    return { where: w.sql, params: w.params };
  }

  private filterSql(filter: ProjectFilter): { where: string; params: unknown[] } {
    const v = inForce(this.viewer);
    const w = new Where([v.sql], v.params).in("p.year", filter.years).in("d.code", filter.departmentCodes);
    if (filter.codes?.length) {
      const ph = placeholders(filter.codes.length);
      w.add(`(p.code IN (${ph}) OR p.id IN (SELECT a.project_id FROM project_alias a WHERE a.code IN (${ph})))`, ...filter.codes, ...filter.codes);
    }
    w.contains("p.name", filter.nameContains).eq("p.category", filter.category);
    return { where: w.sql, params: w.params };
  }

}
