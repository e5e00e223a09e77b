/**
 * Writes a bundle out as a budget disclosure (部门预算公开) in the text form the importer reads:
 * markdown headings, narrative paragraphs, and tables as tab-separated lines. The layout is the
 * standard one, clean: every table row carries every column of its template (blank cells stay
 * empty between tabs), amounts keep the bundle's printed decimals and gain thousands separators.
 *
 * Only facts come from the bundle; the wording is ours. Figures the bundle's lines do not give
 * (合计 rows, subtotals) come from `publishedFigures`, then `stated` (a subject row's from
 * `subjectRowTotals`), then the sum of the lines.
 * No amount ever passes through a float: sums are done on the decimal text, in bigint.
 *
 * The narrative states exactly the bundle's `claims` (plus 机构运转经费, 政府采购, 国有资产 from
 * their own fields), phrased so that narrative.ts reads each one back as the same claim.
 */
import { type MoneyUnitCode, decimalsOf, formatFen, parseAmount } from "../common/money";
import type {
  Bundle,
  BundleAmount,
  BundleClaim,
  BundleIndicator,
  BundleProject,
  ExpenditureCategoryCode,
  FundingSourceCode,
  IndicatorCategoryCode,
} from "../ingest/bundle/bundle.types";
import { readBundle } from "../ingest/bundle/read-bundle";
import { codeListFor } from "../ingest/code-lists";
import { TABLE_TITLES, type TableKind } from "../ingest/disclosure/document";
import { FINAL_TABLE_ORDER, renderFinal } from "./final-text";

// ---------------------------------------------------------------------------------------------
// Decimal text

/** Amounts of either unit have at most 6 decimals, so 万元's scale adds any of them exactly. */
const FINEST: MoneyUnitCode = "WAN_YUAN";

/** The exact sum, printed to the most decimals any term has; null when there is no term. */
export function sumAmounts(xs: (BundleAmount | null | undefined)[]): BundleAmount | null {
  const terms = xs.filter((x): x is string => x !== null && x !== undefined && x !== "");
  if (!terms.length) return null;
  const total = terms.reduce((a, t) => a + parseAmount(t, FINEST), 0n);
  return formatFen(total, FINEST, Math.max(...terms.map(decimalsOf)));
}

export function isZero(a: BundleAmount): boolean {
  return parseAmount(a, FINEST) === 0n;
}

function unsigned(a: string): string {
  return a.trim().replace(/^[+-]/, "");
}

function isNegative(a: string): boolean {
  return a.trim().startsWith("-") && /[1-9]/.test(a);
}

/** A table cell: "" for blank, "8,562.6" for 8562.6 (the bundle's decimals, separators added). */
export function printAmount(a: BundleAmount | null | undefined): string {
  if (a === null || a === undefined || a === "") return "";
  const m = /^([+-])?(\d+)(?:\.(\d+))?$/.exec(a.trim());
  if (!m) throw new Error(`renderDisclosure: "${a}" is not a decimal amount`);
  const [, sign, whole, frac] = m;
  return `${sign === "-" ? "-" : ""}${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${frac !== undefined ? `.${frac}` : ""}`;
}

// ---------------------------------------------------------------------------------------------
// Small text helpers

