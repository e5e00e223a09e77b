import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { type GraphQLEnumType, buildSchema } from "graphql";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readBundle } from "../../src/ingest/bundle/read-bundle";
import { loadBudget } from "../../src/ingest/load";
import { PUBLIC_VIEWER } from "../../src/common/viewer";
import { ExportService } from "../../src/modules/export/export.service";
import type { IndicatorFilter } from "../../src/modules/performance/indicator-filter.type";
import { IndicatorScope } from "../../src/modules/performance/performance-indicator.type";
import type { IndicatorKey } from "../../src/modules/performance/performance.service";
import { createContext } from "../../src/context";
import { createServer } from "../../src/server";
import { AGGREGATE_COST } from "../../src/common/complexity";
import mysql from "mysql2/promise";
import type { ParsedParams } from "../../src/modules/export/export.params";
import { postGraphql } from "../helpers/bearer";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases";
import { type Answer, get } from "../helpers/http-get";
import { departmentVariant, loadBundleObject, loadDraftVariant, sampleBundle } from "../helpers/fixtures";
import { TestServer } from "../helpers/server";

const ADMIN = "exports-test-admin-token";
/** A department whose only budget is a draft: the public must never see its figures. */
const DRAFT_DEPT = "951";

/** RFC 4180, read test-side: quoted fields with doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field), rows.push(row), (row = []), (field = ""), i++;
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

/** A CSV answer as records keyed by header; checks the BOM on the way. */
function csvRecords(a: Answer): Record<string, string>[] {
  expect(a.status, a.body.toString("utf8").slice(0, 300)).toBe(200);
  expect(a.headers["content-type"]).toBe("text/csv; charset=utf-8");
  expect([...a.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = parseCsv(a.body.toString("utf8").slice(1));
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ""])));
}

async function workbook(a: Answer): Promise<ExcelJS.Workbook> {
  expect(a.status, a.body.toString("utf8").slice(0, 300)).toBe(200);
  expect(a.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(a.body as unknown as ArrayBuffer);
  return wb;
}

/** A sheet's rows under its header, cells as exceljs read them. */
function sheetRecords(sheet: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue>[] {
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const out: Record<string, ExcelJS.CellValue>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    out.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value ?? null])));
  });
  return out;
}

/** A number read from a sheet, printed at `places` without trailing zeros: the decimal the API gives. */
const decimal = (v: ExcelJS.CellValue, places: number) => {
  expect(typeof v).toBe("number");
  const s = (v as number).toFixed(places);
  return s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
};

const GROUPS = `query($filter: ExpenditureFilter, $groupBy: [ExpenditureDimension!]!, $unit: MoneyUnit) {
  expenditureGroups(filter: $filter, groupBy: $groupBy, unit: $unit, first: 100) {
    totalCount nodes { year department { code name } subjectCode { code name } amount share rowCount } } }`;

