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

@ObjectType({
  simpleResolvers: true,
  description:
    "支出功能分类科目 Functional classification code (类/款/项), named as of a year: by that year's own code list or document printing if it has one, else the nearest earlier year's, else the earliest (the latest when no year is asked); `year` says which year the name is from.",
})
export class SubjectCode {
  parentCode: string | null;
  /** The year names are chosen for (asked, or the parent's, line's, project's or group's); children and parents are named for it too, and expenditure defaults to it. */
  asOf: number | null;

  @Field(() => String, { description: "科目编码 code without spaces: \"208\", \"20801\", \"2080101\"." })
  code: string;

  @Field(() => SubjectLevel, { description: "级次 类, 款 or 项." })
  level: SubjectLevel;

  @Field(() => String, {
    nullable: true,
    description:
      "科目名称 the name as of the year asked for: that year's own code list or document printing if it has one (a published document's printing wins for its year; a draft's waits until it is published), else the nearest earlier year's, else the earliest; with no year, the latest. Null if no list or document names it.",
  })
  name: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "名称年度 the year of the code list or document the name really comes from — not necessarily the year asked for: a year without a list of its own is named from the nearest list (e.g. 2022 from the 2023 list, year 2023). Null when no name is known.",
  })
  year: number | null;
}
