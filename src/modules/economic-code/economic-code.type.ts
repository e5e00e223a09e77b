import { Field, Int, ObjectType, registerEnumType } from "type-graphql";

export enum EconomicScheme {
  DEPARTMENT = "DEPT",
  GOVERNMENT = "GOV",
}
registerEnumType(EconomicScheme, {
  name: "EconomicScheme",
  description: "经济分类体系 Which economic classification a code belongs to.",
  valuesConfig: { DEPARTMENT: { description: "部门预算支出经济分类 (301, 30101 …)" }, GOVERNMENT: { description: "政府预算支出经济分类 (501, 50101 …)" } },
});

export enum EconomicLevel {
  CLASS = "CLASS",
  ITEM = "ITEM",
}
registerEnumType(EconomicLevel, {
  name: "EconomicLevel",
  description: "级次 Level of an economic code.",
  valuesConfig: { CLASS: { description: "类 (3 digits, e.g. 301)" }, ITEM: { description: "款 (5 digits, e.g. 30101)" } },
});

@ObjectType({
  simpleResolvers: true,
  description:
    "支出经济分类科目 Economic classification code in one of the two schemes, named as of a year: by that year's own code list or document printing if it has one, else the nearest earlier year's, else the earliest (the latest when no year is asked); `year` says which year the name is from.",
})
export class EconomicCode {
  parentCode: string | null;
  /** The year names are chosen for (asked, or the parent's, line's or group's); related codes are named for it too, and expenditure defaults to it. */
  asOf: number | null;

  @Field(() => String, { description: "科目编码 code, e.g. \"30101\" or \"50101\"." })
  code: string;

  @Field(() => EconomicScheme, { description: "体系 部门预算 or 政府预算 scheme." })
  scheme: EconomicScheme;

  @Field(() => EconomicLevel, { description: "级次 类 or 款." })
  level: EconomicLevel;

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

/** 3xx codes are 部门预算经济分类, 5xx codes 政府预算经济分类. */
export function schemeOf(code: string): EconomicScheme {
  return code.startsWith("5") ? EconomicScheme.GOVERNMENT : EconomicScheme.DEPARTMENT;
}
