import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AGGREGATE_COST } from "../../src/common/complexity";
import { exportBundle } from "../../src/ingest/export";
import { importDocument } from "../../src/ingest/import";
import { SAMPLE_FILE } from "../../src/ingest/sample";
import { standardTableTitles } from "../../src/render/disclosure-text";
import { createServer } from "../../src/server";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases";
import { type Answer, get } from "../helpers/http-get";
import { loadDraftVariant } from "../helpers/fixtures";
import { withoutPlaces } from "../helpers/model-facts";
import { SEED_FILE } from "../helpers/seed";
import { TestServer } from "../helpers/server";

const ADMIN = "tables-test-admin-token";
/** A department whose only budget is a draft: the public must never see its tables. */
const DRAFT_DEPT = "953";
/** The real seed when it is there, else the shipped sample: the 2023 预算 of 人力资源局 (007). */
const BUDGET_FILE = SEED_FILE ?? SAMPLE_FILE;
const FINAL_FILE = join(__dirname, "../fixtures/disclosures/007-2023-final.txt");

/**
 * Findings about how the source file was laid out, not about its figures: a table listed but not
 * printed, printed empty, unlisted or without its unit; cells a PDF extraction shifted left; an
 * asset the prose lists twice; a project printed with other indicators in an earlier listing. The
 * regenerated file is laid out cleanly, so it does not repeat them.
 */
const LAYOUT_RULES = ["TABLE_MISSING", "TABLE_UNLISTED", "TABLE_EMPTY", "TABLE_WITHOUT_UNIT", "ROW_CELLS_SHIFTED", "ASSET_LISTED_TWICE", "PROJECT_INDICATORS_VARY"];

const errorOf = (a: Answer) => (JSON.parse(a.body.toString("utf8")) as { errors: { message: string; extensions: { code: string; parameter?: string } }[] }).errors[0]!;

/**
 * Every figure a stored budget holds, as exportBundle writes it back, without where the source
 * printed it (file, line, sheet) and without its table inventory (which tables the file had, a
 * fact about the file). Claims keep everything but the heading they were read under.
 */
async function storedFigures(ds: DataSource, budgetId: number) {
  const { tables: _inventory, findings: _findings, claims, publishedFigures, projects, texts, ...rest } = await exportBundle(ds, budgetId);
  return {
    ...rest,
    claims: (claims ?? []).map(({ section: _s, ...c }) => c),
    // In any order: a listing's rows are printed by code, which need not be the order the source printed them in.
    publishedFigures: (publishedFigures ?? []).map(({ line: _l, location: _p, ...f }) => JSON.stringify(f)).sort(),
    projects: projects.map((p) => ({ ...p, aliases: (p.aliases ?? []).map((a) => ({ ...a, source: withoutPlaces(a.source) })) })),
    texts: (texts ?? []).map(({ line: _l, ...t }) => t),
  };
}

/** The budget's discrepancies, as sorted "rule severity stated computed" lines, layout findings aside. */
async function findings(ds: DataSource, budgetId: number): Promise<string[]> {
  const rows = (await ds.query("SELECT rule_id, severity, stated, computed FROM discrepancy WHERE budget_id = ?", [budgetId])) as Record<string, unknown>[];
  return rows
    .filter((r) => !LAYOUT_RULES.includes(String(r.rule_id)))
    .map((r) => `${r.rule_id} ${r.severity} ${r.stated ?? "-"} ${r.computed ?? "-"}`)
    .sort();
}

async function budgetId(ds: DataSource, code: string, stage: string): Promise<number> {
  const [row] = (await ds.query("SELECT b.id FROM department_budget b JOIN department d ON d.id = b.department_id WHERE d.code = ? AND b.year = 2023 AND b.stage = ? AND b.is_current = 1", [code, stage])) as { id: number }[];
  return Number(row!.id);
}

