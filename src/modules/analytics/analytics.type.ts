import { Arg, Field, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { DecimalScalar } from "../../common/decimal.scalar";
import { MoneyUnit, money } from "../../common/money-unit";
import { percent } from "../../common/percent";
import { Connection } from "../../common/relay";
import { BudgetStage, ExpenditureCategory, ExpenditureKind, FundingSource } from "../budget/budget.type";
import type { Department } from "../department/department.type";
import type { EconomicCode } from "../economic-code/economic-code.type";
import type { SubjectCode } from "../subject-code/subject-code.type";

export enum ExpenditureDimension {
  YEAR = "YEAR",
  DEPARTMENT = "DEPARTMENT",
  BUDGET_UNIT = "BUDGET_UNIT",
  SUBJECT_CLASS = "SUBJECT_CLASS",
  SUBJECT_SECTION = "SUBJECT_SECTION",
  SUBJECT_ITEM = "SUBJECT_ITEM",
  EXPENDITURE_KIND = "EXPENDITURE_KIND",
  EXPENDITURE_CATEGORY = "EXPENDITURE_CATEGORY",
  FUNDING_SOURCE = "FUNDING_SOURCE",
  DEPT_ECONOMIC_CLASS = "DEPT_ECONOMIC_CLASS",
  DEPT_ECONOMIC_ITEM = "DEPT_ECONOMIC_ITEM",
  GOV_ECONOMIC_CLASS = "GOV_ECONOMIC_CLASS",
  GOV_ECONOMIC_ITEM = "GOV_ECONOMIC_ITEM",
}
registerEnumType(ExpenditureDimension, {
  name: "ExpenditureDimension",
  description: "分组维度 What to group expenditure by. Subject (功能分类) and economic (经济分类) dimensions cannot be combined: no published table crosses them.",
  valuesConfig: {
    YEAR: { description: "预算年度 fiscal year" },
    DEPARTMENT: { description: "部门 department" },
    BUDGET_UNIT: { description: "预算单位 budget unit" },
    SUBJECT_CLASS: { description: "类 functional class (3 digits)" },
    SUBJECT_SECTION: { description: "款 functional section (5 digits)" },
    SUBJECT_ITEM: { description: "项 functional item (7 digits)" },
    EXPENDITURE_KIND: { description: "支出类型 人员经费 / 公用经费 / 项目支出" },
    EXPENDITURE_CATEGORY: { description: "支出明细类型 工资福利 / 对个人和家庭的补助 / 商品和服务 / 资本性 / 其他运转类 / 特定目标类 (functional lines)" },
    FUNDING_SOURCE: { description: "资金来源 funding source" },
    DEPT_ECONOMIC_CLASS: { description: "部门预算经济分类 类 (301 …), basic expenditure only" },
    DEPT_ECONOMIC_ITEM: { description: "部门预算经济分类 款 (30101 …), basic expenditure only" },
    GOV_ECONOMIC_CLASS: { description: "政府预算经济分类 类 (501 …), through the crosswalk" },
    GOV_ECONOMIC_ITEM: { description: "政府预算经济分类 款 (50101 …), through the crosswalk" },
  },
});

export enum AggregateBasis {
  ROW_TOTALS = "ROW_TOTALS",
  CELLS = "CELLS",
}
registerEnumType(AggregateBasis, {
  name: "AggregateBasis",
  description:
    "口径 Which printed figures an aggregate adds. Every figure is kept at the grain it was printed: a subject table row prints its 合计 and its cells, and rounding can set them apart (the seed's 行政运行 prints 4550.7 against cells 4458.0 + 3.5 + 89.3 = 4550.8). A grouping by subject (类/款/项), department, unit or year adds the rows' printed totals; only one that needs the split (kind, category, funding source, economic code) adds cells.",
  valuesConfig: {
    ROW_TOTALS: { description: "行合计 the printed 合计 of every row the group adds (部门支出总体情况表)." },
    CELLS: {
      description:
        "单元格 cells: the grouping or filter needs the split (支出类型, 支出明细类型, 资金来源, 经济分类), or some row the group adds printed no total (a bundle without subjectRowTotals) and counts as the sum of its cells.",
    },
  },
});

export enum ExpenditureMeasure {
  AMOUNT = "AMOUNT",
  ROW_COUNT = "ROW_COUNT",
  KEY = "KEY",
}
registerEnumType(ExpenditureMeasure, {
  name: "ExpenditureMeasure",
  description: "排序依据 What to order groups by.",
  valuesConfig: { AMOUNT: { description: "金额 the group's amount (and so its share)" }, ROW_COUNT: { description: "行数 how many lines it adds up" }, KEY: { description: "分组键 the group's keys, in groupBy order" } },
});

export enum SortDirection {
  ASC = "ASC",
  DESC = "DESC",
}
registerEnumType(SortDirection, { name: "SortDirection", description: "排序方向 Sort direction.", valuesConfig: { ASC: { description: "升序 ascending" }, DESC: { description: "降序 descending" } } });

@InputType({ description: "排序 How to order groups; ties are broken by the group keys, so pages are stable." })
export class ExpenditureOrder {
  @Field(() => ExpenditureMeasure, { defaultValue: ExpenditureMeasure.KEY, description: "依据 what to order by." })
  by: ExpenditureMeasure;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: "方向 direction." })
  direction: SortDirection;
}

