import type { EconomicKindCode, ProjectCategoryCode, SeverityCode, ValueKindCode } from "../common/vocabulary";
import type { MoneyUnitCode, PrintedUnit } from "../common/money";
import type {
  BudgetStageCode,
  BundleAsset,
  BundleIndicator,
  BundleProjectAlias,
  BundleUnit,
  ExpenditureCategoryCode,
  ExpenditureKindCode,
  FundingSourceCode,
} from "./bundle/bundle.types";

/** A department-year-stage ready to load: every amount already exact, in 分. */
export interface BudgetModel {
  department: { code: string; name: string; shortName: string; regionCode: string; units: BundleUnit[] };
  year: number;
  stage: BudgetStageCode;
  amountUnit: MoneyUnitCode;
  title: string | null;
  stated: Record<"incomeTotal" | "expenditureTotal" | "basic" | "project" | "personnel" | "public", bigint | null>;
  subjectLines: {
    unit: string | null;
    subject: string;
    subjectName: string | null;
    kind: ExpenditureKindCode;
    category: ExpenditureCategoryCode;
    fundingSource: FundingSourceCode;
    fen: bigint;
    sourceRef: string | null;
  }[];
  /**
   * The 合计 each row of the subject table (部门支出总体情况表) prints, beside the row's cells in
   * `subjectLines`: a row's own total, which rounding can set apart from what its cells add up to.
   * Only totals the source printed; a row without one counts at load as the sum of its lines.
   */
  subjectRowTotals: {
    unit: string | null;
    subject: string;
    fen: bigint;
    sourceRef: string | null;
  }[];
  economicLines: {
    unit: string | null;
    deptCode: string;
    deptName: string;
    govCode: string;
    govName: string;
    kind: EconomicKindCode;
    fundingSource: FundingSourceCode;
    fen: bigint;
    sourceRef: string | null;
  }[];
  incomeLines: { source: FundingSourceCode; label: string; fen: bigint; sourceRef: string | null }[];
  projects: {
    code: string | null;
    name: string;
    category: ProjectCategoryCode;
    unit: string | null;
    subject: string | null;
    lines: { fundingSource: FundingSourceCode; fen: bigint; sourceRef: string | null }[];
    aliases: BundleProjectAlias[];
    indicators: BundleIndicator[];
  }[];
  departmentIndicators: BundleIndicator[];
  threePublic: ThreePublicFigures | null;
  /** A 决算's 年初预算数 per 项 (its 一般公共预算财政拨款支出决算表), and their printed total; empty for a 预算. */
  yearBegin: { subject: string; fen: bigint; sourceRef: string | null }[];
  yearBeginTotal: bigint | null;
  /** A 决算's “三公” 预算数, beside `threePublic`, its 决算数. */
  threePublicBudgeted: ThreePublicFigures | null;
  operatingFunds: { total: bigint | null; change: bigint | null; reason: string | null; items: { name: string; fen: bigint }[] } | null;
  procurement: Record<"total" | "goods" | "works" | "services", bigint | null> | null;
  assets: BundleAsset[];
  claims: {
    topic: string;
    section: string;
    subject: string | null;
    label: string | null;
    amount: bigint | null;
    change: bigint | null;
    ratePercent: string | null;
    sharePercent: string | null;
    reason: string | null;
    /** The unit the narrative printed the amount in (its precision); null where it is the document's. */
    unit: PrintedUnit | null;
    /** A 决算's statement of execution: the year-begin budget it states beside the amount spent. */
    budgeted: bigint | null;
    /** …and the 完成年初预算 percentage it states. */
    completionPercent: string | null;
  }[];
  /** Parts a disclosure document has beyond the bundle's core (empty for most bundles). */
  publishedFigures: PublishedFigureDraft[];
  tables: TableInventoryDraft[];
  texts: TextDraft[];
  /** Findings only the source document could show (names, layout); model checks are added at load. */
  findings: DiscrepancyDraft[];
}

export type ThreePublicFigures = Record<"total" | "overseasTravel" | "vehicles" | "vehiclePurchase" | "vehicleOperation" | "reception", bigint | null>;

/** A figure printed outside the fact lines (a total, a subtotal, a stated budget), with its place. */
export interface PublishedFigureDraft {
  tableKind: string;
  rowLabel: string;
  columnLabel: string;
  subjectCode: string | null;
  fen: bigint;
  /** The text form's line number; null for other forms, whose place `location` gives. */
  line: number | null;
  location: string | null;
}

export interface TableInventoryDraft {
  /** A TableKind, or UNRECOGNISED for a table the reader did not know. */
  kind: string;
  title: string;
  listed: boolean;
  present: boolean;
  rowCount: number;
  line: number | null;
  location: string | null;
  unit: PrintedUnit | null;
}

export interface TextDraft {
  kind: "DUTY" | "DIVISIONS" | "GOALS" | "TASK" | "SPECIAL_TRANSFERS";
  position: number;
  title: string | null;
  body: string;
  line: number | null;
}

export type Severity = SeverityCode;

/** One inconsistency; stated/computed are exact decimal text (分 for MONEY, percent for PERCENT). */
export interface DiscrepancyDraft {
  ruleId: string;
  severity: Severity;
  message: string;
  location: string;
  valueKind: ValueKindCode;
  stated: string | null;
  computed: string | null;
}

/** Bad input: names the file and, for each problem, where it is. Nothing is written. */
export class IngestError extends Error {
  constructor(
    readonly fileName: string,
    readonly problems: { where: string; problem: string }[],
  ) {
    super(`${fileName}: ${problems.map((p) => `${p.where}: ${p.problem}`).join("; ")}`);
  }
}
