import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../context";
import { BudgetUnit } from "../department/department.type";
import { EconomicCode } from "../economic-code/economic-code.type";
import { toEconomicCode } from "../economic-code/economic-code.service";
import { SubjectCode } from "../subject-code/subject-code.type";
import { toSubjectCode } from "../subject-code/subject-code.service";
import { EconomicLine, SubjectLine } from "./lines.type";
import { andThen } from "../../common/loaders";

@Resolver(() => SubjectLine)
export class SubjectLineResolver {
  @FieldResolver(() => SubjectCode, { description: "科目 the 项 code, named as of the line's year." })
  subjectCode(@Root() l: SubjectLine, @Ctx() ctx: Context) {
    return andThen(ctx.loaders.subjectCode.get(l.subject), (e) => e && toSubjectCode(e, l.year));
  }

  @FieldResolver(() => BudgetUnit, { nullable: true, description: "预算单位 the budget unit, where the table names one." })
  unit(@Root() l: SubjectLine, @Ctx() ctx: Context) {
    return l.unitId === null ? null : ctx.loaders.unit.get(l.unitId);
  }
}

@Resolver(() => EconomicLine)
export class EconomicLineResolver {
  @FieldResolver(() => EconomicCode, { description: "部门预算经济分类 the department-scheme code (30101 …)." })
  deptEconomicCode(@Root() l: EconomicLine, @Ctx() ctx: Context) {
    return andThen(ctx.loaders.economicCode.get(l.deptCode), (e) => e && toEconomicCode(e, l.year));
  }

  @FieldResolver(() => EconomicCode, { description: "政府预算经济分类 the government-scheme code it is paired with (50101 …)." })
  govEconomicCode(@Root() l: EconomicLine, @Ctx() ctx: Context) {
    return andThen(ctx.loaders.economicCode.get(l.govCode), (e) => e && toEconomicCode(e, l.year));
  }

  @FieldResolver(() => BudgetUnit, { nullable: true, description: "预算单位 the budget unit, where the table names one." })
  unit(@Root() l: EconomicLine, @Ctx() ctx: Context) {
    return l.unitId === null ? null : ctx.loaders.unit.get(l.unitId);
  }
}
