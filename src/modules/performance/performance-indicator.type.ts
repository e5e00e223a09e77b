import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { enumOf, INDICATOR_CATEGORIES, type IndicatorCategoryCode } from "../../common/vocabulary";
import { DecimalScalar } from "../../common/decimal.scalar";

export const IndicatorCategory = enumOf(INDICATOR_CATEGORIES);
export type IndicatorCategory = IndicatorCategoryCode;
registerEnumType(IndicatorCategory, {
  name: "IndicatorCategory",
  description: "绩效指标类别 Category of a project's performance indicator.",
  valuesConfig: {
    COST: { description: "成本指标 cost" },
    OUTPUT: { description: "产出指标 output" },
    BENEFIT: { description: "效益指标 benefit" },
    SATISFACTION: { description: "满意度指标 satisfaction" },
  },
});

export enum IndicatorScope {
  PROJECT = "PROJECT",
  DEPARTMENT = "DEPARTMENT",
}
registerEnumType(IndicatorScope, {
  name: "IndicatorScope",
  description: "What an indicator belongs to.",
  valuesConfig: { PROJECT: { description: "项目绩效目标 a project's target" }, DEPARTMENT: { description: "部门整体绩效目标 the department-year's target" } },
});

@ObjectType({ simpleResolvers: true, description: "绩效指标 A performance indicator with its target, of a project or of a department-year." })
export class PerformanceIndicator {
  id: number;
  budgetId: number;
  departmentId: number;
  projectId: number | null;

  @Field(() => IndicatorScope, { description: "Whether it belongs to a project or to the department-year." })
  scope: IndicatorScope;

  @Field(() => Int, { description: "预算年度 fiscal year." })
  year: number;

  @Field(() => String, { description: "指标名称 (三级指标) indicator name." })
  name: string;

  @Field(() => String, { description: "指标值 the target as printed, e.g. \"≥90%\", \"及时\"." })
  target: string;

  @Field(() => String, { nullable: true, description: "比较符 parsed comparator: \">=\", \"<=\", \">\", \"<\" or \"=\"; null for a qualitative target." })
  comparator: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: "目标数值 parsed number, e.g. \"90\"." })
  value: string | null;

  @Field(() => String, { nullable: true, description: "计量单位 parsed unit, e.g. \"%\", \"次\", \"人次\"." })
  unit: string | null;

  @Field(() => IndicatorCategory, { nullable: true, description: "类别 成本/产出/效益/满意度 (project indicators)." })
  category: IndicatorCategory | null;

  @Field(() => String, { nullable: true, description: "一级指标 (department-level tree)." })
  level1: string | null;

  @Field(() => String, { nullable: true, description: "二级指标 (department-level tree)." })
  level2: string | null;

  @Field(() => String, { nullable: true, description: "指标值说明 explanation as printed." })
  explanation: string | null;
}
