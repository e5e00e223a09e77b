/// <reference lib="dom" />
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { get as httpGet, type IncomingHttpHeaders } from "node:http";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DepartmentPageDocument,
  DepartmentsOverYearsDocument,
  DiscrepanciesByDepartmentDocument,
  ExecutionLinesDocument,
  ExecutionOfDepartmentsDocument,
  KindsByDepartmentDocument,
  SubjectDrillDownDocument,
} from "../../schema/generated/operations";
import { explorerBundle } from "../../src/explorer/routes";
import { importDocument } from "../../src/ingest/import";
import { SAMPLE_FILE } from "../../src/ingest/sample";
import { freshDatabase } from "../helpers/databases";
import { sumWan } from "../helpers/fixtures";
import { CHROMIUM, chromiumRequired, haveChromium, openBrowser, warnWithoutChromium } from "../helpers/browser";
import { expectNothingOutside, expectServedAlone } from "../helpers/page-assets";
import { TestServer } from "../helpers/server";

/**
 * The explorer in a real browser: Debian's chromium, headless, driven by playwright-core, against a
 * server loaded with the sample and the fixture documents. The numbers the page shows are read from
 * its data tables and compared with the API's answers, formatted here on the test's own arithmetic.
 * Screenshots of each state go to test-output/explorer/ (git-ignored; the README names it).
 */
const SHOTS = join(__dirname, "..", "..", "test-output", "explorer");
const FIXTURES = join(__dirname, "..", "fixtures", "disclosures");
const DOCUMENTS = [SAMPLE_FILE, join(FIXTURES, "007-2022.txt"), join(FIXTURES, "002-2023.txt"), join(FIXTURES, "007-2023-final.txt")];
const PAGE_TIMEOUT = 60_000;

warnWithoutChromium("the explorer's browser test");

// ---- test-side arithmetic and formatting, independent of the page's
/** A decimal string as millionths (1 分 = 0.000001 万元). */
function millionths(value: string): bigint {
  const [w, f = ""] = value.replace(/^-/, "").split(".");
  const n = BigInt(w!) * 1_000_000n + BigInt(f.padEnd(6, "0"));
  return value.startsWith("-") ? -n : n;
}
function fromMillionths(n: bigint): string {
  const a = n < 0n ? -n : n;
  return `${n < 0n ? "-" : ""}${a / 1_000_000n}.${(a % 1_000_000n).toString().padStart(6, "0")}`;
}
/** A decimal string of 万元 as the page must show it: half away from zero to one decimal, thousands grouped. */
function wan(value: string | null | undefined): string {
  if (value === null || value === undefined) return "—";
  const n = millionths(value);
  const tenths = ((n < 0n ? -n : n) + 50_000n) / 100_000n;
  const text = `${(tenths / 10n).toLocaleString("en-US")}.${tenths % 10n}`;
  return n < 0n && tenths !== 0n ? `-${text}` : text;
}
const percent = (v: string | null | undefined) => (v === null || v === undefined ? "—" : `${wan(v)}%`);
/** Whether an execution rate (percent) lies more than 10 points from 100, or nothing was budgeted. */
function off(rate: string | null | undefined): boolean {
  if (rate === null || rate === undefined) return true;
  const gap = millionths(rate) - 100_000_000n;
  return (gap < 0n ? -gap : gap) > 10_000_000n;
}

/** A GET with a chosen Accept-Encoding, the body as it came over the wire (fetch would decompress it). */
function getRaw(url: URL, acceptEncoding: string): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpGet(url, { headers: { "accept-encoding": acceptEncoding }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    }).on("error", reject);
  });
}

interface Visit {
  page: Page;
  /** Every URL the page asked for. */
  requests: string[];
}

