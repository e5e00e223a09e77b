import { readFileSync } from "node:fs";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../src/common/viewer";
import { Sql } from "../../src/db/sql";
import { importDocument } from "../../src/ingest/import";
import { SAMPLE_FILE } from "../../src/ingest/sample";
import { BudgetService } from "../../src/modules/budget/budget.service";
import { PublicationService } from "../../src/modules/budget/publication.service";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases";
import { TestServer } from "../helpers/server";

/**
 * A draft that prints its own names for codes must not rename them for anyone until it is
 * published: code names are shared by every caller, so a draft's printing waits with its version.
 */
const NAMES = `{
  subject: subjectCode(code: "2080105", year: 2023) { name year }
  economic: economicCode(code: "30101", year: 2023) { name year }
}`;
const FINANCE: Viewer = { role: "FINANCE", actor: "test" };

describe.each(DATABASE_KINDS)("[%s] code names a draft prints", (kind) => {
  const db = freshDatabase(kind);
  let ds: DataSource;
  let server: TestServer;
  const sample = readFileSync(SAMPLE_FILE, "utf8");
  const draft = sample.replaceAll("劳动保障监察", "劳动保障监察（草稿名）").replace("30101\t基本工资", "30101\t基本工资（草稿名）");

  beforeAll(async () => {
    ds = await db.open();
    server = await TestServer.start(ds);
    const published = await importDocument(ds, "007-2023.txt", Buffer.from(sample), { actor: "test", status: "PUBLISHED" });
    expect(published.ok).toBe(true);
  });
  afterAll(async () => {
    await server?.stop();
    await ds?.destroy();
    await db.drop();
  });

  it("keeps the published names while the draft is a draft, and takes the draft's once it is published", async () => {
    expect(draft).not.toBe(sample);
    const before = await server.query<any, unknown>(NAMES);
    expect(before).toEqual({ subject: { name: "劳动保障监察", year: 2023 }, economic: { name: "基本工资", year: 2023 } });

    const imported = await importDocument(ds, "007-2023-draft.txt", Buffer.from(draft), { actor: "test" });
    expect(imported.ok && imported.load?.version).toBe(2);
    expect(await server.query(NAMES)).toEqual(before);

    const publication = new PublicationService(ds, FINANCE, new BudgetService(new Sql(ds), FINANCE));
    expect((await publication.publish({ departmentCode: "007", year: 2023, stage: "BUDGET" as never })).done).toBe(true);
    expect(await server.query(NAMES)).toEqual({ subject: { name: "劳动保障监察（草稿名）", year: 2023 }, economic: { name: "基本工资（草稿名）", year: 2023 } });
  });
});
