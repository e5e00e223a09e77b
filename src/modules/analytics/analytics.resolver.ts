import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { badInput } from "../../common/errors";
import { andThen } from "../../common/loaders";
import { DEFAULT_UNIT, MoneyUnit } from "../../common/money-unit";
import { PageArgs, toPage } from "../../common/relay";
import type { Context } from "../../context";
import { BudgetUnit, Department } from "../department/department.type";
import { EconomicCode } from "../economic-code/economic-code.type";
import { toEconomicCode } from "../economic-code/economic-code.service";
import { SubjectCode } from "../subject-code/subject-code.type";
import { toSubjectCode } from "../subject-code/subject-code.service";
import { UnknownFilterValues } from "./analytics.service";
import { ExpenditureChange, ExpenditureDimension as D, ExpenditureFilter, ExpenditureGroup, ExpenditureMeasure, ExpenditureOrder, type GroupKeys, SortDirection } from "./analytics.type";
import { GrainError } from "./grain";

/** Client mistakes in an aggregate request become BAD_USER_INPUT errors that say what is wrong. */
async function asUserError<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof GrainError) throw badInput(err.message, "groupBy");
    if (err instanceof UnknownFilterValues) throw badInput(err.message, "filter");
    throw err;
  }
}

function primeDepartments(ctx: Context, rows: { departmentRow: Department | null }[]): void {
  for (const r of rows) if (r.departmentRow) ctx.loaders.departmentByCode.prime(r.departmentRow.code, r.departmentRow);
}

const UnitArg = () => Arg("unit", () => MoneyUnit, { defaultValue: DEFAULT_UNIT, description: "Unit of the amounts (default 万元)." });
const FilterArg = () => Arg("filter", () => ExpenditureFilter, { nullable: true, description: "Which lines to add up." });
const GroupByArg = () => Arg("groupBy", () => [D], { description: "分组维度 dimensions to group by, coarsest first (empty: the grand total)." });

@Resolver()
export class AnalyticsResolver {
  @Query(() => [ExpenditureGroup], {
    description:
      "支出汇总 Expenditure of budgets in force, grouped by the given dimensions in one SQL statement. With rollup, subtotal rows for every prefix of groupBy come first in each branch (children add up exactly to their parent). Unknown departments or codes in the filter are an error; a year without data gives no groups.",
  })
  expenditure(
    @FilterArg() filter: ExpenditureFilter | undefined,
    @GroupByArg() groupBy: D[],
    @UnitArg() unit: MoneyUnit,
    @Arg("rollup", () => Boolean, { defaultValue: false, description: "小计 add subtotal rows for every level of groupBy and a grand total." }) rollup: boolean,
    @Arg("orderBy", () => ExpenditureOrder, { nullable: true, description: "排序 order of groups (with rollup: of siblings); default by keys." }) orderBy: ExpenditureOrder | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    const f = filter ?? {};
    return asUserError(async () => {
      const analytics = ctx.services.analytics;
      const aggregate = analytics.expenditure(f, groupBy, {
        rollup,
        order: orderBy ?? { by: ExpenditureMeasure.KEY, direction: SortDirection.ASC },
        page: toPage({ first: page.first ?? 100, after: page.after }),
        unit,
      });
      // When the groups can name the filter's codes, they vouch for them and the check reads only
      // what they leave open; otherwise the check runs beside the aggregate.
      const groups = analytics.groupsCanVouch(f, groupBy)
        ? await aggregate.then(async (gs) => (await analytics.checkFilter(f, gs), gs))
        : (await Promise.all([analytics.checkFilter(f), aggregate]))[1];
      primeDepartments(ctx, groups);
      return groups;
    });
  }

  @Query(() => [ExpenditureChange], { description: "年度对比 The same grouping in a base and a target year side by side, with change and rate (one SQL statement)." })
  expenditureChange(
    @FilterArg() filter: ExpenditureFilter | undefined,
    @GroupByArg() groupBy: D[],
    @Arg("baseYear", () => Int, { description: "基期 the year to compare from." }) baseYear: number,
    @Arg("targetYear", () => Int, { description: "目标期 the year to compare to." }) targetYear: number,
    @UnitArg() unit: MoneyUnit,
    @Ctx() ctx: Context,
  ) {
    const f = filter ?? {};
    return asUserError(async () => {
      const [, changes] = await Promise.all([ctx.services.analytics.checkFilter(f), ctx.services.analytics.change(f, groupBy, baseYear, targetYear, unit)]);
      primeDepartments(ctx, changes);
      return changes;
    });
  }
}

