import "reflect-metadata";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DataSource, type DataSourceOptions } from "typeorm";
import { type DatabaseConfig, redactUrl } from "../config";
import { entities } from "./entities";
import { migrationsFor } from "./migrations";
import { StatementCounter } from "./statement-counter";
import { withWriteLock } from "./write-lock";

/** How long a starting process waits for other writers (another's migrations, an import) before giving up. */
export const STARTUP_WAIT_MS = 120_000;

export class DatabaseUnavailableError extends Error {}

export function dataSourceOptions(db: DatabaseConfig, logger = new StatementCounter()): DataSourceOptions {
  const common = { entities, migrations: migrationsFor(db.kind), synchronize: false, logger, logging: true as const };
  if (db.kind === "sqlite") {
    return { ...common, type: "better-sqlite3", database: db.path!, prepareDatabase: (d: any) => d.pragma("foreign_keys = ON") };
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

/** Connects and migrates. A database that cannot be reached becomes one clear error naming the URL. */
export async function openDatabase(db: DatabaseConfig, opts: { migrate?: boolean; waitMs?: number } = {}): Promise<DataSource> {
  const counter = new StatementCounter();
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
  return ds;
}

export function statementCounter(ds: DataSource): StatementCounter {
  return ds.logger as StatementCounter;
}
