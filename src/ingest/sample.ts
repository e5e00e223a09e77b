import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { DataSource } from "typeorm";
import { importDocument } from "./import";
import type { LoadResult } from "./load";

/** The project's own rendering of the 2023 HR bureau disclosure, in the disclosure text format. */
export const SAMPLE_FILE = join(__dirname, "samples", "007-2023.txt");
/** The same figures as a structured bundle (what the sample text was rendered from). */
export const SAMPLE_BUNDLE_FILE = join(__dirname, "samples", "007-2023.bundle.json");

/** Loads the shipped sample disclosure, through the importer and published, when the database has no department yet. */
export async function loadSampleIfEmpty(ds: DataSource): Promise<LoadResult | null> {
  const [{ n }] = await ds.query("SELECT COUNT(*) AS n FROM department");
  if (Number(n) > 0) return null;
  const outcome = await importDocument(ds, "007-2023.txt", readFileSync(SAMPLE_FILE), { actor: "system", status: "PUBLISHED" });
  if (!outcome.ok) throw new Error(`the shipped sample was rejected: ${outcome.rejection.problems.map((p) => p.message).join("; ")}`);
  return outcome.load;
}
