import ExcelJS from "exceljs";
import { type Layout, type LayoutLine, UnreadableFileError } from "../layout";
import { checkUnpackedSize } from "./zip";

/**
 * The most a workbook may unpack to. A disclosure's workbook is tens of kilobytes, a whole
 * department's set a few megabytes; exceljs holds every unpacked part in memory (several times
 * over once parsed), so anything larger is refused before it is inflated (a ZIP bomb, or not a
 * disclosure).
 */
export const MAX_UNPACKED_XLSX_BYTES = 200 * 1024 * 1024;

/** Excel's default font size, for cells whose style names none. */
const DEFAULT_FONT_SIZE = 11;

/** A merge covering more than this share of the sheet's width centres its text (a title row). */
const CENTRED_MERGE_SHARE = 0.5;

/**
 * A workbook (XLSX) laid out as lines of cells. Knows nothing of budgets.
 *
 * - Sheets in workbook order; hidden and very hidden sheets are skipped (a sheet the author hid
 *   is not part of what was published). A workbook with no visible sheet holding a value is refused.
 * - One line per row, rows 1 to the sheet's last row holding a value; blank rows are kept as lines
 *   of empty cells, so a line's number stays its row's. Each line has one cell per column, A to
 *   the sheet's last used column (merged ranges count), blanks kept as "".
 * - A merged range gives its text at its top-left cell; its other cells are "".
 * - Text as written (rich text runs joined, hyperlinks as their text), trimmed, tabs and line
 *   breaks inside a cell turned into one space (a cell is one line). Numbers as the exact decimal
 *   of the stored double: the shortest text that reads back as the same double, never in exponent
 *   form (1e-7 → "0.0000001"; a formula's 8562.599999999999 stays so: rounding is for the reader,
 *   who knows the unit); `numeric` marks those cells. Formulas give their saved result; one with
 *   none is refused, naming the cell. Dates as ISO text, booleans as TRUE/FALSE. An error value
 *   (#REF!, #DIV/0!…) in a cell or a formula's result is refused, naming the cell.
 * - `at` is "file sheet row n", `cellAt` "file sheet!F9".
 * - Rows with two or more non-empty cells belong to their sheet's grid (one grid number per
 *   sheet); a row with a single non-empty cell (a title, 单位：万元, a note, a paragraph) has none,
 *   so the reader may take it for a heading or prose — unless it sits inside a table: its cell
 *   not in column A, in a run of such rows whose nearest non-blank rows above and below are in
 *   the grid (the right-hand
 *   "十一、节能环保支出" of a 收支 table, whose left-hand cells are blank, is a table row however
 *   it is styled).
 * - `style` comes from the row's first non-empty cell: font size (11 where the style gives none),
 *   bold, and centred (horizontal alignment center / centerContinuous, or a merge spanning more
 *   than half the sheet's width). A spreadsheet marks no headings: `heading` is always null.
 */
export async function readXlsxLayout(fileName: string, bytes: Buffer): Promise<Layout> {
  await checkUnpackedSize(fileName, bytes, MAX_UNPACKED_XLSX_BYTES);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new UnreadableFileError(fileName, `the workbook cannot be read (${(e as Error).message}): the file is damaged or not a real XLSX; open and save it in Excel, or export it again`);
  }
  const lines: LayoutLine[] = [];
  const visible = workbook.worksheets.filter((ws) => ws.state !== "hidden" && ws.state !== "veryHidden");
  visible.forEach((ws, i) => lines.push(...sheetLines(fileName, ws, i + 1)));
  if (!visible.length) {
    const hidden = workbook.worksheets.map((ws) => `“${ws.name}”`).join(", ");
    throw new UnreadableFileError(fileName, `the workbook has no visible sheet${hidden ? ` (hidden: ${hidden})` : ""}: nothing was published to read`);
  }
  if (!lines.length) throw new UnreadableFileError(fileName, `the workbook's sheets (${visible.map((ws) => `“${ws.name}”`).join(", ")}) hold no value: nothing to read`);
  return { fileName, format: "XLSX", lines, lineNumbered: false };
}

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function sheetLines(fileName: string, ws: ExcelJS.Worksheet, grid: number): LayoutLine[] {
  const merges = Object.values((ws as unknown as { _merges: Record<string, Merge> })._merges ?? {});
  let lastRow = 0;
  let lastCol = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (_cell, c) => {
      lastRow = Math.max(lastRow, r);
      lastCol = Math.max(lastCol, c);
    });
  });
  for (const m of merges) {
    if (m.top <= lastRow) lastCol = Math.max(lastCol, m.right);
  }
  const out: LayoutLine[] = [];
  for (let r = 1; r <= lastRow; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    const numeric: boolean[] = [];
    const cellAt: string[] = [];
    let first: ExcelJS.Cell | null = null;
    for (let c = 1; c <= lastCol; c++) {
      const cell = row.getCell(c);
      const where = `${fileName} ${ws.name}!${columnLetter(c)}${r}`;
      const { text, isNumber } = cell.type === ExcelJS.ValueType.Merge ? { text: "", isNumber: false } : cellText(fileName, where, cell);
      cells.push(text);
      numeric.push(isNumber);
      cellAt.push(where);
      if (text !== "" && !first) first = cell;
    }
    const filled = cells.filter((t) => t !== "").length;
    const line: LayoutLine = { heading: null, cells, at: `${fileName} ${ws.name} row ${r}`, cellAt, numeric };
    if (first) line.style = styleOf(first, merges, lastCol);
    if (filled >= 2) line.grid = grid;
    out.push(line);
  }
  // Rows of one cell inside a table (a label whose other cells are blank, as the right-hand side
  // of a 收支 table prints) are rows of it too, however they are styled: runs of such rows, none
  // in the first column, with rows of the grid the nearest non-blank above and below.
  const filledAt = (l: LayoutLine) => l.cells.findIndex((c) => c !== "");
  const nonBlank = out.filter((l) => filledAt(l) >= 0);
  const inside = (l: LayoutLine) => l.grid === undefined && filledAt(l) > 0;
  for (let i = 0; i < nonBlank.length; i++) {
    if (!inside(nonBlank[i]!) || nonBlank[i - 1]?.grid === undefined) continue;
    let end = i;
    while (end + 1 < nonBlank.length && inside(nonBlank[end + 1]!)) end++;
    if (nonBlank[end + 1]?.grid !== undefined) for (let k = i; k <= end; k++) nonBlank[k]!.grid = grid;
    i = end;
  }
  return out;
}

