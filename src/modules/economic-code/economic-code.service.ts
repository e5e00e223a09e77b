import { type AmountKey, type CatalogEntry, CodeCatalog, pickName } from "../classification/code-catalog";
import { type Viewer, inForce } from "../../common/viewer";
import { Sql } from "../../db/sql";
import { EconomicCode, EconomicLevel, EconomicScheme, schemeOf } from "./economic-code.type";

const COLUMN: Record<EconomicScheme, string> = {
  [EconomicScheme.DEPARTMENT]: "dept_economic_code",
  [EconomicScheme.GOVERNMENT]: "gov_economic_code",
};

export class EconomicCodeService {
  private readonly catalogs: Record<EconomicScheme, CodeCatalog>;

  constructor(
    private readonly sql: Sql,
    private readonly viewer: Viewer,
  ) {
    const catalog = (scheme: EconomicScheme) =>
      new CodeCatalog(sql, viewer, {
        codeTable: "economic_code",
        nameTable: "economic_code_name",
        nameJoin: "AND n.scheme = c.scheme",
        codeFilter: `c.scheme = '${scheme}'`,
        factTable: "economic_line",
        factColumn: COLUMN[scheme],
      });
    this.catalogs = { DEPT: catalog(EconomicScheme.DEPARTMENT), GOV: catalog(EconomicScheme.GOVERNMENT) };
  }

  /** Codes of either scheme (the scheme follows from the first digit). */
  async byCodes(codes: readonly string[]): Promise<CatalogEntry[]> {
    const [dept, gov] = partition(codes);
    return [...(await this.catalogs.DEPT.byCodes(dept)), ...(await this.catalogs.GOV.byCodes(gov))];
  }

  async childrenOf(codes: readonly string[]): Promise<CatalogEntry[]> {
    const [dept, gov] = partition(codes);
    return [...(await this.catalogs.DEPT.childrenOf(dept)), ...(await this.catalogs.GOV.childrenOf(gov))];
  }

  async list(scheme: EconomicScheme, level: EconomicLevel | null, parentCode: string | null): Promise<CatalogEntry[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (level) (where.push("c.level = ?"), params.push(level));
    if (parentCode) (where.push("c.parent_code = ?"), params.push(parentCode));
    return this.catalogs[scheme].entries(where.join(" AND ") || "1=1", params);
  }

  /** Basic expenditure under each code, rolled up over its children. */
  async expenditure(keys: readonly AmountKey[]): Promise<bigint[]> {
    const out = new Array<bigint>(keys.length);
    for (const scheme of [EconomicScheme.DEPARTMENT, EconomicScheme.GOVERNMENT]) {
      const idx = keys.map((k, i) => (schemeOf(k.code) === scheme ? i : -1)).filter((i) => i >= 0);
      if (!idx.length) continue;
      const sums = await this.catalogs[scheme].amounts(idx.map((i) => keys[i]!));
      idx.forEach((i, j) => (out[i] = sums[j]!));
    }
    return out;
  }

  /**
   * The crosswalk: codes of the other scheme that published rows pair with this code, at the
   * same level (a 类 pairs with 类). One statement for all codes of a batch.
   */
  async pairedCodes(codes: readonly string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>(codes.map((c) => [c, []]));
    if (!codes.length) return result;
    const v = inForce(this.viewer);
    const like = codes.map((c) => `l.${COLUMN[schemeOf(c)]} LIKE ?`).join(" OR ");
    const rows = await this.sql.all(
      `SELECT DISTINCT l.dept_economic_code AS dept, l.gov_economic_code AS gov
         FROM economic_line l JOIN department_budget b ON b.id = l.budget_id
        WHERE ${v.sql} AND (${like})`,
      [...v.params, ...codes.map((c) => `${c}%`)],
    );
    for (const code of codes) {
      const mine = schemeOf(code) === EconomicScheme.DEPARTMENT ? "dept" : "gov";
      const theirs = mine === "dept" ? "gov" : "dept";
      const paired = new Set<string>();
      for (const r of rows) if (String(r[mine]).startsWith(code)) paired.add(String(r[theirs]).slice(0, code.length));
      result.set(code, [...paired].sort());
    }
    return result;
  }
}

function partition(codes: readonly string[]): [string[], string[]] {
  return [codes.filter((c) => schemeOf(c) === EconomicScheme.DEPARTMENT), codes.filter((c) => schemeOf(c) === EconomicScheme.GOVERNMENT)];
}

/** A catalog entry as the API's EconomicCode, named for a year; `year` is the year its name is from. */
export function toEconomicCode(e: CatalogEntry, asOf: number | null): EconomicCode {
  const picked = pickName(e.names, asOf);
  return {
    code: e.code,
    scheme: (e.scheme as EconomicScheme) ?? schemeOf(e.code),
    level: e.level as EconomicLevel,
    parentCode: e.parentCode,
    name: picked.name,
    year: picked.year,
    asOf,
  };
}
