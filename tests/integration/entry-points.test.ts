import { spawnSync } from "node:child_process";
import http from "node:http";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { DataSource } from "typeorm";
import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImportDisclosureDocument, type ImportDisclosureMutation } from "../../schema/generated/operations";
import { base64Length } from "../../src/common/base64";
import { SEVERITIES } from "../../src/common/vocabulary";
import { MAX_DOCUMENT_BYTES } from "../../src/ingest/front-ends/detect";
import { readModel } from "../../src/ingest/import";
import { MAX_REQUEST_BYTES } from "../../src/server";
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from "../helpers/databases";
import { departmentVariant } from "../helpers/fixtures";
import { generateBundles } from "../../src/tools/generate-zone";
import { rowCounts } from "../helpers/row-counts";
import { TestServer } from "../helpers/server";

/**
 * Every entry point takes every format: the command line and the importDisclosure mutation import
 * a disclosure's PDF, its XLSX, its text form and a bundle, each detected from its bytes.
 */
const ROOT = join(__dirname, "..", "..");
const ORIGINALS = join(ROOT, "tests", "fixtures", "originals");
const DISCLOSURES = join(ROOT, "tests", "fixtures", "disclosures");
const SCRATCH = mkdtempSync(join(tmpdir(), "budget-entry-"));
afterAll(() => rmSync(SCRATCH, { recursive: true, force: true }));

/** A bundle of a fourth department (the sample re-badged as 009), so four files make four department-years. */
const BUNDLE_FILE = join(SCRATCH, "009-2023.bundle.json");
writeFileSync(BUNDLE_FILE, JSON.stringify(departmentVariant("009")));

/** One file of each format, each a different department-year. */
const FOUR = [
  { path: join(ORIGINALS, "007-2023.pdf"), format: "DISCLOSURE_PDF", name: "PDF", department: "007", year: 2023 },
  { path: join(ORIGINALS, "002-2023.xlsx"), format: "DISCLOSURE_XLSX", name: "XLSX", department: "002", year: 2023 },
  { path: join(DISCLOSURES, "007-2022.txt"), format: "DISCLOSURE_TEXT", name: "text", department: "007", year: 2022 },
  { path: BUNDLE_FILE, format: "BUNDLE", name: "bundle", department: "009", year: 2023 },
] as const;

/** An old Word document: the OLE2 signature and a WordDocument stream name. */
const WORD_DOC = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from("WordDocument", "utf16le"), Buffer.alloc(512)]);

/** The tables a figure is stored in, one row a figure (what the CLI counts as "figures stored"). */
const FIGURE_TABLES = ["subject_line", "economic_line", "income_line", "project_line", "published_figure", "narrative_claim", "operating_fund_item"];

async function figuresStored(ds: DataSource): Promise<number> {
  let n = 0;
  for (const t of FIGURE_TABLES) n += Number((await ds.query(`SELECT COUNT(*) AS n FROM ${t}`))[0].n);
  return n;
}

async function discrepanciesStored(ds: DataSource): Promise<Record<string, number>> {
  const rows: { severity: string; n: unknown }[] = await ds.query("SELECT severity, COUNT(*) AS n FROM discrepancy GROUP BY severity");
  return Object.fromEntries(rows.map((r) => [r.severity, Number(r.n)]));
}

async function budgetsInForce(ds: DataSource): Promise<string[]> {
  const rows: { code: string; year: unknown }[] = await ds.query(
    "SELECT d.code, b.year FROM department_budget b JOIN department d ON d.id = b.department_id WHERE b.is_current = 1 ORDER BY d.code, b.year",
  );
  return rows.map((r) => `${r.code} ${Number(r.year)}`);
}

const sortedIds = (files: readonly { department: string; year: number }[]) => files.map((f) => `${f.department} ${f.year}`).sort();

function cli(db: TestDatabase, args: string[]) {
  return spawnSync("npx", ["tsx", "src/cli/main.ts", ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: db.config.url }, encoding: "utf8", timeout: 180_000 });
}

/** A fresh database of the test's own. */
async function ownDatabase<T>(kind: TestDatabase["name"], run: (db: TestDatabase, ds: DataSource) => Promise<T>): Promise<T> {
  const db = freshDatabase(kind);
  const ds = await db.open();
  try {
    return await run(db, ds);
  } finally {
    await ds.destroy();
    await db.drop();
  }
}

