import type { DataSource } from "typeorm";
import type { DatabaseConfig } from "./config";
import { STARTUP_WAIT_MS, openDatabase } from "./db/data-source";
import { withWriteLock } from "./db/write-lock";
import { shipCodeLists } from "./ingest/codes";

/**
 * The platform's database, ready to serve: connected, migrated, and holding the shipped code
 * lists (so every 类 and 款 has a code and a name before the first import). Opening a database
 * knows nothing of budgets; this start-up step composes the two.
 */
export async function openPlatformDatabase(db: DatabaseConfig, opts: { waitMs?: number } = {}): Promise<DataSource> {
  const ds = await openDatabase(db, opts);
  // Under the write lock: an import running in another process inserts codes too.
  await withWriteLock(ds, opts.waitMs ?? STARTUP_WAIT_MS, () => shipCodeLists(ds));
  return ds;
}
