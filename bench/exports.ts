import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import mysql from "mysql2/promise";
import { parseDatabaseUrl } from "../src/config";
import { importDocument } from "../src/ingest/import";
import { openPlatformDatabase } from "../src/platform";
import { generateBundles } from "../src/tools/generate-zone";

const run = promisify(execFile);

export interface ExportBenchOptions {
  mysqlUrl: string;
  /** Departments in the zone: the small export reads a tenth of them, the large one all. */
  departments: number;
  years: number;
  /** Runs of each export (each in a fresh process). */
  runs: number;
  log?: (line: string) => void;
}

interface Measure {
  rows: number;
  bytes: number;
  ms: number;
  baselineRss: number;
  baselineHeap: number;
  peakRss: number;
  peakHeap: number;
  /** Most heap in use after a full collection, checked every 2,500 rows and at the end. */
  liveHeap: number;
  maxRssKb: number;
}

export interface ExportBenchResult {
  data: { departments: number; years: number; budgets: number };
  exports: { name: string; format: string; scale: "N" | "10N"; runs: Measure[] }[];
}

const CASES: { name: string; kind: string; params: (departments: string[]) => Record<string, unknown> }[] = [
  { name: "projects with indicators", kind: "projects", params: (d) => ({ departmentCodes: d }) },
  { name: "indicators", kind: "indicators", params: (d) => ({ departmentCodes: d }) },
  { name: "expenditure by department, unit, item, source", kind: "expenditure", params: (d) => ({ departmentCodes: d, groupBy: ["DEPARTMENT", "BUDGET_UNIT", "SUBJECT_ITEM", "FUNDING_SOURCE", "YEAR"] }) },
];

/**
 * Builds a zone of generated department-years, then runs each export for a tenth of the
 * departments (N rows) and for all of them (10N), each in a child process of its own that
 * reports its peak RSS and heap: a streamed export's memory stays flat while its rows grow.
 */
export async function runExportBench(o: ExportBenchOptions): Promise<ExportBenchResult> {
  const log = o.log ?? (() => {});
  const base = parseDatabaseUrl(o.mysqlUrl);
  const database = `budget_bench_exports_${process.pid}`;
  const admin = await mysql.createConnection({ host: base.host, port: base.port, user: base.user, password: base.password });
  await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
  const url = o.mysqlUrl.replace(/\/[^/]*$/, `/${database}`);
  const ds = await openPlatformDatabase({ ...base, database, url });
  try {
    const bundles = generateBundles({ departments: o.departments, years: o.years, seed: 1 });
    for (const [i, b] of bundles.entries()) {
      const name = `${b.department.code}-${b.year}.bundle.json`;
      const outcome = await importDocument(ds, name, Buffer.from(JSON.stringify(b)), { actor: "bench", status: "PUBLISHED" });
      if (!outcome.ok) throw new Error(`generated ${name} was rejected`);
      if ((i + 1) % 50 === 0) log(`imported ${i + 1}/${bundles.length}`);
    }
    const codes = [...new Set(bundles.map((b) => b.department.code))].sort();
    const tenth = codes.slice(0, Math.max(1, Math.round(codes.length / 10)));
    const exports: ExportBenchResult["exports"] = [];
    for (const c of CASES) {
      for (const format of ["csv", "xlsx"]) {
        for (const [scale, depts] of [["N", tenth], ["10N", codes]] as const) {
          const runs: Measure[] = [];
          for (let i = 0; i < o.runs; i++) {
            const { stdout } = await run(process.execPath, ["--expose-gc", "--import", "tsx", join(__dirname, "export-child.ts"), url, c.kind, format, JSON.stringify(c.params(depts))], { maxBuffer: 1024 * 1024 });
            runs.push(JSON.parse(stdout.trim().split("\n").at(-1)!) as Measure);
          }
          const last = runs.at(-1)!;
          log(`${c.name} ${format} ${scale}: ${last.rows} rows, peak RSS ${mb(last.peakRss)} MB, peak heap ${mb(last.peakHeap)} MB, live heap ${mb(last.liveHeap)} MB`);
          exports.push({ name: c.name, format, scale, runs });
        }
      }
    }
    // For contrast: the largest CSV read in one statement instead of pages (the rows are still written as produced).
    const whole: Measure[] = [];
    for (let i = 0; i < o.runs; i++) {
      const { stdout } = await run(process.execPath, ["--expose-gc", "--import", "tsx", join(__dirname, "export-child.ts"), url, "projects", "csv", JSON.stringify({ departmentCodes: codes }), "10000000"], { maxBuffer: 1024 * 1024 });
      whole.push(JSON.parse(stdout.trim().split("\n").at(-1)!) as Measure);
    }
    exports.push({ name: "projects with indicators, read in one statement (contrast)", format: "csv", scale: "10N", runs: whole });
    return { data: { departments: o.departments, years: o.years, budgets: bundles.length }, exports };
  } finally {
    await ds.destroy();
    await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await admin.end();
  }
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

export function exportMarkdown(r: ExportBenchResult): string {
  const lines = [
    `### Exports: peak memory as rows grow tenfold (${r.data.budgets} department-years; N = a tenth of the departments, 10N = all)`,
    "",
    "Each export runs in a fresh process (streamed, 500 rows a statement, into a sink that drains slowly); per run: rows, file size, time, peak RSS and peak V8 heap (sampled every 2 ms), the most heap still in use after a full collection (every 2,500 rows and at the end: what the export holds), and the RSS before the export began.",
    "",
    "| export | format | scale | rows | file | run | time | RSS before | peak RSS | peak heap | live heap |",
    "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const e of r.exports) {
    e.runs.forEach((m, i) => {
      lines.push(`| ${e.name} | ${e.format} | ${e.scale} | ${m.rows} | ${(m.bytes / 1024).toFixed(0)} KB | ${i + 1} | ${m.ms.toFixed(0)} ms | ${mb(m.baselineRss)} MB | ${mb(m.peakRss)} MB | ${mb(m.peakHeap)} MB | ${mb(m.liveHeap)} MB |`);
    });
  }
  return lines.join("\n");
}
