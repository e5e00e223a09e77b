import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import { primeAll } from "../../common/loaders";
import { PageArgs, toConnection, toPage } from "../../common/relay";
import { IndicatorFilter, PerformanceIndicatorConnection } from "./indicator-filter.type";
import type { Context } from "../../context";
import { Department } from "../department/department.type";
import { Project } from "../project/project.type";
import { PerformanceIndicator } from "./performance-indicator.type";

@Resolver(() => PerformanceIndicator)
export class PerformanceIndicatorResolver {
  @Query(() => PerformanceIndicatorConnection, { description: "绩效指标 Performance indicators across the zone, e.g. satisfaction targets below 90%." })
  async indicators(
    @Arg("filter", () => IndicatorFilter, { nullable: true, description: "Which indicators." }) filter: IndicatorFilter | undefined,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const page = toPage(args, info);
    const found = await ctx.services.performance.search(filter ?? {}, page);
    primeAll(ctx.loaders.department, found.departments, (d) => d.id);
    primeAll(ctx.loaders.project, found.projects, (p) => p.id);
    return toConnection(found.rows, page, found.count);
  }

  @FieldResolver(() => Project, { nullable: true, description: "项目 the project, for a project indicator." })
  project(@Root() i: PerformanceIndicator, @Ctx() ctx: Context) {
    return i.projectId === null ? null : ctx.loaders.project.get(i.projectId);
  }

  @FieldResolver(() => Department, { description: "部门 the department." })
  department(@Root() i: PerformanceIndicator, @Ctx() ctx: Context) {
    return ctx.loaders.department.get(i.departmentId);
  }
}
