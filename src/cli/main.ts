import "reflect-metadata";
import type { PublicationStatusCode } from "../common/vocabulary";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { basename, join } from "node:path";
import { SEVERITIES } from "../common/vocabulary";
import { ConfigError, loadConfig } from "../config";
import type { DataSource } from "typeorm";
import { DatabaseUnavailableError } from "../db/data-source";
import { DatabaseBusyError } from "../db/write-lock";
import { IMPORT_WAIT_SECONDS } from "../db/write-lock";
import { STAGE_PROBLEM, stageArgument } from "./args";
import { openPlatformDatabase } from "../platform";
import { exportBundle } from "../ingest/export";
import { runGenerate } from "./generate";
import { runToken } from "./token";
import { runExportTable } from "./export-table";
import { runTables } from "./tables";
import { PUBLISH_USAGE, publishImported, runPublication } from "./publish";
import { oversizeProblem } from "../ingest/front-ends/detect";
import { type DocumentFormat, type ImportOutcome, importDocument } from "../ingest/import";

const USAGE = `usage: npm run budget -- <command>

commands:
  import [--dry-run] [--json] [--publish] [--jobs N] <file|dir ...>
                                           import disclosures (text, PDF, XLSX) or bundles (JSON), one
                                           transaction each; the format is read from the bytes; a
                                           directory stands for every file under it, subdirectories
                                           included (sorted by path; hidden names left out), so any
                                           number of files needs one argument; each is a draft
                                           unless --publish publishes it at once. --jobs N reads N
                                           documents at a time while one writes (writes still take
                                           turns, one transaction each); default 1
  validate [--json] <file|dir ...>         read and check only; nothing is written (same as import --dry-run)
  export <department> <year> [out.json] [--stage BUDGET|ADJUSTED|FINAL]   (its output is JSON)
                                           write the budget in force as a bundle (stdout without a file)
  generate --departments N --years Y --seed S --out DIR [--json]
                                           write deterministic synthetic bundles shaped like the sample
  migrate [--json]                         bring the database schema up to date
  export-table <kind> [--format csv|xlsx] [--out FILE] [--json] [--year Y --group-by D,…]
                                           an expenditure, projects, indicators or discrepancies
                                           export, as GET /export/<kind>.<format> (npm run budget --
                                           export-table, for its options); read as FINANCE
  tables <department> <year> [--format xlsx|html|txt] [--out FILE] [--stage S] [--json]
                                           the standard tables of a stored budget, regenerated, as
                                           GET /tables/<department>/<year>.<format> (npm run budget --
                                           tables --help); read as FINANCE
  token create|list|revoke …               API tokens (npm run budget -- token, for its usage)
${PUBLISH_USAGE}

DATABASE_URL selects the database (default sqlite:./data/budget.sqlite). --json prints one
document: { "files": [one summary per file], "totals": { files, imported, unchanged, valid,
rejected, figures, discrepancies, seconds } }.
Exit status: 0 when every document was accepted, 1 when any was rejected, 2 for bad usage,
75 when the only refusals were for a database kept busy by other imports (nothing written:
run the same command again). IMPORT_WAIT_SECONDS (default ${IMPORT_WAIT_SECONDS}) is how long an
import, and the start before it, waits for the others.`;

/** The most documents `--jobs` reads at once: each holds its bytes and model in memory. */
const MAX_JOBS = 16;

/** Exit status when every refusal was "busy, try again" (sysexits' EX_TEMPFAIL). */
const EXIT_RETRY = 75;

/** One file's outcome: what `--json` prints for it under `files`, and what the progress line says. */
interface Summary {
  file: string;
  status: "imported" | "unchanged" | "valid" | "rejected";
  /** How the file was read (DISCLOSURE_TEXT, DISCLOSURE_PDF, DISCLOSURE_XLSX, BUNDLE); on a rejection, what it was recognised as, or null. */
  format: DocumentFormat | null;
  department?: string;
  year?: number;
  stage?: string;
  version?: number;
  tables?: { read: number; listed: number; missing: string[]; empty: string[] };
  figures?: number;
  discrepancies?: Record<string, number>;
  errors?: { line: number | null; field: string | null; location: string | null; message: string }[];
  /** Refused only because other imports kept the database busy: the same file again will very likely go through. */
  retry?: true;
  seconds: number;
}

