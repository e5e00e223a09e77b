import { Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { DecimalScalar } from "../../common/decimal.scalar";
import { UnitArg } from "../../common/money-field";
import { type MoneyUnit, money } from "../../common/money-unit";
import { PageArgs, toConnection, toPage } from "../../common/relay";
import type { Context } from "../../context";
import { DepartmentConnection } from "../department/department.type";
import { FiscalYear } from "./fiscal-year.type";

@Resolver(() => FiscalYear)
export class FiscalYearResolver {
  @Query(() => [FiscalYear], { description: "预算年度 The years with budgets in force, oldest first." })
  async fiscalYears(@Ctx() ctx: Context): Promise<FiscalYear[]> {
    return (await ctx.services.fiscalYears.years()).map((year) => ({ year }));
  }

  @FieldResolver(() => Int, { description: "部门数 how many departments have a budget (年初预算) this year." })
  async departmentCount(@Root() y: FiscalYear, @Ctx() ctx: Context) {
    return (await ctx.loaders.yearSummary.load(y.year))!.departmentCount;
  }

  @FieldResolver(() => DecimalScalar, { description: "支出总计 zone total: the departments' published expenditure totals added up." })
  async expenditureTotal(@Root() y: FiscalYear, @UnitArg() unit: MoneyUnit, @Ctx() ctx: Context) {
    return money((await ctx.loaders.yearSummary.load(y.year))!.expenditureTotal, unit);
  }

  @FieldResolver(() => DecimalScalar, { description: "基本支出 zone total of published basic expenditure." })
  async basicExpenditure(@Root() y: FiscalYear, @UnitArg() unit: MoneyUnit, @Ctx() ctx: Context) {
    return money((await ctx.loaders.yearSummary.load(y.year))!.basic, unit);
  }

  @FieldResolver(() => DecimalScalar, { description: "项目支出 zone total of published project expenditure." })
  async projectExpenditure(@Root() y: FiscalYear, @UnitArg() unit: MoneyUnit, @Ctx() ctx: Context) {
    return money((await ctx.loaders.yearSummary.load(y.year))!.project, unit);
  }

  @FieldResolver(() => DepartmentConnection, { description: "部门 departments with a budget this year." })
  async departments(@Root() y: FiscalYear, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    const page = toPage(args);
    const rows = await ctx.loaders.yearDepartmentPage.load({ year: y.year, page });
    return toConnection(rows, page, () => ctx.loaders.yearDepartmentCount.load(y.year));
  }
}
