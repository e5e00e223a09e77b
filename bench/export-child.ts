import "./production";
import "reflect-metadata";
import { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { parseDatabaseUrl } from "../src/config";
import { openPlatformDatabase } from "../src/platform";
import { writeCsv } from "../src/modules/export/csv";
import type { ExportKind, ParsedParams } from "../src/modules/export/export.params";
import { EXPORT_CHUNK, ExportService } from "../src/modules/export/export.service";
import { writeXlsx } from "../src/modules/export/xlsx";

/**
 * One export in a process of its own, so its peak memory is the export's alone: argv is the
 * database URL, kind, format, the parameters as JSON and the chunk size. The file is counted and
 * dropped as it is written (as a client reading the response would take it); one line of JSON
 * reports rows, bytes, time, peak RSS and peak heap.
 */
async function main([url, kind, format, paramsJson, chunk]: string[]): Promise<void> {
  const ds = await openPlatformDatabase(parseDatabaseUrl(url!));
  let peakHeap = 0;
  let peakRss = 0;
  // With --expose-gc: the heap still in use after a full collection, every 2,500 rows — what the
  // export holds, as against the garbage it has not yet had collected (peakHeap).
  let liveHeap = 0;
  const collect = () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) return;
    gc();
    liveHeap = Math.max(liveHeap, process.memoryUsage().heapUsed);
  };
  const sample = () => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  };
  const timer = setInterval(sample, 2);
  try {
    sample();
    collect();
    const baseline = { rss: process.memoryUsage().rss, heap: process.memoryUsage().heapUsed };
    const started = performance.now();
    const table = await new ExportService(ds, { role: "PUBLIC", actor: "bench" }, Number(chunk ?? EXPORT_CHUNK)).table(kind as ExportKind, JSON.parse(paramsJson!) as ParsedParams);
    let rows = 0;
    const source = table.rows;
    table.rows = {
      async *[Symbol.asyncIterator]() {
        for await (const r of source) {
          rows++;
          if (rows % 200 === 0) sample();
          if (rows % 2500 === 0) collect();
          yield r;
        }
      },
    };
    let bytes = 0;
    // A sink that takes a while per chunk, as a network does, so backpressure is exercised.
    const sink = new Writable({
      highWaterMark: 64 * 1024,
      write(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        setImmediate(done);
      },
    });
    await (format === "csv" ? writeCsv(table, sink) : writeXlsx(table, sink));
    sink.end();
    await finished(sink);
    sample();
    collect();
    const ms = performance.now() - started;
    console.log(JSON.stringify({ rows, bytes, ms, baselineRss: baseline.rss, baselineHeap: baseline.heap, peakRss, peakHeap, liveHeap, maxRssKb: process.resourceUsage().maxRSS }));
  } finally {
    clearInterval(timer);
    await ds.destroy();
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.stack : String(err));
    process.exit(1);
  },
);
