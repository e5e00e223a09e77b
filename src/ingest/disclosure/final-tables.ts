/**
 * The 部门决算's tables (the national template), read by their header's words rather than by
 * fixed positions: templates add or drop columns (行次, 年初预算数, 上缴上级支出 …), so each
 * column is found by what its header says.
 */
import type { PrintedUnit } from "../../common/money";
import type { FundingSourceCode } from "../../common/vocabulary";
import { cellAmount, joinWords, looksLikeAmount } from "./cells";
import type { Row, TableBlock } from "./document";
import { type Printed, stripNumbering } from "./tables";

interface Ctx {
  fileName: string;
  unit: PrintedUnit;
}

function amountAt(ctx: Ctx, row: Row, index: number, column: string): bigint | null {
  return cellAmount(row.cells[index], ctx.unit, { fileName: ctx.fileName, line: row.no, column, cell: index });
}

/** A row that starts the data: a subject code, or a total. */
const CODE_CELL = /^\d{3}(?:\d{2}){0,2}$/;
const isDataRow = (r: Row) => CODE_CELL.test(r.cells[0] ?? "") || r.cells.slice(0, 5).some((c) => /^(?:合计|总计)$/.test(joinWords(c)));

/** Each column's header words, the header rows read top to bottom: "本年支出合计", "年初预算数". */
function columnWords(rows: Row[], startsData: (r: Row) => boolean = isDataRow): string[] {
  const header = rows.slice(0, Math.max(0, rows.findIndex(startsData)));
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  return Array.from({ length: width }, (_, c) => header.map((r) => joinWords(r.cells[c] ?? "")).join(""));
}

export interface ColumnSpec<K extends string> {
  key: K;
  /** What the column's header words say. */
  test: RegExp;
}

