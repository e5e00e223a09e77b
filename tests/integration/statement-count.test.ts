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
    expect(Number(count)).toBeLessThanOrEqual(n);
    for (let i = Number(count); i < n; i++) await loadBundleObject(server.ds, departmentVariant(String(100 + i)));
  }

  const AGGREGATES: [string, string, number][] = [
    ["grouped expenditure", "{ expenditure(groupBy: [YEAR, DEPARTMENT, SUBJECT_CLASS]) { year amount share shareOfParent rowCount basis } }", 1],
    ["a rollup", "{ expenditure(groupBy: [SUBJECT_CLASS, SUBJECT_SECTION, SUBJECT_ITEM], rollup: true) { depth amount shareOfParent basis } }", 1],
    ["the economic fact set", "{ expenditure(groupBy: [GOV_ECONOMIC_CLASS, DEPT_ECONOMIC_ITEM], rollup: true) { depth amount basis } }", 1],
    ["a year comparison", "{ expenditureChange(groupBy: [DEPARTMENT], baseYear: 2022, targetYear: 2023) { base target change rate basis } }", 1],
    ["cells split by kind and source", "{ expenditure(groupBy: [EXPENDITURE_KIND, FUNDING_SOURCE], rollup: true) { depth amount basis rowCount } }", 1],
    ["a year comparison by kind", "{ expenditureChange(groupBy: [EXPENDITURE_KIND], baseYear: 2022, targetYear: 2023) { change basis } }", 1],
    ["a ranking", "{ departmentRanking(year: 2023, measure: PERSONNEL_SHARE) { zoneValue entries { rank value numerator } } }", 1],
    ["groups with their departments named", "{ expenditure(groupBy: [DEPARTMENT]) { amount department { code name } } }", 1],
    ["a ranking of final accounts", "{ departmentRanking(year: 2023, measure: PROJECT_SHARE, stage: FINAL) { stage zoneValue entries { rank value } } }", 1],
    ["groups of one stage", "{ expenditure(filter: { stage: FINAL }, groupBy: [YEAR, SUBJECT_CLASS]) { amount basis } }", 1],
    ["a ranking with its departments named", "{ departmentRanking(year: 2023, measure: EXPENDITURE_TOTAL) { entries { department { code shortName } } } }", 1],
    ["groups with their subject codes named", "{ expenditure(groupBy: [YEAR, SUBJECT_CLASS]) { amount subjectCode { code name level year } } }", 1],
    ["groups with both economic schemes' codes named", "{ expenditure(groupBy: [YEAR, GOV_ECONOMIC_CLASS, DEPT_ECONOMIC_ITEM], rollup: true) { amount govEconomicCode { code name } deptEconomicCode { code name level } } }", 1],
    ["a year comparison with its departments and subject codes named", "{ expenditureChange(groupBy: [DEPARTMENT, SUBJECT_CLASS], baseYear: 2022, targetYear: 2023) { change department { code name } subjectCode { code name } } }", 1],
    // Searches: the page (with the departments and projects its rows name) and the count.
    ["a project search with departments named", "{ projects(filter: { years: [2023] }, orderBy: { by: AMOUNT, descending: true }, first: 20) { totalCount nodes { name department { code name } } } }", 2],
    ["an indicator search with projects and departments named", `{ indicators(filter: { years: [2023], categories: [SATISFACTION] }, first: 50) { totalCount nodes { name project { code name } department { code } } } }`, 2],
    // The count runs only when selected, however the selection asks for it.
    ["a project search without its count", "{ projects(filter: { years: [2023] }, first: 20) { nodes { name department { code } } } }", 1],
    ["an indicator search counted through a fragment", "{ indicators(first: 5) { ...Counted } } fragment Counted on PerformanceIndicatorConnection { ... on PerformanceIndicatorConnection { totalCount } }", 2],
    // Connections: a page of groups counts them in its own statement; a rollup's sequence and a
    // ranking are read whole, so their counts cost nothing; discrepancies are a page and a count.
    ["a page of groups with its count", "{ expenditureGroups(groupBy: [YEAR, DEPARTMENT, SUBJECT_CLASS], first: 30) { totalCount pageInfo { hasNextPage } nodes { amount department { code } } } }", 1],
    ["a page of a rollup with its count", "{ expenditureGroups(groupBy: [SUBJECT_CLASS, SUBJECT_SECTION], rollup: true, first: 5) { totalCount nodes { depth amount subjectCode { code name } } } }", 1],
    ["a page of a year comparison with its count", "{ expenditureChanges(groupBy: [DEPARTMENT], baseYear: 2022, targetYear: 2023, first: 3) { totalCount nodes { change department { code } } } }", 1],
    ["a page of discrepancies with its count", "{ budgetDiscrepancies(first: 10) { totalCount nodes { ruleId stated } } }", 2],
    ["a page of discrepancies without its count", "{ budgetDiscrepancies(first: 10) { nodes { ruleId } } }", 1],
    ["a ranking paged with its count", "{ departmentRanking(year: 2023, measure: EXPENDITURE_TOTAL) { ranked(first: 10) { totalCount nodes { rank department { code } } } } }", 1],
    // The filter's code is vouched for by the rollup's own 类 row: no lookup beside the aggregate.
    ["a filtered drill-down with names", `{ expenditure(filter: { years: [2023], subjectCodePrefixes: ["208"] }, groupBy: [SUBJECT_CLASS, SUBJECT_SECTION, SUBJECT_ITEM], rollup: true) { depth amount subjectCode { code name } } }`, 1],
  ];

  async function checkAggregates() {
    for (const [what, query, expected] of AGGREGATES) {
      const { statements } = await server.countStatements(query);
      expect(statements, what).toBe(expected);
    }
  }

  /** Grows the data to `n` departments, checks the deep query's answer and cost and each aggregate's; the deep query's statements. */
  async function deepQueryOver(n: number): Promise<number> {
    await growTo(n);
    const { data, statements } = await server.countStatements(DepartmentsDeepDocument, { year: 2023, first: 50 });
    expect(data.departments.totalCount).toBe(n);
    expect(data.departments.nodes).toHaveLength(n);
    for (const d of data.departments.nodes) {
      expect(d.budget!.projects.nodes).toHaveLength(18);
      expect(d.budget!.projects.nodes.flatMap((p) => p.indicators).length).toBe(92);
    }
    expect(statements).toBeLessThanOrEqual(MAX_STATEMENTS);
    await checkAggregates();
    return statements;
  }

  // Both sizes are measured here, in one test, so the comparison never rests on another test's numbers.
  it("answers the deep query within the bound, and each aggregate in one statement, with as many statements over 50 departments as over 5", async () => {
    const small = await deepQueryOver(5);
    const large = await deepQueryOver(50);
    console.log(`[${kind}] deep query statements: 5 departments → ${small}, 50 departments → ${large}`);
    expect(large).toBe(small);
  }, 180_000);
});