describe.each(DATABASE_KINDS)("[%s] standard tables", (kind) => {
  const db = freshDatabase(kind);
  /** Where the regenerated files are imported: a database of their own, as another platform would. */
  const copy = freshDatabase(kind);
  let ds: DataSource;
  let copyDs: DataSource;
  let server: TestServer;
  let base: string;

  beforeAll(async () => {
    process.env.ADMIN_TOKEN = ADMIN;
    ds = await db.open();
    copyDs = await copy.open();
    for (const file of [BUDGET_FILE, FINAL_FILE]) {
      const outcome = await importDocument(ds, file.split("/").pop()!, readFileSync(file), { actor: "test", status: "PUBLISHED" });
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.rejection));
    }
    await loadDraftVariant(ds, DRAFT_DEPT);
    server = await TestServer.start(ds);
    base = server.url.replace(/\/graphql$/, "");
  });
  afterAll(async () => {
    delete process.env.ADMIN_TOKEN;
    await server?.stop();
    await ds?.destroy();
    await copyDs?.destroy();
    await db.drop();
    await copy.drop();
  });

  /** Imports a regenerated file into the copy through the normal importer; the id of the budget it made. */
  async function reimport(name: string, bytes: Buffer): Promise<number> {
    const outcome = await importDocument(copyDs, name, bytes, { actor: "test", status: "PUBLISHED" });
    if (!outcome.ok) throw new Error(`${name} was refused: ${JSON.stringify(outcome.rejection.problems.slice(0, 3))}`);
    return outcome.load!.budgetId;
  }

  it.each([
    ["BUDGET", "xlsx"],
    ["BUDGET", "txt"],
    ["FINAL", "xlsx"],
    ["FINAL", "txt"],
  ])("a %s regenerated as %s and imported again holds every figure, and the same discrepancies", async (stage, format) => {
    // The stage in lower case: the parameter is read in any case.
    const answer = await get(`${base}/tables/007/2023.${format}?stage=${stage.toLowerCase()}`);
    expect(answer.status, answer.body.toString("utf8").slice(0, 300)).toBe(200);
    const original = await budgetId(ds, "007", stage);
    const again = await reimport(`007-2023-${stage}-tables.${format}`, answer.body);
    expect(await storedFigures(copyDs, again)).toEqual(await storedFigures(ds, original));
    expect(await findings(copyDs, again)).toEqual(await findings(ds, original));
  });

  it("prints every table of the stage's template as a self-contained page", async () => {
    for (const stage of ["BUDGET", "FINAL"] as const) {
      const answer = await get(`${base}/tables/007/2023.html?stage=${stage}`);
      expect(answer.status).toBe(200);
      expect(answer.headers["content-type"]).toBe("text/html; charset=utf-8");
      const html = answer.body.toString("utf8");
      const titles = standardTableTitles(stage);
      expect(titles).toHaveLength(stage === "FINAL" ? 9 : 13);
      const escaped = (t: string) => t.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
      for (const title of titles) expect(html, title).toContain(`${escaped(title)}</h2>`);
      expect(html.match(/<section[ >]/g)).toHaveLength(titles.length);
      // Nothing loaded or linked from elsewhere: no address, no script, no stylesheet link.
      expect(html).not.toMatch(/https?:|\/\/[a-z0-9]|<script|<link|<img|@import|url\(/i);
      expect(html).toContain('lang="zh-CN"');
      expect(html).toMatch(/rowspan="\d"/);
      expect(html).toMatch(/colspan="\d"/);
    }
    // Amounts as printed: the 预算's total with its thousands separator.
    const budget = (await get(`${base}/tables/007/2023.html`)).body.toString("utf8");
    const total = (await storedFigures(ds, await budgetId(ds, "007", "BUDGET"))).stated.expenditureTotal!;
    expect(budget).toContain(`<td class="n">${total.replace(/\B(?=(\d{3})+(?!\d))/, ",")}</td>`);
  });

  it("writes one sheet per table, its header cells merged", async () => {
    for (const stage of ["BUDGET", "FINAL"] as const) {
      const answer = await get(`${base}/tables/007/2023.xlsx?stage=${stage}`);
      expect(answer.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(answer.body as unknown as ArrayBuffer);
      // A first sheet holds the title and the narrative, then the tables, one a sheet, in template order.
      expect(wb.worksheets.map((s) => s.name)).toEqual(["封面及说明", ...standardTableTitles(stage)]);
      for (const sheet of wb.worksheets.slice(1)) {
        // Row 1 is the title merged across the table; the header rows under it merge too.
        const merges = (sheet.model as unknown as { merges: string[] }).merges;
        expect(merges, sheet.name).toContain(`A1:${sheet.getColumn(sheet.columnCount).letter}1`);
        const headerMerges = merges.filter((m) => !/^A1:/.test(m));
        if (!/三公|基本支出决算|整体绩效/.test(sheet.name)) expect(headerMerges.length, sheet.name).toBeGreaterThan(0);
      }
    }
  });

  it("shows a draft only to those who may see it", async () => {
    const anonymous = await get(`${base}/tables/${DRAFT_DEPT}/2023.txt`);
    expect(anonymous.status).toBe(404);
    expect(errorOf(anonymous).extensions.code).toBe("NOT_FOUND");
    const bureau = await get(`${base}/tables/${DRAFT_DEPT}/2023.txt`, ADMIN);
    expect(bureau.status).toBe(200);
    expect(bureau.headers["cache-control"]).toBe("no-store");
    expect(bureau.body.toString("utf8")).toContain(`测试部门${DRAFT_DEPT}`);
    expect((await get(`${base}/tables/${DRAFT_DEPT}/2023.txt`, "not-a-token")).status).toBe(401);
  });

  it("answers a mistake 400 and what does not exist 404, each with a code", async () => {
    const cases: [string, number, string, string | undefined][] = [
      ["/tables/999/2023.xlsx", 404, "NOT_FOUND", "department"],
      ["/tables/007/2031.xlsx", 404, "NOT_FOUND", "year"],
      ["/tables/007/2023.xlsx?stage=ADJUSTED", 404, "NOT_FOUND", "year"],
      ["/tables/007/2023.xlsx?stage=PLANNED", 400, "BAD_USER_INPUT", "stage"],
      ["/tables/007/2023.xlsx?stage=FINAL&stage=BUDGET", 400, "BAD_USER_INPUT", "stage"],
      ["/tables/007/2023.pdf", 400, "BAD_USER_INPUT", "format"],
      ["/tables/007/twenty.txt", 400, "BAD_USER_INPUT", "year"],
      ["/tables/0%2707/2023.txt", 400, "BAD_USER_INPUT", "department"],
      ["/tables/007/2023.txt?colour=red", 400, "UNKNOWN_PARAMETER", "colour"],
      ["/tables/007", 404, "NOT_FOUND", undefined],
    ];
    for (const [path, status, code, parameter] of cases) {
      const a = await get(`${base}${path}`);
      expect(a.status, path).toBe(status);
      expect(a.headers["content-type"], path).toBe("application/json; charset=utf-8");
      const e = errorOf(a);
      expect(e.extensions.code, path).toBe(code);
      expect(e.extensions.parameter, path).toBe(parameter);
      expect(e.message, path).not.toMatch(/SELECT|at \w+ \(/);
    }
  });

  it("spends the caller's cost points with GraphQL's: past them a request is refused 429 RATE_LIMITED as JSON, with Retry-After", async () => {
    // A minute's allowance is one aggregate's price: the first request spends it.
    const s = await createServer(ds, 0, "127.0.0.1", { limits: { rateLimitPerAddress: AGGREGATE_COST, rateLimitPerToken: 0 } });
    try {
      expect((await get(`${s.url}tables/007/2023.txt`)).status).toBe(200);
      const again = await get(`${s.url}tables/007/2023.xlsx`);
      expect(again.status).toBe(429);
      expect(again.headers["content-type"]).toBe("application/json; charset=utf-8");
      const body = JSON.parse(again.body.toString("utf8"));
      expect(body.errors[0].extensions).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: expect.any(Number) });
      expect(Number(again.headers["retry-after"])).toBe(body.errors[0].extensions.retryAfterSeconds);
    } finally {
      await s.stop();
    }
  });

  it("serves the tables from the command line too, and refuses an unknown option", () => {
    const root = join(__dirname, "..", "..");
    const out = join(tmpdir(), `tables-${process.pid}-${kind}.xlsx`);
    const cli = (...args: string[]) => spawnSync("npx", ["tsx", "src/cli/main.ts", "tables", ...args], { cwd: root, env: { ...process.env, DATABASE_URL: db.config.url }, timeout: 120_000 });
    try {
      const ok = cli("007", "2023", "--stage", "final", "--out", out, "--json");
      expect(ok.status, ok.stderr.toString()).toBe(0);
      const summary = JSON.parse(ok.stdout.toString()) as { stage: string; format: string; tables: string[]; bytes: number };
      expect(summary).toMatchObject({ stage: "FINAL", format: "xlsx", tables: standardTableTitles("FINAL") });
      expect(readFileSync(out).length).toBe(summary.bytes);
      const refused = cli("007", "2023", "--colour", "red");
      expect(refused.status).toBe(2);
      expect(refused.stderr.toString()).toContain("unknown option --colour");
      expect(cli("007", "2031").status).toBe(1);
    } finally {
      rmSync(out, { force: true });
    }
  }, 180_000);
});
