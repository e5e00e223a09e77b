import mysql from "mysql2/promise";
import type { TestProject } from "vitest/node";
import { parseDatabaseUrl } from "../src/config";
import { explorerBundle } from "../src/explorer/routes";
import { ideBundle } from "../src/ide/bundle";
import { MYSQL_URL, REQUIRE_MYSQL } from "./helpers/mysql-url";

declare module "vitest" {
  export interface ProvidedContext {
    mysqlAvailable: boolean;
  }
}

/** Probes MySQL once for the whole run; with REQUIRE_MYSQL=1 an unreachable server fails the run. */
export async function setup(project: TestProject): Promise<void> {
  const c = parseDatabaseUrl(MYSQL_URL);
  let available = false;
  try {
    const conn = await mysql.createConnection({ host: c.host, port: c.port, user: c.user, password: c.password, connectTimeout: 3000 });
    await conn.end();
    available = true;
  } catch (err) {
    if (REQUIRE_MYSQL) throw new Error(`REQUIRE_MYSQL=1 but MySQL at ${MYSQL_URL} is unreachable: ${(err as Error).message}`);
    console.warn(`[tests] MySQL at ${MYSQL_URL} is unreachable: the [mysql] suites are skipped (REQUIRE_MYSQL=1 makes this fail)`);
  }
  project.provide("mysqlAvailable", available);
  // CI and a fresh checkout run no build step: the pages' bundles (dist/ide/, dist/explorer/) are made
  // here when missing or older than their sources, once, rather than by each test file's server at
  // the same time; one after the other, as the machine's cores are few.
  for (const [bundle, tests] of [[ideBundle, "IDE"], [explorerBundle, "explorer"]] as const) {
    await bundle.ensure((line) => console.log(`[tests] ${line}`)).catch((err: unknown) => console.warn(`[tests] ${(err as Error).message}: the ${tests} tests will fail`));
  }
}
