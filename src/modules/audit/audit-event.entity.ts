import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/**
 * Append-only record of imports (refused, rejected, dry runs, no-ops, failures and successes),
 * publications, token changes and other mutations. Rows are inserted, never updated or deleted.
 */
@Entity("audit_event")
@Index("ix_audit_event_at", ["occurredAt"])
@Index("ix_audit_event_token", ["tokenId"])
export class AuditEventEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id: number;

  @Column({ name: "occurred_at", type: "datetime" })
  occurredAt: Date;

  /** Who, readably: "token:12 (FINANCE)", "admin-token", "cli:zhang". */
  @Column({ type: "varchar", length: 100 })
  actor: string;

  /** The API token used; null for the bootstrap ADMIN_TOKEN, the public and local tools. */
  @Column({ name: "token_id", type: "int", nullable: true })
  tokenId: number | null;

  /** The caller's role (PUBLIC, DEPARTMENT, FINANCE, ADMIN); null for local tools (the CLI). */
  @Column({ type: "varchar", length: 16, nullable: true })
  role: string | null;

  @Column({ type: "varchar", length: 40 })
  action: string;

  @Column({ type: "varchar", length: 200 })
  target: string;

  @Column({ type: "varchar", length: 64, nullable: true })
  checksum: string | null;

  /** OK, NOOP, REJECTED (a bad document), REFUSED (not allowed), FAILED (the database failed). */
  @Column({ type: "varchar", length: 16 })
  outcome: string;

  @Column({ type: "text", nullable: true })
  detail: string | null;

  /** The HTTP request's id, as its log lines and an internal error's answer give it. */
  @Column({ name: "request_id", type: "varchar", length: 64, nullable: true })
  requestId: string | null;
}
