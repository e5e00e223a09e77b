import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ApolloServer } from "@apollo/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataSource } from "typeorm";
import type { Viewer } from "../../src/common/viewer";
import { type Context, createContext } from "../../src/context";
import type { Bundle } from "../../src/ingest/bundle/bundle.types";
import { readBundle } from "../../src/ingest/bundle/read-bundle";
import { importDocument } from "../../src/ingest/import";
import { loadBudget, rowTotals } from "../../src/ingest/load";
import { createApollo } from "../../src/server";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases";
import { departmentVariant, loadBundleObject, sampleBundle, sumWan } from "../helpers/fixtures";
import { TestServer } from "../helpers/server";

/**
 * Every role against every department and entry point. Departments A and B each have a
 * published version 1 and a newer draft version 2 that differs by a distinctive amount (and a
 * project and an indicator named 草稿…); C has a draft only; A has a published 决算. Each cell
 * asks one entry point as one viewer and compares the answer with what that viewer may see:
 * the public the published versions, a department its own draft and the others' published
 * versions, the finance bureau and administrators every current version.
 */

const A = "007";
const B = "101";
const C = "102";
const DEPARTMENTS = [A, B, C] as const;
type Code = (typeof DEPARTMENTS)[number];
/** What each draft adds, in 万元, to its total, one subject line, one row total, one economic line and one project. */
const DELTA: Record<Code, string> = { [A]: "1000.01", [B]: "2000.02", [C]: "3000.03" };

const VIEWERS: Record<string, Viewer> = {
  PUBLIC: { role: "PUBLIC", actor: "anonymous" },
  DEPARTMENT_A: { role: "DEPARTMENT", departmentId: -1, actor: "dept-a" },
  DEPARTMENT_B: { role: "DEPARTMENT", departmentId: -1, actor: "dept-b" },
  FINANCE: { role: "FINANCE", actor: "finance" },
  ADMIN: { role: "ADMIN", actor: "admin" },
};
const VIEWER_NAMES = Object.keys(VIEWERS);

const add = (a: string, b: string) => sumWan([a, b]);
const norm = (v: string | null | undefined) => (v === null || v === undefined ? v : sumWan([v]));

function published(code: Code): Bundle {
  return code === A ? sampleBundle() : departmentVariant(code);
}

/** The draft: the published figures with DELTA added in five places and three names marked. */
function draft(code: Code): Bundle {
  const b = published(code);
  const d = DELTA[code];
  b.title = `草稿${code}`;
  b.stated.expenditureTotal = add(b.stated.expenditureTotal!, d);
  b.stated.incomeTotal = add(b.stated.incomeTotal!, d);
  b.subjectLines[0]!.amount = add(b.subjectLines[0]!.amount, d);
  const row = b.subjectRowTotals!.find((r) => r.subject === b.subjectLines[0]!.subject)!;
  row.amount = add(row.amount, d);
  b.economicLines[0]!.amount = add(b.economicLines[0]!.amount, d);
  b.projects[0]!.name = `草稿项目${code}`;
  b.projects[0]!.lines[0]!.amount = add(b.projects[0]!.lines[0]!.amount, d);
  b.projects[0]!.indicators![0]!.name = `草稿指标${code}`;
  return b;
}

/** Which version of a department's 2023 预算 a viewer's figures come from. */
function seen(viewer: string, code: Code): "draft" | "published" | null {
  if (viewer === "FINANCE" || viewer === "ADMIN") return "draft";
  if ((viewer === "DEPARTMENT_A" && code === A) || (viewer === "DEPARTMENT_B" && code === B)) return "draft";
  return code === C ? null : "published";
}
const bundleSeen = (viewer: string, code: Code) => {
  const s = seen(viewer, code);
  return s === null ? null : s === "draft" ? draft(code) : published(code);
};
/** Every row total the import stores for a bundle (printed, or summed where the row printed none), in 万元, for the rows `keep` picks. */
const rowTotalsOf = (b: Bundle, keep: (subject: string) => boolean = () => true) =>
  rowTotals(readBundle("x.json", b)).filter((r) => keep(r.subject)).map((r) => `${r.fen / 1_000_000n}.${(r.fen % 1_000_000n).toString().padStart(6, "0")}`);
