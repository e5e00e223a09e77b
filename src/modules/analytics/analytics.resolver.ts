import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from "type-graphql";
import { badInput } from "../../common/errors";
import { andThen } from "../../common/loaders";
import { DEFAULT_UNIT, MoneyUnit } from "../../common/money-unit";
import { AFTER_DESCRIPTION, MAX_PAGE, PageArgs, firstDescription, toConnection, toPage } from "../../common/relay";
import type { Context } from "../../context";
import { BudgetUnit, Department } from "../department/department.type";
import { EconomicCode } from "../economic-code/economic-code.type";
import { toEconomicCode } from "../economic-code/economic-code.service";
import { SubjectCode } from "../subject-code/subject-code.type";
import { toSubjectCode } from "../subject-code/subject-code.service";
import { UnknownFilterValues } from "./analytics.service";
import {
  ExpenditureChange,
  ExpenditureChangeConnection,
  ExpenditureDimension as D,
  ExpenditureFilter,
  ExpenditureGroup,
  ExpenditureGroupConnection,
  ExpenditureMeasure,
  ExpenditureOrder,
  type GroupKeys,
  SortDirection,
} from "./analytics.type";
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

/**
 * How many groups the deprecated `expenditure` list answers when `first` is omitted or null: it
 * always answered up to MAX_PAGE, and keeps doing so. Declared once, as the schema default of its
 * `first`, which the resolver (toPage) and the cost estimator both read.
 */
const EXPENDITURE_LIST_PAGE = MAX_PAGE;
const BY_KEY: ExpenditureOrder = { by: ExpenditureMeasure.KEY, direction: SortDirection.ASC };

const UnitArg = () => Arg("unit", () => MoneyUnit, { defaultValue: DEFAULT_UNIT, description: "Unit of the amounts (default 万元)." });
const FilterArg = () => Arg("filter", () => ExpenditureFilter, { nullable: true, description: "Which lines to add up." });
const GroupByArg = () => Arg("groupBy", () => [D], { description: "分组维度 dimensions to group by, coarsest first (empty: the grand total)." });
const RollupArg = () => Arg("rollup", () => Boolean, { defaultValue: false, description: "小计 add subtotal rows for every level of groupBy and a grand total." });
const OrderByArg = () => Arg("orderBy", () => ExpenditureOrder, { nullable: true, description: "排序 order of groups (with rollup: of siblings); default by keys." });
const BaseYearArg = () => Arg("baseYear", () => Int, { description: "基期 the year to compare from." });
const TargetYearArg = () => Arg("targetYear", () => Int, { description: "目标期 the year to compare to." });

const GROUPS =
  "支出汇总 Expenditure of budgets in force, grouped by the given dimensions in one SQL statement. Unknown departments or codes in the filter are an error; a year without data gives no groups.";
const CHANGE = "年度对比 The same grouping in a base and a target year side by side, with change and rate (one SQL statement).";

@Resolver()
export class AnalyticsResolver {
  @Query(() => [ExpenditureGroup], {
    description: `${GROUPS} With rollup, subtotal rows for every prefix of groupBy come first in each branch (children add up exactly to their parent). A list of at most ${MAX_PAGE} groups a call; each group's cursor continues it.`,
    deprecationReason: `Use expenditureGroups: the same groups as a Relay connection, with totalCount and pageInfo. This list still answers up to ${EXPENDITURE_LIST_PAGE} groups when first is omitted.`,
  })
  async expenditure(
    @FilterArg() filter: ExpenditureFilter | undefined,
    @GroupByArg() groupBy: D[],
    @UnitArg() unit: MoneyUnit,
    @RollupArg() rollup: boolean,
    @OrderByArg() orderBy: ExpenditureOrder | undefined,
    @Arg("first", () => Int, { nullable: true, defaultValue: EXPENDITURE_LIST_PAGE, description: firstDescription(EXPENDITURE_LIST_PAGE, "groups") }) first: number | null,
    @Arg("after", () => String, { nullable: true, description: AFTER_DESCRIPTION }) after: string | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const page = toPage({ first, after }, info);
    const found = await asUserError(() => ctx.services.analytics.expenditure(filter ?? {}, groupBy, { rollup, order: orderBy ?? BY_KEY, page, unit }));
    primeDepartments(ctx, found.rows);
    return found.rows.slice(0, page.limit);
  }

  @Query(() => ExpenditureGroupConnection, {
    description: `${GROUPS} A connection: flat groups in the requested order; with rollup, one sequence — the grand total, then each branch depth first, every subtotal before its children (children add up exactly to their parent) — paged in that order, and totalCount counts every row of it, subtotals included.`,
  })
  async expenditureGroups(
    @FilterArg() filter: ExpenditureFilter | undefined,
    @GroupByArg() groupBy: D[],
    @UnitArg() unit: MoneyUnit,
    @RollupArg() rollup: boolean,
    @OrderByArg() orderBy: ExpenditureOrder | undefined,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const page = toPage(args, info);
    const found = await asUserError(() => ctx.services.analytics.expenditure(filter ?? {}, groupBy, { rollup, order: orderBy ?? BY_KEY, page, unit }));
    primeDepartments(ctx, found.rows);
    return toConnection(found.rows, page, found.count);
  }

  @Query(() => [ExpenditureChange], {
    description: `${CHANGE} Every group in one list.`,
    deprecationReason: "Use expenditureChanges: the same comparison as a Relay connection, with totalCount and pageInfo.",
  })
  async expenditureChange(
    @FilterArg() filter: ExpenditureFilter | undefined,
    @GroupByArg() groupBy: D[],
    @BaseYearArg() baseYear: number,
    @TargetYearArg() targetYear: number,
    @UnitArg() unit: MoneyUnit,
    @Ctx() ctx: Context,
  ) {
    const found = await asUserError(() => ctx.services.analytics.change(filter ?? {}, groupBy, { base: baseYear, target: targetYear }, unit));
    primeDepartments(ctx, found.rows);
    return found.rows;
  }

  @Query(() => ExpenditureChangeConnection, { description: `${CHANGE} A connection, groups in key order.` })
  async expenditureChanges(
    @FilterArg() filter: ExpenditureFilter | undefined,
    @GroupByArg() groupBy: D[],
    @BaseYearArg() baseYear: number,
    @TargetYearArg() targetYear: number,
    @UnitArg() unit: MoneyUnit,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const page = toPage(args, info);
    const found = await asUserError(() => ctx.services.analytics.change(filter ?? {}, groupBy, { base: baseYear, target: targetYear }, unit, page));
    primeDepartments(ctx, found.rows);
    return toConnection(found.rows, page, found.count);
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
