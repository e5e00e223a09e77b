import type { EntityManager } from "typeorm";
import { placeholders } from "../../db/sql";

const TABLES = {
  SUBJECT: { nameTable: "subject_code_name", scheme: null },
  DEPT: { nameTable: "economic_code_name", scheme: "DEPT" },
  GOV: { nameTable: "economic_code_name", scheme: "GOV" },
} as const;

/**
 * Publishing a version makes the names it printed the names of its year, as an import published
 * at once does: a printed name wins over the shipped list's for that year. Until then a draft's
 * printing is visible to nobody through the code lists, whatever its callers may see of its figures.
 */
export async function publishPrintedNames(m: EntityManager, budgetId: number, year: number): Promise<void> {
  const printed: { code_list: keyof typeof TABLES; code: string; name: string }[] = await m.query(
    "SELECT code_list, code, name FROM printed_code_name WHERE budget_id = ? ORDER BY code_list, code",
    [budgetId],
  );
  for (const list of Object.keys(TABLES) as (keyof typeof TABLES)[]) {
    const rows = printed.filter((r) => r.code_list === list);
    if (!rows.length) continue;
    const { nameTable, scheme } = TABLES[list];
    const schemeWhere = scheme ? "scheme = ? AND " : "";
    const schemeParams = scheme ? [scheme] : [];
    const had = new Map<string, string>();
    const found: { code: string; name: string; origin: string }[] = await m.query(
      `SELECT code, name, origin FROM ${nameTable} WHERE ${schemeWhere}year = ? AND code IN (${placeholders(rows.length)})`,
      [...schemeParams, year, ...rows.map((r) => r.code)],
    );
    for (const f of found) had.set(String(f.code), `${f.origin}:${f.name}`);
    for (const r of rows) {
      const before = had.get(r.code);
      if (before === `DOCUMENT:${r.name}`) continue;
      if (before === undefined) {
        await m.query(`INSERT INTO ${nameTable} (${scheme ? "scheme, " : ""}code, year, name, origin) VALUES (${placeholders(scheme ? 5 : 4)})`, [...schemeParams, r.code, year, r.name, "DOCUMENT"]);
      } else {
        await m.query(`UPDATE ${nameTable} SET name = ?, origin = 'DOCUMENT' WHERE ${schemeWhere}code = ? AND year = ?`, [r.name, ...schemeParams, r.code, year]);
      }
    }
  }
}