const sumOver = (viewer: string, f: (b: Bundle) => string[]) => sumWan(DEPARTMENTS.flatMap((c) => { const b = bundleSeen(viewer, c); return b ? f(b) : []; }));

describe.each(DATABASE_KINDS)("[%s] access matrix: role × department × entry point", (kind) => {
  const db = freshDatabase(kind);
  let ds: DataSource;
  let apollo: ApolloServer<Context>;
  /** Discrepancies stored per department and version, and the 决算's, read from the database. */
  const findings = new Map<string, number>();
  let cells = 0;

  beforeAll(async () => {
    ds = await db.open();
    for (const code of DEPARTMENTS) {
      if (code !== C) await loadBundleObject(ds, published(code), `${code}-2023-v1.bundle.json`);
      const b = draft(code);
      const name = `${code}-2023-draft.bundle.json`;
      await loadBudget(ds, readBundle(name, b), { fileName: name, bytes: Buffer.from(JSON.stringify(b)), format: "BUNDLE" });
    }
    const final = await importDocument(ds, "007-2023-final.txt", readFileSync(join(__dirname, "..", "fixtures", "disclosures", "007-2023-final.txt")), { actor: "test", status: "PUBLISHED" });
    if (!final.ok) throw new Error(JSON.stringify(final.rejection));
    const ids = await ds.query("SELECT id, code FROM department");
    const idOf = (code: string) => Number(ids.find((r: { code: string }) => r.code === code).id);
    VIEWERS.DEPARTMENT_A!.departmentId = idOf(A);
    VIEWERS.DEPARTMENT_B!.departmentId = idOf(B);
    for (const r of await ds.query("SELECT d.code, b.stage, b.version, COUNT(x.id) AS n FROM department_budget b JOIN department d ON d.id = b.department_id LEFT JOIN discrepancy x ON x.budget_id = b.id GROUP BY d.code, b.stage, b.version")) {
      findings.set(`${r.code}/${r.stage}/${r.version}`, Number(r.n));
    }
    apollo = await createApollo();
    await apollo.start();
  }, 120_000);
  afterAll(async () => {
    console.log(`[${kind}] access matrix: ${cells} cells (viewer × department × entry point), each compared with what its viewer may see`);
    await apollo?.stop();
    await ds?.destroy();
    await db.drop();
  });

  async function ask(viewer: string, query: string, variables?: Record<string, unknown>): Promise<{ data: any; errors?: readonly any[] }> {
    const res = await apollo.executeOperation({ query, variables }, { contextValue: createContext(ds, { ...VIEWERS[viewer]! }) });
    if (res.body.kind !== "single") throw new Error("single result expected");
    return { data: res.body.singleResult.data, errors: res.body.singleResult.errors };
  }
  async function data(viewer: string, query: string, variables?: Record<string, unknown>): Promise<any> {
    const r = await ask(viewer, query, variables);
    if (r.errors?.length) throw new Error(JSON.stringify(r.errors));
    return r.data;
  }
  /** No marker of a draft the viewer may not see appears anywhere in the answer. */
  function noLeak(viewer: string, answer: unknown) {
    const text = JSON.stringify(answer);
    for (const code of DEPARTMENTS) {
      if (seen(viewer, code) === "draft") continue;
      expect(text).not.toContain(`草稿项目${code}`);
      expect(text).not.toContain(`草稿指标${code}`);
      expect(text).not.toContain(`"草稿${code}"`);
    }
  }

  describe.each(VIEWER_NAMES)("as %s", (viewer) => {
    it.each(DEPARTMENTS)("department(%s).budget and its nested fields come from the version the viewer may see", async (code) => {
      const d = await data(viewer, `query($code: String!) { department(code: $code) { code budget(year: 2023) {
          version title status isCurrent isPublic expenditureTotal incomeTotal subjectLines { amount } economicLines { amount }
          projects(first: 100) { totalCount nodes { name amount indicators { name } } } indicators { name } discrepancies { message } } } }`, { code });
      cells++;
      noLeak(viewer, d);
      const b = bundleSeen(viewer, code);
      const budget = d.department.budget;
      if (!b) return expect(budget).toBeNull();
      expect(budget).toMatchObject({ version: seen(viewer, code) === "draft" && code !== C ? 2 : 1, title: b.title, isCurrent: true, status: seen(viewer, code) === "draft" ? "DRAFT" : "PUBLISHED" });
      expect(budget.isPublic).toBe(seen(viewer, code) === "published");
      expect(norm(budget.expenditureTotal)).toBe(norm(b.stated.expenditureTotal));
      expect(norm(budget.incomeTotal)).toBe(norm(b.stated.incomeTotal));
      expect(sumWan(budget.subjectLines.map((l: any) => l.amount))).toBe(sumWan(b.subjectLines.map((l) => l.amount)));
      expect(sumWan(budget.economicLines.map((l: any) => l.amount))).toBe(sumWan(b.economicLines.map((l) => l.amount)));
      expect(budget.projects.totalCount).toBe(b.projects.length);
      expect(budget.projects.nodes.map((p: any) => p.name)).toEqual(b.projects.map((p) => p.name));
      expect(budget.discrepancies).toHaveLength(findings.get(`${code}/BUDGET/${budget.version}`)!);
    });

    it.each(DEPARTMENTS)("department(%s).budgets lists the versions the viewer may read", async (code) => {
      const d = await data(viewer, `query($code: String!) { department(code: $code) { current: budgets { version stage } all: budgets(includeSuperseded: true) { version stage status title } } }`, { code });
      cells++;
      noLeak(viewer, d);
      const budgets = (list: any[]) => list.filter((b) => b.stage === "BUDGET").map((b) => b.version);
      const s = seen(viewer, code);
      const draftVersion = code === C ? 1 : 2;
      expect(budgets(d.department.current)).toEqual(s === null ? [] : [s === "draft" ? draftVersion : 1]);
      expect(budgets(d.department.all)).toEqual(s === "draft" ? (code === C ? [1] : [1, 2]) : s === "published" ? [1] : []);
    });

    it("departments lists every department, each with the budgets in force for the viewer", async () => {
      const d = await data(viewer, `{ departments(first: 10) { totalCount nodes { code budgets { version stage } } } }`);
      cells++;
      expect(d.departments.totalCount).toBe(3);
      for (const code of DEPARTMENTS) {
        const s = seen(viewer, code);
        const got = d.departments.nodes.find((n: any) => n.code === code).budgets.filter((b: any) => b.stage === "BUDGET").map((b: any) => b.version);
        expect(got).toEqual(s === null ? [] : [s === "draft" && code !== C ? 2 : 1]);
      }
    });

    it("fiscalYears adds up the budgets in force for the viewer, and counts their departments", async () => {
      const d = await data(viewer, `{ fiscalYears { year stages expenditureTotal departmentCount departments { totalCount nodes { code } } } }`);
      cells++;
      const [y] = d.fiscalYears;
      const visible = DEPARTMENTS.filter((c) => seen(viewer, c) !== null);
      expect(y).toMatchObject({ year: 2023, stages: ["BUDGET", "FINAL"], departmentCount: visible.length, departments: { totalCount: visible.length } });
      expect(norm(y.expenditureTotal)).toBe(sumOver(viewer, (b) => [b.stated.expenditureTotal!]));
    });

    it("expenditure and expenditureGroups add up published data only for the public", async () => {
      const d = await data(viewer, `{ total: expenditure(filter: { years: [2023] }, groupBy: []) { amount }
        rolled: expenditure(filter: { years: [2023] }, groupBy: [DEPARTMENT], rollup: true) { isSubtotal department { code } amount }
        groups: expenditureGroups(filter: { years: [2023] }, groupBy: [DEPARTMENT]) { totalCount nodes { department { code } amount } } }`);
      cells++;
      // Subject aggregates add each row's printed total (合计), as the import stores them.
      const expected = sumOver(viewer, (b) => rowTotalsOf(b));
      expect(norm(d.total[0].amount)).toBe(expected);
      expect(norm(d.rolled.find((g: any) => g.isSubtotal).amount)).toBe(expected);
      const visible = DEPARTMENTS.filter((c) => seen(viewer, c) !== null);
      expect(d.groups.totalCount).toBe(visible.length);
      for (const code of visible) {
        expect(norm(d.groups.nodes.find((g: any) => g.department.code === code).amount)).toBe(sumWan(rowTotalsOf(bundleSeen(viewer, code)!)));
      }
    });

    it("departmentRanking ranks the budgets in force for the viewer", async () => {
      const d = await data(viewer, `{ departmentRanking(year: 2023, measure: EXPENDITURE_TOTAL) { departmentCount zoneValue ranked(first: 10) { totalCount nodes { department { code } value } } } }`);
      cells++;
      const r = d.departmentRanking;
      const visible = DEPARTMENTS.filter((c) => seen(viewer, c) !== null);
      expect(r.departmentCount).toBe(visible.length);
      expect(r.ranked.totalCount).toBe(visible.length);
      expect(norm(r.zoneValue)).toBe(sumOver(viewer, (b) => [b.stated.expenditureTotal!]));
      for (const code of visible) expect(norm(r.ranked.nodes.find((n: any) => n.department.code === code).value)).toBe(norm(bundleSeen(viewer, code)!.stated.expenditureTotal));
    });

    it("budgetDiscrepancies and discrepancies count the findings of the versions in force for the viewer", async () => {
      const d = await data(viewer, `{ budgetDiscrepancies(year: 2023, first: 100) { totalCount nodes { message } } discrepancies(year: 2023) { message } }`);
      cells++;
      const expected = DEPARTMENTS.reduce((n, code) => {
        const s = seen(viewer, code);
        return n + (s === null ? 0 : findings.get(`${code}/BUDGET/${s === "draft" && code !== C ? 2 : 1}`)!);
      }, findings.get(`${A}/FINAL/1`)!);
      expect(d.budgetDiscrepancies.totalCount).toBe(expected);
      expect(d.budgetDiscrepancies.nodes).toHaveLength(Math.min(expected, 100));
      expect(d.discrepancies).toHaveLength(expected);
      noLeak(viewer, d);
    });

    it("projects and indicators searches find a draft's projects only for those who may see it", async () => {
      const d = await data(viewer, `{ drafts: projects(filter: { nameContains: "草稿项目" }) { totalCount nodes { name department { code } } }
        all: projects(filter: { years: [2023] }) { totalCount }
        indicators(filter: { nameContains: "草稿指标" }) { totalCount nodes { name } }
        allIndicators: indicators(filter: { years: [2023] }) { totalCount } }`);
      cells++;
      const drafts = DEPARTMENTS.filter((c) => seen(viewer, c) === "draft");
      expect(d.drafts.nodes.map((p: any) => p.name).sort()).toEqual(drafts.map((c) => `草稿项目${c}`).sort());
      expect(d.drafts.totalCount).toBe(drafts.length);
      expect(d.indicators.nodes.map((i: any) => i.name).sort()).toEqual(drafts.map((c) => `草稿指标${c}`).sort());
      const projects = DEPARTMENTS.reduce((n, c) => n + (bundleSeen(viewer, c)?.projects.length ?? 0), 0);
      expect(d.all.totalCount).toBe(projects);
      const indicators = DEPARTMENTS.reduce((n, c) => { const b = bundleSeen(viewer, c); return n + (b ? b.departmentIndicators.length + b.projects.reduce((k, p) => k + (p.indicators?.length ?? 0), 0) : 0); }, 0);
      expect(d.allIndicators.totalCount).toBe(indicators);
    });

    it("subject and economic code usage add up what the viewer may see", async () => {
      const sample = sampleBundle();
      const subject = sample.subjectLines[0]!.subject;
      const economic = sample.economicLines[0]!.deptCode;
      const d = await data(viewer, `query($s: String!, $e: String!) { subjectCode(code: $s) { expenditure(year: 2023) } economicCode(code: $e) { expenditure(year: 2023) } }`, { s: subject, e: economic });
      cells++;
      expect(norm(d.subjectCode.expenditure)).toBe(sumOver(viewer, (b) => rowTotalsOf(b, (s) => s.startsWith(subject))));
      expect(norm(d.economicCode.expenditure)).toBe(sumOver(viewer, (b) => b.economicLines.filter((l) => l.deptCode.startsWith(economic)).map((l) => l.amount)));
    });

    it("execution sets the published 决算 against the 预算 in force for the viewer", async () => {
      const d = await data(viewer, `{ department(code: "${A}") { budget(year: 2023) { execution { basis budgeted final } } }
        execution(groupBy: [DEPARTMENT], filter: { years: [2023] }) { totalCount nodes { department { code } budgeted final finalCount } } }`);
      cells++;
      const plan = bundleSeen(viewer, A)!;
      const e = d.department.budget.execution;
      expect(e.basis).toBe("BUDGET_DOCUMENT");
      expect(norm(e.budgeted)).toBe(norm(plan.stated.expenditureTotal));
      expect(d.execution.totalCount).toBe(1);
      const group = d.execution.nodes[0];
      expect(group).toMatchObject({ department: { code: A }, finalCount: 1 });
      // The grouping adds the 预算's row totals; the draft's differ by its delta.
      expect(norm(group.budgeted)).toBe(sumWan(rowTotalsOf(plan)));
    });

    it("publishBudget and withdrawBudget are the finance bureau's; others get FORBIDDEN and change nothing", async () => {
      cells += 2;
      if (viewer === "FINANCE" || viewer === "ADMIN") {
        // Publishing what is already public is a userError, not a change.
        const again = await data(viewer, `mutation { publishBudget(input: { departmentCode: "${A}", year: 2023, stage: FINAL }) { budget { version isPublic } userErrors { message field } } }`);
        expect(again.publishBudget).toEqual({ budget: { version: 1, isPublic: true }, userErrors: [{ message: expect.stringMatching(/^nothing to publish: version 1 of 007 2023 FINAL is already the published one/), field: null }] });
        const none = await data(viewer, `mutation { withdrawBudget(input: { departmentCode: "999", year: 2023 }) { budget { version } userErrors { message field } } }`);
        expect(none.withdrawBudget).toEqual({ budget: null, userErrors: [{ message: "nothing to withdraw: there is no department 999", field: ["input", "departmentCode"] }] });
        return;
      }
      const refusedSoFar = await lastAuditId();
      for (const m of ["publishBudget", "withdrawBudget"]) {
        const r = await ask(viewer, `mutation { ${m}(input: { departmentCode: "${viewer === "DEPARTMENT_B" ? B : A}", year: 2023 }) { userErrors { message } } }`);
        expect(r.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
      }
      const [{ n }] = await ds.query("SELECT COUNT(*) AS n FROM department_budget WHERE is_public = 1");
      expect(Number(n)).toBe(3);
      // Each refusal is in the audit log, under the viewer's name.
      const refused = await ds.query("SELECT actor, action, outcome FROM audit_event WHERE id > ? AND outcome = 'REJECTED' AND detail LIKE 'role %' ORDER BY id", [refusedSoFar]);
      expect(refused).toEqual([{ actor: VIEWERS[viewer]!.actor, action: "PUBLISH", outcome: "REJECTED" }, { actor: VIEWERS[viewer]!.actor, action: "WITHDRAW", outcome: "REJECTED" }]);
    });
  });

  it("publishing a draft replaces the published version in public view; withdrawing leaves none public", async () => {
    const before = await lastAuditId();
    try {
      await publishThenWithdraw(before);
    } finally {
      // Back as it was, whatever failed, for the tests that run after this one in any order.
      await ds.query("UPDATE department_budget SET is_public = CASE WHEN version = 1 THEN 1 ELSE 0 END, status = CASE WHEN version = 1 THEN 'PUBLISHED' ELSE 'DRAFT' END WHERE department_id = ? AND stage = 'BUDGET'", [VIEWERS.DEPARTMENT_B!.departmentId]);
    }
  });

  async function lastAuditId(): Promise<number> {
    const [{ id }] = await ds.query("SELECT COALESCE(MAX(id), 0) AS id FROM audit_event");
    return Number(id);
  }

  async function publishThenWithdraw(auditFrom: number) {
    const publicBudget = async (code: string) => (await data("PUBLIC", `{ department(code: "${code}") { budget(year: 2023) { version title } budgets(includeSuperseded: true) { version stage status } } }`)).department;
    const p = await data("FINANCE", `mutation { publishBudget(input: { departmentCode: "${B}", year: 2023 }) { budget { version status isPublic } userErrors { message } } }`);
    expect(p.publishBudget).toEqual({ budget: { version: 2, status: "PUBLISHED", isPublic: true }, userErrors: [] });
    expect((await publicBudget(B)).budget).toEqual({ version: 2, title: `草稿${B}` });
    // Department A, as the public sees it, is unchanged by B's publication.
    expect((await publicBudget(A)).budget).toEqual({ version: 1, title: sampleBundle().title });
    const w = await data("ADMIN", `mutation { withdrawBudget(input: { departmentCode: "${B}", year: 2023, stage: BUDGET }) { budget { version status isPublic } userErrors { message } } }`);
    expect(w.withdrawBudget).toEqual({ budget: { version: 2, status: "WITHDRAWN", isPublic: false }, userErrors: [] });
    expect(await publicBudget(B)).toEqual({ budget: null, budgets: [] });
    // Its own department still sees its versions; withdrawn ones say so.
    const own = await data("DEPARTMENT_B", `{ department(code: "${B}") { budget(year: 2023) { version status } budgets(includeSuperseded: true) { version status } } }`);
    expect(own.department).toEqual({ budget: { version: 2, status: "WITHDRAWN" }, budgets: [{ version: 1, status: "WITHDRAWN" }, { version: 2, status: "WITHDRAWN" }] });
    const audit = await ds.query("SELECT actor, action, target, outcome FROM audit_event WHERE id > ? AND action IN ('PUBLISH', 'WITHDRAW') AND outcome = 'OK' ORDER BY id", [auditFrom]);
    expect(audit).toEqual([
      { actor: "finance", action: "PUBLISH", target: `${B}/2023/BUDGET/v2`, outcome: "OK" },
      { actor: "admin", action: "WITHDRAW", target: `${B}/2023/BUDGET/v2`, outcome: "OK" },
    ]);
  }

  it("over HTTP, the administrator's token sees the draft and an anonymous caller the published version", async () => {
    const server = await TestServer.start(ds);
    process.env.ADMIN_TOKEN = "matrix-token";
    try {
      const query = JSON.stringify({ query: `{ department(code: "${A}") { budget(year: 2023) { version title } } }` });
      const post = (headers: Record<string, string>) => fetch(server.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: query }).then((r) => r.json() as Promise<any>);
      expect((await post({ authorization: "Bearer matrix-token" })).data.department.budget).toEqual({ version: 2, title: `草稿${A}` });
      expect((await post({})).data.department.budget).toEqual({ version: 1, title: sampleBundle().title });
      cells += 2;
    } finally {
      delete process.env.ADMIN_TOKEN;
      await server.stop();
    }
  });
});
