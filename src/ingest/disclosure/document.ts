/**
 * Splits a disclosure, as any front end laid it out, into its title, contents, narrative
 * sections and tables. Nothing here interprets figures; every piece keeps its line, and
 * `place` says where a line is in the file's own terms (line, page and row, or sheet and cell).
 */
import { type PrintedUnit } from "../../common/money";
import type { BudgetStageCode } from "../../common/vocabulary";
import { readTextLayout } from "../front-ends/text";
import type { Layout, LayoutLine } from "../layout";
import { TABLE_TITLES, type TableKind, looksLikeTableTitle, recognizeTable } from "./table-families";

export { TABLE_TITLES, type TableKind };

export interface Line {
  no: number;
  text: string;
}

export interface Row {
  no: number;
  /** The line's cells, trimmed, with stray `**` removed; empty cells kept (they carry position). */
  cells: string[];
  /** Which cells the file stored as numbers (a spreadsheet's), as the layout line says; absent for text. */
  numeric?: boolean[];
}

export interface TableBlock {
  /** The standard table this is; null for a table the platform does not know (reported, not read). */
  kind: TableKind | null;
  title: string;
  /** Line of the table's title. */
  no: number;
  /** The year its title prints, if any. */
  year: number | null;
  /** 部门名称 as the table prints it. */
  departmentName: string | null;
  /** 单位：万元 / 千元 / 元, or null where the table prints no unit. */
  unit: PrintedUnit | null;
  /** Every non-empty line after the title and its meta lines, header rows included. */
  rows: Row[];
}

/** A table the reader recognised (its kind is known). */
export type KnownTable = TableBlock & { kind: TableKind };

export interface NarrativeSection {
  heading: string;
  no: number;
  level: number;
  lines: Line[];
}

export interface DisclosureDoc {
  fileName: string;
  format: Layout["format"];
  lines: Line[];
  title: Line;
  /** Whether the document prints a title; a workbook of tables alone takes year and stage from its tables' titles. */
  titled: boolean;
  year: number;
  shortName: string;
  stage: BudgetStageCode;
  /** Tables the contents (目录) list, by kind. */
  listed: { kind: TableKind; title: string; no: number }[];
  sections: NarrativeSection[];
  tables: TableBlock[];
  /** Where line `no` (and, for a spreadsheet, its cell `cell`) is, for messages: "a.txt:12", "a.pdf page 3 line 4". */
  place(no: number | null, cell?: number): string;
  /** A line named inside a message: "第12行" in a text, "page 3 line 4" in a PDF. */
  lineLabel(no: number): string;
}

/** A problem with the document itself: names the file, the line (or page, or cell) and what is wrong. */
export class DocumentError extends Error {
  constructor(
    readonly fileName: string,
    readonly line: number | null,
    readonly problem: string,
    /** The column index within the line, where the problem is one cell. */
    readonly cell?: number,
    /** Where the problem is, in the file's own terms; defaults to "file:line". */
    readonly location: string = `${fileName}${line === null ? "" : `:${line}`}`,
  ) {
    super(`${location}: ${problem}`);
  }

  /** The same problem, placed in the file's own terms. */
  placedIn(doc: Pick<DisclosureDoc, "place">): DocumentError {
    if (this.line === null) return this;
    return new DocumentError(this.fileName, this.line, this.problem, this.cell, doc.place(this.line, this.cell));
  }
}

export function cleanText(s: string): string {
  return s.replace(/\*\*/g, "").replace(/\u3000/g, " ").trim();
}

function headingText(raw: string): string {
  return cleanText(raw).replace(/\s+/g, " ");
}

/** A disclosure's text form, read into its parts. */
export function readDocument(fileName: string, text: string): DisclosureDoc {
  return readLayoutDocument(readTextLayout(fileName, text));
}

interface Heading {
  no: number;
  level: number;
  text: string;
}

const META_DEPARTMENT = /^部门(?:\(单位\)|（单位）)?名称[:：]\s*(\S.*)$/;
const META_UNIT = /^(?:金额)?单位[:：]\s*(万元|千元|元)\s*$/;
const META_YEAR = /^\(\d{4}年度?\)$|^（\d{4}年度?）$/;

