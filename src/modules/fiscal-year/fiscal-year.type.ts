import { Field, Int, ObjectType } from "type-graphql";
import type { BudgetStage } from "../budget/budget.type";

@ObjectType({ simpleResolvers: true, description: "预算年度 A fiscal year the zone has budget data for." })
export class FiscalYear {
  @Field(() => Int, { description: "年度 the year, e.g. 2023." })
  year: number;

  /**
   * The stage the year was reached through (fiscalYears' stage, or a budget's own): the stage its
   * figures answer for unless a field asks for another.
   */
  stage: BudgetStage;
}
