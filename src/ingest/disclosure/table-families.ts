/**
 * The standard tables of a budget disclosure, as data: what each means and the names provinces
 * and years print it under. A table is recognised by meaning: its title against these names
 * (after the year, numbering and spaces are set aside), then, where a title fits several
 * families or none exactly, by the words its header prints.
 */
export type TableKind =
  | "OVERVIEW"
  | "INCOME"
  | "EXPENDITURE"
  | "FISCAL_OVERVIEW"
  | "GENERAL_EXPENDITURE"
  | "BASIC_ECONOMIC"
  | "ECONOMIC_SUMMARY"
  | "THREE_PUBLIC"
  | "GOV_FUND"
  | "STATE_CAPITAL"
  | "PROJECTS"
  | "DEPT_PERFORMANCE"
  | "PROJECT_PERFORMANCE"
  | "FINAL_OVERVIEW"
  | "FINAL_INCOME"
  | "FINAL_EXPENDITURE"
  | "FINAL_FISCAL_OVERVIEW"
  | "FINAL_GENERAL_EXPENDITURE"
  | "FINAL_BASIC_ECONOMIC"
  | "FINAL_THREE_PUBLIC"
  | "FINAL_GOV_FUND"
  | "FINAL_STATE_CAPITAL";

export interface TableFamily {
  kind: TableKind;
  /** The name the platform reports the table under. */
  title: string;
  meaning: string;
  /** Titles printed for this table, compared whole after normalising. */
  names: string[];
  /** Words of a title that point to this table when no name matches whole, most telling first. */
  keywords: RegExp[];
  /** Header words that confirm the table; a title shared by several families is settled by them. */
  headers: string[];
}

/** The 部门决算's nine tables (the national template), most specific first. */
const FINAL_FAMILIES: TableFamily[] = [
  {
    kind: "FINAL_THREE_PUBLIC",
    title: "一般公共预算财政拨款“三公”经费支出决算表",
    meaning: "“三公”经费的预算数与决算数 (the “three public” expenses, budgeted and spent)",
    names: ["一般公共预算财政拨款“三公”经费支出决算表", "“三公”经费支出决算表", "财政拨款“三公”经费支出决算表"],
    keywords: [/三公/],
    headers: ["预算数", "决算数"],
  },
  {
    kind: "FINAL_GOV_FUND",
    title: "政府性基金预算财政拨款收入支出决算表",
    meaning: "政府性基金预算财政拨款的收支 (government-fund appropriations received and spent)",
    names: ["政府性基金预算财政拨款收入支出决算表", "政府性基金预算财政拨款支出决算表"],
    keywords: [/政府性基金/],
    headers: [],
  },
  {
    kind: "FINAL_STATE_CAPITAL",
    title: "国有资本经营预算财政拨款支出决算表",
    meaning: "国有资本经营预算财政拨款的支出 (state-capital appropriations spent)",
    names: ["国有资本经营预算财政拨款支出决算表", "国有资本经营预算财政拨款收入支出决算表"],
    keywords: [/国有资本经营/],
    headers: [],
  },
  {
    kind: "FINAL_BASIC_ECONOMIC",
    title: "一般公共预算财政拨款基本支出决算表",
    meaning: "一般公共预算财政拨款基本支出按经济分类，人员经费与公用经费 (basic expenditure spent, by economic code)",
    names: ["一般公共预算财政拨款基本支出决算表", "一般公共预算财政拨款基本支出决算明细表", "财政拨款基本支出决算表"],
    keywords: [/基本支出/],
    headers: ["人员经费", "公用经费"],
  },
  {
    kind: "FINAL_GENERAL_EXPENDITURE",
    title: "一般公共预算财政拨款支出决算表",
    meaning: "一般公共预算财政拨款支出按功能分类，常附年初预算数 (general-budget appropriations spent by functional code, often beside the year-begin budget)",
    names: ["一般公共预算财政拨款支出决算表", "一般公共预算财政拨款支出决算明细表", "一般公共预算支出决算表"],
    keywords: [/一般公共预算.*支出/],
    headers: ["基本支出", "项目支出"],
  },
  {
    kind: "FINAL_FISCAL_OVERVIEW",
    title: "财政拨款收入支出决算总表",
    meaning: "财政拨款的收入、支出和结转结余 (appropriations received, spent and carried over)",
    names: ["财政拨款收入支出决算总表", "财政拨款收支决算总表"],
    keywords: [/财政拨款收/],
    headers: [],
  },
  {
    kind: "FINAL_OVERVIEW",
    title: "收入支出决算总表",
    meaning: "全部收入与支出，年初与年末结转和结余 (all income and spending, carry-over at both ends of the year)",
    names: ["收入支出决算总表", "部门收入支出决算总表", "收支决算总表", "部门收支决算总表"],
    keywords: [/收入支出决算总/, /收支决算总/],
    headers: [],
  },
  {
    kind: "FINAL_INCOME",
    title: "收入决算表",
    meaning: "收入按功能分类科目和来源 (income by functional code and source)",
    names: ["收入决算表", "部门收入决算表"],
    keywords: [/收入决算/],
    headers: [],
  },
  {
    kind: "FINAL_EXPENDITURE",
    title: "支出决算表",
    meaning: "全部支出按功能分类：基本支出、项目支出、上缴上级、经营、对附属单位补助 (all spending by functional code)",
    names: ["支出决算表", "部门支出决算表"],
    keywords: [/支出决算/],
    headers: ["基本支出", "项目支出"],
  },
];

