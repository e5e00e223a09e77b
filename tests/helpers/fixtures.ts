import { readFileSync } from "node:fs";
import type { DataSource } from "typeorm";
import type { Bundle } from "../../src/ingest/bundle/bundle.types";
import { readBundle } from "../../src/ingest/bundle/read-bundle";
import { type LoadResult, loadBudget } from "../../src/ingest/load";
import { SAMPLE_BUNDLE_FILE } from "../../src/ingest/sample";

/** A fresh copy of the shipped sample (the seed's 2023 HR bureau figures). */
export function sampleBundle(): Bundle {
  return JSON.parse(readFileSync(SAMPLE_BUNDLE_FILE, "utf8")) as Bundle;
}

/** The sample re-badged as another department, so tests can have many tenants. */
export function departmentVariant(code: string, mutate?: (b: Bundle) => void): Bundle {
  const b = sampleBundle();
  b.department = { ...b.department, code, name: `测试部门${code}`, shortName: `部门${code}`, units: [{ code: `${code}001`, name: `测试部门${code}`, isSelf: true }] };
  for (const l of [...b.subjectLines, ...(b.subjectRowTotals ?? []), ...b.economicLines]) l.unit = `${code}001`;
  for (const p of b.projects) p.unit = `${code}001`;
  mutate?.(b);
  return b;
}

/** Loads a bundle object through the real import path, published (the tests' public queries read it). */
export function loadBundleObject(ds: DataSource, bundle: Bundle, fileName = `${bundle.department.code}-${bundle.year}.bundle.json`): Promise<LoadResult> {
  const bytes = Buffer.from(JSON.stringify(bundle));
  return loadBudget(ds, readBundle(fileName, bundle), { fileName, bytes, format: "BUNDLE" }, { status: "PUBLISHED" });
}

/** The sample as another department whose only budget is a draft (the public must never see it). */
export function loadDraftVariant(ds: DataSource, code: string): Promise<LoadResult> {
  const draft = departmentVariant(code);
  const fileName = `${code}-2023.bundle.json`;
  return loadBudget(ds, readBundle(fileName, draft), { fileName, bytes: Buffer.from(JSON.stringify(draft)), format: "BUNDLE" }, { status: "DRAFT" });
}

/** Adds up decimal strings of 万元 exactly (test-side arithmetic, independent of the app's). */
export function sumWan(values: string[]): string {
  const tenthsOfFen = values.reduce((s, v) => {
    const [w, f = ""] = v.split(".");
    return s + BigInt(w!) * 1_000_000n + BigInt(f.padEnd(6, "0"));
  }, 0n);
  const whole = tenthsOfFen / 1_000_000n;
  const frac = (tenthsOfFen % 1_000_000n).toString().padStart(6, "0").replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : `${whole}`;
}

/** part ÷ whole in percent, rounded half away from zero to `places` decimals, from decimal strings of 万元 (test-side, exact). */
export function percentOf(part: string, whole: string, places = 2): string {
  const units = (v: string) => {
    const [w, f = ""] = v.replace(/^-/, "").split(".");
    const n = BigInt(w!) * 1_000_000n + BigInt(f.padEnd(6, "0"));
    return v.startsWith("-") ? -n : n;
  };
  const [p, w] = [units(part), units(whole)];
  const scale = 10n ** BigInt(places);
  const [a, b] = [(p < 0n ? -p : p) * 100n * scale, w < 0n ? -w : w];
  const q = (2n * a + b) / (2n * b);
  return `${(p < 0n) !== (w < 0n) && q !== 0n ? "-" : ""}${q / scale}.${(q % scale).toString().padStart(places, "0")}`;
}
