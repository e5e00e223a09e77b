import { Field, ObjectType } from "type-graphql";
import { DecimalScalar } from "../../common/decimal.scalar";
import { UnitArg } from "../../common/money-field";
import { type MoneyUnit, money } from "../../common/money-unit";
import { ExpenditureCategory, ExpenditureKind, FundingSource } from "./budget.type";

@ObjectType({ simpleResolvers: true, description: "功能分类支出行 One published amount of the subject tables: unit × 项 × kind × category × source." })
export class SubjectLine {
  budgetId: number;
  year: number;
  unitId: number | null;
  subject: string;
  amountFen: bigint;

  @Field(() => ExpenditureKind, { description: "支出类型 人员经费 / 公用经费 / 项目支出." })
  kind: ExpenditureKind;

  @Field(() => ExpenditureCategory, { description: "The column the amount was printed under." })
  category: ExpenditureCategory;

  @Field(() => FundingSource, { description: "资金来源 funding source." })
  fundingSource: FundingSource;

  @Field(() => String, { nullable: true, description: "出处 Table and row of the source document this figure came from." })
  sourceRef: string | null;

  @Field(() => DecimalScalar, { description: "金额 the amount as published." })
  amount(@UnitArg() unit: MoneyUnit): string {
    return money(this.amountFen, unit);
  }
}

@ObjectType({ simpleResolvers: true, description: "经济分类支出行 One row of the basic-expenditure table: a 部门预算 code paired with a 政府预算 code." })
export class EconomicLine {
  budgetId: number;
  year: number;
  unitId: number | null;
  deptCode: string;
  govCode: string;
  amountFen: bigint;

  @Field(() => ExpenditureKind, { description: "人员经费 (PERSONNEL) or 公用经费 (PUBLIC)." })
  kind: ExpenditureKind;

  @Field(() => FundingSource, { description: "资金来源 funding source." })
  fundingSource: FundingSource;

  @Field(() => String, { nullable: true, description: "出处 Table and row of the source document." })
  sourceRef: string | null;

  @Field(() => DecimalScalar, { description: "金额 the amount as published." })
  amount(@UnitArg() unit: MoneyUnit): string {
    return money(this.amountFen, unit);
  }
}

@ObjectType({ simpleResolvers: true, description: "收入行 One income line: how much came from a funding source." })
export class IncomeLine {
  amountFen: bigint;

  @Field(() => FundingSource, { description: "资金来源 funding source." })
  fundingSource: FundingSource;

  @Field(() => String, { description: "项目 the label as printed, e.g. 一般公共预算." })
  label: string;

  @Field(() => String, { nullable: true, description: "出处 Table and row of the source document." })
  sourceRef: string | null;

  @Field(() => DecimalScalar, { description: "金额 the amount as published." })
  amount(@UnitArg() unit: MoneyUnit): string {
    return money(this.amountFen, unit);
  }
}

@ObjectType({ simpleResolvers: true, description: "资金来源金额 An amount from one funding source." })
export class SourceAmount {
  amountFen: bigint;

  @Field(() => FundingSource, { description: "资金来源 funding source." })
  fundingSource: FundingSource;

  @Field(() => DecimalScalar, { description: "金额 amount." })
  amount(@UnitArg() unit: MoneyUnit): string {
    return money(this.amountFen, unit);
  }
}

/** Formats an optional amount; blank stays null. */
export function optionalMoney(fen: bigint | null, unit: MoneyUnit): string | null {
  return fen === null ? null : money(fen, unit);
}

