import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BasicVsProjectByDepartmentDocument,
  ClassDrillDownDocument,
  DepartmentYearOnYearDocument,
  ThreePublicByDepartmentDocument,
  TopProjectsDocument,
  WeakSatisfactionTargetsDocument,
  YearOnYearByDepartmentDocument,
  ZoneTotalsByClassAndYearDocument,
} from "../../schema/generated/operations";
import type { Bundle } from "../../src/ingest/bundle/bundle.types";
import { importDocument } from "../../src/ingest/import";
import { SAMPLE_FILE } from "../../src/ingest/sample";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases";
import { sampleBundle } from "../helpers/fixtures";
import { SEED_FILE, seedAvailable } from "../helpers/seed";
import { TestServer } from "../helpers/server";

const FIXTURES = join(__dirname, "..", "fixtures", "disclosures");
const bundle = (name: string) => JSON.parse(readFileSync(join(FIXTURES, `${name}.bundle.json`), "utf8")) as Bundle;

// ---- test-side arithmetic, independent of the application's: tenths of 万元 as bigint
const tenths = (s: string) => {
  const [w, f = ""] = s.split(".");
  return BigInt(w!) * 10n + BigInt((f + "0")[0]!) * (s.startsWith("-") ? -1n : 1n);
};
const wan = (t: bigint) => {
  const neg = t < 0n;
  const a = neg ? -t : t;
  return `${neg ? "-" : ""}${a / 10n}${a % 10n ? `.${a % 10n}` : ""}`;
};
const sum = (xs: string[]) => xs.reduce((s, x) => s + tenths(x), 0n);
const pct = (part: bigint, whole: bigint, places = 2) => {
  const scale = 10n ** BigInt(places);
  const neg = part * whole < 0n;
  const a = (part < 0n ? -part : part) * 100n * scale;
  const w = whole < 0n ? -whole : whole;
  const q = (2n * a + w) / (2n * w);
  return `${neg && q ? "-" : ""}${q / scale}.${(q % scale).toString().padStart(places, "0")}`;
};
/** The printed 合计 of each subject row under a prefix: what a question about subjects adds. */
const rows = (b: Bundle, prefix = "") => b.subjectRowTotals!.filter((r) => r.subject.startsWith(prefix)).map((r) => r.amount);
/** The cells (subject lines): what a question that needs the split adds. */
const cells = (b: Bundle, prefix = "") => b.subjectLines.filter((l) => l.subject.startsWith(prefix)).map((l) => l.amount);

