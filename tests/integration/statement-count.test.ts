import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DepartmentsDeepDocument } from "../../schema/generated/operations";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases";
import { departmentVariant, loadBundleObject } from "../helpers/fixtures";
import { TestServer } from "../helpers/server";

// departments → budget → projects → indicators: four list levels, one more for totalCount.
const MAX_STATEMENTS = 5;

describe.each(DATABASE_KINDS)("[%s] statements per request do not grow with the data", (kind) => {
  const db = freshDatabase(kind);
  let server: TestServer;
  const measured: Record<number, number> = {};

  beforeAll(async () => {
    const ds = await db.open();
    server = await TestServer.start(ds);
  });
  afterAll(async () => {
    await server?.stop();
    await server?.ds.destroy();
    await db.drop();
  });

  async function growTo(n: number) {
    const [{ count }] = await server.ds.query("SELECT COUNT(*) AS count FROM department");
    for (let i = Number(count); i < n; i++) await loadBundleObject(server.ds, departmentVariant(String(100 + i)));
  }

  it.each([5, 50])("answers the deep query over %i departments within the bound", async (n) => {
    await growTo(n);
    const { data, statements } = await server.countStatements(DepartmentsDeepDocument, { year: 2023, first: 50 });
    expect(data.departments.totalCount).toBe(n);
    expect(data.departments.nodes).toHaveLength(n);
    for (const d of data.departments.nodes) {
      expect(d.budget!.projects.nodes).toHaveLength(18);
      expect(d.budget!.projects.nodes.flatMap((p) => p.indicators).length).toBe(92);
    }
    measured[n] = statements;
    expect(statements).toBeLessThanOrEqual(MAX_STATEMENTS);
  });

  it("costs the same number of statements for 5 and for 50 departments", () => {
    console.log(`[${kind}] deep query statements: 5 departments → ${measured[5]}, 50 departments → ${measured[50]}`);
    expect(measured[50]).toBe(measured[5]);
  });
});
