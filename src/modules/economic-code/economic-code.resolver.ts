import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { DecimalScalar } from "../../common/decimal.scalar";
import { UnitArg } from "../../common/money-field";
import { type MoneyUnit, money } from "../../common/money-unit";
import type { Context } from "../../context";
import { toEconomicCode } from "./economic-code.service";
import { EconomicCode, EconomicLevel, EconomicScheme } from "./economic-code.type";
import { andThen } from "../../common/loaders";
import { BudgetStage, StageArg } from "../budget/budget.type";

/** How a year picks names, said once for both queries. */
const NAME_YEAR =
  "预算年度 the year to name codes as of: that year's own code list or document printing if it has one, else the nearest earlier year's, else the earliest; omitted, the latest. The code's `year` says which year the name is from. Also the default year of `expenditure`.";

@Resolver(() => EconomicCode)
export class EconomicCodeResolver {
  @Query(() => EconomicCode, { nullable: true, description: "经济分类科目 One economic code (\"30101\" 部门预算, \"50101\" 政府预算), named as of `year`; null if unknown." })
  economicCode(
    @Arg("code", () => String, { description: "科目编码 code." }) code: string,
    @Arg("year", () => Int, { nullable: true, description: NAME_YEAR }) year: number | undefined,
    @Ctx() ctx: Context,
  ) {
    return andThen(ctx.loaders.economicCode.get(code.trim()), (e) => e && toEconomicCode(e, year ?? null));
  }

  @Query(() => [EconomicCode], { description: "经济分类科目表 Codes of one scheme, optionally of a level or under a parent." })
  async economicCodes(
    @Arg("scheme", () => EconomicScheme, { description: "体系 which scheme." }) scheme: EconomicScheme,
    @Arg("level", () => EconomicLevel, { nullable: true, description: "级次 only this level." }) level: EconomicLevel | undefined,
    @Arg("parentCode", () => String, { nullable: true, description: "上级科目 only children of this code." }) parentCode: string | undefined,
    @Arg("year", () => Int, { nullable: true, description: NAME_YEAR }) year: number | undefined,
    @Ctx() ctx: Context,
  ) {
    const entries = await ctx.services.economicCodes.list(scheme, level ?? null, parentCode ?? null);
    return entries.map((e) => toEconomicCode(e, year ?? null));
  }

  @FieldResolver(() => EconomicCode, { nullable: true, description: "上级科目 the parent 类 of a 款, named as of the same year." })
  parent(@Root() c: EconomicCode, @Ctx() ctx: Context) {
    if (c.parentCode === null) return null;
    return andThen(ctx.loaders.economicCode.get(c.parentCode), (e) => e && toEconomicCode(e, c.asOf));
  }

  @FieldResolver(() => [EconomicCode], { description: "下级科目 the 款 of a 类, named as of the same year." })
  async children(@Root() c: EconomicCode, @Ctx() ctx: Context) {
    return (await ctx.loaders.economicChildren.load(c.code)).map((e) => toEconomicCode(e, c.asOf));
  }

  @FieldResolver(() => [EconomicCode], {
    description: "对应科目 The crosswalk: codes of the other scheme that published rows pair with this one (at the same level).",
  })
  async crosswalk(@Root() c: EconomicCode, @Ctx() ctx: Context) {
    const codes = await ctx.loaders.economicPairs.load(c.code);
    const entries = await ctx.loaders.economicCode.loadMany(codes);
    return entries.filter((e) => e && !(e instanceof Error)).map((e) => toEconomicCode(e as never, c.asOf));
  }

  @FieldResolver(() => DecimalScalar, {
    description:
      "基本支出 Basic expenditure under this code in budgets in force of one stage (default 年初预算), rolled up over its children: the basic-expenditure table's rows (口径 CELLS). Year defaults to the year the code is named for (asked, or its parent's, line's or group's); with none, all years.",
  })
  async expenditure(
    @Root() c: EconomicCode,
    @Arg("year", () => Int, { nullable: true, description: "预算年度 only this year." }) year: number | undefined,
    @Arg("departmentCodes", () => [String], { nullable: true, description: "部门编码 only these departments." }) departmentCodes: string[] | undefined,
    @UnitArg() unit: MoneyUnit,
    @StageArg() stage: BudgetStage,
    @Ctx() ctx: Context,
  ) {
    const fen = await ctx.loaders.economicExpenditure.load({
      code: c.code,
      year: year ?? c.asOf,
      departmentCodes: departmentCodes ? [...departmentCodes].sort() : null,
      stage,
    });
    return money(fen, unit);
  }
}
