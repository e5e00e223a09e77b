import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DepartmentBudgetTotalsDocument, DepartmentsDocument } from "../../schema/generated/operations";
import { loadSampleIfEmpty } from "../../src/ingest/sample";
import { freshDatabase } from "../helpers/databases";
import { TestServer } from "../helpers/server";

describe("bad input through the API", () => {
  const db = freshDatabase("sqlite");
  let server: TestServer;

  beforeAll(async () => {
    const ds = await db.open();
    await loadSampleIfEmpty(ds);
    server = await TestServer.start(ds);
  });
  afterAll(async () => {
    await server?.stop();
    await server?.ds.destroy();
    await db.drop();
  });

  it("answers null, not an error, for an unknown department or year", async () => {
    expect((await server.request(DepartmentBudgetTotalsDocument, { code: "999", year: 2023 })).data).toEqual({ department: null });
    const r = await server.request(DepartmentBudgetTotalsDocument, { code: "007", year: 1999 });
    expect(r.errors).toBeUndefined();
    expect(r.data!.department!.budget).toBeNull();
  });

  it.each([
    [{ first: 101 }, /first must be at most 100, got 101/],
    [{ first: -5 }, /first must be between 0 and 100, got -5/],
    [{ after: "garbage!" }, /after: "garbage!" is not a cursor this API issued/],
  ])("refuses %o with an error that says what is wrong", async (variables, message) => {
    const r = await server.request(DepartmentsDocument, variables);
    expect(r.errors?.[0]?.message).toMatch(message);
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("pages with cursors it issued", async () => {
    const page1 = (await server.query(DepartmentsDocument, { first: 1 })).departments;
    expect(page1).toMatchObject({ totalCount: 1, pageInfo: { hasNextPage: false, hasPreviousPage: false } });
    const page2 = (await server.query(DepartmentsDocument, { first: 1, after: page1.pageInfo.endCursor })).departments;
    expect(page2.nodes).toEqual([]);
    expect(page2.pageInfo.hasPreviousPage).toBe(true);
  });

  it("refuses a query whose nested lists would cost too much, before running it", async () => {
    const nested = `{ departments(first: 100) { nodes { projects(first: 100) { nodes { department { projects(first: 100) { nodes { name } } } } } } } }`;
    const r = await server.request(nested);
    expect(r.errors?.[0]?.message).toMatch(/^query is too expensive: estimated cost \d+ exceeds 250000/);
    expect(r.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    expect(r.data).toBeUndefined();
  });

  it("rejects a malformed Decimal-free query shape at validation", async () => {
    const r = await server.request("{ department(code: 7) { name } }");
    expect(r.errors?.[0]?.message).toMatch(/String/);
  });
});
