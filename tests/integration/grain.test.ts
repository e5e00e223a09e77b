import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDocument } from "../../src/ingest/import";
import { SAMPLE_FILE } from "../../src/ingest/sample";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases";
import { departmentVariant, loadBundleObject } from "../helpers/fixtures";
import { TestServer } from "../helpers/server";

// ---- test-side reading of the sample's 部门支出总体情况表, independent of the application's reader
const TEXT = readFileSync(SAMPLE_FILE, "utf8");
/** "4,550.7" → 45507n (tenths of 万元); blank → 0. */
const tenths = (cell: string | undefined) => {
  const t = (cell ?? "").replace(/,/g, "").trim();
  if (!t) return 0n;
  const [w, f = ""] = t.split(".");
  return BigInt(w!) * 10n + BigInt((f + "0")[0]!);
};
/** 45507n → "4550.7", 4500n → "450": the API's Decimal form. */
const wan = (t: bigint) => `${t / 10n}${t % 10n ? `.${t % 10n}` : ""}`;
const sum = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);

/** Each 项 row of the table: its code, its printed 合计, and its cells by column. */
interface PrintedRow {
  code: string;
  total: bigint;
  wages: bigint; // 工资福利支出
  household: bigint; // 对个人和家庭的补助
  goods: bigint; // 商品和服务支出
  capital: bigint; // 资本性支出
  operating: bigint; // 其他运转类
  specific: bigint; // 特定目标类
}
const TABLE: PrintedRow[] = (() => {
  const start = TEXT.indexOf("年部门支出总体情况表\n");
  const body = TEXT.slice(start, TEXT.indexOf("\n## ", start));
  return body
    .split("\n")
    .map((l) => l.split("\t"))
    .filter((c) => /^\d{3}$/.test(c[0]!) && /^\d{2}$/.test(c[1]!) && /^\d{2}$/.test(c[2]!))
    .map((c) => ({
      code: c.slice(0, 3).join(""),
      total: tenths(c[5]),
      wages: tenths(c[7]),
      household: tenths(c[8]),
      goods: tenths(c[9]),
      capital: tenths(c[10]),
      operating: tenths(c[12]),
      specific: tenths(c[13]),
    }));
})();
const cellsOf = (r: PrintedRow) => r.wages + r.household + r.goods + r.capital + r.operating + r.specific;
const printedUnder = (prefix: string) => sum(TABLE.filter((r) => r.code.startsWith(prefix)).map((r) => r.total));
const cellsUnder = (prefix: string) => sum(TABLE.filter((r) => r.code.startsWith(prefix)).map(cellsOf));