describe("the explorer's files, offline", () => {
  const db = freshDatabase("sqlite");
  let server: TestServer;
  let origin: string;

  beforeAll(async () => {
    server = await TestServer.start(await db.open());
    origin = new URL(server.url).origin;
  });
  afterAll(async () => {
    await server?.stop();
    await server?.ds.destroy();
    await db.drop();
  });

  it("serves the page, whatever the choices in its URL, and every file it loads from this server alone", async () => {
    await expectServedAlone(origin, "/explorer/", join(explorerBundle.outDir, "assets"), "?year=2023&class=208");
    const res = await fetch(new URL("/explorer", origin));
    await res.arrayBuffer();
    expect(res.headers.get("content-security-policy")).toContain("connect-src 'self'");
  });

  it("sends its files gzipped to a browser that takes gzip, and as they are to one that does not", async () => {
    const html = await (await fetch(new URL("/explorer", origin))).text();
    const script = /src="(\/explorer\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const plain = await getRaw(new URL(script, origin), "identity");
    const packed = await getRaw(new URL(script, origin), "gzip, deflate, br");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(packed.headers["content-encoding"]).toBe("gzip");
    expect(packed.headers.vary).toBe("accept-encoding");
    expect(Number(packed.headers["content-length"])).toBe(packed.body.length);
    expect(packed.body.length).toBeLessThan(plain.body.length / 2);
    expect(gunzipSync(packed.body).equals(plain.body)).toBe(true);
  });

  it("answers 404 for a file that is not in the bundle, and never reads outside it", async () => {
    await expectNothingOutside(origin, "/explorer/");
  });
});

