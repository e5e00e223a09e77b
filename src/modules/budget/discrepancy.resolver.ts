import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import type { Context } from "../../context";
import { Discrepancy } from "./discrepancy.type";

@Resolver(() => Discrepancy)
export class DiscrepancyResolver {
  @Query(() => [Discrepancy], { description: "勾稽差异 Inconsistencies in budgets in force, optionally of one department and/or year." })
  discrepancies(
    @Arg("departmentCode", () => String, { nullable: true, description: "部门编码 only this department." }) departmentCode: string | undefined,
    @Arg("year", () => Int, { nullable: true, description: "预算年度 only this year." }) year: number | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.budgets.findDiscrepancies({ departmentCode: departmentCode ?? undefined, year: year ?? undefined });
  }
}
