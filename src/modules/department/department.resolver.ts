import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { PageArgs, toConnection, toPage } from "../../common/relay";
import type { Context } from "../../context";
import { BudgetStage, DepartmentBudget } from "../budget/budget.type";
import { ProjectConnection } from "../project/project.type";
import { BudgetUnit, Department, DepartmentConnection } from "./department.type";

@Resolver(() => Department)
export class DepartmentResolver {
  @Query(() => Department, { nullable: true, description: "部门 One department by code (\"007\"), whether or not it has published anything; null if there is none." })
  department(@Arg("code", () => String, { description: "部门编码 department code." }) code: string, @Ctx() ctx: Context) {
    return ctx.loaders.departmentByCode.get(code);
  }

  @Query(() => DepartmentConnection, { description: "部门列表 All departments, by code, for every caller: a department's code and name are public registry facts, so one with nothing published is listed too, with no budgets under it." })
  async departments(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    const page = toPage(args);
    const rows = await ctx.services.departments.page(page);
    rows.forEach((d) => ctx.loaders.department.prime(d.id, d));
    return toConnection(rows, page, () => ctx.services.departments.count());
  }

  @FieldResolver(() => [BudgetUnit], { description: "预算单位 the department's budget units (本级 and 所属单位)." })
  units(@Root() d: Department, @Ctx() ctx: Context) {
    return ctx.loaders.unitsOfDepartment.load(d.id);
  }

  @FieldResolver(() => DepartmentBudget, { nullable: true, description: "部门预算 the budget in force for a year and stage; null if none is visible." })
  budget(
    @Root() d: Department,
    @Arg("year", () => Int, { description: "预算年度 fiscal year." }) year: number,
    @Arg("stage", () => BudgetStage, { defaultValue: BudgetStage.BUDGET, description: "预算阶段 stage (default 年初预算)." }) stage: BudgetStage,
    @Ctx() ctx: Context,
  ) {
    return ctx.loaders.currentBudget.load({ departmentId: d.id, year, stage });
  }

  @FieldResolver(() => [DepartmentBudget], { description: "部门预算 every budget in force, oldest year first; with includeSuperseded, replaced versions too." })
  budgets(
    @Root() d: Department,
    @Arg("includeSuperseded", () => Boolean, { defaultValue: false, description: "also return versions a later import replaced." }) includeSuperseded: boolean,
    @Ctx() ctx: Context,
  ) {
    return (includeSuperseded ? ctx.loaders.allBudgetsOfDepartment : ctx.loaders.budgetsOfDepartment).load(d.id);
  }

  @FieldResolver(() => ProjectConnection, { description: "项目 the department's projects, optionally of one year." })
  async projects(
    @Root() d: Department,
    @Arg("year", () => Int, { nullable: true, description: "预算年度 only this year." }) year: number | undefined,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Context,
  ) {
    const page = toPage(args);
    const key = { departmentId: d.id, year: year ?? null };
    const rows = await ctx.loaders.departmentProjectPage.load({ ...key, page });
    return toConnection(rows, page, () => ctx.loaders.departmentProjectCount.load(key));
  }
}

@Resolver(() => BudgetUnit)
export class BudgetUnitResolver {
  @FieldResolver(() => Department, { description: "所属部门 the department the unit belongs to." })
  department(@Root() u: BudgetUnit, @Ctx() ctx: Context) {
    return ctx.loaders.department.get(u.departmentId);
  }
}
