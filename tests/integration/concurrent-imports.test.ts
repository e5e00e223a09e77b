import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import mysql from "mysql2/promise";
import { print } from "graphql";
import type { DataSource } from "typeorm";
import { afterAll, describe, expect, it } from "vitest";
import { ImportDisclosureDocument, type ImportDisclosureMutation } from "../../schema/generated/operations";
import { withWriteLock } from "../../src/db/write-lock";
import { importDocument } from "../../src/ingest/import";
import { checksumOf } from "../../src/ingest/load";
import { DATABASE_KINDS, freshDatabase, mysqlAvailable, type TestDatabase } from "../helpers/databases";
import { TestServer } from "../helpers/server";

/**
 * Imports started at the same moment, as separate processes against MySQL and as concurrent
 * requests to one server: identical ones converge on one version, competing ones each become the
 * next version, and none ends in a stack trace.
 */
const ROOT = join(__dirname, "..", "..");
const SCRATCH = mkdtempSync(join(tmpdir(), "budget-concurrent-"));
afterAll(() => rmSync(SCRATCH, { recursive: true, force: true }));

/** The repository's own 2022 disclosure of the HR bureau, and edited copies of it: one department-year, many versions. */
const ORIGINAL = readFileSync(join(ROOT, "tests", "fixtures", "disclosures", "007-2022.txt"), "utf8");
const ANCHOR = "除本级外，没有纳入部门预算编制范围的所属单位。";
function variant(i: number): string {
  if (!ORIGINAL.includes(ANCHOR)) throw new Error("the fixture no longer has the sentence the variants edit");
  return ORIGINAL.replace(ANCHOR, `${ANCHOR}（第${i}稿）`);
}
function variantFile(i: number): string {
  const path = join(SCRATCH, `007-2022-v${i}.txt`);
  writeFileSync(path, variant(i));
  return path;
}
const SAME_FILE = join(SCRATCH, "007-2022.txt");
writeFileSync(SAME_FILE, ORIGINAL);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI as its own process (node with tsx's loader: the same code as `npm run budget`, less start-up). */
function cli(db: TestDatabase, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: db.config.url, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const STACK_LINE = /^\s+at /m;

async function versions(ds: DataSource): Promise<{ version: number; current: number; checksum: string; lines: number }[]> {
  const rows: Record<string, unknown>[] = await ds.query(
    `SELECT b.version, b.is_current, s.checksum, (SELECT COUNT(*) FROM subject_line l WHERE l.budget_id = b.id) AS line_count
       FROM department_budget b JOIN source_document s ON s.id = b.source_document_id ORDER BY b.version`,
  );
  return rows.map((r) => ({ version: Number(r.version), current: Number(r.is_current), checksum: String(r.checksum), lines: Number(r.line_count) }));
}

/** Holds the database's write lock from outside, as another process's import would. */
async function holdLock(db: TestDatabase): Promise<() => Promise<void>> {
  const c = db.config;
  const conn = await mysql.createConnection({ host: c.host, port: c.port, user: c.user, password: c.password, database: c.database });
  const [[row]] = (await conn.query("SELECT GET_LOCK(CONCAT('budget-write:', SHA1(DATABASE())), 0) AS got")) as [{ got: unknown }[], unknown];
  expect(Number(row!.got)).toBe(1);
  return async () => {
    await conn.query("DO RELEASE_LOCK(CONCAT('budget-write:', SHA1(DATABASE())))");
    await conn.end();
  };
}

async function withDatabase<T>(db: TestDatabase, run: (ds: DataSource) => Promise<T>): Promise<T> {
  const ds = await db.open();
  try {
    return await run(ds);
  } finally {
    await ds.destroy();
  }
}

describe.runIf(mysqlAvailable)("[mysql] imports run as separate processes at the same time", () => {
  it("20 processes importing the same file into a new database: one imports it, 19 find it already imported, all exit 0", { timeout: 300_000 }, async () => {
    // The database does not exist yet: the processes also create it, migrate it and ship the code lists together.
    const db = freshDatabase("mysql");
    try {
      const runs = await Promise.all(Array.from({ length: 20 }, () => cli(db, ["import", "--json", SAME_FILE])));
      for (const r of runs) {
        expect(r.stderr, r.stderr).not.toMatch(STACK_LINE);
        expect(r.code, r.stderr).toBe(0);
      }
      const files = runs.map((r) => (JSON.parse(r.stdout) as { files: { status: string; version: number }[] }).files[0]!);
      expect(files.filter((f) => f.status === "imported")).toHaveLength(1);
      expect(files.filter((f) => f.status === "unchanged")).toHaveLength(19);
      expect(new Set(files.map((f) => f.version))).toEqual(new Set([1]));
      await withDatabase(db, async (ds) => {
        expect(await versions(ds)).toEqual([expect.objectContaining({ version: 1, current: 1, checksum: checksumOf(Buffer.from(ORIGINAL)) })]);
        expect(Number((await ds.query("SELECT COUNT(*) AS n FROM source_document"))[0].n)).toBe(1);
      });
    } finally {
      await db.drop();
    }
  });

  it("10 processes each importing a different version of one department-year: versions 1 to 10, all whole, the last in force", { timeout: 300_000 }, async () => {
    const db = freshDatabase("mysql");
    try {
      await withDatabase(db, async () => undefined);
      const files = Array.from({ length: 10 }, (_, i) => variantFile(i + 1));
      const runs = await Promise.all(files.map((f) => cli(db, ["import", "--json", f])));
      for (const r of runs) {
        expect(r.stderr, r.stderr).not.toMatch(STACK_LINE);
        expect(r.code, r.stderr).toBe(0);
      }
      const reported = runs.map((r) => (JSON.parse(r.stdout) as { files: { status: string; version: number }[] }).files[0]!);
      expect(reported.every((f) => f.status === "imported")).toBe(true);
      expect(reported.map((f) => f.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      await withDatabase(db, async (ds) => {
        const stored = await versions(ds);
        expect(stored.map((v) => v.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        expect(stored.filter((v) => v.current).map((v) => v.version)).toEqual([10]);
        // Every file's bytes are one version, and each version holds all its lines: no write lost, none partial.
        expect(new Set(stored.map((v) => v.checksum))).toEqual(new Set(files.map((f) => checksumOf(readFileSync(f)))));
        expect(new Set(stored.map((v) => v.lines)).size).toBe(1);
        expect(stored[0]!.lines).toBeGreaterThan(0);
      });
    } finally {
      await db.drop();
    }
  });

  it("a database kept busy past IMPORT_WAIT_SECONDS: one line saying try again, exit 75, nothing written; the same command then imports", { timeout: 120_000 }, async () => {
    const db = freshDatabase("mysql");
    try {
      await withDatabase(db, async () => undefined);
      const release = await holdLock(db);
      let busy: Run;
      try {
        busy = await cli(db, ["import", SAME_FILE], { IMPORT_WAIT_SECONDS: "1" });
      } finally {
        await release();
      }
      expect(busy.code, busy.stderr).toBe(75);
      expect(busy.stderr.trim().split("\n")).toHaveLength(1);
      expect(busy.stderr).toMatch(/busy.*try again/);
      const again = await cli(db, ["import", SAME_FILE], { IMPORT_WAIT_SECONDS: "1" });
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toMatch(/imported as version 1/);
      await withDatabase(db, async (ds) => expect((await versions(ds)).map((v) => v.version)).toEqual([1]));
    } finally {
      await db.drop();
    }
  });

  it("a database error during an import: one line naming each file, exit 1, no stack trace, and the batch goes on", { timeout: 120_000 }, async () => {
    const db = freshDatabase("mysql");
    try {
      await withDatabase(db, (ds) => ds.query("DROP TABLE narrative_claim"));
      const run = await cli(db, ["import", SAME_FILE, variantFile(1)]);
      expect(run.code).toBe(1);
      expect(run.stderr).not.toMatch(STACK_LINE);
      const messages = run.stderr.split("\n").filter((l) => l.startsWith("  "));
      expect(messages).toEqual([
        expect.stringMatching(/^ {2}007-2022\.txt: not imported: .*narrative_claim/),
        expect.stringMatching(/^ {2}007-2022-v1\.txt: not imported: .*narrative_claim/),
      ]);
      await withDatabase(db, async (ds) => expect(await versions(ds)).toEqual([]));
    } finally {
      await db.drop();
    }
  });
});

describe("[sqlite] an import while another process writes to the same file", () => {
  it("waits for that process's transaction (SQLite's busy timeout) and is then imported", { timeout: 60_000 }, async () => {
    const db = freshDatabase("sqlite");
    try {
      await withDatabase(db, async (ds) => {
        // Another process holds the file's write lock for 2.5 s, as its own import would.
        const holder = spawn(process.execPath, ["-e", `const d = new (require("better-sqlite3"))(${JSON.stringify(db.config.path)}); d.exec("BEGIN IMMEDIATE"); console.log("held"); setTimeout(() => d.exec("COMMIT"), 2500);`], { cwd: ROOT });
        await new Promise<void>((resolve, reject) => {
          holder.stdout.on("data", () => resolve());
          holder.on("error", reject);
          holder.on("exit", (code) => reject(new Error(`the holder exited ${code}`)));
        });
        const started = Date.now();
        const outcome = await importDocument(ds, "007-2022.txt", Buffer.from(ORIGINAL), { actor: "test" });
        expect(outcome.ok && outcome.load?.version, JSON.stringify(!outcome.ok && outcome.rejection)).toBe(1);
        expect(Date.now() - started).toBeGreaterThan(1000);
        await new Promise((r) => holder.on("close", r));
      });
    } finally {
      await db.drop();
    }
  });
});

describe.each(DATABASE_KINDS)("[%s] imports at the same time in one process", (kind) => {
  it("an import that cannot get its turn in time is refused, to be retried, writing nothing", async () => {
    const db = freshDatabase(kind);
    try {
      await withDatabase(db, async (ds) => {
        let release!: () => void;
        const held = new Promise<void>((r) => (release = r));
        const holder = withWriteLock(ds, 1000, () => held);
        const outcome = await importDocument(ds, "007-2022.txt", Buffer.from(ORIGINAL), { actor: "test", waitSeconds: 0.2 });
        release();
        await holder;
        expect(outcome.ok).toBe(false);
        if (outcome.ok) return;
        expect(outcome.rejection.retry).toBe(true);
        expect(outcome.rejection.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^007-2022\.txt: not imported, .*busy.*try again$/)]);
        expect(await versions(ds)).toEqual([]);
        const again = await importDocument(ds, "007-2022.txt", Buffer.from(ORIGINAL), { actor: "test", waitSeconds: 0.2 });
        expect(again.ok && again.load?.version).toBe(1);
      });
    } finally {
      await db.drop();
    }
  });

  it("10 concurrent importDisclosure requests: the same file converges on one version; 10 versions become versions 1 to 10", { timeout: 120_000 }, async () => {
    const db = freshDatabase(kind);
    const token = "concurrent-test-token";
    const before = process.env.ADMIN_TOKEN;
    process.env.ADMIN_TOKEN = token;
    const ds = await db.open();
    const server = await TestServer.start(ds);
    try {
      const importing = async (text: string, fileName: string) => {
        const res = await fetch(server.url, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: print(ImportDisclosureDocument), variables: { input: { fileName, content: Buffer.from(text).toString("base64") } } }),
        });
        const body = await res.text();
        expect(res.status, body).toBe(200);
        const json = JSON.parse(body) as { data: ImportDisclosureMutation; errors?: unknown };
        expect(json.errors, body).toBeUndefined();
        return json.data.importDisclosure;
      };
      const same = await Promise.all(Array.from({ length: 10 }, () => importing(ORIGINAL, "007-2022.txt")));
      expect(same.map((p) => p.userErrors)).toEqual(Array(10).fill([]));
      expect(same.filter((p) => !p.unchanged)).toHaveLength(1);
      expect(new Set(same.map((p) => p.budget?.version))).toEqual(new Set([1]));

      const texts = Array.from({ length: 10 }, (_, i) => variant(i + 1));
      const competing = await Promise.all(texts.map((t, i) => importing(t, `007-2022-v${i + 1}.txt`)));
      expect(competing.map((p) => p.userErrors)).toEqual(Array(10).fill([]));
      expect(competing.map((p) => p.budget!.version).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      const stored = await versions(ds);
      expect(stored.map((v) => v.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      expect(stored.filter((v) => v.current).map((v) => v.version)).toEqual([11]);
      expect(new Set(stored.map((v) => v.lines)).size).toBe(1);
    } finally {
      await server.stop();
      await ds.destroy();
      await db.drop();
      if (before === undefined) delete process.env.ADMIN_TOKEN;
      else process.env.ADMIN_TOKEN = before;
    }
  });
});