const NUMERALS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 19 → 十九, 34 → 三十四 (up to 99). */
export function chineseNumber(n: number): string {
  if (n < 10) return NUMERALS[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? "" : NUMERALS[tens]}十${NUMERALS[n % 10]}`;
}

/** A cell holds no tab and no line break. */
function cell(s: string | null | undefined): string {
  return (s ?? "").replace(/[\t\r\n]+/g, " ").trim();
}

/** A paragraph line never opens with a heading mark. */
export function paragraph(s: string): string {
  return s.replace(/[\r\n]+/g, " ").replace(/^\s*#+/, "").trim();
}

// ---------------------------------------------------------------------------------------------
// Table templates: the number of columns each table prints on every row

export const TABLE_WIDTHS: Partial<Record<TableKind, number>> = {
  OVERVIEW: 4,
  INCOME: 11,
  EXPENDITURE: 14,
  FISCAL_OVERVIEW: 8,
  GENERAL_EXPENDITURE: 14,
  BASIC_ECONOMIC: 7,
  ECONOMIC_SUMMARY: 6,
  THREE_PUBLIC: 6,
  GOV_FUND: 7,
  STATE_CAPITAL: 7,
  PROJECTS: 12,
  DEPT_PERFORMANCE: 5,
  PROJECT_PERFORMANCE: 14,
};

export class TableWriter {
  readonly lines: string[] = [];
  constructor(readonly width: number) {}
  row(...cells: (string | null | undefined)[]): void {
    if (cells.length > this.width) throw new Error(`renderDisclosure: row of ${cells.length} cells in a ${this.width}-column table`);
    const full = cells.map(cell);
    while (full.length < this.width) full.push("");
    this.lines.push(full.join("\t"));
  }
  /** A line under the table, outside its grid (注：…). */
  note(text: string): void {
    this.lines.push(paragraph(text));
  }
}

// ---------------------------------------------------------------------------------------------
// Subject table columns

const SUBJECT_COLUMNS = ["合计", "基本支出小计", "工资福利支出", "对个人和家庭的补助", "商品和服务支出", "资本性支出", "项目支出小计", "其他运转类", "特定目标类"] as const;
type SubjectColumn = (typeof SUBJECT_COLUMNS)[number];
/** The 预算 template's columns; a 决算's undivided categories are not printed by this renderer. */
const COLUMN_OF_CATEGORY: Partial<Record<ExpenditureCategoryCode, SubjectColumn>> = {
  WAGES_AND_WELFARE: "工资福利支出",
  HOUSEHOLD_SUBSIDIES: "对个人和家庭的补助",
  GOODS_AND_SERVICES: "商品和服务支出",
  CAPITAL: "资本性支出",
  OPERATING: "其他运转类",
  SPECIFIC: "特定目标类",
};
const BASIC_PARTS: SubjectColumn[] = ["工资福利支出", "对个人和家庭的补助", "商品和服务支出", "资本性支出"];
const PROJECT_PARTS: SubjectColumn[] = ["其他运转类", "特定目标类"];

const FISCAL_SOURCES: FundingSourceCode[] = ["GENERAL_PUBLIC_BUDGET", "GOVERNMENT_FUND", "STATE_CAPITAL"];

/** The left side of 部门收支总体情况表: the standard income rows, by funding source. */
const OVERVIEW_INCOME: { label: string; source: FundingSourceCode }[] = [
  { label: "一般公共预算", source: "GENERAL_PUBLIC_BUDGET" },
  { label: "政府性基金预算拨款收入", source: "GOVERNMENT_FUND" },
  { label: "国有资本经营预算拨款收入", source: "STATE_CAPITAL" },
  { label: "财政专户管理资金收入", source: "SPECIAL_ACCOUNT" },
  { label: "事业收入", source: "UNIT_FUNDS" },
  { label: "事业单位经营收入", source: "UNIT_FUNDS" },
  { label: "上级补助收入", source: "UNIT_FUNDS" },
  { label: "附属单位上缴收入", source: "UNIT_FUNDS" },
  { label: "其他收入", source: "UNIT_FUNDS" },
];

/** 项目支出预算表: funding-source columns after 合计. */
const PROJECT_SOURCE_COLUMN: Partial<Record<FundingSourceCode, number>> = {
  GENERAL_PUBLIC_BUDGET: 0,
  GOVERNMENT_FUND: 1,
  STATE_CAPITAL: 2,
  PRIOR_YEAR_CARRYOVER: 3,
  SPECIAL_ACCOUNT: 6,
  UNIT_FUNDS: 7,
};

const INDICATOR_COLUMNS: IndicatorCategoryCode[] = ["COST", "OUTPUT", "BENEFIT", "SATISFACTION"];

// ---------------------------------------------------------------------------------------------
// Narrative sections: which section a claim belongs to

type SectionKey =
  | "totals"
  | "income"
  | "expenditure"
  | "fiscal"
  | "general"
  | "basic"
  | "threePublic"
  | "govFund"
  | "stateCapital"
  | "operating"
  | "procurement"
  | "assets"
  | "transfers";

/** Recognised from the heading a claim was read under (tested in this order). */
const SECTION_BY_HEADING: [SectionKey, RegExp][] = [
  ["totals", /收入支出预算总体|收支预算总体/],
  ["income", /收入预算总体/],
  ["expenditure", /(?<!收入)支出预算总体/],
  ["fiscal", /财政拨款收入支出总体|财政拨款收支总体/],
  ["general", /一般公共预算支出情况/],
  ["basic", /一般公共预算基本支出/],
  ["threePublic", /三公/],
  ["operating", /机构运转经费|机关运行经费/],
  ["procurement", /政府采购/],
  ["assets", /国有资产占用/],
  ["transfers", /专项转移支付/],
  ["govFund", /政府性基金/],
  ["stateCapital", /国有资本经营/],
];

const SECTION_BY_TOPIC: Record<string, SectionKey> = {
  INCOME_TOTAL: "totals",
  EXPENDITURE_TOTAL: "totals",
  INCOME_GENERAL_BUDGET: "income",
  INCOME_GOVERNMENT_FUND: "income",
  INCOME_STATE_CAPITAL: "income",
  SUBJECT_SHARE: "income",
  BASIC_SHARE: "expenditure",
  PROJECT_SHARE: "expenditure",
  GENERAL_BUDGET_TOTAL: "fiscal",
  GOVERNMENT_FUND_TOTAL: "fiscal",
  GENERAL_BUDGET_EXPENDITURE: "general",
  BASIC_TOTAL: "basic",
  PERSONNEL_SHARE: "basic",
  PUBLIC_SHARE: "basic",
  THREE_PUBLIC_TOTAL: "threePublic",
  THREE_PUBLIC_OVERSEAS: "threePublic",
  THREE_PUBLIC_RECEPTION: "threePublic",
  THREE_PUBLIC_VEHICLES: "threePublic",
  THREE_PUBLIC_VEHICLE_PURCHASE: "threePublic",
  THREE_PUBLIC_VEHICLE_OPERATION: "threePublic",
  OPERATING_FUNDS_TOTAL: "operating",
  PROCUREMENT_TOTAL: "procurement",
};

function sectionOf(c: BundleClaim): SectionKey | null {
  const heading = (c.section ?? "").replace(/\s+/g, "");
  return SECTION_BY_HEADING.find(([, re]) => re.test(heading))?.[0] ?? SECTION_BY_TOPIC[c.topic] ?? null;
}

/** What the 三公 prose calls each item, before its figure (读回: narrative.ts THREE_PUBLIC_ITEMS). */
const THREE_PUBLIC_WORDS: Record<string, string> = {
  THREE_PUBLIC_TOTAL: "“三公”经费支出",
  THREE_PUBLIC_OVERSEAS: "因公出国（境）费",
  THREE_PUBLIC_RECEPTION: "公务接待费",
  THREE_PUBLIC_VEHICLES: "公务用车购置及运行费",
  THREE_PUBLIC_VEHICLE_PURCHASE: "公务用车购置费",
  THREE_PUBLIC_VEHICLE_OPERATION: "公务用车运行维护费",
};

interface Piece {
  group: string;
  text: string;
}

/** Pieces joined into sentences; `join` gives the words between two groups (prev null: the first). */
function compose(opening: string, pieces: Piece[], join: (prev: string | null, next: string) => string): string {
  let out = opening;
  let prev: string | null = null;
  for (const p of pieces) {
    out += join(prev, p.group) + p.text;
    prev = p.group;
  }
  return `${out}。`;
}

// ---------------------------------------------------------------------------------------------

export interface RenderOptions {
  /**
   * Print the whole 预算 template, thirteen tables. By default the four tables the importer
   * keeps no figures of (部门收入总体情况表, 支出经济分类汇总表, 政府性基金预算支出情况表,
   * 国有资本经营预算支出情况表) are left out, as in the fixture documents and in many published
   * ones; the standard tables a stored budget is regenerated as include them.
   */
  everyTable?: boolean;
}

/** The 预算's standard tables in the order the template (and the seed's contents) lists them. */
export const BUDGET_TABLE_ORDER: TableKind[] = [
  "OVERVIEW",
  "INCOME",
  "EXPENDITURE",
  "FISCAL_OVERVIEW",
  "GENERAL_EXPENDITURE",
  "BASIC_ECONOMIC",
  "ECONOMIC_SUMMARY",
  "THREE_PUBLIC",
  "GOV_FUND",
  "STATE_CAPITAL",
  "PROJECTS",
  "DEPT_PERFORMANCE",
  "PROJECT_PERFORMANCE",
];
const UNREAD_TABLES: TableKind[] = ["INCOME", "ECONOMIC_SUMMARY", "GOV_FUND", "STATE_CAPITAL"];

/**
 * 第一部分's chapters, 预算 and 决算 alike: the duties (主要职责), when the bundle has them, then
 * the budget units (部门所属预算单位构成).
 */
export function pushOverview(out: string[], para: (...lines: string[]) => void, b: Bundle, divisions: string[]): void {
  const duties = (b.texts ?? []).filter((t) => t.kind === "DUTY").sort((x, y) => x.position - y.position);
  let chapter = 1;
  if (duties.length) {
    out.push(`### ${chineseNumber(chapter++)}、主要职责`, "");
    para(...duties.map((t, i) => `（${chineseNumber(i + 1)}）${t.body.replace(/\s*\n\s*/g, "")}`));
  }
  out.push(`### ${chineseNumber(chapter)}、部门所属预算单位构成`, "");
  para(...divisions);
}

/** The titles of a stage's standard tables, in the template's order: the 决算's nine, else the 预算's thirteen. */
export function standardTableTitles(stage: Bundle["stage"]): string[] {
  return (stage === "FINAL" ? FINAL_TABLE_ORDER : BUDGET_TABLE_ORDER).map((k) => TABLE_TITLES[k]);
}

export function renderDisclosure(bundle: Bundle, options: RenderOptions = {}): string {
  // Bad input fails here with every problem named, not halfway through the text.
  readBundle("bundle", bundle);
  // A 决算 has a template of its own (the nine 决算 tables); the 预算 and 调整预算 share this one.
  return bundle.stage === "FINAL" ? renderFinal(bundle) : new Renderer(bundle, options).render();
}

class Renderer {
  private readonly b: Bundle;
  private readonly unitWord: string;
  private readonly short: string;
  private readonly year: number;
  private readonly claims: BundleClaim[];
  private readonly codeList;
  private readonly selfUnit: string | null;

  constructor(
    bundle: Bundle,
    private readonly options: RenderOptions,
  ) {
    this.b = bundle;
    this.unitWord = bundle.amountUnit === "YUAN" ? "元" : "万元";
    this.short = bundle.department.shortName;
    this.year = bundle.year;
    this.claims = bundle.claims ?? [];
    this.codeList = codeListFor(bundle.year);
    this.selfUnit = bundle.department.units.find((u) => u.isSelf)?.code ?? bundle.department.units[0]?.code ?? null;
  }

  // ---- figures ------------------------------------------------------------------------------

  /** A figure the source document printed, when the bundle carries it. */
  private published(tableKind: string, row: (label: string, subject: string | undefined) => boolean, column: string): BundleAmount | null {
    const f = (this.b.publishedFigures ?? []).find((p) => p.tableKind === tableKind && p.columnLabel === column && row(p.rowLabel, p.subjectCode));
    return f?.amount ?? null;
  }

  private publishedRow(tableKind: string, rowLabel: string, column: string): BundleAmount | null {
    return this.published(tableKind, (l) => l === rowLabel, column);
  }

  private amountText(a: BundleAmount): string {
    return `${a}${this.unitWord}`;
  }

  private get subjectLines() {
    return this.b.subjectLines;
  }

  private get incomeLines() {
    return this.b.incomeLines;
  }

