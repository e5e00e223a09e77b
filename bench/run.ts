import "./production";
import "reflect-metadata";
import { type BenchResult, markdown, runBench } from "./harness";
import { type ImportBenchResult, importMarkdown, runImportBench } from "./imports";
import { attackMarkdown, runAttackBench } from "./attacks";
import { exportMarkdown, runExportBench } from "./exports";
import { type BulkImportResult, bulkImportMarkdown, runBulkImportBench } from "./bulk-import";

const USAGE = `usage: npm run bench -- [--quick] [--json] [--departments N] [--years Y] [--seed S] [--iterations K] [--warmup W]
                       [--imports-only | --no-imports] [--read-runs N] [--import-runs N] [--batch N] [--attacks]
                       [--bulk-departments N] [--bulk-years Y] [--load-seconds S | --no-load]
  BENCH_MYSQL_URL (default mariadb://root@127.0.0.1:3306/test) names the server; the bench makes and drops its own databases.
  The import section reads and imports one disclosure as text, PDF, XLSX and bundle (--read-runs, --import-runs timed
  runs each) and imports --batch distinct PDFs through the CLI in one child process, reporting its peak RSS.
  The load scenario (h) runs autocannon from its own process on (a), (b) and the cheap query (one department-year's
  totals), 10 and 50 connections, --load-seconds
  each (default 10; left out of --quick unless --load), against the API and the baseline server in processes of their own;
  then (i): (a) again at 10 connections while the hostile requests (a 22.9 MB alias flood, 4,990 and 400 aliases of an
  aggregate) are sent once each.
  The bulk import (f) imports --bulk-departments × --bulk-years generated documents (default 20 × 5) and writes the
  same rows again with batched INSERTs; part of the import section.
  --attacks runs only the limits section: calibrates an aggregate's cost against ordinary fields, then sends the
  22 MB alias query and the 4,990-alias aggregate while another caller asks a simple query.
  --exports runs only the exports section: each export for a tenth of --departments (N rows) and for all of them
  (10N) (default 100 departments, 5 years), --iterations runs each (default 2) in a fresh process, reporting peak RSS and heap.`;

async function main(argv: string[]): Promise<number> {
  const flag = (name: string) => argv.includes(`--${name}`);
  const value = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    if (i < 0) return fallback;
    const n = Number(argv[i + 1]);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} needs a positive whole number`);
    return n;
  };
  if (flag("help")) {
    console.log(USAGE);
    return 0;
  }
  const quick = flag("quick");
  if (flag("attacks")) {
    const r = await runAttackBench({
      mysqlUrl: process.env.BENCH_MYSQL_URL ?? "mariadb://root@127.0.0.1:3306/test",
      departments: value("departments", quick ? 4 : 60),
      years: value("years", quick ? 2 : 5),
      runs: value("iterations", quick ? 3 : 20),
      log: flag("json") ? undefined : (l: string) => console.error(l),
    });
    console.log(flag("json") ? JSON.stringify(r, null, 2) : attackMarkdown(r));
    return r.attacks.every((a) => a.status >= 400 && a.status < 500 && a.refusedMs < 100) ? 0 : 1;
  }
  if (flag("exports")) {
    const r = await runExportBench({
      mysqlUrl: process.env.BENCH_MYSQL_URL ?? "mariadb://root@127.0.0.1:3306/test",
      departments: value("departments", quick ? 10 : 100),
      years: value("years", quick ? 2 : 5),
      runs: value("iterations", 2),
      log: flag("json") ? undefined : (l: string) => console.error(l),
    });
    console.log(flag("json") ? JSON.stringify(r, null, 2) : exportMarkdown(r));
    return 0;
  }
  if (flag("imports-only") && flag("no-imports")) throw new Error("--imports-only and --no-imports exclude each other");
  const log = flag("json") ? undefined : (l: string) => console.error(l);
  const analyses: BenchResult | undefined = flag("imports-only") ? undefined : await runBench({
    mysqlUrl: process.env.BENCH_MYSQL_URL ?? "mariadb://root@127.0.0.1:3306/test",
    departments: value("departments", quick ? 4 : 60),
    years: value("years", quick ? 2 : 5),
    seed: value("seed", 1),
    iterations: value("iterations", quick ? 3 : 200),
    // A server runs warm: each analysis first runs until the JIT has settled on both sides.
    warmup: value("warmup", quick ? 1 : 100),
    load: flag("no-load") || (quick && !flag("load")) ? undefined : { seconds: value("load-seconds", quick ? 2 : 10), connections: [10, 50] },
    log,
  });
  const imports: ImportBenchResult | undefined = flag("no-imports")
    ? undefined
    : await runImportBench({
        mysqlUrl: process.env.BENCH_MYSQL_URL ?? "mariadb://root@127.0.0.1:3306/test",
        reads: value("read-runs", quick ? 2 : 20),
        readWarmup: quick ? 1 : 3,
        imports: value("import-runs", quick ? 2 : 10),
        importWarmup: quick ? 1 : 2,
        batch: value("batch", quick ? 3 : 100),
        log,
      });
  const bulk: BulkImportResult | undefined = flag("no-imports")
    ? undefined
    : await runBulkImportBench({
        mysqlUrl: process.env.BENCH_MYSQL_URL ?? "mariadb://root@127.0.0.1:3306/test",
        departments: value("bulk-departments", quick ? 2 : 20),
        years: value("bulk-years", quick ? 2 : 5),
        seed: value("seed", 1),
        log,
      });
  if (flag("json")) console.log(JSON.stringify({ ...analyses, import: bulk, imports }, null, 2));
  else console.log([analyses && markdown(analyses), bulk && bulkImportMarkdown(bulk), imports && importMarkdown(imports)].filter(Boolean).join("\n\n"));
  return !analyses || (analyses.analyses.every((a) => a.agree) && analyses.syncArgs.agree) ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
