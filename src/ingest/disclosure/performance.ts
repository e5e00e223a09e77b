/**
 * Reads the two performance tables of a disclosure: 部门(单位)整体绩效目标表 and
 * 部门预算项目绩效目标汇总表. The PDF-to-text extraction dropped empty columns and printed merged
 * cells wherever the PDF happened to draw them, so cells are classified by what they contain,
 * never by their column position.
 */
import type { PrintedUnit } from "../../common/money";
import type { BundleIndicator, IndicatorCategoryCode } from "../bundle/bundle.types";
import { cellAmount, joinWords, looksLikeAmount } from "./cells";
import { DocumentError, type Row, type TableBlock } from "./document";
import template from "./department-indicator-template.json";


export interface IndicatorDraft extends BundleIndicator {
  line: number;
}

export interface PerformanceProjectRow {
  code: string;
  name: string;
  line: number;
  amounts: { total: bigint | null; government: bigint | null; specialAccount: bigint | null; unitFunds: bigint | null };
  indicators: IndicatorDraft[];
}

export interface ProjectListing {
  line: number;
  departmentCode: string | null;
  unitCode: string | null;
  stated: { total: bigint | null; government: bigint | null };
  /** The 单位 row that completes a 部门 row's listing: its own printed figures and line. */
  unitRow: { line: number; total: bigint | null; government: bigint | null } | null;
  projects: PerformanceProjectRow[];
}

export interface DepartmentPerformance {
  goals: string | null;
  tasks: { name: string; content: string; line: number }[];
  figures: { label: string; amount: bigint; line: number }[];
  indicators: IndicatorDraft[];
  repairs: { line: number; note: string }[];
}

type Repairs = DepartmentPerformance["repairs"];

// ---------------------------------------------------------------------------------------------
// Shared cell tests
// ---------------------------------------------------------------------------------------------

/**
 * A cell the document meant as a number, garbled ones included ("4,0x1.9"): those must fail
 * loudly in cellAmount instead of being taken for the first indicator name.
 */
function meantAsAmount(cell: string): boolean {
  return looksLikeAmount(cell) || /^[-—]$/.test(cell) || /^[-+]?[\d０-９][\d０-９,，.．A-Za-z ]*$/.test(cell);
}

const filledCells = (row: Row): string[] => row.cells.filter((c) => c !== "");

// ---------------------------------------------------------------------------------------------
// 项目绩效目标汇总表
// ---------------------------------------------------------------------------------------------

const PROJECT_CODE = /^\d{21,22}$/;
const DEPARTMENT_CODE = /^\d{3}$/;
const UNIT_CODE = /^\d{6}$/;
const AMOUNT_COLUMNS = ["资金总额", "政府预算资金", "财政专户管理资金", "单位资金"] as const;
/** Header cells are matched whole: indicator names may well contain words like 指标值. */
const HEADER_CELLS = new Set(["资金总额", "政府预算资金", "财政专户管理资金", "三级指标", "指标值"]);
const CATEGORY_RANK: Record<IndicatorCategoryCode, number> = { COST: 0, OUTPUT: 1, BENEFIT: 2, SATISFACTION: 3 };

type Amounts = PerformanceProjectRow["amounts"];

function isProjectHeader(cells: string[]): boolean {
  return cells.some((c) => HEADER_CELLS.has(c) || /^单位编码/.test(c));
}

/**
 * The amount columns that follow the name. Blank columns may be printed empty or dropped, so the
 * run ends at the first cell that is plainly not a number; 资金总额 is always printed, so that
 * one cell is read whatever it holds.
 */
function readAmounts(cells: string[], from: number, unit: PrintedUnit, fileName: string, line: number): { amounts: Amounts; next: number } {
  const values: (bigint | null)[] = [];
  let i = from;
  for (; i < cells.length && values.length < AMOUNT_COLUMNS.length; i++) {
    const cell = cells[i]!;
    if (values.length > 0 && cell !== "" && !meantAsAmount(cell)) break;
    values.push(cellAmount(cell, unit, { fileName, line, column: AMOUNT_COLUMNS[values.length]!, cell: i }));
  }
  const [total = null, government = null, specialAccount = null, unitFunds = null] = values;
  return { amounts: { total, government, specialAccount, unitFunds }, next: i };
}