/** The 部门预算's tables, most specific first. */
const BUDGET_FAMILIES: TableFamily[] = [
  {
    kind: "PROJECT_PERFORMANCE",
    title: "部门预算项目绩效目标汇总表",
    meaning: "每个项目的资金和成本、产出、效益、满意度指标 (per-project performance targets)",
    names: ["部门预算项目绩效目标汇总表", "项目绩效目标汇总表", "项目支出绩效目标表", "部门项目支出绩效目标表", "项目绩效目标表"],
    keywords: [/项目.*绩效目标/, /绩效目标.*项目/],
    headers: ["三级指标", "指标值"],
  },
  {
    kind: "DEPT_PERFORMANCE",
    title: "部门(单位)整体绩效目标表",
    meaning: "部门整体的年度履职目标、任务和指标 (the department's overall performance targets)",
    names: ["部门(单位)整体绩效目标表", "部门整体绩效目标表", "单位整体绩效目标表", "整体支出绩效目标表", "部门整体支出绩效目标表"],
    keywords: [/整体.*绩效目标/, /绩效目标/],
    headers: ["一级指标", "二级指标", "三级指标"],
  },
  {
    kind: "PROJECTS",
    title: "项目支出预算表",
    meaning: "项目支出逐项列示，按资金来源分列 (projects and their funding)",
    names: ["项目支出预算表", "项目支出表", "部门项目支出预算表", "项目支出预算明细表"],
    keywords: [/项目支出/],
    headers: ["项目名称"],
  },
  {
    kind: "THREE_PUBLIC",
    title: "一般公共预算“三公”经费支出情况表",
    meaning: "因公出国(境)、公务接待、公务用车购置及运行费 (the “three public” expenses)",
    names: ["一般公共预算“三公”经费支出情况表", "“三公”经费支出情况表", "一般公共预算“三公”经费支出表", "财政拨款“三公”经费支出表", "“三公”经费支出预算表"],
    keywords: [/三公/],
    headers: ["因公出国"],
  },
  {
    kind: "GOV_FUND",
    title: "政府性基金预算支出情况表",
    meaning: "政府性基金预算拨款安排的支出 (government-fund expenditure)",
    names: ["政府性基金预算支出情况表", "政府性基金预算支出表", "政府性基金预算财政拨款支出表"],
    keywords: [/政府性基金/],
    headers: [],
  },
  {
    kind: "STATE_CAPITAL",
    title: "国有资本经营预算支出情况表",
    meaning: "国有资本经营预算拨款安排的支出 (state-capital expenditure)",
    names: ["国有资本经营预算支出情况表", "国有资本经营预算支出表", "国有资本经营预算财政拨款支出表"],
    keywords: [/国有资本经营/],
    headers: [],
  },
  {
    kind: "ECONOMIC_SUMMARY",
    title: "支出经济分类汇总表",
    meaning: "全部支出按经济分类汇总 (all expenditure by economic code)",
    names: ["支出经济分类汇总表", "部门支出经济分类汇总表", "部门支出经济分类预算表"],
    keywords: [/经济分类汇总/, /经济分类/],
    headers: [],
  },
  {
    kind: "BASIC_ECONOMIC",
    title: "一般公共预算基本支出表",
    meaning: "一般公共预算基本支出按经济分类，人员经费与公用经费 (basic expenditure by economic code)",
    names: ["一般公共预算基本支出表", "一般公共预算基本支出情况表", "一般公共预算财政拨款基本支出表", "基本支出表", "财政拨款基本支出表"],
    keywords: [/基本支出/],
    headers: ["人员经费", "公用经费"],
  },
  {
    kind: "GENERAL_EXPENDITURE",
    title: "一般公共预算支出情况表",
    meaning: "一般公共预算支出按功能分类 (general-budget expenditure by functional code)",
    names: ["一般公共预算支出情况表", "一般公共预算支出表", "一般公共预算财政拨款支出表", "一般公共预算财政拨款支出情况表"],
    keywords: [/一般公共预算.*支出/],
    headers: ["基本支出", "项目支出"],
  },
  {
    kind: "FISCAL_OVERVIEW",
    title: "财政拨款收支总体情况表",
    meaning: "财政拨款的收入与支出，按资金来源 (appropriations received and spent)",
    names: ["财政拨款收支总体情况表", "财政拨款收支总表", "财政拨款收支预算总表", "财政拨款收支预算表"],
    keywords: [/财政拨款收支/],
    headers: [],
  },
  {
    kind: "OVERVIEW",
    title: "部门收支总体情况表",
    meaning: "部门全部收入与支出 (all income and expenditure of the department)",
    names: ["部门收支总体情况表", "收支总表", "部门收支总表", "部门收支预算总表", "财务收支预算总表", "收支预算总表", "部门财务收支预算总表"],
    keywords: [/收支总体/, /收支.*总表/],
    headers: [],
  },
  {
    kind: "INCOME",
    title: "部门收入总体情况表",
    meaning: "部门收入按来源 (income by source)",
    names: ["部门收入总体情况表", "收入总表", "部门收入总表", "部门收入预算表", "收入预算总表"],
    keywords: [/收入总体/, /收入.*(总表|预算表)/],
    headers: [],
  },
  {
    kind: "EXPENDITURE",
    title: "部门支出总体情况表",
    meaning: "部门全部支出按功能分类，基本支出与项目支出 (all expenditure by functional code)",
    names: ["部门支出总体情况表", "支出总表", "部门支出总表", "部门支出预算表", "支出预算总表"],
    keywords: [/支出总体/, /支出.*(总表|预算表)/],
    headers: ["基本支出", "项目支出"],
  },
];

