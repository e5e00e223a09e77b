import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  EconomicCodeCrosswalkDocument,
  ExpenditureBreakdownDocument,
  ProjectSearchDocument,
  SubjectCodeRollupDocument,
} from "../../schema/generated/operations";
import { loadSampleIfEmpty } from "../../src/ingest/sample";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases";
import { departmentVariant, loadBundleObject, percentOf, sampleBundle, sumWan } from "../helpers/fixtures";
import { TestServer } from "../helpers/server";

/** A second tenant: a small 财政金融局-like department spending under 类 201, with a coded project. */
function financeBureau() {
  return departmentVariant("900", (b) => {
    b.stated = { expenditureTotal: "130.5", basicExpenditure: "100.5", projectExpenditure: "30", incomeTotal: "130.5" };
    b.subjectLines = [
      { unit: "900001", subject: "2010601", subjectName: "行政运行", kind: "PERSONNEL", category: "WAGES_AND_WELFARE", fundingSource: "GENERAL_PUBLIC_BUDGET", amount: "80.25" },
      { unit: "900001", subject: "2010601", subjectName: "行政运行", kind: "PUBLIC", category: "GOODS_AND_SERVICES", fundingSource: "GENERAL_PUBLIC_BUDGET", amount: "20.25" },
      { unit: "900001", subject: "2080505", subjectName: "机关事业单位基本养老保险缴费支出", kind: "PROJECT", category: "SPECIFIC", fundingSource: "GENERAL_PUBLIC_BUDGET", amount: "30" },
    ];
    b.subjectRowTotals = [
      { unit: "900001", subject: "2010601", amount: "100.5" },
      { unit: "900001", subject: "2080505", amount: "30" },
    ];
    b.economicLines = [
      { unit: "900001", deptCode: "30101", deptName: "基本工资", govCode: "50101", govName: "工资奖金津补贴", kind: "PERSONNEL", fundingSource: "GENERAL_PUBLIC_BUDGET", amount: "80.25" },
      { unit: "900001", deptCode: "30201", deptName: "办公费", govCode: "50201", govName: "办公经费", kind: "PUBLIC", fundingSource: "GENERAL_PUBLIC_BUDGET", amount: "20.25" },
    ];
    b.projects = [
      { code: "410191230000000009001", name: "养老保险缴费", category: "SPECIFIC", unit: "900001", subject: "2080505", lines: [{ fundingSource: "GENERAL_PUBLIC_BUDGET", amount: "30" }],
        indicators: [{ category: "SATISFACTION", name: "参保人员满意度", target: "≥85%" }] },
    ];
    b.departmentIndicators = [];
    b.claims = [];
  });
}

