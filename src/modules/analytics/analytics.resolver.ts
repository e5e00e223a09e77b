import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { badInput } from "../../common/errors";
import { DEFAULT_UNIT, MoneyUnit } from "../../common/money-unit";
import type { Context } from "../../context";
import { Department, BudgetUnit } from "../department/department.type";
import { SubjectCode } from "../subject-code/subject-code.type";
import { toSubjectCode } from "../subject-code/subject-code.service";
import { ExpenditureDimension, ExpenditureFilter, ExpenditureGroup } from "./analytics.type";

@Resolver(() => ExpenditureGroup)
export class AnalyticsResolver {
  @Query(() => [ExpenditureGroup], {
    description: "支出汇总 Functional expenditure of budgets in force, grouped by the given dimensions (empty groupBy: the grand total).",
  })
  async expenditure(
    @Arg("filter", () => ExpenditureFilter, { nullable: true, description: "Which lines to add up." }) filter: ExpenditureFilter | undefined,
    @Arg("groupBy", () => [ExpenditureDimension], { description: "分组维度 dimensions to group by." }) groupBy: ExpenditureDimension[],
    @Arg("unit", () => MoneyUnit, { defaultValue: DEFAULT_UNIT, description: "Default unit of the groups' amounts." }) unit: MoneyUnit,
    @Ctx() ctx: Context,
  ) {
    try {
      const groups = await ctx.services.analytics.expenditure(filter ?? {}, groupBy);
      return groups.map((g) => Object.assign(g, { defaultUnit: unit }));
    } catch (err) {
      if (err instanceof RangeError) throw badInput(err.message, "groupBy");
      throw err;
    }
  }

  @FieldResolver(() => Department, { nullable: true, description: "部门 (grouped by DEPARTMENT)." })
  department(@Root() g: ExpenditureGroup, @Ctx() ctx: Context) {
    return g.departmentCode === null ? null : ctx.loaders.departmentByCode.load(g.departmentCode);
  }

  @FieldResolver(() => BudgetUnit, { nullable: true, description: "预算单位 (grouped by BUDGET_UNIT)." })
  budgetUnit(@Root() g: ExpenditureGroup, @Ctx() ctx: Context) {
    return g.unitId === null ? null : ctx.loaders.unit.load(g.unitId);
  }

  @FieldResolver(() => SubjectCode, { nullable: true, description: "科目 (grouped by a SUBJECT_ level), named as of the group's year." })
  async subjectCode(@Root() g: ExpenditureGroup, @Ctx() ctx: Context) {
    if (g.subject === null) return null;
    const e = await ctx.loaders.subjectCode.load(g.subject);
    return e && toSubjectCode(e, g.year);
  }
}