/** The run as a whole: counts by status, and figures and discrepancies summed over the accepted files. */
interface Totals {
  files: number;
  imported: number;
  unchanged: number;
  valid: number;
  rejected: number;
  figures: number;
  discrepancies: Record<string, number>;
  seconds: number;
}

const FORMAT_NAMES: Record<DocumentFormat, string> = { DISCLOSURE_TEXT: "text", DISCLOSURE_PDF: "PDF", DISCLOSURE_XLSX: "XLSX", BUNDLE: "bundle" };

function summarize(file: string, outcome: ImportOutcome, seconds: number): Summary {
  if (!outcome.ok) return { file, status: "rejected", format: outcome.rejection.format, errors: outcome.rejection.problems, ...(outcome.rejection.retry && { retry: true }), seconds };
  const m = outcome.model;
  const figures =
    m.subjectLines.length + m.economicLines.length + m.incomeLines.length + m.projects.reduce((n, p) => n + p.lines.length, 0) +
    m.publishedFigures.length + m.claims.length + (m.operatingFunds?.items.length ?? 0);
  return {
    file,
    status: !outcome.load ? "valid" : outcome.load.unchanged ? "unchanged" : "imported",
    format: outcome.format,
    department: m.department.code,
    year: m.year,
    stage: m.stage,
    version: outcome.load?.version,
    tables: {
      read: m.tables.filter((t) => t.present).length,
      listed: m.tables.filter((t) => t.listed).length,
      missing: m.tables.filter((t) => t.listed && !t.present).map((t) => t.title),
      empty: m.tables.filter((t) => t.present && t.rowCount === 0).map((t) => t.title),
    },
    figures,
    discrepancies: outcome.discrepancies,
    seconds,
  };
}

/** A file that never reached the importer (missing, unreadable, too large to read): refused like any other, named by its path as given. */
function refused(file: string, message: string): Summary {
  return { file, status: "rejected", format: null, errors: [{ line: null, field: null, location: file, message: `${file}: ${message}` }], seconds: 0 };
}

function totalsOf(summaries: Summary[], seconds: number): Totals {
  const accepted = summaries.filter((s) => s.status !== "rejected");
  const count = (status: Summary["status"]) => summaries.filter((s) => s.status === status).length;
  const discrepancies: Record<string, number> = {};
  for (const s of accepted) for (const [k, v] of Object.entries(s.discrepancies ?? {})) discrepancies[k] = (discrepancies[k] ?? 0) + v;
  return {
    files: summaries.length,
    imported: count("imported"),
    unchanged: count("unchanged"),
    valid: count("valid"),
    rejected: count("rejected"),
    figures: accepted.reduce((n, s) => n + (s.figures ?? 0), 0),
    discrepancies: bySeverity(discrepancies),
    seconds,
  };
}

/** Counts by severity in the order of SEVERITIES (ROUNDING, MATERIAL, NAMING, STRUCTURE), others after. */
function bySeverity(d: Record<string, number>): Record<string, number> {
  const rank = (k: string) => {
    const i = (SEVERITIES as readonly string[]).indexOf(k);
    return i < 0 ? SEVERITIES.length : i;
  };
  return Object.fromEntries(Object.entries(d).sort(([a], [b]) => rank(a) - rank(b)));
}

const counts = (d: Record<string, number>) => Object.entries(bySeverity(d)).map(([k, v]) => `${k} ${v}`).join(", ") || "none";

function printHuman(s: Summary, i: number, n: number, dryRun: boolean): void {
  const head = `[${i}/${n}] ${s.file}`;
  if (s.status === "rejected") {
    console.error(`${head}: rejected${s.format ? ` (${FORMAT_NAMES[s.format]})` : ""}`);
    for (const e of s.errors ?? []) console.error(`  ${e.message}`);
    return;
  }
  const verb = s.status === "valid" ? "valid" : s.status === "unchanged" ? "already imported" : `imported as version ${s.version}`;
  console.log(`${head}: ${verb} — ${s.department} ${s.year} ${s.stage}, ${FORMAT_NAMES[s.format!]} (${s.seconds.toFixed(2)} s)`);
  const t = s.tables!;
  console.log(`  tables read ${t.read} of ${t.listed} listed${t.missing.length ? `; missing: ${t.missing.join(", ")}` : ""}${t.empty.length ? `; empty: ${t.empty.join(", ")}` : ""}`);
  console.log(`  figures ${dryRun ? "read" : "stored"} ${s.figures}; discrepancies: ${counts(s.discrepancies ?? {})}`);
}

