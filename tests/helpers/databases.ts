import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import mysql from "mysql2/promise";
import type { DataSource } from "typeorm";
import { type DatabaseConfig, parseDatabaseUrl } from "../../src/config";
import { openPlatformDatabase } from "../../src/platform";
import { inject } from "vitest";
import { MYSQL_URL } from "./mysql-url";

export const mysqlAvailable: boolean = inject("mysqlAvailable");

export interface TestDatabase {
  name: "sqlite" | "mysql";
  config: DatabaseConfig;
  open(): Promise<DataSource>;
  drop(): Promise<void>;
}

/** A fresh, empty database of each kind: a temp file for SQLite, a new schema on MySQL. */
export function freshDatabase(kind: "sqlite" | "mysql"): TestDatabase {
  const tag = `${process.pid}_${randomBytes(3).toString("hex")}`;
  if (kind === "sqlite") {
    const path = join(tmpdir(), `budget_test_${tag}.sqlite`);
    const config = parseDatabaseUrl(`sqlite:${path}`);
    return { name: kind, config, open: () => openPlatformDatabase(config), drop: async () => rmSync(path, { force: true }) };
  }
  const base = parseDatabaseUrl(MYSQL_URL);
  const config: DatabaseConfig = { ...base, database: `budget_test_${tag}`, url: MYSQL_URL.replace(/\/[^/]*$/, `/budget_test_${tag}`) };
  return {
    name: kind,
    config,
    open: () => openPlatformDatabase(config),
    drop: async () => {
      const conn = await mysql.createConnection({ host: base.host, port: base.port, user: base.user, password: base.password });
      await conn.query(`DROP DATABASE IF EXISTS \`${config.database}\``);
      await conn.end();
    },
  };
}

/** The database kinds a suite runs on: always SQLite, and MySQL where it is reachable. */
export const DATABASE_KINDS = (["sqlite", "mysql"] as const).filter((k) => k === "sqlite" || mysqlAvailable);
