import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { DataSource } from "typeorm";
import { readBundle } from "./bundle/read-bundle";
import { type LoadResult, loadBudget } from "./load";

export const SAMPLE_FILE = join(__dirname, "samples", "007-2023.bundle.json");

/** Loads the shipped sample disclosure when the database has no department yet. */
export async function loadSampleIfEmpty(ds: DataSource): Promise<LoadResult | null> {
  const [{ n }] = await ds.query("SELECT COUNT(*) AS n FROM department");
  if (Number(n) > 0) return null;
  return loadBundleFile(ds, SAMPLE_FILE);
}

export async function loadBundleFile(ds: DataSource, path: string, actor = "system"): Promise<LoadResult> {
  const bytes = readFileSync(path);
  const name = path.split(/[\\/]/).pop()!;
  const model = readBundle(name, JSON.parse(bytes.toString("utf8")));
  return loadBudget(ds, model, { fileName: name, bytes, format: "BUNDLE" }, { actor });
}