export function readLayoutDocument(layout: Layout): DisclosureDoc {
  const { fileName } = layout;
  const lines: Line[] = layout.lines.map((l, i) => ({ no: i + 1, text: l.cells.join("\t") }));
  const place = placer(layout);
  const headings = findHeadings(layout);
  const title = findTitle(layout, headings, place);
  const firstTable = headings.find((h, i) => h.no > title.heading.no && looksLikeTableTitle(h.text) && hasContent(layout, h, headings[i + 1]));
  const contentsEnd = contentsEndOf(headings, title.heading, firstTable);
  const listed = headings
    .filter((h) => h.no > title.heading.no && h.no < contentsEnd)
    .flatMap((h) => {
      const kind = looksLikeTableTitle(h.text) ? recognizeTable(h.text) : null;
      return kind ? [{ kind, title: h.text.replace(/^[一二三四五六七八九十]+、/, ""), no: h.no }] : [];
    });

  const bodyHeadings = headings.filter((h) => h.no >= contentsEnd);
  const nextHeadingAfter = (no: number) => bodyHeadings.find((h) => h.no > no)?.no ?? lines.length + 1;
  const tableHeadings = bodyHeadings.filter((h) => looksLikeTableTitle(h.text));
  const tables = tableHeadings.map((h) => tableBlock(layout, h, nextHeadingAfter(h.no)));

  const firstTableNo = tableHeadings[0]?.no ?? lines.length + 1;
  const sections: NarrativeSection[] = bodyHeadings
    .filter((h) => h.no < firstTableNo)
    .map((h) => ({
      heading: h.text,
      no: h.no,
      level: h.level,
      lines: lines.slice(h.no, Math.min(nextHeadingAfter(h.no), firstTableNo) - 1).filter((l, i) => l.text.trim() !== "" && layout.lines[h.no + i]!.heading === null),
    }));
  const shortName = title.shortName ?? shortNameFromTables(tables);
  if (!shortName) throw new DocumentError(fileName, title.heading.no, `the title “${title.heading.text}” names no department, and no table prints 部门名称`, undefined, place(title.heading.no));
  const lineLabel = (no: number) => (layout.lineNumbered ? `第${no}行` : place(no).slice(fileName.length).trim());
  tablesMatchTitle(fileName, title, shortName, tables, place);
  return { fileName, format: layout.format, lines, title: { no: title.heading.no, text: title.heading.text }, titled: title.titled, year: title.year, shortName, stage: title.stage, listed, sections, tables, place, lineLabel };
}

/**
 * Every table must be of the document's year and department: a table of another year or another
 * department means the file was put together wrongly, and nothing in it can be trusted to belong.
 */
function tablesMatchTitle(fileName: string, title: Title, shortName: string, tables: TableBlock[], place: DisclosureDoc["place"]): void {
  const at = place(title.heading.no).slice(fileName.length).replace(/^:/, "line ").trim();
  const said = title.titled ? `the document's title (${at}) is of ${title.year}` : `the first table is of ${title.year}`;
  for (const t of tables) {
    if (t.year !== null && t.year !== title.year) {
      throw new DocumentError(fileName, t.no, `table “${t.year}年${t.title}” is of ${t.year}, but ${said}`, undefined, place(t.no));
    }
    if (t.departmentName && !t.departmentName.includes(shortName)) {
      throw new DocumentError(fileName, t.no, `table “${t.title}” is of 部门名称 “${t.departmentName}”, not of the document's department “${shortName}”`, undefined, place(t.no));
    }
  }
}

function placer(layout: Layout): DisclosureDoc["place"] {
  return (no, cell) => {
    if (no === null) return layout.fileName;
    const line = layout.lines[no - 1];
    if (!line) return layout.lineNumbered ? `${layout.fileName}:${no}` : layout.fileName;
    return (cell !== undefined ? line.cellAt?.[cell] : undefined) ?? line.at;
  };
}

/**
 * Headings: where the medium marks them (markdown), those; elsewhere, single-cell lines outside
 * any grid that read as a title, a part, a numbered chapter or section, or a table's title.
 */
