import type { DataSource, EntityManager } from "typeorm";
import { placeholders } from "../db/sql";
import { CODE_LISTS, type CodeList, codeListFor } from "./code-lists";
import type { BudgetModel } from "./model";

interface NameRow {
  scheme: string | null;
  code: string;
  level: string;
  parent: string | null;
  name: string | null;
  origin: "DOCUMENT" | "CODE_LIST";
}

/**
 * Every code the document uses, with its ancestors, and their names: a name the document
 * prints (DOCUMENT), else the shipped list's nearest the document's year (CODE_LIST).
 */
function codesOf(model: BudgetModel, list: CodeList): { functional: NameRow[]; economic: NameRow[] } {
  const functional = new Map<string, NameRow>();
  const addFunctional = (code: string, printed: string | null) => {
    for (const len of [3, 5, 7]) {
      if (code.length < len) break;
      const c = code.slice(0, len);
      const isLeaf = len === code.length;
      const name = isLeaf && printed ? printed : (list.functional[c] ?? null);
      const origin = isLeaf && printed ? "DOCUMENT" : "CODE_LIST";
      const prev = functional.get(c);
      if (!prev || (origin === "DOCUMENT" && prev.origin !== "DOCUMENT")) {
        functional.set(c, { scheme: null, code: c, level: len === 3 ? "CLASS" : len === 5 ? "SECTION" : "ITEM", parent: len === 3 ? null : c.slice(0, len === 5 ? 3 : 5), name, origin });
      }
    }
  };
  model.subjectLines.forEach((l) => addFunctional(l.subject, l.subjectName));
  model.subjectRowTotals.forEach((r) => addFunctional(r.subject, null));
  model.projects.forEach((p) => p.subject && addFunctional(p.subject, null));
  model.claims.forEach((c) => c.subject && addFunctional(c.subject, null));

  const economic = new Map<string, NameRow>();
  const addEconomic = (scheme: "DEPT" | "GOV", code: string, printed: string) => {
    const classes = scheme === "DEPT" ? list.deptEconomic : list.govEconomic;
    const cls = code.slice(0, 3);
    if (!economic.has(`${scheme}:${cls}`)) economic.set(`${scheme}:${cls}`, { scheme, code: cls, level: "CLASS", parent: null, name: classes[cls] ?? null, origin: "CODE_LIST" });
    const prev = economic.get(`${scheme}:${code}`);
    if (printed || !prev) economic.set(`${scheme}:${code}`, { scheme, code, level: "ITEM", parent: cls, name: printed || (classes[code] ?? null), origin: printed ? "DOCUMENT" : "CODE_LIST" });
  };
  model.economicLines.forEach((l) => {
    addEconomic("DEPT", l.deptCode, l.deptName);
    addEconomic("GOV", l.govCode, l.govName);
  });
  return { functional: [...functional.values()], economic: [...economic.values()] };
}

/** The names the document printed for its codes, by code list (SUBJECT, DEPT, GOV): stored with its version. */
export function printedNames(model: BudgetModel): { codeList: "SUBJECT" | "DEPT" | "GOV"; code: string; name: string }[] {
  const { functional, economic } = codesOf(model, codeListFor(model.year));
  return [...functional, ...economic]
    .filter((r) => r.origin === "DOCUMENT" && r.name !== null)
    .map((r) => ({ codeList: (r.scheme ?? "SUBJECT") as "SUBJECT" | "DEPT" | "GOV", code: r.code, name: r.name! }));
}

/**
 * Registers every code the document uses and names them. A name the document prints is that
 * year's name — for a published import; a draft's printing waits in its version's printed names
 * until it is published, and its codes are named from the list meanwhile. Any other name comes
 * from the shipped list nearest the document's year and is stored as that list's year's name —
 * never relabelled as the document's year (a 2022 document named from the 2023 list leaves 2023
 * names, not 2022 ones).
 */
export async function ensureCodes(m: EntityManager, model: BudgetModel, opts: { published: boolean }): Promise<void> {
  const list = codeListFor(model.year);
  const { functional, economic } = codesOf(model, list);
  const fromList = (r: NameRow, names: Record<string, string>): NameRow =>
    r.origin === "DOCUMENT" && !opts.published ? { ...r, name: names[r.code] ?? null, origin: "CODE_LIST" } : r;
  const economicList = (r: NameRow) => (r.scheme === "DEPT" ? list.deptEconomic : list.govEconomic);
  const named = {
    functional: functional.map((r) => fromList(r, list.functional)),
    economic: economic.map((r) => fromList(r, economicList(r))),
  };
  const printed = (rows: NameRow[]) => rows.filter((r) => r.origin === "DOCUMENT");
  const listed = (rows: NameRow[]) => rows.filter((r) => r.origin === "CODE_LIST");
  await upsert(m, "subject_code", "subject_code_name", printed(named.functional), model.year);
  await upsert(m, "subject_code", "subject_code_name", listed(named.functional), list.year);
  await upsert(m, "economic_code", "economic_code_name", printed(named.economic), model.year);
  await upsert(m, "economic_code", "economic_code_name", listed(named.economic), list.year);
}

