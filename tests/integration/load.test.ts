import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataSource } from "typeorm";
import { parseAmount } from "../../src/common/money";
import { IngestError } from "../../src/ingest/model";
import { readBundle } from "../../src/ingest/bundle/read-bundle";
import { loadBudget } from "../../src/ingest/load";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases";
import { departmentVariant, loadBundleObject, sampleBundle } from "../helpers/fixtures";
import { rowCounts } from "../helpers/row-counts";
import { TestServer } from "../helpers/server";

describe.each(DATABASE_KINDS)("[%s] loading a department-year", (kind) => {
  const db = freshDatabase(kind);
  let ds: DataSource;
  let server: TestServer;

  beforeAll(async () => {
    ds = await db.open();
    server = await TestServer.start(ds);
  });
  afterAll(async () => {
    await server?.stop();
    await ds?.destroy();
    await db.drop();
  });

  it("loads the sample once; the same bytes again change nothing", async () => {
    const first = await loadBundleObject(ds, sampleBundle());
    expect(first).toMatchObject({ version: 1, unchanged: false });
    const before = await rowCounts(ds);
    const again = await loadBundleObject(ds, sampleBundle());
    expect(again).toMatchObject({ budgetId: first.budgetId, version: 1, unchanged: true, discrepancies: first.discrepancies });
    expect(await rowCounts(ds)).toEqual(before);
  });

  // Each test loads its own department, so none depends on what another loaded before it.
  const revisedOf = (code: string) => departmentVariant(code, (b) => (b.stated.expenditureTotal = "8562.7"));
  const versionsOf = async (code: string): Promise<[number, number, string][]> =>
    (await ds.query("SELECT b.version, b.is_current, b.stated_expenditure_total AS t FROM department_budget b JOIN department d ON d.id = b.department_id WHERE d.code = ? ORDER BY b.version", [code])).map(
      (r: Record<string, unknown>) => [Number(r.version), Number(r.is_current), String(r.t)],
    );

  it("makes a changed document the current version and keeps the previous one", async () => {
    expect(await loadBundleObject(ds, departmentVariant("202"))).toMatchObject({ version: 1, unchanged: false });
    const second = await loadBundleObject(ds, revisedOf("202"));
    expect(second).toMatchObject({ version: 2, unchanged: false });
    const data = await server.query<{ department: { budget: { version: number; expenditureTotal: string }; budgets: { version: number }[] } }, unknown>(
      `{ department(code: "202") { budget(year: 2023) { version expenditureTotal } budgets { version } } }`,
    );
    expect(data.department.budget).toEqual({ version: 2, expenditureTotal: "8562.7" });
    expect(await versionsOf("202")).toEqual([
      [1, 0, "8562600000"],
      [2, 1, "8562700000"],
    ]);
  });

  it("puts a replaced version back in force when its document is imported again", async () => {
    await loadBundleObject(ds, departmentVariant("203"));
    expect(await loadBundleObject(ds, revisedOf("203"))).toMatchObject({ version: 2, unchanged: false });
    const again = await loadBundleObject(ds, departmentVariant("203"));
    expect(again).toMatchObject({ version: 1, unchanged: false });
    expect((await versionsOf("203")).map(([v, current]) => [v, current])).toEqual([
      [1, 1],
      [2, 0],
    ]);
    expect(await loadBundleObject(ds, revisedOf("203"))).toMatchObject({ version: 2, unchanged: false });
    expect((await versionsOf("203")).map(([v, current]) => [v, current])).toEqual([
      [1, 0],
      [2, 1],
    ]);
  });

  it("keeps the department's name from its newest document when an older year arrives later", async () => {
    await loadBundleObject(ds, departmentVariant("204"));
    const older = departmentVariant("204", (b) => {
      b.year = 2021;
      b.department.shortName = "部门204旧称";
    });
    await loadBundleObject(ds, older, "204-2021.bundle.json");
    const [d] = await ds.query("SELECT short_name FROM department WHERE code = '204'");
    expect(d.short_name).toBe(departmentVariant("204").department.shortName);
  });

  it("ranks a department whose document gives no whole for a share last, in either direction", async () => {
    await loadBundleObject(ds, departmentVariant("905"));
    const partial = sampleBundle();
    partial.department = { ...partial.department, code: "901", name: "测试部门901", shortName: "部门901", units: [] };
    for (const l of [...partial.subjectLines, ...(partial.subjectRowTotals ?? []), ...partial.economicLines]) delete l.unit;
    for (const p of partial.projects) delete p.unit;
    partial.stated = { basicExpenditure: "100" };
    await loadBundleObject(ds, partial, "901-2023.bundle.json");
    for (const direction of ["DESC", "ASC"]) {
      const r = await server.query<any, unknown>(`{ departmentRanking(year: 2023, measure: BASIC_SHARE, direction: ${direction}) { entries { rank value department { code } } } }`);
      const entries = r.departmentRanking.entries;
      expect(entries.map((e: any) => e.department.code)).toContain("905");
      // Every other department loaded here states its whole: the one without comes after all of them.
      expect(entries.at(-1)).toEqual({ rank: entries.length, value: null, department: { code: "901" } });
      expect(entries.filter((e: any) => e.value === null)).toHaveLength(1);
    }
  });

  /** A budget's stored row totals: subject, 分, printed (1/0), in subject order. */
  const rowTotalsOf = async (code: string): Promise<[string, string, number][]> =>
    (
      await ds.query(
        "SELECT t.subject_code, t.amount_fen, t.printed FROM subject_row_total t JOIN department_budget b ON b.id = t.budget_id JOIN department d ON d.id = b.department_id WHERE d.code = ? AND b.is_current = 1 ORDER BY t.subject_code, t.id",
        [code],
      )
    ).map((r: Record<string, unknown>) => [String(r.subject_code), String(r.amount_fen), Number(r.printed)]);

  it("stores each subject row's printed total beside its cells; a row the bundle gives none for is the sum of its lines, marked so", async () => {
    const printed = departmentVariant("207");
    await loadBundleObject(ds, printed);
    const given = new Map(printed.subjectRowTotals!.map((r) => [r.subject, r.amount]));
    const stored = await rowTotalsOf("207");
    expect(stored.map(([code]) => code)).toEqual([...given.keys()].sort());
    for (const [code, fen, isPrinted] of stored) expect([code, BigInt(fen), isPrinted]).toEqual([code, parseAmount(given.get(code)!, "WAN_YUAN"), 1]);

    // Without printed totals (and with one row given): the others are their lines' sums, not printed.
    const partial = departmentVariant("208", (b) => (b.subjectRowTotals = b.subjectRowTotals!.filter((r) => r.subject === "2080101")));
    await loadBundleObject(ds, partial);
    const lineSum = (code: string) => partial.subjectLines.filter((l) => l.subject === code).reduce((s, l) => s + parseAmount(l.amount, "WAN_YUAN"), 0n);
    const summed = await rowTotalsOf("208");
    expect(summed).toHaveLength(given.size);
    for (const [code, fen, isPrinted] of summed) {
      if (code === "2080101") expect([BigInt(fen), isPrinted]).toEqual([parseAmount(given.get(code)!, "WAN_YUAN"), 1]);
      else expect([code, BigInt(fen), isPrinted]).toEqual([code, lineSum(code), 0]);
    }
    // 行政运行 prints 4550.7 against cells that add to 4550.8: both stay as printed.
    expect(parseAmount(given.get("2080101")!, "WAN_YUAN")).not.toBe(lineSum("2080101"));
  });

  it("writes nothing when loading fails part way", async () => {
    await loadBundleObject(ds, departmentVariant("206"));
    const before = await rowCounts(ds);
    const broken = departmentVariant("206", (b) => (b.stated.expenditureTotal = "8562.8"));
    const model = readBundle("broken.json", broken);
    // A NOT NULL column left empty fails the sixth project's line, long after the budget row was written.
    (model.projects[5]!.lines[0] as { fundingSource: unknown }).fundingSource = null;
    await expect(loadBudget(ds, model, { fileName: "broken.json", bytes: Buffer.from("broken"), format: "BUNDLE" })).rejects.toThrow();
    expect(await rowCounts(ds)).toEqual(before);
    expect(await versionsOf("206")).toEqual([[1, 1, "8562600000"]]);
  });
});