function findHeadings(layout: Layout): Heading[] {
  const marked = layout.lines.some((l) => l.heading !== null);
  const body = bodySize(layout);
  const out: Heading[] = [];
  layout.lines.forEach((l, i) => {
    const text = headingText(l.cells.join(" "));
    if (!text) return;
    const level = marked ? l.heading : inferredLevel(l, text, body);
    if (level !== null) out.push({ no: i + 1, level, text });
  });
  return out;
}

/** The size most of the prose is set in: headings stand out from it. */
function bodySize(layout: Layout): number | null {
  const weight = new Map<number, number>();
  for (const l of layout.lines) {
    if (!l.style || l.grid !== undefined) continue;
    const size = Math.round(l.style.size * 2) / 2;
    weight.set(size, (weight.get(size) ?? 0) + l.cells.join("").length);
  }
  return [...weight].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

const PART = /^第[一二三四五六七八九十]+部分/;
const CHAPTER = /^[一二三四五六七八九十]+、/;
const SECTION = /^[（(][一二三四五六七八九十]+[）)]/;
const DOCUMENT_TITLE = /\d{4}\s*年度?.*(?:部门|单位)(?:调整)?(?:预算|决算)|(?:部门|单位)(?:调整)?(?:预算|决算).*\d{4}\s*年度?/;

function inferredLevel(l: LayoutLine, text: string, body: number | null): number | null {
  if (l.grid !== undefined || l.cells.filter((c) => c.trim()).length !== 1) return null;
  const short = text.length <= 40 && !/[。；;]$/.test(text) && !/[，,].*[，,]/.test(text);
  if (!short) return null;
  const emphasised = !l.style || l.style.bold || l.style.centered || (body !== null && l.style.size > body * 1.05);
  if (DOCUMENT_TITLE.test(text) && !looksLikeTableTitle(text) && emphasised) return 1;
  if (PART.test(text)) return 2;
  if (looksLikeTableTitle(text)) return 2;
  if (/^目\s*录$|^名词解释$|^附件[:：]?$/.test(text)) return 2;
  if (CHAPTER.test(text) && emphasised) return 3;
  if (SECTION.test(text) && emphasised && text.length <= 24) return 4;
  return null;
}

/** A heading with lines under it (a contents entry has none before the next entry). */
function hasContent(layout: Layout, h: Heading, next: Heading | undefined): boolean {
  const end = next?.no ?? layout.lines.length + 1;
  return layout.lines.slice(h.no, end - 1).some((l) => l.heading === null && l.cells.some((c) => cleanText(c) !== ""));
}

/**
 * The contents (目录) run from the title to the body's first part: the first 第一部分 heading
 * after which no heading repeats an earlier one. Without a contents, the body starts at the title.
 */
function contentsEndOf(headings: Heading[], title: Heading, firstTable: Heading | undefined): number {
  const parts = headings.filter((h) => h.no > title.no && /^第一部分/.test(h.text) && (firstTable === undefined || h.no < firstTable.no));
  if (parts.length >= 2) return parts[parts.length - 1]!.no;
  const levelled = parts.find((h) => h.level <= 2);
  return levelled?.no ?? parts[0]?.no ?? title.no;
}

interface Title {
  heading: Heading;
  titled: boolean;
  year: number;
  shortName: string | null;
  stage: BudgetStageCode;
}

/**
 * The title says the year, the department and which disclosure this is: "2023 年人力资源局部门预算公开",
 * "人力资源局2023年度单位决算". A file of tables alone (a spreadsheet) takes them from the table titles.
 */
function findTitle(layout: Layout, headings: Heading[], place: DisclosureDoc["place"]): Title {
  const { fileName } = layout;
  const first = headings[0];
  const explicit = layout.lines.some((l) => l.heading !== null);
  const titled = explicit ? first : (headings.find((h) => h.level === 1) ?? first);
  if (!titled) throw new DocumentError(fileName, null, "no headings: not a disclosure (expected a title such as \"2023 年人力资源局部门预算公开\" and the standard tables)");
  const candidate = parseTitle(titled.text);
  if (candidate) return { heading: titled, titled: true, ...candidate };
  if (!explicit) {
    const fromTables = titleFromTables(headings);
    if (fromTables) return fromTables;
  }
  if (!/\d{4}\s*年/.test(titled.text)) throw new DocumentError(fileName, titled.no, `the title "${titled.text}" names no year`, undefined, place(titled.no));
  throw new DocumentError(fileName, titled.no, `title "${titled.text}" does not read as "<year>年<department>部门预算公开" (or 单位预算, 部门决算, 单位决算)`, undefined, place(titled.no));
}

export function parseTitle(text: string): { year: number; shortName: string | null; stage: BudgetStageCode } | null {
  const t = text.replace(/\s+/g, "");
  const kind = /(部门|单位)(?:调整)?(预算|决算)/.exec(t);
  const year = /(\d{4})年度?/.exec(t);
  if (!kind || !year) return null;
  const stage: BudgetStageCode = kind[2] === "决算" ? "FINAL" : /调整/.test(t) ? "ADJUSTED" : "BUDGET";
  const before = t.slice(0, Math.min(year.index, kind.index)).replace(/^郑州高新(?:技术产业开发)?区(?:管委会)?/, "");
  const between = year.index < kind.index ? t.slice(year.index + year[0].length, kind.index) : t.slice(kind.index + kind[0].length, year.index);
  const name = (before || between).replace(/^[（(]|[）)]$/g, "");
  return { year: Number(year[1]), shortName: name || null, stage };
}

/** A file of tables only: the year from the first dated table title, the stage from 决算 in any. */
function titleFromTables(headings: Heading[]): Title | null {
  const dated = headings.find((h) => looksLikeTableTitle(h.text) && /\d{4}\s*年度?/.test(h.text));
  if (!dated) return null;
  const year = Number(/(\d{4})\s*年/.exec(dated.text)![1]);
  const stage: BudgetStageCode = headings.some((h) => /决算/.test(h.text)) ? "FINAL" : "BUDGET";
  return { heading: dated, titled: false, year, shortName: null, stage };
}

function shortNameFromTables(tables: TableBlock[]): string | null {
  const full = tables.map((t) => t.departmentName).find((n): n is string => !!n);
  return full ? full.replace(/^郑州高新技术产业开发区管委会|^郑州高新区/, "") || full : null;
}

/** A table with no 单位 line that names its unit in a column label: "项目金额（万元）", "部门预算总额(万元)". */
function labelledUnit(rows: Row[]): PrintedUnit | null {
  for (const r of rows) {
    for (const c of r.cells) {
      const m = /^[^\d]{2,}[(（](万元|千元|元)[)）]$/.exec(c);
      if (m) return m[1] === "万元" ? "WAN_YUAN" : m[1] === "千元" ? "THOUSAND_YUAN" : "YUAN";
    }
  }
  return null;
}

/** A table: its title, its meta lines (部门名称, 单位), and every other non-empty line as a row. */
function tableBlock(layout: Layout, h: Heading, end: number): TableBlock {
  let departmentName: string | null = null;
  let unit: PrintedUnit | null = null;
  const rows: Row[] = [];
  for (let no = h.no + 1; no < end; no++) {
    const l = layout.lines[no - 1]!;
    if (l.heading !== null) continue;
    const cells = l.cells.map((c) => cleanText(c));
    const filled = cells.filter((c) => c !== "");
    if (!filled.length) continue;
    const meta = filled.map((c) => ({ dept: META_DEPARTMENT.exec(c), unit: META_UNIT.exec(c), year: META_YEAR.test(c) }));
    if (meta.every((m) => m.dept || m.unit || m.year) && (filled.length > 1 || l.cells.length === 1 || l.grid === undefined)) {
      for (const m of meta) {
        if (m.dept) departmentName = m.dept[1]!.replace(/\s+/g, "");
        if (m.unit) unit = m.unit[1] === "万元" ? "WAN_YUAN" : m.unit[1] === "千元" ? "THOUSAND_YUAN" : "YUAN";
      }
      continue;
    }
    rows.push(l.numeric ? { no, cells, numeric: l.numeric } : { no, cells });
  }
  const header = rows.slice(0, 4).flatMap((r) => r.cells).join(" ");
  const year = /(\d{4})\s*年/.exec(h.text);
  return { kind: recognizeTable(h.text, header), title: h.text.replace(/^\d{4}\s*年度?/, ""), year: year ? Number(year[1]) : null, no: h.no, departmentName, unit: unit ?? labelledUnit(rows), rows };
}