describe.each(DATABASE_KINDS)("[%s] every figure at the grain it was printed", (kind) => {
  const db = freshDatabase(kind);
  let server: TestServer;

  beforeAll(async () => {
    const ds = await db.open();
    const outcome = await importDocument(ds, "007-2023.txt", readFileSync(SAMPLE_FILE), { actor: "test", status: "PUBLISHED" });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.rejection));
    // The same figures as a bundle that gives no row totals: its rows count as the sums of their cells.
    await loadBundleObject(ds, departmentVariant("301", (b) => delete b.subjectRowTotals));
    server = await TestServer.start(ds);
  });
  afterAll(async () => {
    await server?.stop();
    await server?.ds.destroy();
    await db.drop();
  });

  const q = (query: string) => server.query<any, unknown>(query);

  it("reads the sample's 行政运行 row as printed: a 合计 its cells do not add up to", () => {
    const admin = TABLE.find((r) => r.code === "2080101")!;
    expect(TABLE.length).toBeGreaterThan(10);
    expect(cellsOf(admin)).not.toBe(admin.total);
    expect(cellsOf(admin) - admin.total).toBe(1n); // 4458.0 + 3.5 + 89.3 against 4,550.7
  });

  it("answers a subject code with the rows' printed totals, and rolls them up exactly", async () => {
    const item = (await q(`{ subjectCode(code: "2080101") { expenditure(year: 2023, departmentCodes: ["007"]) } }`)).subjectCode;
    expect(item.expenditure).toBe(wan(TABLE.find((r) => r.code === "2080101")!.total));

    const cls = (
      await q(`{ subjectCode(code: "208", year: 2023) { code expenditure(departmentCodes: ["007"])
        children { code expenditure(departmentCodes: ["007"]) children { code expenditure(departmentCodes: ["007"]) } } } }`)
    ).subjectCode;
    expect(cls.expenditure).toBe(wan(printedUnder("208")));
    expect(cls.expenditure).not.toBe(wan(cellsUnder("208")));
    // Parents are exactly the sums of their children, at every level.
    expect(cls.expenditure).toBe(wan(sum(cls.children.map((c: any) => tenths(c.expenditure)))));
    for (const section of cls.children) {
      expect(section.expenditure, section.code).toBe(wan(printedUnder(section.code)));
      expect(section.expenditure, section.code).toBe(wan(sum(section.children.map((c: any) => tenths(c.expenditure)))));
      for (const i of section.children) expect(i.expenditure, i.code).toBe(wan(printedUnder(i.code)));
    }
  });

  it("groups by subject, department, unit and year add the rows' printed totals", async () => {
    const groups = async (groupBy: string) =>
      (await q(`{ expenditureGroups(filter: { years: [2023], departmentCodes: ["007"] }, groupBy: [${groupBy}], first: 100) { nodes { subjectCode { code } amount rowCount basis } } }`)).expenditureGroups.nodes;
    for (const groupBy of ["YEAR", "DEPARTMENT", "BUDGET_UNIT", "YEAR, DEPARTMENT, BUDGET_UNIT"]) {
      expect(await groups(groupBy), groupBy).toEqual([{ subjectCode: null, amount: wan(printedUnder("")), rowCount: TABLE.length, basis: "ROW_TOTALS" }]);
    }
    for (const [groupBy, digits] of [["SUBJECT_CLASS", 3], ["SUBJECT_SECTION", 5], ["SUBJECT_ITEM", 7]] as const) {
      const codes = [...new Set(TABLE.map((r) => r.code.slice(0, digits)))].sort();
      expect(await groups(groupBy), groupBy).toEqual(
        codes.map((c) => ({ subjectCode: { code: c }, amount: wan(printedUnder(c)), rowCount: TABLE.filter((r) => r.code.startsWith(c)).length, basis: "ROW_TOTALS" })),
      );
    }
  });

  it("groups that need the split add cells: kind, category, funding source", async () => {
    const groups = async (groupBy: string, field: string) =>
      (await q(`{ expenditureGroups(filter: { years: [2023], departmentCodes: ["007"] }, groupBy: [${groupBy}]) { nodes { ${field} amount basis } } }`)).expenditureGroups.nodes;
    const col = (pick: (r: PrintedRow) => bigint) => wan(sum(TABLE.map(pick)));
    expect(await groups("EXPENDITURE_KIND", "kind")).toEqual([
      { kind: "PERSONNEL", amount: col((r) => r.wages + r.household), basis: "CELLS" }, // 4458.0 + 3.5
      { kind: "PUBLIC", amount: col((r) => r.goods + r.capital), basis: "CELLS" },
      { kind: "PROJECT", amount: col((r) => r.operating + r.specific), basis: "CELLS" },
    ].filter((g) => g.amount !== "0").sort((a, b) => (a.kind < b.kind ? -1 : 1)));
    const categories = await groups("EXPENDITURE_CATEGORY", "category");
    expect(categories.find((g: any) => g.category === "WAGES_AND_WELFARE")).toEqual({ category: "WAGES_AND_WELFARE", amount: col((r) => r.wages), basis: "CELLS" });
    const sources = await groups("FUNDING_SOURCE", "fundingSource");
    expect(wan(sum(sources.map((g: any) => tenths(g.amount))))).toBe(wan(cellsUnder("")));
    expect(sources.every((g: any) => g.basis === "CELLS")).toBe(true);
  });

  it("a rollup of row totals adds up exactly at every level", async () => {
    const rows = (
      await q(`{ expenditureGroups(filter: { years: [2023], departmentCodes: ["007"] }, groupBy: [SUBJECT_CLASS, SUBJECT_SECTION, SUBJECT_ITEM], rollup: true, first: 100) { nodes { depth amount basis subjectCode { code } } } }`)
    ).expenditureGroups.nodes;
    expect(rows[0]).toMatchObject({ depth: 0, amount: wan(printedUnder("")), basis: "ROW_TOTALS" });
    rows.forEach((r: any, i: number) => {
      expect(r.basis).toBe("ROW_TOTALS");
      if (r.depth === 3) return;
      const children: bigint[] = [];
      for (let j = i + 1; j < rows.length && rows[j].depth > r.depth; j++) if (rows[j].depth === r.depth + 1) children.push(tenths(rows[j].amount));
      expect(wan(sum(children)), r.subjectCode?.code ?? "total").toBe(r.amount);
    });
  });

  it("a budget whose rows printed no totals adds its cells, and the groups it is in say CELLS", async () => {
    const byDepartment = (await q(`{ expenditure(filter: { years: [2023] }, groupBy: [DEPARTMENT]) { department { code } amount basis } }`)).expenditure;
    expect(byDepartment).toEqual([
      { department: { code: "007" }, amount: wan(printedUnder("")), basis: "ROW_TOTALS" },
      { department: { code: "301" }, amount: wan(cellsUnder("")), basis: "CELLS" },
    ]);
    const admin = (await q(`{ expenditure(filter: { years: [2023], subjectCodePrefixes: ["2080101"] }, groupBy: [SUBJECT_ITEM]) { amount basis rowCount } }`)).expenditure;
    const printed = TABLE.find((r) => r.code === "2080101")!;
    expect(admin).toEqual([{ amount: wan(printed.total + cellsOf(printed)), basis: "CELLS", rowCount: 2 }]);
    const code = (await q(`{ subjectCode(code: "2080101") { expenditure(year: 2023, departmentCodes: ["301"]) } }`)).subjectCode;
    expect(code.expenditure).toBe(wan(cellsOf(printed)));
    const change = (await q(`{ expenditureChange(groupBy: [DEPARTMENT], baseYear: 2022, targetYear: 2023) { department { code } basis } }`)).expenditureChange;
    expect(change).toEqual([
      { department: { code: "007" }, basis: "ROW_TOTALS" },
      { department: { code: "301" }, basis: "CELLS" },
    ]);
  });
});
