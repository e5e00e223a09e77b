import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { DEFAULT_UNIT, MoneyUnit } from "../../common/money-unit";
import { MAX_PAGE } from "../../common/relay";
import { badInput } from "../../common/errors";
import { primeAll } from "../../common/loaders";
import type { Context } from "../../context";
import { Department } from "../department/department.type";
import { RankingMeasure, SortDirection } from "./analytics.type";
import { DepartmentRanking, RankingEntry } from "./ranking.type";

@Resolver(() => RankingEntry)
export class RankingResolver {
  @Query(() => DepartmentRanking, { description: "部门排名 Departments ranked by a measure in one year, with the zone's figure and each one's share." })
  async departmentRanking(
    @Arg("year", () => Int, { description: "预算年度 year." }) year: number,
    @Arg("measure", () => RankingMeasure, { description: "指标 what to rank by." }) measure: RankingMeasure,
    @Arg("direction", () => SortDirection, { defaultValue: SortDirection.DESC, description: "方向 DESC puts the largest first." }) direction: SortDirection,
    @Arg("first", () => Int, { defaultValue: MAX_PAGE, description: `前 N how many entries (at most ${MAX_PAGE}).` }) first: number,
    @Arg("unit", () => MoneyUnit, { defaultValue: DEFAULT_UNIT, description: "Unit of money measures." }) unit: MoneyUnit,
    @Ctx() ctx: Context,
  ) {
    if (first < 0 || first > MAX_PAGE) throw badInput(`first must be between 0 and ${MAX_PAGE}, got ${first}`, "first");
    const ranking = await ctx.services.ranking.rank(year, measure, { first, direction, unit });
    primeAll(ctx.loaders.department, ranking.departments, (d) => d.id);
    return ranking;
  }

  @FieldResolver(() => Department, { description: "部门 the department." })
  department(@Root() e: RankingEntry, @Ctx() ctx: Context) {
    return ctx.loaders.department.get(e.departmentId);
  }
}
