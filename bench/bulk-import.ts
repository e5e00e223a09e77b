import mysql from "mysql2/promise";
import { parseDatabaseUrl } from "../src/config";
import { openPlatformDatabase } from "../src/platform";
import { importDocument } from "../src/ingest/import";
import { generateBundles } from "../src/tools/generate-zone";

/**
 * Scenario (f): generated department-years imported through the importer (read, every check,
 * one transaction per document under the write lock) against the same rows written by batched
 * multi-row INSERTs through mysql2 — what loading them costs with no reading and no checking.
 * Rows are counted in the tables the import starts empty (every budget's own rows); the code
 * lists and names it also keeps up to date are left out of both sides.
 */
export interface BulkImportResult {
  documents: number;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  baselineSeconds: number;
  baselineRowsPerSecond: number;
  /** Peak resident set of this process while it imported (MB). */
  peakRssMb: number;
  statementsPerDocument?: number;
}

const BATCH = 1000;

export async function runBulkImportBench(o: { mysqlUrl: string; departments: number; years: number; seed: number; log?: (l: string) => void }): Promise<BulkImportResult> {
  const log = o.log ?? (() => {});
  const base = parseDatabaseUrl(o.mysqlUrl);
  const [dbA, dbB] = [`budget_bulk_${process.pid}`, `budget_bulk_raw_${process.pid}`];
  const admin = await mysql.createConnection({ host: base.host, port: base.port, user: base.user, password: base.password, supportBigNumbers: true, bigNumberStrings: true, dateStrings: true });
  for (const d of [dbA, dbB]) await admin.query(`DROP DATABASE IF EXISTS \`${d}\``);
  const ds = await openPlatformDatabase({ ...base, database: dbA, url: o.mysqlUrl.replace(/\/[^/]*$/, `/${dbA}`) });
  try {
    const tables = ds.entityMetadatas.map((m) => m.tableName).sort();
    const counts = async () => Object.fromEntries(await Promise.all(tables.map(async (t) => [t, Number((await ds.query(`SELECT COUNT(*) AS n FROM \`${t}\``))[0].n)] as const)));
    const before = await counts();
    const empty = tables.filter((t) => before[t] === 0);
    const bundles = generateBundles({ departments: o.departments, years: o.years, seed: o.seed });
    const files = bundles.map((b) => ({ name: `${b.department.code}-${b.year}.bundle.json`, bytes: Buffer.from(JSON.stringify(b)) }));
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const started = performance.now();
    for (const [i, f] of files.entries()) {
      const outcome = await importDocument(ds, f.name, f.bytes, { actor: "bench", status: "PUBLISHED" });
      if (!outcome.ok) throw new Error(`generated ${f.name} was rejected: ${outcome.rejection.problems[0]?.message}`);
      if ((i + 1) % 100 === 0) log(`bulk import: ${i + 1}/${files.length}`);
    }
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const after = await counts();
    const rows = empty.reduce((n, t) => n + after[t]!, 0);

    // The same rows, read back, into empty copies of the same tables (same indexes), BATCH rows a statement.
    await admin.query(`CREATE DATABASE \`${dbB}\``);
    const data: { table: string; columns: string[]; rows: unknown[][] }[] = [];
    for (const t of empty) {
      await admin.query(`CREATE TABLE \`${dbB}\`.\`${t}\` LIKE \`${dbA}\`.\`${t}\``);
      const [found, fields] = (await admin.query({ sql: `SELECT * FROM \`${dbA}\`.\`${t}\``, rowsAsArray: true })) as unknown as [unknown[][], { name: string }[]];
      if (found.length) data.push({ table: t, columns: fields.map((f) => f.name), rows: found });
    }
    const raw = await mysql.createConnection({ host: base.host, port: base.port, user: base.user, password: base.password, database: dbB });
    const rawStarted = performance.now();
    for (const d of data) {
      const head = `INSERT INTO \`${d.table}\` (${d.columns.map((c) => `\`${c}\``).join(", ")}) VALUES ?`;
      for (let i = 0; i < d.rows.length; i += BATCH) await raw.query(head, [d.rows.slice(i, i + BATCH)]);
    }
    const baselineSeconds = (performance.now() - rawStarted) / 1000;
    await raw.end();
    return {
      documents: files.length,
      rows,
      seconds,
      rowsPerSecond: rows / seconds,
      baselineSeconds,
      baselineRowsPerSecond: rows / baselineSeconds,
      peakRssMb: peak / 2 ** 20,
    };
  } finally {
    await ds.destroy();
    for (const d of [dbA, dbB]) await admin.query(`DROP DATABASE IF EXISTS \`${d}\``);
    await admin.end();
  }
}

export function bulkImportMarkdown(r: BulkImportResult): string {
  return [
    `Bulk import (f): ${r.documents} generated documents, ${r.rows} rows.`,
    "",
    "| | seconds | rows/s | share of batched INSERTs |",
    "|---|---:|---:|---:|",
    `| importer (read, checks, one transaction a document) | ${r.seconds.toFixed(1)} | ${Math.round(r.rowsPerSecond)} | ${(r.rowsPerSecond / r.baselineRowsPerSecond).toFixed(2)} |`,
    `| batched INSERTs of the same rows (${BATCH} a statement) | ${r.baselineSeconds.toFixed(1)} | ${Math.round(r.baselineRowsPerSecond)} | 1.00 |`,
    "",
    `Peak RSS while importing: ${r.peakRssMb.toFixed(0)} MB.`,
  ].join("\n");
}
