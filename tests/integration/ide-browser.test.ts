/// <reference lib="dom" />
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDocument } from "../../src/ingest/import";
import { SAMPLE_FILE } from "../../src/ingest/sample";
import { CHROMIUM, chromiumRequired, haveChromium, openBrowser, warnWithoutChromium } from "../helpers/browser";
import { freshDatabase } from "../helpers/databases";
import { TestServer } from "../helpers/server";

/**
 * The IDE as an analyst meets it: GraphiQL in headless chromium, a saved operation opened from
 * the examples panel and run against the server, and not one request to another origin (the
 * network it runs in has no internet). Screenshots go to test-output/ide/ (git-ignored).
 */
const SHOTS = join(__dirname, "..", "..", "test-output", "ide");
const TIMEOUT = 60_000;

warnWithoutChromium("the IDE's browser test");

describe.skipIf(!haveChromium)("GraphiQL in headless chromium", () => {
  const db = freshDatabase("sqlite");
  let server: TestServer;
  let origin: string;
  let context: BrowserContext;
  let closeBrowser: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const ds = await db.open();
    const outcome = await importDocument(ds, "007-2023.txt", readFileSync(SAMPLE_FILE), { actor: "test", status: "PUBLISHED" });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.rejection));
    server = await TestServer.start(ds);
    origin = new URL(server.url).origin;
    mkdirSync(SHOTS, { recursive: true });
    ({ context, close: closeBrowser } = await openBrowser());
  }, TIMEOUT);
  afterAll(async () => {
    await closeBrowser?.();
    await server?.stop();
    await server?.ds.destroy();
    await db.drop();
  });

  it(
    "opens a saved operation from the examples panel, runs it, and shows the server's answer, asking nothing of another origin",
    async () => {
      const page = await context.newPage();
      const requests: string[] = [];
      page.on("request", (r) => requests.push(r.url()));
      const failures: string[] = [];
      page.on("pageerror", (e) => failures.push(e.message));
      await page.goto(`${origin}/graphiql`, { timeout: TIMEOUT });
      await page.waitForSelector(".graphiql-container .graphiql-query-editor", { timeout: TIMEOUT });

      await page.click('button[aria-label*="Saved operations"]');
      const saved = (await (await fetch(`${origin}/graphiql/operations.json`)).json()) as { name: string }[];
      const item = (name: string) => `li button:text-is("${name}")`;
      await page.waitForSelector(item(saved[0]!.name), { timeout: TIMEOUT });
      // Every saved operation, in the server's order; the tabs' list (the default query's tab) comes after.
      const names = saved.map((op) => op.name);
      const listed = await page.$$eval("li button", (buttons) => buttons.map((b) => b.textContent?.trim() ?? ""));
      expect(listed.slice(0, names.length)).toEqual(names);

      // The operation's own answer: GraphiQL may still be fetching the schema (a POST to the same URL).
      const answered = page.waitForResponse(
        (r) => r.url() === `${origin}/graphql` && r.request().method() === "POST" && (r.request().postData() ?? "").includes("DepartmentBudgetTotals"),
        { timeout: TIMEOUT },
      );
      // Opened and run in one go, before GraphiQL reads the new query's name from the editor (it
      // waits 100 ms for typing to stop): the name sent must already be this operation's.
      await page.evaluate((name) => {
        const buttons = [...document.querySelectorAll<HTMLButtonElement>("li button")];
        buttons.find((b) => b.textContent?.trim() === name)!.click();
        document.querySelector<HTMLButtonElement>(".graphiql-execute-button")!.click();
      }, "DepartmentBudgetTotals");
      const response = await answered;
      const body = (await response.json()) as { data?: { department: { code: string; budget: { expenditureTotal: string } } }; errors?: unknown[] };
      // Sent under its own name, not the name of the tab it was opened from.
      expect((JSON.parse(response.request().postData() ?? "{}") as { operationName?: string }).operationName).toBe("DepartmentBudgetTotals");
      expect(response.status(), JSON.stringify(body)).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data!.department.code).toBe("007");
      // The answer pane shows what the server sent.
      const total = body.data!.department.budget.expenditureTotal;
      await page.waitForFunction((t) => (document.querySelector(".graphiql-response")?.textContent ?? "").includes(t), `"${total}"`, { timeout: TIMEOUT });

      await page.screenshot({ path: join(SHOTS, "saved-operation-run.png") });
      await page.close();
      expect(failures).toEqual([]);
      expect(requests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
    },
    TIMEOUT * 3,
  );
});

describe.runIf(!haveChromium && chromiumRequired)("the IDE's browser test in CI", () => {
  it("needs Debian's chromium", () => {
    expect.fail(`${CHROMIUM} is not installed, and REQUIRE_MYSQL=1 / CI requires the IDE's browser test: apt-get install -y chromium fonts-noto-cjk (.ci/run does)`);
  });
});
