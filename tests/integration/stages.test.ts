import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Bundle } from "../../src/ingest/bundle/bundle.types";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases";
import { loadBundleObject, sampleBundle } from "../helpers/fixtures";
import { TestServer } from "../helpers/server";

// ---- test-side arithmetic: tenths of 万元 as bigint
const tenths = (s: string | undefined | null) => {
  const [w, f = ""] = (s ?? "0").split(".");
  return BigInt(w!) * 10n + BigInt((f + "0")[0]!);
};
const wan = (t: bigint) => `${t / 10n}${t % 10n ? `.${t % 10n}` : ""}`;
const sum = (xs: (string | undefined)[]) => xs.reduce((s, x) => s + tenths(x), 0n);
const plus = (a: string, t: bigint) => wan(tenths(a) + t);

/**
 * The sample's department-year as a 决算 (stage FINAL): the same rows with other figures — every
 * cell 1.0 more, every row's printed total its cells' growth more (the 行政运行 row keeps its
 * rounding gap), other stated totals — as a final account differs from its budget.
 */
function finalAccounts(year = 2023): Bundle {
  const b = sampleBundle();
  b.stage = "FINAL";
  b.year = year;
  b.title = `${year}年人力资源局部门决算`;
  for (const l of b.subjectLines) l.amount = plus(l.amount, 10n);
  for (const r of b.subjectRowTotals!) r.amount = plus(r.amount, 10n * BigInt(b.subjectLines.filter((l) => l.subject === r.subject).length));
  for (const l of b.economicLines) l.amount = plus(l.amount, 10n);
  b.stated = { incomeTotal: "9001.2", expenditureTotal: "9001.2", basicExpenditure: "4700.4", projectExpenditure: "4300.8", personnelExpenditure: "4600.1", publicExpenditure: "100.3" };
  b.threePublic = { total: "3.2", overseasTravel: "0", vehicles: "1.2", vehiclePurchase: "0", vehicleOperation: "1.2", reception: "2" };
  b.claims = [];
  delete b.publishedFigures;
  return b;
}

