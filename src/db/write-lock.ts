import type { DataSource, EntityManager } from "typeorm";

/**
 * Other writers held the database longer than the caller would wait, or kept deadlocking it:
 * nothing was written, and the same request a moment later will very likely go through.
 */
export class DatabaseBusyError extends Error {}

/** How long an import or publication waits for other writers to the same database before giving up (seconds). */
export const IMPORT_WAIT_SECONDS = 60;

// Waiters in this process queue here first, so a burst of imports holds one pooled connection
// waiting on the database's lock, not one each; on SQLite (one connection shared by every
// transaction of the process) this queue is what keeps two imports from interleaving.
const queues = new WeakMap<DataSource, Promise<void>>();

// One lock per database on the server (named locks are server-wide, so the name carries the
// database's). SHA1 keeps it within MySQL's 64 characters whatever the database is called.
const LOCK_NAME = "CONCAT('budget-write:', SHA1(COALESCE(DATABASE(), '')))";

// GET_LOCK waits in short slices: a statement timeout set for the session cuts no wait short.
const SLICE_SECONDS = 1;

/**
 * Runs `work` as the only writer of shared data in the database: within the process, and on
 * MySQL/MariaDB across processes too, through a named lock (GET_LOCK) held on a connection of
 * its own until `work` has committed. Waits at most `waitMs`, then throws DatabaseBusyError.
 * A process that dies loses its connection, and with it the lock. Not re-entrant: `work` must
 * not ask for the lock again.
 */
export async function withWriteLock<T>(ds: DataSource, waitMs: number, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + waitMs;
  const before = queues.get(ds) ?? Promise.resolve();
  let done!: () => void;
  const mine = new Promise<void>((resolve) => (done = resolve));
  // The next waiter waits for this one and for everything before it, even if this one gives up.
  const tail = before.then(() => mine);
  queues.set(ds, tail);
  try {
    await untilDeadline(before, deadline, waitMs);
    if (ds.options.type === "better-sqlite3") return await work();
    return await holdingNamedLock(ds, deadline, waitMs, work);
  } finally {
    done();
    if (queues.get(ds) === tail) queues.delete(ds);
  }
}

async function untilDeadline(p: Promise<void>, deadline: number, waitMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(busy(waitMs)), Math.max(0, deadline - Date.now()));
  });
  try {
    await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function holdingNamedLock<T>(ds: DataSource, deadline: number, waitMs: number, work: () => Promise<T>): Promise<T> {
  const qr = ds.createQueryRunner();
  try {
    for (;;) {
      const seconds = Math.min(SLICE_SECONDS, Math.max(0, (deadline - Date.now()) / 1000));
      const [row] = await qr.query(`SELECT GET_LOCK(${LOCK_NAME}, ?) AS got`, [Math.round(seconds * 100) / 100]);
      if (Number(row.got) === 1) break;
      if (Date.now() >= deadline) throw busy(waitMs);
    }
    try {
      return await work();
    } finally {
      // A connection lost here has released the lock with it.
      await qr.query(`DO RELEASE_LOCK(${LOCK_NAME})`).catch(() => undefined);
    }
  } finally {
    await qr.release();
  }
}

function busy(waitMs: number): DatabaseBusyError {
  return new DatabaseBusyError(`the database was busy with other writers for ${Math.round(waitMs / 1000)} s`);
}

/** A failure that says nothing about the work itself: another transaction was in the way. */
export function isTransient(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === "ER_LOCK_DEADLOCK" || code === "ER_LOCK_WAIT_TIMEOUT" || (typeof code === "string" && code.startsWith("SQLITE_BUSY"));
}

/**
 * Runs a transaction again when another transaction got in its way (a deadlock, a lock wait
 * timeout, SQLite's busy file), or when `alsoRetry` says so, a few times with a short random
 * pause; then gives up with DatabaseBusyError. Other errors pass through at once.
 */
export async function retryTransient<T>(work: () => Promise<T>, alsoRetry: (err: unknown) => boolean = () => false, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (!isTransient(err) && !alsoRetry(err)) throw err;
      if (attempt >= attempts) throw isTransient(err) ? new DatabaseBusyError(`the database stayed busy over ${attempts} attempts`, { cause: err }) : err;
      await new Promise((r) => setTimeout(r, 50 * attempt + Math.random() * 100 * attempt));
    }
  }
}

/**
 * The first statement of an import's transaction. On SQLite it takes the file's write lock at
 * once, where the busy timeout waits for another process's import to finish: a transaction that
 * has read first and only then writes is refused SQLITE_BUSY at once instead (SQLite's guard
 * against two readers each waiting to write). It changes no row. Elsewhere the named lock serves.
 */
export async function claimWriter(m: EntityManager): Promise<void> {
  if (m.connection.options.type === "better-sqlite3") await m.query("UPDATE department_budget SET is_current = is_current WHERE 0");
}
