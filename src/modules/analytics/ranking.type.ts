import { Extensions, Field, Int, ObjectType } from "type-graphql";
import { Connection, LIST_BOUND, MAX_PAGE } from "../../common/relay";
import { type MoneyUnit, money } from "../../common/money-unit";
import { DecimalScalar } from "../../common/decimal.scalar";
import type { Department } from "../department/department.type";
import { BudgetStage } from "../budget/budget.type";
import { RankingMeasure } from "./analytics.type";

@ObjectType({ simpleResolvers: true, description: "排名项 One department's place in a ranking." })
export class RankingEntry {
  departmentId: number;
  numeratorFen: bigint | null;
  denominatorFen: bigint | null;
  moneyUnit: MoneyUnit;
  isMoney: boolean;

  @Field(() => DecimalScalar, { nullable: true, description: "分子 the money behind the value: the amount itself, or the part of a share (e.g. 基本支出 for BASIC_SHARE)." })
  numerator(): string | null {
    return this.isMoney && this.numeratorFen !== null ? money(this.numeratorFen, this.moneyUnit) : null;
  }

  @Field(() => DecimalScalar, { nullable: true, description: "分母 the whole a share is of (e.g. 支出总计 for BASIC_SHARE); null for other measures." })
  denominator(): string | null {
    return this.isMoney && this.denominatorFen !== null ? money(this.denominatorFen, this.moneyUnit) : null;
  }

  @Field(() => Int, { description: "名次 rank, 1 = first in the requested direction; ties share a rank." })
  rank: number;

  @Field(() => DecimalScalar, { nullable: true, description: "数值 the measure: money in `unit`, a percent (2 places), or a count; null where the document gives no figure." })
  value: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: "占全区比 percent of the zone total (additive measures only)." })
  shareOfZone: string | null;
}

@ObjectType({ simpleResolvers: true, description: "部门排名 Departments ranked by one measure in one year, with the zone's figure." })
export class DepartmentRanking {
  /** The ranked departments, read with the figures, so naming them costs no further statement. */
  departments: Department[];

  @Field(() => Int, { description: "预算年度 year." })
  year: number;

  @Field(() => BudgetStage, { description: "预算阶段 the stage whose budgets are ranked (年初预算 unless another was asked for); stages are never mixed." })
  stage: BudgetStage;

  @Field(() => RankingMeasure, { description: "指标 the measure." })
  measure: RankingMeasure;

  @Field(() => DecimalScalar, { nullable: true, description: "全区 the zone's figure: the total, or the zone-wide ratio for share measures." })
  zoneValue: string | null;

  @Field(() => Int, { description: "部门数 departments with a budget of the stage in force that year." })
  departmentCount: number;

  /** Every department in rank order, for `ranked`. */
  ranked: RankingEntry[];

  // departmentRanking's `first` (at most MAX_PAGE) limits this list: the estimator prices it at that bound.
  @Extensions({ [LIST_BOUND]: MAX_PAGE })
  @Field(() => [RankingEntry], {
    description: `名次 the ranking's first N entries (departmentRanking's first, default ${MAX_PAGE}, at most ${MAX_PAGE}).`,
    deprecationReason: `Lists at most ${MAX_PAGE} departments. Use ranked, a connection that pages through every department.`,
  })
  entries: RankingEntry[];
}

export const RankingEntryConnection = Connection(RankingEntry, "RankingEntry", "ranking entry", { term: "排名项", plural: "ranking entries" });