describe.each(DATABASE_KINDS)("[%s] stages never mix: a 决算 beside the 预算", (kind) => {
  const db = freshDatabase(kind);
  let server: TestServer;
  const budget = sampleBundle();
  const final = finalAccounts();
  const earlierFinal = finalAccounts(2022);

  beforeAll(async () => {
    const ds = await db.open();
    await loadBundleObject(ds, budget, "007-2023.bundle.json");
    await loadBundleObject(ds, final, "007-2023-final.bundle.json");
    // A year with final accounts only (the 决算 of 2022, published in 2023).
    await loadBundleObject(ds, earlierFinal, "007-2022-final.bundle.json");
    server = await TestServer.start(ds);
  });
  afterAll(async () => {
    await server?.stop();
    await server?.ds.destroy();
    await db.drop();
  });

  const q = (query: string) => server.query<any, unknown>(query);
  const rows = (b: Bundle, prefix = "") => sum(b.subjectRowTotals!.filter((r) => r.subject.startsWith(prefix)).map((r) => r.amount));
  const cells = (b: Bundle, pick: (l: Bundle["subjectLines"][number]) => boolean) => sum(b.subjectLines.filter(pick).map((l) => l.amount));

  it("the two stages differ, so an answer that added them would show", () => {
    expect(rows(final)).not.toBe(rows(budget));
    expect(final.stated.expenditureTotal).not.toBe(budget.stated.expenditureTotal);
  });

  it("expenditure groups: BUDGET by default, FINAL when asked, never both", async () => {
    const groups = async (stage: string, groupBy: string) =>
      (await q(`{ expenditure(filter: { years: [2023]${stage} }, groupBy: [${groupBy}]) { kind subjectCode { code } amount basis } }`)).expenditure;
    for (const [stage, b] of [["", budget], [", stage: BUDGET", budget], [", stage: null", budget], [", stage: FINAL", final]] as const) {
      expect(await groups(stage, "SUBJECT_CLASS"), stage).toEqual([{ kind: null, subjectCode: { code: "208" }, amount: wan(rows(b, "208")), basis: "ROW_TOTALS" }]);
      const kinds = [...new Set(b.subjectLines.map((l) => l.kind))].sort();
      expect(await groups(stage, "EXPENDITURE_KIND"), stage).toEqual(kinds.map((k) => ({ kind: k, subjectCode: null, amount: wan(cells(b, (l) => l.kind === k)), basis: "CELLS" })));
    }
    expect((await q(`{ expenditure(filter: { years: [2023], stage: ADJUSTED }, groupBy: [YEAR]) { amount } }`)).expenditure).toEqual([]);
    const economic = (await q(`{ expenditureGroups(filter: { years: [2023], stage: FINAL }, groupBy: []) { nodes { amount } } }`)).expenditureGroups.nodes;
    expect(economic).toEqual([{ amount: wan(rows(final)) }]);
  });

  it("year comparisons compare one stage's years", async () => {
    const change = async (stage: string) => (await q(`{ expenditureChanges(filter: { ${stage} }, groupBy: [DEPARTMENT], baseYear: 2022, targetYear: 2023) { nodes { base target basis } } }`)).expenditureChanges.nodes;
    expect(await change("")).toEqual([{ base: "0", target: wan(rows(budget)), basis: "ROW_TOTALS" }]);
    expect(await change("stage: FINAL")).toEqual([{ base: wan(rows(earlierFinal)), target: wan(rows(final)), basis: "ROW_TOTALS" }]);
  });

  it("rankings rank one stage's published figures", async () => {
    const ranking = async (args: string) => (await q(`{ departmentRanking(year: 2023, measure: EXPENDITURE_TOTAL${args}) { stage zoneValue departmentCount entries { value } } }`)).departmentRanking;
    expect(await ranking("")).toEqual({ stage: "BUDGET", zoneValue: budget.stated.expenditureTotal, departmentCount: 1, entries: [{ value: budget.stated.expenditureTotal }] });
    expect(await ranking(", stage: FINAL")).toEqual({ stage: "FINAL", zoneValue: final.stated.expenditureTotal, departmentCount: 1, entries: [{ value: final.stated.expenditureTotal }] });
    const three = (await q(`{ departmentRanking(year: 2023, measure: THREE_PUBLIC, stage: FINAL) { zoneValue } }`)).departmentRanking;
    expect(three.zoneValue).toBe(final.threePublic!.total);
  });

  it("a code's expenditure adds one stage", async () => {
    // Children are asked for the parent's year (2023): the 2022 决算 stays out.
    const subject = async (stage: string) => (await q(`{ subjectCode(code: "208", year: 2023) { expenditure${stage} children { code expenditure${stage} } } }`)).subjectCode;
    for (const [stage, b] of [["", budget], ["(stage: BUDGET)", budget], ["(stage: FINAL)", final]] as const) {
      const c = await subject(stage);
      expect(c.expenditure, stage).toBe(wan(rows(b, "208")));
      for (const child of c.children) expect(child.expenditure, `${stage} ${child.code}`).toBe(wan(rows(b, child.code)));
    }
    const economic = async (stage: string) => (await q(`{ economicCode(code: "301", year: 2023) { expenditure${stage} } }`)).economicCode.expenditure;
    const econ = (b: Bundle) => wan(sum(b.economicLines.filter((l) => l.deptCode.startsWith("301")).map((l) => l.amount)));
    expect(await economic("")).toBe(econ(budget));
    expect(await economic("(stage: FINAL)")).toBe(econ(final));
  });

  it("fiscal years list one stage's years, say which stages each has, and total one stage", async () => {
    const years = (await q(`{ fiscalYears { year stages departmentCount expenditureTotal basicExpenditure projectExpenditure departments { totalCount }
        final: expenditureTotal(stage: FINAL) finalDepartments: departmentCount(stage: FINAL) } }`)).fiscalYears;
    expect(years).toEqual([
      {
        year: 2023, stages: ["BUDGET", "FINAL"], departmentCount: 1, departments: { totalCount: 1 },
        expenditureTotal: budget.stated.expenditureTotal, basicExpenditure: budget.stated.basicExpenditure, projectExpenditure: budget.stated.projectExpenditure,
        final: final.stated.expenditureTotal, finalDepartments: 1,
      },
    ]);
    const finals = (await q(`{ fiscalYears(stage: FINAL) { year stages expenditureTotal departments { nodes { code } } budgetTotal: expenditureTotal(stage: BUDGET) } }`)).fiscalYears;
    expect(finals).toEqual([
      { year: 2022, stages: ["FINAL"], expenditureTotal: earlierFinal.stated.expenditureTotal, departments: { nodes: [{ code: "007" }] }, budgetTotal: "0" },
      { year: 2023, stages: ["BUDGET", "FINAL"], expenditureTotal: final.stated.expenditureTotal, departments: { nodes: [{ code: "007" }] }, budgetTotal: budget.stated.expenditureTotal },
    ]);
    // A budget's fiscal year answers for the budget's own stage.
    const viaBudget = (await q(`{ department(code: "007") { budget(year: 2023, stage: FINAL) { stage fiscalYear { year expenditureTotal } } } }`)).department.budget;
    expect(viaBudget).toEqual({ stage: "FINAL", fiscalYear: { year: 2023, expenditureTotal: final.stated.expenditureTotal } });
  });
});
