import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import Ajv from "ajv/dist/2020";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataSource } from "typeorm";
import bundleSchema from "../../schema/bundle.schema.json";
import { redactUrl } from "../../src/config";
import { exportBundle } from "../../src/ingest/export";
import { importDocument } from "../../src/ingest/import";
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from "../helpers/databases";
import { editLine, lineOf, seedAvailable, seedText, SEED_FILE } from "../helpers/seed";
import { rowCounts } from "../helpers/row-counts";
import { TestServer } from "../helpers/server";

function cli(db: TestDatabase, args: string[]) {
  return spawnSync("npx", ["tsx", "src/cli/main.ts", ...args], { env: { ...process.env, DATABASE_URL: db.config.url }, encoding: "utf8", timeout: 120_000 });
}

const name = seedAvailable ? basename(SEED_FILE!) : "";
const REVISED = (t: string) => t.replace("响应政府过紧日子要求，进一步收紧支出；支出减少", "压减一般性支出；支出减少");

/** Broken copies of the seed: each must be refused with file, line and problem, writing nothing. */
const BROKEN: [string, (t: string) => { text: string; line: number | null; problem: RegExp }][] = [
  ["a garbled number in a table", (t) => {
    const line = lineOf(t, "208\t01\t06");
    return { text: editLine(t, line, "260.0", "26O.0"), line, problem: /"26O\.0" is not an amount/ };
  }],
  ["a garbled number in the narrative", (t) => {
    const line = lineOf(t, "收入总计 8562.6 万元");
    return { text: editLine(t, line, "收入总计 8562.6", "收入总计 85,62..6"), line, problem: /not an amount/ };
  }],
  ["a truncated document", (t) => {
    const cut = t.split("\n").slice(0, lineOf(t, "## 2023年一般公共预算基本支出表") + 8).join("\n");
    return { text: cut, line: cut.split("\n").length, problem: /truncated/ };
  }],
  ["a missing year", (t) => ({ text: t.replace("# 2023 年人力资源局部门预算公开", "# 人力资源局部门预算公开"), line: lineOf(t, "# 2023 年人力资源局部门预算公开"), problem: /names no year/ })],
  ["a missing department", (t) => ({ text: t.replace(/部门名称： 郑州高新技术产业开发区管委会人力资源局/g, ""), line: lineOf(t, "## 2023年部门收支总体情况表"), problem: /no table prints 部门名称/ })],
  ["a table that cannot be read", (t) => {
    const head = lineOf(t, "## 2023年一般公共预算基本支出表");
    const lines = t.split("\n");
    for (let i = head; i < head + 30; i++) if (/^(合计|30\d{3})\t/.test(lines[i] ?? "")) lines[i] = lines[i]!.replace(/\t/g, "  ");
    return { text: lines.join("\n"), line: head, problem: /cannot read “一般公共预算基本支出表”/ };
  }],
  ["bytes that are not UTF-8", (t) => ({ text: t.slice(0, 2000) + "\uFFFD" + t.slice(2000), line: null, problem: /not UTF-8/ })],
];

