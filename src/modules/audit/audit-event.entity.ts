import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/** Append-only record of imports, publications and mutations. */
@Entity("audit_event")
@Index("ix_audit_event_at", ["occurredAt"])
export class AuditEventEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id: number;

  @Column({ name: "occurred_at", type: "datetime" })
  occurredAt: Date;

  @Column({ type: "varchar", length: 100 })
  actor: string;

  @Column({ type: "varchar", length: 40 })
  action: string;

  @Column({ type: "varchar", length: 200 })
  target: string;

  @Column({ type: "varchar", length: 64, nullable: true })
  checksum: string | null;

  /** OK, REJECTED, NOOP. */
  @Column({ type: "varchar", length: 16 })
  outcome: string;

  @Column({ type: "text", nullable: true })
  detail: string | null;
}