describe("reading a structured bundle", () => {
  const problemsOf = (mutate: (b: ReturnType<typeof sampleBundle>) => void) => {
    const b = sampleBundle();
    mutate(b);
    try {
      readBundle("broken.bundle.json", b);
    } catch (e) {
      expect(e).toBeInstanceOf(IngestError);
      return (e as IngestError).message;
    }
    throw new Error("the broken bundle was accepted");
  };

  it("accepts the shipped sample", () => {
    const m = readBundle("sample.json", sampleBundle());
    expect(m.stated.expenditureTotal).toBe(8_562_600_000n);
    expect(m.subjectLines).toHaveLength(sampleBundle().subjectLines.length);
  });

  it.each([
    ["a garbled number", (b: any) => (b.subjectLines[2].amount = "1,37.0"), /broken\.bundle\.json: subjectLines\[2\]\.amount: "1,37\.0" is not a decimal amount/],
    ["a number as a float", (b: any) => (b.economicLines[0].amount = 2.2), /economicLines\[0\]\.amount: amount must be a decimal string/],
    ["a missing department", (b: any) => delete b.department, /department: missing/],
    ["a missing year", (b: any) => delete b.year, /year: must be a year/],
    ["an unknown kind", (b: any) => (b.subjectLines[0].kind = "SALARY"), /subjectLines\[0\]\.kind: must be one of PERSONNEL, PUBLIC, PROJECT/],
    ["a short subject code", (b: any) => (b.subjectLines[1].subject = "20801"), /subjectLines\[1\]\.subject: must be a 7-digit code/],
    ["a unit not declared", (b: any) => (b.projects[0].unit = "007999"), /projects\[0\]\.unit: unit "007999" is not among department.units/],
    ["an amount finer than 1 分", (b: any) => (b.incomeLines[0].amount = "8562.6000001"), /incomeLines\[0\]\.amount: .*finer than 1 分/],
  ])("names the file, field and problem for %s", (_what, mutate, message) => {
    expect(problemsOf(mutate)).toMatch(message);
  });

  it("reports every problem at once", () => {
    const msg = problemsOf((b: any) => {
      b.subjectLines[0].amount = "x";
      b.subjectLines[1].amount = "y";
    });
    expect(msg).toContain("subjectLines[0].amount");
    expect(msg).toContain("subjectLines[1].amount");
  });
});
