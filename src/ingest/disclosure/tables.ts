import type { ProjectCategoryCode } from "../../common/vocabulary";
import type { PrintedUnit } from "../../common/money";
import type { FundingSourceCode } from "../bundle/bundle.types";
import { cellAmount, joinWords, looksLikeAmount } from "./cells";
import type { Row, TableBlock } from "./document";


/** A figure a table printed, with where it was printed: every one is stored and checked. */
export interface Printed {
  fen: bigint;
  line: number;
  column: string;
  label: string;
}

interface Ctx {
  fileName: string;
  unit: PrintedUnit;
}

function amount(ctx: Ctx, row: Row, index: number, column: string): bigint | null {
  return cellAmount(row.cells[index], ctx.unit, { fileName: ctx.fileName, line: row.no, column, cell: index });
}

function printed(ctx: Ctx, row: Row, index: number, column: string, label: string): Printed | null {
  const fen = amount(ctx, row, index, column);
  return fen === null ? null : { fen, line: row.no, column, label };
}

// ---------------------------------------------------------------- 部门收支总体情况表

export interface OverviewTable {
  income: { source: FundingSourceCode; label: string; fen: bigint; line: number }[];
  /** Every printed figure of the table (both sides, totals included). */
  figures: Printed[];
  incomeTotal: Printed | null; // 收入总计
  incomeThisYear: Printed | null; // 本年收入合计
  expenditureTotal: Printed | null; // 支出总计
  expenditureThisYear: Printed | null; // 本年支出合计
  /** 年终结转结余 on the expenditure side. */
  expenditureCarryover: Printed | null;
  /** 其中：财政拨款, with the income row above it that it is part of (一、一般公共预算). */
  grant: (Printed & { of: Printed | null }) | null;
  /** Functional 类 totals, by the label printed ("社会保障和就业"). */
  classes: Printed[];
}

const INCOME_SOURCES: [RegExp, FundingSourceCode][] = [
  [/一般公共预算/, "GENERAL_PUBLIC_BUDGET"],
  [/政府性基金/, "GOVERNMENT_FUND"],
  [/国有资本经营/, "STATE_CAPITAL"],
  [/财政专户/, "SPECIAL_ACCOUNT"],
  [/上年结转/, "PRIOR_YEAR_CARRYOVER"],
  [/事业收入|经营收入|上级补助|附属单位|其他收入|单位资金/, "UNIT_FUNDS"],
];

/** "一、一般公共预算" → "一般公共预算"; "（八）社会保障和就业支出" → "社会保障和就业支出". */
export function stripNumbering(label: string): string {
  return joinWords(label).replace(/^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])/, "").replace(/[:：]$/, "");
}

export function readOverview(table: TableBlock, ctx: Ctx): OverviewTable {
  const out: OverviewTable = { income: [], figures: [], incomeTotal: null, incomeThisYear: null, expenditureTotal: null, expenditureThisYear: null, expenditureCarryover: null, grant: null, classes: [] };
  let above: Printed | null = null;
  for (const row of table.rows) {
    // Two (label, amount) pairs per row: income on the left, expenditure on the right.
    for (const [labelAt, amountAt, side] of [[0, 1, "收入"], [2, 3, "支出"]] as const) {
      const label = stripNumbering(row.cells[labelAt] ?? "");
      if (!label || label === "项目" || label === "收入" || label === "支出") continue;
      const p = printed(ctx, row, amountAt, `${side}金额`, label);
      const isPart = /^其中/.test(label);
      if (side === "收入" && !isPart) above = p;
      if (!p) continue;
      out.figures.push(p);
      if (side === "收入") {
        if (label === "收入总计") out.incomeTotal = p;
        else if (/本年收入合计/.test(label)) out.incomeThisYear = p;
        else if (isPart) {
          if (/财政拨款/.test(label) && !out.grant) out.grant = { ...p, of: above };
        } else {
          const source = INCOME_SOURCES.find(([re]) => re.test(label))?.[1] ?? "OTHER";
          out.income.push({ source, label, fen: p.fen, line: row.no });
        }
      } else if (label === "支出总计") out.expenditureTotal = p;
      else if (/本年支出合计/.test(label)) out.expenditureThisYear = p;
      else if (/结转结余/.test(label)) out.expenditureCarryover = p;
      else out.classes.push(p);
    }
  }
  return out;
}

