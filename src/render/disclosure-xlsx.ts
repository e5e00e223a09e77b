/**
 * Writes a budget disclosure as an XLSX original, the way a budget system exports one: a first
 * sheet “封面及说明” with the title, the contents (目录) and the narrative, one line per row,
 * headings bold; then one sheet per table, named after it, with the title merged across the
 * table and bold, 部门名称 and 单位：万元 on the row below, the header rows merged where the
 * standard table groups its columns (基本支出 over 小计/人员经费/公用经费, 科目编码 over 类/款/项),
 * the 一级/二级指标 of the 整体绩效目标表 merged down the rows they cover, amounts stored as
 * numbers with a number format that prints the same decimals, and codes
 * ("208", "01", "007", 21-digit project codes) stored as text so leading zeros survive. Where a
 * subject table's 合计 cell is exactly the sum of the rows under it, it is written as a SUM
 * formula with its result saved, as Excel would.
 *
 * The source is the project's text rendering (renderDisclosure): its headings, paragraphs and
 * tab-separated rows are laid out cell for cell, so the workbook carries exactly what the text
 * carries. The bytes are deterministic: fixed document dates and creator, fixed ZIP entry times.
 *
 *   renderXlsx(bundle) → Buffer          (tests/fixtures/originals/render.ts writes the fixtures)
 */
import ExcelJS from "exceljs";
import { decimalsOf, parseAmount } from "../common/money";
import type { Bundle } from "../ingest/bundle/bundle.types";
import { type TableKind } from "../ingest/disclosure/document";
import { looksLikeTableTitle, recognizeTable } from "../ingest/disclosure/table-families";
import { type RenderOptions, renderDisclosure } from "./disclosure-text";

/** The date and author every rendered workbook carries, so that re-running gives the same bytes. */
export const FIXED_DATE = new Date(Date.UTC(2023, 0, 16, 9, 0, 0));
const CREATOR = "预算管理一体化系统";

export const COVER_SHEET = "封面及说明";

/** Header rows of each standard table (the rows before its first row of figures). */
export const HEADER_ROWS: Partial<Record<TableKind, number>> = {
  OVERVIEW: 2,
  INCOME: 3,
  ECONOMIC_SUMMARY: 2,
  GOV_FUND: 2,
  STATE_CAPITAL: 2,
  EXPENDITURE: 3,
  GENERAL_EXPENDITURE: 3,
  FISCAL_OVERVIEW: 3,
  BASIC_ECONOMIC: 2,
  THREE_PUBLIC: 2,
  PROJECTS: 2,
  PROJECT_PERFORMANCE: 3,
  FINAL_OVERVIEW: 2,
  FINAL_INCOME: 3,
  FINAL_EXPENDITURE: 3,
  FINAL_FISCAL_OVERVIEW: 2,
  FINAL_GENERAL_EXPENDITURE: 3,
  FINAL_BASIC_ECONOMIC: 2,
  FINAL_THREE_PUBLIC: 3,
  FINAL_GOV_FUND: 2,
  FINAL_STATE_CAPITAL: 2,
};

/**
 * The columns (0-based) of each table that hold amounts; every other cell (codes, names,
 * indicator values) is text. A cell there that reads as an amount is stored as a number.
 */
const AMOUNT_COLUMNS: Partial<Record<TableKind, number[]>> = {
  OVERVIEW: [1, 3],
  INCOME: [4, 5, 6, 7, 8, 9, 10],
  ECONOMIC_SUMMARY: [2, 3, 4, 5],
  GOV_FUND: [4, 5, 6],
  STATE_CAPITAL: [4, 5, 6],
  EXPENDITURE: [5, 6, 7, 8, 9, 10, 11, 12, 13],
  GENERAL_EXPENDITURE: [5, 6, 7, 8, 9, 10, 11, 12, 13],
  FISCAL_OVERVIEW: [1, 3, 4, 5, 6, 7],
  BASIC_ECONOMIC: [4, 5, 6],
  THREE_PUBLIC: [0, 1, 2, 3, 4, 5],
  PROJECTS: [3, 4, 5, 6, 7, 8, 9, 10, 11],
  DEPT_PERFORMANCE: [2],
  PROJECT_PERFORMANCE: [2, 3, 4, 5],
  FINAL_OVERVIEW: [2, 5],
  FINAL_INCOME: [4, 5, 6, 7, 8, 9, 10],
  FINAL_EXPENDITURE: [4, 5, 6, 7, 8, 9],
  FINAL_FISCAL_OVERVIEW: [2, 5, 6, 7, 8],
  FINAL_GENERAL_EXPENDITURE: [4, 5, 6, 7],
  FINAL_BASIC_ECONOMIC: [2, 5],
  FINAL_THREE_PUBLIC: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
  FINAL_GOV_FUND: [4, 5, 6, 7, 8, 9],
  FINAL_STATE_CAPITAL: [4, 5, 6],
};

