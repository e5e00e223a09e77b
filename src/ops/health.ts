import type { IncomingMessage, ServerResponse } from "node:http";
import type { DataSource } from "typeorm";
import { CODE_LISTS } from "../ingest/code-lists";

/** How long /ready waits for the database before calling it unreachable: a probe must answer promptly. */
const READY_TIMEOUT_MS = 2_000;

interface Check {
  ok: boolean;
  detail?: string;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.setHeader("cache-control", "no-store");
  res.setHeader("content-length", Buffer.byteLength(text));
  res.end(text);
}

/** Liveness: the process answers. Touches no database, so a slow database never gets the process restarted. */
export function health(_req: IncomingMessage, res: ServerResponse): void {
  sendJson(res, 200, { status: "ok", uptimeSeconds: Math.round(process.uptime()) });
}

/**
 * Browsers ask every site for /favicon.ico (the IDE and the explorer pages among them). There is
 * no icon: "no content", kept for a day, instead of a GraphQL error for a request without a query.
 */
export function noIcon(_req: IncomingMessage, res: ServerResponse): void {
  res.statusCode = 204;
  res.setHeader("cache-control", "public, max-age=86400");
  res.end();
}

async function database(ds: DataSource): Promise<Check> {
  await ds.query("SELECT 1");
  return { ok: true };
}

/** Every migration this build ships has run: a database behind the code would answer with missing columns. */
async function migrations(ds: DataSource): Promise<Check> {
  const table = ds.options.migrationsTableName ?? "migrations";
  const ran = new Set(((await ds.query(`SELECT name FROM ${table}`)) as { name: string }[]).map((r) => r.name));
  const pending = ds.migrations.map((m) => m.name ?? m.constructor.name).filter((name) => !ran.has(name));
  return pending.length ? { ok: false, detail: `${pending.length} pending: ${pending.join(", ")}` } : { ok: true };
}

/** The shipped code lists are in: every 类/款/项 and economic code has its name for the list's year. */
async function codeLists(ds: DataSource): Promise<Check> {
  for (const list of CODE_LISTS) {
    const [{ n: subject }] = (await ds.query("SELECT COUNT(*) AS n FROM subject_code_name WHERE year = ?", [list.year])) as { n: number | string }[];
    const [{ n: economic }] = (await ds.query("SELECT COUNT(*) AS n FROM economic_code_name WHERE year = ?", [list.year])) as { n: number | string }[];
    const wanted = { subject: Object.keys(list.functional).length, economic: Object.keys(list.deptEconomic).length + Object.keys(list.govEconomic).length };
    if (Number(subject) < wanted.subject || Number(economic) < wanted.economic) {
      return { ok: false, detail: `the ${list.year} list has ${subject}/${wanted.subject} functional and ${economic}/${wanted.economic} economic names` };
    }
  }
  return { ok: true };
}

/** The failure as an operator can read it, without a host, a path or a stack. */
function reason(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  if (typeof code === "string") return code;
  const message = err instanceof Error ? err.message : String(err);
  return /timed out|not (yet )?(established|connected)|closed/i.test(message) ? message.slice(0, 120) : "query failed";
}

async function run(check: () => Promise<Check>): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Check>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, detail: `no answer within ${READY_TIMEOUT_MS} ms` }), READY_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check().catch((err: unknown): Check => ({ ok: false, detail: reason(err) })), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Readiness: this instance can serve — the database answers, its migrations are current and the
 * code lists are loaded; 503 while it is shutting down, so a balancer stops sending work first.
 */
export function ready(ds: DataSource, stopping: () => boolean) {
  return async (_req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (stopping()) return sendJson(res, 503, { status: "stopping", checks: {} });
    if (!ds.isInitialized) return sendJson(res, 503, { status: "unavailable", checks: { database: { ok: false, detail: "closed" } } });
    const db = await run(() => database(ds));
    const checks: Record<string, Check> = { database: db };
    if (db.ok) {
      checks.migrations = await run(() => migrations(ds));
      checks.codeLists = await run(() => codeLists(ds));
    }
    const ok = Object.values(checks).every((c) => c.ok);
    sendJson(res, ok ? 200 : 503, { status: ok ? "ready" : "unavailable", checks });
  };
}