/** Code, then the name unless extraction dropped an empty name cell (the 007 row has none). */
function readHead(cells: string[], unit: PrintedUnit, fileName: string, line: number) {
  const second = cells[1] ?? "";
  const hasName = second !== "" && !meantAsAmount(second);
  const nameEnd = hasName || second === "" ? 2 : 1;
  const { amounts, next } = readAmounts(cells, nameEnd, unit, fileName, line);
  return { code: cells[0]!, name: hasName ? joinWords(second) : "", amounts, next };
}

/** (三级指标, 指标值) pairs: empty columns carry no position any more, so pair the filled cells. */
function readPairs(cells: string[], from: number, fileName: string, line: number): [string, string][] {
  const filled = cells.slice(from).filter((c) => c !== "");
  if (filled.length % 2 !== 0) {
    throw new DocumentError(fileName, line, `indicator cells do not pair up as (三级指标, 指标值): ${filled.join(" | ")}`);
  }
  const pairs: [string, string][] = [];
  for (let i = 0; i < filled.length; i += 2) pairs.push([joinWords(filled[i]!), joinWords(filled[i + 1]!)]);
  return pairs;
}

/** What the indicator's own words say, where they say it; position decides the rest. */
function categoryByContent(name: string, target: string): IndicatorCategoryCode | null {
  if (/满意/.test(name)) return "SATISFACTION";
  if (/成本/.test(name) || (/费用/.test(name) && /万?元$/.test(target))) return "COST";
  return null;
}

/**
 * On a project's first row the pairs stand in the template's column order. The 成本 column is
 * empty in practice and dropped, so two unnamed pairs are 产出, 效益; only three mean 成本 survived.
 */
function firstRowCategories(pairs: [string, string][]): IndicatorCategoryCode[] {
  const byContent = pairs.map(([name, target]) => categoryByContent(name, target));
  const unnamed = byContent.filter((c) => c === null).length;
  const order: IndicatorCategoryCode[] =
    unnamed >= 3 && !byContent.includes("COST") ? ["COST", "OUTPUT", "BENEFIT"] : ["OUTPUT", "BENEFIT"];
  let k = 0;
  return byContent.map((c) => c ?? order[Math.min(k++, order.length - 1)]!);
}

function toDrafts(pairs: [string, string][], categories: IndicatorCategoryCode[], line: number): IndicatorDraft[] {
  return pairs.map(([name, target], i) => ({ category: categories[i]!, name, target, line }));
}

function openProject(row: Row, unit: PrintedUnit, fileName: string): PerformanceProjectRow {
  const head = readHead(row.cells, unit, fileName, row.no);
  const pairs = readPairs(row.cells, head.next, fileName, row.no);
  return { code: head.code, name: head.name, line: row.no, amounts: head.amounts, indicators: toDrafts(pairs, firstRowCategories(pairs), row.no) };
}

/** Continuation rows hold the overflow of the 产出 column unless the words say otherwise. */
function continueProject(project: PerformanceProjectRow, row: Row, fileName: string): void {
  const pairs = readPairs(row.cells, 0, fileName, row.no);
  const categories = pairs.map(([name, target]) => categoryByContent(name, target) ?? "OUTPUT");
  project.indicators.push(...toDrafts(pairs, categories, row.no));
}

/**
 * A 部门 row opens a listing; the 单位 row right after it completes that listing. Another 单位
 * row (a subordinate unit, or a repeat without its 部门 row) opens a listing of its own.
 */
function applyOrgRow(listings: ProjectListing[], row: Row, unit: PrintedUnit, fileName: string): void {
  const head = readHead(row.cells, unit, fileName, row.no);
  const stated = { total: head.amounts.total, government: head.amounts.government };
  const current = listings.at(-1);
  if (UNIT_CODE.test(head.code) && current && current.unitCode === null && current.projects.length === 0) {
    current.unitCode = head.code;
    current.unitRow = { line: row.no, ...stated };
    if (current.departmentCode === null) current.stated = stated;
    return;
  }
  const isDepartment = DEPARTMENT_CODE.test(head.code);
  const inherited = current?.departmentCode && head.code.startsWith(current.departmentCode) ? current.departmentCode : null;
  listings.push({
    line: row.no,
    departmentCode: isDepartment ? head.code : inherited,
    unitCode: isDepartment ? null : head.code,
    stated,
    unitRow: null,
    projects: [],
  });
}

