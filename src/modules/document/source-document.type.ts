import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ simpleResolvers: true, description: "来源文件 The document a budget's figures were imported from." })
export class SourceDocument {
  id: number;

  @Field(() => String, { description: "文件名 file name as received." })
  fileName: string;

  @Field(() => String, { description: "SHA-256 of the document's bytes." })
  checksum: string;

  @Field(() => String, { description: "How it was written: DISCLOSURE_TEXT (公开文本), DISCLOSURE_PDF, DISCLOSURE_XLSX or BUNDLE (structured JSON)." })
  format: string;

  @Field(() => Int, { description: "Size in bytes." })
  byteSize: number;

  @Field(() => String, { description: "导入时间 when it was imported (ISO 8601, UTC)." })
  importedAt: string;
}
