import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ simpleResolvers: true, description: "预算年度 A fiscal year the zone has budget data for." })
export class FiscalYear {
  @Field(() => Int, { description: "年度 the year, e.g. 2023." })
  year: number;
}
