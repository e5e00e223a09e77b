/**
 * The import section of the benchmark: how fast one disclosure is read and imported from each
 * format the importer takes (the same content as text, PDF, XLSX, and as a bundle for
 * reference), and how much memory a batch of PDFs takes when imported one at a time.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import mysql from "mysql2/promise";
import type { DataSource } from "typeorm";
import { parseDatabaseUrl } from "../src/config";
import { importDocument, readModel } from "../src/ingest/import";
import { openPlatformDatabase } from "../src/platform";

const ROOT = resolve(__dirname, "..");

/** One disclosure (department 007, 2023) in every form, all of the same content. */
export const FORMATS = [
  { format: "text", file: "src/ingest/samples/007-2023.txt" },
  { format: "pdf", file: "tests/fixtures/originals/007-2023.pdf" },
  { format: "xlsx", file: "tests/fixtures/originals/007-2023.xlsx" },
  { format: "bundle", file: "src/ingest/samples/007-2023.bundle.json" },
] as const;
export type Format = (typeof FORMATS)[number]["format"];

/** What a PDF must reach, in documents per second, as a share of the text import's. */
export const PDF_TARGET_SHARE = 0.2;
/** The most a batch of PDFs imported one at a time may take (peak resident set). */
export const BATCH_RSS_LIMIT_MB = 300;

export interface ImportBenchOptions {
  /** A MySQL-compatible server; the section makes and drops its own databases there. */
  mysqlUrl: string;
  /** Timed reads per format, after `readWarmup` untimed ones. */
  reads: number;
  readWarmup: number;
  /** Timed imports per format, after `importWarmup` untimed ones. */
  imports: number;
  importWarmup: number;
  /** PDFs in the batch imported by the CLI in a child process; 0 leaves the batch out. */
  batch: number;
  log?: (line: string) => void;
}

export interface Timing {
  runs: number;
  p50Ms: number;
  p95Ms: number;
  /** 1000 / p50: documents one process gets through per second, one at a time. */
  docsPerSecond: number;
}

export interface FormatResult {
  format: Format;
  file: string;
  bytes: number;
  /** readModel alone: detection, front end, disclosure reader, model checks. */
  read: Timing;
  /** importDocument into MariaDB: the read, the document's findings, and the load in one transaction. */
  import: Timing;
}

export interface BatchResult {
  documents: number;
  imported: number;
  /** Highest resident set of the CLI process (VmHWM), read from /proc from outside. */
  peakRssMb: number | null;
  /** Resident set after the first document, after a tenth of the batch and after the last. */
  rssAfterFirstMb: number | null;
  rssAfterTenthMb: number | null;
  rssAfterLastMb: number | null;
  /** Documents per second from the CLI's own per-document times (process start-up and migration left out). */
  docsPerSecond: number;
  /** From spawning the CLI until it exits, start-up and migration included. */
  wallSeconds: number;
}

export interface ImportBenchResult {
  formats: FormatResult[];
  /** Documents per second of a format over the text's (read and import). */
  ratios: { pdfToText: { read: number; import: number }; xlsxToText: { read: number; import: number } };
  target: { pdfShareOfText: number; met: boolean };
  batch: BatchResult | null;
  batchRssLimitMb: number;
}

/**
 * The same document as different bytes, so that importing it again is a new version and not
 * the no-op the checksum makes of the same bytes: something each format's readers skip is
 * changed at its end. Text and JSON get trailing newlines (blank lines read as nothing); a PDF a
 * comment line after %%EOF (the syntax allows comments anywhere; readers find the trailer from
 * startxref); a workbook the ZIP file comment (the end-of-central-directory record's last field).
 */
export function distinctCopy(format: Format, bytes: Buffer, copy: number): Buffer {
  if (format === "pdf") return Buffer.concat([bytes, Buffer.from(`%copy ${copy}\n`, "latin1")]);
  if (format === "xlsx") {
    const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0 || bytes.readUInt16LE(eocd + 20) !== 0 || eocd + 22 !== bytes.length) throw new Error("expected a workbook whose ZIP has no file comment");
    const comment = Buffer.from(`copy ${copy}`, "latin1");
    const out = Buffer.concat([bytes, comment]);
    out.writeUInt16LE(comment.length, eocd + 20);
    return out;
  }
  return Buffer.concat([bytes, Buffer.from("\n".repeat(copy + 1))]);
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

function timing(ms: number[]): Timing {
  const p50 = quantile(ms, 0.5);
  return { runs: ms.length, p50Ms: p50, p95Ms: quantile(ms, 0.95), docsPerSecond: 1000 / p50 };
}

async function admin(mysqlUrl: string) {
  const base = parseDatabaseUrl(mysqlUrl);
  return mysql.createConnection({ host: base.host, port: base.port, user: base.user, password: base.password });
}