describe.each(DATABASE_KINDS)("[%s] exports over HTTP", (kind) => {
  const db = freshDatabase(kind);
  let ds: DataSource;
  let server: TestServer;
  let base: string;

  beforeAll(async () => {
    process.env.ADMIN_TOKEN = ADMIN;
    ds = await db.open();
    await loadBundleObject(ds, sampleBundle());
    await loadBundleObject(ds, departmentVariant("952"));
    await loadDraftVariant(ds, DRAFT_DEPT);
    server = await TestServer.start(ds);
    base = server.url.replace(/\/graphql$/, "");
  });
  afterAll(async () => {
    delete process.env.ADMIN_TOKEN;
    await server?.stop();
    await ds?.destroy();
    await db.drop();
  });

  async function groups(variables: Record<string, unknown>, token?: string) {
    const r = await postGraphql(server.url, GROUPS, variables, { token });
    expect(r.json.errors, JSON.stringify(r.json.errors)).toBeUndefined();
    return r.json.data.expenditureGroups as { totalCount: number; nodes: { year: number | null; department: { code: string; name: string } | null; subjectCode: { code: string; name: string } | null; amount: string; share: string | null; rowCount: number }[] };
  }

  it("writes an expenditure aggregate as CSV with a BOM, its Chinese names intact and the same exact figures as GraphQL", async () => {
    const rows = csvRecords(await get(`${base}/export/expenditure.csv?year=2023&groupBy=SUBJECT_ITEM`));
    const api = await groups({ filter: { years: [2023] }, groupBy: ["SUBJECT_ITEM"] });
    expect(api.nodes.length).toBeGreaterThan(2);
    expect(rows.map((r) => [r["科目编码（项）"], r["科目名称"], r["金额（万元）"], r["占比（%）"], r["行数"]])).toEqual(
      api.nodes.map((n) => [n.subjectCode!.code, n.subjectCode!.name, n.amount, n.share ?? "", String(n.rowCount)]),
    );
    expect(rows.some((r) => /[\u4e00-\u9fff]/.test(r["科目名称"]!))).toBe(true);
  });

  it("writes the same aggregate in 元 by department and class, figures exact to the 分", async () => {
    const rows = csvRecords(await get(`${base}/export/expenditure.csv?groupBy=DEPARTMENT,SUBJECT_CLASS&unit=YUAN&stage=BUDGET`));
    const api = await groups({ groupBy: ["DEPARTMENT", "SUBJECT_CLASS"], unit: "YUAN" });
    expect(rows.map((r) => [r["部门编码"], r["部门名称"], r["科目编码（类）"], r["金额（元）"]])).toEqual(api.nodes.map((n) => [n.department!.code, n.department!.name, n.subjectCode!.code, n.amount]));
  });

  it("writes XLSX with numeric amounts that read back as the API's decimals, and a 说明 sheet naming filter, stage, unit, time and sources", async () => {
    const wb = await workbook(await get(`${base}/export/expenditure.xlsx?year=2023&groupBy=DEPARTMENT&groupBy=SUBJECT_SECTION`));
    expect(wb.worksheets.map((s) => s.name)).toEqual(["说明", "expenditure"]);
    const rows = sheetRecords(wb.getWorksheet("expenditure")!);
    const api = await groups({ filter: { years: [2023] }, groupBy: ["DEPARTMENT", "SUBJECT_SECTION"] });
    expect(rows.length).toBe(api.totalCount);
    expect(rows.map((r) => [r["部门编码"], r["科目编码（款）"], r["科目名称"], decimal(r["金额（万元）"]!, 6)])).toEqual(
      api.nodes.map((n) => [n.department!.code, n.subjectCode!.code, n.subjectCode!.name, n.amount]),
    );
    const about = wb.getWorksheet("说明")!;
    const lines = new Map<string, string>();
    about.eachRow((row) => lines.set(String(row.getCell(1).value), String(row.getCell(2).value ?? "")));
    expect(lines.get("筛选 Filter")).toBe("year=2023; groupBy=DEPARTMENT,SUBJECT_SECTION");
    expect(lines.get("阶段 Stage")).toBe("年初预算 (BUDGET)");
    expect(lines.get("金额单位 Unit")).toBe("万元 (WAN_YUAN)");
    expect(Date.now() - Date.parse(lines.get("生成时间 Generated at")!)).toBeLessThan(60_000);
    const docs = await ds.query("SELECT s.file_name, s.checksum FROM source_document s JOIN department_budget b ON b.source_document_id = s.id WHERE b.is_public = 1 ORDER BY s.file_name");
    for (const d of docs) expect(lines.get(d.file_name)).toBe(d.checksum);
    expect([...lines.keys()].some((k) => k.startsWith(DRAFT_DEPT))).toBe(false);
  });

  it("leaves a draft's figures out for the public and puts them in for the finance bureau", async () => {
    const url = `${base}/export/expenditure.csv?groupBy=DEPARTMENT`;
    const publicRows = csvRecords(await get(url));
    expect(publicRows.map((r) => r["部门编码"])).not.toContain(DRAFT_DEPT);
    const bureauRows = csvRecords(await get(url, ADMIN));
    const api = await groups({ groupBy: ["DEPARTMENT"] }, ADMIN);
    expect(bureauRows.map((r) => [r["部门编码"], r["金额（万元）"]])).toEqual(api.nodes.map((n) => [n.department!.code, n.amount]));
    expect(bureauRows.map((r) => r["部门编码"])).toContain(DRAFT_DEPT);
    const wb = await workbook(await get(`${base}/export/expenditure.xlsx?department=${DRAFT_DEPT}&groupBy=YEAR`, ADMIN));
    expect(sheetRecords(wb.getWorksheet("expenditure")!).length).toBe(1);
    expect((await get(`${base}/export/expenditure.csv?groupBy=DEPARTMENT`, "not-a-token")).status).toBe(401);
  });

  it("exports projects with their indicators, indicator searches and discrepancies with the API's figures", async () => {
    const PROJECTS = `{ projects(filter: { years: [2023], departmentCodes: ["007"] }, first: 100) { totalCount nodes { code name amount indicators { name target } } } }`;
    const api = (await postGraphql(server.url, PROJECTS)).json.data.projects;
    const rows = csvRecords(await get(`${base}/export/projects.csv?year=2023&department=007`));
    const expected = api.nodes.flatMap((p: any) => (p.indicators.length ? p.indicators : [null]).map((i: any) => [p.code ?? "", p.name, p.amount, i?.name ?? "", i?.target ?? ""]));
    expect(rows.map((r) => [r["项目编码"], r["项目名称"], r["项目金额（万元）"], r["指标名称"], r["指标值"]])).toEqual(expected);
    expect(api.totalCount).toBeGreaterThan(0);

    const INDICATORS = `{ indicators(filter: { nameContains: "满意" }, first: 100) { totalCount nodes { name target year } } }`;
    const ind = (await postGraphql(server.url, INDICATORS)).json.data.indicators;
    const wb = await workbook(await get(`${base}/export/indicators.xlsx?nameContains=${encodeURIComponent("满意")}`));
    const sheet = sheetRecords(wb.getWorksheet("indicators")!);
    expect(sheet.map((r) => [r["指标名称"], r["指标值"], r["预算年度"]])).toEqual(ind.nodes.map((n: any) => [n.name, n.target, n.year]));
    expect(ind.totalCount).toBeGreaterThan(0);

    const DISCREPANCIES = `{ budgetDiscrepancies(year: 2023, first: 100) { totalCount nodes { ruleId valueKind stated(unit: YUAN) difference(unit: YUAN) } } }`;
    const dis = (await postGraphql(server.url, DISCREPANCIES)).json.data.budgetDiscrepancies;
    const drows = csvRecords(await get(`${base}/export/discrepancies.csv?year=2023&unit=YUAN`));
    expect(drows.map((r) => [r["规则"], r["类型"], r["公布数（元）"] || r["公布百分比（%）"] || null, r["差额（元）"] || null])).toEqual(
      dis.nodes.map((n: any) => [n.ruleId, n.valueKind, n.valueKind === "TEXT" ? null : n.stated, n.difference]),
    );
  });

  it("answers bad parameters 400 with a code naming the parameter, never 500", async () => {
    const cases: [string, string, string][] = [
      ["expenditure.csv?year=2023&colour=red", "UNKNOWN_PARAMETER", "colour"],
      ["expenditure.csv?year=20x3", "BAD_USER_INPUT", "year"],
      ["expenditure.xlsx?groupBy=SUBJECT_CLASS,PLANET", "BAD_USER_INPUT", "groupBy"],
      ["expenditure.csv?unit=EURO", "BAD_USER_INPUT", "unit"],
      ["expenditure.csv?stage=BUDGET&stage=FINAL", "BAD_USER_INPUT", "stage"],
      ["expenditure.csv?department=999&groupBy=DEPARTMENT", "BAD_USER_INPUT", "department"],
      ["expenditure.csv?groupBy=SUBJECT_CLASS,DEPT_ECONOMIC_CLASS", "BAD_USER_INPUT", "groupBy"],
      [`projects.csv?nameContains=${"长".repeat(300)}`, "BAD_USER_INPUT", "nameContains"],
      [`indicators.csv?${Array.from({ length: 1001 }, () => "year=2023").join("&")}`, "BAD_USER_INPUT", "year"],
      ["indicators.xlsx?valueBelow=ninety", "BAD_USER_INPUT", "valueBelow"],
      ["projects.csv?stage=BUDGET", "UNKNOWN_PARAMETER", "stage"],
      ["discrepancies.csv?year=2023&year=2024", "BAD_USER_INPUT", "year"],
    ];
    for (const [path, code, parameter] of cases) {
      const a = await get(`${base}/export/${path}`);
      expect(a.status, path).toBe(400);
      expect(a.headers["content-type"]).toBe("application/json; charset=utf-8");
      const error = JSON.parse(a.body.toString("utf8")).errors[0];
      expect(error.extensions, path).toEqual({ code, parameter });
    }
    expect((await get(`${base}/export/budgets.csv`)).status).toBe(404);
  });
});