describe.each(DATABASE_KINDS)("[%s] the command line takes every format", (kind) => {
  it("imports a PDF, an XLSX, a text and a bundle in one invocation; --json gives each file's format and totals that add up", async () => {
    await ownDatabase(kind, async (db, ds) => {
      const r = cli(db, ["import", "--json", ...FOUR.map((f) => f.path)]);
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(Object.keys(out).sort()).toEqual(["files", "totals"]);
      expect(out.files.map((s: any) => ({ file: s.file, status: s.status, format: s.format, department: s.department, year: s.year, stage: s.stage, version: s.version }))).toEqual(
        FOUR.map((f) => ({ file: basename(f.path), status: "imported", format: f.format, department: f.department, year: f.year, stage: "BUDGET", version: 1 })),
      );
      // Each file's summary keeps the fields it had before the totals came.
      for (const s of out.files) expect(Object.keys(s)).toEqual(expect.arrayContaining(["tables", "figures", "discrepancies", "seconds"]));

      // Totals: what the files say, summed, and what the database holds.
      const stored = await figuresStored(ds);
      const found = await discrepanciesStored(ds);
      const summed: Record<string, number> = {};
      for (const s of out.files) for (const [k, v] of Object.entries(s.discrepancies as Record<string, number>)) summed[k] = (summed[k] ?? 0) + v;
      expect(stored).toBeGreaterThan(0);
      expect(out.totals).toEqual({
        files: 4,
        imported: 4,
        unchanged: 0,
        valid: 0,
        rejected: 0,
        figures: stored,
        discrepancies: found,
        seconds: expect.any(Number),
      });
      expect(out.files.reduce((n: number, s: any) => n + s.figures, 0)).toBe(stored);
      expect(summed).toEqual(found);
      expect(out.totals.seconds).toBeGreaterThanOrEqual(Math.max(...out.files.map((s: any) => s.seconds)));
      expect(await budgetsInForce(ds)).toEqual(sortedIds(FOUR));
    });
  }, 240_000);

  it("refuses a broken original and a file that is no disclosure, imports the good files beside them, and exits 1", async () => {
    await ownDatabase(kind, async (db, ds) => {
      const doc = join(SCRATCH, "minutes.doc");
      writeFileSync(doc, WORD_DOC);
      const good = [FOUR[1], FOUR[2]];
      const r = cli(db, ["import", good[0].path, join(ORIGINALS, "broken-truncated.pdf"), doc, good[1].path, join(SCRATCH, "missing.txt")]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^\[2\/5\] broken-truncated\.pdf: rejected \(PDF\)\n {2}broken-truncated\.pdf: not a readable PDF .*cut short/m);
      expect(r.stderr).toMatch(/^\[3\/5\] minutes\.doc: rejected\n {2}minutes\.doc: this is a Word document \(\.doc\), not a disclosure the importer reads: save it as PDF/m);
      expect(r.stderr).toContain(`[5/5] ${join(SCRATCH, "missing.txt")}: rejected\n  ${join(SCRATCH, "missing.txt")}: cannot read the file: no such file`);
      expect(r.stdout).toMatch(/^\[1\/5\] 002-2023\.xlsx: imported as version 1 — 002 2023 BUDGET, XLSX /m);
      expect(r.stdout).toMatch(/^\[4\/5\] 007-2022\.txt: imported as version 1 — 007 2022 BUDGET, text /m);
      expect(r.stdout).toMatch(/^total: 5 files — 2 imported, 0 unchanged, 3 rejected; /m);
      // Each file is its own transaction: the good ones are in force, nothing of the refused ones.
      expect(await budgetsInForce(ds)).toEqual(sortedIds(good));
      const [docs] = await ds.query("SELECT COUNT(*) AS n FROM source_document");
      expect(Number(docs.n)).toBe(2);
    });
  }, 240_000);
});

