import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataSource } from "typeorm";
import type { Bundle } from "../../src/ingest/bundle/bundle.types";
import { importDocument } from "../../src/ingest/import";
import { SAMPLE_FILE } from "../../src/ingest/sample";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases";
import { departmentVariant, loadBundleObject } from "../helpers/fixtures";

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
    const sample = await importDocument(ds, "007-2023.txt", readFileSync(SAMPLE_FILE), { actor: "test", status: "PUBLISHED" });
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
    await rerunFrom("SubjectRowTotals");
    expect(await stored()).toEqual(loaded);
  });

  it("move list names an import stored under a document's year to the list's year", async () => {
    // As imports used to write them: the 2023 list's names labelled 2021 (a year without a list).
    await ds.query("INSERT INTO subject_code (code, level, parent_code) SELECT '299', 'CLASS', NULL WHERE NOT EXISTS (SELECT 1 FROM subject_code WHERE code = '299')");
    await ds.query("INSERT INTO subject_code_name (code, year, name, origin) VALUES ('299', 2021, '其他支出', 'CODE_LIST'), ('208', 2021, '社会保障和就业支出', 'CODE_LIST'), ('208', 2020, '社会保障和就业支出（文件）', 'DOCUMENT')");
    await ds.query("INSERT INTO economic_code_name (scheme, code, year, name, origin) VALUES ('DEPT', '301', 2021, '工资福利支出', 'CODE_LIST')");
    await ds.query("DELETE FROM subject_code_name WHERE code = '299' AND year = 2023");
    await rerunFrom("CodeNamesByListYear");
    const names = async (table: string, code: string) =>
      (await ds.query(`SELECT year, name, origin FROM ${table} WHERE code = ? ORDER BY year`, [code])).map((r: Record<string, unknown>) => [Number(r.year), r.name, r.origin]);
    expect(await names("subject_code_name", "299")).toEqual([[2023, "其他支出", "CODE_LIST"]]);
    // A document's own printing stays its year's.
    expect(await names("subject_code_name", "208")).toEqual([[2020, "社会保障和就业支出（文件）", "DOCUMENT"], [2023, "社会保障和就业支出", "CODE_LIST"]]);
    expect((await names("economic_code_name", "301")).map(([y]: unknown[]) => y)).toEqual([2023]);
    await ds.query("DELETE FROM subject_code_name WHERE code = '208' AND year = 2020");
  });

  /** Undoes the migrations from the named one on, then runs them again. */
  it("make each current PUBLISHED budget of a database from before drafts the one the public sees, and nothing else", async () => {
    // As budgets stood before drafts: some department-years with two versions, all PUBLISHED, one current.
    await loadBundleObject(ds, departmentVariant("201"), "201-v1.json");
    await loadBundleObject(ds, departmentVariant("201", (b) => (b.title = "修订")), "201-v2.json");
    await ds.query("UPDATE department_budget SET status = 'DRAFT' WHERE department_id = (SELECT id FROM department WHERE code = '201') AND version = 1");
    await rerunFrom("PublicView");
    const rows = await ds.query("SELECT b.version, b.is_current, b.is_public, b.status FROM department_budget b JOIN department d ON d.id = b.department_id WHERE d.code = '201' ORDER BY b.version");
    expect(rows.map((r: Record<string, unknown>) => [Number(r.version), Number(r.is_current), Number(r.is_public), r.status])).toEqual([
      [1, 0, 0, "DRAFT"],
      [2, 1, 1, "PUBLISHED"],
    ]);
    await ds.query("UPDATE department_budget SET is_current = 0 WHERE department_id = (SELECT id FROM department WHERE code = '201')");
    await rerunFrom("PublicView");
    const [{ n }] = await ds.query("SELECT COUNT(*) AS n FROM department_budget b JOIN department d ON d.id = b.department_id WHERE d.code = '201' AND b.is_public = 1");
    expect(Number(n)).toBe(0);
  });

  async function rerunFrom(name: string): Promise<void> {
    const at = ds.migrations.findIndex((m) => m.name?.startsWith(name));
    expect(at).toBeGreaterThan(0);
    for (let i = ds.migrations.length - 1; i >= at; i--) await ds.undoLastMigration();
    await ds.runMigrations();
  }
});
