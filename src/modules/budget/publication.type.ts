import { Field, InputType, Int, ObjectType } from "type-graphql";
import { UserError } from "../document/import.type";
import { BudgetStage, DepartmentBudget } from "./budget.type";

@InputType({ description: "发布/撤回 Which department-year-stage to publish or withdraw." })
export class PublicationInput {
  @Field(() => String, { description: "部门编码 department code (\"007\")." })
  departmentCode: string;

  @Field(() => Int, { description: "预算年度 fiscal year." })
  year: number;

  @Field(() => BudgetStage, { defaultValue: BudgetStage.BUDGET, description: "预算阶段 stage; BUDGET (年初预算) unless given." })
  stage: BudgetStage;
}

@ObjectType({ simpleResolvers: true, description: "发布结果 What publishing or withdrawing did." })
export class PublicationPayload {
  @Field(() => DepartmentBudget, {
    nullable: true,
    description: "部门预算 the version concerned: the one now published, or after a withdrawal the current one; null when the department-year-stage has no budget.",
  })
  budget: DepartmentBudget | null;

  @Field(() => [UserError], { description: "用户错误 why nothing changed (nothing to publish or withdraw, or no such department); empty when it was done." })
  userErrors: UserError[];
}
