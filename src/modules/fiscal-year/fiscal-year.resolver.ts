import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root, Int } from "type-graphql";
import { DecimalScalar } from "../../common/decimal.scalar";
import { UnitArg } from "../../common/money-field";
import { type MoneyUnit, money } from "../../common/money-unit";
import { PageArgs, toConnection, toPage } from "../../common/relay";
import type { Context } from "../../context";
import { BudgetStage, StageArg } from "../budget/budget.type";
import { DepartmentConnection } from "../department/department.type";
import { FiscalYear } from "./fiscal-year.type";

/** A field's stage: the one it asks for, else the one the year was reached through. */
const YearStageArg = () =>
  Arg("stage", () => BudgetStage, {
    nullable: true,
    description: "预算阶段 only budgets of this stage; default: the stage the year was listed for (fiscalYears' stage, 年初预算 unless asked; a budget's own stage from DepartmentBudget.fiscalYear). Stages are never added together.",
  });

@Resolver(() => FiscalYear)
export class FiscalYearResolver {
  @Query(() => [FiscalYear], { description: "预算年度 The years with budgets in force of one stage (default 年初预算), oldest first; each says which stages it has." })
  async fiscalYears(@StageArg() stage: BudgetStage, @Ctx() ctx: Context): Promise<FiscalYear[]> {
    return (await ctx.services.fiscalYears.years(stage)).map((year) => ({ year, stage }));
  }

  @FieldResolver(() => [BudgetStage], { description: "预算阶段 the stages this year has budgets in force of (年初预算, 调整预算, 决算), in that order." })
  stages(@Root() y: FiscalYear, @Ctx() ctx: Context) {
    return ctx.loaders.yearStages.load(y.year);
  }

  @FieldResolver(() => Int, { description: "部门数 how many departments have a budget of the stage this year." })
  async departmentCount(@Root() y: FiscalYear, @YearStageArg() stage: BudgetStage | null | undefined, @Ctx() ctx: Context) {
    return (await ctx.loaders.yearSummary.load({ year: y.year, stage: stage ?? y.stage })).departmentCount;
  }

  @FieldResolver(() => DecimalScalar, { description: "支出总计 zone total: the departments' published expenditure totals of the stage added up." })
  async expenditureTotal(@Root() y: FiscalYear, @UnitArg() unit: MoneyUnit, @YearStageArg() stage: BudgetStage | null | undefined, @Ctx() ctx: Context) {
    return money((await ctx.loaders.yearSummary.load({ year: y.year, stage: stage ?? y.stage })).expenditureTotal, unit);
  }

  @FieldResolver(() => DecimalScalar, { description: "基本支出 zone total of published basic expenditure of the stage." })
  async basicExpenditure(@Root() y: FiscalYear, @UnitArg() unit: MoneyUnit, @YearStageArg() stage: BudgetStage | null | undefined, @Ctx() ctx: Context) {
    return money((await ctx.loaders.yearSummary.load({ year: y.year, stage: stage ?? y.stage })).basic, unit);
  }

  @FieldResolver(() => DecimalScalar, { description: "项目支出 zone total of published project expenditure of the stage." })
  async projectExpenditure(@Root() y: FiscalYear, @UnitArg() unit: MoneyUnit, @YearStageArg() stage: BudgetStage | null | undefined, @Ctx() ctx: Context) {
    return money((await ctx.loaders.yearSummary.load({ year: y.year, stage: stage ?? y.stage })).project, unit);
  }

  @FieldResolver(() => DepartmentConnection, { description: "部门 departments with a budget of the stage this year." })
  async departments(@Root() y: FiscalYear, @Args(() => PageArgs) args: PageArgs, @YearStageArg() stage: BudgetStage | null | undefined, @Ctx() ctx: Context) {
    const page = toPage(args);
    const asked = stage ?? y.stage;
    const rows = await ctx.loaders.yearDepartmentPage.load({ year: y.year, stage: asked, page });
    return toConnection(rows, page, () => ctx.loaders.yearDepartmentCount.load({ year: y.year, stage: asked }));
  }
}