  /**
   * The total of `lines` that satisfy `test`: the stated figure when every line does (the part is
   * then the whole the bundle states), else the sum of the lines that do.
   */
  private partOf<T extends { amount: BundleAmount }>(lines: T[], test: (l: T) => boolean, whole: BundleAmount | undefined): BundleAmount | null {
    const part = lines.filter(test);
    if (whole !== undefined && lines.length > 0 && part.length === lines.length) return whole;
    return sumAmounts(part.map((l) => l.amount));
  }

  // ---- document -----------------------------------------------------------------------------

  render(): string {
    const y = this.year;
    const stageWords = this.b.stage === "FINAL" ? "部门决算公开" : this.b.stage === "ADJUSTED" ? "部门预算（调整）公开" : "部门预算公开";
    const builders: Partial<Record<TableKind, () => string[]>> = {
      OVERVIEW: () => this.overviewTable(),
      INCOME: () => this.incomeTable(),
      EXPENDITURE: () => this.subjectTable("EXPENDITURE"),
      FISCAL_OVERVIEW: () => this.fiscalTable(),
      GENERAL_EXPENDITURE: () => this.subjectTable("GENERAL_EXPENDITURE"),
      BASIC_ECONOMIC: () => this.economicTable(),
      ECONOMIC_SUMMARY: () => this.economicSummaryTable(),
      THREE_PUBLIC: () => this.threePublicTable(),
      GOV_FUND: () => this.fundTable("GOVERNMENT_FUND", "政府性基金预算"),
      STATE_CAPITAL: () => this.fundTable("STATE_CAPITAL", "国有资本经营预算"),
      PROJECTS: () => this.projectTable(),
      DEPT_PERFORMANCE: () => this.departmentPerformanceTable(),
      PROJECT_PERFORMANCE: () => this.projectPerformanceTable(),
    };
    const kinds = BUDGET_TABLE_ORDER.filter((k) => this.options.everyTable || !UNREAD_TABLES.includes(k));
    const tables = kinds.map((kind): [TableKind, string[]] => [kind, builders[kind]!()]);
    const out: string[] = [];
    const para = (...lines: string[]) => out.push(...lines.map(paragraph).filter((l) => l !== ""), "");

    out.push(`# ${y} 年${this.short}${stageWords}`, "");
    out.push("## 目录", "");
    out.push(`### 第一部分 ${this.short}概况`, "");
    out.push(`### 第二部分 ${y} 年${this.short}部门预算情况说明`, "");
    out.push("### 第三部分 名词解释", "");
    out.push(`### 第四部分 ${y} 年${this.short}部门预算表`, "");
    tables.forEach(([kind], i) => out.push(`#### ${chineseNumber(i + 1)}、${TABLE_TITLES[kind]}`, ""));

    // 第一部分
    out.push(`## 第一部分 ${this.short}概况`, "");
    pushOverview(out, para, this.b, this.divisions());

    // 第二部分
    out.push(`## 第二部分 ${y} 年${this.short}部门预算情况说明`, "");
    const sections: [string, string[]][] = [
      ["收入支出预算总体情况说明", this.totalsSection()],
      ["收入预算总体情况说明", this.incomeSection()],
      ["支出预算总体情况说明", this.expenditureSection()],
      ["财政拨款收入支出总体情况说明", this.fiscalSection()],
      ["一般公共预算支出情况说明", this.generalSection()],
      ["一般公共预算基本支出情况说明", this.basicSection()],
      ["一般公共预算“三公”经费支出预算情况说明", this.threePublicSection()],
      ["政府性基金预算支出情况说明", this.fundSection("govFund", "GOVERNMENT_FUND", "政府性基金预算")],
      ["国有资本经营预算支出情况说明", this.fundSection("stateCapital", "STATE_CAPITAL", "国有资本经营预算")],
    ];
    sections.forEach(([heading, lines], i) => {
      out.push(`### ${chineseNumber(i + 1)}、${heading}`, "");
      para(...lines);
    });
    out.push(`### ${chineseNumber(sections.length + 1)}、其他重要事项情况说明`, "");
    const others: [string, string[] | null][] = [
      ["机构运转经费支出预算情况", this.operatingSection()],
      ["政府采购支出预算情况", this.procurementSection()],
      ["国有资产占用情况", this.assetsSection()],
      ["专项转移支付项目情况", this.transfersSection()],
    ];
    let sub = 1;
    for (const [heading, lines] of others) {
      if (lines === null) continue;
      out.push(`#### （${chineseNumber(sub++)}）${heading}`, "");
      para(...lines);
    }

    // 第三部分
    out.push("## 第三部分 名词解释", "");
    para(
      "一、财政拨款收入：本级财政当年拨给部门的资金，包括一般公共预算拨款、政府性基金预算拨款和国有资本经营预算拨款。",
      "二、基本支出：保障机构正常运转、完成日常工作任务的支出，由人员经费和公用经费组成。",
      "三、项目支出：在基本支出之外，为完成特定工作任务或事业发展目标安排的支出。",
      "四、“三公”经费：部门用财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。",
      "五、机构运转经费：行政单位和事业单位为保障运行而购买货物和服务的支出。",
    );

    // 附表
    out.push(`## 附件 ${y} 年${this.short}部门预算表`, "");
    for (const [kind, rows] of tables) {
      out.push(`## ${y}年${TABLE_TITLES[kind]}`, "");
      out.push(`部门名称：${this.b.department.name}`, "");
      out.push(`单位：${this.unitWord}`, "");
      out.push(...rows, "");
    }
    return `${out.join("\n").replace(/\n{3,}/g, "\n\n").replace(/\n+$/, "")}\n`;
  }

  // ---- 第一部分 -------------------------------------------------------------------------------

  private divisions(): string[] {
    const text = (this.b.texts ?? []).filter((t) => t.kind === "DIVISIONS").sort((a, b) => a.position - b.position);
    if (text.length) return text.flatMap((t) => t.body.split(/\n+/));
    const units = this.b.department.units;
    const listed = units.map((u) => `${u.name}（单位编码${u.code}，${u.isSelf ? "本级" : "所属单位"}）`).join("、");
    const subordinate = units.filter((u) => !u.isSelf).length;
    return [
      `${this.short}部门预算由${units.length}个预算单位的预算组成：${listed}。`,
      subordinate ? `其中所属单位${subordinate}个。` : "除本级外，没有纳入部门预算编制范围的所属单位。",
    ];
  }

  // ---- 第二部分: claims, by section ------------------------------------------------------------

  private claimsOf(key: SectionKey): BundleClaim[] {
    return this.claims.filter((c) => sectionOf(c) === key);
  }

  /** The name a section opens with: a different name the source printed there, else the short name. */
  private nameIn(key: SectionKey): string {
    return this.claimsOf(key).find((c) => c.topic === "DEPARTMENT_NAME" && c.label)?.label ?? this.short;
  }

  private opening(key: SectionKey): string {
    return `${this.nameIn(key)}${this.year}年`;
  }

  private changeText(c: BundleClaim): string | null {
    if (c.change === undefined || c.change === null || c.change === "") return null;
    let s: string;
    if ((c.ratePercent === undefined || c.ratePercent === null) && isZero(c.change)) s = "无变化";
    else {
      s = `${isNegative(c.change) ? "减少" : "增加"}${this.amountText(unsigned(c.change))}`;
      if (c.ratePercent !== undefined && c.ratePercent !== null) s += `，${isNegative(c.ratePercent) ? "下降" : "增长"}${unsigned(c.ratePercent)}%`;
    }
    if (c.reason) s += `，主要原因：${c.reason}`;
    return s;
  }

  private share(c: BundleClaim, words: string): string | null {
    if (!c.amount || !c.sharePercent) return c.amount ? `${words}${this.amountText(c.amount)}` : null;
    return `${words}${this.amountText(c.amount)}，占${c.sharePercent}%`;
  }

