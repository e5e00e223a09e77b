import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The shared seed disclosures (beside the repository in development and CI); SEEDS_DIR overrides. */
export const SEEDS_DIR = process.env.SEEDS_DIR ?? join(__dirname, "..", "..", "..", "shared", "seeds");
export const seedFiles: string[] = existsSync(SEEDS_DIR) ? readdirSync(SEEDS_DIR).filter((f) => f.endsWith(".txt")).sort().map((f) => join(SEEDS_DIR, f)) : [];
export const SEED_FILE: string | undefined = seedFiles[0];
export const seedAvailable = SEED_FILE !== undefined;
if (!seedAvailable) console.warn(`[tests] no seed disclosures in ${SEEDS_DIR}: the seed acceptance tests are skipped`);

export function seedText(): string {
  return readFileSync(SEED_FILE!, "utf8");
}

/** Replaces the first occurrence of `from` on a given line (1-based), failing loudly if it is not there. */
export function editLine(text: string, line: number, from: string, to: string): string {
  const lines = text.split("\n");
  if (!lines[line - 1]?.includes(from)) throw new Error(`line ${line} does not contain ${from}`);
  lines[line - 1] = lines[line - 1]!.replace(from, to);
  return lines.join("\n");
}

/** The 1-based number of the first line containing `needle` (after line `after`). */
export function lineOf(text: string, needle: string, after = 0): number {
  const i = text.split("\n").findIndex((l, n) => n >= after && l.includes(needle));
  if (i < 0) throw new Error(`no line contains ${needle}`);
  return i + 1;
}
