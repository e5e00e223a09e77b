import type { Page } from "../../common/relay";
import { type Row, Sql, placeholders, toInt } from "../../db/sql";
import type { BudgetUnit, Department } from "./department.type";

export function toDepartment(r: Row): Department {
  return { id: Number(r.id), code: String(r.code), name: String(r.name), shortName: String(r.short_name), regionCode: String(r.region_code) };
}

/** Columns that carry a joined department (alias `d`) beside other rows; `joinedDepartment` reads them back. */
export const DEPARTMENT_COLUMNS = ["id", "code", "name", "short_name", "region_code"];
export const JOINED_DEPARTMENT = DEPARTMENT_COLUMNS.map((c) => `d.${c} AS dept_${c}`).join(", ");

export function joinedDepartment(r: Row): Department {
  return toDepartment({ id: r.dept_id, code: r.dept_code, name: r.dept_name, short_name: r.dept_short_name, region_code: r.dept_region_code });
}

function toUnit(r: Row): BudgetUnit {
  return { id: Number(r.id), departmentId: Number(r.department_id), code: String(r.code), name: String(r.name), isSelf: Boolean(Number(r.is_self)) };
}

/** Departments are public facts (names, codes); their budgets are what access control scopes. */
export class DepartmentService {
  constructor(private readonly sql: Sql) {}

  /** One page, fetching one row more than asked so the caller knows whether another page follows. */
  async page(page: Page): Promise<Department[]> {
    const rows = await this.sql.all("SELECT * FROM department ORDER BY code, id LIMIT ? OFFSET ?", [page.limit + 1, page.offset]);
    return rows.map(toDepartment);
  }

  async count(): Promise<number> {
    return toInt((await this.sql.one<Row>("SELECT COUNT(*) AS n FROM department"))?.n);
  }

  async byIds(ids: readonly number[]): Promise<Department[]> {
    if (!ids.length) return [];
    return (await this.sql.all(`SELECT * FROM department WHERE id IN (${placeholders(ids.length)})`, [...ids])).map(toDepartment);
  }

  async byCodes(codes: readonly string[]): Promise<Department[]> {
    if (!codes.length) return [];
    return (await this.sql.all(`SELECT * FROM department WHERE code IN (${placeholders(codes.length)})`, [...codes])).map(toDepartment);
  }

  async unitsOf(departmentIds: readonly number[]): Promise<BudgetUnit[]> {
    if (!departmentIds.length) return [];
    const rows = await this.sql.all(
      `SELECT * FROM budget_unit WHERE department_id IN (${placeholders(departmentIds.length)}) ORDER BY code`,
      [...departmentIds],
    );
    return rows.map(toUnit);
  }

  async unitsByIds(ids: readonly number[]): Promise<BudgetUnit[]> {
    if (!ids.length) return [];
    return (await this.sql.all(`SELECT * FROM budget_unit WHERE id IN (${placeholders(ids.length)})`, [...ids])).map(toUnit);
  }
}