function printTotals(t: Totals, dryRun: boolean): void {
  const statuses = dryRun ? `${t.valid} valid, ${t.rejected} rejected` : `${t.imported} imported, ${t.unchanged} unchanged, ${t.rejected} rejected`;
  console.log(`total: ${t.files} file${t.files === 1 ? "" : "s"} — ${statuses}; figures ${dryRun ? "read" : "stored"} ${t.figures}; discrepancies: ${counts(t.discrepancies)} (${t.seconds.toFixed(2)} s)`);
}

/**
 * The files the arguments name, in order: a file as given, a directory as every file under it,
 * subdirectories included, sorted by path (hidden files and directories left out). Walked here,
 * not by the shell, so a directory of any number of files is one argument. A path that cannot be
 * read stays in the list, to be reported as refused.
 */
function expandArguments(args: string[]): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true })
      .filter((e) => !e.name.startsWith("."))
      .map((e) => ({ path: join(dir, e.name), isDirectory: e.isDirectory() }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
      .flatMap((e) => (e.isDirectory ? walk(e.path) : [e.path]));
  return args.flatMap((arg) => {
    let isDirectory = false;
    try {
      isDirectory = statSync(arg).isDirectory();
    } catch {
      return [arg];
    }
    return isDirectory ? walk(arg) : [arg];
  });
}

/** Reads one file for the importer, or says why it cannot be read (without reading a file too large to take). */
function readArgument(file: string): Buffer | string {
  try {
    const oversize = oversizeProblem(statSync(file).size);
    return oversize ?? readFileSync(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return `cannot read the file: ${err.code === "ENOENT" ? "no such file" : err.code === "EISDIR" ? "it is a directory" : err.message}`;
  }
}

/** The `--stage` given (any case), BUDGET when none; null when it names no stage. */
function stageArg(argv: string[]): string | null {
  const i = argv.indexOf("--stage");
  return i >= 0 ? stageArgument(argv[i + 1]) : "BUDGET";
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const flags = new Set(rest.filter((a) => a.startsWith("--")));
  const args = rest.filter((a, i) => !a.startsWith("--") && rest[i - 1] !== "--stage" && rest[i - 1] !== "--jobs");
  if (command === "generate") return runGenerate(rest);
  if (command === "token") return runToken(rest);
  if (command === "export-table") return runExportTable(rest);
  if (command === "tables") return runTables(rest);
  if (command === "publish" || command === "withdraw") return runPublication(command, rest);
  if (command === "migrate") {
    const extra = rest.filter((a) => a !== "--json");
    if (extra.length) {
      console.error(`migrate takes no arguments but --json, not "${extra[0]}"\n\n${USAGE}`);
      return 2;
    }
    await (await openPlatformDatabase(loadConfig().database)).destroy();
    console.log(flags.has("--json") ? JSON.stringify({ status: "up to date" }) : "database is up to date");
    return 0;
  }
  if (command === "export" && args.length >= 2) {
    // The bundle is JSON already: --json is taken and changes nothing.
    const unknownFlag = [...flags].find((f) => f !== "--stage" && f !== "--json");
    if (unknownFlag) {
      console.error(`unknown option ${unknownFlag}\n\n${USAGE}`);
      return 2;
    }
    const stage = stageArg(rest);
    if (!stage) {
      console.error(`${STAGE_PROBLEM}\n\n${USAGE}`);
      return 2;
    }
    const ds = await openPlatformDatabase(loadConfig().database);
    try {
      const [row] = await ds.query(
        "SELECT b.id FROM department_budget b JOIN department d ON d.id = b.department_id WHERE d.code = ? AND b.year = ? AND b.stage = ? AND b.is_current = 1",
        [args[0], Number(args[1]), stage],
      );
      if (!row) {
        console.error(`no ${stage} budget in force for department ${args[0]} in ${args[1]}`);
        return 1;
      }
      const json = JSON.stringify(await exportBundle(ds, Number(row.id)), null, 2) + "\n";
      if (args[2]) writeFileSync(args[2], json);
      else process.stdout.write(json);
      return 0;
    } finally {
      await ds.destroy();
    }
  }
  const unknown = [...flags].filter((f) => !["--dry-run", "--json", "--publish", "--jobs"].includes(f));
  const jobs = flags.has("--jobs") ? Number(rest[rest.indexOf("--jobs") + 1]) : 1;
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > MAX_JOBS) {
    console.error(`--jobs takes a whole number from 1 to ${MAX_JOBS}\n\n${USAGE}`);
    return 2;
  }
  if ((command !== "import" && command !== "validate") || !args.length || unknown.length) {
    if (unknown.length && (command === "import" || command === "validate")) console.error(`unknown option ${unknown.join(", ")}\n`);
    console.error(USAGE);
    return 2;
  }
  const dryRun = command === "validate" || flags.has("--dry-run");
  const waitSeconds = waitFromEnv();
  const json = flags.has("--json");
  const files = expandArguments(args);
  const ds = await openPlatformDatabase(dryRun ? { kind: "sqlite", url: "sqlite::memory:", path: ":memory:" } : loadConfig().database, {
    waitMs: waitSeconds === undefined ? undefined : waitSeconds * 1000,
  });
  const runStarted = process.hrtime.bigint();
  const summaries: Summary[] = new Array(files.length);
  const collect = files.length > 1 ? garbageCollector() : () => {};
  try {
    // `jobs` lanes take the next file in turn: one lane's document is read and checked while
    // another's is written. Writes still take turns (the write lock), each its own transaction.
    let next = 0;
    let done = 0;
    const lane = async () => {
      for (let i = next++; i < files.length; i = next++) {
        if (done > 0) collect();
        const file = files[i]!;
        const started = process.hrtime.bigint();
        const bytes = readArgument(file);
        const s = typeof bytes === "string" ? refused(file, bytes) : await importOne(ds, basename(file), bytes, { dryRun, waitSeconds, status: flags.has("--publish") ? "PUBLISHED" : "DRAFT" }, started);
        summaries[i] = s;
        done++;
        if (!json) printHuman(s, i + 1, files.length, dryRun);
      }
    };
    await Promise.all(Array.from({ length: Math.min(jobs, files.length) }, lane));
    if (flags.has("--publish") && !dryRun) await publishImported(ds, summaries, json);
  } finally {
    await ds.destroy();
  }
  const totals = totalsOf(summaries, Number(process.hrtime.bigint() - runStarted) / 1e9);
  if (json) console.log(JSON.stringify({ files: summaries, totals }, null, 2));
  else printTotals(totals, dryRun);
  if (!totals.rejected) return 0;
  return summaries.every((s) => s.status !== "rejected" || s.retry) ? EXIT_RETRY : 1;
}

/**
 * One file through the importer. An error the importer did not expect (the database gone, a
 * bug) refuses this file with one line saying so, not a stack trace, and the batch goes on.
 */
async function importOne(ds: DataSource, name: string, bytes: Buffer, opts: { dryRun: boolean; waitSeconds?: number; status: PublicationStatusCode }, started: bigint): Promise<Summary> {
  try {
    const outcome = await importDocument(ds, name, bytes, { actor: `cli:${process.env.USER ?? "unknown"}`, ...opts });
    return summarize(name, outcome, Number(process.hrtime.bigint() - started) / 1e9);
  } catch (err) {
    const s = refused(name, `not imported: ${oneLine(err)}`);
    s.seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return s;
  }
}

function waitFromEnv(): number | undefined {
  const given = process.env.IMPORT_WAIT_SECONDS;
  if (given === undefined || given === "") return undefined;
  const seconds = Number(given);
  if (!Number.isFinite(seconds) || seconds < 0) throw new ConfigError(`IMPORT_WAIT_SECONDS must be a number of seconds, got "${given}"`);
  return seconds;
}

/** An error as one line for an operator: its message's first line, never its stack (BUDGET_DEBUG=1 prints that). */
function oneLine(err: unknown): string {
  if (process.env.BUDGET_DEBUG === "1") console.error(err);
  const message = err instanceof Error ? err.message : String(err);
  return message.split("\n")[0]!.trim() || (err instanceof Error ? err.name : "unknown error");
}

/**
 * A full collection between the documents of a batch. Left alone, V8 lets garbage grow to about
 * four times the live heap: a batch of PDFs whose live heap stays near 50 MB reached 370 MB of
 * resident memory. A collection costs a few milliseconds against a second per PDF.
 */
function garbageCollector(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof DatabaseUnavailableError || err instanceof ConfigError) console.error(err.message);
    else if (err instanceof DatabaseBusyError) console.error(`${err.message}; nothing was written — try again`);
    else console.error(`budget: ${oneLine(err)}`);
    process.exit(err instanceof DatabaseBusyError ? EXIT_RETRY : 1);
  },
);
