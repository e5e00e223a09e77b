import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataSource } from "typeorm";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases";

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
});
