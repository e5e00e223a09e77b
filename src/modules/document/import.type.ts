import { Field, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { DepartmentBudget } from "../budget/budget.type";
import { Discrepancy } from "../budget/discrepancy.type";

export enum DocumentFormat {
  DISCLOSURE_TEXT = "DISCLOSURE_TEXT",
  DISCLOSURE_PDF = "DISCLOSURE_PDF",
  DISCLOSURE_XLSX = "DISCLOSURE_XLSX",
  BUNDLE = "BUNDLE",
}
registerEnumType(DocumentFormat, {
  name: "DocumentFormat",
  description: "文件格式 How a document is written.",
  valuesConfig: {
    DISCLOSURE_TEXT: { description: "部门预算公开文本: the disclosure as text (headings, narrative, tab-separated tables)" },
    DISCLOSURE_PDF: { description: "PDF原件: the disclosure as the department published it, read from its text layer" },
    DISCLOSURE_XLSX: { description: "XLSX表格: the disclosure's tables (and narrative) as a spreadsheet, as the budget system exports them" },
    BUNDLE: { description: "结构化数据包: the JSON bundle format (schema/bundle.schema.json)" },
  },
});

@InputType({ description: "导入 A document to import: its bytes as content (base64), or its text as document; exactly one of the two." })
export class ImportDisclosureInput {
  @Field(() => String, { nullable: true, description: "文件文本 the document's text (UTF-8): a disclosure in the text form, or a bundle's JSON. Give this or content, not both." })
  document?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "文件内容 the file's bytes in base64 (RFC 4648: standard alphabet, padded, on one line): a PDF (with its text layer), an XLSX, a text disclosure or a bundle, at most 50 MB once decoded. The format is read from the bytes. Give this or document, not both.",
  })
  content?: string | null;

  @Field(() => String, { description: "文件名 the file name, kept as provenance and named in messages (the format is read from the bytes, not the name)." })
  fileName: string;

  @Field(() => Boolean, { defaultValue: false, description: "只校验 check only: report findings, write nothing." })
  dryRun: boolean;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "立即发布 publish the imported version at once (it replaces the published one in public view); otherwise it is a DRAFT until publishBudget. Finance bureau only (FINANCE or ADMIN).",
  })
  publish: boolean;
}

@ObjectType({ simpleResolvers: true, description: "用户错误 Why the input was refused, and where." })
export class UserError {
  @Field(() => String, { description: "说明 what is wrong, naming the file and line or field." })
  message: string;

  @Field(() => [String], { nullable: true, description: "字段 path of the input field (or bundle field) at fault." })
  field: string[] | null;

  @Field(() => Int, { nullable: true, description: "行号 line of a text document at fault." })
  line: number | null;

  @Field(() => String, {
    nullable: true,
    description: "位置 where in the file, in its own terms: \"a.pdf page 3 line 4\", \"a.xlsx 部门支出总体情况表!F9\", \"a.txt:12\", or a bundle's field (\"a.json#projects[2].code\"); null when the request itself is at fault.",
  })
  location: string | null;
}

@ObjectType({ simpleResolvers: true, description: "发现 An inconsistency found by a dry run (not stored)." })
export class Finding {
  @Field(() => String, { description: "规则 rule id." })
  ruleId: string;

  @Field(() => String, { description: "等级 ROUNDING, MATERIAL, NAMING or STRUCTURE." })
  severity: string;

  @Field(() => String, { description: "说明 what is wrong." })
  message: string;

  @Field(() => String, { description: "位置 document, table and row." })
  location: string;
}

@ObjectType({ simpleResolvers: true, description: "导入结果 What an import did." })
export class ImportDisclosurePayload {
  @Field(() => DepartmentBudget, { nullable: true, description: "部门预算 the imported version, now current: a DRAFT unless publish was asked (null on error or dry run)." })
  budget: DepartmentBudget | null;

  @Field(() => DocumentFormat, { nullable: true, description: "文件格式 how the document was read, detected from its bytes; on a refusal, what it was recognised as (null when it was not)." })
  format: DocumentFormat | null;

  @Field(() => Boolean, { description: "未变化 the same document had been imported before: nothing was written." })
  unchanged: boolean;

  @Field(() => [Discrepancy], { description: "勾稽差异 the stored budget's inconsistencies." })
  discrepancies: Discrepancy[];

  @Field(() => [Finding], { description: "发现 inconsistencies found by a dry run." })
  findings: Finding[];

  @Field(() => [UserError], { description: "用户错误 why the document was refused; empty on success." })
  userErrors: UserError[];
}
