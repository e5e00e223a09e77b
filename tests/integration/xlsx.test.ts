import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportBundle } from "../../src/ingest/export";
import { MAX_DOCUMENT_BYTES } from "../../src/ingest/front-ends/detect";
import { importDocument } from "../../src/ingest/import";
import { BROKEN_DIR, ORIGINALS, ORIGINALS_DIR } from "../fixtures/originals/render";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases";
import { rowCounts } from "../helpers/row-counts";
import { TestServer } from "../helpers/server";
import { withoutPlaces } from "../helpers/model-facts";

/**
 * The XLSX originals of tests/fixtures/originals imported through the real import path into one
 * database, their text forms into another: the API and the stored rows must give the same
 * figures. Broken originals are refused, naming file and problem, and write nothing.
 */
const textOf = (bundleFile: string) => bundleFile.replace(/\.bundle\.json$/, ".txt");
const idOf = (file: string) => ({ code: file.slice(0, 3), year: Number(file.slice(4, 8)) });

/** Places differ by design (line 412 against 部门支出总体情况表 row 9): everything else must not. */
function unplaced(v: unknown): unknown {
  if (typeof v === "string") return withoutPlaces(v);
  if (Array.isArray(v)) return v.map(unplaced);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).filter(([k]) => !["sourceRef", "line", "location"].includes(k)).map(([k, x]) => [k, unplaced(x)]));
  return v;
}

/** Every figure the API gives of one budget, with the places it gives beside them. */
const BUDGET = `query($code: String!, $year: Int!) { department(code: $code) { code name budget(year: $year) {
  year stage title
  incomeTotal expenditureTotal basicExpenditure projectExpenditure personnelExpenditure publicExpenditure
  computed { incomeTotal expenditureTotal basicExpenditure projectExpenditure personnelExpenditure }
  subjectLines { subjectCode { code name } kind category fundingSource amount(unit: YUAN) sourceRef }
  economicLines { deptEconomicCode { code name } govEconomicCode { code name } kind fundingSource amount(unit: YUAN) sourceRef }
  incomeLines { fundingSource label amount(unit: YUAN) sourceRef }
  threePublicExpenses { total overseasTravel vehicles vehiclePurchase vehicleOperation reception }
  publishedFigures { table row column subjectCode amount(unit: YUAN) line }
  documentTables { kind title listed present rowCount line }
  discrepancies { ruleId severity valueKind stated computed statedText computedText message location }
  sourceDocument { fileName format }
} } }`;

const BROKEN: [file: string, problem: RegExp][] = [
  ["truncated.xlsx", /^truncated\.xlsx: the ZIP container is damaged or cut short \(no central directory\): the file looks truncated$/],
  ["no-totals.xlsx", /^no-totals\.xlsx 封面及说明 row \d+: neither 部门支出总体情况表 \(支出总表\) nor 部门收支总体情况表 \(收支总表\) with its total was found/],
  ["formula-without-value.xlsx", /^formula-without-value\.xlsx 部门支出总体情况表!G6: formula =SUM\(G8:G19\) has no saved value: open and save the workbook in Excel, or export values$/],
  ["zip-bomb.xlsx", /^zip-bomb\.xlsx: the workbook unpacks to more than 200 MB \(a ZIP bomb, or far larger than any disclosure\): refused without reading it$/],
];