/** The table prints each category as a column read top to bottom; keep that order. */
function sortByCategory(indicators: IndicatorDraft[]): IndicatorDraft[] {
  return indicators
    .map((d, i) => ({ d, i }))
    .sort((a, b) => CATEGORY_RANK[a.d.category!] - CATEGORY_RANK[b.d.category!] || a.i - b.i)
    .map(({ d }) => d);
}

export function readProjectPerformance(table: TableBlock, unit: PrintedUnit, fileName: string): ProjectListing[] {
  const listings: ProjectListing[] = [];
  let project: PerformanceProjectRow | null = null;
  for (const row of table.rows) {
    const first = row.cells[0] ?? "";
    if (row.cells.every((c) => c === "") || isProjectHeader(row.cells)) continue;
    if (PROJECT_CODE.test(first)) {
      project = openProject(row, unit, fileName);
      if (listings.length === 0) listings.push({ line: row.no, departmentCode: null, unitCode: null, stated: { total: null, government: null }, unitRow: null, projects: [] });
      listings.at(-1)!.projects.push(project);
    } else if (DEPARTMENT_CODE.test(first) || UNIT_CODE.test(first)) {
      applyOrgRow(listings, row, unit, fileName);
      project = null;
    } else if (first === "" && project) {
      continueProject(project, row, fileName);
    } else {
      const problem = first === "" ? "indicator row outside any project" : `row starts with "${first}", neither a project code nor a 部门/单位 code`;
      throw new DocumentError(fileName, row.no, problem);
    }
  }
  for (const p of listings.flatMap((l) => l.projects)) p.indicators = sortByCategory(p.indicators);
  return listings;
}

// ---------------------------------------------------------------------------------------------
// 部门(单位)整体绩效目标表
// ---------------------------------------------------------------------------------------------

type Section = "TOP" | "GOALS" | "TASKS" | "BUDGET" | "INDICATORS";

const SECTION_LABELS: Record<string, Section> = { 年度履职目标: "GOALS", 年度主要任务: "TASKS", 预算情况: "BUDGET" };
const NAME_LABEL = /^部门[(（]单位[)）]名称$/;

const LEVEL1_BY_LEVEL2: Readonly<Record<string, string>> = template.level1ByLevel2;
const LEVEL2_BY_NAME: Readonly<Record<string, string>> = template.level2ByName;
const KNOWN_LEVEL1 = new Set(Object.values(LEVEL1_BY_LEVEL2));
const KNOWN_LEVEL2 = new Set(Object.keys(LEVEL1_BY_LEVEL2));
/** 二级 whose 三级 the template fixes: a department-specific row never belongs to them. */
const FIXED_LEVEL2 = new Set(Object.values(LEVEL2_BY_NAME));

function isIndicatorHeader(filled: string[]): boolean {
  return filled.includes("一级指标") && filled.includes("三级指标");
}

/** The label that opens a part of the table, if this row starts with one (it stays on the row). */
function sectionOpenedBy(filled: string[]): Section | null {
  if (isIndicatorHeader(filled)) return "INDICATORS";
  return SECTION_LABELS[filled[0]!] ?? null;
}

/** The goals are HTML paragraphs in the source; keep one paragraph per line. */
function goalsText(cells: string[]): string {
  return cells
    .join("")
    .replace(/<\/p>\s*<p>/g, "\n")
    .replace(/<\/?p>/g, "")
    .trim();
}

function readTaskRow(filled: string[], line: number, fileName: string, out: DepartmentPerformance): void {
  const cells = filled[0] === "年度主要任务" ? filled.slice(1) : filled;
  if (cells.length === 0 || (cells[0] === "任务名称" && cells[1] === "主要内容")) return;
  const last = out.tasks.at(-1);
  if (cells.length === 1 && last) {
    // A content cell cut by a page break: its first part is the previous task's content.
    last.content += cells[0]!;
    out.repairs.push({ line, note: `task "${last.name}": content continued on line ${line}, re-joined` });
    return;
  }
  if (cells.length === 1) throw new DocumentError(fileName, line, `task row without content: ${cells[0]}`);
  if (cells.length > 2) out.repairs.push({ line, note: `task "${joinWords(cells[0]!)}": content split over ${cells.length - 1} cells, re-joined` });
  out.tasks.push({ name: joinWords(cells[0]!), content: cells.slice(1).join(""), line });
}