// ------------------------------------------------ 部门支出总体情况表 / 一般公共预算支出情况表

/** The amount columns of the standard subject table, in order. */
const SUBJECT_COLUMNS = ["合计", "基本支出小计", "工资福利支出", "对个人和家庭的补助", "商品和服务支出", "资本性支出", "项目支出小计", "其他运转类", "特定目标类"] as const;
type SubjectColumn = (typeof SUBJECT_COLUMNS)[number];
const BASIC_PARTS: SubjectColumn[] = ["工资福利支出", "对个人和家庭的补助", "商品和服务支出", "资本性支出"];
const PROJECT_PARTS: SubjectColumn[] = ["其他运转类", "特定目标类"];

export interface SubjectRow {
  line: number;
  /** 7-digit 项 code for a subject row; null for the 合计 and department/unit rows. */
  code: string | null;
  /** 单位代码 of a department or unit row. */
  unitCode: string | null;
  name: string;
  values: Partial<Record<SubjectColumn, bigint>>;
  /** The row had fewer cells than the template: values were placed by arithmetic, not position. */
  shifted: boolean;
}

export interface SubjectTable {
  total: SubjectRow | null;
  units: SubjectRow[];
  rows: SubjectRow[];
}

const LEAD = 5; // 类, 款, 项, 单位代码, 名称

export function readSubjectTable(table: TableBlock, ctx: Ctx): SubjectTable {
  const out: SubjectTable = { total: null, units: [], rows: [] };
  for (const row of table.rows) {
    const [cls, sec, item, unitCode, name] = row.cells;
    const isSubject = /^\d{3}$/.test(cls ?? "") && /^\d{2}$/.test(sec ?? "") && /^\d{2}$/.test(item ?? "");
    const isTotal = (name ?? "") === "合计" || row.cells.slice(0, LEAD).includes("合计");
    const isUnit = !isSubject && /^\d{3,9}$/.test(unitCode ?? "");
    if (!isSubject && !isTotal && !isUnit) continue; // header rows and notes
    const parsed: SubjectRow = {
      line: row.no,
      code: isSubject ? `${cls}${sec}${item}` : null,
      unitCode: isUnit ? unitCode! : null,
      name: isTotal ? "合计" : joinWords(name ?? ""),
      values: {},
      shifted: false,
    };
    placeValues(parsed, row, ctx);
    if (isTotal) out.total = parsed;
    else if (isUnit) out.units.push(parsed);
    else out.rows.push(parsed);
  }
  return out;
}

/**
 * Full-width rows are read by position. Text extraction drops empty columns, so a short row's
 * figures are placed by arithmetic instead: the first is the row total, then each subtotal is
 * followed by the parts that add up to it; a subtotal nearer the 项目支出 column is project money.
 */