describe.skipIf(!seedAvailable).each(DATABASE_KINDS)("[%s] importing disclosures", (kind) => {
  const db = freshDatabase(kind);
  // Refused documents go to this database; a test that imports one uses a database of its own.
  let ds: DataSource;
  const dir = mkdtempSync(join(tmpdir(), "budget-import-"));

  beforeAll(async () => {
    ds = await db.open();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db.drop();
  });

  /** A database of the test's own, with a server over it: what one test imports, no other sees. */
  async function ownDatabase<T>(run: (own: { db: TestDatabase; ds: DataSource; server: TestServer }) => Promise<T>): Promise<T> {
    const db = freshDatabase(kind);
    const ds = await db.open();
    const server = await TestServer.start(ds);
    try {
      return await run({ db, ds, server });
    } finally {
      await server.stop();
      await ds.destroy();
      await db.drop();
    }
  }
  const importText = async (into: DataSource, fileName: string, text: string) => {
    const outcome = await importDocument(into, fileName, Buffer.from(text, "utf8"), { actor: "test", status: "PUBLISHED" });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.rejection));
    return outcome;
  };

  it("imports the seed from the command line with a summary, and again as a no-op", async () => {
    await ownDatabase(async ({ db }) => {
      const first = cli(db, ["import", "--json", SEED_FILE!]);
      expect(first.status, first.stderr).toBe(0);
      const out = JSON.parse(first.stdout);
      const [s] = out.files;
      expect(s).toMatchObject({ file: name, status: "imported", format: "DISCLOSURE_TEXT", department: "007", year: 2023, stage: "BUDGET", version: 1 });
      expect(out.totals).toMatchObject({ files: 1, imported: 1, rejected: 0, figures: s.figures, discrepancies: s.discrepancies });
      expect(s.tables).toMatchObject({ read: 9, listed: 13 });
      expect(s.tables.missing).toHaveLength(4);
      expect(s.discrepancies.NAMING).toBeGreaterThan(0);
      const again = cli(db, ["import", SEED_FILE!]);
      expect(again.status).toBe(0);
      expect(again.stdout).toContain("already imported");
    });
  });

  it.each(BROKEN)("refuses %s, naming the file, line and problem, and writes nothing", async (_what, breakIt) => {
    const broken = breakIt(seedText());
    const before = await rowCounts(ds);
    const outcome = await importDocument(ds, `broken-${name}`, Buffer.from(broken.text, "utf8"), { actor: "test", status: "PUBLISHED" });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const [problem] = outcome.rejection.problems;
    expect(problem!.message).toMatch(problem!.line === null ? new RegExp(`^broken-${name}: `) : new RegExp(`^broken-${name}:${problem!.line}: `));
    expect(problem!.message).toMatch(broken.problem);
    expect(problem!.line).toBe(broken.line);
    expect(await rowCounts(ds)).toEqual(before);
  });

  it("exits non-zero on a rejected document and prints where", () => {
    const file = join(dir, "garbled.txt");
    const t = seedText();
    const line = lineOf(t, "208\t01\t06");
    writeFileSync(file, editLine(t, line, "260.0", "26O.0"));
    const r = cli(db, ["import", file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`garbled.txt:${line}:`);
  });

  it("makes a changed document the next version and keeps the first retrievable", async () => {
    await ownDatabase(async ({ db, ds, server }) => {
      await importText(ds, name, seedText());
      const file = join(dir, "revised.txt");
      writeFileSync(file, REVISED(seedText()));
      expect(cli(db, ["import", "--publish", file]).status).toBe(0);
      const data = await server.query<any, unknown>(`{ department(code: "007") { budget(year: 2023) { version sourceDocument { fileName } }
        budgets(includeSuperseded: true) { version isCurrent sourceDocument { fileName } } } }`);
      expect(data.department.budget).toEqual({ version: 2, sourceDocument: { fileName: "revised.txt" } });
      expect(data.department.budgets).toEqual([
        { version: 1, isCurrent: false, sourceDocument: { fileName: name } },
        { version: 2, isCurrent: true, sourceDocument: { fileName: "revised.txt" } },
      ]);
    });
  });

  it("imports through GraphQL only with a token, reporting userErrors with the line", async () => {
    await ownDatabase(async ({ ds, server }) => {
      // The seed's bytes as version 1, replaced by a revision as version 2.
      await importText(ds, name, seedText());
      expect((await importText(ds, "revised.txt", REVISED(seedText()))).load).toMatchObject({ version: 2 });
      const mutation = `mutation($input: ImportDisclosureInput!) { importDisclosure(input: $input) {
        budget { year version } format unchanged userErrors { message line field } discrepancies { ruleId } findings { ruleId } } }`;
      const anonymous = await server.query<any, unknown>(mutation, { input: { document: seedText(), fileName: name } });
      expect(anonymous.importDisclosure.userErrors[0].message).toMatch(/token/);
      process.env.ADMIN_TOKEN = "test-token";
      try {
        const post = (input: object) =>
          fetch(server.url, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: "Bearer test-token" },
            body: JSON.stringify({ query: mutation, variables: { input } }),
          }).then((r) => r.json() as Promise<any>);
        // Importing version 1's bytes again puts version 1 back in force.
        const back = (await post({ document: seedText(), fileName: name })).data.importDisclosure;
        expect(back).toMatchObject({ unchanged: false, format: "DISCLOSURE_TEXT", userErrors: [], budget: { year: 2023, version: 1 } });
        const same = (await post({ document: seedText(), fileName: name })).data.importDisclosure;
        expect(same).toMatchObject({ unchanged: true, budget: { year: 2023, version: 1 } });
        const t = seedText();
        const line = lineOf(t, "30201\t办公费");
        const bad = (await post({ document: editLine(t, line, "20.0", "2O.0"), fileName: "bad.txt" })).data.importDisclosure;
        expect(bad.budget).toBeNull();
        expect(bad.userErrors).toEqual([{ message: expect.stringContaining(`bad.txt:${line}:`), line, field: null }]);
        const dry = (await post({ document: t.replace("8562.6 万元，支出总计", "8562.7 万元，支出总计"), fileName: "dry.txt", dryRun: true })).data.importDisclosure;
        expect(dry.budget).toBeNull();
        expect(dry.findings.map((f: any) => f.ruleId)).toContain("NARRATIVE_MATCHES_TABLES");
      } finally {
        delete process.env.ADMIN_TOKEN;
      }
    });
  });

  it("exports a bundle that imports elsewhere to the same budget (lossless)", async () => {
    await ownDatabase(async ({ ds }) => {
      const id = (await importText(ds, name, seedText())).load!.budgetId;
      const bundle = await exportBundle(ds, id);
      const validate = new Ajv({ allErrors: true, strict: false }).compile(bundleSchema);
      expect(validate(bundle), JSON.stringify(validate.errors)).toBe(true);

      await ownDatabase(async ({ ds: ds2 }) => {
        const id2 = (await importText(ds2, "007-2023.bundle.json", JSON.stringify(bundle))).load!.budgetId;
        expect(await exportBundle(ds2, id2)).toEqual(bundle);
        // The rows' printed totals travel too, and stay printed (行政运行's 4550.7, not its cells' 4550.8).
        const rowTotals = async (d: DataSource, budget: number) =>
          (await d.query("SELECT subject_code, amount_fen, printed FROM subject_row_total WHERE budget_id = ? ORDER BY subject_code", [budget])).map((r: any) => [r.subject_code, String(r.amount_fen), Number(r.printed)]);
        expect(bundle.subjectRowTotals?.find((r) => r.subject === "2080101")?.amount).toBe("4550.7");
        expect(await rowTotals(ds2, id2)).toEqual(await rowTotals(ds, id));
        const findings = async (d: DataSource, budget: number) =>
          (await d.query("SELECT rule_id, severity, stated, computed FROM discrepancy WHERE budget_id = ? ORDER BY rule_id, stated, computed", [budget])).map((r: any) => [r.rule_id, r.severity, r.stated, r.computed]);
        const found = await findings(ds, id);
        expect(found.length).toBeGreaterThan(0);
        expect(await findings(ds2, id2)).toEqual(found);
      });
    });
  });

  it("never prints a database password in errors", () => {
    expect(redactUrl("mysql://u:p@h/db")).not.toContain(":p@");
  });
});
