import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataSource } from "typeorm";
import { MAX_DOCUMENT_BYTES } from "../../src/ingest/front-ends/detect";
import { readPdfLayout } from "../../src/ingest/front-ends/pdf";
import { importDocument, readModel } from "../../src/ingest/import";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases";
import { handmadePdf } from "../helpers/handmade-pdf";
import { modelFacts, withoutPlaces } from "../helpers/model-facts";
import { rowCounts } from "../helpers/row-counts";
import { TestServer } from "../helpers/server";

const ORIGINALS = join(__dirname, "..", "fixtures", "originals");
const ROOT = join(__dirname, "..", "..");
const original = (name: string) => readFileSync(join(ORIGINALS, name));
/** Node's own, before any PDF is read. */
const NATIVE = { parse: JSON.parse, stringify: JSON.stringify, push: Array.prototype.push };

/** Each PDF and the text it was printed from (tests/fixtures/originals/make-pdf.ts). */
const PRINTED: [pdf: string, text: string][] = [
  ["007-2023.pdf", "src/ingest/samples/007-2023.txt"],
  ["007-2022.pdf", "tests/fixtures/disclosures/007-2022.txt"],
  ["002-2023.pdf", "tests/fixtures/disclosures/002-2023.txt"],
];

describe("reading PDF originals", () => {
  it.each(PRINTED)("%s gives the facts its text gives: every figure, name, indicator, claim and finding", async (pdf, text) => {
    const fromPdf = await readModel(pdf, original(pdf));
    const fromText = await readModel(text, readFileSync(join(ROOT, text)));
    expect(fromPdf.format).toBe("DISCLOSURE_PDF");
    expect(modelFacts(fromPdf.model)).toEqual(modelFacts(fromText.model));
    expect(fromPdf.model.subjectLines.length).toBeGreaterThan(5);
  });

  it("places what it read by page and line", async () => {
    const { model } = await readModel("007-2023.pdf", original("007-2023.pdf"));
    const figure = model.publishedFigures.find((f) => f.tableKind === "EXPENDITURE" && f.subjectCode === "2080101" && f.columnLabel === "合计")!;
    expect(figure.fen).toBe(4_550_700_000n);
    expect(figure.line).toBeNull();
    expect(figure.location).toMatch(/^007-2023\.pdf page \d+ line \d+$/);
    expect(model.subjectLines[0]!.sourceRef).toMatch(/^007-2023\.pdf page \d+ line \d+ 部门支出总体情况表 /);
  });

  it("reads tables printed without rules from the positions of their text, reporting the columns it could not place", async () => {
    const fromPdf = await readModel("007-2023-unruled.pdf", original("007-2023-unruled.pdf"));
    const fromText = await readModel("007-2023.txt", readFileSync(join(ROOT, "src/ingest/samples/007-2023.txt")));
    const { findings: pdfFindings, ...pdfFacts } = modelFacts(fromPdf.model);
    const { findings: textFindings, ...textFacts } = modelFacts(fromText.model);
    expect(pdfFacts).toEqual(textFacts);
    // A column blank in every row and headed only in an upper header row has no text to place it:
    // the reader places those rows' figures by arithmetic and says so.
    const extra = pdfFindings.filter((f) => !textFindings.some((t) => JSON.stringify(t) === JSON.stringify(f)));
    expect(extra.map((f) => f.ruleId)).toEqual(extra.map(() => "ROW_CELLS_SHIFTED"));
    expect(textFindings.filter((t) => !pdfFindings.some((f) => JSON.stringify(t) === JSON.stringify(f)))).toEqual([]);
  });

  it.each([
    ["broken-truncated.pdf", /^broken-truncated\.pdf: not a readable PDF .*cut short/],
    ["broken-encrypted.pdf", /^broken-encrypted\.pdf: the PDF is password-protected/],
    ["broken-scanned.pdf", /^broken-scanned\.pdf: the PDF has \d+ page\(s\) but no text layer .*no OCR/],
    ["broken-garbled.pdf", /^broken-garbled\.pdf page \d+ line \d+: 合计: "26O\.0" is not an amount$/],
  ])("refuses %s, naming the file and what is wrong", async (name, message) => {
    await expect(readModel(name, original(name))).rejects.toThrow(message);
  });

  it("leaves Node's built-ins as they were: pdf.js's polyfills would slow every JSON.stringify of the process", async () => {
    await readModel("007-2023.pdf", original("007-2023.pdf"));
    await expect(readModel("broken-garbled.pdf", original("broken-garbled.pdf"))).rejects.toThrow();
    expect({ parse: JSON.parse, stringify: JSON.stringify, push: Array.prototype.push }).toEqual(NATIVE);
    expect(JSON.stringify).toBe(NATIVE.stringify);
  });

  it("reads a page the operator list cannot place (turned text, a form) from pdf.js's text layer, beside one it can", async () => {
    const pdf = handmadePdf([
      // (A paint with no path before it, as some writers leave, is drawn as nothing.)
      "BT /F1 12 Tf 72 700 Td [(plain)-2000(cells)] TJ ET 72 690 m 300 690 l S S f",
      "BT /F1 12 Tf 0 1 -1 0 300 300 Tm [(turned)-300(text)] TJ ET",
      "q 1 0 0 1 72 600 cm /Fm1 Do Q BT /F2 12 Tf 72 500 Td (beside the form) Tj ET",
      // Where the annotation's box would fall, were it read as the page's own rules: plain text, not a table.
      "BT /F1 10 Tf 10 12 Td (under the note) Tj ET",
    ]);
    const layout = await readPdfLayout("handmade.pdf", pdf);
    expect(layout.lines.map((l) => [l.at, l.cells.join("|")])).toEqual([
      ["handmade.pdf page 1 line 1", "plain cells"],
      ["handmade.pdf page 2 line 1", "turned text"],
      ["handmade.pdf page 3 line 1", "inside a form"],
      ["handmade.pdf page 3 line 2", "beside the form"],
      ["handmade.pdf page 4 line 1", "under the note"],
    ]);
    expect(layout.lines.filter((l) => l.grid !== undefined)).toEqual([]);
    expect(layout.lines.at(-2)!.style?.bold).toBe(true);
  });

  it("reads text in a CJK font the PDF does not embed (宋体 through a predefined CMap)", async () => {
    const pdf = handmadePdf(["BT /F4 12 Tf 72 700 Td <4EBA529B8D446E90> Tj ( ) Tj <5C40> Tj ET"]);
    const layout = await readPdfLayout("songti.pdf", pdf);
    expect(layout.lines.map((l) => l.cells.join("|"))).toEqual(["人力资源局"]);
  });

  it("refuses text none of whose glyphs reads as a character, saying so rather than calling it a scan", async () => {
    const pdf = handmadePdf(["BT /F5 12 Tf 72 700 Td <4EBA529B> Tj ET"]);
    await expect(readPdfLayout("unknown.pdf", pdf)).rejects.toThrow(/^unknown\.pdf: the PDF draws text \(1 text runs on 1 page\(s\)\) but none of it reads as characters: .*fonts embedded/);
  });

  it("refuses a file over the size limit before reading it", async () => {
    const big = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(MAX_DOCUMENT_BYTES)]);
    await expect(readModel("huge.pdf", big)).rejects.toThrow(/^huge\.pdf: the file is 50\.0 MB; the importer takes files of at most 50 MB$/);
  });
});