/** "1、资金来源：(1) 政府预算资金" → "政府预算资金"; "部门预算总额(万元)" → "部门预算总额". */
function figureLabel(cell: string): string {
  return joinWords(cell)
    .replace(/^\d+[、.．][^：:]*[：:]/, "")
    .replace(/^\d+[、.．]/, "")
    .replace(/^[(（]\d+[)）]/, "")
    .replace(/[(（](?:万元|元)[)）]$/, "");
}

/** A label that names its own unit overrides the table's. */
function unitOfLabel(cell: string, fallback: PrintedUnit): PrintedUnit {
  if (/[(（]万元[)）]/.test(cell)) return "WAN_YUAN";
  if (/[(（]元[)）]/.test(cell)) return "YUAN";
  return fallback;
}

/** Label, amount pairs; a label whose amount is blank (empty or dropped) prints no figure. */
function readBudgetRow(row: Row, unit: PrintedUnit, fileName: string, out: DepartmentPerformance): void {
  const cells = row.cells;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (cell === "" || cell === "预算情况") continue;
    if (meantAsAmount(cell)) throw new DocumentError(fileName, row.no, `预算情况: amount "${cell}" has no label`);
    const next = cells[i + 1] ?? "";
    if (next === "" || !meantAsAmount(next)) continue;
    const label = figureLabel(cell);
    const amount = cellAmount(next, unitOfLabel(cell, unit), { fileName, line: row.no, column: label, cell: i + 1 });
    if (amount !== null) out.figures.push({ label, amount, line: row.no });
    i++;
  }
}

// --- indicator rows ---------------------------------------------------------------------------

interface PrintedIndicator {
  line: number;
  name: string;
  target: string;
  explanation?: string;
  level1?: string;
  level2?: string;
}

interface LabelMark {
  line: number;
  level: 1 | 2;
  text: string;
}

type ParsedRow =
  | { kind: "indicator"; indicator: PrintedIndicator }
  | { kind: "labels"; marks: LabelMark[] }
  | { kind: "explanation"; line: number; text: string };