describe.each(DATABASE_KINDS)("[%s] analysts' saved analyses over three documents", (kind) => {
  const db = freshDatabase(kind);
  let server: TestServer;
  const hr23 = sampleBundle();
  const hr22 = bundle("007-2022");
  const fin23 = bundle("002-2023");

  beforeAll(async () => {
    const ds = await db.open();
    const docs = [seedAvailable ? SEED_FILE! : SAMPLE_FILE, join(FIXTURES, "007-2022.txt"), join(FIXTURES, "002-2023.txt")];
    for (const file of docs) {
      const outcome = await importDocument(ds, file.split("/").pop()!, readFileSync(file), { actor: "test", status: "PUBLISHED" });
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.rejection));
    }
    server = await TestServer.start(ds);
  });
  afterAll(async () => {
    await server?.stop();
    await server?.ds.destroy();
    await db.drop();
  });

  it("zone totals by 类 and year", async () => {
    const groups = (await server.query(ZoneTotalsByClassAndYearDocument, { years: [2022, 2023] })).expenditure;
    const y2022 = sum(rows(hr22));
    const y2023 = { "201": sum(rows(fin23, "201")), "208": sum([...rows(hr23, "208"), ...rows(fin23, "208")]), "221": sum(rows(fin23, "221")) };
    const all = y2022 + y2023["201"] + y2023["208"] + y2023["221"];
    expect(groups.map((g) => [g.year, g.subjectCode!.code, g.subjectCode!.name, g.amount, g.share])).toEqual([
      [2022, "208", "社会保障和就业支出", wan(y2022), pct(y2022, all)],
      [2023, "201", "一般公共服务支出", wan(y2023["201"]), pct(y2023["201"], all)],
      [2023, "208", "社会保障和就业支出", wan(y2023["208"]), pct(y2023["208"], all)],
      [2023, "221", "住房保障支出", wan(y2023["221"]), pct(y2023["221"], all)],
    ]);
  });

  it("one 类 drilled to 项 with subtotals that its children add up to exactly", async () => {
    const groups = (await server.query(ClassDrillDownDocument, { classCode: "208", year: 2023 })).expenditure;
    const all208 = [...hr23.subjectRowTotals!, ...fin23.subjectRowTotals!].filter((l) => l.subject.startsWith("208"));
    expect(groups[0]).toMatchObject({ depth: 0, isSubtotal: true, amount: wan(sum(all208.map((l) => l.amount))), share: "100.00", shareOfParent: null });
    expect(groups[1]).toMatchObject({ depth: 1, subjectCode: { code: "208", level: "CLASS" } });
    const s20805 = groups.find((r) => r.subjectCode?.code === "20805")!;
    expect(s20805).toMatchObject({ depth: 2, amount: wan(sum(all208.filter((l) => l.subject.startsWith("20805")).map((l) => l.amount))), subjectCode: { name: "行政事业单位养老支出" } });
    expect(s20805.rowCount).toBe(2); // one line from each department
    // Every subtotal is exactly the sum of the rows one level below it, which follow it.
    groups.forEach((r, i) => {
      if (r.depth === 3) return;
      const children = [];
      for (let j = i + 1; j < groups.length && groups[j]!.depth > r.depth; j++) if (groups[j]!.depth === r.depth + 1) children.push(groups[j]!.amount);
      expect(wan(sum(children)), `${r.subjectCode?.code ?? "total"}`).toBe(r.amount);
    });
    expect(groups.filter((r) => r.depth === 3).map((r) => r.subjectCode!.code)).toEqual([...new Set(all208.map((l) => l.subject))].sort());
  });

  it("basic against project by department, ranked by basic share", async () => {
    const r = (await server.query(BasicVsProjectByDepartmentDocument, { year: 2023 })).departmentRanking;
    const hrShare = pct(tenths(hr23.stated.basicExpenditure!), tenths(hr23.stated.expenditureTotal!));
    const finShare = pct(tenths(fin23.stated.basicExpenditure!), tenths(fin23.stated.expenditureTotal!));
    expect(r.entries.map((e) => [e.rank, e.department.code, e.value, e.numerator, e.denominator])).toEqual([
      [1, "002", finShare, fin23.stated.basicExpenditure, fin23.stated.expenditureTotal],
      [2, "007", hrShare, hr23.stated.basicExpenditure, hr23.stated.expenditureTotal],
    ]);
    const zone = pct(tenths(hr23.stated.basicExpenditure!) + tenths(fin23.stated.basicExpenditure!), tenths(hr23.stated.expenditureTotal!) + tenths(fin23.stated.expenditureTotal!));
    expect(r.zoneValue).toBe(zone);
  });

  it("year-on-year change by department, and the narrative's change checked against it", async () => {
    const changes = (await server.query(YearOnYearByDepartmentDocument, { baseYear: 2022, targetYear: 2023 })).expenditureChange;
    const base = sum(rows(hr22));
    const target = sum(rows(hr23));
    expect(changes).toEqual([
      { department: { code: "002", shortName: "财政金融局" }, base: "0", target: wan(sum(rows(fin23))), change: wan(sum(rows(fin23))), rate: null, basis: "ROW_TOTALS" },
      { department: { code: "007", shortName: "人力资源局" }, base: wan(base), target: wan(target), change: wan(target - base), rate: pct(target - base, base), basis: "ROW_TOTALS" },
    ]);
    const yoy = (await server.query(DepartmentYearOnYearDocument, { code: "007", year: 2023 })).department!.budget!.yearOnYear;
    const published = tenths(hr23.stated.expenditureTotal!) - tenths(hr22.stated.expenditureTotal!);
    expect(yoy).toEqual({ previousYear: 2022, previousTotal: hr22.stated.expenditureTotal, computedChange: wan(published), computedRate: pct(published, tenths(hr22.stated.expenditureTotal!), 1), statedChange: "-180.8", statedRate: "-2.1", agrees: true });
  });

  it("“三公” by department with the zone total and shares", async () => {
    const r = (await server.query(ThreePublicByDepartmentDocument, { year: 2023 })).departmentRanking;
    const fin = tenths(fin23.threePublic!.total!);
    expect(r).toEqual({
      zoneValue: wan(fin),
      departmentCount: 2,
      entries: [
        { rank: 1, department: { code: "002", shortName: "财政金融局" }, value: wan(fin), shareOfZone: "100.00" },
        { rank: 2, department: { code: "007", shortName: "人力资源局" }, value: "0", shareOfZone: "0.00" },
      ],
    });
  });

  it("the largest projects of the year", async () => {
    const r = (await server.query(TopProjectsDocument, { year: 2023, first: 5 })).projects;
    const all = [...hr23.projects.map((p) => ({ p, d: "007" })), ...fin23.projects.map((p) => ({ p, d: "002" }))]
      .map(({ p, d }) => ({ name: p.name, amount: sum(p.lines.map((l) => l.amount)), d }))
      .sort((a, b) => (a.amount === b.amount ? 0 : a.amount > b.amount ? -1 : 1));
    expect(r.totalCount).toBe(all.length);
    expect(r.nodes.map((n) => [n.name, n.amount, n.department.code])).toEqual(all.slice(0, 5).map((x) => [x.name, wan(x.amount), x.d]));
  });

  it("satisfaction targets below 90%", async () => {
    const r = (await server.query(WeakSatisfactionTargetsDocument, { years: [2023], below: "90" })).indicators;
    const weak = [...hr23.projects, ...fin23.projects].flatMap((p) =>
      (p.indicators ?? []).filter((i) => i.category === "SATISFACTION" && /^[≥≤]?\d+(\.\d+)?%$/.test(i.target) && Number(i.target.replace(/[^\d.]/g, "")) < 90).map((i) => [p.name, i.name, i.target]),
    );
    expect(weak.length).toBeGreaterThan(3);
    expect(r.totalCount).toBe(weak.length);
    expect(r.nodes.map((n) => [n.project!.name, n.name, n.target]).sort()).toEqual(weak.sort());
  });

  it("adds the rows' printed totals for subjects and departments, and cells only where the split is asked for", async () => {
    const q = async (groupBy: string, filter = "years: [2023]") =>
      (await server.query<any, unknown>(`{ expenditure(filter: { ${filter} }, groupBy: [${groupBy}]) { department { code } kind fundingSource amount rowCount basis } }`)).expenditure;
    expect(await q("DEPARTMENT")).toEqual([
      { department: { code: "002" }, kind: null, fundingSource: null, amount: wan(sum(rows(fin23))), rowCount: fin23.subjectRowTotals!.length, basis: "ROW_TOTALS" },
      { department: { code: "007" }, kind: null, fundingSource: null, amount: wan(sum(rows(hr23))), rowCount: hr23.subjectRowTotals!.length, basis: "ROW_TOTALS" },
    ]);
    const both = [...hr23.subjectLines, ...fin23.subjectLines];
    const kinds = [...new Set(both.map((l) => l.kind))].sort();
    expect(await q("EXPENDITURE_KIND")).toEqual(
      kinds.map((k) => ({ department: null, kind: k, fundingSource: null, amount: wan(sum(both.filter((l) => l.kind === k).map((l) => l.amount))), rowCount: both.filter((l) => l.kind === k).length, basis: "CELLS" })),
    );
    // A filter on the split is a question about cells too, even grouped by department.
    const byKindFilter = await q("DEPARTMENT", `years: [2023], departmentCodes: ["007"], kinds: [PERSONNEL, PUBLIC, PROJECT]`);
    expect(byKindFilter).toEqual([{ department: { code: "007" }, kind: null, fundingSource: null, amount: wan(sum(cells(hr23))), rowCount: hr23.subjectLines.length, basis: "CELLS" }]);
    const change = (await server.query<any, unknown>(`{ expenditureChanges(groupBy: [DEPARTMENT], baseYear: 2022, targetYear: 2023) { nodes { basis } } kinds: expenditureChanges(groupBy: [EXPENDITURE_KIND], baseYear: 2022, targetYear: 2023) { nodes { basis } } }`)) as any;
    expect(change.expenditureChanges.nodes.map((n: any) => n.basis)).toEqual(["ROW_TOTALS", "ROW_TOTALS"]);
    expect(new Set(change.kinds.nodes.map((n: any) => n.basis))).toEqual(new Set(["CELLS"]));
  });

  it("groups basic expenditure through the crosswalk to the government scheme", async () => {
    const groups = await server.query<any, unknown>(`{ expenditure(filter: { years: [2023] }, groupBy: [GOV_ECONOMIC_CLASS], rollup: true) { depth amount govEconomicCode { code name } } }`);
    const econ = [...hr23.economicLines, ...fin23.economicLines];
    const classes = [...new Set(econ.map((l) => l.govCode.slice(0, 3)))].sort();
    expect(groups.expenditure.map((g: any) => [g.depth, g.govEconomicCode?.code ?? null, g.amount])).toEqual([
      [0, null, wan(sum(econ.map((l) => l.amount)))],
      ...classes.map((c) => [1, c, wan(sum(econ.filter((l) => l.govCode.startsWith(c)).map((l) => l.amount)))]),
    ]);
  });

  it("refuses to cross the two classifications, naming the combination and what is available", async () => {
    const r = await server.request(`{ expenditure(groupBy: [SUBJECT_ITEM, DEPT_ECONOMIC_ITEM]) { amount } }`);
    expect(r.errors?.[0]?.message).toMatch(/^SUBJECT_ITEM × DEPT_ECONOMIC_ITEM crosses the functional .* Group by one of: \[.*SUBJECT_ITEM.*\] .* or \[.*DEPT_ECONOMIC_ITEM.*\]/);
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("names unknown departments and codes; answers a year without data with no groups; an empty groupBy with the grand total", async () => {
    const unknown = await server.request(`{ expenditure(filter: { departmentCodes: ["007", "999"], subjectCodePrefixes: ["2999999"] }, groupBy: [DEPARTMENT]) { amount } }`);
    expect(unknown.errors?.[0]?.message).toBe("unknown department codes: 999; unknown subject codes: 2999999");
    expect((await server.query<any, unknown>(`{ expenditure(filter: { years: [2019] }, groupBy: [DEPARTMENT]) { amount } }`)).expenditure).toEqual([]);
    const total = (await server.query<any, unknown>(`{ expenditure(filter: { years: [2023] }, groupBy: []) { amount share rowCount basis } }`)).expenditure;
    expect(total).toEqual([{ amount: wan(sum([...rows(hr23), ...rows(fin23)])), share: "100.00", rowCount: hr23.subjectRowTotals!.length + fin23.subjectRowTotals!.length, basis: "ROW_TOTALS" }]);
  });

  it("names unknown codes even when the groups could name the known ones", async () => {
    const bySubject = await server.request(`{ expenditure(filter: { subjectCodePrefixes: ["208", "2999999"] }, groupBy: [SUBJECT_CLASS], rollup: true) { amount } }`);
    expect(bySubject.errors?.[0]?.message).toBe("unknown subject codes: 2999999");
    const byDepartment = await server.request(`{ expenditure(filter: { departmentCodes: ["999", "007"] }, groupBy: [DEPARTMENT]) { amount } }`);
    expect(byDepartment.errors?.[0]?.message).toBe("unknown department codes: 999");
    const known = await server.query<any, unknown>(`{ expenditure(filter: { years: [2023], subjectCodePrefixes: ["20801"], departmentCodes: ["007"] }, groupBy: [DEPARTMENT, SUBJECT_SECTION]) { amount } }`);
    expect(known.expenditure).toEqual([{ amount: wan(sum(rows(hr23, "20801"))) }]);
  });

  it("names each group's subject code as the code list does for that year, in the same statement", async () => {
    const withYear = (await server.query<any, unknown>(`{ expenditure(groupBy: [YEAR, SUBJECT_CLASS, SUBJECT_ITEM], rollup: true) { year subjectCode { code name level year } } }`)).expenditure;
    const noYear = (await server.query<any, unknown>(`{ expenditure(groupBy: [SUBJECT_SECTION]) { subjectCode { code name level year } } }`)).expenditure;
    const groups = [...withYear, ...noYear].filter((g: any) => g.subjectCode);
    expect(groups.length).toBeGreaterThan(20);
    for (const g of groups) {
      const listed = await server.query<any, any>(`query($code: String!, $year: Int) { subjectCode(code: $code, year: $year) { code name level year } }`, { code: g.subjectCode.code, year: g.year ?? null });
      expect(g.subjectCode, `${g.subjectCode.code} in ${g.year}`).toEqual(listed.subjectCode);
    }
    // A name is from the group's year where that year has one, else from the nearest list: its year says which.
    // 2022 has no code list of its own: 类 208 is named from the 2023 list (year 2023); its 项 from the 2022 document.
    const named = (year: number, code: string) => withYear.find((g: any) => g.year === year && g.subjectCode?.code === code)?.subjectCode;
    expect(named(2022, "208")).toEqual({ code: "208", name: "社会保障和就业支出", level: "CLASS", year: 2023 });
    expect(named(2022, "2080101")).toMatchObject({ code: "2080101", name: "行政运行", year: 2022 });
    expect(named(2023, "208")).toMatchObject({ year: 2023 });
  });

  it("names economic codes of both schemes, and a year comparison's codes, as the code lists do", async () => {
    const economic = (
      await server.query<any, unknown>(`{ expenditure(groupBy: [YEAR, GOV_ECONOMIC_CLASS, DEPT_ECONOMIC_ITEM], rollup: true) { year govEconomicCode { code scheme name level year } deptEconomicCode { code scheme name level year } } }`)
    ).expenditure;
    const named = economic.flatMap((g: any) => [g.govEconomicCode, g.deptEconomicCode].filter(Boolean).map((c: any) => ({ c, year: g.year })));
    expect(named.length).toBeGreaterThan(20);
    for (const { c, year } of named) {
      const listed = await server.query<any, any>(`query($code: String!, $year: Int) { economicCode(code: $code, year: $year) { code scheme name level year } }`, { code: c.code, year });
      expect(c, `${c.code} in ${year}`).toEqual(listed.economicCode);
    }
    const changes = (await server.query<any, unknown>(`{ expenditureChange(groupBy: [SUBJECT_SECTION], baseYear: 2022, targetYear: 2023) { subjectCode { code name level year } } }`)).expenditureChange;
    expect(changes.length).toBeGreaterThan(5);
    for (const { subjectCode: c } of changes) {
      const listed = await server.query<any, any>(`query($code: String!) { subjectCode(code: $code) { code name level year } }`, { code: c.code });
      expect(c).toEqual(listed.subjectCode);
    }
  });

  it("names a group by its finest code whatever order groupBy lists the levels in", async () => {
    const finest = async (query: string) => (await server.query<any, unknown>(query)) as any;
    const subject = (await finest(`{ expenditure(groupBy: [SUBJECT_ITEM, SUBJECT_CLASS]) { subjectCode { code level name } } }`)).expenditure;
    const economic = (await finest(`{ expenditure(groupBy: [DEPT_ECONOMIC_ITEM, DEPT_ECONOMIC_CLASS]) { deptEconomicCode { code level name } } }`)).expenditure;
    const change = (await finest(`{ expenditureChange(groupBy: [SUBJECT_ITEM, SUBJECT_SECTION], baseYear: 2022, targetYear: 2023) { subjectCode { code level name } } }`)).expenditureChange;
    const codes = [...subject.map((g: any) => g.subjectCode), ...change.map((g: any) => g.subjectCode)];
    expect(codes.length).toBeGreaterThan(10);
    for (const c of codes) {
      expect(c.level, c.code).toBe("ITEM");
      expect(c).toEqual((await server.query<any, any>(`query($code: String!) { subjectCode(code: $code) { code level name } }`, { code: c.code })).subjectCode);
    }
    expect(economic.length).toBeGreaterThan(5);
    for (const { deptEconomicCode: c } of economic) {
      expect(c.level, c.code).toBe("ITEM");
      expect(c).toEqual((await server.query<any, any>(`query($code: String!) { economicCode(code: $code) { code level name } }`, { code: c.code })).economicCode);
    }
  });

  it("orders by amount, takes the top N, and pages stably with cursors", async () => {
    const q = `query($after: String) { expenditure(filter: { years: [2023] }, groupBy: [SUBJECT_ITEM], orderBy: { by: AMOUNT, direction: DESC }, first: 3, after: $after) { amount cursor subjectCode { code } } }`;
    const page1 = (await server.query<any, any>(q, {})).expenditure;
    const page2 = (await server.query<any, any>(q, { after: page1[2].cursor })).expenditure;
    const byItem = new Map<string, bigint>();
    for (const l of [...hr23.subjectRowTotals!, ...fin23.subjectRowTotals!]) byItem.set(l.subject, (byItem.get(l.subject) ?? 0n) + tenths(l.amount));
    const ordered = [...byItem].sort((a, b) => (a[1] === b[1] ? a[0].localeCompare(b[0]) : a[1] > b[1] ? -1 : 1));
    expect([...page1, ...page2].map((g: any) => [g.subjectCode.code, g.amount])).toEqual(ordered.slice(0, 6).map(([c, t]) => [c, wan(t)]));
  });
});