describe.each(DATABASE_KINDS)("[%s] the command line imports a directory tree with --jobs", (kind) => {
  it("imports every bundle under a directory, three at a time, with exactly what one at a time stores", async () => {
    const dir = mkdtempSync(join(SCRATCH, "jobs-"));
    const bundles = generateBundles({ departments: 3, years: 2, seed: 5 });
    for (const b of bundles) {
      mkdirSync(join(dir, b.department.code), { recursive: true });
      writeFileSync(join(dir, b.department.code, `${b.year}.bundle.json`), JSON.stringify(b));
    }
    const stored = (ds: DataSource) => Promise.all([rowCounts(ds), budgetsInForce(ds), figuresStored(ds)]);
    const one = await ownDatabase(kind, async (db, ds) => {
      const r = cli(db, ["import", "--publish", dir]);
      expect(r.status, r.stderr).toBe(0);
      return stored(ds);
    });
    await ownDatabase(kind, async (db, ds) => {
      const r = cli(db, ["import", "--json", "--jobs", "3", "--publish", dir]);
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout) as { files: { file: string; status: string }[]; totals: { imported: number } };
      // Summaries in path order whatever order the lanes finished in.
      expect(out.files.map((f) => f.file)).toEqual(bundles.map((b) => `${b.year}.bundle.json`));
      expect(out.totals.imported).toBe(bundles.length);
      expect(await stored(ds)).toEqual(one);
      expect(one[1]).toEqual(bundles.map((b) => `${b.department.code} ${b.year}`));
    });
    expect(cli(freshDatabase(kind), ["import", "--jobs", "0", dir]).status).toBe(2);
  }, 240_000);
});

// What the output says does not depend on the database: once, on SQLite.
describe("[sqlite] the command line's output", () => {
  it("imports the files of a directory in name order, each line naming the format read, and ends with the totals", async () => {
    await ownDatabase("sqlite", async (db, ds) => {
      const dir = mkdtempSync(join(SCRATCH, "dir-"));
      // One file in a subdirectory: the directory is walked all the way down, in path order.
      const place = (f: (typeof FOUR)[number], i: number) => (i === 0 ? join(dir, "nested", basename(f.path)) : join(dir, basename(f.path)));
      mkdirSync(join(dir, "nested"));
      FOUR.forEach((f, i) => copyFileSync(f.path, place(f, i)));
      // Left out: hidden files and hidden directories.
      writeFileSync(join(dir, ".DS_Store"), "not a disclosure");
      mkdirSync(join(dir, ".older"));
      copyFileSync(join(DISCLOSURES, "002-2023.txt"), join(dir, ".older", "002-2023.txt"));

      const r = cli(db, ["import", dir]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toBe("");
      const at = new Map(FOUR.map((f, i) => [f, place(f, i)]));
      const inOrder = [...FOUR].sort((a, b) => (at.get(a)! < at.get(b)! ? -1 : 1));
      const progress = r.stdout.split("\n").filter((l) => l.startsWith("["));
      expect(progress).toHaveLength(4);
      inOrder.forEach((f, i) => {
        const line = new RegExp(`^\\[${i + 1}/4\\] ${basename(f.path).replace(/\./g, "\\.")}: imported as version 1 — ${f.department} ${f.year} BUDGET, ${f.name} \\(\\d+\\.\\d\\d s\\)$`);
        expect(progress[i]).toMatch(line);
      });
      const found = await discrepanciesStored(ds);
      const severities = SEVERITIES.filter((s) => found[s]).map((s) => `${s} ${found[s]}`).join(", ") || "none";
      const last = r.stdout.trimEnd().split("\n").at(-1)!;
      expect(last).toMatch(new RegExp(`^total: 4 files — 4 imported, 0 unchanged, 0 rejected; figures stored ${await figuresStored(ds)}; discrepancies: ${severities} \\(\\d+\\.\\d\\d s\\)$`));
      expect(await budgetsInForce(ds)).toEqual(sortedIds(FOUR));
    });
  }, 240_000);

  it("validates without writing, and refuses bad usage with exit status 2", async () => {
    await ownDatabase("sqlite", async (db, ds) => {
      const before = await rowCounts(ds);
      const files = FOUR.slice(1);
      const r = cli(db, ["validate", "--json", ...files.map((f) => f.path)]);
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.files.map((s: any) => [s.file, s.status, s.format])).toEqual(files.map((f) => [basename(f.path), "valid", f.format]));
      expect(out.totals).toMatchObject({ files: 3, imported: 0, unchanged: 0, valid: 3, rejected: 0, figures: out.files.reduce((n: number, s: any) => n + s.figures, 0) });
      expect(await rowCounts(ds)).toEqual(before);

      for (const args of [["import"], ["import", "--dryrun", files[0].path]]) {
        const bad = cli(db, args);
        expect(bad.status, args.join(" ")).toBe(2);
        expect(bad.stderr).toContain("usage: npm run budget");
      }
      expect(await rowCounts(ds)).toEqual(before);
    });
  }, 240_000);
});

