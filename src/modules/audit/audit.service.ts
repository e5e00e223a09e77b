import type { DataSource, EntityManager } from "typeorm";
import type { Viewer } from "../../common/viewer";
import { AuditEventEntity } from "./audit-event.entity";

export interface AuditRecord {
  action: string;
  /** What was acted on, e.g. "007/2023/BUDGET/v2". */
  target: string;
  /** OK, REJECTED or NOOP. */
  outcome: string;
  detail?: string | null;
  checksum?: string | null;
  viewer?: Viewer;
  requestId?: string;
}

/**
 * Appends one row to the audit log through the caller's runner: a row written with a
 * transaction's manager shares its fate, one written with the data source survives its failure.
 */
export async function recordAudit(runner: DataSource | EntityManager, r: AuditRecord): Promise<void> {
  const m = "manager" in runner ? runner.manager : runner;
  await m.insert(AuditEventEntity, {
    occurredAt: new Date(),
    actor: r.viewer?.actor ?? "system",
    action: r.action,
    target: r.target,
    checksum: r.checksum ?? null,
    outcome: r.outcome,
    detail: r.detail ?? null,
  });
}