describe.each(DATABASE_KINDS)("[%s] linked types resolve in both directions", (kind) => {
  const db = freshDatabase(kind);
  let server: TestServer;
  const hr = sampleBundle();
  const finance = financeBureau();

  beforeAll(async () => {
    const ds = await db.open();
    await loadSampleIfEmpty(ds);
    await loadBundleObject(ds, finance);
    server = await TestServer.start(ds);
  });
  afterAll(async () => {
    await server?.stop();
    await server?.ds.destroy();
    await db.drop();
  });

  // Questions about subjects and departments add each row's printed 合计 (行政运行: 4550.7, not its cells' 4550.8).
  const hrLines = (prefix: string) => hr.subjectRowTotals!.filter((l) => l.subject.startsWith(prefix)).map((l) => l.amount);
  const financeLines = (prefix: string) => finance.subjectRowTotals!.filter((l) => l.subject.startsWith(prefix)).map((l) => l.amount);

  it("rolls a 类 up over its 款 and 项, across departments and for one", async () => {
    const all = (await server.query(SubjectCodeRollupDocument, { code: "208", year: 2023 })).subjectCode!;
    expect(all).toMatchObject({ code: "208", name: "社会保障和就业支出", level: "CLASS", year: 2023, parent: null });
    expect(all.expenditure).toBe(sumWan([...hrLines("208"), ...financeLines("208")]));
    const hrOnly = (await server.query(SubjectCodeRollupDocument, { code: "208", year: 2023, departmentCodes: ["007"] })).subjectCode!;
    expect(hrOnly.expenditure).toBe(sumWan(hrLines("208")));
    // Children add up exactly to the parent.
    expect(sumWan(hrOnly.children.map((c) => c.expenditure))).toBe(hrOnly.expenditure);
    const s20801 = hrOnly.children.find((c) => c.code === "20801")!;
    expect(s20801).toMatchObject({ name: "人力资源和社会保障管理事务", level: "SECTION" });
    expect(s20801.children.map((c) => c.code)).toEqual(["2080101", "2080102", "2080105", "2080106", "2080112"]);
    expect(s20801.children[0]).toMatchObject({ name: "行政运行", expenditure: sumWan(hrLines("2080101")) });
  });

  it("walks from a 项 up to its 款 and 类", async () => {
    const item = (await server.query(SubjectCodeRollupDocument, { code: "2080506", year: 2023 })).subjectCode!;
    expect(item).toMatchObject({ level: "ITEM", name: "机关事业单位职业年金缴费支出", expenditure: "450", children: [] });
    expect(item.parent).toEqual({ code: "20805", name: "行政事业单位养老支出", level: "SECTION" });
  });

  it("lists the shipped code list's 类 and 款, and lets a document's printed name win for its year", async () => {
    const classes = await server.query<any, unknown>(`{ subjectCodes(level: CLASS, year: 2023) { code name } }`);
    expect(classes.subjectCodes.length).toBeGreaterThanOrEqual(25);
    expect(classes.subjectCodes).toContainEqual({ code: "221", name: "住房保障支出" });
    const sections = await server.query<any, unknown>(`{ subjectCodes(parentCode: "201", year: 2023) { code name level } }`);
    expect(sections.subjectCodes).toContainEqual({ code: "20106", name: "财政事务", level: "SECTION" });
    const gov = await server.query<any, unknown>(`{ economicCodes(scheme: GOVERNMENT, level: CLASS, year: 2023) { code name } }`);
    expect(gov.economicCodes).toContainEqual({ code: "502", name: "机关商品和服务支出" });
    // The list says 维修（护）费; the HR bureau's document prints 维修(护)费, and its printing wins for 2023.
    const printed = hr.economicLines.find((l) => l.deptCode === "30213")!.deptName;
    expect((await server.query<any, unknown>(`{ economicCode(code: "30213", year: 2023) { name } }`)).economicCode.name).toBe(printed);
  });

  it("answers null for a code nobody uses and 0 for a year with no data", async () => {
    expect((await server.query(SubjectCodeRollupDocument, { code: "2999999" })).subjectCode).toBeNull();
    expect((await server.query(SubjectCodeRollupDocument, { code: "208", year: 2019 })).subjectCode!.expenditure).toBe("0");
  });

  it("pairs economic codes across the two schemes (the crosswalk) and rolls them up", async () => {
    const cls = (await server.query(EconomicCodeCrosswalkDocument, { code: "302", year: 2023 })).economicCode!;
    const publicRows = [...hr.economicLines, ...finance.economicLines].filter((l) => l.deptCode.startsWith("302"));
    expect(cls).toMatchObject({ scheme: "DEPARTMENT", level: "CLASS", name: "商品和服务支出", expenditure: sumWan(publicRows.map((l) => l.amount)) });
    expect(cls.crosswalk.map((c) => c.code)).toEqual([...new Set(publicRows.map((l) => l.govCode.slice(0, 3)))].sort());
    const item = (await server.query(EconomicCodeCrosswalkDocument, { code: "50201", year: 2023 })).economicCode!;
    expect(item).toMatchObject({ scheme: "GOVERNMENT", level: "ITEM", name: "办公经费", parent: { code: "502", name: "机关商品和服务支出" } });
    const paired = [...hr.economicLines, ...finance.economicLines].filter((l) => l.govCode === "50201");
    expect(item.crosswalk.map((c) => c.code)).toEqual([...new Set(paired.map((l) => l.deptCode))].sort());
    expect(item.expenditure).toBe(sumWan(paired.map((l) => l.amount)));
  });

  it("leads from a project to its department, subject code and indicators, and back", async () => {
    const found = await server.query(ProjectSearchDocument, { filter: { departmentCodes: ["900"] } });
    expect(found.projects.totalCount).toBe(1);
    const p = found.projects.nodes[0]!;
    expect(p).toMatchObject({ code: "410191230000000009001", amount: "30", amountYuan: "300000", department: { code: "900" }, subjectCode: { code: "2080505" } });
    expect(p.indicators[0]).toMatchObject({ category: "SATISFACTION", comparator: ">=", value: "85", unit: "%", project: { code: p.code }, department: { code: "900" } });
  });

  it("finds a project by a code printed only as an alias, with the alias recorded", async () => {
    const hrProject = hr.projects.find((p) => p.aliases?.some((a) => a.code && a.code !== p.code))!;
    const alias = hrProject.aliases!.find((a) => a.code && a.code !== hrProject.code)!;
    const found = await server.query(ProjectSearchDocument, { filter: { codes: [alias.code!] } });
    expect(found.projects.nodes.map((p) => p.code)).toEqual([hrProject.code]);
    expect(found.projects.nodes[0]!.aliases).toContainEqual(expect.objectContaining({ code: alias.code, name: alias.name }));
  });

  it("groups expenditure by department and 类 in one request, shares adding to 100", async () => {
    const groups = (await server.query(ExpenditureBreakdownDocument, { groupBy: ["DEPARTMENT", "SUBJECT_CLASS"], filter: { years: [2023] } })).expenditure;
    const all = sumWan([...hrLines(""), ...financeLines("")]);
    const expected = [
      ["007", "208", sumWan(hrLines("208"))],
      ["900", "201", sumWan(financeLines("201"))],
      ["900", "208", sumWan(financeLines("208"))],
    ];
    // Each share exactly: the group's lines over all of 2023's, rounded half up to 2 places.
    expect(groups.map((g) => [g.department!.code, g.subjectCode!.code, g.amount, g.share])).toEqual(expected.map(([d, c, amount]) => [d, c, amount, percentOf(amount!, all)]));
    const total = (await server.query(ExpenditureBreakdownDocument, { groupBy: [] })).expenditure;
    expect(total).toHaveLength(1);
    expect(total[0]!.amount).toBe(sumWan([...hrLines(""), ...financeLines("")]));
  });
});
