import { Field, Int, ObjectType } from "type-graphql";
import { DecimalScalar } from "../../common/decimal.scalar";
import { UnitArg } from "../../common/money-field";
import { type MoneyUnit, PrintedUnit, money } from "../../common/money-unit";

@ObjectType({ simpleResolvers: true, description: "公布数 A figure the document printed outside the fact lines (a total, a subtotal, a stated budget), with where." })
export class PublishedFigure {
  budgetId: number;
  amountFen: bigint;

  @Field(() => String, { description: "表 the table that printed it (OVERVIEW, EXPENDITURE, GENERAL_EXPENDITURE, FISCAL_OVERVIEW, BASIC_ECONOMIC, PROJECTS, PROJECT_PERFORMANCE, DEPT_PERFORMANCE)." })
  table: string;

  @Field(() => String, { description: "行 the row as printed, e.g. \"2080101 行政运行\" or \"合计\"." })
  row: string;

  @Field(() => String, { description: "列 the column, e.g. \"合计\", \"基本支出小计\"." })
  column: string;

  @Field(() => String, { nullable: true, description: "科目编码 the 项 code of a subject row." })
  subjectCode: string | null;

  @Field(() => Int, { nullable: true, description: "行号 line of the source document, for a document in the text form (see location for any form)." })
  line: number | null;

  @Field(() => String, { nullable: true, description: "位置 where the figure is printed, in the file's own terms: \"a.txt:12\", \"a.pdf page 3 line 4\", \"a.xlsx 部门收支总体情况表!B7\"." })
  location: string | null;

  @Field(() => DecimalScalar, { description: "金额 the figure as printed." })
  amount(@UnitArg() unit: MoneyUnit): string {
    return money(this.amountFen, unit);
  }
}


@ObjectType({ simpleResolvers: true, description: "表格 One of the document's standard tables: listed in its contents, present, and how many data rows it had." })
export class DocumentTable {
  @Field(() => String, { description: "表的种类 kind, e.g. EXPENDITURE (部门支出总体情况表)." })
  kind: string;

  @Field(() => String, { description: "表名 title as printed (or as listed, for a missing table)." })
  title: string;

  @Field(() => Boolean, { description: "目录列示 whether the contents list it." })
  listed: boolean;

  @Field(() => Boolean, { description: "是否存在 whether the document contains it." })
  present: boolean;

  @Field(() => Int, { description: "数据行数 rows with figures (0 for a table with only its header)." })
  rowCount: number;

  @Field(() => Int, { nullable: true, description: "行号 line of its heading (or contents entry), for a document in the text form." })
  line: number | null;

  @Field(() => String, { nullable: true, description: "位置 where its title is printed, in the file's own terms (line, page and line, or sheet and cell)." })
  location: string | null;

  @Field(() => PrintedUnit, { nullable: true, description: "金额单位 the unit the table printed (单位：元 / 千元 / 万元); null where it printed none and was read in the document's." })
  printedUnit: PrintedUnit | null;
}

@ObjectType({ simpleResolvers: true, description: "文字部分 Narrative text kept as printed: 主要职责, 单位构成, 年度履职目标, 年度主要任务 …" })
export class DocumentText {
  budgetId: number;

  @Field(() => String, { description: "种类 DUTY (主要职责), DIVISIONS (单位构成), GOALS (年度履职目标), TASK (年度主要任务), SPECIAL_TRANSFERS (专项转移支付)." })
  kind: string;

  @Field(() => Int, { description: "顺序 position among texts of its kind." })
  position: number;

  @Field(() => String, { nullable: true, description: "标题 e.g. a task's name." })
  title: string | null;

  @Field(() => String, { description: "正文 the text." })
  body: string;
}