function databaseUrl(mysqlUrl: string, database: string): string {
  return mysqlUrl.replace(/\/[^/]*$/, `/${database}`);
}

export async function runImportBench(o: ImportBenchOptions): Promise<ImportBenchResult> {
  const log = o.log ?? (() => {});
  const docs = FORMATS.map((f) => ({ ...f, bytes: readFileSync(join(ROOT, f.file)) }));
  const name = (f: (typeof docs)[number]) => f.file.split("/").at(-1)!;

  // Reads: the formats take turns, so drift on a shared machine meets them all alike.
  for (let i = 0; i < o.readWarmup; i++) for (const d of docs) await readModel(name(d), d.bytes);
  const reads = new Map<Format, number[]>(docs.map((d) => [d.format, []]));
  for (let i = 0; i < o.reads; i++) {
    for (const d of docs) {
      const t = performance.now();
      await readModel(name(d), d.bytes);
      reads.get(d.format)!.push(performance.now() - t);
    }
  }
  log(`read: ${docs.map((d) => `${d.format} ${quantile(reads.get(d.format)!, 0.5).toFixed(1)} ms`).join(", ")}`);

  // Imports: one fresh database per format, each import a distinct copy (a new version of the
  // same budget), the formats again taking turns. The untimed first import makes the department,
  // its units and projects; the timed ones are re-publications of the same budget.
  const base = parseDatabaseUrl(o.mysqlUrl);
  const server = await admin(o.mysqlUrl);
  const dbs = new Map<Format, { database: string; ds?: DataSource }>(docs.map((d) => [d.format, { database: `budget_bench_import_${d.format}_${process.pid}` }]));
  const imports = new Map<Format, number[]>(docs.map((d) => [d.format, []]));
  try {
    for (const db of dbs.values()) {
      await server.query(`DROP DATABASE IF EXISTS \`${db.database}\``);
      db.ds = await openPlatformDatabase({ ...base, database: db.database, url: databaseUrl(o.mysqlUrl, db.database) });
    }
    let copy = 0;
    for (let i = 0; i < o.importWarmup + o.imports; i++, copy++) {
      for (const d of docs) {
        const bytes = distinctCopy(d.format, d.bytes, copy);
        const t = performance.now();
        const outcome = await importDocument(dbs.get(d.format)!.ds!, name(d), bytes, { actor: "bench" });
        const ms = performance.now() - t;
        if (!outcome.ok) throw new Error(`${d.file} was rejected: ${outcome.rejection.problems[0]?.message}`);
        if (outcome.load?.unchanged) throw new Error(`${d.file} copy ${copy} was taken for one already imported`);
        if (i >= o.importWarmup) imports.get(d.format)!.push(ms);
      }
    }
    log(`import: ${docs.map((d) => `${d.format} ${quantile(imports.get(d.format)!, 0.5).toFixed(1)} ms`).join(", ")}`);
  } finally {
    for (const db of dbs.values()) {
      await db.ds?.destroy();
      await server.query(`DROP DATABASE IF EXISTS \`${db.database}\``);
    }
    await server.end();
  }

  const formats: FormatResult[] = docs.map((d) => ({ format: d.format, file: d.file, bytes: d.bytes.length, read: timing(reads.get(d.format)!), import: timing(imports.get(d.format)!) }));
  const of = (f: Format) => formats.find((x) => x.format === f)!;
  const ratio = (f: Format) => ({ read: of(f).read.docsPerSecond / of("text").read.docsPerSecond, import: of(f).import.docsPerSecond / of("text").import.docsPerSecond });
  const ratios = { pdfToText: ratio("pdf"), xlsxToText: ratio("xlsx") };
  const batch = o.batch > 0 ? await runPdfBatch(o.mysqlUrl, docs.find((d) => d.format === "pdf")!.bytes, o.batch, log) : null;
  return { formats, ratios, target: { pdfShareOfText: PDF_TARGET_SHARE, met: ratios.pdfToText.import >= PDF_TARGET_SHARE }, batch, batchRssLimitMb: BATCH_RSS_LIMIT_MB };
}

function procStatusKb(pid: number, field: "VmHWM" | "VmRSS"): number | null {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "latin1"));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/**
 * `count` distinct copies of the 20-page PDF written to a temporary directory and imported by the
 * CLI (`budget import f1 … fn`: one process, one document at a time, as an operator runs it) into
 * a fresh database. Its memory is read from /proc/<pid>/status while it runs: the high-water mark,
 * and the resident set as each document is reported done.
 */
