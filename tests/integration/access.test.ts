import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_FILE } from "../../src/ingest/sample";
import { readDate, recordAudit } from "../../src/modules/audit/audit.service";
import { postGraphql } from "../helpers/bearer";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases";
import { rowCounts } from "../helpers/row-counts";
import { TestServer } from "../helpers/server";

const ROOT = join(__dirname, "..", "..");
const FIXTURES = join(__dirname, "..", "fixtures", "disclosures");
const BOOTSTRAP = "access-test-bootstrap-token";

const CREATE = `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) {
  secret token { id role departmentCode name expiresAt revokedAt lastUsedAt active } userErrors { message field } } }`;
const REVOKE = `mutation($id: Int!) { revokeApiToken(input: { id: $id }) { token { id revokedAt active } userErrors { message field } } }`;
const TOKENS = `{ apiTokens(first: 50) { totalCount nodes { id role departmentCode name lastUsedAt active } } }`;
const AUDIT = `query($filter: AuditEventFilter, $first: Int, $after: String) { auditEvents(filter: $filter, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } nodes { id occurredAt actor tokenId role action target checksum outcome detail requestId } } }`;
const IMPORT = `mutation($input: ImportDisclosureInput!) { importDisclosure(input: $input) {
  budget { year version } unchanged userErrors { message } findings { ruleId } } }`;
const YEARS = "{ fiscalYears { year } }";

const sha256 = (s: string | Buffer) => createHash("sha256").update(s).digest("hex");
const text = (file: string) => readFileSync(file, "utf8");

