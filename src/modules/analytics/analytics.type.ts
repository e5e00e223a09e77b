import { Arg, Field, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { DecimalScalar } from "../../common/decimal.scalar";
import { MoneyUnit, money } from "../../common/money-unit";
import { BudgetStage, ExpenditureCategory, ExpenditureKind, FundingSource } from "../budget/budget.type";

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
}
registerEnumType(ExpenditureDimension, {
  name: "ExpenditureDimension",
  description: "分组维度 What to group functional expenditure by.",
  valuesConfig: {
    YEAR: { description: "预算年度 fiscal year" },
    DEPARTMENT: { description: "部门 department" },
    BUDGET_UNIT: { description: "预算单位 budget unit" },
    SUBJECT_CLASS: { description: "类 functional class (3 digits)" },
    SUBJECT_SECTION: { description: "款 functional section (5 digits)" },
    SUBJECT_ITEM: { description: "项 functional item (7 digits)" },
    EXPENDITURE_KIND: { description: "支出类型 人员经费 / 公用经费 / 项目支出" },
    EXPENDITURE_CATEGORY: { description: "支出明细类型 工资福利 / 对个人和家庭的补助 / 商品和服务 / 资本性 / 其他运转类 / 特定目标类" },
    FUNDING_SOURCE: { description: "资金来源 funding source" },
  },
});

@InputType({ description: "Which functional expenditure to aggregate (budgets in force only)." })
export class ExpenditureFilter {
  @Field(() => [Int], { nullable: true, description: "预算年度 only these years." })
  years?: number[];

  @Field(() => [String], { nullable: true, description: "部门编码 only these departments." })
  departmentCodes?: string[];

  @Field(() => [String], { nullable: true, description: "科目编码前缀 only subject codes starting with one of these (\"208\", \"20801\")." })
  subjectCodePrefixes?: string[];

  @Field(() => [ExpenditureKind], { nullable: true, description: "支出类型 only these kinds." })
  kinds?: ExpenditureKind[];

  @Field(() => [FundingSource], { nullable: true, description: "资金来源 only these funding sources." })
  fundingSources?: FundingSource[];

  @Field(() => BudgetStage, { nullable: true, description: "预算阶段 stage (default 年初预算)." })
  stage?: BudgetStage;
}

@ObjectType({ description: "分组汇总 One group of an expenditure aggregate. Fields of dimensions not grouped by are null." })
export class ExpenditureGroup {
  amountFen: bigint;
  totalFen: bigint;
  departmentCode: string | null;
  unitId: number | null;
  subject: string | null;

  @Field(() => Int, { nullable: true, description: "预算年度 (grouped by YEAR)." })
  year: number | null;

  @Field(() => ExpenditureKind, { nullable: true, description: "支出类型 (grouped by EXPENDITURE_KIND)." })
  kind: ExpenditureKind | null;

  @Field(() => ExpenditureCategory, { nullable: true, description: "支出明细类型 (grouped by EXPENDITURE_CATEGORY)." })
  category: ExpenditureCategory | null;

  @Field(() => FundingSource, { nullable: true, description: "资金来源 (grouped by FUNDING_SOURCE)." })
  fundingSource: FundingSource | null;

  @Field(() => Int, { description: "行数 how many published lines the group adds up." })
  rowCount: number;

  /** The unit the query asked for; a field-level `unit` overrides it. */
  defaultUnit: MoneyUnit;

  @Field(() => DecimalScalar, { description: "金额 the group's total, in the query's unit unless `unit` is given here." })
  amount(@Arg("unit", () => MoneyUnit, { nullable: true, description: "Unit for this field (default: the query's unit)." }) unit?: MoneyUnit): string {
    return money(this.amountFen, unit ?? this.defaultUnit);
  }

  @Field(() => DecimalScalar, { nullable: true, description: "占比 percent of the filtered total, rounded half up to 2 places; null when the total is 0." })
  share(): string | null {
    if (this.totalFen === 0n) return null;
    const hundredths = (this.amountFen * 20000n + this.totalFen) / (2n * this.totalFen);
    const sign = hundredths < 0n ? "-" : "";
    const abs = hundredths < 0n ? -hundredths : hundredths;
    return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
  }
}
