import type { PublicationStatusCode } from "../common/vocabulary";
import type { DataSource } from "typeorm";
import { AuditEventEntity } from "../modules/audit/audit-event.entity";
import { readBundle } from "./bundle/read-bundle";
import { documentFindings, severityCounts } from "./checks";
import { DocumentError } from "./disclosure/document";
import { readDisclosure } from "./disclosure/read-disclosure";
import { type LoadResult, checksumOf, loadBudget } from "./load";
import { type BudgetModel, type DiscrepancyDraft, IngestError } from "./model";

export type DocumentFormat = "DISCLOSURE_TEXT" | "BUNDLE";

/** A document that cannot be imported: where and what, for the CLI and the API's userErrors. */
export interface Rejection {
  fileName: string;
  problems: { line: number | null; field: string | null; message: string }[];
}

export type ImportOutcome =
  | {
      ok: true;
      format: DocumentFormat;
      model: BudgetModel;
      /** The document's own findings (its reader's and the model checks). */
      findings: DiscrepancyDraft[];
      /** Findings by severity: those stored for the budget when loaded (cross-year ones too), else the document's. */
      discrepancies: Record<string, number>;
      load: LoadResult | null;
    }
  | { ok: false; rejection: Rejection };

/** A bundle is JSON; anything else is read as a disclosure's text. */
export function formatOf(fileName: string, bytes: Buffer): DocumentFormat {
  return /\.json$/i.test(fileName) || bytes.subarray(0, 64).toString("utf8").trimStart().startsWith("{") ? "BUNDLE" : "DISCLOSURE_TEXT";
}

export function readModel(fileName: string, bytes: Buffer): { format: DocumentFormat; model: BudgetModel } {
  const format = formatOf(fileName, bytes);
  const text = bytes.toString("utf8");
  if (format === "DISCLOSURE_TEXT") return { format, model: readDisclosure(fileName, text) };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new IngestError(fileName, [{ where: "(file)", problem: `not valid JSON: ${(e as Error).message}` }]);
  }
  return { format, model: readBundle(fileName, json) };
}

/**
 * Reads, checks and (unless dryRun) loads one document in one transaction. Bad input is a
 * rejection naming file, line or field — and nothing written but the audit record of it.
 */
export async function importDocument(
  ds: DataSource,
  fileName: string,
  bytes: Buffer,
  opts: { actor: string; dryRun?: boolean; status?: PublicationStatusCode },
): Promise<ImportOutcome> {
  let read: { format: DocumentFormat; model: BudgetModel };
  try {
    read = readModel(fileName, bytes);
  } catch (e) {
    const rejection = toRejection(fileName, e);
    if (!opts.dryRun) await audit(ds, opts.actor, fileName, bytes, "REJECTED", rejection.problems.map((p) => p.message).join("; "));
    return { ok: false, rejection };
  }
  const findings = documentFindings(read.model, fileName);
  if (opts.dryRun) return { ok: true, format: read.format, model: read.model, findings, discrepancies: severityCounts(findings), load: null };
  const load = await loadBudget(ds, read.model, { fileName, bytes, format: read.format }, { actor: opts.actor, status: opts.status, findings });
  return { ok: true, format: read.format, model: read.model, findings, discrepancies: load.discrepancies, load };
}

function toRejection(fileName: string, e: unknown): Rejection {
  if (e instanceof DocumentError) return { fileName, problems: [{ line: e.line, field: null, message: e.message }] };
  if (e instanceof IngestError) return { fileName, problems: e.problems.map((p) => ({ line: null, field: p.where, message: `${fileName}: ${p.where}: ${p.problem}` })) };
  throw e;
}

async function audit(ds: DataSource, actor: string, fileName: string, bytes: Buffer, outcome: string, detail: string): Promise<void> {
  await ds.getRepository(AuditEventEntity).insert({ occurredAt: new Date(), actor, action: "IMPORT", target: fileName, checksum: checksumOf(bytes), outcome, detail: detail.slice(0, 60_000) });
}