function placeValues(target: SubjectRow, row: Row, ctx: Ctx): void {
  const cells = row.cells.slice(LEAD);
  while (cells.length > SUBJECT_COLUMNS.length && cells.at(-1) === "") cells.pop();
  if (cells.length === SUBJECT_COLUMNS.length) {
    SUBJECT_COLUMNS.forEach((col, i) => {
      const v = amount(ctx, row, LEAD + i, col);
      if (v !== null) target.values[col] = v;
    });
    return;
  }
  target.shifted = true;
  const found = cells.flatMap((c, i) => (c === "" ? [] : [{ fen: amount(ctx, row, LEAD + i, `第${i + 1}列`)!, at: i }]));
  if (!found.length) return;
  target.values.合计 = found[0]!.fen;
  const groups: { subtotal: (typeof found)[number]; parts: bigint[] }[] = [];
  let i = 1;
  while (i < found.length) {
    const group = { subtotal: found[i]!, parts: [] as bigint[] };
    i++;
    let sum = 0n;
    while (i < found.length && sum < group.subtotal.fen) {
      sum += found[i]!.fen;
      group.parts.push(found[i]!.fen);
      i++;
    }
    groups.push(group);
  }
  groups.forEach((g, n) => {
    const isProject = groups.length > 1 ? n === 1 : Math.abs(g.subtotal.at - 6) < Math.abs(g.subtotal.at - 1);
    target.values[isProject ? "项目支出小计" : "基本支出小计"] = g.subtotal.fen;
    // Parts of the last group sit against the right edge; parts of a first group against the left.
    const cols = isProject ? PROJECT_PARTS.slice(PROJECT_PARTS.length - g.parts.length) : BASIC_PARTS;
    g.parts.forEach((fen, k) => (target.values[cols[k]!] = fen));
  });
}

// ---------------------------------------------------------------- 财政拨款收支总体情况表

/** The amount columns of the 财政拨款收支总表's expenditure side, in order. */
export const FISCAL_COLUMNS = ["合计", "一般公共预算小计", "其中：财政拨款", "政府性基金", "国有资本经营预算"] as const;
export type FiscalColumn = (typeof FISCAL_COLUMNS)[number];

/** One expenditure-side row: its label and the figures it prints, by column. */
export interface FiscalRow {
  line: number;
  label: string;
  values: Partial<Record<FiscalColumn, bigint>>;
}

/** An income-side block (一、本年收入 or 二、上年结转): its own figure and the (一)(二)(三) rows under it. */
export interface FiscalIncomeBlock {
  head: Printed | null;
  parts: Printed[];
}

export interface FiscalOverviewTable {
  figures: Printed[];
  /** 本年收入 / 收入合计 on the left; 本年支出 and 类 rows with their 合计 on the right. */
  incomeTotal: Printed | null;
  expenditureTotal: Printed | null;
  generalBudgetIncome: Printed | null;
  classes: Printed[];
  /** The 一般公共预算 column of each 类 row (what the 一般公共预算支出表 should add up to). */
  generalClasses: Printed[];
  /** 一、本年收入 and 二、上年结转, each with its (一)(二)(三) rows. */
  thisYear: FiscalIncomeBlock;
  carryover: FiscalIncomeBlock;
  /** 其中：财政拨款 under (一)一般公共预算拨款 of 本年收入, with that row. */
  grant: (Printed & { of: Printed | null }) | null;
  /** The expenditure side by row: 一、本年支出, the 类 rows, 二、年终结转结余 and 支出合计. */
  spending: { thisYear: FiscalRow | null; classes: FiscalRow[]; carryover: FiscalRow | null; total: FiscalRow | null };
}

