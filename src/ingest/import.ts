import type { PublicationStatusCode } from "../common/vocabulary";
import type { DataSource } from "typeorm";
import type { Viewer } from "../common/viewer";
import { type AuditRecord, recordAudit } from "../modules/audit/audit.service";
import { DatabaseBusyError } from "../db/write-lock";
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

/** Who imports, and what they may import; recorded with every attempt in the audit log. */
export interface ImportOptions {
  /** For callers without a viewer (the CLI): "cli:zhang". */
  actor: string;
  viewer?: Viewer;
  requestId?: string;
  dryRun?: boolean;
  status?: PublicationStatusCode;
  /** Why this caller may not import this document (its department is not theirs); null when it may. */
  refusal?: (model: BudgetModel) => string | null;
  /** How long to wait for other imports to the same database (seconds); IMPORT_WAIT_SECONDS when absent. */
  waitSeconds?: number;
}

/**
 * Reads, checks and (unless dryRun) loads one document in one transaction. Bad input is a
 * rejection naming file, line or field — and nothing written but the audit record of it. Every
 * attempt is audited: rejected, refused, checked (dry run), unchanged, loaded, or failed by the
 * database. A failure's record is written after the rollback, so it outlives the transaction.
 */
export async function importDocument(ds: DataSource, fileName: string, bytes: Buffer, opts: ImportOptions): Promise<ImportOutcome> {
  const action = opts.dryRun ? "VALIDATE" : "IMPORT";
  const checksum = checksumOf(bytes);
  const audit = (e: Pick<AuditRecord, "target" | "outcome" | "detail">) => recordAudit(ds, { ...e, action, checksum, viewer: opts.viewer, actor: opts.actor, requestId: opts.requestId });
  let read: { format: DocumentFormat; model: BudgetModel };
  let detected: DetectedFormat | null = null;
  try {
    detected = detectFormat(fileName, bytes);
    read = await readDetected(fileName, bytes, detected);
  } catch (e) {
    const rejection = toRejection(fileName, detected && formatOf(detected), e);
    await audit({ target: fileName, outcome: "REJECTED", detail: rejection.problems.map((p) => p.message).join("; ") });
    return { ok: false, rejection };
  }
  const target = `${read.model.department.code}/${read.model.year}/${read.model.stage}`;
  const refusal = opts.refusal?.(read.model) ?? null;
  if (refusal) {
    await audit({ target, outcome: "REFUSED", detail: `${fileName}: ${refusal}` });
    return { ok: false, rejection: { fileName, format: read.format, problems: [{ line: null, field: null, location: null, message: `${fileName}: ${refusal}` }] } };
  }
  const findings = documentFindings(read.model, fileName);
  if (opts.dryRun) {
    await audit({ target, outcome: "OK", detail: fileName });
    return { ok: true, format: read.format, model: read.model, findings, discrepancies: severityCounts(findings), load: null };
  }
  let load: LoadResult;
  try {
    load = await loadBudget(ds, read.model, { fileName, bytes, format: read.format }, {
      actor: opts.actor, viewer: opts.viewer, requestId: opts.requestId, status: opts.status, findings, waitSeconds: opts.waitSeconds,
    });
  } catch (e) {
    if (e instanceof DatabaseBusyError) {
      const message = `${fileName}: not imported, ${e.message}; nothing was written — try again`;
      await audit({ target, outcome: "FAILED", detail: message });
      return { ok: false, rejection: { fileName, format: read.format, problems: [{ line: null, field: null, location: fileName, message }], retry: true } };
    }
    const code = (e as { code?: unknown }).code;
    await audit({ target, outcome: "FAILED", detail: `${fileName}: the load failed and was rolled back${typeof code === "string" ? ` (${code})` : ""}` }).catch((auditError: unknown) =>
      console.error(`audit: could not record a failed import of ${fileName}: ${(auditError as Error).message}`),
    );
    throw e;
  }
  if (load.unchanged) await audit({ target: `${target}/v${load.version}`, outcome: "NOOP", detail: `${fileName}: already the version in force` });
  return { ok: true, format: read.format, model: read.model, findings, discrepancies: load.discrepancies, load };
}

function toRejection(fileName: string, format: DocumentFormat | null, e: unknown): Rejection {
  if (e instanceof DocumentError) return { fileName, format, problems: [{ line: e.location === `${fileName}:${e.line}` ? e.line : null, field: null, location: e.location, message: e.message }] };
  if (e instanceof UnreadableFileError) return { fileName, format, problems: [{ line: null, field: null, location: e.location ?? fileName, message: e.message }] };
  if (e instanceof IngestError) return { fileName, format, problems: e.problems.map((p) => ({ line: null, field: p.where, location: `${fileName}#${p.where}`, message: `${fileName}: ${p.where}: ${p.problem}` })) };
  throw e;
}