async function runPdfBatch(mysqlUrl: string, pdf: Buffer, count: number, log: (line: string) => void): Promise<BatchResult> {
  const dir = mkdtempSync(join(tmpdir(), "budget-bench-batch-"));
  const database = `budget_bench_batch_${process.pid}`;
  const server = await admin(mysqlUrl);
  try {
    await server.query(`DROP DATABASE IF EXISTS \`${database}\``);
    const files = Array.from({ length: count }, (_, i) => {
      const file = join(dir, `007-2023-${String(i + 1).padStart(3, "0")}.pdf`);
      writeFileSync(file, distinctCopy("pdf", pdf, i));
      return file;
    });
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "import", ...files], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl(mysqlUrl, database) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const pid = child.pid!;
    let peakKb: number | null = null;
    const sample = () => {
      const hwm = procStatusKb(pid, "VmHWM");
      if (hwm !== null) peakKb = Math.max(peakKb ?? 0, hwm);
    };
    const timer = setInterval(sample, 20);
    const rssAfter = new Map<number, number | null>();
    const seconds: number[] = [];
    let stderr = "";
    let pending = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      sample();
      const lines = (pending + chunk).split("\n");
      pending = lines.pop()!;
      for (const line of lines) {
        const m = /^\[(\d+)\/\d+\] .*: imported as version \d+ .*\(([\d.]+) s\)$/.exec(line);
        if (!m) continue;
        const n = Number(m[1]);
        rssAfter.set(n, procStatusKb(pid, "VmRSS"));
        seconds.push(Number(m[2]));
        if (n % 10 === 0 || n === count) log(`batch: ${n}/${count} PDFs, RSS ${((rssAfter.get(n) ?? 0) / 1024).toFixed(0)} MB`);
      }
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((done) => child.on("close", done));
    clearInterval(timer);
    const wallSeconds = (performance.now() - started) / 1000;
    if (code !== 0 || seconds.length !== count) throw new Error(`the CLI imported ${seconds.length} of ${count} PDFs (exit ${code}): ${stderr.slice(-2000)}`);
    const mb = (kb: number | null | undefined) => (kb == null ? null : kb / 1024);
    return {
      documents: count,
      imported: seconds.length,
      peakRssMb: mb(peakKb),
      rssAfterFirstMb: mb(rssAfter.get(1)),
      rssAfterTenthMb: mb(rssAfter.get(Math.max(1, Math.round(count / 10)))),
      rssAfterLastMb: mb(rssAfter.get(count)),
      docsPerSecond: count / seconds.reduce((s, x) => s + x, 0),
      wallSeconds,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await server.end();
  }
}

export function importMarkdown(r: ImportBenchResult): string {
  const f2 = (n: number) => n.toFixed(2);
  const f1 = (n: number) => n.toFixed(1);
  const rows = r.formats.map(
    (f) =>
      `| ${f.format} | ${(f.bytes / 1024).toFixed(0)} KB | ${f1(f.read.p50Ms)} | ${f1(f.read.p95Ms)} | ${f1(f.read.docsPerSecond)} | ${f1(f.import.p50Ms)} | ${f1(f.import.p95Ms)} | ${f1(f.import.docsPerSecond)} | ${f2(f.read.docsPerSecond / r.formats[0]!.read.docsPerSecond)} | ${f2(f.import.docsPerSecond / r.formats[0]!.import.docsPerSecond)} |`,
  );
  const out = [
    `Imports: one disclosure (007, 2023) as text, a 20-page PDF, XLSX, and a bundle for reference; read = \`readModel\` (runs: ${r.formats[0]!.read.runs}), import = \`importDocument\` into MariaDB as a new version of the budget (runs: ${r.formats[0]!.import.runs}); docs/s = 1000 / p50.`,
    "",
    "| format | size | read p50 ms | p95 ms | read docs/s | import p50 ms | p95 ms | import docs/s | read vs text | import vs text |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows,
    "",
    `PDF/text: read ${f2(r.ratios.pdfToText.read)}, import ${f2(r.ratios.pdfToText.import)} — target ≥ ${r.target.pdfShareOfText} on import: ${r.target.met ? "met" : "NOT MET"}. XLSX/text: read ${f2(r.ratios.xlsxToText.read)}, import ${f2(r.ratios.xlsxToText.import)}.`,
  ];
  const b = r.batch;
  if (b) {
    const mb = (n: number | null) => (n === null ? "n/a" : n.toFixed(0));
    out.push(
      "",
      `Batch: ${b.documents} distinct copies of the PDF imported by the CLI in one process: peak RSS ${mb(b.peakRssMb)} MB (limit ${r.batchRssLimitMb}: ${b.peakRssMb === null ? "not measured" : b.peakRssMb < r.batchRssLimitMb ? "met" : "NOT MET"}); RSS after document 1 / ${Math.max(1, Math.round(b.documents / 10))} / ${b.documents}: ${mb(b.rssAfterFirstMb)} / ${mb(b.rssAfterTenthMb)} / ${mb(b.rssAfterLastMb)} MB; ${f2(b.docsPerSecond)} docs/s (${f1(b.wallSeconds)} s with start-up).`,
    );
  }
  return out.join("\n");
}
