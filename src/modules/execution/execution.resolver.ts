import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import { andThen } from "../../common/loaders";
import { PageArgs, toConnection, toPage } from "../../common/relay";
import type { Context } from "../../context";
import { BudgetStage, DepartmentBudget } from "../budget/budget.type";
import { Department } from "../department/department.type";
import { SubjectCode } from "../subject-code/subject-code.type";
import { toSubjectCode } from "../subject-code/subject-code.service";
import { BudgetExecution, ExecutionDimension, ExecutionFilter, ExecutionGroup, ExecutionGroupConnection, ExecutionLine } from "./execution.type";

@Resolver(() => DepartmentBudget)
export class BudgetExecutionResolver {
  @FieldResolver(() => BudgetExecution, {
    nullable: true,
    description:
      "预算执行 what was spent against the year-begin budget, in total, by 项 and for “三公”: a 决算's own; for a 预算, that of the current 决算 of its year. Null where there is no 决算 of the year, and for an 调整预算.",
  })
  execution(@Root() b: DepartmentBudget, @Ctx() ctx: Context) {
    return b.stage === BudgetStage.FINAL || b.stage === BudgetStage.BUDGET ? ctx.loaders.execution.get(b.id) : null;
  }
}

@Resolver(() => ExecutionLine)
export class ExecutionLineResolver {
  @FieldResolver(() => SubjectCode, { nullable: true, description: "科目 the 项." })
  subjectCode(@Root() l: ExecutionLine, @Ctx() ctx: Context) {
    return andThen(ctx.loaders.subjectCode.get(l.subject), (e) => e && toSubjectCode(e, l.year));
  }
}

@Resolver(() => ExecutionGroup)
export class ExecutionGroupResolver {
  @Query(() => ExecutionGroupConnection, { description: "预算执行 Spending of current 决算s against their year-begin budgets, grouped by year, department and 类/款/项; each group's rate is final ÷ budgeted." })
  execution(
    @Arg("groupBy", () => [ExecutionDimension], { description: "分组 the dimensions, in key order (none: one group for everything)." }) groupBy: ExecutionDimension[],
    @Arg("filter", () => ExecutionFilter, { nullable: true, description: "筛选 which 决算s and lines." }) filter: ExecutionFilter | undefined,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const page = toPage(args, info);
    return ctx.services.execution.groups(filter ?? {}, groupBy, page).then((found) => toConnection(found.rows, page, found.count));
  }

  @FieldResolver(() => Department, { nullable: true, description: "部门 the department, when grouped by DEPARTMENT." })
  department(@Root() g: ExecutionGroup, @Ctx() ctx: Context) {
    return g.departmentId === null ? null : ctx.loaders.department.get(g.departmentId);
  }

  @FieldResolver(() => SubjectCode, { nullable: true, description: "科目 the 类, 款 or 项, when grouped by one." })
  subjectCode(@Root() g: ExecutionGroup, @Ctx() ctx: Context) {
    return g.subject === null ? null : andThen(ctx.loaders.subjectCode.get(g.subject), (e) => e && toSubjectCode(e, g.year));
  }
}