export function readFiscalOverview(table: TableBlock, ctx: Ctx): FiscalOverviewTable {
  const out: FiscalOverviewTable = {
    figures: [],
    incomeTotal: null,
    expenditureTotal: null,
    generalBudgetIncome: null,
    classes: [],
    generalClasses: [],
    thisYear: { head: null, parts: [] },
    carryover: { head: null, parts: [] },
    grant: null,
    spending: { thisYear: null, classes: [], carryover: null, total: null },
  };
  let block: FiscalIncomeBlock | null = null;
  let above: Printed | null = null;
  for (const row of table.rows) {
    if (["项目", "收入"].includes(joinWords(row.cells[0] ?? ""))) continue; // header rows
    const hasFigures = row.cells.some(looksLikeAmount);
    const left = stripNumbering(row.cells[0] ?? "");
    const l = left && hasFigures ? printed(ctx, row, 1, "收入金额", left) : null;
    if (/本年收入/.test(left)) (block = out.thisYear).head = l;
    else if (/上年结转/.test(left)) (block = out.carryover).head = l;
    else if (/收入合计/.test(left)) block = null;
    else if (/^其中/.test(left)) {
      if (l && /财政拨款/.test(left) && block === out.thisYear && !out.grant) out.grant = { ...l, of: above };
    } else if (left && block) {
      above = l;
      if (l) block.parts.push(l);
    }
    if (!hasFigures) continue;
    if (l) {
      out.figures.push(l);
      if (/收入合计/.test(left)) out.incomeTotal = l;
      else if (/一般公共预算拨款/.test(left) && !out.generalBudgetIncome) out.generalBudgetIncome = l;
    }
    const right = stripNumbering(row.cells[2] ?? "");
    if (!right || right === "项目") continue;
    const r: FiscalRow = { line: row.no, label: right, values: {} };
    const isClass = !/支出合计|本年支出|结转结余/.test(right);
    FISCAL_COLUMNS.forEach((col, k) => {
      const p = printed(ctx, row, 3 + k, col, right);
      if (!p) return;
      r.values[col] = p.fen;
      out.figures.push(p);
      if (k === 1 && isClass) out.generalClasses.push(p);
      if (k !== 0) return;
      if (/支出合计/.test(right)) out.expenditureTotal = p;
      else if (isClass) out.classes.push(p);
    });
    if (!Object.keys(r.values).length) continue;
    if (/支出合计/.test(right)) out.spending.total = r;
    else if (/本年支出/.test(right)) out.spending.thisYear = r;
    else if (/结转结余/.test(right)) out.spending.carryover = r;
    else out.spending.classes.push(r);
  }
  return out;
}

// ---------------------------------------------------------------- 一般公共预算基本支出表

export interface EconomicRow {
  line: number;
  deptCode: string;
  deptName: string;
  govCode: string;
  govName: string;
  total: bigint | null;
  personnel: bigint | null;
  public: bigint | null;
}

export interface EconomicTable {
  total: { line: number; total: bigint | null; personnel: bigint | null; public: bigint | null } | null;
  rows: EconomicRow[];
}

export function readEconomicTable(table: TableBlock, ctx: Ctx): EconomicTable {
  const out: EconomicTable = { total: null, rows: [] };
  for (const row of table.rows) {
    const c = row.cells;
    if (c[0] === "合计") {
      // A full-width 合计 row is read by column; a short one (blank codes dropped) by order.
      const full = c.length >= 7;
      const nums = full ? [4, 5, 6].map((i) => ({ i })) : c.slice(1).map((x, i) => ({ x, i: i + 1 })).filter((v) => looksLikeAmount(v.x!));
      const at = (k: number) => (nums[k] ? amount(ctx, row, nums[k]!.i, ["合计", "人员经费", "公用经费"][k]!) : null);
      out.total = { line: row.no, total: at(0), personnel: at(1), public: at(2) };
      continue;
    }
    if (!/^\d{5}$/.test(c[0] ?? "") || !/^\d{5}$/.test(c[2] ?? "")) continue;
    out.rows.push({
      line: row.no,
      deptCode: c[0]!,
      deptName: joinWords(c[1] ?? ""),
      govCode: c[2]!,
      govName: joinWords(c[3] ?? ""),
      total: amount(ctx, row, 4, "合计"),
      personnel: amount(ctx, row, 5, "人员经费"),
      public: amount(ctx, row, 6, "公用经费"),
    });
  }
  return out;
}

// ---------------------------------------------------------------- “三公”经费表

export interface ThreePublicTable {
  /** null when the table printed only its header (no figures at all). */
  values: Record<"total" | "overseasTravel" | "vehicles" | "vehiclePurchase" | "vehicleOperation" | "reception", bigint | null> | null;
  line: number | null;
}

