import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import { PageArgs, toConnection, toPage } from "../../common/relay";
import type { Context } from "../../context";
import { DepartmentBudget } from "../budget/budget.type";
import { SourceAmount } from "../budget/lines.type";
import { Department } from "../department/department.type";
import { PerformanceIndicator } from "../performance/performance-indicator.type";
import { SubjectCode } from "../subject-code/subject-code.type";
import { toSubjectCode } from "../subject-code/subject-code.service";
import { Project, ProjectAlias, ProjectConnection, ProjectFilter, ProjectOrder } from "./project.type";
import { andThen, primeAll } from "../../common/loaders";

@Resolver(() => Project)
export class ProjectResolver {
  @Query(() => ProjectConnection, { description: "项目 Projects across departments and years, in year, department and table order." })
  async projects(
    @Arg("filter", () => ProjectFilter, { nullable: true, description: "Which projects." }) filter: ProjectFilter | undefined,
    @Arg("orderBy", () => ProjectOrder, { nullable: true, description: "排序 order (default: year, department, table order)." }) orderBy: ProjectOrder | undefined,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const page = toPage(args, info);
    const found = await ctx.services.projects.search(filter ?? {}, page, orderBy);
    primeAll(ctx.loaders.department, found.departments, (d) => d.id);
    return toConnection(found.rows, page, found.count);
  }

  @FieldResolver(() => Department, { description: "部门 the department that runs the project." })
  department(@Root() p: Project, @Ctx() ctx: Context) {
    return ctx.loaders.department.get(p.departmentId);
  }

  @FieldResolver(() => DepartmentBudget, { description: "部门预算 the budget the project belongs to." })
  budget(@Root() p: Project, @Ctx() ctx: Context) {
    return ctx.loaders.budget.get(p.budgetId);
  }

  @FieldResolver(() => SubjectCode, { nullable: true, description: "功能分类科目 the 项 code, where the document states it." })
  subjectCode(@Root() p: Project, @Ctx() ctx: Context) {
    if (p.subject === null) return null;
    return andThen(ctx.loaders.subjectCode.get(p.subject), (e) => e && toSubjectCode(e, p.year));
  }

  @FieldResolver(() => [PerformanceIndicator], { description: "绩效指标 the project's performance indicators." })
  indicators(@Root() p: Project, @Ctx() ctx: Context) {
    return ctx.loaders.projectIndicators.load(p.id);
  }

  @FieldResolver(() => [SourceAmount], { description: "资金来源 the project's amounts by funding source." })
  lines(@Root() p: Project, @Ctx() ctx: Context) {
    return ctx.loaders.projectLines.load(p.id);
  }

  @FieldResolver(() => [ProjectAlias], { description: "别名 other codes and names the document printed for this project." })
  aliases(@Root() p: Project, @Ctx() ctx: Context) {
    return ctx.loaders.projectAliases.load(p.id);
  }
}
