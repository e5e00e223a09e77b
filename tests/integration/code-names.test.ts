import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CODE_LISTS } from "../../src/ingest/code-lists";
import { importDocument } from "../../src/ingest/import";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases";
import { TestServer } from "../helpers/server";

const FIXTURE_2022 = join(__dirname, "..", "fixtures", "disclosures", "007-2022.txt");
const TEXT_2022 = readFileSync(FIXTURE_2022, "utf8");
/** The 2022 document's printing of a 项 in its 部门支出总体情况表 (test-side reading). */
const printed2022 = (code: string) => TEXT_2022.split("\n").map((l) => l.split("\t")).find((c) => c.slice(0, 3).join("") === code && /^\d/.test(c[5] ?? ""))?.[4];

describe.each(DATABASE_KINDS)("[%s] code names by year, and which year each name is from", (kind) => {
  const db = freshDatabase(kind);
  let server: TestServer;
  const listYears = CODE_LISTS.map((l) => l.year).sort();

  beforeAll(async () => {
    const ds = await db.open();
    // Only the 2022 document: whatever 2023 names exist come from the shipped list.
    const outcome = await importDocument(ds, "007-2022.txt", Buffer.from(TEXT_2022), { actor: "test", status: "PUBLISHED" });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.rejection));
    server = await TestServer.start(ds);
  });
  afterAll(async () => {
    await server?.stop();
    await server?.ds.destroy();
    await db.drop();
  });

  const q = (query: string) => server.query<any, unknown>(query);

  it("ships no list for 2022: the test's premise", () => {
    expect(listYears).not.toContain(2022);
    expect(listYears[0]).toBeGreaterThan(2022);
  });

  it("names a year without a list of its own from the nearest list, and says which year that list is", async () => {
    const nearest = listYears[0]!;
    // 类 and 款: no list of 2022, none earlier, so the earliest list (2023) names them, and says so.
    for (const code of ["208", "20801"]) {
      const c = (await q(`{ subjectCode(code: "${code}", year: 2022) { code name year } }`)).subjectCode;
      expect(c.year, code).toBe(nearest);
    }
    // A later year without a list: the nearest earlier list.
    expect((await q(`{ subjectCode(code: "208", year: 2030) { year } }`)).subjectCode.year).toBe(listYears.at(-1));
    // No year asked: the latest name.
    expect((await q(`{ subjectCode(code: "208") { year } }`)).subjectCode.year).toBe(listYears.at(-1));
    // 类 of the economic schemes likewise.
    const econ = (await q(`{ economicCode(code: "301", year: 2022) { name year } }`)).economicCode;
    expect(econ).toEqual({ name: "工资福利支出", year: nearest });
  });

  it("names what the 2022 document printed as of 2022, and says 2022", async () => {
    const item = (await q(`{ subjectCode(code: "2080101", year: 2022) { name year parent { code year } } }`)).subjectCode;
    expect(item).toEqual({ name: printed2022("2080101"), year: 2022, parent: { code: "20801", year: listYears[0] } });
    const econ = (await q(`{ economicCode(code: "30101", year: 2022) { name year } }`)).economicCode;
    expect(econ).toEqual({ name: "基本工资", year: 2022 });
  });

  it("stores no list name under a year the list is not of", async () => {
    for (const table of ["subject_code_name", "economic_code_name"]) {
      const years = (await server.ds.query(`SELECT DISTINCT year FROM ${table} WHERE origin = 'CODE_LIST' ORDER BY year`)).map((r: { year: unknown }) => Number(r.year));
      expect(years, table).toEqual(listYears);
    }
  });

  it("names children as of the year asked, and adds their expenditure for it", async () => {
    const c = (await q(`{ subjectCode(code: "20801", year: 2022) { year expenditure children { code name year expenditure } } }`)).subjectCode;
    const items = c.children.filter((x: any) => x.year === 2022);
    expect(items.map((x: any) => x.code)).toEqual(["2080101", "2080102", "2080105", "2080106", "2080112"]);
    for (const x of items) expect(x.name, x.code).toBe(printed2022(x.code));
    const tenths = (s: string) => {
      const [w, f = ""] = s.split(".");
      return BigInt(w!) * 10n + BigInt((f + "0")[0]!);
    };
    expect(c.children.reduce((s: bigint, x: any) => s + tenths(x.expenditure), 0n)).toBe(tenths(c.expenditure));
    expect(c.expenditure).not.toBe("0");
  });

  it("names groups' codes the same way, each with the year its name is from", async () => {
    const groups = (await q(`{ expenditure(groupBy: [YEAR, SUBJECT_CLASS, SUBJECT_ITEM], rollup: true) { year subjectCode { code name year } } }`)).expenditure;
    const cls = groups.find((g: any) => g.year === 2022 && g.subjectCode?.code === "208" && g.subjectCode);
    expect(cls.subjectCode.year).toBe(listYears[0]);
    const item = groups.find((g: any) => g.year === 2022 && g.subjectCode?.code === "2080101");
    expect(item.subjectCode).toEqual({ code: "2080101", name: printed2022("2080101"), year: 2022 });
  });
});