/** The objects a group's keys name, shared by groups and year comparisons. */
abstract class KeyedResolver {
  protected departmentByKeys(keys: GroupKeys, ctx: Context) {
    return keys.DEPARTMENT === undefined ? null : ctx.loaders.departmentByCode.get(keys.DEPARTMENT);
  }

  protected unitByKeys(keys: GroupKeys, ctx: Context) {
    return keys.BUDGET_UNIT === undefined || keys.BUDGET_UNIT === "0" ? null : ctx.loaders.unit.get(Number(keys.BUDGET_UNIT));
  }

  protected subject(keys: GroupKeys, ctx: Context, year: number | null) {
    const code = keys.SUBJECT_ITEM ?? keys.SUBJECT_SECTION ?? keys.SUBJECT_CLASS;
    if (code === undefined) return null;
    return andThen(ctx.loaders.subjectCode.get(code), (e) => e && toSubjectCode(e, year));
  }

  protected economic(code: string | undefined, ctx: Context, year: number | null) {
    if (code === undefined) return null;
    return andThen(ctx.loaders.economicCode.get(code), (e) => e && toEconomicCode(e, year));
  }
}

@Resolver(() => ExpenditureGroup)
export class ExpenditureGroupResolver extends KeyedResolver {
  @FieldResolver(() => Department, { nullable: true, description: "部门 (grouped by DEPARTMENT)." })
  department(@Root() g: ExpenditureGroup, @Ctx() ctx: Context) {
    return this.departmentByKeys(g.keys, ctx);
  }

  @FieldResolver(() => BudgetUnit, { nullable: true, description: "预算单位 (grouped by BUDGET_UNIT)." })
  budgetUnit(@Root() g: ExpenditureGroup, @Ctx() ctx: Context) {
    return this.unitByKeys(g.keys, ctx);
  }

  @FieldResolver(() => SubjectCode, { nullable: true, description: "科目 the finest subject level grouped by, named as of the group's year." })
  subjectCode(@Root() g: ExpenditureGroup, @Ctx() ctx: Context) {
    return g.codes.subject !== undefined ? g.codes.subject : this.subject(g.keys, ctx, g.year);
  }

  @FieldResolver(() => EconomicCode, { nullable: true, description: "部门预算经济分类 the finest department-scheme level grouped by." })
  deptEconomicCode(@Root() g: ExpenditureGroup, @Ctx() ctx: Context) {
    return g.codes.deptEconomic !== undefined ? g.codes.deptEconomic : this.economic(g.keys.DEPT_ECONOMIC_ITEM ?? g.keys.DEPT_ECONOMIC_CLASS, ctx, g.year);
  }

  @FieldResolver(() => EconomicCode, { nullable: true, description: "政府预算经济分类 the finest government-scheme level grouped by." })
  govEconomicCode(@Root() g: ExpenditureGroup, @Ctx() ctx: Context) {
    return g.codes.govEconomic !== undefined ? g.codes.govEconomic : this.economic(g.keys.GOV_ECONOMIC_ITEM ?? g.keys.GOV_ECONOMIC_CLASS, ctx, g.year);
  }
}

@Resolver(() => ExpenditureChange)
export class ExpenditureChangeResolver extends KeyedResolver {
  @FieldResolver(() => Department, { nullable: true, description: "部门 (grouped by DEPARTMENT)." })
  department(@Root() c: ExpenditureChange, @Ctx() ctx: Context) {
    return this.departmentByKeys(c.keys, ctx);
  }

  @FieldResolver(() => SubjectCode, { nullable: true, description: "科目 the finest subject level grouped by." })
  subjectCode(@Root() c: ExpenditureChange, @Ctx() ctx: Context) {
    return c.codes.subject !== undefined ? c.codes.subject : this.subject(c.keys, ctx, null);
  }

  @FieldResolver(() => EconomicCode, { nullable: true, description: "部门预算经济分类 the finest department-scheme level grouped by." })
  deptEconomicCode(@Root() c: ExpenditureChange, @Ctx() ctx: Context) {
    return c.codes.deptEconomic !== undefined ? c.codes.deptEconomic : this.economic(c.keys.DEPT_ECONOMIC_ITEM ?? c.keys.DEPT_ECONOMIC_CLASS, ctx, null);
  }
}
