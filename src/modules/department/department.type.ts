import { Field, ObjectType } from "type-graphql";
import { Connection } from "../../common/relay";

@ObjectType({ simpleResolvers: true, description: "部门 Department: one tenant of the platform, e.g. 人力资源局 (007)." })
export class Department {
  id: number;

  @Field(() => String, { description: "部门编码 department code, e.g. \"007\"." })
  code: string;

  @Field(() => String, { description: "部门全称 full name as the disclosures print it." })
  name: string;

  @Field(() => String, { description: "部门简称 short name, e.g. 人力资源局." })
  shortName: string;

  @Field(() => String, { description: "行政区划代码 administrative division of the zone, e.g. \"410191\"." })
  regionCode: string;
}

@ObjectType({ simpleResolvers: true, description: "预算单位 Budget unit: the department's own office (本级) or a subordinate unit (所属单位)." })
export class BudgetUnit {
  id: number;
  departmentId: number;

  @Field(() => String, { description: "单位编码 unit code, e.g. \"007001\"." })
  code: string;

  @Field(() => String, { description: "单位名称 unit name." })
  name: string;

  @Field(() => Boolean, { description: "本级: true for the department's own office, false for a 所属单位." })
  isSelf: boolean;
}

export const DepartmentConnection = Connection(Department, "Department", "department");
export type DepartmentConnection = InstanceType<typeof DepartmentConnection>;
