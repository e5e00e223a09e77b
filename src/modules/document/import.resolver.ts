import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { Context } from "../../context";
import { ImportDisclosureInput, ImportDisclosurePayload } from "./import.type";

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportDisclosurePayload, { description: "导入 Import one disclosure (text, PDF or XLSX) or bundle (JSON), its format read from the bytes: one transaction; the same document twice is a no-op." })
  importDisclosure(@Arg("input", () => ImportDisclosureInput, { description: "导入内容 the file (content or document), its name, and whether to check only." }) input: ImportDisclosureInput, @Ctx() ctx: Context) {
    return ctx.services.imports.importDisclosure(input);
  }
}
