import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from "type-graphql";
import { DEFAULT_UNIT, MoneyUnit } from "../../common/money-unit";
import { MAX_PAGE, PageArgs, checkFirst, sliceToConnection, toPage } from "../../common/relay";
import { primeAll } from "../../common/loaders";
import type { Context } from "../../context";
import { BudgetStage } from "../budget/budget.type";
import { Department } from "../department/department.type";
import { RankingMeasure, SortDirection } from "./analytics.type";
import { DepartmentRanking, RankingEntry, RankingEntryConnection } from "./ranking.type";

/** How many entries the deprecated `entries` lists when departmentRanking's `first` is omitted, as it always did. */
const RANKING_ENTRIES = MAX_PAGE;

@Resolver(() => DepartmentRanking)
export class DepartmentRankingResolver {
  @Query(() => DepartmentRanking, { description: "部门排名 Departments ranked by a measure in one year and one stage, with the zone's figure and each one's share." })
  async departmentRanking(
    @Arg("year", () => Int, { description: "预算年度 year." }) year: number,
    @Arg("measure", () => RankingMeasure, { description: "指标 what to rank by." }) measure: RankingMeasure,
    @Arg("direction", () => SortDirection, { defaultValue: SortDirection.DESC, description: "方向 DESC puts the largest first." }) direction: SortDirection,
    @Arg("first", () => Int, {
      defaultValue: RANKING_ENTRIES,
      description: `前 N how many entries the deprecated entries lists (default ${RANKING_ENTRIES}, at most ${MAX_PAGE}).`,
      deprecationReason: "Limits only entries; page ranked with its own first and after instead.",
    })
    first: number,
    @Arg("unit", () => MoneyUnit, { defaultValue: DEFAULT_UNIT, description: "Unit of money measures." }) unit: MoneyUnit,
    @Arg("stage", () => BudgetStage, { defaultValue: BudgetStage.BUDGET, description: "预算阶段 rank budgets of this stage only (default 年初预算); a 决算 is never ranked with a 预算." }) stage: BudgetStage,
    @Ctx() ctx: Context,
  ) {
    const ranking = await ctx.services.ranking.rank(year, measure, { first: checkFirst(first), direction, unit, stage });
    primeAll(ctx.loaders.department, ranking.departments, (d) => d.id);
    return ranking;
  }

  @FieldResolver(() => RankingEntryConnection, {
    description: "名次 the whole ranking in rank order, as a connection: every department with a budget in force that year (totalCount = departmentCount), read in the ranking's one statement.",
  })
  ranked(@Root() r: DepartmentRanking, @Args(() => PageArgs) args: PageArgs, @Info() info: GraphQLResolveInfo) {
    return sliceToConnection(r.ranked, toPage(args, info));
  }
}

@Resolver(() => RankingEntry)
export class RankingResolver {
  @FieldResolver(() => Department, { description: "部门 the department." })
  department(@Root() e: RankingEntry, @Ctx() ctx: Context) {
    return ctx.loaders.department.get(e.departmentId);
  }
}