const QUANTITATIVE = /^[≥≤><=＞＜]?\s*[\d０-９][\d０-９.,，．]*\s*(?:[%％]|[\u4e00-\u9fff]{1,3})?$/;
const SENTENCE_MARK = /[。；;，,：:=（）()“”《》/*×、]/;

/** A 指标值: a figure (≥90%) or one short word (相关, 健全); explanations are sentences. */
function isTargetValue(cell: string): boolean {
  return QUANTITATIVE.test(cell) || (cell.length <= 10 && !SENTENCE_MARK.test(cell) && !/\d/.test(cell));
}

function levelOfLabel(cell: string): 1 | 2 {
  if (KNOWN_LEVEL1.has(cell)) return 1;
  if (KNOWN_LEVEL2.has(cell)) return 2;
  return /指标$/.test(cell) ? 1 : 2;
}

function lastIndexWhere(cells: string[], test: (c: string) => boolean): number {
  for (let i = cells.length - 1; i >= 0; i--) if (test(cells[i]!)) return i;
  return -1;
}

/** Read from the right: 指标值, then 说明 after it, 三级 before it, and 二级/一级 before that. */
function parseIndicatorRow(row: Row, fileName: string, repairs: Repairs): ParsedRow {
  const filled = filledCells(row);
  const t = lastIndexWhere(filled, isTargetValue);
  if (t === -1) return { kind: "explanation", line: row.no, text: filled.join("") };
  const nameCell = filled[t - 1];
  if (nameCell === undefined || levelOfLabel(nameCell) === 1) {
    // Nothing but pieces of merged labels, left behind on a row of their own by a page break.
    if (!filled.every(isTargetValue)) throw new DocumentError(fileName, row.no, `no 三级指标 before 指标值 "${filled[t]}"`);
    return { kind: "labels", marks: filled.map((c) => ({ line: row.no, level: levelOfLabel(c), text: joinWords(c) })) };
  }
  const indicator: PrintedIndicator = { line: row.no, name: joinWords(nameCell), target: joinWords(filled[t]!) };
  const after = filled.slice(t + 1);
  if (after.length > 0) indicator.explanation = after.join("");
  if (after.length > 1) repairs.push({ line: row.no, note: `"${indicator.name}": 指标值说明 split over ${after.length} cells, re-joined` });
  for (const label of filled.slice(0, t - 1)) {
    const key = levelOfLabel(label) === 1 ? "level1" : "level2";
    if (indicator[key] !== undefined) throw new DocumentError(fileName, row.no, `two ${key === "level1" ? "一级" : "二级"} labels: "${indicator[key]}", "${label}"`);
    indicator[key] = joinWords(label);
  }
  return { kind: "indicator", indicator };
}

/** True when a page break (blank lines in the text) falls between the two lines of the table. */
function pageBreakBetween(lines: number[], from: number, to: number): boolean {
  const inside = lines.filter((l) => l >= from && l <= to);
  return inside.some((l, i) => i > 0 && l - inside[i - 1]! > 1);
}

/**
 * A merged label too tall for one page is printed in two pieces ("重点工作任务完" … "成"). Two
 * consecutive labels of one level are one label when the first is not a template label, a page
 * break separates them, and together they make a template label (or the tail is a stray 1–2
 * characters no label consists of).
 */
function joinSplitLabels(marks: LabelMark[], lines: number[], repairs: Repairs): void {
  for (const level of [1, 2] as const) {
    const known = level === 1 ? KNOWN_LEVEL1 : KNOWN_LEVEL2;
    const ofLevel = marks.filter((m) => m.level === level);
    for (let i = 1; i < ofLevel.length; i++) {
      const [a, b] = [ofLevel[i - 1]!, ofLevel[i]!];
      const joined = a.text + b.text;
      if (known.has(a.text) || !pageBreakBetween(lines, a.line, b.line)) continue;
      if (!known.has(joined) && b.text.length > 2) continue;
      repairs.push({
        line: b.line,
        note: `${level === 1 ? "一级" : "二级"} label split over a page break: "${a.text}" (line ${a.line}) + "${b.text}" (line ${b.line}) re-joined as "${joined}"`,
      });
      a.text = joined;
      b.text = joined;
    }
  }
}

function printedAt(marks: LabelMark[], level: 1 | 2, text: string): string {
  const mark = marks.find((m) => m.level === level && m.text === text);
  return mark ? `merged cell printed at line ${mark.line}` : "not printed";
}

/** The 二级 of rows that print none: the template first, then the neighbouring rows' block. */
function assignLevel2(rows: PrintedIndicator[], marks: LabelMark[], notes: Map<number, string[]>): void {
  const note = (r: PrintedIndicator, how: string) => notes.get(r.line)!.push(`二级 "${r.level2}" ${how} (${printedAt(marks, 2, r.level2!)})`);
  for (const r of rows.filter((r) => r.level2 === undefined && LEVEL2_BY_NAME[r.name] !== undefined)) {
    r.level2 = LEVEL2_BY_NAME[r.name];
    note(r, "from the province template");
  }
  // A department-specific row continues the block above it, unless that block is one whose rows
  // the template fixes: then it can only belong to the block below.
  rows.forEach((r, i) => {
    const above = rows[i - 1]?.level2;
    if (r.level2 === undefined && above !== undefined && !FIXED_LEVEL2.has(above)) {
      r.level2 = above;
      note(r, `carried down from line ${rows[i - 1]!.line}`);
    }
  });
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i]!;
    const below = rows[i + 1]?.level2;
    if (r.level2 === undefined && below !== undefined) {
      r.level2 = below;
      note(r, `carried up from line ${rows[i + 1]!.line}`);
    }
  }
}

/** Rows sharing one 二级 in a run form one merged block; a 一级 printed anywhere in it holds for all. */
function level1InBlock(rows: PrintedIndicator[], i: number, printed: (string | undefined)[]): string | undefined {
  const level2 = rows[i]!.level2;
  for (let j = i; j >= 0 && rows[j]!.level2 === level2; j--) if (printed[j]) return printed[j];
  for (let j = i; j < rows.length && rows[j]!.level2 === level2; j++) if (printed[j]) return printed[j];
  return undefined;
}