  /**
   * Amounts first, then the changes against the year before (收入支出总体, 财政拨款收支总体).
   * `words` name each topic before its amount, `changeWords` before its change.
   */
  private amountsThenChanges(key: SectionKey, words: Record<string, string>, changeWords: Record<string, string>, compared: string): string[] {
    const claims = this.claimsOf(key).filter((c) => words[c.topic] !== undefined);
    if (!claims.length) return [];
    const pieces: Piece[] = [
      ...claims.filter((c) => c.amount).map((c) => ({ group: "amount", text: `${words[c.topic]}${this.amountText(c.amount!)}` })),
      ...claims.flatMap((c) => {
        const change = this.changeText(c);
        return change ? [{ group: "change", text: `${changeWords[c.topic]}${change}` }] : [];
      }),
    ];
    return [
      compose(this.opening(key), pieces, (prev, next) => {
        if (next === "amount") return prev === null ? "" : prev === "amount" ? "，" : "。";
        if (prev === "change") return "；";
        return `${prev === null ? "预算" : "。"}与${this.year - 1}年${compared}相比，`;
      }),
    ];
  }

  private totalsSection(): string[] {
    return this.amountsThenChanges("totals", { INCOME_TOTAL: "收入总计", EXPENDITURE_TOTAL: "支出总计" }, { INCOME_TOTAL: "收入", EXPENDITURE_TOTAL: "支出" }, "预算");
  }

  private incomeSection(): string[] {
    const pieces: Piece[] = this.claimsOf("income").flatMap((c): Piece[] => {
      if (c.topic === "INCOME_TOTAL" && c.amount) return [{ group: "lead", text: `收入合计${this.amountText(c.amount)}` }];
      const source = { INCOME_GENERAL_BUDGET: "一般公共预算", INCOME_GOVERNMENT_FUND: "政府性基金预算", INCOME_STATE_CAPITAL: "国有资本经营预算" }[c.topic];
      if (source && c.amount) return [{ group: "source", text: `${c.label ?? source}${this.amountText(c.amount)}` }];
      if (c.topic === "SUBJECT_SHARE" && c.label && c.amount && c.sharePercent) return [{ group: "share", text: this.share(c, c.label)! }];
      return [];
    });
    if (!pieces.length) return [];
    return [
      compose(this.opening("income"), pieces, (prev, next) => {
        if (prev === null) return next === "lead" ? "" : "收入预算中，";
        if (next === "lead") return "。";
        if (next === "share") return prev === "share" ? "；" : "，按支出功能分类科目分：";
        // a funding source
        if (prev === "lead") return "，其中：";
        return prev === "share" ? "。此外，" : "，";
      }),
    ];
  }

  /** A total, then its parts with their shares (支出总体, 一般公共预算支出, 基本支出). */
  private leadAndShares(key: SectionKey, lead: Record<string, string>, parts: Record<string, string>): string[] {
    const pieces: Piece[] = this.claimsOf(key).flatMap((c): Piece[] => {
      if (lead[c.topic] !== undefined && c.amount) return [{ group: "lead", text: `${lead[c.topic]}${this.amountText(c.amount)}` }];
      if (parts[c.topic] !== undefined) {
        const text = this.share(c, parts[c.topic]!);
        return text ? [{ group: "part", text }] : [];
      }
      return [];
    });
    if (!pieces.length) return [];
    return [compose(this.opening(key), pieces, (prev, next) => (prev === null ? "" : next === "lead" ? "。" : prev === "lead" ? "，其中：" : "；"))];
  }

  private expenditureSection(): string[] {
    return this.leadAndShares("expenditure", { EXPENDITURE_TOTAL: "支出合计" }, { BASIC_SHARE: "基本支出", PROJECT_SHARE: "项目支出" });
  }

  private fiscalSection(): string[] {
    const words = { GENERAL_BUDGET_TOTAL: "一般公共预算收支预算", GOVERNMENT_FUND_TOTAL: "政府性基金收支预算" };
    return this.amountsThenChanges("fiscal", words, words, "");
  }

  private generalSection(): string[] {
    return this.leadAndShares("general", { GENERAL_BUDGET_EXPENDITURE: "一般公共预算支出年初预算为" }, { BASIC_SHARE: "基本支出", PROJECT_SHARE: "项目支出" });
  }

  private basicSection(): string[] {
    return this.leadAndShares("basic", { BASIC_TOTAL: "一般公共预算基本支出年初预算为" }, { PERSONNEL_SHARE: "人员经费", PUBLIC_SHARE: "公用经费" });
  }

  private threePublicSection(): string[] {
    const compared = `预算数比${this.year - 1}年`;
    const pieces: Piece[] = this.claimsOf("threePublic").flatMap((c): Piece[] => {
      const words = THREE_PUBLIC_WORDS[c.topic];
      if (words === undefined) return [];
      const change = this.changeText(c);
      const group = c.topic === "THREE_PUBLIC_TOTAL" ? "lead" : "item";
      if (c.amount) {
        const figure = `${words}${c.topic === "THREE_PUBLIC_TOTAL" ? "预算为" : ""}${this.amountText(c.amount)}`;
        return [{ group, text: change ? `${figure}，${compared}${change}` : figure }];
      }
      return change ? [{ group, text: `${words}${compared}${change}` }] : [];
    });
    const lines: string[] = [];
    if (pieces.length) {
      lines.push(
        compose(this.opening("threePublic"), pieces, (prev, next) => {
          if (prev === null) return next === "lead" ? "一般公共预算安排的" : "一般公共预算安排的“三公”经费中，";
          if (next === "lead") return "。";
          return prev === "lead" ? "。具体为：" : "；";
        }),
      );
    } else if (this.b.threePublic) {
      lines.push(`${this.opening("threePublic")}一般公共预算安排的“三公”经费见附表《${TABLE_TITLES.THREE_PUBLIC}》。`);
    }
    if (lines.length) lines.push("“三公”经费按规定从严控制，主要用于履行公务所必需的出国（境）、公务用车和公务接待。");
    return lines;
  }

  private fundSection(key: SectionKey, source: FundingSourceCode, words: string): string[] {
    const total = sumAmounts(this.subjectLines.filter((l) => l.fundingSource === source).map((l) => l.amount));
    if (total === null || isZero(total)) return [`${this.opening(key)}没有使用${words}拨款安排的支出。`];
    return [`${this.opening(key)}使用${words}拨款安排的支出见附表，合计${printAmount(total)}${this.unitWord}。`];
  }

  private operatingSection(): string[] | null {
    const of = this.b.operatingFunds;
    const claim = this.claimsOf("operating").find((c) => c.topic === "OPERATING_FUNDS_TOTAL");
    const total = of?.total ?? claim?.amount;
    const change: BundleClaim | null =
      of?.change !== undefined ? { topic: "OPERATING_FUNDS_TOTAL", section: "", change: of.change, reason: of.reason } : (claim ?? null);
    if (!of && !claim) return null;
    const lines: string[] = [];
    const items = (of?.items ?? []).map((i) => `${i.name}${this.amountText(i.amount)}`);
    if (total) {
      lines.push(
        `${this.opening("operating")}机构运转经费支出预算${this.amountText(total)}，用于保障机构正常运转和履职${items.length ? `，其中：${items.join("、")}` : ""}。`,
      );
    } else if (items.length) {
      lines.push(`${this.opening("operating")}机构运转经费支出预算包括：${items.join("、")}。`);
    }
    const changeText = change ? this.changeText(change) : null;
    if (changeText) lines.push(`比上年机构运转经费预算${changeText}。`);
    return lines;
  }

  private procurementSection(): string[] | null {
    const p = this.b.procurement;
    const claim = this.claimsOf("procurement").find((c) => c.topic === "PROCUREMENT_TOTAL");
    const total = p?.total ?? claim?.amount;
    if (!p && !claim) return null;
    const parts = (
      [
        ["货物", p?.goods],
        ["工程", p?.works],
        ["服务", p?.services],
      ] as const
    ).flatMap(([kind, a]) => (a === undefined || a === null ? [] : [`政府采购${kind}预算${this.amountText(a)}`]));
    const opening = this.opening("procurement");
    if (total) return [`${opening}政府采购预算安排${this.amountText(total)}${parts.length ? `，其中：${parts.join("、")}` : ""}。`];
    return parts.length ? [`${opening}政府采购预算：${parts.join("、")}。`] : [];
  }