const AMOUNT = /^-?\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^-?\d+(?:\.\d+)?$/;

// ---------------------------------------------------------------------------------------------
// The text rendering, read back into its parts

interface TextTable {
  title: string;
  kind: TableKind | null;
  meta: string[];
  rows: string[][];
  notes: string[];
}

interface TextParts {
  /** Lines before the first table: [heading level or 0, text]; blank lines kept as [0, ""]. */
  front: [number, string][];
  tables: TextTable[];
}

/** Splits the text form into the lines before the tables and the tables (a level-2 heading naming a table). */
export function textParts(text: string): TextParts {
  const out: TextParts = { front: [], tables: [] };
  let table: TextTable | null = null;
  for (const raw of text.replace(/\r\n?/g, "\n").split("\n")) {
    const h = /^(#{1,6})\s*(.*)$/.exec(raw);
    if (h && h[1]!.length === 2 && looksLikeTableTitle(h[2]!)) {
      table = { title: h[2]!.trim(), kind: recognizeTable(h[2]!), meta: [], rows: [], notes: [] };
      out.tables.push(table);
      continue;
    }
    if (!table) {
      out.front.push(h ? [h[1]!.length, h[2]!.trim()] : [0, raw.trim()]);
      continue;
    }
    if (raw.trim() === "") continue;
    if (h) throw new Error(`renderXlsx: heading “${raw}” inside table “${table.title}”`);
    if (raw.includes("\t")) table.rows.push(raw.split("\t").map((c) => c.trim()));
    else if (/^部门(?:\(单位\)|（单位）)?名称[:：]|^(?:金额)?单位[:：]/.test(raw.trim()) && !table.rows.length) table.meta.push(raw.trim());
    else table.notes.push(raw.trim());
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The workbook

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF808080" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };

/** A disclosure (its bundle) as an XLSX workbook's bytes. */
export async function renderXlsx(bundle: Bundle, options: RenderOptions = {}): Promise<Buffer> {
  return workbookBytes(disclosureWorkbook(renderDisclosure(bundle, options)));
}

/** The workbook for a disclosure's text form (before it is written out). */
export function disclosureWorkbook(text: string): ExcelJS.Workbook {
  const parts = textParts(text);
  const wb = new ExcelJS.Workbook();
  wb.creator = CREATOR;
  wb.lastModifiedBy = CREATOR;
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.title = parts.front.find(([level]) => level === 1)?.[1] ?? "";
  wb.calcProperties = { fullCalcOnLoad: false };
  coverSheet(wb, parts.front);
  const names = new Set<string>([COVER_SHEET]);
  for (const t of parts.tables) tableSheet(wb, t, sheetName(t.title, names));
  return wb;
}

/** The workbook's bytes, with every ZIP entry's time set to FIXED_DATE (exceljs stamps "now"). */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return fixZipTimes(Buffer.from(await wb.xlsx.writeBuffer()));
}

function coverSheet(wb: ExcelJS.Workbook, front: [number, string][]): void {
  const ws = wb.addWorksheet(COVER_SHEET, { views: [{ showGridLines: false }] });
  ws.getColumn(1).width = 110;
  // One line a row; a blank row before each part (a level-2 heading), none elsewhere.
  const lines: [number, string][] = [];
  for (const [level, text] of front) {
    if (text === "") continue;
    if (level === 2 && lines.length) lines.push([0, ""]);
    lines.push([level, text]);
  }
  lines.forEach(([level, text], i) => {
    const cell = ws.getCell(i + 1, 1);
    if (text === "") return;
    cell.value = text;
    if (level === 1) {
      cell.font = { name: "宋体", size: 18, bold: true };
      cell.alignment = { horizontal: "center", vertical: "middle" };
      ws.getRow(i + 1).height = 36;
    } else if (level > 0) {
      cell.font = { name: "宋体", size: level === 2 ? 14 : 12, bold: true };
    } else {
      cell.font = { name: "宋体", size: 11 };
      cell.alignment = { wrapText: true, vertical: "top" };
    }
  });
}

/** A table title as a sheet name: no year, none of Excel's forbidden characters, at most 31 characters, unique. */
export function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/^\d{4}\s*年度?/, "").replace(/[\\/?*[\]:]/g, "_").replace(/^'+|'+$/g, "").slice(0, 31) || "表";
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base.slice(0, 31 - String(n).length - 1)}_${n}`;
  taken.add(name);
  return name;
}

function tableSheet(wb: ExcelJS.Workbook, t: TextTable, name: string): void {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 2 + (HEADER_ROWS[t.kind!] ?? 0), showGridLines: false }] });
  const width = Math.max(2, ...t.rows.map((r) => r.length));
  const headerRows = t.kind ? (HEADER_ROWS[t.kind] ?? 0) : 0;
  const amountColumns = new Set(t.kind ? (AMOUNT_COLUMNS[t.kind] ?? []) : []);

  // Row 1: the title, merged across the table.
  const title = ws.getCell(1, 1);
  title.value = t.title;
  title.font = { name: "宋体", size: 16, bold: true };
  title.alignment = { horizontal: "center", vertical: "middle" };
  ws.mergeCells(1, 1, 1, width);
  ws.getRow(1).height = 30;

  // Row 2: 部门名称 on the left, 单位 on the right.
  const department = t.meta.find((m) => /名称/.test(m));
  const unit = t.meta.find((m) => /^(?:金额)?单位[:：]/.test(m));
  if (department) ws.getCell(2, 1).value = department;
  if (unit) {
    ws.getCell(2, width).value = unit;
    ws.getCell(2, width).alignment = { horizontal: "right" };
  }

  // The table: header rows merged where they group columns, then the rows of figures.
  const first = 3;
  t.rows.forEach((cells, i) => {
    const r = first + i;
    const isHeader = i < headerRows;
    for (let c = 0; c < width; c++) {
      const text = cells[c] ?? "";
      const cell = ws.getCell(r, c + 1);
      cell.border = BORDER;
      if (isHeader) {
        cell.font = { name: "宋体", size: 10, bold: true };
        cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
        cell.fill = HEADER_FILL;
      } else {
        cell.font = { name: "宋体", size: 10 };
      }
      if (text === "") continue;
      if (!isHeader && amountColumns.has(c) && AMOUNT.test(text) && isAmountRow(t.kind, t.rows, i)) {
        const plain = text.replace(/,/g, "");
        cell.value = Number(plain);
        cell.numFmt = numberFormat(decimalsOf(plain));
        cell.alignment = { horizontal: "right" };
      } else {
        cell.value = text;
        if (/^\d+$/.test(text)) cell.numFmt = "@";
        if (!isHeader) cell.alignment = { horizontal: "left", vertical: "middle", wrapText: text.length > 30 };
      }
    }
  });
  for (const m of headerMerges(t.rows.slice(0, headerRows), width)) ws.mergeCells(first + m.top, m.left + 1, first + m.bottom, m.right + 1);
  if (t.kind === "EXPENDITURE" || t.kind === "GENERAL_EXPENDITURE") subjectTotalFormulas(ws, t, first);
  if (t.kind === "DEPT_PERFORMANCE") indicatorMerges(ws, t, first);

  // Notes under the table, one per row.
  t.notes.forEach((note, i) => {
    const cell = ws.getCell(first + t.rows.length + 1 + i, 1);
    cell.value = note;
    cell.font = { name: "宋体", size: 10 };
  });

  for (let c = 0; c < width; c++) {
    const longest = Math.max(4, ...t.rows.slice(headerRows).map((r) => displayWidth(r[c] ?? "")));
    ws.getColumn(c + 1).width = Math.min(40, longest + 2);
  }
}

/**
 * The 部门(单位)整体绩效目标表 prints its 一级指标 and 二级指标 on every indicator row; a budget
 * system merges each run of one label down the rows it covers, so only its first row holds it.
 */
function indicatorMerges(ws: ExcelJS.Worksheet, t: TextTable, first: number): void {
  const from = t.rows.findIndex((r) => r[0] === "一级指标") + 1;
  if (from <= 0) return;
  for (const c of [0, 1]) {
    let start = from;
    for (let i = from + 1; i <= t.rows.length; i++) {
      const same = i < t.rows.length && t.rows[i]![c] === t.rows[start]![c] && (c === 0 || t.rows[i]![0] === t.rows[start]![0]);
      if (same) continue;
      if (i - 1 > start && t.rows[start]![c]) {
        for (let k = start + 1; k < i; k++) ws.getCell(first + k, c + 1).value = null;
        ws.mergeCells(first + start, c + 1, first + i - 1, c + 1);
        ws.getCell(first + start, c + 1).alignment = { vertical: "middle", horizontal: "center", wrapText: true };
      }
      start = i;
    }
  }
}

/** The 部门(单位)整体绩效目标表 holds amounts only in its 预算情况 rows, above its indicator header. */
function isAmountRow(kind: TableKind | null, rows: string[][], i: number): boolean {
  if (kind !== "DEPT_PERFORMANCE") return true;
  const indicatorHeader = rows.findIndex((r) => r[0] === "一级指标");
  return indicatorHeader < 0 || i < indicatorHeader;
}

function numberFormat(decimals: number): string {
  return decimals === 0 ? "#,##0" : `#,##0.${"0".repeat(decimals)}`;
}

