import { toFen } from "../../common/money";
import { type Viewer, inForce } from "../../common/viewer";
import { type Row, Sql, groupBy, placeholders } from "../../db/sql";

/** A code list entry with all its year-versioned names; `pickName` chooses one for a year. */
export interface CatalogEntry {
  code: string;
  level: string;
  parentCode: string | null;
  scheme: string | null;
  names: { year: number; name: string; origin: string }[];
}

/** Where a code list lives and which fact table/column its codes are used in. */
export interface CatalogTables {
  codeTable: string;
  nameTable: string;
  /** Extra join condition between the code and name tables (the scheme, for economic codes). */
  nameJoin: string;
  /** Restricts the code table to one list (e.g. one economic scheme); "" for none. */
  codeFilter: string;
  factTable: string;
  factColumn: string;
}

export interface AmountKey {
  code: string;
  year: number | null;
  departmentCodes: string[] | null;
  /** BUDGET, ADJUSTED or FINAL: an amount never adds one stage to another. */
  stage: string;
}

/** Keys answered by one statement: the same year, departments and stage. */
export const amountGroup = (k: AmountKey): string => JSON.stringify([k.year, k.departmentCodes, k.stage]);

/**
 * Picks a code's name for a year: that year's (a document's printing before the shipped
 * list), else the nearest earlier year's, else the earliest known; with no year, the latest.
 */
export function pickName(names: CatalogEntry["names"], year: number | null): { name: string | null; year: number | null } {
  if (!names.length) return { name: null, year: null };
  const rank = (n: { origin: string }) => (n.origin === "DOCUMENT" ? 1 : 0);
  const sorted = [...names].sort((a, b) => b.year - a.year || rank(b) - rank(a));
  const chosen = (year === null ? sorted[0] : (sorted.find((n) => n.year <= year) ?? sorted.at(-1)))!;
  return { name: chosen.name, year: chosen.year };
}

/** Reads a hierarchical code list and rolls fact amounts up over it. SQL shared by both classifications. */
export class CodeCatalog {
  constructor(
    private readonly sql: Sql,
    private readonly viewer: Viewer,
    private readonly t: CatalogTables,
  ) {}

  /** Entries matching `where` (on alias c), each with all its names, in code order. */
  async entries(where: string, params: unknown[]): Promise<CatalogEntry[]> {
    const scheme = this.t.nameJoin ? "c.scheme" : "NULL";
    const rows = await this.sql.all(
      `SELECT c.code, c.level, c.parent_code, ${scheme} AS scheme, n.year AS name_year, n.name, n.origin
         FROM ${this.t.codeTable} c LEFT JOIN ${this.t.nameTable} n ON n.code = c.code ${this.t.nameJoin}
        WHERE (${where}) ${this.t.codeFilter ? `AND ${this.t.codeFilter}` : ""}
        ORDER BY c.code`,
      params,
    );
    const result = new Map<string, CatalogEntry>();
    for (const r of rows) {
      const key = `${r.scheme ?? ""}:${r.code}`;
      let e = result.get(key);
      if (!e) {
        e = { code: String(r.code), level: String(r.level), parentCode: (r.parent_code as string | null) ?? null, scheme: (r.scheme as string | null) ?? null, names: [] };
        result.set(key, e);
      }
      if (r.name !== null) e.names.push({ year: Number(r.name_year), name: String(r.name), origin: String(r.origin) });
    }
    return [...result.values()];
  }

  async byCodes(codes: readonly string[]): Promise<CatalogEntry[]> {
    if (!codes.length) return [];
    return this.entries(`c.code IN (${placeholders(codes.length)})`, [...codes]);
  }

  async childrenOf(codes: readonly string[]): Promise<CatalogEntry[]> {
    if (!codes.length) return [];
    return this.entries(`c.parent_code IN (${placeholders(codes.length)})`, [...codes]);
  }

  /**
   * Amount under each code, rolled up over its children, for current visible budgets of the
   * key's stage. Keys sharing a year, department list and stage are answered by one statement.
   */
  async amounts(keys: readonly AmountKey[]): Promise<bigint[]> {
    const groups = groupBy(keys, amountGroup);
    const sums = new Map<string, bigint>();
    for (const [groupKey, group] of groups) {
      const { year, departmentCodes, stage } = group[0]!;
      const byCode = await this.leafTotals([...new Set(group.map((k) => k.code))], year, departmentCodes, stage);
      for (const k of group) {
        let sum = 0n;
        for (const [code, fen] of byCode) if (code.startsWith(k.code)) sum += fen;
        sums.set(JSON.stringify([k.code, groupKey]), sum);
      }
    }
    return keys.map((k) => sums.get(JSON.stringify([k.code, amountGroup(k)]))!);
  }

  private async leafTotals(prefixes: string[], year: number | null, departmentCodes: string[] | null, stage: string): Promise<Map<string, bigint>> {
    if (departmentCodes && !departmentCodes.length) return new Map();
    const col = `l.${this.t.factColumn}`;
    const v = inForce(this.viewer);
    const where = ["b.stage = ?", v.sql, `(${prefixes.map(() => `${col} LIKE ?`).join(" OR ")})`];
    const params: unknown[] = [stage, ...v.params, ...prefixes.map((p) => `${p}%`)];
    if (year !== null) (where.push("l.year = ?"), params.push(year));
    if (departmentCodes) {
      where.push(`l.department_id IN (SELECT id FROM department WHERE code IN (${placeholders(departmentCodes.length)}))`);
      params.push(...departmentCodes);
    }
    const rows: Row[] = await this.sql.all(
      `SELECT ${col} AS code, SUM(l.amount_fen) AS fen
         FROM ${this.t.factTable} l JOIN department_budget b ON b.id = l.budget_id
        WHERE ${where.join(" AND ")}
        GROUP BY ${col}`,
      params,
    );
    return new Map(rows.map((r): [string, bigint] => [String(r.code), toFen(r.fen)]));
  }
}