/** Which column each key is in, tried in order; a column serves one key. */
function locate<K extends string>(words: string[], specs: ColumnSpec<K>[]): Map<K, number> {
  const found = new Map<K, number>();
  const taken = new Set<number>();
  for (const spec of specs) {
    const i = words.findIndex((w, k) => !taken.has(k) && spec.test.test(w));
    if (i >= 0) (found.set(spec.key, i), taken.add(i));
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Tables by 科目: 收入决算表, 支出决算表, 一般公共预算财政拨款支出决算表

export interface FinalSubjectRow<K extends string> {
  line: number;
  /** 3, 5 or 7 digits: a 类, 款 or 项 row. */
  code: string;
  name: string;
  values: Partial<Record<K, bigint>>;
}

export interface FinalSubjectTable<K extends string> {
  total: { line: number; values: Partial<Record<K, bigint>> } | null;
  /** Every 类, 款 and 项 row as printed. */
  rows: FinalSubjectRow<K>[];
  columns: K[];
}

export const EXPENDITURE_COLUMNS: ColumnSpec<"合计" | "基本支出" | "项目支出" | "上缴上级支出" | "经营支出" | "对附属单位补助支出" | "年初预算数">[] = [
  { key: "年初预算数", test: /年初预算/ },
  { key: "合计", test: /合计/ },
  { key: "基本支出", test: /基本支出/ },
  { key: "项目支出", test: /项目支出/ },
  { key: "上缴上级支出", test: /上缴上级/ },
  { key: "经营支出", test: /经营支出/ },
  { key: "对附属单位补助支出", test: /附属单位/ },
];

export const INCOME_COLUMNS: ColumnSpec<"合计" | "财政拨款收入" | "上级补助收入" | "事业收入" | "经营收入" | "附属单位上缴收入" | "其他收入">[] = [
  { key: "合计", test: /合计/ },
  { key: "财政拨款收入", test: /财政拨款/ },
  { key: "上级补助收入", test: /上级补助/ },
  { key: "事业收入", test: /事业收入/ },
  { key: "经营收入", test: /经营收入/ },
  { key: "附属单位上缴收入", test: /附属单位/ },
  { key: "其他收入", test: /其他收入/ },
];

/** The code of a row: "208 | 01 | 01" in three cells, or "2080101" in one; null for a row without one. */
function codeOf(cells: string[]): { code: string; nameAt: number } | null {
  const [a = "", b = "", c = ""] = cells;
  if (/^\d{3}$/.test(a)) {
    if (/^\d{2}$/.test(b)) return /^\d{2}$/.test(c) ? { code: a + b + c, nameAt: 3 } : { code: a + b, nameAt: 3 };
    return { code: a, nameAt: b === "" && c === "" ? 3 : 1 };
  }
  if (/^\d{5}(?:\d{2})?$/.test(a)) return { code: a, nameAt: 1 };
  return null;
}

export function readFinalSubjectTable<K extends string>(table: TableBlock, ctx: Ctx, specs: ColumnSpec<K>[]): FinalSubjectTable<K> {
  const columns = locate(columnWords(table.rows), specs);
  const first = Math.min(...columns.values());
  const out: FinalSubjectTable<K> = { total: null, rows: [], columns: [...columns.keys()] };
  const values = (row: Row) => {
    const v: Partial<Record<K, bigint>> = {};
    for (const [key, i] of columns) {
      const fen = amountAt(ctx, row, i, key);
      if (fen !== null) v[key] = fen;
    }
    return v;
  };
  for (const row of table.rows) {
    const code = codeOf(row.cells);
    if (code) {
      const name = joinWords(row.cells.slice(code.nameAt, first).find((c) => c.trim() !== "" && !looksLikeAmount(c)) ?? "");
      out.rows.push({ line: row.no, code: code.code, name, values: values(row) });
    } else if (row.cells.slice(0, first).some((c) => /^(?:合计|总计)$/.test(joinWords(c)))) {
      out.total = { line: row.no, values: values(row) };
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 收入支出决算总表 and 财政拨款收入支出决算总表: (项目, 行次, 金额) pairs, income left, spending right

export interface FinalOverview {
  /** Every figure printed, both sides. */
  figures: Printed[];
  income: { source: FundingSourceCode; label: string; fen: bigint; line: number }[];
  incomeThisYear: Printed | null; // 本年收入合计
  carriedIn: Printed | null; // 年初结转和结余
  incomeTotal: Printed | null; // 总计 (income side)
  expenditureThisYear: Printed | null; // 本年支出合计
  carriedOut: Printed | null; // 年末结转和结余
  expenditureTotal: Printed | null; // 总计 (spending side)
  /** 类 rows of the spending side. */
  classes: Printed[];
  /** The spending side's columns after 金额/合计, by header word (the fiscal table's 一般公共预算财政拨款 …). */
  columns: { label: string; figures: Printed[] }[];
}

const FINAL_INCOME_SOURCES: [RegExp, FundingSourceCode][] = [
  [/一般公共预算/, "GENERAL_PUBLIC_BUDGET"],
  [/政府性基金/, "GOVERNMENT_FUND"],
  [/国有资本经营/, "STATE_CAPITAL"],
  [/财政专户/, "SPECIAL_ACCOUNT"],
  [/上级补助|事业收入|经营收入|附属单位|其他收入/, "UNIT_FUNDS"],
];

/**
 * An overview's rows carry no code: its data starts at the first row numbered (一、…), totalled
 * or holding a figure, so the header words above a column never take in the figures under it.
 */
const startsOverviewData = (r: Row) => isDataRow(r) || /^[一二三四五六七八九十]+、/.test(r.cells[0] ?? "") || r.cells.some((c) => /\d[.,]\d/.test(c));

export function readFinalOverview(table: TableBlock, ctx: Ctx): FinalOverview {
  const words = columnWords(table.rows, startsOverviewData);
  const labels = words.flatMap((w, i) => (/项目/.test(w) ? [i] : []));
  const left = labels[0] ?? 0;
  const right = labels[1] ?? 3;
  const amount = (from: number, to: number) => words.findIndex((w, i) => i > from && i < to && /金额|合计/.test(w));
  const leftAmount = amount(left, right);
  const rightColumns = words.flatMap((w, i) => (i > right && w !== "" && !/行次/.test(w) ? [i] : []));
  const out: FinalOverview = { figures: [], income: [], incomeThisYear: null, carriedIn: null, incomeTotal: null, expenditureThisYear: null, carriedOut: null, expenditureTotal: null, classes: [], columns: [] };
  const columns = new Map(rightColumns.slice(1).map((i) => [i, { label: words[i]!.replace(/^支出/, ""), figures: [] as Printed[] }]));
  for (const row of table.rows) {
    if (!row.cells.some((c) => looksLikeAmount(c) && /[.,]/.test(c))) continue;
    const l = stripNumbering(row.cells[left] ?? "");
    const lv = l && leftAmount >= 0 ? amountAt(ctx, row, leftAmount, "收入金额") : null;
    if (l && lv !== null) {
      const p: Printed = { fen: lv, line: row.no, column: "收入金额", label: l };
      out.figures.push(p);
      if (/本年收入合计|收入合计/.test(l)) out.incomeThisYear = p;
      else if (/年初.*结转/.test(l)) out.carriedIn = p;
      else if (/总计/.test(l)) out.incomeTotal = p;
      else out.income.push({ source: FINAL_INCOME_SOURCES.find(([re]) => re.test(l))?.[1] ?? "OTHER", label: l, fen: lv, line: row.no });
    }
    const r = stripNumbering(row.cells[right] ?? "");
    if (!r || rightColumns[0] === undefined) continue;
    const rv = amountAt(ctx, row, rightColumns[0], "支出金额");
    if (rv !== null) {
      const p: Printed = { fen: rv, line: row.no, column: "支出金额", label: r };
      out.figures.push(p);
      if (/本年支出合计|支出合计/.test(r)) out.expenditureThisYear = p;
      else if (/年末.*结转/.test(r)) out.carriedOut = p;
      else if (/总计/.test(r)) out.expenditureTotal = p;
      else out.classes.push(p);
    }
    for (const [i, c] of columns) {
      const v = amountAt(ctx, row, i, c.label);
      if (v !== null) {
        const p: Printed = { fen: v, line: row.no, column: c.label, label: r };
        c.figures.push(p);
        out.figures.push(p);
      }
    }
  }
  out.columns = [...columns.values()];
  return out;
}

// ---------------------------------------------------------------------------------------------
// 一般公共预算财政拨款基本支出决算表: 人员经费 and 公用经费 side by side

export interface FinalBasicItem {
  line: number;
  code: string;
  name: string;
  fen: bigint;
  kind: "PERSONNEL" | "PUBLIC";
}

export interface FinalBasicTable {
  items: FinalBasicItem[];
  personnel: Printed | null;
  public: Printed | null;
}

export function readFinalBasic(table: TableBlock, ctx: Ctx): FinalBasicTable {
  const words = columnWords(table.rows);
  const codes = words.flatMap((w, i) => (/科目编码|编码/.test(w) ? [i] : []));
  const halves = (codes.length ? codes : [0]).map((at, k, all) => ({ at, end: all[k + 1] ?? words.length }));
  const out: FinalBasicTable = { items: [], personnel: null, public: null };
  for (const row of table.rows) {
    for (const { at, end } of halves) {
      const cells = row.cells.slice(at, end);
      const amountIndex = cells.findIndex((c, i) => i > 0 && looksLikeAmount(c) && c.trim() !== "");
      const label = joinWords(cells[0] ?? "");
      if (/^\d{5}$/.test(label) && amountIndex > 0) {
        const fen = amountAt(ctx, row, at + amountIndex, "决算数")!;
        out.items.push({ line: row.no, code: label, name: joinWords(cells.slice(1, amountIndex).find((c) => c.trim() !== "") ?? ""), fen, kind: /^30[13]/.test(label) ? "PERSONNEL" : "PUBLIC" });
      } else if (/人员经费合计|公用经费合计/.test(label)) {
        const i = cells.findIndex((c, k) => k > 0 && looksLikeAmount(c) && c.trim() !== "");
        if (i < 0) continue;
        const p: Printed = { fen: amountAt(ctx, row, at + i, label)!, line: row.no, column: "决算数", label };
        if (/人员/.test(label)) out.personnel = p;
        else out.public = p;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// “三公”经费支出决算表: 预算数 and 决算数, each 合计 / 出国 / 公务用车 (小计, 购置, 运行) / 接待

export type ThreePublicValues = Record<"total" | "overseasTravel" | "vehicles" | "vehiclePurchase" | "vehicleOperation" | "reception", bigint | null>;

export interface FinalThreePublic {
  budgeted: ThreePublicValues | null;
  final: ThreePublicValues | null;
  line: number | null;
}

const THREE_PUBLIC_KEYS = ["total", "overseasTravel", "vehicles", "vehiclePurchase", "vehicleOperation", "reception"] as const;
const THREE_PUBLIC_LABELS = ["合计", "因公出国（境）费", "公务用车购置及运行费", "公务用车购置费", "公务用车运行费", "公务接待费"];

export function readFinalThreePublic(table: TableBlock, ctx: Ctx): FinalThreePublic {
  const data = table.rows.find((r) => r.cells.filter((c) => c.trim() !== "").length >= 6 && r.cells.every((c) => c.trim() === "" || looksLikeAmount(c)));
  if (!data) return { budgeted: null, final: null, line: null };
  // The header's own 合计 cells would end columnWords' header; here it is every row above the figures.
  const words = columnWords(table.rows.slice(0, table.rows.indexOf(data) + 1), (r) => r === data);
  // Each half starts at its 合计 column: a spanning 预算数/决算数 label may sit over any of its columns.
  const totals = words.flatMap((w, i) => (/合计/.test(w) ? [i] : []));
  const budgetFrom = totals[0] ?? 0;
  const finalFrom = totals[1] ?? words.findIndex((w) => /决算数/.test(w));
  if (finalFrom < 0) return { budgeted: null, final: null, line: null };
  const values = (from: number, what: string) =>
    Object.fromEntries(THREE_PUBLIC_KEYS.map((k, i) => [k, amountAt(ctx, data, from + i, `${what}${THREE_PUBLIC_LABELS[i]}`)])) as ThreePublicValues;
  return { budgeted: values(budgetFrom, "预算数·"), final: values(finalFrom, "决算数·"), line: data.no };
}
