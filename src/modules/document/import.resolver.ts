import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { Context } from "../../context";
import { ImportDisclosureInput, ImportDisclosurePayload } from "./import.type";

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportDisclosurePayload, { description: "导入 Import one disclosure (text) or bundle (JSON): one transaction; the same document twice is a no-op." })
  importDisclosure(@Arg("input", () => ImportDisclosureInput, { description: "the document." }) input: ImportDisclosureInput, @Ctx() ctx: Context) {
    return ctx.services.imports.importDisclosure(input);
  }
}