export function readThreePublic(table: TableBlock, ctx: Ctx): ThreePublicTable {
  const data = table.rows.find((r) => r.cells.some((c) => looksLikeAmount(c)) && !r.cells.some((c) => /[\u4e00-\u9fff]/.test(c)));
  if (!data) return { values: null, line: null };
  const cols = ["total", "overseasTravel", "vehicles", "vehiclePurchase", "vehicleOperation", "reception"] as const;
  const labels = ["“三公”经费合计", "因公出国（境）费", "公务用车购置及运行费", "公务用车购置费", "公务用车运行费", "公务接待费"];
  const values = Object.fromEntries(cols.map((k, i) => [k, amount(ctx, data, i, labels[i]!)])) as NonNullable<ThreePublicTable["values"]>;
  return { values, line: data.no };
}

// ---------------------------------------------------------------- 项目支出预算表

/** Funding-source columns of the project table, after 合计. */
const PROJECT_SOURCES: [string, FundingSourceCode][] = [
  ["本年拨款·一般公共预算", "GENERAL_PUBLIC_BUDGET"],
  ["本年拨款·政府性基金预算", "GOVERNMENT_FUND"],
  ["本年拨款·国有资本经营预算", "STATE_CAPITAL"],
  ["结转结余·一般公共预算", "PRIOR_YEAR_CARRYOVER"],
  ["结转结余·政府性基金预算", "PRIOR_YEAR_CARRYOVER"],
  ["结转结余·国有资本经营预算", "PRIOR_YEAR_CARRYOVER"],
  ["财政专户管理资金", "SPECIAL_ACCOUNT"],
  ["单位资金", "UNIT_FUNDS"],
];

export interface ProjectTableRow {
  line: number;
  category: ProjectCategoryCode;
  categoryLabel: string;
  name: string;
  unitName: string;
  total: bigint | null;
  lines: ProjectSourceCell[];
}

/** A funding-source cell of the project table. */
export interface ProjectSourceCell {
  fundingSource: FundingSourceCode;
  column: string;
  fen: bigint;
}

export interface ProjectTable {
  /** The 合计 row: its 合计 and its funding-source cells. */
  total: (Printed & { lines: ProjectSourceCell[] }) | null;
  department: (Printed & { code: string; lines: ProjectSourceCell[] }) | null;
  rows: ProjectTableRow[];
}

export function readProjectTable(table: TableBlock, ctx: Ctx): ProjectTable {
  const out: ProjectTable = { total: null, department: null, rows: [] };
  const sourceCells = (row: Row): ProjectSourceCell[] =>
    PROJECT_SOURCES.flatMap(([column, fundingSource], k) => {
      const fen = amount(ctx, row, 4 + k, column);
      return fen === null ? [] : [{ fundingSource, column, fen }];
    });
  for (const row of table.rows) {
    const c = row.cells;
    if (/^(特定目标类|其他运转类)$/.test(c[0] ?? "")) {
      const lines = sourceCells(row);
      out.rows.push({
        line: row.no,
        category: c[0] === "其他运转类" ? "OPERATING" : "SPECIFIC",
        categoryLabel: c[0]!,
        name: joinWords(c[1] ?? ""),
        unitName: joinWords(c[2] ?? ""),
        total: amount(ctx, row, 3, "合计"),
        lines,
      });
    } else if (/^\d{3,9}$/.test(c[1] ?? "") && !c[0]) {
      const p = printed(ctx, row, 3, "合计", joinWords(c[2] ?? ""));
      if (p) out.department = { ...p, code: c[1]!, lines: sourceCells(row) };
    } else if (!c[0] && !c[1] && !c[2] && looksLikeAmount(c[3] ?? "")) {
      out.total = { ...printed(ctx, row, 3, "合计", "合计")!, lines: sourceCells(row) };
    }
  }
  return out;
}