describe.each(DATABASE_KINDS)("[%s] XLSX originals imported", (kind) => {
  const xlsxDb = freshDatabase(kind);
  const textDb = freshDatabase(kind);
  let xds: DataSource;
  let tds: DataSource;
  let xapi: TestServer;
  let tapi: TestServer;

  beforeAll(async () => {
    [xds, tds] = await Promise.all([xlsxDb.open(), textDb.open()]);
    [xapi, tapi] = await Promise.all([TestServer.start(xds), TestServer.start(tds)]);
    for (const { file, bundle } of ORIGINALS) {
      const x = await importDocument(xds, file, readFileSync(join(ORIGINALS_DIR, file)), { actor: "test", status: "PUBLISHED" });
      expect(x.ok, JSON.stringify(x.ok ? null : x.rejection)).toBe(true);
      const t = await importDocument(tds, textOf(bundle).split("/").pop()!, readFileSync(textOf(bundle)), { actor: "test", status: "PUBLISHED" });
      expect(t.ok, JSON.stringify(t.ok ? null : t.rejection)).toBe(true);
    }
  });
  afterAll(async () => {
    await Promise.all([xapi?.stop(), tapi?.stop()]);
    await Promise.all([xds?.destroy(), tds?.destroy()]);
    await Promise.all([xlsxDb.drop(), textDb.drop()]);
  });

  it("writes as many rows of every kind as the text forms do", async () => {
    const [x, t] = await Promise.all([rowCounts(xds), rowCounts(tds)]);
    expect(x).toEqual(t);
    expect(x.department_budget).toBe(ORIGINALS.length);
  });

  it.each(ORIGINALS)("gives through the API every figure of $file as its text form does", async ({ file }) => {
    const vars = idOf(file);
    const [x, t] = await Promise.all([xapi.query<any, typeof vars>(BUDGET, vars), tapi.query<any, typeof vars>(BUDGET, vars)]);
    const xb = x.department.budget;
    expect(xb.sourceDocument).toEqual({ fileName: file, format: "DISCLOSURE_XLSX" });
    expect(t.department.budget.sourceDocument.format).toBe("DISCLOSURE_TEXT");
    const { sourceDocument: _x, ...xs } = xb;
    const { sourceDocument: _t, ...ts } = t.department.budget;
    expect(unplaced({ ...x.department, budget: xs })).toEqual(unplaced({ ...t.department, budget: ts }));
    expect(xb.subjectLines.length).toBeGreaterThan(5);
    expect(xb.publishedFigures.length).toBeGreaterThan(20);
    // Places are the workbook's: sheet and row, no line numbers.
    expect(xb.subjectLines.every((l: any) => l.sourceRef.startsWith(`${file} 部门支出总体情况表 row `))).toBe(true);
    expect(xb.publishedFigures.every((f: any) => f.line === null)).toBe(true);
  });

  it.each(ORIGINALS)("stores $file as the text form is stored: the export of both is one bundle", async ({ file }) => {
    const { code, year } = idOf(file);
    const budgetId = async (ds: DataSource) =>
      Number((await ds.query("SELECT b.id FROM department_budget b JOIN department d ON d.id = b.department_id WHERE d.code = ? AND b.year = ? AND b.is_current = 1", [code, year]))[0].id);
    const [x, t] = await Promise.all([exportBundle(xds, await budgetId(xds)), exportBundle(tds, await budgetId(tds))]);
    expect(unplaced(x)).toEqual(unplaced(t));
    expect(x.subjectLines.length).toBeGreaterThan(5);
  });

  it.each(BROKEN)("refuses %s, naming the file and the problem, and writes nothing", async (file, problem) => {
    const before = await rowCounts(xds);
    const audits = await auditCount(xds);
    const outcome = await importDocument(xds, file, readFileSync(join(BROKEN_DIR, file)), { actor: "test", status: "PUBLISHED" });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const [p] = outcome.rejection.problems;
    expect(p!.message).toMatch(problem);
    expect(p!.line).toBeNull();
    expect(await rowCounts(xds)).toEqual(before);
    expect(await auditCount(xds)).toBe(audits + 1);
  });

  it("refuses a garbled cell, placing it in its sheet and cell, and writes nothing", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(ORIGINALS_DIR, "007-2023.xlsx")) as unknown as ExcelJS.Buffer);
    wb.getWorksheet("部门支出总体情况表")!.getCell("F9").value = "26O.0";
    const before = await rowCounts(xds);
    const outcome = await importDocument(xds, "garbled.xlsx", Buffer.from(await wb.xlsx.writeBuffer()), { actor: "test", status: "PUBLISHED" });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.rejection.problems).toEqual([
      { line: null, field: null, location: "garbled.xlsx 部门支出总体情况表!F9", message: 'garbled.xlsx 部门支出总体情况表!F9: 合计: "26O.0" is not an amount' },
    ]);
    expect(await rowCounts(xds)).toEqual(before);
  });

  it("refuses a file over the size limit before reading it (bytes made here), and writes nothing", async () => {
    const big = Buffer.concat([readFileSync(join(ORIGINALS_DIR, "007-2023.xlsx")), Buffer.alloc(MAX_DOCUMENT_BYTES)]);
    const before = await rowCounts(xds);
    const outcome = await importDocument(xds, "huge.xlsx", big, { actor: "test", status: "PUBLISHED" });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.rejection.problems[0]!.message).toBe(`huge.xlsx: the file is ${(big.length / 1024 / 1024).toFixed(1)} MB; the importer takes files of at most 50 MB`);
    expect(await rowCounts(xds)).toEqual(before);
  });
});

async function auditCount(ds: DataSource): Promise<number> {
  return Number((await ds.query("SELECT COUNT(*) AS n FROM audit_event"))[0].n);
}