describe.each(DATABASE_KINDS)("[%s] exports page through their lists", (kind) => {
  const db = freshDatabase(kind);
  let ds: DataSource;

  beforeAll(async () => {
    ds = await db.open();
    for (const code of ["961", "962", "963"]) await loadBundleObject(ds, departmentVariant(code));
    // A year before, for two of them: department-years to walk across in the indicators' order.
    for (const code of ["963", "961"]) await loadBundleObject(ds, departmentVariant(code, (b) => (b.year = 2022)));
  });
  afterAll(async () => {
    await ds?.destroy();
    await db.drop();
  });

  async function rows(kindOf: "expenditure" | "projects" | "indicators" | "discrepancies", params: ParsedParams, chunk: number) {
    const table = await new ExportService(ds, PUBLIC_VIEWER, chunk).table(kindOf, params);
    const out: unknown[][] = [];
    for await (const r of table.rows) out.push(r);
    return out;
  }

  it("gives the same rows read 3 at a time as read in one chunk, for every kind of export", async () => {
    const cases: [Parameters<typeof rows>[0], ParsedParams][] = [
      ["expenditure", { groupBy: ["DEPARTMENT", "SUBJECT_ITEM"] }],
      ["expenditure", { groupBy: ["DEPARTMENT", "SUBJECT_CLASS"], rollup: true }],
      ["projects", {}],
      ["indicators", {}],
      ["discrepancies", {}],
    ];
    for (const [k, params] of cases) {
      const whole = await rows(k, params, 100_000);
      expect(whole.length, k).toBeGreaterThan(6);
      expect(await rows(k, params, 3), k).toEqual(whole);
    }
  });

  it("reads indicators by key: every row exactly once, in the search's order, across pages and department-years", async () => {
    const performance = createContext(ds, PUBLIC_VIEWER).services.performance;
    const filters: IndicatorFilter[] = [{}, { nameContains: "满意" }, { scope: IndicatorScope.PROJECT, years: [2023] }, { departmentCodes: ["963"], years: [2022] }];
    for (const filter of filters) {
      // The order OFFSET paging gives (the GraphQL connection's), read whole.
      const expected = (await performance.search(filter, { offset: 0, limit: 100_000 })).rows.map((i) => i.id);
      expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(3);
      for (const [limit, window] of [[3, 1], [4, 2], [7, 50]] as const) {
        const ids: number[] = [];
        let after: IndicatorKey | undefined;
        let pages = 0;
        do {
          const page = await performance.searchAfter(filter, after, limit, window);
          expect(page.rows.length).toBeLessThanOrEqual(limit);
          ids.push(...page.rows.map((i) => i.id));
          after = page.next;
          pages++;
        } while (after);
        expect(pages).toBeGreaterThan(1);
        expect(new Set(ids).size, "each row once").toBe(ids.length);
        expect(ids, `${JSON.stringify(filter)} by ${limit}, ${window} department-years a statement`).toEqual(expected);
      }
    }
    // The export reads the same rows, in the same order, a few at a time.
    const all = await performance.search({}, { offset: 0, limit: 100_000 });
    const headers = (await new ExportService(ds, PUBLIC_VIEWER).table("indicators", {})).columns.map((c) => c.header);
    const at = (h: string) => headers.indexOf(h);
    const exported = await rows("indicators", {}, 5);
    expect(exported.map((r) => [r[at("预算年度")], r[at("部门编码")], r[at("指标名称")], r[at("指标值")]])).toEqual(all.rows.map((i, n) => [i.year, all.departments[n]!.code, i.name, i.target]));
  });

  it("prints each enum code with its Chinese term beside it, the schema's, keeping every column it had", async () => {
    // The terms, read test-side from the committed schema: the word each value's description opens with.
    const schema = buildSchema(readFileSync(join(__dirname, "..", "..", "schema", "schema.graphql"), "utf8"));
    const term = (type: string, code: string) => /^[^\s:：(（]+/.exec((schema.getType(type) as GraphQLEnumType).getValue(code)!.description!)![0];
    const cases: { kind: Parameters<typeof rows>[0]; params: ParsedParams; was: string[]; enums: Record<string, string> }[] = [
      {
        kind: "indicators",
        params: {},
        was: ["预算年度", "部门编码", "部门名称", "范围", "项目编码", "项目名称", "类别", "一级指标", "二级指标", "指标名称", "指标值", "比较符", "目标数值", "计量单位", "指标值说明"],
        enums: { 范围: "IndicatorScope", 类别: "IndicatorCategory" },
      },
      {
        kind: "discrepancies",
        params: {},
        was: ["预算年度", "部门编码", "部门名称", "阶段", "规则", "等级", "说明", "位置", "类型", "公布数（万元）", "计算数（万元）", "差额（万元）", "公布百分比（%）", "计算百分比（%）", "公布内容", "对照内容"],
        enums: { 阶段: "BudgetStage", 等级: "DiscrepancySeverity", 类型: "DiscrepancyValueKind" },
      },
      {
        kind: "expenditure",
        params: { groupBy: ["EXPENDITURE_KIND", "EXPENDITURE_CATEGORY", "FUNDING_SOURCE"] },
        was: ["支出类型", "支出明细类型", "资金来源", "行数", "口径", "金额（万元）", "占比（%）", "占上级比（%）"],
        enums: { 支出类型: "ExpenditureKind", 支出明细类型: "ExpenditureCategory", 资金来源: "FundingSource", 口径: "AggregateBasis" },
      },
      {
        kind: "projects",
        params: {},
        was: ["预算年度", "部门编码", "部门名称", "项目编码", "项目名称", "项目类型", "科目编码", "项目金额（万元）", "指标类别", "指标名称", "指标值", "比较符", "目标数值", "计量单位"],
        enums: { 项目类型: "ProjectCategory", 指标类别: "IndicatorCategory" },
      },
    ];
    for (const c of cases) {
      const headers = (await new ExportService(ds, PUBLIC_VIEWER).table(c.kind, c.params)).columns.map((col) => col.header);
      // Every column it had, by the same name and in the same order; a term column right after each code column.
      expect(headers.filter((h) => !h.endsWith("名称") || c.was.includes(h)), c.kind).toEqual(c.was);
      for (const code of Object.keys(c.enums)) expect(headers[headers.indexOf(code) + 1], c.kind).toBe(`${code}名称`);
      const seen = new Set<string>();
      for (const r of await rows(c.kind, c.params, 100_000)) {
        for (const [code, type] of Object.entries(c.enums)) {
          const value = r[headers.indexOf(code)] as string | null;
          expect(r[headers.indexOf(`${code}名称`)], `${c.kind} ${code} ${value}`).toBe(value === null ? null : term(type, value));
          if (value !== null) seen.add(`${code}:${value}`);
        }
      }
      expect(seen.size, c.kind).toBeGreaterThanOrEqual(Object.keys(c.enums).length);
    }
    expect(term("BudgetStage", "BUDGET")).toBe("年初预算");
    expect(term("BudgetStage", "FINAL")).toBe("决算");
  });
});

describe.each(DATABASE_KINDS)("[%s] exports under the request limits", (kind) => {
  const db = freshDatabase(kind);
  let ds: DataSource;

  beforeAll(async () => {
    ds = await db.open();
    await loadBundleObject(ds, sampleBundle());
  });
  afterAll(async () => {
    await ds?.destroy();
    await db.drop();
  });

  it("spends the caller's cost points with GraphQL's: past them an export is refused 429 RATE_LIMITED as JSON, with Retry-After", async () => {
    // A minute's allowance is one statement's price: the export's cells are paid from the next minute.
    const s = await createServer(ds, 0, "127.0.0.1", { limits: { rateLimitPerAddress: AGGREGATE_COST, rateLimitPerToken: 0 } });
    try {
      const first = await get(`${s.url}export/indicators.csv`);
      expect(first.status).toBe(200);
      expect(csvRecords(first).length).toBeGreaterThan(20);
      // The export spent this address's minute: GraphQL from it is refused too…
      const gql = await postGraphql(`${s.url}graphql`, "{ departments { totalCount } }", {});
      expect(gql.status).toBe(429);
      expect(gql.json.errors[0].extensions.code).toBe("RATE_LIMITED");
      // …and so is the next export, before any of its file.
      const again = await get(`${s.url}export/projects.xlsx`);
      expect(again.status).toBe(429);
      expect(again.headers["content-type"]).toBe("application/json; charset=utf-8");
      const body = JSON.parse(again.body.toString("utf8"));
      expect(body.errors[0].extensions).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: expect.any(Number) });
      expect(Number(again.headers["retry-after"])).toBe(body.errors[0].extensions.retryAfterSeconds);
      expect(Number(again.headers["retry-after"])).toBeGreaterThan(0);
    } finally {
      await s.stop();
    }
  });

  it("answers an export that cannot start within the request deadline 503 REQUEST_TIMEOUT as JSON, like GraphQL", async () => {
    if (kind !== "mysql") return; // SQLite readers are not held back by a writer: nothing here can stall one
    const s = await createServer(ds, 0, "127.0.0.1", { limits: { rateLimitPerAddress: 0, rateLimitPerToken: 0, requestDeadlineMs: 1_500 } });
    const locker = await mysql.createConnection({ host: db.config.host, port: db.config.port, user: db.config.user, password: db.config.password, database: db.config.database });
    try {
      await locker.query("LOCK TABLES department WRITE");
      const started = performance.now();
      const r = await get(`${s.url}export/expenditure.csv?groupBy=DEPARTMENT`);
      const ms = performance.now() - started;
      expect(r.status).toBe(503);
      expect(r.headers["content-type"]).toBe("application/json; charset=utf-8");
      expect(JSON.parse(r.body.toString("utf8")).errors[0].extensions).toEqual({ code: "REQUEST_TIMEOUT", deadlineMs: 1_500 });
      expect(ms).toBeGreaterThanOrEqual(1_400);
      // Without the deadline the export waits for the lock, which the finally below releases: any bound proves it.
      expect(ms).toBeLessThan(9_000);
    } finally {
      await locker.query("UNLOCK TABLES");
      await locker.end();
    }
    try {
      // The statement left behind goes on once the lock is gone; the next export is whole.
      expect(csvRecords(await get(`${s.url}export/expenditure.csv?groupBy=DEPARTMENT`)).map((r) => r["部门编码"])).toEqual(["007"]);
    } finally {
      await s.stop();
    }
  });
});

