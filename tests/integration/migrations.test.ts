import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataSource } from "typeorm";
import type { Bundle } from "../../src/ingest/bundle/bundle.types";
import { importDocument } from "../../src/ingest/import";
import { SAMPLE_FILE } from "../../src/ingest/sample";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases";
import { loadBundleObject } from "../helpers/fixtures";

describe.each(DATABASE_KINDS)("[%s] migrations", (kind) => {
  const db = freshDatabase(kind);
  let ds: DataSource;
  // Opening a fresh database migrates it; each test looks at the result.
  beforeAll(async () => {
    ds = await db.open();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db.drop();
  });

  it("build exactly the schema the entities describe", async () => {
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it("are recorded, so a restart runs none again", async () => {
    expect(await ds.showMigrations()).toBe(false);
    expect(await ds.runMigrations()).toEqual([]);
  });

  it("give budgets loaded before row totals were stored the totals they printed, and sum the rows that printed none", async () => {
    const sample = await importDocument(ds, "007-2023.txt", readFileSync(SAMPLE_FILE), { actor: "test" });
    if (!sample.ok) throw new Error(JSON.stringify(sample.rejection));
    // A bundle that printed nothing beyond its lines: no row totals, no printed figures.
    const plain = JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "disclosures", "002-2023.bundle.json"), "utf8")) as Bundle;
    delete plain.subjectRowTotals;
    delete plain.publishedFigures;
    await loadBundleObject(ds, plain);
    const stored = async () =>
      (await ds.query("SELECT budget_id, department_id, year, unit_id, subject_code, amount_fen, printed FROM subject_row_total ORDER BY budget_id, subject_code, id")).map((r: Record<string, unknown>) =>
        Object.values(r).map(String).join("|"),
      );
    const loaded = await stored();
    expect(loaded.length).toBeGreaterThan(12);

    // Back to before the table, then forward again: the migration rebuilds what the load wrote.
    const at = ds.migrations.findIndex((m) => m.name?.startsWith("SubjectRowTotals"));
    expect(at).toBeGreaterThan(0);
    for (let i = ds.migrations.length - 1; i >= at; i--) await ds.undoLastMigration();
    await ds.runMigrations();
    expect(await stored()).toEqual(loaded);
  });
});