function assignLevel1(rows: PrintedIndicator[], marks: LabelMark[], notes: Map<number, string[]>): void {
  const printed = rows.map((r) => r.level1);
  const note = (r: PrintedIndicator, how: string) => notes.get(r.line)!.push(`一级 "${r.level1}" ${how} (${printedAt(marks, 1, r.level1!)})`);
  rows.forEach((r, i) => {
    if (r.level1 !== undefined) return;
    const fromTemplate = r.level2 === undefined ? undefined : LEVEL1_BY_LEVEL2[r.level2];
    const fromBlock = level1InBlock(rows, i, printed);
    const fromAbove = rows[i - 1]?.level1;
    r.level1 = fromTemplate ?? fromBlock ?? fromAbove;
    if (r.level1 === undefined) return;
    note(r, fromTemplate ? `from the province template (二级 "${r.level2}")` : fromBlock ? "from its 二级 block" : `carried down from line ${rows[i - 1]!.line}`);
  });
}

/** Indicators, with merged 一级/二级 labels spread back over the rows they span. */
function readIndicators(rows: Row[], fileName: string, repairs: Repairs): IndicatorDraft[] {
  const printed: PrintedIndicator[] = [];
  const marks: LabelMark[] = [];
  for (const row of rows) {
    const parsed = parseIndicatorRow(row, fileName, repairs);
    if (parsed.kind === "labels") marks.push(...parsed.marks);
    else if (parsed.kind === "explanation") appendExplanation(printed.at(-1), parsed, fileName, repairs);
    else {
      printed.push(parsed.indicator);
      if (parsed.indicator.level1) marks.push({ line: row.no, level: 1, text: parsed.indicator.level1 });
      if (parsed.indicator.level2) marks.push({ line: row.no, level: 2, text: parsed.indicator.level2 });
    }
  }
  joinSplitLabels(marks, rows.map((r) => r.no), repairs);
  for (const r of printed) {
    r.level1 = marks.find((m) => m.line === r.line && m.level === 1)?.text;
    r.level2 = marks.find((m) => m.line === r.line && m.level === 2)?.text;
  }
  const notes = new Map(printed.map((r) => [r.line, [] as string[]]));
  assignLevel2(printed, marks, notes);
  assignLevel1(printed, marks, notes);
  for (const r of printed) {
    const n = notes.get(r.line)!;
    if (n.length > 0) repairs.push({ line: r.line, note: `"${r.name}": ${n.join("; ")}` });
  }
  return printed.map(toIndicatorDraft);
}

/** A row of sentences only is the rest of the explanation above it, cut by a page break. */
function appendExplanation(last: PrintedIndicator | undefined, part: { line: number; text: string }, fileName: string, repairs: Repairs): void {
  if (!last) throw new DocumentError(fileName, part.line, `text before any indicator: ${part.text}`);
  last.explanation = (last.explanation ?? "") + part.text;
  repairs.push({ line: part.line, note: `"${last.name}": 指标值说明 continued on line ${part.line}, re-joined` });
}

function toIndicatorDraft(r: PrintedIndicator): IndicatorDraft {
  return {
    ...(r.level1 !== undefined && { level1: r.level1 }),
    ...(r.level2 !== undefined && { level2: r.level2 }),
    name: r.name,
    target: r.target,
    ...(r.explanation !== undefined && { explanation: r.explanation }),
    line: r.line,
  };
}

export function readDepartmentPerformance(table: TableBlock, unit: PrintedUnit, fileName: string): DepartmentPerformance {
  const out: DepartmentPerformance = { goals: null, tasks: [], figures: [], indicators: [], repairs: [] };
  const indicatorRows: Row[] = [];
  let section: Section = "TOP";
  for (const row of table.rows) {
    const filled = filledCells(row);
    if (filled.length === 0) continue;
    if (section === "INDICATORS") {
      indicatorRows.push(row);
      continue;
    }
    if (NAME_LABEL.test(filled[0]!)) continue;
    const opened = sectionOpenedBy(filled);
    section = opened ?? section;
    if (opened === "INDICATORS") continue;
    if (section === "GOALS") {
      const text = goalsText(filled[0] === "年度履职目标" ? filled.slice(1) : filled);
      out.goals = out.goals === null ? text : `${out.goals}\n${text}`;
    } else if (section === "TASKS") readTaskRow(filled, row.no, fileName, out);
    else if (section === "BUDGET") readBudgetRow(row, unit, fileName, out);
    else throw new DocumentError(fileName, row.no, `unexpected row before 年度履职目标: ${filled.join(" | ")}`);
  }
  out.indicators = readIndicators(indicatorRows, fileName, out.repairs);
  return out;
}
