import type { DataSource } from "typeorm";
import type { Viewer } from "../../common/viewer";
import { importDocument } from "../../ingest/import";
import type { BudgetService } from "../budget/budget.service";
import { DocumentFormat, type ImportDisclosureInput, ImportDisclosurePayload } from "./import.type";

/** The API's door to the ingest pipeline: who may import, and the payload shape. Parsing stays in ingest. */
export class ImportService {
  constructor(
    private readonly ds: DataSource,
    private readonly viewer: Viewer,
    private readonly budgets: BudgetService,
  ) {}

  async importDisclosure(input: ImportDisclosureInput): Promise<ImportDisclosurePayload> {
    const payload: ImportDisclosurePayload = { budget: null, format: null, unchanged: false, discrepancies: [], findings: [], userErrors: [] };
    if (this.viewer.role !== "ADMIN" && this.viewer.role !== "FINANCE_BUREAU") {
      payload.userErrors.push({ message: "importing needs the finance bureau's or an administrator's token (Authorization: Bearer …)", field: null, line: null });
      return payload;
    }
    const outcome = await importDocument(this.ds, input.fileName, Buffer.from(input.document, "utf8"), { actor: this.viewer.actor, dryRun: input.dryRun });
    if (!outcome.ok) {
      payload.userErrors = outcome.rejection.problems.map((p) => ({ message: p.message, field: p.field ? ["input", "document", p.field] : null, line: p.line }));
      return payload;
    }
    payload.format = outcome.format as DocumentFormat;
    if (!outcome.load) {
      payload.findings = outcome.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, location: f.location }));
      return payload;
    }
    payload.unchanged = outcome.load.unchanged;
    payload.budget = (await this.budgets.byIds([outcome.load.budgetId]))[0] ?? null;
    payload.discrepancies = await this.budgets.discrepancies([outcome.load.budgetId]);
    return payload;
  }
}