function cellText(fileName: string, where: string, cell: ExcelJS.Cell): { text: string; isNumber: boolean } {
  const v = cell.value;
  if (v === null || v === undefined) return { text: "", isNumber: false };
  if (typeof v === "object" && ("formula" in v || "sharedFormula" in v)) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    const formula = cell.formula ?? (v as ExcelJS.CellFormulaValue).formula;
    if (result === undefined || result === null) {
      throw new UnreadableFileError(fileName, `formula =${formula} has no saved value: open and save the workbook in Excel, or export values`, where);
    }
    return valueText(fileName, where, result, `formula =${formula} `);
  }
  return valueText(fileName, where, v, "");
}

function valueText(fileName: string, where: string, v: unknown, what: string): { text: string; isNumber: boolean } {
  if (typeof v === "number") return { text: plainDecimal(fileName, where, v), isNumber: true };
  if (typeof v === "string") return { text: oneLine(v), isNumber: false };
  if (typeof v === "boolean") return { text: v ? "TRUE" : "FALSE", isNumber: false };
  if (v instanceof Date) return { text: isoDate(v), isNumber: false };
  if (typeof v === "object" && v !== null) {
    if ("error" in v) throw new UnreadableFileError(fileName, `${what}holds the error value ${(v as ExcelJS.CellErrorValue).error}, not a figure: correct the workbook and save it again`, where);
    if ("richText" in v) return { text: oneLine((v as ExcelJS.CellRichTextValue).richText.map((run) => run.text).join("")), isNumber: false };
    if ("text" in v) {
      const t = (v as { text: unknown }).text;
      return typeof t === "string" ? { text: oneLine(t), isNumber: false } : valueText(fileName, where, t, what);
    }
  }
  throw new UnreadableFileError(fileName, `holds a value of a kind the importer does not read`, where);
}

/** A cell is one line of text: tabs and line breaks become one space; ends trimmed. */
function oneLine(s: string): string {
  return s.replace(/\s*[\t\r\n]+\s*/g, " ").trim();
}

function isoDate(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.replace(/\.000Z$/, "Z");
}

/**
 * A stored double as exact decimal text: the shortest that reads back as the same double, in
 * plain notation (1e-7 → "0.0000001", 1.5e21 → "1500000000000000000000"). -0 is "0".
 */
export function plainDecimal(fileName: string, where: string, n: number): string {
  if (!Number.isFinite(n)) throw new UnreadableFileError(fileName, `holds ${n}, not a figure`, where);
  if (Object.is(n, -0)) return "0";
  const s = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, lead, rest = "", exp] = m;
  const digits = lead! + rest;
  const point = 1 + Number(exp); // digits before the decimal point
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function styleOf(cell: ExcelJS.Cell, merges: Merge[], width: number): NonNullable<LayoutLine["style"]> {
  const horizontal = cell.alignment?.horizontal;
  const merge = merges.find((m) => m.top === Number(cell.row) && m.left === Number(cell.col));
  const spansWidth = !!merge && width > 1 && (merge.right - merge.left + 1) / width > CENTRED_MERGE_SHARE;
  return {
    size: cell.font?.size ?? DEFAULT_FONT_SIZE,
    bold: !!cell.font?.bold,
    centered: horizontal === "center" || horizontal === "centerContinuous" || spansWidth,
  };
}

/** 1 → A, 26 → Z, 27 → AA. */
export function columnLetter(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