export const TABLE_FAMILIES: TableFamily[] = [...BUDGET_FAMILIES, ...FINAL_FAMILIES];

export const TABLE_TITLES: Record<TableKind, string> = Object.fromEntries(TABLE_FAMILIES.map((f) => [f.kind, f.title])) as Record<TableKind, string>;

/** A title without its year, numbering, brackets' style and spaces: "2023年度 一、部门收支总表（万元）" → "部门收支总表". */
export function normalizeTitle(title: string): string {
  return title
    .replace(/\s+/g, "")
    .replace(/^\d{4}年度?/, "")
    .replace(/^(?:[一二三四五六七八九十]+、|\d+[.、]|附表\d*[:：、]?|表\d+[:：、]?)/, "")
    .replace(/^\d{4}年度?/, "")
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .replace(/[“”"]/g, "“")
    .replace(/\((?:万?元|单位[:：]?万?元)\)$/, "");
}

/** Whether a line reads as a table's title: a name ending in 表, with no sentence around it. */
export function looksLikeTableTitle(text: string): boolean {
  const t = normalizeTitle(text);
  // "附件：2023年人力资源局部门预算表" names the whole set of tables, not one of them.
  if (/^附件/.test(t) || /(?:部门|单位)(?:预算|决算)(?:公开)?表$/.test(t)) return false;
  return /表$/.test(t) && t.length <= 40 && !/[，。；]/.test(t);
}

/**
 * The table a title and header name: an exact name first, then keywords (a performance table is
 * never a budget table), with header words deciding between candidates. Null: not a table this
 * platform knows.
 */
export function recognizeTable(title: string, headerText = ""): TableKind | null {
  const t = normalizeTitle(title);
  // A 决算's tables and a 预算's share words; 决算 in the title says which family set it is.
  const families = /决算/.test(t) ? FINAL_FAMILIES : BUDGET_FAMILIES;
  const exact = families.filter((f) => f.names.some((n) => normalizeTitle(n) === t));
  if (exact.length === 1) return exact[0]!.kind;
  if (/绩效/.test(t)) return (exact.length ? exact : families.filter((f) => f.kind.endsWith("PERFORMANCE") && f.keywords.some((k) => k.test(t))))[0]?.kind ?? null;
  const candidates = exact.length ? exact : families.filter((f) => !f.kind.endsWith("PERFORMANCE") && f.keywords.some((k) => k.test(t)));
  if (candidates.length <= 1) return candidates[0]?.kind ?? null;
  const header = headerText.replace(/\s+/g, "");
  const confirmed = candidates.filter((f) => f.headers.length && f.headers.every((h) => header.includes(h)));
  return (confirmed[0] ?? candidates[0])!.kind;
}
