import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataSource } from "typeorm";
import { ExecutionByDepartmentDocument, LinesOffBudgetDocument } from "../../schema/generated/operations";
import { parseAmount } from "../../src/common/money";
import { documentFindings } from "../../src/ingest/checks";
import { importDocument, readModel } from "../../src/ingest/import";
import type { BudgetModel } from "../../src/ingest/model";
import { SAMPLE_FILE } from "../../src/ingest/sample";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases";
import { FINAL_ORIGINAL, renderFinalOriginal } from "../fixtures/originals/render";
import { modelFacts } from "../helpers/model-facts";
import { rowCounts } from "../helpers/row-counts";
import { TestServer } from "../helpers/server";

const FINAL_FILE = join(__dirname, "..", "fixtures", "disclosures", "007-2023-final.txt");
const ORIGINALS = join(__dirname, "..", "fixtures", "originals");
const finalText = readFileSync(FINAL_FILE, "utf8");
const budgetBytes = readFileSync(SAMPLE_FILE);

/** The 决算 with `from` replaced by `to` on the line that holds `marker` (the marker must be found once). */
function edited(marker: string | RegExp, from: string, to: string): Buffer {
  const lines = finalText.split("\n");
  const at = lines.flatMap((l, i) => ((typeof marker === "string" ? l.includes(marker) : marker.test(l)) ? [i] : []));
  expect(at, String(marker)).toHaveLength(1);
  expect(lines[at[0]!]).toContain(from);
  lines[at[0]!] = lines[at[0]!]!.replace(from, to);
  return Buffer.from(lines.join("\n"));
}

const readFinal = async (bytes: Buffer = Buffer.from(finalText), name = "007-2023-final.txt") => (await readModel(name, bytes)).model;
/** What an import of it would report. */
const findingsOf = async (bytes: Buffer) => documentFindings(await readFinal(bytes), "007-2023-final.txt");
const fen = (s: string) => parseAmount(s, "WAN_YUAN");
const sum = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);

/** What the 预算 printed per 项: its 部门支出总体情况表's row totals. */
function budgetedBySubject(plan: BudgetModel): Map<string, bigint> {
  return new Map(plan.publishedFigures.filter((f) => f.tableKind === "EXPENDITURE" && f.columnLabel === "合计" && f.subjectCode).map((f) => [f.subjectCode!, f.fen]));
}

/** final ÷ budgeted × 100 to 2 places, half away from zero (all figures here are positive). */
const rateOf = (final: bigint, budgeted: bigint) => {
  const hundredths = (final * 20000n + budgeted) / (2n * budgeted);
  return `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, "0")}`;
};