/** 万元 from 分, as the API prints a Decimal (test-side arithmetic). */
function wan(fen: bigint): string {
  const whole = fen / 1_000_000n;
  const frac = (fen % 1_000_000n).toString().padStart(6, "0").replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : `${whole}`;
}

/** Each format's file, and the text it was made from (to know what its budget must answer). */
const THROUGH_API = [
  { file: join(ORIGINALS, "007-2023.pdf"), twin: join(ROOT, "src", "ingest", "samples", "007-2023.txt"), format: "DISCLOSURE_PDF" },
  { file: join(ORIGINALS, "002-2023.xlsx"), twin: join(DISCLOSURES, "002-2023.txt"), format: "DISCLOSURE_XLSX" },
  { file: join(DISCLOSURES, "007-2022.txt"), twin: join(DISCLOSURES, "007-2022.txt"), format: "DISCLOSURE_TEXT" },
  { file: join(DISCLOSURES, "002-2023.bundle.json"), twin: join(DISCLOSURES, "002-2023.bundle.json"), format: "BUNDLE" },
] as const;

const BUDGET = `query($code: String!, $year: Int!) { department(code: $code) { code budget(year: $year) {
  year stage incomeTotal expenditureTotal sourceDocument { fileName format } } } }`;

const TOKEN = "entry-test-token";

/**
 * A server over a fresh database for a describe block, with the administrator's token set; and
 * requests over HTTP to it, with the token unless told otherwise.
 */
function apiUnderTest(kind: TestDatabase["name"]) {
  const db = freshDatabase(kind);
  const api = { ds: undefined as unknown as DataSource, server: undefined as unknown as TestServer, post, importing };

  beforeAll(async () => {
    process.env.ADMIN_TOKEN = TOKEN;
    api.ds = await db.open();
    api.server = await TestServer.start(api.ds);
  });
  afterAll(async () => {
    delete process.env.ADMIN_TOKEN;
    await api.server?.stop();
    await api.ds?.destroy();
    await db.drop();
  });

  /** The status and the body, as text and parsed where it is JSON. */
  async function post(body: string | object, opts: { token?: string | null } = {}): Promise<{ status: number; text: string; json: any }> {
    const token = opts.token === undefined ? TOKEN : opts.token;
    const res = await fetch(api.server.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON: the test says so
    }
    return { status: res.status, text, json };
  }

  /** importDisclosure's payload, failing on anything but a 200 without GraphQL errors. */
  function importing(input: Record<string, unknown>, opts?: { token?: string | null }) {
    return post({ query: print(ImportDisclosureDocument), variables: { input: { fileName: "upload", ...input } } }, opts).then((r) => {
      expect(r.status, r.text.slice(0, 500)).toBe(200);
      expect(r.json.errors, r.text.slice(0, 500)).toBeUndefined();
      return r.json.data.importDisclosure as ImportDisclosureMutation["importDisclosure"];
    });
  }
  return api;
}

