import { Field, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { enumOf, PROJECT_CATEGORIES, type ProjectCategoryCode } from "../../common/vocabulary";
import { DecimalScalar } from "../../common/decimal.scalar";
import { UnitArg } from "../../common/money-field";
import { type MoneyUnit, money } from "../../common/money-unit";
import { Connection } from "../../common/relay";

export const ProjectCategory = enumOf(PROJECT_CATEGORIES);
export type ProjectCategory = ProjectCategoryCode;
registerEnumType(ProjectCategory, {
  name: "ProjectCategory",
  description: "项目类型 Project category.",
  valuesConfig: { OPERATING: { description: "其他运转类 recurring operations" }, SPECIFIC: { description: "特定目标类 specific objectives" } },
});

@ObjectType({ simpleResolvers: true, description: "项目别名 Another code or name under which a table of the same document printed the project." })
export class ProjectAlias {
  @Field(() => String, { nullable: true, description: "项目编码 the code printed there." })
  code: string | null;

  @Field(() => String, { description: "项目名称 the name printed there." })
  name: string;

  @Field(() => String, { description: "出处 which table (and listing) printed it." })
  source: string;
}

@ObjectType({ simpleResolvers: true, description: "项目 A budget project of one department and year, with its amounts and performance targets." })
export class Project {
  id: number;
  budgetId: number;
  departmentId: number;
  subject: string | null;
  amountFen: bigint;

  @Field(() => String, { nullable: true, description: "项目编码 21-digit code (410191 + year + serial), where a table printed one." })
  code: string | null;

  @Field(() => String, { description: "项目名称 project name as the project table prints it." })
  name: string;

  @Field(() => Int, { description: "预算年度 fiscal year." })
  year: number;

  @Field(() => ProjectCategory, { description: "项目类型 category." })
  category: ProjectCategory;

  @Field(() => DecimalScalar, { description: "项目金额 total of the project's lines across funding sources." })
  amount(@UnitArg() unit: MoneyUnit): string {
    return money(this.amountFen, unit);
  }
}

export const ProjectConnection = Connection(Project, "Project", "project");
export type ProjectConnection = InstanceType<typeof ProjectConnection>;

export enum ProjectOrderField {
  POSITION = "POSITION",
  AMOUNT = "AMOUNT",
}
registerEnumType(ProjectOrderField, {
  name: "ProjectOrderField",
  description: "项目排序 What to order projects by.",
  valuesConfig: { POSITION: { description: "year, department, then the order the project table lists them" }, AMOUNT: { description: "项目金额 the project's total" } },
});

@InputType({ description: "项目排序 How to order projects; ties fall back to year, department and table order, so pages are stable." })
export class ProjectOrder {
  @Field(() => ProjectOrderField, { defaultValue: ProjectOrderField.POSITION, description: "依据 what to order by." })
  by: ProjectOrderField;

  @Field(() => Boolean, { defaultValue: false, description: "降序 largest first." })
  descending: boolean;
}

@InputType({ description: "Which projects to list." })
export class ProjectFilter {
  @Field(() => [Int], { nullable: true, description: "预算年度 only these years." })
  years?: number[];

  @Field(() => [String], { nullable: true, description: "部门编码 only these departments." })
  departmentCodes?: string[];

  @Field(() => [String], { nullable: true, description: "项目编码 only these project codes (also matches codes printed as aliases)." })
  codes?: string[];

  @Field(() => String, { nullable: true, description: "名称包含 only projects whose name contains this text." })
  nameContains?: string;

  @Field(() => ProjectCategory, { nullable: true, description: "项目类型 only this category." })
  category?: ProjectCategory;
}