describe.skipIf(!haveChromium)("the explorer in headless chromium", () => {
  const db = freshDatabase("sqlite");
  let server: TestServer;
  let origin: string;
  let context: BrowserContext;
  let closeBrowser: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const ds = await db.open();
    for (const file of DOCUMENTS) {
      const outcome = await importDocument(ds, file.split("/").pop()!, readFileSync(file), { actor: "test", status: "PUBLISHED" });
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.rejection));
    }
    server = await TestServer.start(ds);
    origin = new URL(server.url).origin;
    mkdirSync(SHOTS, { recursive: true });
    ({ context, close: closeBrowser } = await openBrowser());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await server?.stop();
    await server?.ds.destroy();
    await db.drop();
  });

  /** Opens the explorer at `query` in a new tab, recording every request, and waits for `ready`. */
  async function visit(query: string, ready: string, viewport = { width: 1280, height: 900 }, { coldCache = false } = {}): Promise<Visit> {
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    // A first visit: nothing an earlier test's page left in the profile's cache.
    if (coldCache) await (await context.newCDPSession(page)).send("Network.clearBrowserCache");
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(`${origin}/explorer${query}`, { timeout: PAGE_TIMEOUT });
    await page.waitForSelector(ready, { state: "attached", timeout: PAGE_TIMEOUT });
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: PAGE_TIMEOUT });
    return { page, requests };
  }

  /** Fails when the page asked anything of another origin, then closes it. */
  async function leave(v: Visit, shot: string, fullPage = true): Promise<void> {
    await v.page.screenshot({ path: join(SHOTS, `${shot}.png`), fullPage });
    await v.page.close();
    expect(v.requests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
  }

  /** A data table's body rows as { key, cells by column }. */
  function tableRows(page: Page, id: string): Promise<{ key: string; head: string; cells: Record<string, string> }[]> {
    return page.$$eval(`#${id} tbody tr`, (trs) =>
      trs.map((tr) => ({
        key: tr.getAttribute("data-key") ?? "",
        head: tr.querySelector("th")?.textContent?.trim() ?? "",
        cells: Object.fromEntries([...tr.querySelectorAll("td")].map((td) => [td.getAttribute("data-col") ?? "", td.textContent?.trim() ?? ""])),
      })),
    );
  }

  /** Each department's basic (人员经费 + 公用经费 + undivided 基本支出) and project expenditure from the API, largest total first. */
  async function apiBars(vars: { year: number; departmentCodes?: string[]; classCodes?: string[] }) {
    const groups = (await server.query(KindsByDepartmentDocument, vars)).expenditureGroups.nodes;
    const codes = [...new Set(groups.map((g) => g.department!.code))];
    return codes
      .map((code) => {
        const of = (kinds: string[]) => groups.filter((g) => g.department!.code === code && kinds.includes(g.kind!)).map((g) => g.amount);
        const basic = sumWan(of(["PERSONNEL", "PUBLIC", "BASIC"]));
        const project = sumWan(of(["PROJECT"]));
        return { code, basic, project, total: sumWan([basic, project, ...of(["OTHER"])]) };
      })
      .sort((a, b) => Number(b.total) - Number(a.total));
  }

  it(
    "shows each department's basic and project expenditure as the API gives them, largest first, and measures the first load",
    async () => {
      const started = Date.now();
      const v = await visit("?year=2023", '#departments .chart[data-drawn="true"]', undefined, { coldCache: true });
      const firstChartMs = await v.page.evaluate(() => performance.getEntriesByName("explorer:first-chart")[0]?.startTime ?? null);
      const bytes = await v.page.evaluate(() => {
        const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        const resources = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
        const of = (r: PerformanceResourceTiming) => r.transferSize;
        return { page: of(nav), assets: resources.filter((r) => r.initiatorType !== "fetch").reduce((s, r) => s + of(r), 0), api: resources.filter((r) => r.initiatorType === "fetch").reduce((s, r) => s + of(r), 0) };
      });
      const metrics = { firstChartMs: firstChartMs === null ? null : Math.round(firstChartMs), settledMs: Date.now() - started, transferBytes: { ...bytes, total: bytes.page + bytes.assets + bytes.api } };
      writeFileSync(join(SHOTS, "first-load.json"), `${JSON.stringify(metrics, null, 2)}\n`);
      console.log(`[explorer] first load: ${JSON.stringify(metrics)}`);
      expect(firstChartMs).not.toBeNull();
      expect(bytes.assets).toBeGreaterThan(0); // the files came over the wire, not from a cache

      const expected = await apiBars({ year: 2023 });
      expect(expected.length).toBe(2);
      const shown = await tableRows(v.page, "departments-table");
      expect(shown.map((r) => [r.key, r.cells.basic, r.cells.project, r.cells.total])).toEqual(expected.map((e) => [e.code, wan(e.basic), wan(e.project), wan(e.total)]));
      await leave(v, "departments-2023");
    },
    PAGE_TIMEOUT * 2,
  );

  it(
    "for a chosen 类 and department, shows the bars and the 类→款→项 amounts the API gives, down to 项 and back up",
    async () => {
      const vars = { year: 2023, classCodes: ["208"], departmentCodes: ["002"] };
      const v = await visit("?year=2023&class=208&departments=002", '#drill .chart[data-drawn="true"]');
      const bars = await apiBars(vars);
      expect((await tableRows(v.page, "departments-table")).map((r) => [r.key, r.cells.basic, r.cells.project, r.cells.total])).toEqual(bars.map((e) => [e.code, wan(e.basic), wan(e.project), wan(e.total)]));
      // The filter narrows: the department's 208 alone is less than all it spends.
      expect(Number(bars[0]!.total)).toBeLessThan(Number((await apiBars({ year: 2023, departmentCodes: ["002"] }))[0]!.total));

      const groups = (await server.query(SubjectDrillDownDocument, vars)).expenditureGroups.nodes;
      const under = (parent: string) => groups.filter((g) => g.subjectCode?.parent?.code === parent).map((g) => [g.subjectCode!.code, wan(g.amount), percent(g.shareOfParent)]);
      const shownRows = async () => (await tableRows(v.page, "drill-table")).map((r) => [r.key, r.cells.amount, r.cells.shareOfParent]);
      // The chosen 类 opens at its 款.
      expect(await v.page.textContent("#drill-total")).toBe(wan(groups.find((g) => g.subjectCode?.code === "208")!.amount));
      expect(await shownRows()).toEqual(under("208"));
      await v.page.screenshot({ path: join(SHOTS, "drill-208-002.png"), fullPage: true });
      // Down to the 项 of the largest 款, through its link in the data table…
      const section = groups.filter((g) => g.subjectCode?.parent?.code === "208").sort((a, b) => Number(b.amount) - Number(a.amount))[0]!.subjectCode!.code;
      await v.page.click("#drill details.data summary"); // the data table opens as a reader would open it
      await v.page.click(`#drill-table a[href="?subject=${section}"]`);
      await v.page.waitForFunction((s) => new URL(location.href).searchParams.get("subject") === s, section);
      expect(await shownRows()).toEqual(under(section));
      expect(await v.page.textContent("#drill-total")).toBe(wan(groups.find((g) => g.subjectCode?.code === section)!.amount));
      await v.page.screenshot({ path: join(SHOTS, `drill-${section}-002.png`), fullPage: true });
      // …and back up by the breadcrumb.
      await v.page.click('.breadcrumb a[href="?subject=208"]');
      await v.page.waitForFunction(() => new URL(location.href).searchParams.get("subject") === "208");
      expect(await shownRows()).toEqual(under("208"));
      await leave(v, "choices-208-002");
    },
    PAGE_TIMEOUT * 2,
  );

  it(
    "counts the discrepancies the API reports for the chosen departments, year and stage, each linking to its source table",
    async () => {
      for (const stage of ["BUDGET", "FINAL"] as const) {
        const departments = (await server.query(DiscrepanciesByDepartmentDocument, { year: 2023, stage })).departments.nodes;
        const expected = departments.flatMap((d) => d.budget?.discrepancies ?? []).length;
        const v = await visit(`?year=2023${stage === "FINAL" ? "&stage=final" : ""}`, "#discrepancy-count");
        expect(Number(await v.page.textContent("#discrepancy-count"))).toBe(expected);
        expect(await v.page.$$eval("#discrepancy-table tbody tr", (trs) => trs.length)).toBe(expected);
        // The link opens the regenerated tables of that stage at the table the finding names.
        const href = await v.page.getAttribute("#discrepancy-table tbody tr a", "href");
        expect(href).toMatch(stage === "FINAL" ? /^\/tables\/007\/2023\.html\?stage=final#/ : /^\/tables\/007\/2023\.html#/);
        const [path, anchor] = href!.split("#");
        const tables = await fetch(`${origin}${path}`);
        expect(tables.status).toBe(200);
        expect(await tables.text()).toContain(`<section id="${decodeURIComponent(anchor!)}">`);
        await v.page.locator("#discrepancies").screenshot({ path: join(SHOTS, `discrepancies-2023-${stage.toLowerCase()}.png`) });
        await leave(v, `all-2023-${stage.toLowerCase()}`);
      }
    },
    PAGE_TIMEOUT * 3,
  );

  it(
    "compares budget with final per department and highlights the 项 more than 10% off, as the API computes them",
    async () => {
      const v = await visit("?year=2023", '#execution .chart[data-drawn="true"]');
      const byDepartment = (await server.query(ExecutionOfDepartmentsDocument, { year: 2023 })).execution.nodes;
      expect((await tableRows(v.page, "execution-table")).map((r) => [r.key, r.cells.budgeted, r.cells.final, r.cells.rate])).toEqual(byDepartment.map((d) => [d.department!.code, wan(d.budgeted), wan(d.final), percent(d.rate)]));
      const lines = (await server.query(ExecutionLinesDocument, { year: 2023 })).execution.nodes;
      const highlighted = await v.page.$$eval("#execution-lines tbody tr.off", (trs) => trs.map((tr) => tr.getAttribute("data-key")));
      expect(highlighted).toEqual(lines.filter((l) => off(l.rate)).map((l) => `${l.department!.code}-${l.subjectCode!.code}`));
      expect(highlighted.length).toBeGreaterThan(0);
      expect(Number(await v.page.textContent("#execution-off-count"))).toBe(highlighted.length);
      await v.page.locator("#execution").screenshot({ path: join(SHOTS, "execution-2023.png") });
      await leave(v, "execution-page-2023");
    },
    PAGE_TIMEOUT * 2,
  );

  it(
    "draws each department's line over the years with the amounts the API gives",
    async () => {
      const v = await visit("?year=2023", '#years .chart[data-drawn="true"]');
      const groups = (await server.query(DepartmentsOverYearsDocument, {})).expenditureGroups.nodes;
      const rows = await tableRows(v.page, "years-table");
      for (const g of groups) expect(rows.find((r) => r.key === g.department!.code)?.cells[`y${g.year}`], `${g.department!.code} ${g.year}`).toBe(wan(g.amount));
      const hr = groups.filter((g) => g.department!.code === "007").sort((a, b) => a.year! - b.year!);
      const change = millionths(hr[1]!.amount) - millionths(hr[0]!.amount);
      expect(rows.find((r) => r.key === "007")?.cells.change).toBe(wan(fromMillionths(change)));
      await v.page.locator("#years").screenshot({ path: join(SHOTS, "years.png") });
      await leave(v, "years-page");
    },
    PAGE_TIMEOUT * 2,
  );

  it(
    "opens a department from its bar's name: published totals beside computed ones, projects with targets, the tables to download",
    async () => {
      const v = await visit("?year=2023", "#departments-table a");
      await v.page.click("#departments details.data summary");
      await v.page.click('#departments-table tr[data-key="007"] a');
      await v.page.waitForSelector("#department-totals", { timeout: PAGE_TIMEOUT });
      expect(new URL(v.page.url()).searchParams.get("department")).toBe("007");
      const budget = (await server.query(DepartmentPageDocument, { code: "007", year: 2023 })).department!.budget!;
      const totals = await v.page.$$eval("#department-totals tbody tr", (trs) => trs.map((tr) => [tr.getAttribute("data-key"), ...[...tr.querySelectorAll("td")].slice(0, 2).map((td) => td.textContent)]));
      const fields = ["incomeTotal", "expenditureTotal", "basicExpenditure", "personnelExpenditure", "publicExpenditure", "projectExpenditure"] as const;
      expect(totals).toEqual(fields.map((f) => [f, wan(budget[f]), wan(budget.computed[f])]));
      expect(await v.page.$$eval("#department-projects tbody tr", (trs) => trs.length)).toBe(budget.projects.nodes.length);
      const target = budget.projects.nodes.find((p) => p.indicators.length)!.indicators[0]!.target;
      expect(await v.page.textContent("#department-projects")).toContain(target);
      const links = await v.page.$$eval(".downloads a", (as) => as.map((a) => a.getAttribute("href")));
      expect(links).toEqual(["/tables/007/2023.xlsx", "/tables/007/2023.html"]);
      await leave(v, "department-007-2023");
    },
    PAGE_TIMEOUT * 2,
  );

  it(
    "shows an empty state, not a blank page, for a year or stage without data",
    async () => {
      for (const [query, text] of [
        ["?year=2019", "2019年没有已公开的预算数据"],
        ["?year=2022&stage=final", "2022年没有已公开的决算数据"],
      ] as const) {
        const v = await visit(query, "#empty-state");
        expect(await v.page.textContent("#empty-state")).toContain(text);
        expect(await v.page.$$(".chart")).toHaveLength(0);
        await leave(v, `empty-${query.replace(/\W+/g, "-").replace(/^-|-$/g, "")}`, false);
      }
    },
    PAGE_TIMEOUT * 2,
  );

  it(
    "shows a loading indicator while the API is slow to answer",
    async () => {
      const page = await context.newPage();
      await page.route("**/graphql", async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      });
      await page.goto(`${origin}/explorer?year=2023`, { timeout: PAGE_TIMEOUT });
      await page.waitForSelector('.loading[role="status"]', { timeout: PAGE_TIMEOUT });
      expect(await page.textContent(".loading")).toContain("加载中");
      await page.screenshot({ path: join(SHOTS, "loading.png") });
      await page.waitForSelector('#departments .chart[data-drawn="true"]', { timeout: PAGE_TIMEOUT });
      await page.close();
    },
    PAGE_TIMEOUT * 2,
  );

  it(
    "fits a tablet's width without scrolling sideways",
    async () => {
      const v = await visit("?year=2023", '#departments .chart[data-drawn="true"]', { width: 820, height: 1180 });
      const { scrollWidth, innerWidth } = await v.page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      await leave(v, "tablet-2023", false);
    },
    PAGE_TIMEOUT * 2,
  );
});

describe.runIf(!haveChromium && chromiumRequired)("the explorer's browser test in CI", () => {
  it("needs Debian's chromium", () => {
    expect.fail(`${CHROMIUM} is not installed, and REQUIRE_MYSQL=1 / CI requires the explorer's browser test: apt-get install -y chromium fonts-noto-cjk (.ci/run does)`);
  });
});
