import { writeFileSync } from "node:fs";
import { extname } from "node:path";
import { loadConfig } from "../config";
import { openPlatformDatabase } from "../platform";
import { TABLE_FORMATS, TablesError, TablesService, parseFormat } from "../modules/tables/tables.service";
import { STAGE_PROBLEM, stageArgument } from "./args";
import { CLI_VIEWER } from "./export-table";

export const TABLES_USAGE = `usage: npm run budget -- tables <department> <year> [--format ${TABLE_FORMATS.join("|")}] [--out FILE] [--stage BUDGET|ADJUSTED|FINAL] [--json]

  The standard tables of a stored budget, regenerated, as GET /tables/<department>/<year>.<format>
  serves them: the 预算's thirteen tables (BUDGET, ADJUSTED) or the 决算's nine (FINAL).
  --format defaults to the --out file's extension, else txt; without --out the file goes to stdout.
  --json prints what was written (department, year, stage, version, format, tables, file, bytes)
  as one JSON document; it needs --out. The CLI reads as the finance bureau: drafts included.

Exit status: 0 written, 1 no such budget, 2 bad usage (an unknown option or a bad value).`;

function usage(problem: string): number {
  console.error(`${problem}\n\n${TABLES_USAGE}`);
  return 2;
}

const VALUED = ["--format", "--out", "--stage"];

/** `npm run budget -- tables 007 2023 --format xlsx --out 007-2023.xlsx`. */
export async function runTables(argv: string[]): Promise<number> {
  const positional: string[] = [];
  const values: Record<string, string> = {};
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--help") return usage("");
    if (arg === "--json") json = true;
    else if (VALUED.includes(arg)) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith("--")) return usage(`${arg} needs a value`);
      if (arg in values) return usage(`${arg} is given more than once`);
      values[arg] = value;
      i++;
    } else if (arg.startsWith("--")) return usage(`unknown option ${arg}`);
    else positional.push(arg);
  }
  const [department, year, ...extra] = positional;
  if (!department || !year) return usage("which department and year?");
  if (extra.length) return usage(`unexpected argument "${extra[0]}"`);
  if (!/^[0-9A-Za-z]{1,32}$/.test(department)) return usage(`"${department}" is not a department code (digits and letters)`);
  if (!/^[12][0-9]{3}$/.test(year)) return usage(`"${year}" is not a year (four digits)`);
  const out = values["--out"];
  if (json && !out) return usage("--json describes the file written: give --out");
  const stage = values["--stage"] === undefined ? "BUDGET" : stageArgument(values["--stage"]);
  if (!stage) return usage(STAGE_PROBLEM);
  let format;
  try {
    format = parseFormat(values["--format"] ?? (out && extname(out) ? extname(out).slice(1) : "txt"));
  } catch (err) {
    if (err instanceof TablesError) return usage(`--format takes one of ${TABLE_FORMATS.join(", ")}`);
    throw err;
  }
  const ds = await openPlatformDatabase(loadConfig().database);
  try {
    let rendered;
    try {
      rendered = await new TablesService(ds, CLI_VIEWER()).render(department, Number(year), stage, format);
    } catch (err) {
      if (err instanceof TablesError && err.status === 404) {
        console.error(err.message);
        return 1;
      }
      throw err;
    }
    if (out) writeFileSync(out, rendered.body);
    else process.stdout.write(rendered.body);
    const { body, ...about } = rendered;
    if (json) console.log(JSON.stringify({ ...about, file: out, bytes: body.length }, null, 2));
    else console.error(`${department} ${year} ${stage} version ${rendered.version}: ${rendered.tables.length} tables written as ${format.toUpperCase()} to ${out ?? "stdout"} (read as FINANCE)`);
    return 0;
  } finally {
    await ds.destroy();
  }
}
