import { createWriteStream, statSync } from "node:fs";
import { finished } from "node:stream/promises";
import { userInfo } from "node:os";
import type { Writable } from "node:stream";
import { limitsFromEnv } from "../common/limits";
import type { Viewer } from "../common/viewer";
import { loadConfig } from "../config";
import { openPlatformDatabase } from "../platform";
import { writeCsv } from "../modules/export/csv";
import { EXPORT_FORMATS, EXPORT_KINDS, EXPORT_PARAMS, type ExportFormat, type ExportKind, ExportParamError, parseExportParams } from "../modules/export/export.params";
import { ExportService } from "../modules/export/export.service";
import { writeXlsx } from "../modules/export/xlsx";

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export const EXPORT_TABLE_USAGE = `usage: npm run budget -- export-table <${EXPORT_KINDS.join("|")}> [--format csv|xlsx] [--out FILE] [--json] [--<parameter> VALUE …]

  The exports GET /export/<kind>.<format> serves, with the same parameters as options (repeat an
  option for several values; --group-by takes a comma-separated list):
${EXPORT_KINDS.map((k) => `    ${k.padEnd(14)} ${EXPORT_PARAMS[k].map((p) => `--${kebab(p.name)}`).join(" ")}`).join("\n")}
  --format defaults to the --out file's extension, else csv; without --out the file goes to stdout.
  The CLI holds the database, so it reads as the finance bureau (FINANCE): drafts included.
  --json (with --out) prints what was written: { kind, format, rows, file, bytes }.

Exit status: 0 written, 1 failed, 2 bad usage (an unknown option or a bad value).`;

/** The finance bureau: whoever runs the CLI holds the database itself. */
export const CLI_VIEWER = (): Viewer => ({ role: "FINANCE", actor: `cli:${userInfo().username}` });

function usage(problem: string): number {
  console.error(`${problem}\n\n${EXPORT_TABLE_USAGE}`);
  return 2;
}

/** `npm run budget -- export-table expenditure --year 2023 --group-by SUBJECT_CLASS --format xlsx --out a.xlsx`. */
export async function runExportTable(argv: string[]): Promise<number> {
  const [kind, ...rest] = argv;
  if (!kind || kind === "--help") return usage(kind ? "" : "which export?");
  if (!(EXPORT_KINDS as readonly string[]).includes(kind)) return usage(`unknown export "${kind}"`);
  let format: string | undefined;
  let out: string | undefined;
  let json = false;
  const pairs: [string, string][] = [];
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i]!;
    const value = rest[i + 1];
    if (flag === "--json") {
      json = true;
      continue;
    }
    if (!flag.startsWith("--")) return usage(`unexpected argument "${flag}"`);
    if (value === undefined || value.startsWith("--")) return usage(`${flag} needs a value`);
    i++;
    if (flag === "--format") format = value.toLowerCase();
    else if (flag === "--out") out = value;
    // --group-by and --groupBy alike name the parameter groupBy.
    else pairs.push([flag.slice(2).replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase()), value]);
  }
  format ??= out && /\.xlsx$/i.test(out) ? "xlsx" : "csv";
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) return usage(`--format must be csv or xlsx, not "${format}"`);
  if (json && !out) return usage("--json describes the file written: give --out");
  let params;
  try {
    params = parseExportParams(kind as ExportKind, pairs, limitsFromEnv());
  } catch (err) {
    if (err instanceof ExportParamError) return usage(err.message);
    throw err;
  }
  const ds = await openPlatformDatabase(loadConfig().database);
  try {
    let table;
    try {
      table = await new ExportService(ds, CLI_VIEWER()).table(kind as ExportKind, params);
    } catch (err) {
      if (err instanceof ExportParamError) return usage(err.message);
      throw err;
    }
    let count = 0;
    const rows = table.rows;
    table.rows = {
      async *[Symbol.asyncIterator]() {
        for await (const r of rows) {
          count++;
          yield r;
        }
      },
    };
    const sink: Writable = out ? createWriteStream(out) : process.stdout;
    await ((format as ExportFormat) === "csv" ? writeCsv(table, sink) : writeXlsx(table, sink));
    // The XLSX writer ends its stream itself; a file is only complete once flushed.
    if (out) {
      if (!sink.writableEnded) sink.end();
      await finished(sink);
    }
    if (json) console.log(JSON.stringify({ kind, format, rows: count, file: out, bytes: statSync(out!).size }));
    else console.error(`${kind}: ${count} rows written as ${format.toUpperCase()} to ${out ?? "stdout"} (read as FINANCE)`);
    return 0;
  } finally {
    await ds.destroy();
  }
}
