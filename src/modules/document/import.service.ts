import type { DataSource } from "typeorm";
import { checkBase64 } from "../../common/base64";
import type { Viewer } from "../../common/viewer";
import { oversizeProblem } from "../../ingest/front-ends/detect";
import { importDocument } from "../../ingest/import";
import type { BudgetModel } from "../../ingest/model";
import { recordAudit } from "../audit/audit.service";
import type { BudgetService } from "../budget/budget.service";
import type { BudgetStage } from "../budget/budget.type";
import type { PublicationService } from "../budget/publication.service";
import { DocumentFormat, type ImportDisclosureInput, ImportDisclosurePayload, type UserError } from "./import.type";

/** The API's door to the ingest pipeline: who may import, and the payload shape. Parsing stays in ingest. */
export class ImportService {
  constructor(
    private readonly ds: DataSource,
    private readonly viewer: Viewer,
    private readonly budgets: BudgetService,
    private readonly publication: PublicationService,
    private readonly requestId?: string,
  ) {}

  async importDisclosure(input: ImportDisclosureInput): Promise<ImportDisclosurePayload> {
    const payload: ImportDisclosurePayload = { budget: null, format: null, unchanged: false, discrepancies: [], findings: [], userErrors: [] };
    if (this.viewer.role === "PUBLIC") {
      payload.userErrors.push({ message: "importing needs a department's, the finance bureau's or an administrator's token (Authorization: Bearer …)", field: null, line: null, location: null });
      await recordAudit(this.ds, { action: input.dryRun ? "VALIDATE" : "IMPORT", target: input.fileName, outcome: "REFUSED", detail: "no token", viewer: this.viewer, requestId: this.requestId });
      return payload;
    }
    if (input.publish && this.viewer.role !== "ADMIN" && this.viewer.role !== "FINANCE") {
      payload.userErrors.push({ message: "publishing is for the finance bureau (role FINANCE or ADMIN): import without publish, as a draft", field: ["input", "publish"], line: null, location: null });
      await recordAudit(this.ds, { action: "IMPORT", target: input.fileName, outcome: "REFUSED", detail: `role ${this.viewer.role} may not publish`, viewer: this.viewer, requestId: this.requestId });
      return payload;
    }
    const file = this.fileOf(input);
    if ("refused" in file) {
      payload.userErrors.push(file.refused);
      await recordAudit(this.ds, { action: input.dryRun ? "VALIDATE" : "IMPORT", target: input.fileName, outcome: "REJECTED", detail: file.refused.message, viewer: this.viewer, requestId: this.requestId });
      return payload;
    }
    const outcome = await importDocument(this.ds, input.fileName, file.bytes, {
      actor: this.viewer.actor, viewer: this.viewer, requestId: this.requestId, dryRun: input.dryRun, refusal: await this.departmentRule(),
      status: input.publish ? "PUBLISHED" : "DRAFT",
    });
    if (!outcome.ok) {
      payload.format = outcome.rejection.format as DocumentFormat | null;
      payload.userErrors = outcome.rejection.problems.map((p) => ({ message: p.message, field: p.field ? ["input", file.field, p.field] : null, line: p.line, location: p.location }));
      return payload;
    }
    payload.format = outcome.format as DocumentFormat;
    if (!outcome.load) {
      payload.findings = outcome.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, location: f.location }));
      return payload;
    }
    payload.unchanged = outcome.load.unchanged;
    // Bytes imported before are not written again: publishing them is a publication of their version.
    if (input.publish && !(await this.budgets.byIds([outcome.load.budgetId]))[0]?.isPublic) {
      await this.publication.publish({ departmentCode: outcome.model.department.code, year: outcome.model.year, stage: outcome.model.stage as BudgetStage });
    }
    payload.budget = (await this.budgets.byIds([outcome.load.budgetId]))[0] ?? null;
    payload.discrepancies = await this.budgets.discrepancies([outcome.load.budgetId]);
    return payload;
  }

  /**
   * FINANCE and ADMIN import any department's documents; a DEPARTMENT token only its own
   * department's, judged by the code the document itself states.
   */
  private async departmentRule(): Promise<((model: BudgetModel) => string | null) | undefined> {
    if (this.viewer.role !== "DEPARTMENT") return undefined;
    const [own] = await this.ds.query("SELECT code FROM department WHERE id = ?", [this.viewer.departmentId ?? null]);
    const code = own ? String(own.code) : null;
    return (model) =>
      model.department.code === code ? null : `this document is department ${model.department.code}'s; a DEPARTMENT token imports only its own department's (${code ?? "none"}) documents`;
  }

  /**
   * The file's bytes from exactly one of `content` (base64) and `document` (text), held to the
   * importer's size limit before anything is decoded; or the userError naming the field at fault.
   */
  private fileOf(input: ImportDisclosureInput): { bytes: Buffer; field: "content" | "document" } | { refused: UserError } {
    const refuse = (field: "content" | "document", message: string) => ({ refused: { message, field: ["input", field], line: null, location: null } });
    const hasContent = input.content !== null && input.content !== undefined;
    const hasDocument = input.document !== null && input.document !== undefined;
    if (hasContent && hasDocument) return refuse("content", "give the file either as content (its bytes in base64) or as document (its text), not both");
    if (!hasContent && !hasDocument) return refuse("content", "give the file as content (its bytes in base64) or as document (its text)");
    if (hasDocument) {
      const oversize = oversizeProblem(Buffer.byteLength(input.document!, "utf8"));
      if (oversize) return refuse("document", `${input.fileName}: ${oversize}`);
      return { bytes: Buffer.from(input.document!, "utf8"), field: "document" };
    }
    const checked = checkBase64(input.content!);
    if (!checked.ok) return refuse("content", `content is not valid base64: ${checked.problem}`);
    const oversize = oversizeProblem(checked.size);
    if (oversize) return refuse("content", `${input.fileName}: ${oversize}`);
    return { bytes: Buffer.from(input.content!, "base64"), field: "content" };
  }
}
