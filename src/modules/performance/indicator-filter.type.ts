import { Field, InputType, Int } from "type-graphql";
import { DecimalScalar } from "../../common/decimal.scalar";
import { Connection } from "../../common/relay";
import { IndicatorCategory, IndicatorScope, PerformanceIndicator } from "./performance-indicator.type";

@InputType({ description: "Which performance indicators to list (budgets in force only)." })
export class IndicatorFilter {
  @Field(() => [Int], { nullable: true, description: "预算年度 only these years." })
  years?: number[];

  @Field(() => [String], { nullable: true, description: "部门编码 only these departments." })
  departmentCodes?: string[];

  @Field(() => [String], { nullable: true, description: "项目编码 only indicators of these projects." })
  projectCodes?: string[];

  @Field(() => IndicatorScope, { nullable: true, description: "PROJECT or DEPARTMENT indicators only." })
  scope?: IndicatorScope;

  @Field(() => [IndicatorCategory], { nullable: true, description: "类别 only these categories (成本/产出/效益/满意度)." })
  categories?: IndicatorCategory[];

  @Field(() => String, { nullable: true, description: "一级指标 only this level-1 name (department-level tree)." })
  level1?: string;

  @Field(() => String, { nullable: true, description: "二级指标 only this level-2 name." })
  level2?: string;

  @Field(() => [String], { nullable: true, description: "比较符 only these parsed comparators (\">=\", \"<=\", \"=\" …)." })
  comparators?: string[];

  @Field(() => DecimalScalar, { nullable: true, description: "目标值低于 only numeric targets below this value (e.g. \"90\" with unit \"%\")." })
  valueBelow?: string;

  @Field(() => DecimalScalar, { nullable: true, description: "目标值不低于 only numeric targets at or above this value." })
  valueAtLeast?: string;

  @Field(() => String, { nullable: true, description: "单位 only targets in this unit (\"%\", \"人次\" …)." })
  unit?: string;

  @Field(() => Boolean, { nullable: true, description: "true: only numeric targets; false: only qualitative ones (及时, 良好 …)." })
  numeric?: boolean;

  @Field(() => String, { nullable: true, description: "名称包含 only indicators whose name contains this text (e.g. 满意)." })
  nameContains?: string;
}

export const PerformanceIndicatorConnection = Connection(PerformanceIndicator, "PerformanceIndicator", "performance indicator");