describe.each(DATABASE_KINDS)("[%s] exports from the CLI", (kind) => {
  const db = freshDatabase(kind);
  let ds: DataSource;
  let server: TestServer;
  const root = join(__dirname, "..", "..");
  const cli = (...args: string[]) => spawnSync("npx", ["tsx", "src/cli/main.ts", "export-table", ...args], { cwd: root, env: { ...process.env, DATABASE_URL: db.config.url }, timeout: 120_000 });

  beforeAll(async () => {
    process.env.ADMIN_TOKEN = ADMIN;
    ds = await db.open();
    await loadBundleObject(ds, sampleBundle());
    const draft = departmentVariant("971");
    await loadBudget(ds, readBundle("971.bundle.json", draft), { fileName: "971.bundle.json", bytes: Buffer.from(JSON.stringify(draft)), format: "BUNDLE" }, { status: "DRAFT" });
    server = await TestServer.start(ds);
  });
  afterAll(async () => {
    delete process.env.ADMIN_TOKEN;
    await server?.stop();
    await ds?.destroy();
    await db.drop();
  });

  it("writes the file the finance bureau gets over HTTP, drafts included, to stdout or --out", async () => {
    const base = server.url.replace(/\/graphql$/, "");
    const http = await get(`${base}/export/expenditure.csv?year=2023&groupBy=DEPARTMENT,SUBJECT_CLASS`, ADMIN);
    const run = cli("expenditure", "--year", "2023", "--group-by", "DEPARTMENT,SUBJECT_CLASS");
    expect(run.status, run.stderr.toString()).toBe(0);
    expect(run.stdout.equals(http.body)).toBe(true);
    expect(csvRecords(http).map((r) => r["部门编码"])).toContain("971");
    const out = join(tmpdir(), `exports-${process.pid}-${kind}.xlsx`);
    try {
      const written = cli("projects", "--department", "007", "--out", out);
      expect(written.status, written.stderr.toString()).toBe(0);
      expect(written.stderr.toString()).toMatch(/rows written as XLSX .* \(read as FINANCE\)/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const fromHttp = await workbook(await get(`${base}/export/projects.xlsx?department=007`, ADMIN));
      const records = sheetRecords(wb.getWorksheet("projects")!);
      expect(records).toEqual(sheetRecords(fromHttp.getWorksheet("projects")!));
      // --json says what was written, on stdout, for a script to read.
      const described = cli("projects", "--department", "007", "--out", out, "--json");
      expect(described.status, described.stderr.toString()).toBe(0);
      expect(JSON.parse(described.stdout.toString())).toEqual({ kind: "projects", format: "xlsx", rows: records.length, file: out, bytes: statSync(out).size });
    } finally {
      rmSync(out, { force: true });
    }
  }, 180_000);

  it("exits 2 for bad usage: an unknown export, option or value", () => {
    for (const args of [["budgets"], ["expenditure", "--colour", "red"], ["expenditure", "--year", "20x3"], ["expenditure", "--format", "pdf"], ["expenditure", "--year"], ["expenditure", "--json"]]) {
      const run = cli(...args);
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.stdout.length).toBe(0);
      expect(run.stderr.toString()).toContain("usage: npm run budget -- export-table");
    }
    // Each run starts a CLI process: seconds apiece on a busy machine.
  }, 180_000);
});