/** Roughly how wide text prints: CJK characters count double. */
function displayWidth(s: string): number {
  return [...s].reduce((w, ch) => w + (/[\u2e80-\uffff]/.test(ch) ? 2 : 1), 0);
}

export interface Span {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * The merges a header printed as text implies: a label followed by blank cells spans them (as
 * far as the label above it spans), and a label with blanks under it spans down to the next row
 * that labels those columns.
 */
export function headerMerges(header: string[][], width: number): Span[] {
  const spans: Span[] = [];
  const covering = (r: number, c: number) => spans.find((s) => s.top <= r && r <= s.bottom && s.left <= c && c <= s.right);
  header.forEach((row, r) => {
    for (let c = 0; c < width; c++) {
      if (!(row[c] ?? "")) continue;
      if (covering(r, c)) continue;
      const parent = r > 0 ? covering(r - 1, c) : { right: width - 1 };
      const limit = parent ? parent.right : c;
      let right = c;
      while (right + 1 <= limit && !(row[right + 1] ?? "") && !covering(r, right + 1)) right++;
      let bottom = r;
      while (bottom + 1 < header.length && header[bottom + 1]!.slice(c, right + 1).every((x) => !x)) bottom++;
      if (right > c || bottom > r) spans.push({ top: r, left: c, bottom, right });
    }
  });
  return spans;
}

/**
 * The 合计 row of a subject table: each of its cells that is exactly the sum of the subject rows
 * below becomes =SUM(…) with that result saved (a cell that is not stays a value, as published).
 */
function subjectTotalFormulas(ws: ExcelJS.Worksheet, t: TextTable, first: number): void {
  const totalAt = t.rows.findIndex((r) => r[4] === "合计");
  const subjects = t.rows.map((r, i) => ({ r, i })).filter(({ r }) => /^\d{3}$/.test(r[0] ?? ""));
  if (totalAt < 0 || !subjects.length) return;
  const from = first + subjects[0]!.i;
  const to = first + subjects.at(-1)!.i;
  if (subjects.some(({ i }, k) => i !== subjects[0]!.i + k)) return; // not one block of rows
  for (const c of AMOUNT_COLUMNS.EXPENDITURE!) {
    const printed = t.rows[totalAt]![c] ?? "";
    if (!AMOUNT.test(printed)) continue;
    const sum = subjects.reduce((s, { r }) => s + (r[c] ? parseAmount(r[c]!.replace(/,/g, ""), "WAN_YUAN") : 0n), 0n);
    if (sum !== parseAmount(printed.replace(/,/g, ""), "WAN_YUAN")) continue;
    const cell = ws.getCell(first + totalAt, c + 1);
    const letter = ws.getColumn(c + 1).letter;
    cell.value = { formula: `SUM(${letter}${from}:${letter}${to})`, result: Number(printed.replace(/,/g, "")) };
  }
}

// ---------------------------------------------------------------------------------------------
// ZIP bytes

/** DOS time and date of FIXED_DATE (local fields, as ZIP stores them). */
export function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/** Sets every entry's modification time, in local headers and central directory, to FIXED_DATE. */
function fixZipTimes(bytes: Buffer): Buffer {
  const out = Buffer.from(bytes);
  const { time, date } = dosDateTime(FIXED_DATE);
  const eocd = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = out.readUInt32LE(eocd + 16);
  for (let i = 0, n = out.readUInt16LE(eocd + 10); i < n; i++) {
    out.writeUInt16LE(time, at + 12);
    out.writeUInt16LE(date, at + 14);
    const local = out.readUInt32LE(at + 42);
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(date, local + 12);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}
