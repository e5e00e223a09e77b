import { type IncomingMessage, type ServerResponse, request } from "node:http";
import type { DataSource } from "typeorm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { statementCounter } from "../../src/db/data-source";
import { shipCodeLists } from "../../src/ingest/codes";
import { ready } from "../../src/ops/health";
import { openPlatformDatabase } from "../../src/platform";
import { type RunningServer, createServer } from "../../src/server";
import { DATABASE_KINDS, freshDatabase, mysqlAvailable } from "../helpers/databases";
import { captureInfo } from "../helpers/log";
import { Relay } from "../helpers/relay";

const NO_RATE = { limits: { rateLimitPerAddress: 0, rateLimitPerToken: 0 } };

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

function call(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: opts.method ?? "GET", agent: false, headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        resolve({ status: res.statusCode!, headers: res.headers, body: text ? JSON.parse(text) : undefined });
      });
    });
    req.on("error", reject);
    req.end(opts.body);
  });
}

const gql = (url: string, query: string, headers: Record<string, string> = {}) =>
  call(`${url}graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });

describe.each(DATABASE_KINDS)("health and readiness (%s)", (kind) => {
  const db = freshDatabase(kind);
  let ds: DataSource;
  let server: RunningServer;

  beforeAll(async () => {
    ds = await db.open();
    server = await createServer(ds, 0, "127.0.0.1", NO_RATE);
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => {
    await server?.stop();
    if (ds?.isInitialized) await ds.destroy();
    await db.drop();
  });

  it("/health answers 200 JSON without touching the database", async () => {
    const lines = captureInfo();
    const r = await call(`${server.url}health`);
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toMatch(/^application\/json/);
    expect(r.body).toMatchObject({ status: "ok" });
    expect(lines.find((l) => l.path === "/health")).toMatchObject({ status: 200, statements: 0 });
  });

  it("/favicon.ico answers 204 with nothing, kept for a day, and no statement", async () => {
    const lines = captureInfo();
    const r = await call(`${server.url}favicon.ico`);
    expect(r.status).toBe(204);
    expect(r.body).toBeUndefined();
    expect(r.headers["cache-control"]).toBe("public, max-age=86400");
    expect(lines.find((l) => l.path === "/favicon.ico")).toMatchObject({ status: 204, statements: 0 });
  });

  it("/ready answers 200 with each check passed on a migrated database with its code lists", async () => {
    const r = await call(`${server.url}ready`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: "ready", checks: { database: { ok: true }, migrations: { ok: true }, codeLists: { ok: true } } });
  });

  it("/ready answers 503 naming the migration when one has not run", async () => {
    const [last] = (await ds.query("SELECT id, timestamp, name FROM migrations ORDER BY timestamp DESC LIMIT 1")) as { id: number; timestamp: string; name: string }[];
    await ds.query("DELETE FROM migrations WHERE id = ?", [last!.id]);
    try {
      const r = await call(`${server.url}ready`);
      expect(r.status).toBe(503);
      expect(r.body.status).toBe("unavailable");
      expect(r.body.checks.migrations).toEqual({ ok: false, detail: `1 pending: ${last!.name}` });
    } finally {
      await ds.query("INSERT INTO migrations (id, timestamp, name) VALUES (?, ?, ?)", [last!.id, last!.timestamp, last!.name]);
    }
    expect((await call(`${server.url}ready`)).status).toBe(200);
  });

  it("/ready answers 503 when the shipped code list is not all there", async () => {
    const [row] = (await ds.query("SELECT code FROM subject_code_name WHERE origin = 'CODE_LIST' ORDER BY code LIMIT 1")) as { code: string }[];
    await ds.query("DELETE FROM subject_code_name WHERE code = ? AND origin = 'CODE_LIST'", [row!.code]);
    try {
      const r = await call(`${server.url}ready`);
      expect(r.status).toBe(503);
      expect(r.body.checks.codeLists.ok).toBe(false);
      expect(r.body.checks.codeLists.detail).toMatch(/functional/);
    } finally {
      await shipCodeLists(ds);
    }
    expect((await call(`${server.url}ready`)).status).toBe(200);
  });

  it("/ready answers 503 once the database is closed, and /health still 200", async () => {
    const own = await openPlatformDatabase(db.config);
    const s = await createServer(own, 0, "127.0.0.1", NO_RATE);
    try {
      expect((await call(`${s.url}ready`)).status).toBe(200);
      await own.destroy();
      const r = await call(`${s.url}ready`);
      expect(r.status).toBe(503);
      expect(r.body.checks.database.ok).toBe(false);
      expect((await call(`${s.url}health`)).status).toBe(200);
    } finally {
      await s.stop();
      if (own.isInitialized) await own.destroy();
    }
  });

  it("/ready answers 503 once a shutdown began, before the database is asked", async () => {
    // Apollo closes idle kept-alive connections as it stops, so the handler is asked directly.
    const headers: Record<string, unknown> = {};
    let text = "";
    const res = { statusCode: 0, setHeader: (k: string, v: unknown) => void (headers[k] = v), end: (t: string) => void (text = t) };
    const before = statementCounter(ds).count;
    await ready(ds, () => true)({} as IncomingMessage, res as unknown as ServerResponse);
    expect(res.statusCode).toBe(503);
    expect(JSON.parse(text)).toEqual({ status: "stopping", checks: {} });
    expect(statementCounter(ds).count).toBe(before);
    await ready(ds, () => false)({} as IncomingMessage, res as unknown as ServerResponse);
    expect(res.statusCode).toBe(200);
  });

  it("logs one line per GraphQL request with its id, operation, role, statements and status, and echoes a caller's x-request-id", async () => {
    const lines = captureInfo();
    const r = await gql(server.url, "query Codes { subjectCodes(level: CLASS) { code } }", { "x-request-id": "lb-7f3a:2024/11" });
    expect(r.status).toBe(200);
    expect(r.headers["x-request-id"]).toBe("lb-7f3a:2024/11");
    const line = lines.find((l) => l.requestId === "lb-7f3a:2024/11");
    expect(line).toMatchObject({ msg: "request", operation: "Codes", role: "PUBLIC", status: 200, method: "POST", path: "/graphql" });
    expect(line!.statements).toBeGreaterThanOrEqual(1);
    expect(typeof line!.durationMs).toBe("number");
  });

  it("makes a new request id when the caller's is too long, has spaces or control characters", async () => {
    for (const given of ["x".repeat(65), "two words", "a\tb"]) {
      const r = await gql(server.url, "{ __typename }", { "x-request-id": given });
      expect(r.status).toBe(200);
      expect(r.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("counts each request's statements apart while requests run side by side", async () => {
    const lines = captureInfo();
    const ids = Array.from({ length: 6 }, (_, i) => `side-${i}`);
    await Promise.all(ids.map((id, i) => gql(server.url, i % 2 ? "{ __typename }" : "query Codes { subjectCodes(level: CLASS) { code } }", { "x-request-id": id })));
    const alone = (await (async () => {
      const before = lines.length;
      await gql(server.url, "query Codes { subjectCodes(level: CLASS) { code } }", { "x-request-id": "alone" });
      return lines.slice(before).find((l) => l.requestId === "alone")!.statements;
    })()) as number;
    for (const [i, id] of ids.entries()) expect(lines.find((l) => l.requestId === id)!.statements).toBe(i % 2 ? 0 : alone);
  });
});

describe.skipIf(!mysqlAvailable)("readiness when the database is unreachable (MySQL)", () => {
  it("/ready answers 503 promptly, naming neither host nor port, once the connection is cut", async () => {
    const db = freshDatabase("mysql");
    await (await db.open()).destroy();
    const relay = new Relay({ host: db.config.host!, port: db.config.port! });
    await relay.start();
    const ds = await openPlatformDatabase({ ...db.config, host: "127.0.0.1", port: relay.port });
    const s = await createServer(ds, 0, "127.0.0.1", NO_RATE);
    try {
      expect((await call(`${s.url}ready`)).status).toBe(200);
      await relay.cut();
      const at = Date.now();
      const r = await call(`${s.url}ready`);
      expect(Date.now() - at).toBeLessThan(5_000);
      expect(r.status).toBe(503);
      expect(r.body.checks.database.ok).toBe(false);
      expect(JSON.stringify(r.body)).not.toContain(String(relay.port));
      expect(JSON.stringify(r.body)).not.toContain("127.0.0.1");
    } finally {
      await s.stop();
      await ds.destroy().catch(() => {});
      await db.drop();
    }
  });
});
