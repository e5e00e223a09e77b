import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { DecimalScalar } from "../../common/decimal.scalar";
import { UnitArg } from "../../common/money-field";
import { type MoneyUnit, money } from "../../common/money-unit";
import type { Context } from "../../context";
import { toSubjectCode } from "./subject-code.service";
import { SubjectCode, SubjectLevel } from "./subject-code.type";
import { andThen } from "../../common/loaders";
import { BudgetStage, StageArg } from "../budget/budget.type";

const YearArg = (what: string) => Arg("year", () => Int, { nullable: true, description: what });
/** How a year picks names, said once for both queries. */
const NAME_YEAR =
  "预算年度 the year to name codes as of: that year's own code list or document printing if it has one, else the nearest earlier year's, else the earliest; omitted, the latest. The code's `year` says which year the name is from. Also the default year of `expenditure`.";

@Resolver(() => SubjectCode)
export class SubjectCodeResolver {
  @Query(() => SubjectCode, { nullable: true, description: "功能分类科目 One functional code (\"208\", \"20801\", \"2080101\"), named as of `year`; null if unknown." })
  subjectCode(
    @Arg("code", () => String, { description: "科目编码 code without spaces." }) code: string,
    @YearArg(NAME_YEAR) year: number | undefined,
    @Ctx() ctx: Context,
  ) {
    return andThen(ctx.loaders.subjectCode.get(code.replace(/\s+/g, "")), (e) => e && toSubjectCode(e, year ?? null));
  }

  @Query(() => [SubjectCode], { description: "功能分类科目表 Codes of a level, optionally under one parent, named as of `year`." })
  async subjectCodes(
    @Arg("level", () => SubjectLevel, { nullable: true, description: "级次 only this level." }) level: SubjectLevel | undefined,
    @Arg("parentCode", () => String, { nullable: true, description: "上级科目 only children of this code." }) parentCode: string | undefined,
    @YearArg(NAME_YEAR) year: number | undefined,
    @Ctx() ctx: Context,
  ) {
    const entries = await ctx.services.subjectCodes.list(level ?? null, parentCode ?? null);
    return entries.map((e) => toSubjectCode(e, year ?? null));
  }

  @FieldResolver(() => SubjectCode, { nullable: true, description: "上级科目 the parent (款 of a 项, 类 of a 款), named as of the same year." })
  parent(@Root() c: SubjectCode, @Ctx() ctx: Context) {
    if (c.parentCode === null) return null;
    return andThen(ctx.loaders.subjectCode.get(c.parentCode), (e) => e && toSubjectCode(e, c.asOf));
  }

  @FieldResolver(() => [SubjectCode], { description: "下级科目 the children, in code order, named as of the same year." })
  async children(@Root() c: SubjectCode, @Ctx() ctx: Context) {
    return (await ctx.loaders.subjectChildren.load(c.code)).map((e) => toSubjectCode(e, c.asOf));
  }

  @FieldResolver(() => DecimalScalar, {
    description:
      "支出 Expenditure under this code in budgets in force of one stage (default 年初预算): the printed 合计 of every subject table row (项) under it, added up (口径 ROW_TOTALS; a row that printed no total counts as the sum of its cells), so a parent is exactly the sum of its children. Year defaults to the year the code is named for (asked, or its parent's, child's, line's, project's or group's); with none, all years.",
  })
  async expenditure(
    @Root() c: SubjectCode,
    @YearArg("预算年度 only this year.") year: number | undefined,
    @Arg("departmentCodes", () => [String], { nullable: true, description: "部门编码 only these departments." }) departmentCodes: string[] | undefined,
    @UnitArg() unit: MoneyUnit,
    @StageArg() stage: BudgetStage,
    @Ctx() ctx: Context,
  ) {
    const fen = await ctx.loaders.subjectExpenditure.load({
      code: c.code,
      year: year ?? c.asOf,
      departmentCodes: departmentCodes ? [...departmentCodes].sort() : null,
      stage,
    });
    return money(fen, unit);
  }
}
