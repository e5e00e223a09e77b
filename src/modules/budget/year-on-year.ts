import { Field, Int, ObjectType } from "type-graphql";
import { DecimalScalar } from "../../common/decimal.scalar";
import { UnitArg } from "../../common/money-field";
import { type MoneyUnit, money } from "../../common/money-unit";
import { percent } from "../../common/percent";
import type { DepartmentBudget } from "./budget.type";
import type { NarrativeClaim } from "./measures.type";

@ObjectType({ simpleResolvers: true, description: "同比 This year's total against last year's: the change the two documents compute beside the change the narrative states." })
export class YearOnYear {
  previousFen: bigint | null;
  currentFen: bigint | null;
  statedChangeFen: bigint | null;

  @Field(() => Int, { description: "上年 the year compared with." })
  previousYear: number;

  @Field(() => DecimalScalar, { nullable: true, description: "叙述增减率 the rate the narrative states, percent." })
  statedRate: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: "上年支出总计 last year's published total (null without last year's document)." })
  previousTotal(@UnitArg() unit: MoneyUnit): string | null {
    return this.previousFen === null ? null : money(this.previousFen, unit);
  }

  @Field(() => DecimalScalar, { nullable: true, description: "计算增减额 this year's published total minus last year's." })
  computedChange(@UnitArg() unit: MoneyUnit): string | null {
    return this.previousFen === null || this.currentFen === null ? null : money(this.currentFen - this.previousFen, unit);
  }

  @Field(() => DecimalScalar, { nullable: true, description: "计算增减率 the computed change as percent of last year, to the narrative's decimals (2 without one)." })
  computedRate(): string | null {
    if (this.previousFen === null || this.currentFen === null) return null;
    const places = this.statedRate?.split(".")[1]?.length ?? (this.statedRate ? 0 : 2);
    return percent(this.currentFen - this.previousFen, this.previousFen, places);
  }

  @Field(() => DecimalScalar, { nullable: true, description: "叙述增减额 the change the narrative states (null if it states none)." })
  statedChange(@UnitArg() unit: MoneyUnit): string | null {
    return this.statedChangeFen === null ? null : money(this.statedChangeFen, unit);
  }

  @Field(() => Boolean, { nullable: true, description: "一致 whether the stated change and rate equal the computed ones; null when either side is missing." })
  agrees(): boolean | null {
    if (this.statedChangeFen === null || this.previousFen === null || this.currentFen === null) return null;
    const rateAgrees = this.statedRate === null || Number(this.computedRate()) === Number(this.statedRate);
    return this.statedChangeFen === this.currentFen - this.previousFen && rateAgrees;
  }
}

export function yearOnYear(current: DepartmentBudget, previous: DepartmentBudget | null, claims: NarrativeClaim[]): YearOnYear {
  const stated = claims.find((c) => c.topic === "EXPENDITURE_TOTAL" && c.changeFen !== null) ?? null;
  return Object.assign(new YearOnYear(), {
    previousYear: current.year - 1,
    previousFen: previous?.stated.expenditureTotal ?? null,
    currentFen: current.stated.expenditureTotal,
    statedChangeFen: stated?.changeFen ?? null,
    statedRate: stated?.ratePercent ?? null,
  });
}
