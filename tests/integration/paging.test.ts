import { readFileSync } from "node:fs";
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { complexityOf } from "../../src/common/complexity";
import { MAX_PAGE } from "../../src/common/relay";
import { generateBundles } from "../../src/tools/generate-zone";
import { importDocument } from "../../src/ingest/import";
import { SAMPLE_FILE } from "../../src/ingest/sample";
import { getSchema } from "../../src/schema";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases";
import { loadBundleObject } from "../helpers/fixtures";
import { TestServer } from "../helpers/server";

// Every paged field walked page by page against its whole answer, over a zone larger than a page
// and larger than MAX_PAGE: 105 generated departments in 2022 and 2023, and the sample (007, 2023).
const DEPARTMENTS_2023 = 106;

/** 分 as 万元, test-side: exact, trailing zeros dropped, as the API prints Decimals. */
const wan = (fen: unknown) => {
  const f = BigInt(String(fen ?? 0));
  const a = f < 0n ? -f : f;
  const frac = (a % 1_000_000n).toString().padStart(6, "0").replace(/0+$/, "");
  return `${f < 0n ? "-" : ""}${a / 1_000_000n}${frac ? `.${frac}` : ""}`;
};
const IN_FORCE = "b.is_current = 1 AND b.stage = 'BUDGET' AND b.status = 'PUBLISHED'";
const PAGE_FIELDS = "totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }";