  private assetsSection(): string[] | null {
    const assets = this.b.assets ?? [];
    if (!assets.length) return null;
    const vehicles = assets.filter((a) => a.kind === "VEHICLE");
    const equipment = assets.filter((a) => a.kind === "EQUIPMENT").map((a) => `${a.name}${a.count}台（套）`);
    const name = this.nameIn("assets");
    if (vehicles.length) {
      const count = vehicles.reduce((n, a) => n + a.count, 0);
      const list = vehicles.map((a) => `${a.name}${a.count}辆`).join("、");
      return [`${name}共有车辆${count}辆，其中：${list}${equipment.length ? `；${equipment.join("、")}` : ""}。`];
    }
    return [`${name}国有资产占用情况：${equipment.join("、")}。`];
  }

  private transfersSection(): string[] {
    const text = (this.b.texts ?? []).filter((t) => t.kind === "SPECIAL_TRANSFERS").sort((a, b) => a.position - b.position);
    if (text.length) return text.flatMap((t) => t.body.split(/\n+/));
    return ["本部门预算未列示由本部门管理的专项转移支付项目。"];
  }

  // ---- 部门收支总体情况表 -----------------------------------------------------------------------

  private overviewTable(): string[] {
    const t = new TableWriter(TABLE_WIDTHS.OVERVIEW!);
    const stated = this.b.stated;
    const pub = (label: string, column: string) => this.publishedRow("OVERVIEW", label, column);

    // Income: the template rows, each bundle line in the row of its label (else of its source).
    const lines = [...this.incomeLines];
    const carry = lines.filter((l) => l.source === "PRIOR_YEAR_CARRYOVER");
    const placed = new Set<(typeof lines)[number]>();
    const slot = OVERVIEW_INCOME.map((row) => {
      const line = lines.find((l) => !placed.has(l) && l.label === row.label) ?? lines.find((l) => !placed.has(l) && l.source === row.source && !OVERVIEW_INCOME.some((r) => r.label === l.label));
      if (line) placed.add(line);
      return { label: line?.label ?? row.label, amount: line?.amount ?? null };
    });
    const extra = lines.filter((l) => !placed.has(l) && l.source !== "PRIOR_YEAR_CARRYOVER");
    const general = slot[0]!;
    const left: [string, string][] = [];
    slot.forEach((s, i) => {
      left.push([`${chineseNumber(i + 1)}、${s.label}`, printAmount(pub(s.label, "收入金额") ?? s.amount)]);
      if (i === 0) left.push(["其中：财政拨款", printAmount(pub("其中：财政拨款", "收入金额") ?? general.amount)]);
    });
    extra.forEach((l, i) => left.push([`${chineseNumber(slot.length + i + 1)}、${l.label}`, printAmount(l.amount)]));
    const thisYearIncome =
      pub("本年收入合计", "收入金额") ??
      (carry.length === 0 && stated.incomeTotal !== undefined ? stated.incomeTotal : sumAmounts(lines.filter((l) => l.source !== "PRIOR_YEAR_CARRYOVER").map((l) => l.amount)));
    const incomeTotal = pub("收入总计", "收入金额") ?? stated.incomeTotal ?? sumAmounts(lines.map((l) => l.amount));

    // Expenditure: every functional 类 of the year's code list.
    // A class row as the source printed it: its label may drop the list name's 支出 (社会保障和就业).
    const printedClass = (name: string) =>
      (this.b.publishedFigures ?? []).find((p) => p.tableKind === "OVERVIEW" && p.columnLabel === "支出金额" && (p.rowLabel === name || `${p.rowLabel}支出` === name));
    const right: [string, string][] = this.classes().map(([code, name]) => {
      const printed = printedClass(name);
      const amount = printed?.amount ?? sumAmounts(this.subjectLines.filter((l) => l.subject.startsWith(code)).map((l) => l.amount));
      return [`${chineseNumber(Number(code) - 200)}、${printed?.rowLabel ?? name}`, printAmount(amount)];
    });
    const expenditureTotal = pub("支出总计", "支出金额") ?? stated.expenditureTotal ?? sumAmounts(this.subjectLines.map((l) => l.amount));
    const thisYearExpenditure = pub("本年支出合计", "支出金额") ?? expenditureTotal;

    t.row("收入", "", "支出", "");
    t.row("项目", "金额", "项目", "金额");
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      const [ll, la] = left[i] ?? ["", ""];
      const [rl, ra] = right[i] ?? ["", ""];
      t.row(ll, la, rl, ra);
    }
    t.row("本年收入合计", printAmount(thisYearIncome), "本年支出合计", printAmount(thisYearExpenditure));
    t.row("上年结转结余", printAmount(sumAmounts(carry.map((l) => l.amount))), "年终结转结余", "");
    t.row("收入总计", printAmount(incomeTotal), "支出总计", printAmount(expenditureTotal));
    return t.lines;
  }

  /** The functional 类 (3-digit codes) of the year's code list, in code order. */
  private classes(): [string, string][] {
    return Object.entries(this.codeList.functional)
      .filter(([code]) => code.length === 3)
      .sort(([a], [b]) => a.localeCompare(b));
  }

  // ---- 部门支出总体情况表 / 一般公共预算支出情况表 ---------------------------------------------------

  private subjectTable(kind: "EXPENDITURE" | "GENERAL_EXPENDITURE"): string[] {
    const t = new TableWriter(TABLE_WIDTHS[kind]!);
    const all = this.subjectLines;
    const everyLineGeneral = all.every((l) => l.fundingSource === "GENERAL_PUBLIC_BUDGET");
    const lines = kind === "EXPENDITURE" ? all : all.filter((l) => l.fundingSource === "GENERAL_PUBLIC_BUDGET");
    // The general table is the whole table when every line is general-budget money.
    const whole = kind === "EXPENDITURE" || everyLineGeneral;
    const pubKinds = kind === "EXPENDITURE" ? ["EXPENDITURE"] : everyLineGeneral ? ["GENERAL_EXPENDITURE", "EXPENDITURE"] : ["GENERAL_EXPENDITURE"];
    const pub = (row: (label: string, subject: string | undefined) => boolean, col: SubjectColumn) => {
      for (const k of pubKinds) {
        const v = this.published(k, row, col);
        if (v !== null) return v;
      }
      return null;
    };

    /** A row's nine amounts; on a subject row the category columns are the lines themselves, never a printed figure. */
    const values = (ls: typeof lines, row: (label: string, subject: string | undefined) => boolean, stated: Partial<Record<SubjectColumn, BundleAmount | undefined>>, subjectRow = false) => {
      const v: Partial<Record<SubjectColumn, BundleAmount | null>> = {};
      for (const cat of Object.keys(COLUMN_OF_CATEGORY) as ExpenditureCategoryCode[]) {
        const col = COLUMN_OF_CATEGORY[cat]!;
        v[col] = (subjectRow ? null : pub(row, col)) ?? sumAmounts(ls.filter((l) => l.category === cat).map((l) => l.amount));
      }
      const inColumns = (cols: SubjectColumn[]) => (l: (typeof ls)[number]) => cols.some((c) => c === COLUMN_OF_CATEGORY[l.category]);
      const basic = ls.filter(inColumns(BASIC_PARTS));
      const project = ls.filter(inColumns(PROJECT_PARTS));
      v.基本支出小计 = pub(row, "基本支出小计") ?? stated.基本支出小计 ?? sumAmounts(basic.map((l) => l.amount));
      v.项目支出小计 = pub(row, "项目支出小计") ?? stated.项目支出小计 ?? sumAmounts(project.map((l) => l.amount));
      v.合计 = pub(row, "合计") ?? stated.合计 ?? sumAmounts(ls.map((l) => l.amount));
      return SUBJECT_COLUMNS.map((c) => printAmount(v[c]));
    };

    const s = this.b.stated;
    const statedTotals = whole ? { 合计: s.expenditureTotal, 基本支出小计: s.basicExpenditure, 项目支出小计: s.projectExpenditure } : {};
    const d = this.b.department;

    t.row("科目编码", "", "", "单位代码", "单位（科目名称）", "合计", "基本支出", "", "", "", "", "项目支出", "", "");
    t.row("", "", "", "", "", "", "小计", "人员经费", "", "公用经费", "", "小计", "其他运转类", "特定目标类");
    t.row("类", "款", "项", "", "", "", "", "工资福利支出", "对个人和家庭的补助", "商品和服务支出", "资本性支出", "", "", "");
    const totalRow = values(lines, (l) => l === "合计", statedTotals);
    t.row("", "", "", "", "合计", ...totalRow);
    const deptRow = values(lines, (l) => l.startsWith(`${d.code} `), statedTotals);
    t.row("", "", "", d.code, d.name, ...deptRow);

    const unitOf = (l: (typeof lines)[number]) => l.unit ?? this.selfUnit;
    const units = d.units.length > 1 ? d.units.filter((u) => lines.some((l) => unitOf(l) === u.code)) : [null];
    for (const u of units) {
      const ofUnit = u === null ? lines : lines.filter((l) => unitOf(l) === u.code);
      if (u !== null) t.row("", "", "", u.code, u.name, ...values(ofUnit, (l) => l.startsWith(`${u.code} `), {}));
      const subjects = [...new Set(ofUnit.map((l) => l.subject))];
      for (const code of subjects) {
        const ls = ofUnit.filter((l) => l.subject === code);
        const name = ls.find((l) => l.subjectName)?.subjectName ?? this.codeList.functional[code] ?? "";
        const printed = (this.b.subjectRowTotals ?? []).find((r) => r.subject === code && (u === null || (r.unit ?? this.selfUnit) === u.code));
        t.row(code.slice(0, 3), code.slice(3, 5), code.slice(5, 7), "", name, ...values(ls, (_l, subject) => u === null && subject === code, { 合计: printed?.amount }, true));
      }
    }
    return t.lines;
  }

  // ---- 财政拨款收支总体情况表 -----------------------------------------------------------------

  private fiscalTable(): string[] {
    const t = new TableWriter(TABLE_WIDTHS.FISCAL_OVERVIEW!);
    const s = this.b.stated;
    const pub = (label: string, column: string) => this.publishedRow("FISCAL_OVERVIEW", label, column);
    const income = this.incomeLines;
    const incomeOf = (src: FundingSourceCode) => sumAmounts(income.filter((l) => l.source === src).map((l) => l.amount));
    const fiscalIncome = this.partOf(income, (l) => FISCAL_SOURCES.includes(l.source), s.incomeTotal);
    const carry = incomeOf("PRIOR_YEAR_CARRYOVER");

    const lines = this.subjectLines;
    const isFiscal = (l: (typeof lines)[number]) => FISCAL_SOURCES.includes(l.fundingSource);
    const wholeIsFiscal = income.every((l) => FISCAL_SOURCES.includes(l.source));
    const statedTotal = wholeIsFiscal ? s.expenditureTotal : undefined;
    /** 合计, 一般公共预算小计, 其中：财政拨款, 政府性基金, 国有资本经营预算 for a set of lines. */
    const columns = (ls: typeof lines, label: string, whole: BundleAmount | undefined): string[] => {
      const general = this.partOf(ls, (l) => l.fundingSource === "GENERAL_PUBLIC_BUDGET", whole);
      const v = [
        this.partOf(ls, isFiscal, whole),
        general,
        general,
        this.partOf(ls, (l) => l.fundingSource === "GOVERNMENT_FUND", whole),
        this.partOf(ls, (l) => l.fundingSource === "STATE_CAPITAL", whole),
      ];
      const names = ["合计", "一般公共预算小计", "其中：财政拨款", "政府性基金", "国有资本经营预算"];
      return v.map((x, i) => printAmount(pub(label, names[i]!) ?? x));
    };

    const left: [string, string][] = [
      ["一、本年收入", printAmount(pub("本年收入", "收入金额") ?? fiscalIncome)],
      ["（一）一般公共预算拨款", printAmount(pub("一般公共预算拨款", "收入金额") ?? incomeOf("GENERAL_PUBLIC_BUDGET"))],
      ["其中：财政拨款", printAmount(pub("其中：财政拨款", "收入金额") ?? incomeOf("GENERAL_PUBLIC_BUDGET"))],
      ["（二）政府性基金预算拨款", printAmount(pub("政府性基金预算拨款", "收入金额") ?? incomeOf("GOVERNMENT_FUND"))],
      ["（三）国有资本经营预算拨款", printAmount(pub("国有资本经营预算拨款", "收入金额") ?? incomeOf("STATE_CAPITAL"))],
      ["二、上年结转", printAmount(carry)],
      ["（一）一般公共预算拨款", ""],
      ["（二）政府性基金预算拨款", ""],
      ["（三）国有资本经营预算拨款", ""],
    ];
    const right: [string, string[]][] = [
      ["一、本年支出", columns(lines, "本年支出", statedTotal)],
      ...this.classes().map(([code, name]): [string, string[]] => {
        const label = `（${chineseNumber(Number(code) - 200)}）${name}`;
        return [label, columns(lines.filter((l) => l.subject.startsWith(code)), name, undefined)];
      }),
      ["二、年终结转结余", ["", "", "", "", ""]],
    ];

    t.row("收入", "", "支出", "", "", "", "", "");
    t.row("项目", "金额", "项目", "合计", "一般公共预算", "", "政府性基金", "国有资本经营预算");
    t.row("", "", "", "", "小计", "其中：财政拨款", "", "");
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      const [ll, la] = left[i] ?? ["", ""];
      const [rl, rv] = right[i] ?? ["", ["", "", "", "", ""]];
      t.row(ll, la, rl, ...rv);
    }
    const incomeTotal = pub("收入合计", "收入金额") ?? sumAmounts([fiscalIncome, carry]);
    t.row("收入合计", printAmount(incomeTotal), "支出合计", ...columns(lines, "支出合计", statedTotal));
    return t.lines;
  }

  // ---- 一般公共预算基本支出表 -----------------------------------------------------------------

  private economicTable(): string[] {
    const t = new TableWriter(TABLE_WIDTHS.BASIC_ECONOMIC!);
    const s = this.b.stated;
    const lines = this.b.economicLines.filter((l) => l.fundingSource === "GENERAL_PUBLIC_BUDGET");
    const pub = (col: string) => this.publishedRow("BASIC_ECONOMIC", "合计", col);
    const personnel = pub("人员经费") ?? s.personnelExpenditure ?? sumAmounts(lines.filter((l) => l.kind === "PERSONNEL").map((l) => l.amount));
    const publicFunds = pub("公用经费") ?? s.publicExpenditure ?? sumAmounts(lines.filter((l) => l.kind === "PUBLIC").map((l) => l.amount));
    const total =
      pub("合计") ??
      (s.personnelExpenditure !== undefined && s.publicExpenditure !== undefined ? sumAmounts([s.personnelExpenditure, s.publicExpenditure]) : sumAmounts(lines.map((l) => l.amount)));

    t.row("部门预算支出经济分类科目", "", "政府预算支出经济分类科目", "", "本年一般公共预算基本支出", "", "");
    t.row("科目编码", "科目名称", "科目编码", "科目名称", "合计", "人员经费", "公用经费");
    t.row("合计", "", "", "", printAmount(total), printAmount(personnel), printAmount(publicFunds));
    for (const l of lines) {
      t.row(l.deptCode, l.deptName, l.govCode, l.govName, printAmount(l.amount), l.kind === "PERSONNEL" ? printAmount(l.amount) : "", l.kind === "PUBLIC" ? printAmount(l.amount) : "");
    }
    return t.lines;
  }

  // ---- 部门收入总体情况表 -------------------------------------------------------------------------

  /** The subjects of `lines` in the order they first appear, each with its name. */
  private subjects(lines: Bundle["subjectLines"]): { code: string; name: string; lines: Bundle["subjectLines"] }[] {
    const codes = [...new Set(lines.map((l) => l.subject))];
    return codes.map((code) => {
      const ls = lines.filter((l) => l.subject === code);
      return { code, name: ls.find((l) => l.subjectName)?.subjectName ?? this.codeList.functional[code] ?? "", lines: ls };
    });
  }

  /** Income by 科目 and source: what each subject's money comes from (the lines split by funding source). */
  private incomeTable(): string[] {
    const t = new TableWriter(TABLE_WIDTHS.INCOME!);
    const sources: FundingSourceCode[] = ["GENERAL_PUBLIC_BUDGET", "GOVERNMENT_FUND", "STATE_CAPITAL", "SPECIAL_ACCOUNT", "UNIT_FUNDS"];
    const all = this.subjectLines;
    // A row's printed 合计 stands for every column its lines all fall in, as the subject tables print it.
    const row = (ls: typeof all, whole: BundleAmount | undefined) => {
      const of = (test: (src: FundingSourceCode) => boolean) => printAmount(this.partOf(ls, (l) => test(l.fundingSource), whole));
      return [
        printAmount(whole ?? sumAmounts(ls.map((l) => l.amount))),
        of((src) => src !== "PRIOR_YEAR_CARRYOVER"),
        ...sources.map((s) => of((src) => src === s || (s === "UNIT_FUNDS" && src === "OTHER"))),
      ];
    };
    const rowTotal = (code: string) => (this.b.subjectRowTotals ?? []).filter((r) => r.subject === code);
    t.row("科目编码", "", "", "科目名称", "合计", "本年收入", "", "", "", "", "");
    t.row("", "", "", "", "", "小计", "一般公共预算", "政府性基金预算", "国有资本经营预算", "财政专户管理资金", "单位资金");
    t.row("类", "款", "项", "", "", "", "", "", "", "", "");
    t.row("", "", "", "合计", ...row(all, this.b.stated.expenditureTotal));
    for (const s of this.subjects(all)) {
      const printed = rowTotal(s.code);
      t.row(s.code.slice(0, 3), s.code.slice(3, 5), s.code.slice(5, 7), s.name, ...row(s.lines, printed.length === 1 ? printed[0]!.amount : undefined));
    }
    const carry = sumAmounts(all.filter((l) => l.fundingSource === "PRIOR_YEAR_CARRYOVER").map((l) => l.amount));
    if (carry !== null && !isZero(carry)) t.note(`注：合计中含上年结转${printAmount(carry)}${this.unitWord}。`);
    return t.lines;
  }

  // ---- 支出经济分类汇总表 -----------------------------------------------------------------------

  /**
   * Basic expenditure by 部门预算经济分类, 类 (301, 302, 303 …) then its items, with 人员经费 and
   * 公用经费; the bundle splits no 项目支出 by economic code, so that column stays blank and a note says so.
   */
  private economicSummaryTable(): string[] {
    const t = new TableWriter(TABLE_WIDTHS.ECONOMIC_SUMMARY!);
    const lines = this.b.economicLines;
    const cells = (ls: typeof lines) => [
      printAmount(sumAmounts(ls.map((l) => l.amount))),
      printAmount(sumAmounts(ls.filter((l) => l.kind === "PERSONNEL").map((l) => l.amount))),
      printAmount(sumAmounts(ls.filter((l) => l.kind === "PUBLIC").map((l) => l.amount))),
      "",
    ];
    t.row("部门预算支出经济分类科目", "", "本年支出", "", "", "");
    t.row("科目编码", "科目名称", "合计", "人员经费", "公用经费", "项目支出");
    t.row("合计", "", ...cells(lines));
    const classes = [...new Set(lines.map((l) => l.deptCode.slice(0, 3)))].sort();
    for (const c of classes) {
      const ofClass = lines.filter((l) => l.deptCode.startsWith(c));
      t.row(c, this.codeList.deptEconomic[c] ?? "", ...cells(ofClass));
      const items = [...new Set(ofClass.map((l) => l.deptCode))].sort();
      for (const code of items) {
        const ls = ofClass.filter((l) => l.deptCode === code);
        t.row(code, ls[0]!.deptName, ...cells(ls));
      }
    }
    if (this.b.projects.length) t.note(`注：项目支出${printAmount(this.b.stated.projectExpenditure ?? sumAmounts(this.b.projects.flatMap((p) => p.lines.map((l) => l.amount))))}${this.unitWord}未按经济分类列示。`);
    return t.lines;
  }

  // ---- 政府性基金预算支出情况表 / 国有资本经营预算支出情况表 ------------------------------------------

  private fundTable(source: FundingSourceCode, words: string): string[] {
    const t = new TableWriter(TABLE_WIDTHS.GOV_FUND!);
    const lines = this.subjectLines.filter((l) => l.fundingSource === source);
    const cells = (ls: typeof lines) => [
      printAmount(sumAmounts(ls.map((l) => l.amount))),
      printAmount(sumAmounts(ls.filter((l) => l.kind !== "PROJECT").map((l) => l.amount))),
      printAmount(sumAmounts(ls.filter((l) => l.kind === "PROJECT").map((l) => l.amount))),
    ];
    t.row("科目编码", "", "", "科目名称", "本年支出", "", "");
    t.row("类", "款", "项", "", "合计", "基本支出", "项目支出");
    if (!lines.length) {
      t.note(`注：${this.short}${this.year}年没有使用${words}拨款安排的支出，故本表为空表。`);
      return t.lines;
    }
    t.row("", "", "", "合计", ...cells(lines));
    for (const s of this.subjects(lines)) t.row(s.code.slice(0, 3), s.code.slice(3, 5), s.code.slice(5, 7), s.name, ...cells(s.lines));
    return t.lines;
  }

  // ---- 一般公共预算“三公”经费支出情况表 -----------------------------------------------------------

  private threePublicTable(): string[] {
    const t = new TableWriter(TABLE_WIDTHS.THREE_PUBLIC!);
    const tp = this.b.threePublic;
    t.row("“三公”经费合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费");
    t.row("", "", "小计", "公务用车购置费", "公务用车运行费", "");
    if (tp) t.row(...[tp.total, tp.overseasTravel, tp.vehicles, tp.vehiclePurchase, tp.vehicleOperation, tp.reception].map(printAmount));
    return t.lines;
  }

  // ---- 项目支出预算表 --------------------------------------------------------------------------

  private projectTotal(p: BundleProject): BundleAmount | null {
    return this.publishedRow("PROJECTS", p.name, "合计") ?? sumAmounts(p.lines.map((l) => l.amount));
  }

  /** 项目支出预算表 合计: what the bundle states for 项目支出 when the table holds every project line. */
  private projectsTotal(): BundleAmount | null {
    return this.publishedRow("PROJECTS", "合计", "合计") ?? this.b.stated.projectExpenditure ?? sumAmounts(this.b.projects.map((p) => this.projectTotal(p)));
  }

  private unitName(code: string | null | undefined): string {
    return this.b.department.units.find((u) => u.code === code)?.name ?? this.b.department.name;
  }

  private projectTable(): string[] {
    const t = new TableWriter(TABLE_WIDTHS.PROJECTS!);
    const projects = this.b.projects;
    const allLines = projects.flatMap((p) => p.lines);
    const total = this.projectsTotal();
    const columnTotals = (lines: typeof allLines, whole: BundleAmount | null): string[] => {
      const v: string[] = Array(8).fill("");
      for (const [src, col] of Object.entries(PROJECT_SOURCE_COLUMN) as [FundingSourceCode, number][]) {
        v[col] = printAmount(this.partOf(lines, (l) => l.fundingSource === src, whole ?? undefined));
      }
      return v;
    };
    t.row("类型", "项目名称", "项目单位", "合计", "本年拨款", "", "", "财政拨款结转结余", "", "", "财政专户管理资金", "单位资金");
    t.row("", "", "", "", "一般公共预算", "政府性基金预算", "国有资本经营预算", "一般公共预算", "政府性基金预算", "国有资本经营预算", "", "");
    t.row("", "", "", printAmount(total), ...columnTotals(allLines, total));
    const d = this.b.department;
    const deptTotal = this.published("PROJECTS", (l) => l.startsWith(`${d.code} `), "合计") ?? total;
    t.row("", d.code, d.name, printAmount(deptTotal), ...columnTotals(allLines, deptTotal));
    for (const p of projects) {
      const v: string[] = Array(8).fill("");
      for (const [src, col] of Object.entries(PROJECT_SOURCE_COLUMN) as [FundingSourceCode, number][]) {
        v[col] = printAmount(sumAmounts(p.lines.filter((l) => l.fundingSource === src).map((l) => l.amount)));
      }
      t.row(p.category === "OPERATING" ? "其他运转类" : "特定目标类", p.name, this.unitName(p.unit ?? this.selfUnit), printAmount(this.projectTotal(p)), ...v);
    }
    return t.lines;
  }

  // ---- 部门(单位)整体绩效目标表 ----------------------------------------------------------------

  private departmentPerformanceTable(): string[] {
    const t = new TableWriter(TABLE_WIDTHS.DEPT_PERFORMANCE!);
    const s = this.b.stated;
    const texts = this.b.texts ?? [];
    const pub = (label: string) => this.publishedRow("DEPT_PERFORMANCE", label, "金额");
    const incomeOf = (test: (src: FundingSourceCode) => boolean) => sumAmounts(this.incomeLines.filter((l) => test(l.source)).map((l) => l.amount));

    t.row("部门(单位)名称", this.b.department.name);
    const goals = texts.filter((x) => x.kind === "GOALS").flatMap((x) => x.body.split(/\n+/)).filter((x) => x.trim());
    if (goals.length) goals.forEach((g, i) => t.row(i === 0 ? "年度履职目标" : "", g));
    else t.row("年度履职目标");
    t.row("年度主要任务", "任务名称", "主要内容");
    for (const task of texts.filter((x) => x.kind === "TASK").sort((a, b) => a.position - b.position)) t.row("", task.title ?? "", task.body);
    const figures: [string, string, BundleAmount | null | undefined][] = [
      [`部门预算总额(${this.unitWord})`, "部门预算总额", s.expenditureTotal ?? sumAmounts(this.subjectLines.map((l) => l.amount))],
      ["1、资金来源：(1) 政府预算资金", "政府预算资金", incomeOf((src) => FISCAL_SOURCES.includes(src))],
      ["(2) 财政专户管理资金", "财政专户管理资金", incomeOf((src) => src === "SPECIAL_ACCOUNT")],
      ["(3) 单位资金", "单位资金", incomeOf((src) => src === "UNIT_FUNDS")],
      ["2、资金结构：(1) 基本支出", "基本支出", s.basicExpenditure],
      ["(2) 项目支出", "项目支出", s.projectExpenditure],
    ];
    figures.forEach(([printed, label, amount], i) => t.row(i === 0 ? "预算情况" : "", printed, printAmount(pub(label) ?? amount)));
    t.row("一级指标", "二级指标", "三级指标", "指标值", "指标值说明");
    for (const ind of this.b.departmentIndicators) t.row(ind.level1 ?? "", ind.level2 ?? "", ind.name, ind.target, ind.explanation ?? "");
    return t.lines;
  }

  // ---- 部门预算项目绩效目标汇总表 ----------------------------------------------------------------

  /**
   * Each other printing of a project (an alias: another code or name) goes in a listing of its
   * own before the main one; the main listing comes last and carries the indicators, so the
   * importer takes its codes as the projects' own and the earlier ones as aliases.
   */
  private projectPerformanceTable(): string[] {
    const t = new TableWriter(TABLE_WIDTHS.PROJECT_PERFORMANCE!);
    const d = this.b.department;
    const projects = this.b.projects;
    const aliasListings = Math.max(0, ...projects.map((p) => (p.aliases ?? []).filter((a) => a.code).length));
    const byCode = <T extends { code: string }>(xs: T[]) => [...xs].sort((a, b) => a.code.localeCompare(b.code));

    t.row("单位编码（项目编码）", "项目单位（项目名称）", "项目金额", "", "", "", "绩效目标");
    t.row("", "", "资金总额", "政府预算资金", "财政专户管理资金", "单位资金", "成本指标", "", "产出指标", "", "效益指标", "", "满意度指标", "");
    t.row("", "", "", "", "", "", "三级指标", "指标值", "三级指标", "指标值", "三级指标", "指标值", "三级指标", "指标值");

    const amounts = (p: BundleProject, total: BundleAmount | null) => {
      const of = (test: (src: FundingSourceCode) => boolean) => sumAmounts(p.lines.filter((l) => test(l.fundingSource)).map((l) => l.amount));
      return [
        total,
        of((src) => FISCAL_SOURCES.includes(src) || src === "PRIOR_YEAR_CARRYOVER"),
        of((src) => src === "SPECIAL_ACCOUNT"),
        of((src) => src === "UNIT_FUNDS"),
      ].map(printAmount);
    };

    const listing = (k: number, rows: { project: BundleProject; code: string; name: string; withIndicators: boolean }[]) => {
      if (!rows.length) return;
      const label = `第${k}次列示`;
      const complete = rows.length === projects.length;
      const sumOf = (ps: BundleProject[]) => sumAmounts(ps.map((p) => this.projectTotal(p)));
      const fiscal = (ps: BundleProject[]) =>
        sumAmounts(ps.flatMap((p) => p.lines.filter((l) => FISCAL_SOURCES.includes(l.fundingSource) || l.fundingSource === "PRIOR_YEAR_CARRYOVER").map((l) => l.amount)));
      /** A unit holding every project of the listing prints what the department row prints. */
      const orgRow = (code: string, name: string, ps: BundleProject[], wholeListing: boolean) => {
        const pubTotal = this.publishedRow("PROJECT_PERFORMANCE", `${label} ${code}`, "资金总额");
        const pubGov = this.publishedRow("PROJECT_PERFORMANCE", `${label} ${code}`, "政府预算资金");
        const everyLineFiscal = ps.every((p) => p.lines.every((l) => FISCAL_SOURCES.includes(l.fundingSource) || l.fundingSource === "PRIOR_YEAR_CARRYOVER"));
        const total = pubTotal ?? (wholeListing && complete ? this.projectsTotal() : sumOf(ps));
        const gov = pubGov ?? (everyLineFiscal && wholeListing && complete ? total : fiscal(ps));
        t.row(code, name, printAmount(total), printAmount(gov));
      };
      orgRow(d.code, d.name, rows.map((r) => r.project), true);
      const unitOf = (p: BundleProject) => p.unit ?? this.selfUnit ?? `${d.code}001`;
      for (const unit of [...new Set(rows.map((r) => unitOf(r.project)))].sort()) {
        const ofUnit = rows.filter((r) => unitOf(r.project) === unit);
        orgRow(unit, this.unitName(unit), ofUnit.map((r) => r.project), ofUnit.length === rows.length);
        for (const r of byCode(ofUnit)) {
          const total = this.publishedRow("PROJECT_PERFORMANCE", `${label} ${r.code} ${r.name}`, "资金总额") ?? this.projectTotal(r.project);
          const head = [r.code, r.name, ...amounts(r.project, total)];
          const columns = INDICATOR_COLUMNS.map((cat) => (r.withIndicators ? (r.project.indicators ?? []).filter((i) => (i.category ?? "OUTPUT") === cat) : []));
          const height = Math.max(1, ...columns.map((c) => c.length));
          for (let i = 0; i < height; i++) {
            const pairs = columns.flatMap((c) => {
              const ind: BundleIndicator | undefined = c[i];
              return ind ? [ind.name, ind.target] : ["", ""];
            });
            t.row(...(i === 0 ? head : ["", "", "", "", "", ""]), ...pairs);
          }
        }
      }
    };

    for (let k = 0; k < aliasListings; k++) {
      listing(
        k + 1,
        projects.flatMap((p) => {
          const alias = (p.aliases ?? []).filter((a) => a.code)[k];
          return alias ? [{ project: p, code: alias.code!, name: alias.name, withIndicators: false }] : [];
        }),
      );
    }
    listing(
      aliasListings + 1,
      projects.flatMap((p) => (p.code ? [{ project: p, code: p.code, name: p.name, withIndicators: true }] : [])),
    );
    return t.lines;
  }
}