/**
 * Puts a shipped code list in the database: every 类 and 款 of both classifications, named for
 * the list's year. Names a document printed stay; runs at every start, writing only what is missing.
 */
export async function ensureCodeList(m: EntityManager, list: CodeList): Promise<void> {
  const level = (code: string, deep: string) => (code.length === 3 ? "CLASS" : deep);
  const parent = (code: string) => (code.length === 3 ? null : code.slice(0, code.length - 2));
  const functional: NameRow[] = Object.entries(list.functional).map(([code, name]) => ({ scheme: null, code, level: level(code, code.length === 5 ? "SECTION" : "ITEM"), parent: parent(code), name, origin: "CODE_LIST" }));
  const economic = (scheme: "DEPT" | "GOV", map: Record<string, string>): NameRow[] =>
    Object.entries(map).map(([code, name]) => ({ scheme, code, level: level(code, "ITEM"), parent: code.length === 3 ? null : code.slice(0, 3), name, origin: "CODE_LIST" }));
  await upsert(m, "subject_code", "subject_code_name", functional, list.year);
  await upsert(m, "economic_code", "economic_code_name", [...economic("DEPT", list.deptEconomic), ...economic("GOV", list.govEconomic)], list.year);
}

async function upsert(m: EntityManager, codeTable: string, nameTable: string, rows: NameRow[], year: number): Promise<void> {
  if (!rows.length) return;
  const economic = codeTable === "economic_code";
  const key = (r: { scheme?: unknown; code: unknown }) => `${economic ? r.scheme : ""}:${r.code}`;
  const codes = [...new Set(rows.map((r) => r.code))];
  const existing = new Set<string>();
  for (let i = 0; i < codes.length; i += 500) {
    const chunk = codes.slice(i, i + 500);
    for (const r of await m.query(`SELECT ${economic ? "scheme" : "NULL AS scheme"}, code FROM ${codeTable} WHERE code IN (${placeholders(chunk.length)})`, chunk)) existing.add(key(r));
  }
  const names = new Map<string, { name: string; origin: string }>();
  for (let i = 0; i < codes.length; i += 500) {
    const chunk = codes.slice(i, i + 500);
    const found = await m.query(`SELECT ${economic ? "scheme" : "NULL AS scheme"}, code, name, origin FROM ${nameTable} WHERE year = ? AND code IN (${placeholders(chunk.length)})`, [year, ...chunk]);
    for (const r of found as { scheme: string; code: string; name: string; origin: string }[]) names.set(key(r), r);
  }
  const schemeCol = economic ? "scheme, " : "";
  const schemeVal = (r: NameRow) => (economic ? [r.scheme] : []);
  const newCodes: unknown[][] = [];
  const newNames: unknown[][] = [];
  for (const r of rows) {
    if (!existing.has(key(r))) newCodes.push([...schemeVal(r), r.code, r.level, r.parent]);
    if (r.name === null) continue;
    const had = names.get(key(r));
    if (!had) newNames.push([...schemeVal(r), r.code, year, r.name, r.origin]);
    else if ((r.origin === "DOCUMENT" || had.origin === "CODE_LIST") && had.name !== r.name) {
      const where = `${economic ? "scheme = ? AND " : ""}code = ? AND year = ?`;
      await m.query(`UPDATE ${nameTable} SET name = ?, origin = ? WHERE ${where}`, [r.name, r.origin, ...schemeVal(r), r.code, year]);
    }
  }
  await insertRows(m, `INSERT INTO ${codeTable} (${schemeCol}code, level, parent_code)`, newCodes);
  await insertRows(m, `INSERT INTO ${nameTable} (${schemeCol}code, year, name, origin)`, newNames);
}

/** Multi-row INSERT in chunks: a code list is hundreds of rows, not hundreds of statements. */
async function insertRows(m: EntityManager, head: string, rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    await m.query(`${head} VALUES ${chunk.map((r) => `(${placeholders(r.length)})`).join(", ")}`, chunk.flat());
  }
}

/** Every shipped code list, in one transaction: reference data the API answers from before any import. */
export async function shipCodeLists(ds: DataSource): Promise<void> {
  await ds.transaction(async (m) => {
    for (const list of CODE_LISTS) await ensureCodeList(m, list);
  });
}