const QUERY = `{
  department(code: "007") {
    code name shortName regionCode units { code name isSelf }
    budget(year: 2023) {
      incomeTotal expenditureTotal basicExpenditure projectExpenditure personnelExpenditure publicExpenditure
      publishedFigures { table row column amount }
      subjectLines { amount subjectCode { code name } kind category fundingSource }
      economicLines { amount deptEconomicCode { code name } govEconomicCode { code name } kind }
      incomeLines { amount label fundingSource }
      projects(first: 100) { totalCount nodes { code name amount lines { amount fundingSource } aliases { code name source } indicators { name target category comparator value unit } } }
      indicators { level1 level2 name target explanation }
      narrativeClaims { topic section label amount change ratePercent sharePercent reason }
      operatingFunds { total change reason items { name amount } }
      threePublicExpenses { total overseasTravel vehicles vehiclePurchase vehicleOperation reception }
      procurement { total goods works services }
      assets { kind name count }
      texts { kind title body }
      documentTables { kind title listed present rowCount }
      discrepancies { ruleId severity message stated computed statedText computedText valueKind }
    }
  }
}`;

describe.each(DATABASE_KINDS)("[%s] a PDF original imported, through the API", (kind) => {
  const pdfDb = freshDatabase(kind);
  const textDb = freshDatabase(kind);
  let pdfDs: DataSource;
  let textDs: DataSource;

  beforeAll(async () => {
    pdfDs = await pdfDb.open();
    textDs = await textDb.open();
  });
  afterAll(async () => {
    await pdfDs?.destroy();
    await textDs?.destroy();
    await pdfDb.drop();
    await textDb.drop();
  });

  async function answer(ds: DataSource): Promise<unknown> {
    const server = await TestServer.start(ds);
    try {
      const data = await server.query<any, unknown>(QUERY);
      return JSON.parse(JSON.stringify(data), (k, v) => (typeof v === "string" && (k === "message" || k === "source") ? withoutPlaces(v) : v));
    } finally {
      await server.stop();
    }
  }

  it("answers every figure as the text import does", async () => {
    const pdf = await importDocument(pdfDs, "007-2023.pdf", original("007-2023.pdf"), { actor: "test", status: "PUBLISHED" });
    const text = await importDocument(textDs, "007-2023.txt", readFileSync(join(ROOT, "src/ingest/samples/007-2023.txt")), { actor: "test", status: "PUBLISHED" });
    expect(pdf.ok && text.ok).toBe(true);
    const fromPdf = (await answer(pdfDs)) as any;
    expect(fromPdf.department.budget.expenditureTotal).toBe("8562.6");
    expect(fromPdf.department.budget.subjectLines.length).toBeGreaterThan(5);
    expect(fromPdf).toEqual(await answer(textDs));
    const [doc] = await pdfDs.query("SELECT format, file_name FROM source_document");
    expect(doc).toMatchObject({ format: "DISCLOSURE_PDF", file_name: "007-2023.pdf" });
  });

  it.each(["broken-truncated.pdf", "broken-encrypted.pdf", "broken-scanned.pdf", "broken-garbled.pdf"])("writes nothing for %s", async (name) => {
    const before = await rowCounts(pdfDs);
    const outcome = await importDocument(pdfDs, name, original(name), { actor: "test", status: "PUBLISHED" });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.rejection.problems[0]!.message).toContain(name);
    expect(await rowCounts(pdfDs)).toEqual(before);
  });
});
