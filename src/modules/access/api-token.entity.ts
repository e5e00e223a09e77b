import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/**
 * An API token as stored: never the token itself, only its SHA-256. The token is 256 random
 * bits, so a fast hash is enough (nothing to guess offline, unlike a password) and lets a
 * request find its token by one indexed lookup.
 */
@Entity("api_token")
export class ApiTokenEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id: number;

  /** SHA-256 of the token, in hex. */
  @Index("uq_api_token_hash", { unique: true })
  @Column({ name: "token_hash", type: "varchar", length: 64 })
  tokenHash: string;

  /** DEPARTMENT, FINANCE or ADMIN (PUBLIC needs no token). */
  @Column({ type: "varchar", length: 16 })
  role: string;

  /** The department a DEPARTMENT token speaks for; null for the other roles. */
  @Column({ name: "department_id", type: "int", nullable: true })
  departmentId: number | null;

  /** Who or what holds it: "预算科 import job", "Zhang Wei". */
  @Column({ type: "varchar", length: 200 })
  name: string;

  @Column({ name: "created_at", type: "datetime" })
  createdAt: Date;

  /** The actor who made it (an administrator's token, or the CLI's user). */
  @Column({ name: "created_by", type: "varchar", length: 100 })
  createdBy: string;

  @Column({ name: "expires_at", type: "datetime" })
  expiresAt: Date;

  @Column({ name: "revoked_at", type: "datetime", nullable: true })
  revokedAt: Date | null;

  /** Written at most once a minute per token (see TokenService.authenticate). */
  @Column({ name: "last_used_at", type: "datetime", nullable: true })
  lastUsedAt: Date | null;
}