describe("reading a 部门决算", () => {
  it("reads the stage, year, department and every 项 spent with its year-begin budget, which is the 预算's printed row total", async () => {
    const final = await readFinal();
    const plan = (await readModel("007-2023.txt", budgetBytes)).model;
    expect(final).toMatchObject({ stage: "FINAL", year: 2023 });
    expect(final.department.code).toBe(plan.department.code);
    expect(final.department.units.find((u) => u.isSelf)?.code).toBe("007001");

    const spent = new Map<string, bigint>();
    for (const l of final.subjectLines) spent.set(l.subject, (spent.get(l.subject) ?? 0n) + l.fen);
    expect(sum([...spent.values()])).toBe(final.stated.expenditureTotal);

    const planned = budgetedBySubject(plan);
    const yearBegin = new Map(final.yearBegin.map((y) => [y.subject, y.fen]));
    expect([...yearBegin.keys()].sort()).toEqual([...planned.keys()].sort());
    for (const [code, amount] of planned) expect(yearBegin.get(code), code).toBe(amount);
    // One 项 was spent on that the 预算 never had.
    expect([...spent.keys()].filter((c) => !planned.has(c))).toEqual(["2089999"]);
  });

  it("states execution in its narrative, each statement agreeing with the tables", async () => {
    const final = await readFinal();
    const statements = final.claims.filter((c) => c.budgeted !== null);
    const yearBegin = new Map(final.yearBegin.map((y) => [y.subject, y.fen]));
    const spentOn = new Set(final.subjectLines.map((l) => l.subject));
    expect(statements.filter((c) => c.topic === "EXECUTION").map((c) => c.subject).sort()).toEqual([...spentOn].sort());
    expect(statements.find((c) => c.topic === "EXECUTION_TOTAL")).toMatchObject({ budgeted: final.yearBeginTotal, amount: final.stated.expenditureTotal });
    for (const c of statements.filter((s) => s.subject)) {
      expect(c.budgeted, c.label!).toBe(yearBegin.get(c.subject!) ?? 0n);
      expect(c.amount, c.label!).toBe(sum(final.subjectLines.filter((l) => l.subject === c.subject).map((l) => l.fen)));
    }
    // The only finding is the seed's own rounding: its 合计 of 年初预算数 is 0.1 under the sum of its 类.
    expect((await findingsOf(Buffer.from(finalText))).map((f) => [f.ruleId, f.severity])).toEqual([["FINAL_TOTAL_EQUALS_CLASSES", "ROUNDING"]]);
  });

  it.each(["007-2023-final.pdf", "007-2023-final.xlsx"])("reads %s as its text: every figure, line, claim and finding", async (name) => {
    const original = await readFinal(readFileSync(join(ORIGINALS, name)), name);
    expect(modelFacts(original)).toEqual(modelFacts(await readFinal()));
  });

  it("has its committed workbook a fresh render of its text", async () => {
    expect(readFileSync(join(ORIGINALS, FINAL_ORIGINAL.file)).equals(await renderFinalOriginal())).toBe(true);
  });

  it.each([
    ["a completion rate the figures do not give", "行政运行（项）", "完成年初预算的99.7%", "完成年初预算的97.7%", "NARRATIVE_COMPLETION_RATE"],
    ["a year-begin budget the tables do not print", "行政运行（项）", "年初预算为4550.7万元", "年初预算为4505.7万元", "NARRATIVE_BUDGET_MATCHES_TABLES"],
    ["a total budget the tables do not print", "完成年初预算的99.4%", "年初预算为8562.6万元", "年初预算为8652.6万元", "NARRATIVE_BUDGET_MATCHES_TABLES"],
  ])("reports a narrative stating %s, in its section", async (_what, marker, from, to, rule) => {
    const findings = (await findingsOf(edited(marker, from, to))).filter((f) => f.ruleId === rule);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe("MATERIAL");
    expect(findings[0]!.location).toMatch(/^007-2023-final\.txt 说明 五、一般公共预算财政拨款支出决算情况说明/);
  });

  it("reports a 项's spending edited in one table as MATERIAL where the tables disagree", async () => {
    // The 支出决算表's row: 本年支出合计, 基本支出, and nothing in the other columns.
    const findings = await findingsOf(edited(/^208\t01\t01\t行政运行\t4,538\.2\t4,538\.2\t{4}$/, "行政运行	4,538.2", "行政运行	4,583.2"));
    expect(findings.filter((f) => f.severity === "MATERIAL").map((f) => f.ruleId)).toContain("FINAL_ROW_PARTS_SUM");
  });

  it("refuses a 决算 with a table of another year, naming the table's line", async () => {
    const line = finalText.split("\n").indexOf("## 2023年度支出决算表") + 1;
    await expect(readFinal(edited("## 2023年度支出决算表", "2023", "2022"))).rejects.toThrow(
      new RegExp(`^007-2023-final\\.txt:${line}: table “2022年支出决算表” is of 2022, but the document's title \\(line 1\\) is of 2023$`),
    );
  });

  it("refuses a 决算 with a table of another department, naming the table's line", async () => {
    const lines = finalText.split("\n");
    const table = lines.indexOf("## 2023年度收入决算表");
    const copy = [...lines];
    copy[table + 2] = copy[table + 2]!.replace("人力资源局", "财政局");
    await expect(readFinal(Buffer.from(copy.join("\n")))).rejects.toThrow(new RegExp(`^007-2023-final\\.txt:${table + 1}: table “收入决算表” is of 部门名称 “郑州高新技术产业开发区管委会财政局”, not of the document's department “人力资源局”$`));
  });

  it("refuses a 决算 that prints no department code, naming the file", async () => {
    await expect(readFinal(edited("单位编码007001", "（单位编码007001，本级）", ""))).rejects.toThrow(/^007-2023-final\.txt:\d+: no department code/);
  });
});

const EXECUTION = `query Execution($deviation: Decimal) {
  department(code: "007") {
    budget(year: 2023, stage: FINAL) {
      expenditureTotal
      execution { budgeted final rate basis reason lines { subjectCode { code } budgeted final rate basis } threePublic { item budgeted final } }
      narrativeClaims { subjectCode label amount budgeted completionPercent }
      discrepancies { ruleId severity message }
    }
    plan: budget(year: 2023) { discrepancies { ruleId severity message } execution { budgeted final rate basis } }
  }
  byDepartment: execution(groupBy: [DEPARTMENT], filter: { years: [2023] }) { totalCount nodes { department { code } budgeted final rate basis finalCount } }
  offBudget: execution(groupBy: [SUBJECT_ITEM], filter: { deviationAtLeast: $deviation }) { totalCount nodes { subjectCode { code } budgeted final rate basis } }
  ranking: departmentRanking(year: 2023, measure: EXECUTION_RATE) { stage zoneValue ranked(first: 10) { nodes { rank value department { code } } } }
}`;

