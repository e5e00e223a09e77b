import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Bundle } from "../../src/ingest/bundle/bundle.types";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases";
import { departmentVariant, loadBundleObject, sampleBundle } from "../helpers/fixtures";
import { TestServer } from "../helpers/server";

const FIXTURES = join(__dirname, "..", "fixtures", "disclosures");
const fixture = (name: string) => JSON.parse(readFileSync(join(FIXTURES, `${name}.bundle.json`), "utf8")) as Bundle;

const PAGE = `totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor } nodes { code name year }`;

// Pages nested in a list are read for all parents at once; each must be the page its parent alone would get.
describe.each(DATABASE_KINDS)("[%s] pages nested in lists", (kind) => {
  const db = freshDatabase(kind);
  let server: TestServer;
  const bundles = [sampleBundle(), fixture("007-2022"), fixture("002-2023"), departmentVariant("101", (b) => (b.projects = b.projects.slice(0, 3))), departmentVariant("102")];

  beforeAll(async () => {
    const ds = await db.open();
    for (const b of bundles) await loadBundleObject(ds, b, `${b.department.code}-${b.year}.bundle.json`);
    server = await TestServer.start(ds);
  });
  afterAll(async () => {
    await server?.stop();
    await server?.ds.destroy();
    await db.drop();
  });

  it.each([
    ["of every year", "", "null"],
    ["of one year", "year: 2022, ", "[2022]"],
  ])("Department.projects %s: each department's page is the project search's page for it", async (_what, yearArg, years) => {
    const codes = [...new Set(bundles.map((b) => b.department.code))].sort();
    const search = (code: string, after: string | null) =>
      server.query<any, any>(`query($after: String) { projects(filter: { departmentCodes: ["${code}"], years: ${years} }, first: 5, after: $after) { ${PAGE} } }`, { after });
    for (const after of [null, (await search("007", null)).projects.pageInfo.endCursor]) {
      const nested = await server.query<any, any>(`query($after: String) { departments(first: 10) { nodes { code projects(${yearArg}first: 5, after: $after) { ${PAGE} } } } }`, { after });
      expect(nested.departments.nodes.map((d: any) => d.code)).toEqual(codes);
      for (const d of nested.departments.nodes) expect(d.projects, `${d.code} after ${after}`).toEqual((await search(d.code, after)).projects);
    }
    // Not vacuous: some departments have a further page, some do not.
    const first = (await server.query<any, any>(`{ departments(first: 10) { nodes { projects(${yearArg}first: 5) { pageInfo { hasNextPage } } } } }`)).departments.nodes;
    expect(first.map((d: any) => d.projects.pageInfo.hasNextPage)).toEqual(expect.arrayContaining([true, false]));
  });

  it("FiscalYear.departments: each year's page holds the departments with a budget that year, by code", async () => {
    const q = `query($after: String) { fiscalYears { year departments(first: 2, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage } nodes { code } } } }`;
    const years = [...new Set(bundles.map((b) => b.year))].sort();
    const expected = (year: number) => bundles.filter((b) => b.year === year).map((b) => b.department.code).sort();
    expect(years).toEqual([2022, 2023]);
    expect(expected(2023).length).toBeGreaterThan(2);
    const page1 = (await server.query<any, any>(q, {})).fiscalYears;
    const after = (await server.query<any, any>(`{ departments(first: 2) { pageInfo { endCursor } } }`)).departments.pageInfo.endCursor;
    const next = (await server.query<any, any>(q, { after })).fiscalYears;
    expect(page1.map((y: any) => y.year)).toEqual(years);
    for (const [i, year] of years.entries()) {
      const all = expected(year);
      expect(page1[i].departments).toEqual({ totalCount: all.length, pageInfo: { hasNextPage: all.length > 2, hasPreviousPage: false }, nodes: all.slice(0, 2).map((code) => ({ code })) });
      expect(next[i].departments).toEqual({ totalCount: all.length, pageInfo: { hasNextPage: all.length > 4, hasPreviousPage: true }, nodes: all.slice(2, 4).map((code) => ({ code })) });
    }
  });
});
