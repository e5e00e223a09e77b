import { Arg, Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { BASIC_KINDS, enumOf, BUDGET_STAGES, type BudgetStageCode, PUBLICATION_STATUSES, type PublicationStatusCode, EXPENDITURE_KINDS, type ExpenditureKindCode, EXPENDITURE_CATEGORIES, type ExpenditureCategoryCode, FUNDING_SOURCES, type FundingSourceCode } from "../../common/vocabulary";
import { DecimalScalar } from "../../common/decimal.scalar";
import { UnitArg } from "../../common/money-field";
import { type MoneyUnit, money } from "../../common/money-unit";

export const BudgetStage = enumOf(BUDGET_STAGES);
export type BudgetStage = BudgetStageCode;
registerEnumType(BudgetStage, {
  name: "BudgetStage",
  description: "预算阶段 Stage of a budget.",
  valuesConfig: { BUDGET: { description: "年初预算 initial budget" }, ADJUSTED: { description: "调整预算 adjusted budget" }, FINAL: { description: "决算 final accounts" } },
});

/** The `stage` argument of an amount or aggregate: one stage at a time, 年初预算 unless asked. */
export const StageArg = () =>
  Arg("stage", () => BudgetStage, { defaultValue: BudgetStage.BUDGET, description: "预算阶段 only budgets of this stage (default 年初预算): a 决算 is never added to a 预算." });

export const PublicationStatus = enumOf(PUBLICATION_STATUSES);
export type PublicationStatus = PublicationStatusCode;
registerEnumType(PublicationStatus, {
  name: "PublicationStatus",
  description: "公开状态 Whether the public may see a budget.",
  valuesConfig: {
    DRAFT: { description: "草稿: visible to its department and the finance bureau" },
    PUBLISHED: { description: "已公开: visible to everyone; the public's figures come from the version published last" },
    WITHDRAWN: { description: "已撤回: was published, then withdrawn by the finance bureau; visible again to its department and the bureau only" },
  },
});

export const ExpenditureKind = enumOf(EXPENDITURE_KINDS);
export type ExpenditureKind = ExpenditureKindCode;
registerEnumType(ExpenditureKind, {
  name: "ExpenditureKind",
  description: "支出类型 Kind of expenditure: 基本支出 splits into 人员经费 and 公用经费; 项目支出 is the rest.",
  valuesConfig: {
    PERSONNEL: { description: "人员经费 personnel (基本支出)" },
    PUBLIC: { description: "公用经费 public/running costs (基本支出)" },
    PROJECT: { description: "项目支出 project expenditure" },
    BASIC: { description: "基本支出 basic expenditure a 决算 prints undivided into 人员经费 and 公用经费" },
    OTHER: { description: "其他支出 spending a 决算 prints beside basic and project: 上缴上级, 经营, 对附属单位补助" },
  },
});

export const ExpenditureCategory = enumOf(EXPENDITURE_CATEGORIES);
export type ExpenditureCategory = ExpenditureCategoryCode;
registerEnumType(ExpenditureCategory, {
  name: "ExpenditureCategory",
  description: "The finer column a subject table prints an amount under.",
  valuesConfig: {
    WAGES_AND_WELFARE: { description: "工资福利支出 (人员经费)" },
    HOUSEHOLD_SUBSIDIES: { description: "对个人和家庭的补助 (人员经费)" },
    GOODS_AND_SERVICES: { description: "商品和服务支出 (公用经费)" },
    CAPITAL: { description: "资本性支出 (公用经费)" },
    OPERATING: { description: "其他运转类 (项目支出)" },
    SPECIFIC: { description: "特定目标类 (项目支出)" },
    BASIC_UNDIVIDED: { description: "基本支出 as one column (决算)" },
    PROJECT_UNDIVIDED: { description: "项目支出 as one column (决算)" },
    REMITTANCE: { description: "上缴上级支出 (决算)" },
    BUSINESS: { description: "经营支出 (决算)" },
    SUBSIDIARY: { description: "对附属单位补助支出 (决算)" },
  },
});

export const FundingSource = enumOf(FUNDING_SOURCES);
export type FundingSource = FundingSourceCode;
registerEnumType(FundingSource, {
  name: "FundingSource",
  description: "资金来源 Funding source.",
  valuesConfig: {
    GENERAL_PUBLIC_BUDGET: { description: "一般公共预算 (财政拨款)" },
    GOVERNMENT_FUND: { description: "政府性基金预算" },
    STATE_CAPITAL: { description: "国有资本经营预算" },
    SPECIAL_ACCOUNT: { description: "财政专户管理资金" },
    UNIT_FUNDS: { description: "单位资金 (事业收入, 经营收入, 其他收入 …)" },
    PRIOR_YEAR_CARRYOVER: { description: "上年结转结余" },
    OTHER: { description: "其他" },
  },
});

/** The stated (published) totals in 分; null where the document printed none. */
export interface StatedTotals {
  incomeTotal: bigint | null;
  expenditureTotal: bigint | null;
  basic: bigint | null;
  project: bigint | null;
  personnel: bigint | null;
  public: bigint | null;
}

@ObjectType({ simpleResolvers: true, description: "部门预算 One department's budget for one year and stage, as its disclosure published it." })
export class DepartmentBudget {
  id: number;
  departmentId: number;
  sourceDocumentId: number | null;
  stated: StatedTotals;

  @Field(() => Int, { description: "预算年度 fiscal year." })
  year: number;

  @Field(() => BudgetStage, { description: "预算阶段 stage (年初预算, 调整预算, 决算)." })
  stage: BudgetStage;

  @Field(() => Int, { description: "版本 Version of this department-year-stage; a re-import adds a version." })
  version: number;

  @Field(() => Boolean, { description: "Whether this is the version in force for the caller (older versions stay retrievable): the latest, draft or not, for the finance bureau and for a department's own budgets; the published one for everyone else, so a draft's existence is not revealed." })
  isCurrent: boolean;

  @Field(() => Boolean, { description: "公开版本 Whether this is the version the public sees: the one published last, until it is withdrawn. A newer draft does not change it." })
  isPublic: boolean;

  @Field(() => PublicationStatus, { description: "公开状态 publication status." })
  status: PublicationStatus;

  @Field(() => String, { nullable: true, description: "标题 the document's title." })
  title: string | null;
}

@ObjectType({ simpleResolvers: true, description: "行合计 What the budget's own rows add up to, beside the published totals." })
export class ComputedTotals {
  budgetId: number;
  /** 分 by kind, from the subject (functional) lines and the economic lines. */
  subjectByKind: Map<string, bigint>;
  economicByKind: Map<string, bigint>;
  income: bigint;

  private subject(...kinds: string[]): bigint {
    return kinds.reduce((sum, k) => sum + (this.subjectByKind.get(k) ?? 0n), 0n);
  }

  @Field(() => DecimalScalar, { description: "收入合计 sum of the income lines." })
  incomeTotal(@UnitArg() unit: MoneyUnit): string {
    return money(this.income, unit);
  }

  @Field(() => DecimalScalar, { description: "支出合计 sum of the functional (subject) lines." })
  expenditureTotal(@UnitArg() unit: MoneyUnit): string {
    return money(this.subject(...EXPENDITURE_KINDS), unit);
  }

  @Field(() => DecimalScalar, { description: "基本支出 sum of the functional lines of kind 人员经费 and 公用经费." })
  basicExpenditure(@UnitArg() unit: MoneyUnit): string {
    return money(this.subject(...BASIC_KINDS), unit);
  }

  @Field(() => DecimalScalar, { description: "项目支出 sum of the functional lines of kind 项目支出." })
  projectExpenditure(@UnitArg() unit: MoneyUnit): string {
    return money(this.subject("PROJECT"), unit);
  }

  @Field(() => DecimalScalar, { description: "人员经费 sum of the basic-expenditure table's 人员经费 column (economic lines)." })
  personnelExpenditure(@UnitArg() unit: MoneyUnit): string {
    return money(this.economicByKind.get("PERSONNEL") ?? 0n, unit);
  }

  @Field(() => DecimalScalar, { description: "公用经费 sum of the basic-expenditure table's 公用经费 column (economic lines)." })
  publicExpenditure(@UnitArg() unit: MoneyUnit): string {
    return money(this.economicByKind.get("PUBLIC") ?? 0n, unit);
  }
}
