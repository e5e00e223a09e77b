import type { MoneyUnitCode, PrintedUnit } from "../../common/money";
import type {
  AssetKindCode,
  BudgetStageCode,
  EconomicKindCode,
  ExpenditureCategoryCode,
  ExpenditureKindCode,
  FundingSourceCode,
  IndicatorCategoryCode,
  ProjectCategoryCode,
  SeverityCode,
  ValueKindCode,
} from "../../common/vocabulary";
/**
 * The structured bundle: one department, one year, one stage, as the disclosure published it.
 * Amounts are decimal strings in `amountUnit` ("8562.6"), never numbers, so nothing passes
 * through a float. A field that the document left blank is omitted (or null), not zero.
 */
export type BundleAmount = string;

export type { BudgetStageCode, ExpenditureCategoryCode, ExpenditureKindCode, FundingSourceCode, IndicatorCategoryCode };

export interface BundleUnit {
  code: string; // "007001"
  name: string;
  /** true for the department's own office (本级), false for a subordinate unit (所属单位). */
  isSelf: boolean;
}

export interface BundleSubjectLine {
  unit?: string;
  subject: string; // 7-digit 项 code, "2080101"
  subjectName?: string; // name as printed in this table
  kind: ExpenditureKindCode;
  category: ExpenditureCategoryCode;
  fundingSource: FundingSourceCode;
  amount: BundleAmount;
}

/**
 * The 合计 a subject table row (项) prints: the row's own total, beside its cells (the subject
 * lines), which rounding can set apart from what the cells add up to (the seed's 行政运行 prints
 * 4550.7 against cells of 4458.0 + 3.5 + 89.3 = 4550.8).
 */
export interface BundleSubjectRowTotal {
  unit?: string;
  subject: string; // 7-digit 项 code, "2080101"
  amount: BundleAmount;
}

export interface BundleEconomicLine {
  unit?: string;
  deptCode: string; // 部门预算经济分类, "30101"
  deptName: string;
  govCode: string; // 政府预算经济分类, "50101"
  govName: string;
  kind: EconomicKindCode;
  fundingSource: FundingSourceCode;
  amount: BundleAmount;
}

export interface BundleIncomeLine {
  source: FundingSourceCode;
  label: string; // as printed: "一般公共预算"
  amount: BundleAmount;
}

export interface BundleIndicator {
  /** Project indicators: 成本/产出/效益/满意度. */
  category?: IndicatorCategoryCode;
  /** Department-level tree: 一级 / 二级; `name` is the 三级 indicator. */
  level1?: string;
  level2?: string;
  name: string;
  target: string; // as printed: "≥90%"
  explanation?: string;
}

export interface BundleProjectAlias {
  code?: string;
  name: string;
  /** Which table printed this variant, e.g. "项目绩效目标汇总表 (first listing)". */
  source: string;
}

export interface BundleProject {
  code?: string; // 21-digit 410191 + yy + serial
  name: string;
  category: ProjectCategoryCode;
  unit?: string;
  subject?: string;
  lines: { fundingSource: FundingSourceCode; amount: BundleAmount }[];
  aliases?: BundleProjectAlias[];
  indicators?: BundleIndicator[];
}

export interface BundleStated {
  incomeTotal?: BundleAmount; // 收入总计
  expenditureTotal?: BundleAmount; // 支出总计
  basicExpenditure?: BundleAmount; // 基本支出
  projectExpenditure?: BundleAmount; // 项目支出
  personnelExpenditure?: BundleAmount; // 人员经费
  publicExpenditure?: BundleAmount; // 公用经费
}

export interface BundleThreePublic {
  total?: BundleAmount | null;
  overseasTravel?: BundleAmount | null; // 因公出国(境)
  vehicles?: BundleAmount | null; // 公务用车购置及运行
  vehiclePurchase?: BundleAmount | null;
  vehicleOperation?: BundleAmount | null;
  reception?: BundleAmount | null; // 公务接待
}

export interface BundleNamedAmount {
  name: string;
  amount: BundleAmount;
}

export interface BundleClaim {
  /** What the narrative speaks about: INCOME_TOTAL, EXPENDITURE_TOTAL, GENERAL_BUDGET, SUBJECT_SHARE, BASIC_SHARE … */
  topic: string;
  section: string; // narrative heading it came from
  subject?: string;
  label?: string; // the name the narrative printed
  amount?: BundleAmount;
  change?: BundleAmount; // signed: a decrease is negative
  ratePercent?: string; // signed
  sharePercent?: string;
  reason?: string;
  /** The unit the narrative printed the amount in, where it is not the bundle's. */
  unit?: PrintedUnit;
  /** A 决算's statement of execution: the year-begin budget it states, and the 完成 percentage. */
  budgeted?: BundleAmount;
  completionPercent?: string;
}

export interface BundleAsset {
  kind: AssetKindCode;
  name: string;
  count: number;
}

export interface BundlePublishedFigure {
  tableKind: string;
  rowLabel: string;
  columnLabel: string;
  subjectCode?: string;
  amount: BundleAmount;
  line?: number;
  /** Where it is printed: "a.txt:12", "a.pdf page 3 line 4", "a.xlsx 收支总表!B7". */
  location?: string;
}

export interface BundleTable {
  kind: string;
  title: string;
  listed: boolean;
  present: boolean;
  rowCount: number;
  line?: number;
  location?: string;
  /** The unit the table printed (单位：…), where it printed one. */
  unit?: PrintedUnit;
}

export interface BundleText {
  kind: "DUTY" | "DIVISIONS" | "GOALS" | "TASK" | "SPECIAL_TRANSFERS";
  position: number;
  title?: string;
  body: string;
  line?: number;
}

/** A finding carried from the source document (names, layout) that the figures alone cannot show again. */
export interface BundleFinding {
  ruleId: string;
  severity: SeverityCode;
  message: string;
  location: string;
  valueKind: ValueKindCode;
  /** Exact decimal text: 分 for MONEY, percent for PERCENT. */
  stated?: string;
  computed?: string;
}

export interface Bundle {
  format: "budget-bundle/1";
  department: {
    code: string;
    name: string;
    shortName: string;
    regionCode: string;
    units: BundleUnit[];
  };
  year: number;
  stage: BudgetStageCode;
  amountUnit: MoneyUnitCode;
  title?: string;
  stated: BundleStated;
  subjectLines: BundleSubjectLine[];
  /** Each subject row's printed 合计, where the source printed one; a row without one counts as the sum of its subject lines. */
  subjectRowTotals?: BundleSubjectRowTotal[];
  economicLines: BundleEconomicLine[];
  incomeLines: BundleIncomeLine[];
  projects: BundleProject[];
  departmentIndicators: BundleIndicator[];
  threePublic?: BundleThreePublic;
  /** A 决算: the 年初预算数 it prints per 项, their printed total, and the “三公” 预算数. */
  yearBegin?: { subject: string; amount: BundleAmount }[];
  yearBeginTotal?: BundleAmount;
  threePublicBudgeted?: BundleThreePublic;
  operatingFunds?: { total?: BundleAmount; change?: BundleAmount; reason?: string; items: BundleNamedAmount[] };
  procurement?: { total?: BundleAmount; goods?: BundleAmount; works?: BundleAmount; services?: BundleAmount };
  assets?: BundleAsset[];
  claims?: BundleClaim[];
  publishedFigures?: BundlePublishedFigure[];
  tables?: BundleTable[];
  texts?: BundleText[];
  findings?: BundleFinding[];
}
