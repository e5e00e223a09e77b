import { describe, expect, it } from "vitest";
import { markdown, runBench } from "../../bench/harness";
import { ANALYSES } from "../../bench/analyses";
import { FORMATS, importMarkdown, runImportBench } from "../../bench/imports";
import { mysqlAvailable } from "../helpers/databases";
import { MYSQL_URL } from "../helpers/mysql-url";
import { bulkImportMarkdown, runBulkImportBench } from "../../bench/bulk-import";

// The benchmark's --quick mode, so it never rots: every saved analysis must give the same
// answer through GraphQL as through its hand-written SQL. Timing is reported, not asserted.
describe.skipIf(!mysqlAvailable)("[mysql] npm run bench -- --quick", () => {
  it("runs every saved analysis both ways with the same answers", async () => {
    const result = await runBench({ mysqlUrl: MYSQL_URL, departments: 3, years: 2, seed: 1, iterations: 2, warmup: 0 });
    console.log(markdown(result));
    expect(result.analyses.map((a) => a.name)).toEqual(ANALYSES.map((a) => a.name));
    for (const a of result.analyses) {
      expect(a.agree, a.name).toBe(true);
      // One statement per aggregate, page and count for a search; the department-year's tree one per level it reads.
      expect(a.graphql.statements, a.name).toBeLessThanOrEqual(a.scenario === "a" ? 8 : 4);
      // The fair baseline answered too, over HTTP.
      expect(a.baselineHttp.p50, a.name).toBeGreaterThan(0);
    }
    expect(new Set(result.analyses.map((a) => a.scenario))).toEqual(new Set(["a", "b", "c", "d", "e", "h"]));
    expect(result.data.budgets).toBe(6);
    // The large answer runs on both schemas alike; the served one resolves plain arguments synchronously.
    expect(result.syncArgs.agree).toBe(true);
    expect(result.syncArgs.amounts).toBeGreaterThan(100);
  });

  // The import section: every format read and imported (each import a distinct copy, so none is
  // taken for one already imported), and a small batch of PDFs through the CLI in a child process.
  it("reads and imports the disclosure in every format, and a batch of PDFs through the CLI", { timeout: 240_000 }, async () => {
    const result = await runImportBench({ mysqlUrl: MYSQL_URL, reads: 1, readWarmup: 0, imports: 1, importWarmup: 1, batch: 2 });
    console.log(importMarkdown(result));
    expect(result.formats.map((f) => f.format)).toEqual(FORMATS.map((f) => f.format));
    for (const f of result.formats) {
      expect(f.read.runs, f.format).toBe(1);
      expect(f.import.runs, f.format).toBe(1);
    }
    expect(result.batch?.imported).toBe(2);
    if (process.platform === "linux") expect(result.batch?.peakRssMb).toBeGreaterThan(0);
  });

  // Scenario (f) at its smallest: the importer and the batched INSERTs write the same rows.
  it("imports generated documents and writes the same rows again with batched INSERTs", { timeout: 120_000 }, async () => {
    const result = await runBulkImportBench({ mysqlUrl: MYSQL_URL, departments: 1, years: 2, seed: 1 });
    console.log(bulkImportMarkdown(result));
    expect(result.documents).toBe(2);
    expect(result.rows).toBeGreaterThan(100);
    expect(result.rowsPerSecond).toBeGreaterThan(0);
    expect(result.baselineRowsPerSecond).toBeGreaterThan(0);
  });
});
