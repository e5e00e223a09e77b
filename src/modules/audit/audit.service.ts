import { DataSource, type EntityManager } from "typeorm";
import type { Viewer } from "../../common/viewer";
import { type Row, Sql, Where } from "../../db/sql";
import { AuditEventEntity } from "./audit-event.entity";

/** What happened, for `recordAudit`. Who it was comes from `viewer` (or `actor` for local tools). */
export interface AuditRecord {
  action: string;
  target: string;
  outcome: string;
  detail?: string | null;
  checksum?: string | null;
  viewer?: Viewer;
  /** For callers without a viewer (the CLI): "cli:zhang". Ignored when `viewer` is given. */
  actor?: string;
  requestId?: string | null;
}

/** MySQL's TEXT holds 65,535 bytes, not characters: a detail is cut to fit, with room to spare. */
const MAX_DETAIL_BYTES = 60_000;

function fitDetail(detail: string): string {
  let s = detail;
  for (let bytes = Buffer.byteLength(s, "utf8"); bytes > MAX_DETAIL_BYTES; bytes = Buffer.byteLength(s, "utf8")) {
    s = s.slice(0, Math.floor((s.length * MAX_DETAIL_BYTES) / bytes) - 1);
  }
  return s;
}

/**
 * Appends one row to the audit log. Give it the transaction's manager to record a change
 * together with the change; give it the data source to record something that must outlive a
 * rolled-back transaction (a refusal, a failure).
 */
export async function recordAudit(runner: DataSource | EntityManager, event: AuditRecord): Promise<void> {
  const m = runner instanceof DataSource ? runner.manager : runner;
  await m.insert(AuditEventEntity, {
    occurredAt: new Date(),
    actor: (event.viewer?.actor ?? event.actor ?? "system").slice(0, 100),
    tokenId: event.viewer?.tokenId ?? null,
    role: event.viewer?.role ?? null,
    action: event.action,
    target: event.target.slice(0, 200),
    checksum: event.checksum ?? null,
    outcome: event.outcome,
    detail: event.detail === undefined || event.detail === null ? null : fitDetail(event.detail),
    requestId: event.requestId ?? null,
  });
}

/** An audit row as the API shows it. */
export interface AuditEventRow {
  id: number;
  occurredAt: Date;
  actor: string;
  tokenId: number | null;
  role: string | null;
  action: string;
  target: string;
  checksum: string | null;
  outcome: string;
  detail: string | null;
  requestId: string | null;
}

export interface AuditFilter {
  actions?: readonly string[] | null;
  outcomes?: readonly string[] | null;
  from?: Date | null;
  to?: Date | null;
  tokenId?: number | null;
  /** Targets starting with this text ("007/2023" finds every version of that budget). */
  target?: string | null;
}

/** A DATETIME parameter both drivers compare correctly: UTC text, as TypeORM writes it. */
export const utcText = (d: Date) => d.toISOString().replace("T", " ").replace("Z", "");

/** MySQL gives a Date (the connection is UTC); SQLite gives TypeORM's UTC text back. */
export function readDate(v: unknown): Date {
  return v instanceof Date ? v : new Date(`${String(v).replace(" ", "T")}Z`);
}

const toEvent = (r: Row): AuditEventRow => ({
  id: Number(r.id),
  occurredAt: readDate(r.occurred_at),
  actor: String(r.actor),
  tokenId: r.token_id === null ? null : Number(r.token_id),
  role: (r.role as string | null) ?? null,
  action: String(r.action),
  target: String(r.target),
  checksum: (r.checksum as string | null) ?? null,
  outcome: String(r.outcome),
  detail: (r.detail as string | null) ?? null,
  requestId: (r.request_id as string | null) ?? null,
});

/** Reads the audit log, newest first. Callers check the viewer may (the log is for administrators). */
export class AuditService {
  constructor(private readonly sql: Sql) {}

  async page(filter: AuditFilter, page: { offset: number; limit: number; counted?: boolean }): Promise<{ rows: AuditEventRow[]; count: () => Promise<number> }> {
    const where = new Where(["1=1"]).in("a.action", filter.actions).in("a.outcome", filter.outcomes).eq("a.token_id", filter.tokenId);
    if (filter.from) where.add("a.occurred_at >= ?", utcText(filter.from));
    if (filter.to) where.add("a.occurred_at < ?", utcText(filter.to));
    if (filter.target) where.add("a.target LIKE ? ESCAPE '!'", `${filter.target.replace(/[!%_]/g, (c) => "!" + c)}%`);
    const from = `FROM audit_event a WHERE ${where.sql}`;
    const { rows, count } = await this.sql.pageAndCount({
      page: `SELECT a.* ${from} ORDER BY a.id DESC LIMIT ? OFFSET ?`,
      count: `SELECT COUNT(*) AS n ${from}`,
      params: where.params,
      pageParams: [page.limit + 1, page.offset],
      counted: page.counted,
    });
    return { rows: rows.map(toEvent), count };
  }
}
