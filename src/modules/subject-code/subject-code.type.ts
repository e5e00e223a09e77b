import { Field, Int, ObjectType, registerEnumType } from "type-graphql";

export enum SubjectLevel {
  CLASS = "CLASS",
  SECTION = "SECTION",
  ITEM = "ITEM",
}
registerEnumType(SubjectLevel, {
  name: "SubjectLevel",
  description: "科目级次 Level of a functional classification code.",
  valuesConfig: { CLASS: { description: "类 (3 digits, e.g. 208)" }, SECTION: { description: "款 (5 digits, e.g. 20801)" }, ITEM: { description: "项 (7 digits, e.g. 2080101)" } },
});

@ObjectType({ simpleResolvers: true, description: "支出功能分类科目 Functional classification code (类/款/项), named as of a year." })
export class SubjectCode {
  parentCode: string | null;

  @Field(() => String, { description: "科目编码 code without spaces: \"208\", \"20801\", \"2080101\"." })
  code: string;

  @Field(() => SubjectLevel, { description: "级次 类, 款 or 项." })
  level: SubjectLevel;

  @Field(() => String, { nullable: true, description: "科目名称 name in `year`'s code list (a document's own printing wins for its year); null if no list names it." })
  name: string | null;

  @Field(() => Int, { nullable: true, description: "The year the name is taken from (the requested year, or the latest known)." })
  year: number | null;
}