@InputType({ description: "筛选 Which expenditure to aggregate: budgets in force, of one stage." })
export class ExpenditureFilter {
  @Field(() => [Int], { nullable: true, description: "预算年度 only these years." })
  years?: number[];

  @Field(() => [String], { nullable: true, description: "部门编码 only these departments (unknown codes are an error)." })
  departmentCodes?: string[];

  @Field(() => [String], { nullable: true, description: "科目编码前缀 only functional codes starting with one of these (\"208\", \"20801\"); unknown codes are an error." })
  subjectCodePrefixes?: string[];

  @Field(() => [String], { nullable: true, description: "经济分类编码前缀 only economic codes (either scheme) starting with one of these (\"301\", \"50201\"); unknown codes are an error." })
  economicCodePrefixes?: string[];

  @Field(() => [ExpenditureKind], { nullable: true, description: "支出类型 only these kinds." })
  kinds?: ExpenditureKind[];

  @Field(() => [ExpenditureCategory], { nullable: true, description: "支出明细类型 only these categories (functional lines)." })
  categories?: ExpenditureCategory[];

  @Field(() => [FundingSource], { nullable: true, description: "资金来源 only these funding sources." })
  fundingSources?: FundingSource[];

  @Field(() => BudgetStage, {
    nullable: true,
    defaultValue: BudgetStage.BUDGET,
    description: "预算阶段 only budgets of this stage (default 年初预算; null is the default too): an aggregate never adds a 决算 or 调整预算 to a 预算.",
  })
  stage?: BudgetStage | null;
}

/** Keys of a group, by dimension (absent = not grouped by, or rolled up). */
export type GroupKeys = Partial<Record<ExpenditureDimension, string>>;

/** The codes a group's keys name, read and named with the figures (undefined: not read). */
export interface NamedCodes {
  subject?: SubjectCode | null;
  deptEconomic?: EconomicCode | null;
  govEconomic?: EconomicCode | null;
}

@ObjectType({ simpleResolvers: true, description: "分组汇总 One group of an expenditure aggregate. Fields of dimensions not grouped by (or rolled up in a subtotal) are null." })
export class ExpenditureGroup {
  keys: GroupKeys;
  /** The department of a DEPARTMENT group, read with the figures. */
  departmentRow: Department | null;
  codes: NamedCodes;
  amountFen: bigint;
  totalFen: bigint;
  parentFen: bigint | null;
  /** The unit the query asked for; a field-level `unit` overrides it. */
  defaultUnit: MoneyUnit;

  @Field(() => Int, { nullable: true, description: "预算年度 (grouped by YEAR)." })
  year: number | null;

  @Field(() => ExpenditureKind, { nullable: true, description: "支出类型 (grouped by EXPENDITURE_KIND)." })
  kind: ExpenditureKind | null;

  @Field(() => ExpenditureCategory, { nullable: true, description: "支出明细类型 (grouped by EXPENDITURE_CATEGORY)." })
  category: ExpenditureCategory | null;

  @Field(() => FundingSource, { nullable: true, description: "资金来源 (grouped by FUNDING_SOURCE)." })
  fundingSource: FundingSource | null;

  @Field(() => Int, { description: "行数 how many published figures the group adds up: table rows (their 合计) for ROW_TOTALS, cells for CELLS." })
  rowCount: number;

  @Field(() => AggregateBasis, { description: "口径 whether the group adds the rows' printed totals (ROW_TOTALS) or cells (CELLS)." })
  basis: AggregateBasis;

  @Field(() => Boolean, { description: "小计 whether this is a subtotal row of a rollup (some groupBy dimensions rolled up)." })
  isSubtotal: boolean;

  @Field(() => Int, { description: "层级 how many groupBy dimensions this row is keyed by (0 = grand total)." })
  depth: number;

  @Field(() => String, { description: "游标 pass as `after` to continue after this group." })
  cursor: string;

