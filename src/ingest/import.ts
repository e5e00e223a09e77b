import type { PublicationStatusCode } from "../common/vocabulary";
import type { DataSource } from "typeorm";
import { DatabaseBusyError } from "../db/write-lock";
import { AuditEventEntity } from "../modules/audit/audit-event.entity";
import { readBundle } from "./bundle/read-bundle";
import { documentFindings, severityCounts } from "./checks";
import { DocumentError } from "./disclosure/document";
import { readDisclosureLayout } from "./disclosure/read-disclosure";
import { type DetectedFormat, detectFormat } from "./front-ends/detect";
import { readLayout } from "./front-ends";
import { UnreadableFileError } from "./layout";
import { type LoadResult, checksumOf, loadBudget } from "./load";
import { type BudgetModel, type DiscrepancyDraft, IngestError } from "./model";

export type DocumentFormat = "DISCLOSURE_TEXT" | "DISCLOSURE_PDF" | "DISCLOSURE_XLSX" | "BUNDLE";

/** A document that cannot be imported: where and what, for the CLI and the API's userErrors. */
export interface Rejection {
  fileName: string;
  /** What the bytes were recognised as, when they were (a PDF that cannot be read); null when not. */
  format: DocumentFormat | null;
  problems: { line: number | null; field: string | null; location: string | null; message: string }[];
  /** Refused only because other imports kept the database busy: nothing was written, and the same file again will very likely go through. */
  retry?: true;
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

/**
 * Reads a document of any format the importer takes, detected from its bytes: a disclosure as
 * text, PDF or XLSX (through its front end, then the one disclosure reader), or a JSON bundle.
 */
export async function readModel(fileName: string, bytes: Buffer): Promise<{ format: DocumentFormat; model: BudgetModel }> {
  return readDetected(fileName, bytes, detectFormat(fileName, bytes));
}

const formatOf = (detected: DetectedFormat): DocumentFormat => (detected === "BUNDLE" ? "BUNDLE" : `DISCLOSURE_${detected}`);

async function readDetected(fileName: string, bytes: Buffer, detected: DetectedFormat): Promise<{ format: DocumentFormat; model: BudgetModel }> {
  if (detected !== "BUNDLE") return { format: formatOf(detected), model: readDisclosureLayout(await readLayout(detected, fileName, bytes)) };
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8").replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new IngestError(fileName, [{ where: "(file)", problem: `not valid JSON: ${(e as Error).message}` }]);
  }
  return { format: "BUNDLE", model: readBundle(fileName, json) };
}

/**
 * Reads, checks and (unless dryRun) loads one document in one transaction. Bad input is a
 * rejection naming file, line or field — and nothing written but the audit record of it.
 */
export async function importDocument(
  ds: DataSource,
  fileName: string,
  bytes: Buffer,
  opts: { actor: string; dryRun?: boolean; status?: PublicationStatusCode; waitSeconds?: number },
): Promise<ImportOutcome> {
  let read: { format: DocumentFormat; model: BudgetModel };
  let detected: DetectedFormat | null = null;
  try {
    detected = detectFormat(fileName, bytes);
    read = await readDetected(fileName, bytes, detected);
  } catch (e) {
    const rejection = toRejection(fileName, detected && formatOf(detected), e);
    if (!opts.dryRun) await audit(ds, opts.actor, fileName, bytes, "REJECTED", rejection.problems.map((p) => p.message).join("; "));
    return { ok: false, rejection };
  }
  const findings = documentFindings(read.model, fileName);
  if (opts.dryRun) return { ok: true, format: read.format, model: read.model, findings, discrepancies: severityCounts(findings), load: null };
  let load: LoadResult;
  try {
    load = await loadBudget(ds, read.model, { fileName, bytes, format: read.format }, { actor: opts.actor, status: opts.status, findings, waitSeconds: opts.waitSeconds });
  } catch (e) {
    if (!(e instanceof DatabaseBusyError)) throw e;
    const message = `${fileName}: not imported, ${e.message}; nothing was written — try again`;
    return { ok: false, rejection: { fileName, format: read.format, problems: [{ line: null, field: null, location: fileName, message }], retry: true } };
  }
  return { ok: true, format: read.format, model: read.model, findings, discrepancies: load.discrepancies, load };
}

function toRejection(fileName: string, format: DocumentFormat | null, e: unknown): Rejection {
  if (e instanceof DocumentError) return { fileName, format, problems: [{ line: e.location === `${fileName}:${e.line}` ? e.line : null, field: null, location: e.location, message: e.message }] };
  if (e instanceof UnreadableFileError) return { fileName, format, problems: [{ line: null, field: null, location: e.location ?? fileName, message: e.message }] };
  if (e instanceof IngestError) return { fileName, format, problems: e.problems.map((p) => ({ line: null, field: p.where, location: `${fileName}#${p.where}`, message: `${fileName}: ${p.where}: ${p.problem}` })) };
  throw e;
}

async function audit(ds: DataSource, actor: string, fileName: string, bytes: Buffer, outcome: string, detail: string): Promise<void> {
  await ds.getRepository(AuditEventEntity).insert({ occurredAt: new Date(), actor, action: "IMPORT", target: fileName, checksum: checksumOf(bytes), outcome, detail: detail.slice(0, 60_000) });
}