describe.each(DATABASE_KINDS)("[%s] a 决算 beside its 预算, through the API", (kind) => {
  let ds: DataSource;
  let db: ReturnType<typeof freshDatabase>;
  let server: TestServer;
  let plan: BudgetModel;
  let final: BudgetModel;

  beforeAll(async () => {
    plan = (await readModel("007-2023.txt", budgetBytes)).model;
    final = await readFinal();
  });

  async function fresh(): Promise<void> {
    await server?.stop();
    await ds?.destroy();
    await db?.drop();
    db = freshDatabase(kind);
    ds = await db.open();
    server = await TestServer.start(ds);
  }
  afterAll(async () => {
    await server?.stop();
    await ds?.destroy();
    await db?.drop();
  });

  async function load(name: string, bytes: Buffer): Promise<void> {
    const outcome = await importDocument(ds, name, bytes, { actor: "test", status: "PUBLISHED" });
    expect(outcome.ok, outcome.ok ? "" : outcome.rejection.problems.map((p) => p.message).join("; ")).toBe(true);
  }
  const ask = (deviation = "10") => server.query<any, unknown>(EXECUTION, { deviation });

  async function bothImported(): Promise<void> {
    await fresh();
    await load("007-2023.txt", budgetBytes);
    await load("007-2023-final.txt", Buffer.from(finalText));
  }

  it("gives each 项's execution against the imported 预算, the department's, and the lines off budget", async () => {
    await bothImported();
    const data = await ask();
    const e = data.department.budget.execution;
    const planned = budgetedBySubject(plan);
    const spent = new Map<string, bigint>();
    for (const l of final.subjectLines) spent.set(l.subject, (spent.get(l.subject) ?? 0n) + l.fen);

    expect(e).toMatchObject({ basis: "BUDGET_DOCUMENT", reason: null });
    // The 预算 answers with the execution of its year's 决算.
    expect(data.department.plan.execution).toEqual({ budgeted: e.budgeted, final: e.final, rate: e.rate, basis: e.basis });
    expect(fen(e.budgeted)).toBe(plan.stated.expenditureTotal);
    expect(fen(e.final)).toBe(final.stated.expenditureTotal);
    expect(e.rate).toBe(rateOf(fen(e.final), fen(e.budgeted)));
    expect(e.lines.map((l: any) => l.subjectCode.code)).toEqual([...spent.keys()].sort());
    for (const l of e.lines) {
      const b = planned.get(l.subjectCode.code) ?? 0n;
      expect(l, l.subjectCode.code).toMatchObject({ basis: "BUDGET_DOCUMENT", rate: b === 0n ? null : rateOf(spent.get(l.subjectCode.code)!, b) });
      expect([fen(l.budgeted), fen(l.final)]).toEqual([b, spent.get(l.subjectCode.code)]);
    }
    expect(e.threePublic.map((t: any) => t.item)).toEqual(["total", "overseasTravel", "vehicles", "vehiclePurchase", "vehicleOperation", "reception"]);

    // The department's group adds up its 项 (the printed grain); its budget-level figure is the printed total.
    const [dept] = data.byDepartment.nodes;
    expect(data.byDepartment.totalCount).toBe(1);
    expect(dept).toMatchObject({ department: { code: "007" }, basis: "BUDGET_DOCUMENT", finalCount: 1 });
    expect(fen(dept.budgeted)).toBe(sum([...planned.values()]));
    expect(fen(dept.final)).toBe(sum([...spent.values()]));

    const off = [...spent.keys()].filter((c) => {
      const b = planned.get(c) ?? 0n;
      const d = spent.get(c)! - b;
      return b === 0n ? d !== 0n : (d < 0n ? -d : d) * 10n >= b;
    });
    expect(off.length).toBeGreaterThan(1);
    expect(data.offBudget.nodes.map((n: any) => n.subjectCode.code)).toEqual(off.sort());
    expect(data.offBudget.totalCount).toBe(off.length);
    expect((await ask("0")).offBudget.totalCount).toBe(spent.size);
    expect((await ask("10.000")).offBudget.totalCount).toBe(off.length);
    // A finer threshold than rates are given in is refused, not cut to two decimals.
    const finer = await server.request(EXECUTION, { deviation: "9.995" });
    expect(finer.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "filter.deviationAtLeast" });

    // Ranked by execution rate, the 决算s are ranked whatever stage was asked, at the budget's rate.
    expect(data.ranking).toMatchObject({ stage: "FINAL", zoneValue: e.rate, ranked: { nodes: [{ rank: 1, value: e.rate, department: { code: "007" } }] } });
  });

  it("answers the saved analyses: execution by department, and the lines more than 10% off budget", async () => {
    await bothImported();
    const planned = budgetedBySubject(plan);
    const byDept = await server.query(ExecutionByDepartmentDocument, { year: 2023 });
    expect(byDept.execution.nodes).toEqual([
      { department: { code: "007", shortName: "人力资源局" }, budgeted: expect.any(String), final: expect.any(String), rate: expect.any(String), basis: "BUDGET_DOCUMENT" },
    ]);
    const [dept] = byDept.execution.nodes;
    expect(fen(dept!.budgeted!)).toBe(sum([...planned.values()]));
    expect(dept!.rate).toBe(rateOf(fen(dept!.final), fen(dept!.budgeted!)));

    const off = await server.query(LinesOffBudgetDocument, { year: 2023 });
    expect(off.execution.totalCount).toBeGreaterThan(0);
    for (const n of off.execution.nodes) {
      const b = fen(n.budgeted!);
      const d = fen(n.final) - b;
      expect(b === 0n ? d !== 0n : (d < 0n ? -d : d) * 10n >= b, n.subjectCode!.code).toBe(true);
    }
    const all = (await ask("0")).offBudget.nodes.filter((n: any) => {
      const b = fen(n.budgeted);
      const d = fen(n.final) - b;
      return b === 0n ? d !== 0n : (d < 0n ? -d : d) * 10n >= b;
    });
    expect(off.execution.nodes.map((n) => n.subjectCode!.code)).toEqual(all.map((n: any) => n.subjectCode.code));
  });

  it("gives the narrative's execution statements as printed", async () => {
    await bothImported();
    const claims = (await ask()).department.budget.narrativeClaims.filter((c: any) => c.budgeted !== null);
    const line = claims.find((c: any) => c.subjectCode === "2080101");
    const printed = /行政运行（项）。年初预算为([\d.]+)万元，支出决算为([\d.]+)万元，完成年初预算的([\d.]+)%/.exec(finalText)!;
    expect(line).toMatchObject({ budgeted: printed[1], amount: printed[2], completionPercent: printed[3] });
  });

  it("falls back to the 决算's own 年初预算数 when no 预算 of the year is imported, and says so", async () => {
    await fresh();
    await load("007-2023-final.txt", Buffer.from(finalText));
    const data = await ask();
    const e = data.department.budget.execution;
    expect(data.department.plan).toBeNull();
    expect(e.basis).toBe("FINAL_DOCUMENT");
    expect(fen(e.budgeted)).toBe(final.yearBeginTotal);
    expect(final.yearBeginTotal).not.toBe(sum(final.yearBegin.map((y) => y.fen))); // the printed 合计, not its rows' sum
    for (const l of e.lines) expect(l.basis).toBe("FINAL_DOCUMENT");
    expect(data.byDepartment.nodes[0].basis).toBe("FINAL_DOCUMENT");
    expect(data.ranking.ranked.nodes[0].value).toBe(e.rate);
  });

  it.each([
    ["预算 first", ["plan", "final"]],
    ["决算 first", ["final", "plan"]],
  ])("reports a year-begin budget the 预算 did not print as MATERIAL on both documents (%s)", async (_order, order) => {
    await fresh();
    const broken = edited("208	01	02	一般行政管理事务	137.0", "137.0", "173.0");
    for (const which of order) await (which === "plan" ? load("007-2023.txt", budgetBytes) : load("007-2023-final.txt", broken));
    const data = await ask();
    for (const doc of [data.department.budget, data.department.plan]) {
      const found = doc.discrepancies.filter((d: any) => d.ruleId === "YEAR_BEGIN_MATCHES_BUDGET");
      expect(found).toHaveLength(1);
      expect(found[0].severity).toBe("MATERIAL");
      expect(found[0].message).toContain("2080102");
      expect(found[0].message).toContain("173");
    }
  });

  it("gives a 预算 no execution until the 决算 of its year is imported", async () => {
    await fresh();
    await load("007-2023.txt", budgetBytes);
    expect((await ask()).department).toMatchObject({ budget: null, plan: { execution: null } });
    await load("007-2023-final.txt", Buffer.from(finalText));
    expect((await ask()).department.plan.execution.final).toBe((await ask()).department.budget.expenditureTotal);
  });

  it("writes nothing for a 决算 it refuses", async () => {
    await fresh();
    const before = await rowCounts(ds);
    const outcome = await importDocument(ds, "007-2023-final.txt", edited("单位编码007001", "（单位编码007001，本级）", ""), { actor: "test", status: "PUBLISHED" });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.rejection.problems[0]!.message).toContain("007-2023-final.txt");
    expect(await rowCounts(ds)).toEqual(before);
  });
});