describe.each(DATABASE_KINDS)("[%s] importDisclosure takes every format, as base64 content", (kind) => {
  const api = apiUnderTest(kind);
  const { importing } = api;

  /** Runs a test against a database of its own, so what it imports no other test sees. */
  async function ownServer<T>(run: (s: TestServer, ds: DataSource) => Promise<T>): Promise<T> {
    const own = freshDatabase(kind);
    const ods = await own.open();
    const s = await TestServer.start(ods);
    try {
      return await run(s, ods);
    } finally {
      await s.stop();
      await ods.destroy();
      await own.drop();
    }
  }

  it.each(THROUGH_API)("imports $format sent as base64, published, and the budget is answered", async ({ file, twin, format }) => {
    const { model } = await readModel(basename(twin), readFileSync(twin));
    await ownServer(async (own) => {
      const res = await fetch(own.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({ query: print(ImportDisclosureDocument), variables: { input: { content: readFileSync(file).toString("base64"), fileName: basename(file), publish: true } } }),
      });
      const body = (await res.json()) as { data: ImportDisclosureMutation };
      const payload = body.data.importDisclosure;
      expect(payload.userErrors).toEqual([]);
      expect(payload.format).toBe(format);
      expect(payload.budget).toMatchObject({
        department: { code: model.department.code },
        year: model.year,
        version: 1,
        expenditureTotal: wan(model.stated.expenditureTotal!),
        sourceDocument: { fileName: basename(file), format },
      });
      const answered = await own.query<any, unknown>(BUDGET, { code: model.department.code, year: model.year });
      expect(answered.department.budget).toEqual({
        year: model.year,
        stage: "BUDGET",
        incomeTotal: wan(model.stated.incomeTotal!),
        expenditureTotal: wan(model.stated.expenditureTotal!),
        sourceDocument: { fileName: basename(file), format },
      });
    });
  }, 120_000);

  it.each([
    ["broken-garbled.pdf", join(ORIGINALS, "broken-garbled.pdf"), "DISCLOSURE_PDF", /^broken-garbled\.pdf page \d+ line \d+$/],
    ["formula-without-value.xlsx", join(ORIGINALS, "broken", "formula-without-value.xlsx"), "DISCLOSURE_XLSX", /^formula-without-value\.xlsx 部门支出总体情况表!G6$/],
  ])("refuses %s with a userError whose location names the place in the file, writing nothing", async (name, path, format, location) => {
    const before = await rowCounts(api.ds);
    const payload = await importing({ content: readFileSync(path).toString("base64"), fileName: name });
    expect(payload.budget).toBeNull();
    expect(payload.format).toBe(format);
    expect(payload.userErrors).toHaveLength(1);
    const [e] = payload.userErrors;
    expect(e!.location).toMatch(location);
    expect(e!.message.startsWith(`${e!.location}: `)).toBe(true);
    expect(e!.field).toBeNull();
    expect(await rowCounts(api.ds)).toEqual(before);
  }, 120_000);

  it("takes a text disclosure in document as before, with its line and location", async () => {
    const text = readFileSync(join(DISCLOSURES, "007-2022.txt"), "utf8");
    const lines = text.split("\n");
    const at = lines.findIndex((l) => /^合计\t/.test(l));
    lines[at] = lines[at]!.replace(/\t(\d[\d,]*\.\d)/, "\t$1x");
    const payload = await importing({ document: lines.join("\n"), fileName: "bad.txt", dryRun: true });
    expect(payload.format).toBe("DISCLOSURE_TEXT");
    expect(payload.userErrors).toEqual([{ message: expect.stringMatching(new RegExp(`^bad\\.txt:${at + 1}: `)), field: null, line: at + 1, location: `bad.txt:${at + 1}` }]);
  });

  it.each([
    ["both document and content", { document: "x", content: "eA==" }, /not both/],
    ["neither document nor content", {}, /content \(its bytes in base64\) or as document/],
    ["a line break inside the base64", { content: "JVBERi0x\nLjQK" }, /character 9 is a line break, outside the base64 alphabet.*base64 -w0/],
    ["the URL-safe alphabet", { content: "ab-_" }, /character 3 is "-" \(the URL-safe alphabet\)/],
    ["a character outside the alphabet", { content: "JVBE*i0x" }, /character 5 is "\*", outside the base64 alphabet/],
    ["padding missing", { content: "JVBERi0" }, /not a multiple of 4/],
    ["padding in the middle", { content: "JV==Ri0x" }, /"=" at character 3 is padding only at the end/],
    ["too much padding", { content: "J===" }, /padding only at the end, at most twice/],
    ["bits set past the last byte", { content: "JVB=" }, /bits set past the last byte/],
  ])("refuses %s as a userError naming input.content, writing nothing", async (_what, input, message) => {
    const before = await rowCounts(api.ds);
    const payload = await importing(input);
    expect(payload.budget).toBeNull();
    expect(payload.format).toBeNull();
    expect(payload.userErrors).toEqual([{ message: expect.stringMatching(message), field: ["input", "content"], line: null, location: null }]);
    expect(await rowCounts(api.ds)).toEqual(before);
  });

  it("refuses anonymous callers, whatever they send, writing nothing", async () => {
    const before = await rowCounts(api.ds);
    for (const input of [{ content: readFileSync(join(ORIGINALS, "002-2023.xlsx")).toString("base64") }, { content: "not base64!" }, {}]) {
      const payload = await importing(input, { token: null });
      expect(payload.budget).toBeNull();
      expect(payload.userErrors).toEqual([{ message: expect.stringMatching(/token/), field: null, line: null, location: null }]);
    }
    // A token the server does not know is refused outright, not served as the public.
    const wrong = await api.post({ query: print(ImportDisclosureDocument), variables: { input: { fileName: "upload", content: "eA==" } } }, { token: "not-the-token" });
    expect(wrong.status).toBe(401);
    expect(wrong.json.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    expect(await rowCounts(api.ds)).toEqual(before);
  });
});

