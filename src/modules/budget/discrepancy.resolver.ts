import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, Info, Int, Query, Resolver } from "type-graphql";
import { PageArgs, toConnection, toPage } from "../../common/relay";
import type { Context } from "../../context";
import { Discrepancy, DiscrepancyConnection } from "./discrepancy.type";

const DepartmentCodeArg = () => Arg("departmentCode", () => String, { nullable: true, description: "部门编码 only this department." });
const YearArg = () => Arg("year", () => Int, { nullable: true, description: "预算年度 only this year." });
const WHAT = "勾稽差异 Inconsistencies in budgets in force, optionally of one department and/or year, by year, department and the order they were found.";

@Resolver(() => Discrepancy)
export class DiscrepancyResolver {
  @Query(() => [Discrepancy], {
    description: `${WHAT} Every one in one list.`,
    deprecationReason: "Use budgetDiscrepancies: the same discrepancies as a Relay connection, with totalCount and pageInfo (they grow with every department and year).",
  })
  discrepancies(@DepartmentCodeArg() departmentCode: string | undefined, @YearArg() year: number | undefined, @Ctx() ctx: Context) {
    return ctx.services.budgets.findDiscrepancies({ departmentCode: departmentCode ?? undefined, year: year ?? undefined });
  }

  @Query(() => DiscrepancyConnection, { description: `${WHAT} A connection.` })
  async budgetDiscrepancies(
    @DepartmentCodeArg() departmentCode: string | undefined,
    @YearArg() year: number | undefined,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const page = toPage(args, info);
    const found = await ctx.services.budgets.searchDiscrepancies({ departmentCode: departmentCode ?? undefined, year: year ?? undefined }, page);
    return toConnection(found.rows, page, found.count);
  }
}
