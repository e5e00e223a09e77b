import type { DatabaseKind } from "../config";
import { mysqlMigrations } from "../../migrations/mysql";
import { sqliteMigrations } from "../../migrations/sqlite";

/** Migrations are listed explicitly: loading them by glob breaks under vitest. */
export function migrationsFor(kind: DatabaseKind): Function[] {
  return kind === "sqlite" ? sqliteMigrations : mysqlMigrations;
}