// The size limits belong to the HTTP layer and the import service, not to a database: once, on SQLite.
describe("[sqlite] importDisclosure's size limit", () => {
  const api = apiUnderTest("sqlite");
  const { importing } = api;

  it("takes a 50 MB file in base64 through HTTP; one byte more is a userError naming the limit", async () => {
    // At the limit: a PNG's signature and zeros. The body passes the HTTP limit and the size check,
    // and the detector refuses the file for what it is, not for its size.
    const atLimit = Buffer.alloc(MAX_DOCUMENT_BYTES);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(atLimit);
    const content = atLimit.toString("base64");
    expect(content.length).toBe(base64Length(MAX_DOCUMENT_BYTES));
    const at = await importing({ content, fileName: "scan.png", dryRun: true });
    expect(at.userErrors).toEqual([{ message: expect.stringMatching(/^scan\.png: this is a PNG image .*no OCR/), field: null, line: null, location: "scan.png" }]);

    const over = await importing({ content: Buffer.alloc(MAX_DOCUMENT_BYTES + 1).toString("base64"), fileName: "big.pdf" });
    expect(over.budget).toBeNull();
    expect(over.userErrors).toEqual([{ message: "big.pdf: the file is 50.0 MB; the importer takes files of at most 50 MB", field: ["input", "content"], line: null, location: null }]);
  }, 120_000);

  it("answers a body over the HTTP limit with 413 and a JSON error, not a 500 or a stack trace, and goes on serving", async () => {
    const head = JSON.stringify({ query: print(ImportDisclosureDocument), variables: { input: { fileName: "huge.pdf", content: "" } } }).slice(0, -4);
    const tail = '"}}}';
    const body = head + "A".repeat(MAX_REQUEST_BYTES + 1 - head.length - tail.length) + tail;
    expect(Buffer.byteLength(body)).toBe(MAX_REQUEST_BYTES + 1);
    const declared = await api.post(body);
    // Sent in chunks without a declared length, the body is counted as it arrives.
    const chunked = await fetch(api.server.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
      body: new ReadableStream({
        start(c) {
          for (let i = 0; i < body.length; i += 4 * 1024 * 1024) c.enqueue(new TextEncoder().encode(body.slice(i, i + 4 * 1024 * 1024)));
          c.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    const chunkedText = await chunked.text();
    // A client that asks first (Expect: 100-continue) is refused before it sends the body.
    const asked = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(api.server.url, { method: "POST", headers: { "content-type": "application/json", "content-length": MAX_REQUEST_BYTES + 1, expect: "100-continue" } });
      req.on("continue", () => reject(new Error("the server asked for a body over its limit")));
      req.on("response", (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (text += c));
        res.on("end", () => {
          req.destroy();
          resolve({ status: res.statusCode!, text });
        });
      });
      req.on("error", reject);
      req.flushHeaders();
    });
    for (const [status, text] of [[declared.status, declared.text], [chunked.status, chunkedText], [asked.status, asked.text]] as const) {
      expect(status).toBe(413);
      expect(text).not.toMatch(/\n\s+at |Error:/);
      const json = JSON.parse(text);
      expect(json.errors).toEqual([{ message: expect.stringMatching(/request body is larger than the .* MB \(\d+ bytes\) this server takes: importDisclosure takes files of at most 50 MB/), extensions: { code: "PAYLOAD_TOO_LARGE" } }]);
    }
    expect((await api.post({ query: "{ __typename }" })).json).toEqual({ data: { __typename: "Query" } });
  }, 120_000);
});
