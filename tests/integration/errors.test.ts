import mysql from "mysql2/promise";
import type { DataSource } from "typeorm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { post } from "../../bench/attacks";
import type { Limits } from "../../src/common/limits";
import { openDatabase } from "../../src/db/data-source";
import { loadSampleIfEmpty } from "../../src/ingest/sample";
import { openPlatformDatabase } from "../../src/platform";
import { type RunningServer, createServer } from "../../src/server";
import { freshDatabase, mysqlAvailable } from "../helpers/databases";
import { captureLog } from "../helpers/log";
import { Relay } from "../helpers/relay";

/** What must never reach a client: SQL, driver text, host, port, path, stack. */
const LEAKS = /SELECT|FROM |SQL|\bER_|errno|ECONN|127\.0\.0\.1|localhost|:3306|\bport\b|\/work\/|node_modules|\.ts:\d|at [A-Za-z]+ \(|Table|doesn't exist|budget_test_/;

const NO_RATE: Partial<Limits> = { rateLimitPerAddress: 0 };

describe.skipIf(!mysqlAvailable)("errors that reveal nothing, and a database that stalls (MySQL)", () => {
  const db = freshDatabase("mysql");
  let ds: DataSource;
  let server: RunningServer;
  let logged: string[] = [];

  beforeAll(async () => {
    ds = await db.open();
    await loadSampleIfEmpty(ds);
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => {
    await server?.stop();
    await ds?.destroy();
    await db.drop();
  });

  const startLog = () => {
    logged = captureLog();
  };

  const expectInternal = (r: Awaited<ReturnType<typeof post>>) => {
    const text = JSON.stringify(r.body);
    expect(text, text).not.toMatch(LEAKS);
    const e = r.body.errors![0]!;
    const id = r.headers["x-request-id"] as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(e.message).toBe(`internal error (request id ${id})`);
    expect(e.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR", requestId: id });
    return id;
  };

  it("answers a database error as 'internal error' with the request id, and logs the full error once with that id", async () => {
    const scratch = freshDatabase("mysql");
    const own = await scratch.open();
    try {
      await loadSampleIfEmpty(own);
      const s = await createServer(own, 0, "127.0.0.1", { limits: NO_RATE });
      try {
        await own.query("SET FOREIGN_KEY_CHECKS = 0");
        await own.query("DROP TABLE department");
        startLog();
        const r = await post(`${s.url}graphql`, JSON.stringify({ query: "{ departments(first: 5) { nodes { code name } } }" }));
        const id = expectInternal(r);
        expect(JSON.stringify(r.body)).not.toContain(scratch.config.database!);
        const mine = logged.filter((l) => l.includes(id));
        expect(mine).toHaveLength(1);
        // The log has what the client does not: the driver's words, naming the table.
        expect(mine[0]).toMatch(/department' doesn't exist/);
        expect(logged.filter((l) => /doesn't exist/.test(l))).toHaveLength(1);
      } finally {
        await s.stop();
      }
    } finally {
      await own.destroy();
      await scratch.drop();
    }
  });

  it("answers an unreachable database as 'internal error' naming neither host nor port", async () => {
    const relay = new Relay({ host: db.config.host!, port: db.config.port! });
    await relay.start();
    const viaRelay = await openPlatformDatabase({ ...db.config, host: "127.0.0.1", port: relay.port });
    const s = await createServer(viaRelay, 0, "127.0.0.1", { limits: NO_RATE });
    try {
      const q = JSON.stringify({ query: '{ department(code: "007") { name } projects(first: 1) { totalCount } }' });
      expect((await post(`${s.url}graphql`, q)).body.errors).toBeUndefined();
      await relay.cut();
      startLog();
      const r = await post(`${s.url}graphql`, q);
      const id = expectInternal(r);
      expect(logged.some((l) => l.includes(id))).toBe(true);
      expect(JSON.stringify(r.body)).not.toContain(String(relay.port));
    } finally {
      await s.stop();
      await viaRelay.destroy().catch(() => {});
    }
  });

  it("answers a request stalled behind a table lock by its deadline: 503 REQUEST_TIMEOUT, not a hang", async () => {
    const locker = await mysql.createConnection({ host: db.config.host, port: db.config.port, user: db.config.user, password: db.config.password, database: db.config.database });
    server = await createServer(ds, 0, "127.0.0.1", { limits: { ...NO_RATE, requestDeadlineMs: 1_500 } });
    try {
      await locker.query("LOCK TABLES department WRITE");
      const started = performance.now();
      const r = await post(`${server.url}graphql`, JSON.stringify({ query: "{ departments { nodes { code name } } }" }));
      const ms = performance.now() - started;
      expect(r.status).toBe(503);
      expect(r.body.errors![0]!.extensions).toMatchObject({ code: "REQUEST_TIMEOUT", deadlineMs: 1_500 });
      expect(ms).toBeGreaterThanOrEqual(1_400);
      // Without the deadline the request waits for the lock, which the finally below releases: any bound proves it.
      expect(ms).toBeLessThan(9_000);
    } finally {
      await locker.query("UNLOCK TABLES");
      await locker.end();
    }
    // The statement left behind ends by the statement timeout at the latest; the server answers again.
    const again = await post(`${server.url}graphql`, JSON.stringify({ query: '{ department(code: "007") { code } }' }));
    expect(again.body.errors).toBeUndefined();
  });

  it("has the database stop a statement past DB_STATEMENT_TIMEOUT_SECONDS, answered REQUEST_TIMEOUT", async () => {
    const short = await openDatabase(db.config, { statementTimeoutSeconds: 1, migrate: false });
    const locker = await mysql.createConnection({ host: db.config.host, port: db.config.port, user: db.config.user, password: db.config.password, database: db.config.database });
    const s = await createServer(short, 0, "127.0.0.1", { limits: { ...NO_RATE, requestDeadlineMs: 10_000 } });
    try {
      const [{ t }] = (await short.query("SELECT @@SESSION.max_statement_time AS t")) as { t: string }[];
      expect(Number(t)).toBe(1);
      await locker.query("LOCK TABLES department WRITE");
      const started = performance.now();
      const r = await post(`${s.url}graphql`, JSON.stringify({ query: "{ departments { nodes { code name } } }" }));
      const ms = performance.now() - started;
      expect(JSON.stringify(r.body)).not.toMatch(LEAKS);
      expect(r.body.errors![0]!.extensions!.code).toBe("REQUEST_TIMEOUT");
      expect(ms).toBeLessThan(8_000);
    } finally {
      await locker.query("UNLOCK TABLES");
      await locker.end();
      await s.stop();
      await short.destroy();
    }
  });
});
