import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_COMPLEXITY, complexityOf } from "../../src/common/complexity";
import { getSchema } from "../../src/schema";
import { DATABASE_KINDS, type TestDatabase, freshDatabase } from "../helpers/databases";
import { departmentVariant, loadBundleObject } from "../helpers/fixtures";
import { listQueries, reachableListFields, targetsIn } from "../helpers/list-queries";
import { TestServer } from "../helpers/server";

// Every list field reachable from these roots is reached by a query generated from the schema.
const ROOTS = ["departments", "fiscalYears", "projects", "subjectCodes"];
const [SMALL, LARGE] = [5, 20];

/** The generated queries with their estimated cost, and those the server would run. */
async function generate() {
  const schema = await getSchema();
  // The outer page holds every department; nested pages hold one item, to stay under the cost limit.
  const generated = listQueries(schema, ROOTS, { outerFirst: LARGE, innerFirst: 1, requiredInt: 2023 }).map((q) => ({ ...q, cost: complexityOf(schema, parse(q.query)) }));
  return { schema, generated, affordable: generated.filter((q) => q.cost <= MAX_COMPLEXITY) };
}

/**
 * One tenant with one project, so a page of LARGE projects spans LARGE departments; the project
 * names the 项 its money is spent under, so a path through Project.subjectCode has something to follow.
 */
const tenant = (i: number) =>
  departmentVariant(String(100 + i), (b) => {
    b.projects = [{ ...b.projects[0]!, subject: b.subjectLines.find((l) => l.kind === "PROJECT")!.subject }];
  });

/** The tenant's 决算 of the same year, so its budget's execution has lines to list. */
const tenantFinal = (i: number) =>
  departmentVariant(String(100 + i), (b) => {
    b.stage = "FINAL";
    b.title = `${b.year}年${b.department.shortName}部门决算`;
    b.claims = [];
    delete b.publishedFigures;
  });

describe("the generated list queries", () => {
  it("reach every list field below the roots, each from at least one root within the cost limit", async () => {
    const { schema, generated, affordable } = await generate();
    const reached = new Set(affordable.map((q) => q.target));
    expect(reached.size).toBeGreaterThan(20);
    expect(reachableListFields(schema, ROOTS).filter((f) => !reached.has(f))).toEqual([]);
    expect([...reached]).toEqual(expect.arrayContaining(ROOTS.map((r) => `Query.${r}`)));
    const refused = generated.filter((q) => !affordable.includes(q)).map((q) => `${q.root} → ${q.target} (${q.cost})`);
    if (refused.length) console.log(`left out, above the cost limit the server enforces:\n  ${refused.join("\n  ")}`);
  });
});

describe.each(DATABASE_KINDS)("[%s] statements per list field do not grow with the departments", (kind) => {
  const dbs: TestDatabase[] = [];
  const servers: TestServer[] = [];

  beforeAll(async () => {
    for (const n of [SMALL, LARGE]) {
      const db = freshDatabase(kind);
      dbs.push(db);
      const ds = await db.open();
      for (let i = 0; i < n; i++) {
        await loadBundleObject(ds, tenant(i));
        await loadBundleObject(ds, tenantFinal(i), `${100 + i}-final.bundle.json`);
      }
      servers.push(await TestServer.start(ds));
    }
  });
  afterAll(async () => {
    for (const s of servers) {
      await s.stop();
      await s.ds.destroy();
    }
    for (const db of dbs) await db.drop();
  });

  it(`costs as many statements over ${LARGE} departments as over ${SMALL}, for every generated query`, async () => {
    const { affordable } = await generate();
    const rows: { root: string; target: string; statements: [number, number]; parents: [number, number]; items: number }[] = [];
    for (const q of affordable) {
      const [small, large] = [await servers[0]!.countStatements<unknown, unknown>(q.query), await servers[1]!.countStatements<unknown, unknown>(q.query)];
      const [ps, pl] = [targetsIn(small.data), targetsIn(large.data)];
      rows.push({ root: q.root, target: q.target, statements: [small.statements, large.statements], parents: [ps.parents, pl.parents], items: pl.items });
    }
    console.log(
      `[${kind}] statements (and parents of the list) over ${SMALL} → ${LARGE} departments:\n` +
        rows.map((r) => `  ${`${r.root} → ${r.target}`.padEnd(52)} ${r.statements.join(" → ").padEnd(8)} (${r.parents.join(" → ")} parents, ${r.items} items)`).join("\n"),
    );
    expect(rows.filter((r) => r.statements[0] !== r.statements[1])).toEqual([]);
    // Each query resolved its list at least once, and each field below a root for more parents as the departments grew.
    expect(rows.filter((r) => r.parents[0] === 0)).toEqual([]);
    const grew = new Set(rows.filter((r) => r.parents[1] > r.parents[0]).map((r) => r.target));
    expect([...new Set(rows.map((r) => r.target))].filter((t) => !t.startsWith("Query.") && !grew.has(t))).toEqual([]);
  }, 180_000);
});
