/**
 * Steps every disclosure reader shares, 预算 and 决算 alike: the document's unit, stored numbers
 * rounded once, the inventory of tables, and the refusal that lists what a document holds.
 */
import { type MoneyUnitCode, type PrintedUnit, UNIT_WORD, parseAmount } from "../../common/money";
import type { DiscrepancyDraft, TableInventoryDraft } from "../model";
import { roundStoredNumber } from "./cells";
import { DocumentError, type DisclosureDoc, type KnownTable, TABLE_TITLES, type TableBlock, type TableKind } from "./document";

/**
 * A spreadsheet stores amounts as binary numbers, and a formula can leave float noise
 * (8562.599999999999 for 8562.6). The table's cells the file stored as numbers and finer than
 * 1 分 are rounded once, half away from zero, in the table's unit, and each rounding is reported.
 */
export function roundStoredNumbers(doc: DisclosureDoc, t: TableBlock, unit: PrintedUnit, out: DiscrepancyDraft[]): TableBlock {
  if (!t.rows.some((r) => r.numeric?.includes(true))) return t;
  const rows = t.rows.map((r) => {
    if (!r.numeric) return r;
    const cells = r.cells.map((c, i) => {
      const to = r.numeric![i] ? roundStoredNumber(c, unit) : null;
      if (to === null) return c;
      out.push({
        ruleId: "STORED_NUMBER_ROUNDED",
        severity: "ROUNDING",
        message: `“${t.title}”单元格存储的数是 ${c}，细于1分，按${UNIT_WORD[unit]}四舍五入到分读作 ${to}`,
        location: doc.place(r.no, i),
        valueKind: "MONEY",
        stated: parseAmount(to, unit).toString(),
        computed: null,
      });
      return to;
    });
    return { ...r, cells };
  });
  return { ...t, rows };
}

/**
 * The unit most tables print (单位：万元), which tables that print none are read in; a document
 * mostly in 元 or 千元 is stored and exported in 元, which holds either exactly.
 */
export function documentUnit(doc: DisclosureDoc): MoneyUnitCode {
  const units = doc.tables.map((t) => t.unit).filter((u): u is PrintedUnit => u !== null);
  const wan = units.filter((u) => u === "WAN_YUAN").length;
  return units.length - wan > wan ? "YUAN" : "WAN_YUAN";
}

export function mostCommon(xs: string[]): string | null {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** Every standard table listed or present, and every table the reader did not recognise. */
export function inventory(doc: DisclosureDoc): TableInventoryDraft[] {
  const dataRows = (t: TableBlock) => t.rows.filter((r) => r.cells.some((c) => /\d/.test(c) && !/^注|^备注/.test(r.cells[0] ?? ""))).length;
  const line = (no: number) => (doc.format === "TEXT" ? no : null);
  const kinds = new Set<TableKind>([...doc.listed.map((l) => l.kind), ...knownTables(doc).map((t) => t.kind)]);
  const known = [...kinds].map((kind) => {
    const t = doc.tables.find((x) => x.kind === kind);
    const listed = doc.listed.find((l) => l.kind === kind);
    const no = t?.no ?? listed?.no ?? null;
    return {
      kind,
      title: t?.title ?? listed?.title ?? TABLE_TITLES[kind],
      listed: !!listed,
      present: !!t,
      rowCount: t ? dataRows(t) : 0,
      line: no === null ? null : line(no),
      location: no === null ? null : doc.place(no),
      unit: t?.unit ?? null,
    };
  });
  const unknown = doc.tables.filter((t) => t.kind === null).map((t) => ({ kind: "UNRECOGNISED", title: t.title, listed: false, present: true, rowCount: dataRows(t), line: line(t.no), location: doc.place(t.no), unit: t.unit }));
  return [...known, ...unknown];
}

export function knownTables(doc: DisclosureDoc): KnownTable[] {
  return doc.tables.filter((t): t is KnownTable => t.kind !== null);
}

/** Neither total a budget disclosure must print: say what was found, what is missing, and where. */
export function unreadableDocument(doc: DisclosureDoc): DocumentError {
  const found = knownTables(doc).map((t) => `“${t.title}” (${doc.place(t.no)})`);
  const unknown = doc.tables.filter((t) => t.kind === null).map((t) => `“${t.title}” (${doc.place(t.no)})`);
  const headings = doc.sections.slice(0, 8).map((s) => `“${s.heading}”`);
  const parts = [
    `neither 部门支出总体情况表 (支出总表) nor 部门收支总体情况表 (收支总表) with its total was found: the document is truncated or not a budget disclosure`,
    `title “${doc.title.text}” (${doc.place(doc.title.no)})`,
    `tables recognised: ${found.length ? found.join(", ") : "none"}`,
    ...(unknown.length ? [`tables not recognised: ${unknown.join(", ")}`] : []),
    `headings: ${headings.length ? headings.join(", ") : "none"}${doc.sections.length > 8 ? ` and ${doc.sections.length - 8} more` : ""}`,
  ];
  return new DocumentError(doc.fileName, null, parts.join("; "), undefined, doc.place(doc.title.no));
}
