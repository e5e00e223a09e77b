import "reflect-metadata";
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { ConfigError, loadConfig } from "../config";
import { DatabaseUnavailableError } from "../db/data-source";
import { openPlatformDatabase } from "../platform";
import { exportBundle } from "../ingest/export";
import { runGenerate } from "./generate";
import { type ImportOutcome, importDocument } from "../ingest/import";

const USAGE = `usage: npm run budget -- <command>

commands:
  import [--dry-run] [--json] <file ...>   import disclosures (.txt) or bundles (.json), one transaction each
  validate [--json] <file ...>             read and check only; nothing is written (same as import --dry-run)
  export <department> <year> [out.json] [--stage BUDGET|ADJUSTED|FINAL]
                                           write the budget in force as a bundle (stdout without a file)
  generate --departments N --years Y --seed S --out DIR
                                           write deterministic synthetic bundles shaped like the sample
  migrate                                  bring the database schema up to date

DATABASE_URL selects the database (default sqlite:./data/budget.sqlite).
Exit status: 0 when every document was accepted, 1 when any was rejected, 2 for bad usage.`;

interface Summary {
  file: string;
  status: "imported" | "unchanged" | "valid" | "rejected";
  department?: string;
  year?: number;
  stage?: string;
  version?: number;
  tables?: { read: number; listed: number; missing: string[]; empty: string[] };
  figures?: number;
  discrepancies?: Record<string, number>;
  errors?: { line: number | null; field: string | null; message: string }[];
  seconds: number;
}

function summarize(file: string, outcome: ImportOutcome, seconds: number): Summary {
  if (!outcome.ok) return { file, status: "rejected", errors: outcome.rejection.problems, seconds };
  const m = outcome.model;
  const figures =
    m.subjectLines.length + m.economicLines.length + m.incomeLines.length + m.projects.reduce((n, p) => n + p.lines.length, 0) +
    m.publishedFigures.length + m.claims.length + (m.operatingFunds?.items.length ?? 0);
  return {
    file,
    status: !outcome.load ? "valid" : outcome.load.unchanged ? "unchanged" : "imported",
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

function printHuman(s: Summary, i: number, n: number): void {
  const head = `[${i}/${n}] ${s.file}`;
  if (s.status === "rejected") {
    console.error(`${head}: rejected`);
    for (const e of s.errors ?? []) console.error(`  ${e.message}`);
    return;
  }
  const verb = s.status === "valid" ? "valid" : s.status === "unchanged" ? "already imported" : `imported as version ${s.version}`;
  console.log(`${head}: ${verb} — ${s.department} ${s.year} ${s.stage} (${s.seconds.toFixed(2)} s)`);
  const t = s.tables!;
  console.log(`  tables read ${t.read} of ${t.listed} listed${t.missing.length ? `; missing: ${t.missing.join(", ")}` : ""}${t.empty.length ? `; empty: ${t.empty.join(", ")}` : ""}`);
  const d = Object.entries(s.discrepancies ?? {}).map(([k, v]) => `${k} ${v}`).join(", ") || "none";
  console.log(`  figures stored ${s.figures}; discrepancies: ${d}`);
}

function stageArg(argv: string[]): string {
  const i = argv.indexOf("--stage");
  return i >= 0 ? String(argv[i + 1]) : "BUDGET";
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const flags = new Set(rest.filter((a) => a.startsWith("--")));
  const args = rest.filter((a, i) => !a.startsWith("--") && rest[i - 1] !== "--stage");
  if (command === "generate") return runGenerate(rest);
  if (command === "migrate") {
    await (await openPlatformDatabase(loadConfig().database)).destroy();
    console.log("database is up to date");
    return 0;
  }
  if (command === "export" && args.length >= 2) {
    const ds = await openPlatformDatabase(loadConfig().database);
    try {
      const [row] = await ds.query(
        "SELECT b.id FROM department_budget b JOIN department d ON d.id = b.department_id WHERE d.code = ? AND b.year = ? AND b.stage = ? AND b.is_current = 1",
        [args[0], Number(args[1]), stageArg(rest)],
      );
      if (!row) {
        console.error(`no budget in force for department ${args[0]} in ${args[1]}`);
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
  if ((command !== "import" && command !== "validate") || !args.length) {
    console.error(USAGE);
    return 2;
  }
  const dryRun = command === "validate" || flags.has("--dry-run");
  const ds = await openPlatformDatabase(dryRun ? { kind: "sqlite", url: "sqlite::memory:", path: ":memory:" } : loadConfig().database);
  const summaries: Summary[] = [];
  try {
    for (const [i, file] of args.entries()) {
      const started = process.hrtime.bigint();
      const outcome = await importDocument(ds, basename(file), readFileSync(file), { actor: `cli:${process.env.USER ?? "unknown"}`, dryRun });
      const s = summarize(basename(file), outcome, Number(process.hrtime.bigint() - started) / 1e9);
      summaries.push(s);
      if (!flags.has("--json")) printHuman(s, i + 1, args.length);
    }
  } finally {
    await ds.destroy();
  }
  if (flags.has("--json")) console.log(JSON.stringify(summaries, null, 2));
  return summaries.some((s) => s.status === "rejected") ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof DatabaseUnavailableError || err instanceof ConfigError) console.error(err.message);
    else console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
