import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateBundles } from "../tools/generate-zone";

const USAGE = `usage: npm run budget -- generate --departments N --years Y --seed S [--first-year 2021] --out DIR [--json]

Writes DIR/<code>-<year>.bundle.json for N generated departments (codes 101 upward) over Y
consecutive years. The same options always write the same bytes. --json prints
{ bundles, departments, years, seed, out }.`;

/** Runs the generator from command-line arguments; returns the exit status (2 for bad usage). */
export function runGenerate(argv: string[]): number {
  const opts = new Map<string, string>();
  const json = argv.includes("--json");
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--json") continue;
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m) return usage(`unexpected argument "${a}"`);
    const [, key, inline] = m;
    if (key === "help") return usage();
    const value = inline ?? argv[++i];
    if (value === undefined) return usage(`--${key} needs a value`);
    opts.set(key!, value);
  }
  for (const key of opts.keys()) {
    if (!["departments", "years", "seed", "first-year", "out"].includes(key)) return usage(`unknown option --${key}`);
  }
  const int = (key: string, required: boolean): number | undefined | null => {
    const v = opts.get(key);
    if (v === undefined) return required ? null : undefined;
    return /^-?\d+$/.test(v) ? Number(v) : null;
  };
  const departments = int("departments", true);
  const years = int("years", true);
  const seed = int("seed", true);
  const firstYear = int("first-year", false);
  const out = opts.get("out");
  if (departments == null || years == null || seed == null || firstYear === null || !out) {
    return usage("--departments, --years and --seed take whole numbers; --out is required");
  }
  let bundles;
  try {
    bundles = generateBundles({ departments, years, seed, firstYear });
  } catch (e) {
    if (e instanceof RangeError) return usage(e.message);
    throw e;
  }
  mkdirSync(out, { recursive: true });
  for (const b of bundles) {
    writeFileSync(join(out, `${b.department.code}-${b.year}.bundle.json`), JSON.stringify(b, null, 2) + "\n");
  }
  if (json) console.log(JSON.stringify({ bundles: bundles.length, departments, years, seed, out }));
  else console.log(`wrote ${bundles.length} bundle${bundles.length === 1 ? "" : "s"} to ${out}`);
  return 0;
}

function usage(problem?: string): number {
  if (problem) console.error(problem);
  console.error(USAGE);
  return problem ? 2 : 0;
}

if (require.main === module) process.exit(runGenerate(process.argv.slice(2)));
