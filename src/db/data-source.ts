import "reflect-metadata";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DataSource, type DataSourceOptions } from "typeorm";
import { limitsFromEnv } from "../common/limits";
import { type DatabaseConfig, redactUrl } from "../config";
import { entities } from "./entities";
import { migrationsFor } from "./migrations";
import { StatementCounter } from "./statement-counter";
import { withWriteLock } from "./write-lock";

/** How long a starting process waits for other writers (another's migrations, an import) before giving up. */
export const STARTUP_WAIT_MS = 120_000;

export class DatabaseUnavailableError extends Error {}

export function dataSourceOptions(db: DatabaseConfig, logger = new StatementCounter(), sqliteBusyTimeoutMs = limitsFromEnv().sqliteBusyTimeoutMs): DataSourceOptions {
  const common = { entities, migrations: migrationsFor(db.kind), synchronize: false, logger, logging: true as const };
  if (db.kind === "sqlite") {
    // SQLite statements run in this process and cannot be stopped from outside; what can stall is
    // the wait for another process's write lock (a CLI import), which the busy timeout bounds. The
    // driver waits synchronously, the whole server with it: kept short.
    return { ...common, type: "better-sqlite3", database: db.path!, timeout: sqliteBusyTimeoutMs, prepareDatabase: (d: any) => d.pragma("foreign_keys = ON") };
  }
  return {
    ...common,
    // MariaDB is wire-compatible, but TypeORM's "mariadb" type reads its schema correctly.
    type: db.kind,
    host: db.host,
    port: db.port,
    username: db.user,
    password: db.password,
    database: db.database,
    charset: "utf8mb4_unicode_ci",
    timezone: "Z",
    supportBigNumbers: true,
    bigNumberStrings: true,
    connectTimeout: 5000,
  };
}

/**
 * Makes the MySQL database if it is missing, so a fresh server needs no manual step. An account
 * without CREATE rights (a provisioned production user) is fine: its database already exists.
 */
async function ensureMysqlDatabase(db: DatabaseConfig): Promise<void> {
  const mysql = await import("mysql2/promise");
  const conn = await mysql.createConnection({ host: db.host, port: db.port, user: db.user, password: db.password, connectTimeout: 5000 });
  try {
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${db.database!.replace(/`/g, "")}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } catch (err) {
    if (!/ACCESS_DENIED/.test((err as { code?: string }).code ?? "")) throw err;
  } finally {
    await conn.end();
  }
}

/**
 * Bounds every statement on every pooled connection (0: no bound): MariaDB's max_statement_time
 * is in seconds, MySQL's max_execution_time in milliseconds (SELECTs only). Set as each
 * connection is first handed out, before the statement it was taken for.
 */
async function limitStatementTime(ds: DataSource, seconds: number): Promise<void> {
  if (!seconds) return;
  const pool = (ds.driver as unknown as { pool?: { on(event: "acquire", f: (conn: any) => void): void } }).pool;
  if (!pool) return;
  const [{ v }] = (await ds.query("SELECT VERSION() AS v")) as { v: string }[];
  const set = /mariadb/i.test(v) ? `SET SESSION max_statement_time = ${seconds}` : `SET SESSION max_execution_time = ${Math.round(seconds * 1000)}`;
  const done = new WeakSet<object>();
  pool.on("acquire", (conn) => {
    if (done.has(conn)) return;
    done.add(conn);
    conn.query(set, (err: Error | null) => {
      if (err) console.error(`could not bound statement time (${set}): ${err.message}`);
    });
  });
}

/** Connects and migrates. A database that cannot be reached becomes one clear error naming the URL. */
export async function openDatabase(db: DatabaseConfig, opts: { migrate?: boolean; waitMs?: number; statementTimeoutSeconds?: number } = {}): Promise<DataSource> {
  const counter = new StatementCounter();
  const timeout = opts.statementTimeoutSeconds ?? limitsFromEnv().statementTimeoutSeconds;
  const ds = new DataSource(dataSourceOptions(db, counter));
  try {
    if (db.kind === "sqlite" && db.path !== ":memory:") mkdirSync(dirname(db.path!), { recursive: true });
    if (db.kind !== "sqlite") await ensureMysqlDatabase(db);
    await ds.initialize();
  } catch (err) {
    const reason = (err as { code?: string; message?: string }).code ?? (err as Error).message;
    throw new DatabaseUnavailableError(`cannot open database ${redactUrl(db.url)}: ${reason}`);
  }
  // Processes starting together on a new database would each create the same tables.
  if (opts.migrate !== false) await withWriteLock(ds, opts.waitMs ?? STARTUP_WAIT_MS, () => ds.runMigrations({ transaction: "each" }));
  // After the migrations, whose statements on a large table may rightly run long.
  if (db.kind !== "sqlite") await limitStatementTime(ds, timeout);
  return ds;
}

export function statementCounter(ds: DataSource): StatementCounter {
  return ds.logger as StatementCounter;
}
