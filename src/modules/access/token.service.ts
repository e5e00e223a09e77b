import { createHash, randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import type { Viewer, ViewerRole } from "../../common/viewer";
import { type Row, Sql } from "../../db/sql";
import { readDate, recordAudit, utcText } from "../audit/audit.service";
import { ApiTokenEntity } from "./api-token.entity";
import { requireAdmin } from "./forbidden";

/** The roles a token can carry. PUBLIC is what a request without a token is. */
export const TOKEN_ROLES = ["DEPARTMENT", "FINANCE", "ADMIN"] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

/**
 * Tokens start with a fixed prefix so that secret scanners and people recognise one in a log or
 * a repository; 32 random bytes follow (base64url, 43 characters).
 */
export const TOKEN_PREFIX = "bgt_";
const TOKEN_SHAPE = /^bgt_[A-Za-z0-9_-]{43}$/;

/**
 * A year: long enough to outlast one budget cycle (a department imports its 年初预算, 调整预算
 * and 决算 within about a year), short enough that a forgotten token stops working by itself.
 */
export const DEFAULT_EXPIRY_DAYS = 365;
export const MAX_EXPIRY_DAYS = 3650;

/** last_used_at is written at most this often per token, not on every request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

const DAY_MS = 24 * 60 * 60 * 1000;

export const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/** A token as listed: everything but the secret, which is never stored. */
export interface ApiTokenRow {
  id: number;
  role: TokenRole;
  departmentId: number | null;
  departmentCode: string | null;
  name: string;
  createdAt: Date;
  createdBy: string;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

const toToken = (r: Row): ApiTokenRow => ({
  id: Number(r.id),
  role: r.role as TokenRole,
  departmentId: r.department_id === null ? null : Number(r.department_id),
  departmentCode: (r.department_code as string | null) ?? null,
  name: String(r.name),
  createdAt: readDate(r.created_at),
  createdBy: String(r.created_by),
  expiresAt: readDate(r.expires_at),
  revokedAt: r.revoked_at === null ? null : readDate(r.revoked_at),
  lastUsedAt: r.last_used_at === null ? null : readDate(r.last_used_at),
});

const SELECT = "SELECT t.*, d.code AS department_code FROM api_token t LEFT JOIN department d ON d.id = t.department_id";

export interface CreateTokenRequest {
  role: string;
  departmentCode?: string | null;
  expiresInDays?: number | null;
  name?: string | null;
}

/** Why a request to make or revoke a token was refused, and which input field is at fault. */
export interface TokenProblem {
  field: "role" | "departmentCode" | "expiresInDays" | "name" | "id";
  message: string;
}

export type Authentication = { ok: true; viewer: Viewer } | { ok: false; reason: string };

/**
 * Makes, lists, revokes and checks API tokens. Who may call it is decided by the caller
 * (the resolver for the API, the shell account for the CLI); every change is audited here.
 */
export class TokenService {
  private readonly sql: Sql;

  constructor(
    private readonly ds: DataSource,
    /** Who is making changes: recorded in the audit log and as a new token's creator. */
    private readonly by: { viewer?: Viewer; actor?: string; requestId?: string | null } = {},
  ) {
    this.sql = new Sql(ds);
  }

  private get actor(): string {
    return this.by.viewer?.actor ?? this.by.actor ?? "system";
  }

  /**
   * Refuses (FORBIDDEN, and audited as REFUSED) a caller who is not an administrator. Local
   * tools, which make the service without a viewer, are trusted: they hold the database itself.
   */
  async authorize(operation: "createApiToken" | "revokeApiToken", target: string): Promise<void> {
    const viewer = this.by.viewer;
    if (!viewer || viewer.role === "ADMIN") return;
    await this.audit(operation === "createApiToken" ? "TOKEN_CREATE" : "TOKEN_REVOKE", target, "REFUSED", `${operation} needs an administrator's token`);
    requireAdmin(viewer, operation);
  }

  /** A new token and its secret, which is shown this once and stored only as a hash. */
  async create(req: CreateTokenRequest, now = new Date()): Promise<{ token: ApiTokenRow; secret: string } | { problem: TokenProblem }> {
    const checked = await this.check(req);
    if ("problem" in checked) {
      await this.audit("TOKEN_CREATE", `token (${String(req.role).slice(0, 16)})`, "REJECTED", checked.problem.message);
      return checked;
    }
    const secret = TOKEN_PREFIX + randomBytes(32).toString("base64url");
    const inserted = await this.ds.getRepository(ApiTokenEntity).insert({
      tokenHash: hashToken(secret),
      role: checked.role,
      departmentId: checked.departmentId,
      name: checked.name,
      createdAt: now,
      createdBy: this.actor.slice(0, 100),
      expiresAt: new Date(now.getTime() + checked.days * DAY_MS),
      revokedAt: null,
      lastUsedAt: null,
    });
    const token = (await this.byId(Number(inserted.identifiers[0]!.id)))!;
    await this.audit("TOKEN_CREATE", `token:${token.id}`, "OK", `${describe(token)}, expires ${token.expiresAt.toISOString()}`);
    return { token, secret };
  }

  /** Revokes a token from now on; revoking it again changes nothing (recorded as NOOP). */
  async revoke(id: number, now = new Date()): Promise<{ token: ApiTokenRow } | { problem: TokenProblem }> {
    const found = Number.isSafeInteger(id) ? await this.byId(id) : undefined;
    if (!found) {
      const problem: TokenProblem = { field: "id", message: `no token with id ${id}` };
      await this.audit("TOKEN_REVOKE", `token:${id}`, "REJECTED", problem.message);
      return { problem };
    }
    if (found.revokedAt) {
      await this.audit("TOKEN_REVOKE", `token:${id}`, "NOOP", `already revoked at ${found.revokedAt.toISOString()}`);
      return { token: found };
    }
    await this.ds.getRepository(ApiTokenEntity).update({ id }, { revokedAt: now });
    await this.audit("TOKEN_REVOKE", `token:${id}`, "OK", describe(found));
    return { token: (await this.byId(id))! };
  }

  async byId(id: number): Promise<ApiTokenRow | undefined> {
    const r = await this.sql.one(`${SELECT} WHERE t.id = ?`, [id]);
    return r && toToken(r);
  }

  /** Tokens newest first; revoked and expired ones too unless `activeOnly`. */
  async page(opts: { activeOnly?: boolean; now?: Date }, page: { offset: number; limit: number; counted?: boolean }): Promise<{ rows: ApiTokenRow[]; count: () => Promise<number> }> {
    const now = opts.now ?? new Date();
    const where = opts.activeOnly ? "WHERE t.revoked_at IS NULL AND t.expires_at > ?" : "WHERE 1=1";
    const params = opts.activeOnly ? [utcText(now)] : [];
    const { rows, count } = await this.sql.pageAndCount({
      page: `${SELECT} ${where} ORDER BY t.id DESC LIMIT ? OFFSET ?`,
      count: `SELECT COUNT(*) AS n FROM api_token t ${where}`,
      params,
      pageParams: [page.limit + 1, page.offset],
      counted: page.counted,
    });
    return { rows: rows.map(toToken), count };
  }

  /**
   * The viewer a presented token stands for. The token is hashed and looked up by its hash, so
   * the comparison never runs over the secret itself and takes the same time however close a
   * guess is. Touches last_used_at at most once a minute per token: one write a minute instead
   * of one per request.
   */
  async authenticate(secret: string, now = new Date()): Promise<Authentication> {
    if (!TOKEN_SHAPE.test(secret)) return { ok: false, reason: "this is not a token this server issues" };
    const r = await this.sql.one(`${SELECT} WHERE t.token_hash = ?`, [hashToken(secret)]);
    if (!r) return { ok: false, reason: "this token is not known to this server" };
    const t = toToken(r);
    if (t.revokedAt) return { ok: false, reason: `this token was revoked at ${t.revokedAt.toISOString()}` };
    if (t.expiresAt <= now) return { ok: false, reason: `this token expired at ${t.expiresAt.toISOString()}: ask an administrator for a new one` };
    if (!t.lastUsedAt || now.getTime() - t.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
      await this.ds.getRepository(ApiTokenEntity).update({ id: t.id }, { lastUsedAt: now });
    }
    return { ok: true, viewer: viewerOf(t) };
  }

  private async check(req: CreateTokenRequest): Promise<{ role: TokenRole; departmentId: number | null; days: number; name: string } | { problem: TokenProblem }> {
    const refuse = (field: TokenProblem["field"], message: string) => ({ problem: { field, message } });
    const role = req.role as TokenRole;
    if (!TOKEN_ROLES.includes(role)) return refuse("role", `role must be one of ${TOKEN_ROLES.join(", ")} (PUBLIC needs no token), got "${String(req.role).slice(0, 40)}"`);
    const days = req.expiresInDays ?? DEFAULT_EXPIRY_DAYS;
    if (!Number.isInteger(days) || days < 1 || days > MAX_EXPIRY_DAYS) return refuse("expiresInDays", `expiresInDays must be a whole number of days from 1 to ${MAX_EXPIRY_DAYS}, got ${days}`);
    const code = req.departmentCode?.trim() || null;
    let departmentId: number | null = null;
    if (role === "DEPARTMENT") {
      if (!code) return refuse("departmentCode", "a DEPARTMENT token needs the department's code (departmentCode, --department)");
      const d = await this.sql.one("SELECT id FROM department WHERE code = ?", [code.slice(0, 16)]);
      if (!d || code.length > 16) {
        return refuse("departmentCode", `no department with code "${code.slice(0, 40)}": a department exists once a document of it has been imported`);
      }
      departmentId = Number(d.id);
    } else if (code) {
      return refuse("departmentCode", `only a DEPARTMENT token names a department; a ${role} token sees every department`);
    }
    const name = (req.name ?? "").trim() || (code ? `${role} ${code}` : role);
    if (name.length > 200) return refuse("name", `name must be at most 200 characters, got ${name.length}`);
    return { role, departmentId, days, name };
  }

  private audit(action: string, target: string, outcome: string, detail: string): Promise<void> {
    return recordAudit(this.ds, { action, target, outcome, detail, viewer: this.by.viewer, actor: this.by.actor, requestId: this.by.requestId });
  }
}

const describe = (t: ApiTokenRow) => `${t.role}${t.departmentCode ? ` ${t.departmentCode}` : ""} "${t.name}"`;

function viewerOf(t: ApiTokenRow): Viewer {
  const role: ViewerRole = t.role;
  const label = t.departmentCode ? `${role} ${t.departmentCode}` : role;
  return { role, tokenId: t.id, actor: `token:${t.id} (${label})`, ...(t.departmentId === null ? {} : { departmentId: t.departmentId }) };
}