describe.each(DATABASE_KINDS)("[%s] access: tokens, roles and the audit log", (kind) => {
  const db = freshDatabase(kind);
  let ds: DataSource;
  let server: TestServer;
  // Each database's suite guesses from its own loopback address, so one's lock-out is not the other's.
  const guesser = kind === "mysql" ? "127.0.0.3" : "127.0.0.2";

  beforeAll(async () => {
    process.env.ADMIN_TOKEN = BOOTSTRAP;
    ds = await db.open();
    server = await TestServer.start(ds);
  });
  afterAll(async () => {
    delete process.env.ADMIN_TOKEN;
    await server?.stop();
    await ds?.destroy();
    await db.drop();
  });

  const gql = (query: string, variables: Record<string, unknown> = {}, token?: string) => postGraphql(server.url, query, variables, { token });
  /** data of a request that must succeed. */
  async function ok(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<any> {
    const r = await gql(query, variables, token);
    expect(r.json.errors, JSON.stringify(r.json)).toBeUndefined();
    expect(r.status).toBe(200);
    return r.json.data;
  }
  async function makeToken(input: Record<string, unknown>): Promise<{ id: number; secret: string }> {
    const made = (await ok(CREATE, { input }, BOOTSTRAP)).createApiToken;
    expect(made.userErrors).toEqual([]);
    return { id: made.token.id, secret: made.secret };
  }
  const cli = (...args: string[]) =>
    promisify(execFile)(join(ROOT, "node_modules", ".bin", "tsx"), ["src/cli/main.ts", "token", ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: db.config.url } }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );
  const audit = async (filter: Record<string, unknown>) => (await ok(AUDIT, { filter, first: 100 }, BOOTSTRAP)).auditEvents.nodes as any[];

  it("makes a token from the CLI that prints it alone on its last line, lists it without it, and revokes it", async () => {
    expect((await cli("create")).code).toBe(2);
    expect((await cli("create", "--role", "PUBLIC")).code).toBe(2);
    expect((await cli("create", "--role", "FINANCE", "--expires-days", "soon")).code).toBe(2);
    expect((await cli("revoke", "x")).code).toBe(2);
    const unknown = await cli("create", "--role", "DEPARTMENT", "--department", "999");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no department with code "999"/);

    const made = await cli("create", "--role", "ADMIN", "--name", "ops laptop", "--expires-days", "30");
    expect(made.code, made.stderr).toBe(0);
    const secret = made.stdout.trimEnd().split("\n").at(-1)!;
    expect(secret).toMatch(/^bgt_[A-Za-z0-9_-]{43}$/);
    const id = Number(/token (\d+) made/.exec(made.stdout)![1]);

    // The printed token works: an administrator's query answers.
    const listed = (await ok(TOKENS, {}, secret)).apiTokens;
    expect(listed.nodes).toContainEqual(expect.objectContaining({ id, role: "ADMIN", name: "ops laptop", active: true }));

    const list = await cli("list");
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(new RegExp(`^${id}\\s+ADMIN\\s+-\\s+ops laptop`, "m"));
    expect(list.stdout).not.toContain(secret);
    expect(list.stdout).not.toContain(secret.slice(4, 20));

    expect((await cli("revoke", String(id))).code).toBe(0);
    const refused = await gql(YEARS, {}, secret);
    expect(refused.status).toBe(401);
    expect(refused.json.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    expect((await cli("revoke", "99999")).code).toBe(1);

    const rows = (await audit({ target: `token:${id}` })).filter((r) => r.target === `token:${id}`);
    expect(rows.map((r) => [r.action, r.outcome, r.actor.startsWith("cli:"), r.role, r.tokenId])).toEqual([
      ["TOKEN_REVOKE", "OK", true, null, null],
      ["TOKEN_CREATE", "OK", true, null, null],
    ]);
  }, 60_000);

  it("makes and revokes tokens by mutation for administrators only, and refuses bad requests with userErrors", async () => {
    const finance = await makeToken({ role: "FINANCE", name: "预算科 import job", expiresInDays: 10 });
    expect(finance.secret).toMatch(/^bgt_/);
    // The new token is taken (ok() requires 200 and no errors; a token not found answers 401).
    expect((await ok(YEARS, {}, finance.secret)).fiscalYears).toBeInstanceOf(Array);

    for (const caller of [finance.secret, undefined]) {
      for (const [query, variables] of [[CREATE, { input: { role: "ADMIN" } }], [REVOKE, { id: finance.id }], [TOKENS, {}], [AUDIT, {}]] as const) {
        const r = await gql(query, variables, caller);
        expect(r.json.errors?.[0]?.extensions?.code, JSON.stringify(r.json)).toBe("FORBIDDEN");
        expect(JSON.stringify(r.json.data ?? null)).not.toMatch(/bgt_/);
      }
    }
    const refusals = await audit({ outcomes: ["REFUSED"], actions: ["TOKEN_CREATE", "TOKEN_REVOKE"] });
    expect(refusals.filter((r) => r.tokenId === finance.id && r.role === "FINANCE")).toHaveLength(2);
    expect(refusals.filter((r) => r.role === "PUBLIC" && r.actor === "anonymous")).toHaveLength(2);

    const bad = async (input: Record<string, unknown>) => (await ok(CREATE, { input }, BOOTSTRAP)).createApiToken;
    expect(await bad({ role: "DEPARTMENT" })).toMatchObject({ token: null, secret: null, userErrors: [{ field: ["input", "departmentCode"] }] });
    expect((await bad({ role: "DEPARTMENT", departmentCode: "999" })).userErrors[0].message).toMatch(/no department with code "999"/);
    expect((await bad({ role: "FINANCE", departmentCode: "007" })).userErrors[0].field).toEqual(["input", "departmentCode"]);
    expect((await bad({ role: "FINANCE", expiresInDays: 0 })).userErrors[0].field).toEqual(["input", "expiresInDays"]);
    expect((await bad({ role: "FINANCE", name: "x".repeat(201) })).userErrors[0].field).toEqual(["input", "name"]);

    const revoked = (await ok(REVOKE, { id: finance.id }, BOOTSTRAP)).revokeApiToken;
    expect(revoked).toMatchObject({ token: { id: finance.id, active: false }, userErrors: [] });
    // Revoking again keeps the first time.
    expect((await ok(REVOKE, { id: finance.id }, BOOTSTRAP)).revokeApiToken.token.revokedAt).toBe(revoked.token.revokedAt);
    expect((await ok(REVOKE, { id: 99999 }, BOOTSTRAP)).revokeApiToken).toMatchObject({ token: null, userErrors: [{ field: ["input", "id"] }] });
    // `target` matches from the start (token:9 would take token:99999's refusal too): keep this token's own rows.
    const log = (await audit({ target: `token:${finance.id}` })).filter((r) => r.target === `token:${finance.id}`);
    expect(log.map((r) => [r.action, r.outcome])).toEqual([
      ["TOKEN_REVOKE", "NOOP"],
      ["TOKEN_REVOKE", "OK"],
      ["TOKEN_REVOKE", "REFUSED"],
      ["TOKEN_REVOKE", "REFUSED"],
      ["TOKEN_CREATE", "OK"],
    ]);
    expect(log[1]).toMatchObject({ actor: "admin-token", role: "ADMIN", tokenId: null, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it("keeps only hashes: no column of the table holds a token", async () => {
    const a = await makeToken({ role: "FINANCE" });
    const b = await makeToken({ role: "ADMIN" });
    const rows: Record<string, unknown>[] = await ds.query("SELECT * FROM api_token");
    const stored = JSON.stringify(rows);
    for (const t of [a, b]) {
      expect(stored).not.toContain(t.secret);
      expect(stored).not.toContain(t.secret.slice(4));
      expect(rows.find((r) => Number(r.id) === t.id)!.token_hash).toBe(sha256(t.secret));
    }
  });

  it("answers UNAUTHENTICATED (401) for an unknown, malformed, expired or revoked token, never the public's answer", async () => {
    const expiring = await makeToken({ role: "FINANCE" });
    const revoked = await makeToken({ role: "FINANCE" });
    expect((await gql(YEARS, {}, expiring.secret)).status).toBe(200);
    await ds.query("UPDATE api_token SET expires_at = ? WHERE id = ?", ["2020-01-01 00:00:00.000", expiring.id]);
    await ok(REVOKE, { id: revoked.id }, BOOTSTRAP);
    const unknown = `bgt_${"A".repeat(43)}`;
    for (const [token, reason] of [[expiring.secret, /expired/], [revoked.secret, /revoked/], [unknown, /not known/], ["guess", /not a token/]] as const) {
      const r = await gql(YEARS, {}, token);
      expect(r.status).toBe(401);
      expect(r.headers["www-authenticate"]).toMatch(/^Bearer/);
      expect(r.json.errors).toEqual([{ message: expect.stringMatching(reason), extensions: { code: "UNAUTHENTICATED" } }]);
      expect(r.json.data).toBeUndefined();
    }
    const basic = await postGraphql(server.url, YEARS, {}, {});
    expect(basic.status).toBe(200);
  });

  it("records when a token was last used, at most once a minute", async () => {
    const t = await makeToken({ role: "FINANCE" });
    const lastUsed = async () => (await ds.query("SELECT last_used_at FROM api_token WHERE id = ?", [t.id]))[0].last_used_at;
    expect(await lastUsed()).toBeNull();
    await ok(YEARS, {}, t.secret);
    const first = await lastUsed();
    expect(first).not.toBeNull();
    await ok(YEARS, {}, t.secret);
    expect(String(await lastUsed())).toBe(String(first));
    await ds.query("UPDATE api_token SET last_used_at = ? WHERE id = ?", ["2020-01-01 00:00:00.000", t.id]);
    await ok(YEARS, {}, t.secret);
    expect(Date.now() - readDate(await lastUsed()).getTime()).toBeLessThan(120_000);
    const listed = (await ok(TOKENS, {}, BOOTSTRAP)).apiTokens.nodes.find((n: any) => n.id === t.id);
    expect(Date.now() - Date.parse(listed.lastUsedAt)).toBeLessThan(120_000);
  });

  it("refuses an address after 20 failed tokens a minute (RATE_LIMITED with a retry time), while other addresses go on", async () => {
    const good = await makeToken({ role: "FINANCE" });
    const started = performance.now();
    const statuses: number[] = [];
    let last: any;
    for (let i = 0; i < 1000; i++) {
      const r = await postGraphql(server.url, YEARS, {}, { token: `bgt_${i.toString().padStart(43, "x")}`, localAddress: guesser });
      statuses.push(r.status);
      last = r;
    }
    const seconds = (performance.now() - started) / 1000;
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
    expect(last.json.errors[0].extensions).toEqual({ code: "RATE_LIMITED", retryAfter: expect.any(Number) });
    expect(last.json.errors[0].extensions.retryAfter).toBeGreaterThan(0);
    expect(last.json.errors[0].extensions.retryAfter).toBeLessThanOrEqual(60);
    expect(Number(last.headers["retry-after"])).toBe(last.json.errors[0].extensions.retryAfter);
    // Locked out, even the right token waits; from another address it works.
    expect((await postGraphql(server.url, YEARS, {}, { token: good.secret, localAddress: guesser })).status).toBe(429);
    expect((await gql(YEARS, {}, good.secret)).status).toBe(200);
    // The public needs no token and is not locked out by the failures.
    expect((await postGraphql(server.url, YEARS, {}, { localAddress: guesser })).status).toBe(200);
    console.log(`[${kind}] 1,000 guesses: 20 answered 401, 980 answered 429, in ${seconds.toFixed(2)} s`);
  });

  it("lets a DEPARTMENT token import its own department's documents only, and audits every outcome of an import", async () => {
    const finance = await makeToken({ role: "FINANCE" });
    const importAs = (token: string | undefined, fileName: string, document: string, dryRun = false) => gql(IMPORT, { input: { fileName, document, dryRun } }, token);

    // OK, then the same bytes again: a no-op.
    const sample = text(SAMPLE_FILE);
    expect((await importAs(finance.secret, "007-2023.txt", sample)).json.data.importDisclosure).toMatchObject({ budget: { year: 2023, version: 1 }, userErrors: [] });
    expect((await importAs(finance.secret, "007-2023.txt", sample)).json.data.importDisclosure).toMatchObject({ unchanged: true });

    const dept = await makeToken({ role: "DEPARTMENT", departmentCode: "007", name: "人力资源局 财务科" });
    const before = await rowCounts(ds);
    const other = await importAs(dept.secret, "002-2023.txt", text(join(FIXTURES, "002-2023.txt")));
    expect(other.json.data.importDisclosure).toMatchObject({ budget: null, userErrors: [{ message: expect.stringMatching(/department 002's; a DEPARTMENT token imports only its own department's \(007\)/) }] });
    const otherDry = await importAs(dept.secret, "002-2023.txt", text(join(FIXTURES, "002-2023.txt")), true);
    expect(otherDry.json.data.importDisclosure.userErrors).toHaveLength(1);
    expect(await rowCounts(ds)).toEqual({ ...before, api_token: before.api_token });
    // Its own department's: imported.
    expect((await importAs(dept.secret, "007-2022.txt", text(join(FIXTURES, "007-2022.txt")))).json.data.importDisclosure).toMatchObject({ budget: { year: 2022, version: 1 }, userErrors: [] });
    // A dry run, a rejected document, and the public.
    expect((await importAs(dept.secret, "dry.txt", sample, true)).json.data.importDisclosure).toMatchObject({ budget: null, userErrors: [] });
    expect((await importAs(finance.secret, "bad.txt", "not a disclosure")).json.data.importDisclosure.userErrors.length).toBeGreaterThan(0);
    const notBase64 = await gql(IMPORT, { input: { fileName: "upload.pdf", content: "not base64!" } }, finance.secret);
    expect(notBase64.json.data.importDisclosure.userErrors[0].message).toMatch(/base64/);
    expect((await importAs(undefined, "anon.txt", sample)).json.data.importDisclosure.userErrors[0].message).toMatch(/token/);

    // Only this test's rows: the other tests of the file share the database and run in any order.
    const mine = (r: { tokenId: number | null; target: string }) => r.tokenId === finance.id || r.tokenId === dept.id || r.target === "anon.txt";
    const rows = (await audit({ actions: ["IMPORT", "VALIDATE"] })).filter(mine);
    const seen = rows.map((r) => [r.action, r.outcome, r.target, r.role, r.tokenId]);
    expect(seen).toEqual([
      ["IMPORT", "REFUSED", "anon.txt", "PUBLIC", null],
      ["IMPORT", "REJECTED", "upload.pdf", "FINANCE", finance.id],
      ["IMPORT", "REJECTED", "bad.txt", "FINANCE", finance.id],
      ["VALIDATE", "OK", "007/2023/BUDGET", "DEPARTMENT", dept.id],
      ["IMPORT", "OK", "007/2022/BUDGET/v1", "DEPARTMENT", dept.id],
      ["VALIDATE", "REFUSED", "002/2023/BUDGET", "DEPARTMENT", dept.id],
      ["IMPORT", "REFUSED", "002/2023/BUDGET", "DEPARTMENT", dept.id],
      ["IMPORT", "NOOP", "007/2023/BUDGET/v1", "FINANCE", finance.id],
      ["IMPORT", "OK", "007/2023/BUDGET/v1", "FINANCE", finance.id],
    ]);
    for (const r of rows) expect(r.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(rows.map((r) => r.requestId)).size).toBe(rows.length);
    expect(rows.find((r) => r.outcome === "NOOP").checksum).toBe(sha256(Buffer.from(sample, "utf8")));
    expect(rows[6].actor).toBe(`token:${dept.id} (DEPARTMENT 007)`);
  });

  it("refuses an over-long file name before the importer, and cuts an audit row's details to fit a TEXT column (in bytes)", async () => {
    const finance = await makeToken({ role: "FINANCE" });
    const r = await gql(IMPORT, { input: { fileName: "预".repeat(30_000), document: "not a disclosure" } }, finance.secret);
    expect(r.status).toBe(400);
    expect(r.json.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "input.fileName" });

    const viewer = { role: "FINANCE" as const, tokenId: finance.id, actor: `token:${finance.id} (FINANCE)` };
    await recordAudit(ds, { action: "IMPORT", target: "预".repeat(30_000), outcome: "REJECTED", detail: "预".repeat(30_000), viewer });
    const [row] = await audit({ tokenId: finance.id, outcomes: ["REJECTED"] });
    expect(row.target).toBe("预".repeat(200));
    expect(row.detail.length).toBeGreaterThan(10_000);
    expect(Buffer.byteLength(row.detail)).toBeLessThanOrEqual(60_000);
  });

  it("keeps the audit row of an import the database failed, though its transaction was rolled back", async () => {
    const finance = await makeToken({ role: "FINANCE" });
    await ds.query(
      kind === "mysql"
        ? "CREATE TRIGGER refuse_budgets BEFORE INSERT ON department_budget FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'forced failure'"
        : "CREATE TRIGGER refuse_budgets BEFORE INSERT ON department_budget BEGIN SELECT RAISE(ABORT, 'forced failure'); END",
    );
    try {
      const before = await rowCounts(ds);
      const document = text(join(FIXTURES, "002-2023.txt"));
      const r = await gql(IMPORT, { input: { fileName: "002-2023.txt", document } }, finance.secret);
      expect(r.json.errors?.length).toBeGreaterThan(0);
      expect(await rowCounts(ds)).toEqual(before);
      const [failed] = await audit({ outcomes: ["FAILED"] });
      expect(failed).toMatchObject({ action: "IMPORT", target: "002/2023/BUDGET", tokenId: finance.id, role: "FINANCE", checksum: sha256(Buffer.from(document, "utf8")) });
      expect(failed.detail).toMatch(/002-2023\.txt: the load failed and was rolled back/);
      expect(failed.detail).not.toMatch(/forced failure|INSERT|department_budget/);
    } finally {
      await ds.query("DROP TRIGGER refuse_budgets");
    }
  });

  it("lets administrators page and filter the audit log", async () => {
    const finance = await makeToken({ role: "FINANCE" });
    for (let i = 0; i < 6; i++) {
      const r = await gql(IMPORT, { input: { fileName: `dry-${i}.txt`, document: text(SAMPLE_FILE), dryRun: true } }, finance.secret);
      expect(r.json.data.importDisclosure.userErrors).toEqual([]);
    }
    const all = (await ok(AUDIT, { first: 3 }, BOOTSTRAP)).auditEvents;
    expect(all.nodes).toHaveLength(3);
    expect(all.totalCount).toBeGreaterThanOrEqual(7);
    expect(all.nodes[0].id).toBeGreaterThan(all.nodes[1].id);
    const next = (await ok(AUDIT, { first: 3, after: all.pageInfo.endCursor }, BOOTSTRAP)).auditEvents;
    expect(next.nodes[0].id).toBeLessThan(all.nodes[2].id);

    const imports = await audit({ actions: ["VALIDATE"], outcomes: ["OK"], target: "007/" });
    expect(imports.length).toBeGreaterThanOrEqual(6);
    expect(imports.every((r) => r.action === "VALIDATE" && r.outcome === "OK" && r.target.startsWith("007/"))).toBe(true);
    const oneToken = finance.id;
    expect((await audit({ tokenId: oneToken })).length).toBeGreaterThanOrEqual(6);
    expect((await audit({ tokenId: oneToken })).every((r) => r.tokenId === oneToken)).toBe(true);
    const future = await audit({ from: new Date(Date.now() + 3600_000).toISOString() });
    expect(future).toEqual([]);
    const past = await audit({ to: new Date(Date.now() + 3600_000).toISOString() });
    expect(past.length).toBe(Math.min(100, all.totalCount));
    // A wildcard in the target is text, not a pattern.
    expect(await audit({ target: "%" })).toEqual([]);
    const tooMany = await gql(AUDIT, { filter: { actions: Array.from({ length: 21 }, () => "IMPORT") } }, BOOTSTRAP);
    expect(tooMany.json.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "filter.actions" });
  });
});
