import "reflect-metadata";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { ConfigError, loadConfig } from "../config";
import { DatabaseUnavailableError, openDatabase } from "../db/data-source";
import { readBundle } from "../ingest/bundle/read-bundle";
import { loadBudget } from "../ingest/load";
import { IngestError } from "../ingest/model";

const USAGE = `usage: npm run budget -- <command>

commands:
  import [--dry-run] <file.bundle.json ...>   load structured bundles (one transaction each)
  validate <file.bundle.json>                 check a bundle, write nothing
  migrate                                     bring the database schema up to date

DATABASE_URL selects the database (default sqlite:./data/budget.sqlite).`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const dryRun = rest.includes("--dry-run") || command === "validate";
  const files = rest.filter((a) => !a.startsWith("--"));
  if (command === "migrate") {
    const ds = await openDatabase(loadConfig().database);
    await ds.destroy();
    console.log("database is up to date");
    return 0;
  }
  if ((command !== "import" && command !== "validate") || !files.length) {
    console.error(USAGE);
    return 2;
  }
  const models = files.map((f) => ({ file: f, bytes: readFileSync(f) }));
  let rejected = 0;
  const ds = dryRun ? null : await openDatabase(loadConfig().database);
  for (const [i, { file, bytes }] of models.entries()) {
    const name = basename(file);
    try {
      const model = readBundle(name, JSON.parse(bytes.toString("utf8")));
      if (!ds) {
        console.log(`[${i + 1}/${files.length}] ${name}: valid (${model.department.code} ${model.year} ${model.stage})`);
        continue;
      }
      const r = await loadBudget(ds, model, { fileName: name, bytes, format: "BUNDLE" }, { actor: `cli:${process.env.USER ?? "unknown"}` });
      console.log(`[${i + 1}/${files.length}] ${name}: ${r.unchanged ? "already imported" : `imported as version ${r.version}`} (${model.department.code} ${model.year} ${model.stage})`);
    } catch (err) {
      rejected++;
      if (err instanceof IngestError) console.error(`[${i + 1}/${files.length}] rejected ${err.message}`);
      else if (err instanceof SyntaxError) console.error(`[${i + 1}/${files.length}] rejected ${name}: not JSON: ${err.message}`);
      else throw err;
    }
  }
  await ds?.destroy();
  return rejected ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof DatabaseUnavailableError || err instanceof ConfigError) console.error(err.message);
    else console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