  @Field(() => DecimalScalar, { description: "金额 the group's total, in the query's unit unless `unit` is given here." })
  amount(@Arg("unit", () => MoneyUnit, { nullable: true, description: "Unit for this field (default: the query's unit)." }) unit?: MoneyUnit): string {
    return money(this.amountFen, unit ?? this.defaultUnit);
  }

  @Field(() => DecimalScalar, { nullable: true, description: "占比 percent of the filtered total, rounded half up to 2 places; null when the total is 0." })
  share(): string | null {
    return percent(this.amountFen, this.totalFen);
  }

  @Field(() => DecimalScalar, { nullable: true, description: "占上级比 percent of its parent group (the same keys without the last groupBy dimension), 2 places; null for the grand total." })
  shareOfParent(): string | null {
    return this.parentFen === null ? null : percent(this.amountFen, this.parentFen);
  }
}

@ObjectType({ simpleResolvers: true, description: "年度对比 One group in two years side by side." })
export class ExpenditureChange {
  keys: GroupKeys;
  departmentRow: Department | null;
  codes: NamedCodes;
  baseFen: bigint;
  targetFen: bigint;
  defaultUnit: MoneyUnit;

  @Field(() => ExpenditureKind, { nullable: true, description: "支出类型 (grouped by EXPENDITURE_KIND)." })
  kind: ExpenditureKind | null;

  @Field(() => FundingSource, { nullable: true, description: "资金来源 (grouped by FUNDING_SOURCE)." })
  fundingSource: FundingSource | null;

  @Field(() => AggregateBasis, { description: "口径 whether both years' amounts add the rows' printed totals (ROW_TOTALS) or cells (CELLS)." })
  basis: AggregateBasis;

  @Field(() => DecimalScalar, { description: "基期 the base year's amount." })
  base(@Arg("unit", () => MoneyUnit, { nullable: true, description: "Unit (default: the query's)." }) unit?: MoneyUnit): string {
    return money(this.baseFen, unit ?? this.defaultUnit);
  }

  @Field(() => DecimalScalar, { description: "目标期 the target year's amount." })
  target(@Arg("unit", () => MoneyUnit, { nullable: true, description: "Unit (default: the query's)." }) unit?: MoneyUnit): string {
    return money(this.targetFen, unit ?? this.defaultUnit);
  }

  @Field(() => DecimalScalar, { description: "增减额 target minus base." })
  change(@Arg("unit", () => MoneyUnit, { nullable: true, description: "Unit (default: the query's)." }) unit?: MoneyUnit): string {
    return money(this.targetFen - this.baseFen, unit ?? this.defaultUnit);
  }

  @Field(() => DecimalScalar, { nullable: true, description: "增减率 change as percent of base, 2 places; null when base is 0." })
  rate(): string | null {
    return percent(this.targetFen - this.baseFen, this.baseFen);
  }
}

export const ExpenditureGroupConnection = Connection(ExpenditureGroup, "ExpenditureGroup", "expenditure group", { term: "分组汇总" });
export const ExpenditureChangeConnection = Connection(ExpenditureChange, "ExpenditureChange", "year comparison group", { term: "年度对比" });

export enum RankingMeasure {
  EXPENDITURE_TOTAL = "EXPENDITURE_TOTAL",
  BASIC_SHARE = "BASIC_SHARE",
  PERSONNEL_SHARE = "PERSONNEL_SHARE",
  PROJECT_SHARE = "PROJECT_SHARE",
  THREE_PUBLIC = "THREE_PUBLIC",
  OPERATING_FUNDS = "OPERATING_FUNDS",
  PROJECT_COUNT = "PROJECT_COUNT",
  INDICATOR_COUNT = "INDICATOR_COUNT",
  EXECUTION_RATE = "EXECUTION_RATE",
}
registerEnumType(RankingMeasure, {
  name: "RankingMeasure",
  description: "排名指标 What to rank departments by (published figures of budgets in force).",
  valuesConfig: {
    EXPENDITURE_TOTAL: { description: "支出总计" },
    BASIC_SHARE: { description: "基本支出占支出总计 % " },
    PERSONNEL_SHARE: { description: "人员经费占基本支出 %" },
    PROJECT_SHARE: { description: "项目支出占支出总计 %" },
    THREE_PUBLIC: { description: "“三公”经费" },
    OPERATING_FUNDS: { description: "机构运转经费" },
    PROJECT_COUNT: { description: "项目个数" },
    INDICATOR_COUNT: { description: "绩效指标个数 (project and department level)" },
    EXECUTION_RATE: { description: "执行率 %: a 决算's 支出总计 over its year-begin budget (the imported 预算's total, else the 决算's 年初预算数); ranks 决算s, whatever stage is asked" },
  },
});