describe.each(DATABASE_KINDS)("[%s] paged fields", (kind) => {
  const db = freshDatabase(kind);
  let server: TestServer;

  beforeAll(async () => {
    const ds = await db.open();
    const sample = await importDocument(ds, "007-2023.txt", readFileSync(SAMPLE_FILE), { actor: "test", status: "PUBLISHED" });
    if (!sample.ok) throw new Error(JSON.stringify(sample.rejection));
    for (const b of generateBundles({ departments: DEPARTMENTS_2023 - 1, years: 2, seed: 7, firstYear: 2022 })) await loadBundleObject(ds, b);
    server = await TestServer.start(ds);
  });
  afterAll(async () => {
    await server?.stop();
    await server?.ds.destroy();
    await db.drop();
  });

  /**
   * Walks a connection with `first` and `after` until hasNextPage is false, checking every page:
   * its size, totalCount, hasPreviousPage/hasNextPage, cursors, and nodes = edges' nodes; then
   * asks for the page after the last one (empty, and still counted). Returns all nodes in order.
   */
  async function walk(query: string, pick: (data: any) => any, first: number, variables: Record<string, unknown> = {}): Promise<any[]> {
    const pages: any[] = [];
    let after: string | null = null;
    do {
      pages.push(pick(await server.query<any, any>(query, { ...variables, first, after })));
      after = pages.at(-1).pageInfo.endCursor;
      expect(pages.length, "pages").toBeLessThan(1000);
    } while (pages.at(-1).pageInfo.hasNextPage);
    const nodes = pages.flatMap((p) => p.nodes);
    pages.forEach((p, i) => {
      const last = i === pages.length - 1;
      expect(p.totalCount, `page ${i}`).toBe(nodes.length);
      expect(p.pageInfo, `page ${i}`).toMatchObject({ hasPreviousPage: i > 0, hasNextPage: !last });
      expect(p.nodes.length, `page ${i}`).toBe(last ? nodes.length - first * i : first);
      expect(p.edges.map((e: any) => e.node)).toEqual(p.nodes);
      expect([p.pageInfo.startCursor, p.pageInfo.endCursor]).toEqual([p.edges[0]?.cursor ?? null, p.edges.at(-1)?.cursor ?? null]);
    });
    const beyond = pick(await server.query<any, any>(query, { ...variables, first, after }));
    expect(beyond).toMatchObject({ nodes: [], totalCount: nodes.length, pageInfo: { hasNextPage: false, hasPreviousPage: true, endCursor: null } });
    return nodes;
  }

  it("expenditureGroups: flat groups, page by page, are the SQL's groups in key order; the old list answers the first 100 of them", async () => {
    const fields = "department { code } kind amount rowCount";
    const query = `query($first: Int, $after: String) { expenditureGroups(filter: { years: [2023] }, groupBy: [DEPARTMENT, EXPENDITURE_KIND], first: $first, after: $after) {
      ${PAGE_FIELDS} nodes { ${fields} } edges { cursor node { ${fields} } } } }`;
    const groups = await walk(query, (d) => d.expenditureGroups, 37);
    const sql = await server.ds.query(
      `SELECT d.code, l.kind, SUM(l.amount_fen) AS fen, COUNT(*) AS n FROM subject_line l JOIN department_budget b ON b.id = l.budget_id JOIN department d ON d.id = l.department_id
        WHERE ${IN_FORCE} AND l.year = 2023 GROUP BY d.code, l.kind ORDER BY d.code, l.kind`,
    );
    expect(groups.length).toBeGreaterThan(2 * MAX_PAGE);
    expect(groups.map((g) => [g.department.code, g.kind, g.amount, g.rowCount])).toEqual(sql.map((r: any) => [r.code, r.kind, wan(r.fen), Number(r.n)]));
    const old = (await server.query<any, any>(`{ expenditure(filter: { years: [2023] }, groupBy: [DEPARTMENT, EXPENDITURE_KIND]) { ${fields} } }`)).expenditure;
    expect(old).toEqual(groups.slice(0, MAX_PAGE));
  });

  it("expenditureGroups: ordered by amount, pages concatenate to the whole ordered answer", async () => {
    const fields = "subjectCode { code } amount share";
    const args = `filter: { departmentCodes: ["007", "101", "102"] }, groupBy: [SUBJECT_ITEM], orderBy: { by: AMOUNT, direction: DESC }`;
    const query = `query($first: Int, $after: String) { expenditureGroups(${args}, first: $first, after: $after) {
      ${PAGE_FIELDS} nodes { ${fields} } edges { cursor node { ${fields} } } } }`;
    const groups = await walk(query, (d) => d.expenditureGroups, 4);
    const whole = (await server.query<any, any>(`{ expenditure(${args}) { ${fields} } }`)).expenditure;
    expect(whole.length).toBeGreaterThan(4);
    expect(whole.length).toBeLessThan(MAX_PAGE);
    expect(groups).toEqual(whole);
  });

  it("expenditureGroups with rollup: pages walk one sequence — the grand total, then each department's subtotal before its kinds — that totalCount counts whole", async () => {
    const fields = "depth isSubtotal department { code } kind amount rowCount";
    const query = `query($first: Int, $after: String) { expenditureGroups(filter: { years: [2023] }, groupBy: [DEPARTMENT, EXPENDITURE_KIND], rollup: true, first: $first, after: $after) {
      ${PAGE_FIELDS} nodes { ${fields} } edges { cursor node { ${fields} } } } }`;
    const rows = await walk(query, (d) => d.expenditureGroups, 50);
    const sql: { code: string; kind: string; fen: unknown; n: unknown }[] = await server.ds.query(
      `SELECT d.code, l.kind, SUM(l.amount_fen) AS fen, COUNT(*) AS n FROM subject_line l JOIN department_budget b ON b.id = l.budget_id JOIN department d ON d.id = l.department_id
        WHERE ${IN_FORCE} AND l.year = 2023 GROUP BY d.code, l.kind ORDER BY d.code, l.kind`,
    );
    const row = (depth: number, code: string | null, k: string | null, rs: any[]) =>
      [depth, depth < 2, code, k, wan(rs.reduce((s, r) => s + BigInt(String(r.fen)), 0n)), rs.reduce((s, r) => s + Number(r.n), 0)];
    const expected = [row(0, null, null, sql)];
    for (const code of [...new Set(sql.map((r) => r.code))]) {
      const kinds = sql.filter((r) => r.code === code);
      expected.push(row(1, code, null, kinds), ...kinds.map((r) => row(2, code, r.kind, [r])));
    }
    expect(rows.length).toBeGreaterThan(3 * MAX_PAGE);
    expect(rows.map((g) => [g.depth, g.isSubtotal, g.department?.code ?? null, g.kind, g.amount, g.rowCount])).toEqual(expected);
  });

  it("expenditureGroups with rollup: a small drill-down paged by 6 is the old list's single answer", async () => {
    const fields = "depth isSubtotal subjectCode { code } amount share shareOfParent rowCount";
    const args = `filter: { years: [2023], departmentCodes: ["007", "101"] }, groupBy: [SUBJECT_CLASS, SUBJECT_SECTION, SUBJECT_ITEM], rollup: true`;
    const rows = await walk(`query($first: Int, $after: String) { expenditureGroups(${args}, first: $first, after: $after) { ${PAGE_FIELDS} nodes { ${fields} } edges { cursor node { ${fields} } } } }`, (d) => d.expenditureGroups, 6);
    const whole = (await server.query<any, any>(`{ expenditure(${args}) { ${fields} } }`)).expenditure;
    expect(whole.length).toBeGreaterThan(6);
    expect(whole.length).toBeLessThan(MAX_PAGE);
    expect(rows).toEqual(whole);
  });

  it("expenditureChanges: pages concatenate to the old unpaged list", async () => {
    const fields = "department { code } kind base target change rate";
    const args = "groupBy: [DEPARTMENT, EXPENDITURE_KIND], baseYear: 2022, targetYear: 2023";
    const changes = await walk(`query($first: Int, $after: String) { expenditureChanges(${args}, first: $first, after: $after) { ${PAGE_FIELDS} nodes { ${fields} } edges { cursor node { ${fields} } } } }`, (d) => d.expenditureChanges, 45);
    const whole = (await server.query<any, any>(`{ expenditureChange(${args}) { ${fields} } }`)).expenditureChange;
    expect(whole.length).toBeGreaterThan(2 * MAX_PAGE);
    expect(changes).toEqual(whole);
  });

  it.each([
    ["every discrepancy", "", 9],
    ["one department's in one year", `departmentCode: "007", year: 2023`, 7],
  ])("budgetDiscrepancies (%s): pages concatenate to the old unpaged list", async (_what, filter, first) => {
    const fields = "ruleId severity message location valueKind stated computed";
    const sep = filter ? ", " : "";
    const found = await walk(`query($first: Int, $after: String) { budgetDiscrepancies(${filter}${sep}first: $first, after: $after) { ${PAGE_FIELDS} nodes { ${fields} } edges { cursor node { ${fields} } } } }`, (d) => d.budgetDiscrepancies, first);
    const whole = (await server.query<any, any>(`{ discrepancies${filter ? `(${filter})` : ""} { ${fields} } }`)).discrepancies;
    expect(whole.length).toBeGreaterThan(first);
    expect(found).toEqual(whole);
  });

  it("departmentRanking.ranked pages past 100 departments, in the SQL's order; entries stays the first 100", async () => {
    const fields = "rank department { code } value";
    const query = `query($first: Int, $after: String) { departmentRanking(year: 2023, measure: EXPENDITURE_TOTAL) {
      departmentCount entries { ${fields} } ranked(first: $first, after: $after) { ${PAGE_FIELDS} nodes { ${fields} } edges { cursor node { ${fields} } } } } }`;
    const ranked = await walk(query, (d) => d.departmentRanking.ranked, 30);
    const sql = await server.ds.query(
      `SELECT d.code, b.stated_expenditure_total AS fen FROM department_budget b JOIN department d ON d.id = b.department_id
        WHERE ${IN_FORCE} AND b.year = 2023 ORDER BY b.stated_expenditure_total IS NULL, b.stated_expenditure_total DESC, d.code`,
    );
    const ranks: number[] = [];
    sql.forEach((r: any, i: number) => ranks.push(i > 0 && String(sql[i - 1].fen) === String(r.fen) ? ranks[i - 1]! : i + 1));
    expect(ranked).toHaveLength(DEPARTMENTS_2023);
    expect(ranked.map((e) => [e.rank, e.department.code, e.value])).toEqual(sql.map((r: any, i: number) => [ranks[i], r.code, r.fen === null ? null : wan(r.fen)]));
    const whole = (await server.query<any, any>(query, { first: 1 })).departmentRanking;
    expect(whole.departmentCount).toBe(DEPARTMENTS_2023);
    expect(whole.entries).toEqual(ranked.slice(0, MAX_PAGE));
  });

  const PAGED: [string, string][] = [
    ["expenditureGroups", `expenditureGroups(groupBy: [DEPARTMENT], first: $first, after: $after) { totalCount nodes { amount } }`],
    ["expenditureChanges", `expenditureChanges(groupBy: [DEPARTMENT], baseYear: 2022, targetYear: 2023, first: $first, after: $after) { totalCount nodes { change } }`],
    ["budgetDiscrepancies", `budgetDiscrepancies(first: $first, after: $after) { totalCount nodes { ruleId } }`],
    ["departmentRanking.ranked", `departmentRanking(year: 2023, measure: EXPENDITURE_TOTAL) { ranked(first: $first, after: $after) { totalCount nodes { rank } } }`],
    ["expenditure (deprecated)", `expenditure(groupBy: [DEPARTMENT], first: $first, after: $after) { amount }`],
  ];

  it.each(
    PAGED.flatMap(([name, field]) => [
      [name, "first above the cap", field, { first: MAX_PAGE + 1 }, /^first must be at most 100, got 101$/],
      [name, "a negative first", field, { first: -1 }, /^first must be between 0 and 100, got -1$/],
      [name, "a cursor it never issued", field, { after: "garbage!" }, /^after: "garbage!" is not a cursor this API issued$/],
      [name, "a cursor before the start", field, { after: Buffer.from("o:-3").toString("base64") }, /is not a cursor this API issued/],
    ] as const),
  )("%s refuses %s as BAD_USER_INPUT", async (_name, _what, field, variables, message) => {
    const r = await server.request(`query($first: Int, $after: String) { ${field} }`, variables);
    expect(r.errors?.[0]?.message).toMatch(message);
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("departmentRanking's deprecated first is held to the same cap", async () => {
    for (const [first, message] of [[MAX_PAGE + 1, /at most 100/], [-1, /between 0 and 100/]] as const) {
      const r = await server.request(`query($first: Int!) { departmentRanking(year: 2023, measure: EXPENDITURE_TOTAL, first: $first) { entries { rank } } }`, { first });
      expect(r.errors?.[0]?.message).toMatch(message);
      expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
  });

  // Each: a paged field with `first: $first`, how many items it answered, and how many there are.
  const DEFAULTS: [string, string, (d: any) => number, (d: any) => number][] = [
    ["expenditureGroups", `expenditureGroups(groupBy: [DEPARTMENT], first: $first) { totalCount nodes { amount } }`, (d) => d.expenditureGroups.nodes.length, (d) => d.expenditureGroups.totalCount],
    ["expenditureChanges", `expenditureChanges(groupBy: [DEPARTMENT], baseYear: 2022, targetYear: 2023, first: $first) { totalCount nodes { change } }`, (d) => d.expenditureChanges.nodes.length, (d) => d.expenditureChanges.totalCount],
    ["budgetDiscrepancies", `budgetDiscrepancies(first: $first) { totalCount nodes { ruleId } }`, (d) => d.budgetDiscrepancies.nodes.length, (d) => d.budgetDiscrepancies.totalCount],
    ["departmentRanking.ranked", `departmentRanking(year: 2023, measure: EXPENDITURE_TOTAL) { ranked(first: $first) { totalCount nodes { rank } } }`, (d) => d.departmentRanking.ranked.nodes.length, (d) => d.departmentRanking.ranked.totalCount],
    // Every department has a budget in force, so there are as many department groups as departments.
    ["expenditure (deprecated)", `expenditure(groupBy: [DEPARTMENT], first: $first) { amount } departments { totalCount }`, (d) => d.expenditure.length, (d) => d.departments.totalCount],
    ["departments", `departments(first: $first) { totalCount nodes { code } }`, (d) => d.departments.nodes.length, (d) => d.departments.totalCount],
    ["projects", `projects(first: $first) { totalCount nodes { name } }`, (d) => d.projects.nodes.length, (d) => d.projects.totalCount],
    ["indicators", `indicators(first: $first) { totalCount nodes { name } }`, (d) => d.indicators.nodes.length, (d) => d.indicators.totalCount],
    ["FiscalYear.departments", `fiscalYears { departments(first: $first) { totalCount nodes { code } } }`, (d) => d.fiscalYears.at(-1).departments.nodes.length, (d) => d.fiscalYears.at(-1).departments.totalCount],
  ];

  it.each(DEFAULTS)("%s: the cost estimator prices an omitted or null first as the page the resolver answers", async (_name, field, answered, total) => {
    const schema = await getSchema();
    const query = `query($first: Int) { ${field} }`;
    const cost = (variables: Record<string, unknown>) => complexityOf(schema, parse(query), variables);
    for (const variables of [{}, { first: null }]) {
      const data = await server.query<any, any>(query, variables);
      const n = answered(data);
      // The default, not the data, ended the page: the list holds more.
      expect(total(data), JSON.stringify(variables)).toBeGreaterThan(n);
      expect(cost(variables), JSON.stringify(variables)).toBe(cost({ first: n }));
    }
  });

  it("a page past the end still counts exactly, in at most two statements", async () => {
    for (const [field, pick] of [
      ["expenditureGroups(groupBy: [DEPARTMENT], first: 5, after: $after) { totalCount nodes { amount } }", (d: any) => d.expenditureGroups],
      ["expenditureChanges(groupBy: [DEPARTMENT], baseYear: 2022, targetYear: 2023, first: 5, after: $after) { totalCount nodes { change } }", (d: any) => d.expenditureChanges],
      ["budgetDiscrepancies(first: 5, after: $after) { totalCount nodes { ruleId } }", (d: any) => d.budgetDiscrepancies],
    ] as const) {
      const query = `query($after: String) { ${field} }`;
      const first = await server.countStatements<any, any>(query, {});
      const n = pick(first.data).totalCount;
      const beyond = await server.countStatements<any, any>(query, { after: Buffer.from(`o:${n + 10}`).toString("base64") });
      expect(pick(beyond.data), field).toEqual({ totalCount: n, nodes: [] });
      expect(first.statements, field).toBeLessThanOrEqual(2);
      expect(beyond.statements, field).toBeLessThanOrEqual(2);
    }
  });
});
