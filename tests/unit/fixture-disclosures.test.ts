import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Bundle } from "../../src/ingest/bundle/bundle.types";
import { modelFacts } from "../helpers/model-facts";
import { documentFindings } from "../../src/ingest/checks";
import { renderDisclosure } from "../../src/render/disclosure-text";
import { readModel } from "../../src/ingest/import";
import type { BudgetModel, DiscrepancyDraft } from "../../src/ingest/model";
import { SAMPLE_BUNDLE_FILE } from "../../src/ingest/sample";
import { sumWan } from "../helpers/fixtures";

/**
 * The hand-written department-years in tests/fixtures/disclosures: each bundle, and the text
 * rendered from it (by tests/fixtures/disclosures/render.ts), committed side by side.
 */
const DIR = join(__dirname, "../fixtures/disclosures");
const BUNDLES = readdirSync(DIR)
  .filter((f) => f.endsWith(".bundle.json"))
  .sort();
const textNameOf = (bundleName: string) => bundleName.replace(/\.bundle\.json$/, ".txt");

/** Every finding an import reports: the reader's own (names, layout) and the model checks. */
async function importFindings(fileName: string, bytes: Buffer): Promise<{ model: BudgetModel; findings: DiscrepancyDraft[] }> {
  const { model } = await readModel(fileName, bytes);
  return { model, findings: documentFindings(model, fileName) };
}

const show = (fs: DiscrepancyDraft[]) => fs.map((f) => `${f.severity} ${f.ruleId}: ${f.message}`);
const bundleOf = (name: string) => JSON.parse(readFileSync(join(DIR, name), "utf8")) as Bundle;

/** What the text must carry of the bundle: all but places, the project→subject link and aliases (which the text does not print), and the document's own parts. */
function facts(m: BudgetModel) {
  const { publishedFigures: _f, tables: _t, texts: _x, findings: _d, title: _title, amountUnit: _u, projects, ...rest } = modelFacts(m);
  return { ...rest, projects: projects.map(({ subject: _s, aliases: _a, ...p }) => p) };
}

describe("fixture disclosures", () => {
  it("has the two hand-written department-years", () => {
    expect(BUNDLES).toEqual(expect.arrayContaining(["002-2023.bundle.json", "007-2022.bundle.json"]));
  });

  describe.each(BUNDLES)("%s", (name) => {
    const bundle = bundleOf(name);
    const textName = textNameOf(name);
    const committed = readFileSync(join(DIR, textName), "utf8");

    it("has its committed text equal to a fresh render (re-run tests/fixtures/disclosures/render.ts)", () => {
      expect(committed).toBe(renderDisclosure(bundle));
    });

    it("reads back from the text as the bundle", async () => {
      const fromBundle = (await readModel(name, readFileSync(join(DIR, name)))).model;
      const fromText = (await readModel(textName, Buffer.from(committed, "utf8"))).model;
      expect(facts(fromText)).toEqual(facts(fromBundle));
    });

    it("gives no MATERIAL finding, as a bundle or as text", async () => {
      for (const [file, bytes] of [
        [name, readFileSync(join(DIR, name))],
        [textName, Buffer.from(committed, "utf8")],
      ] as const) {
        const { findings } = await importFindings(file, bytes);
        expect(show(findings.filter((f) => f.severity === "MATERIAL")), file).toEqual([]);
      }
    });
  });

  it("002-2023 (财政金融局) gives no finding at all, as a bundle or as text", async () => {
    for (const file of ["002-2023.bundle.json", "002-2023.txt"]) {
      const { model, findings } = await importFindings(file, readFileSync(join(DIR, file)));
      expect(show(findings), file).toEqual([]);
      expect(model.department.code).toBe("002");
    }
  });

  it("002-2023 states the totals chosen for it, and shares 208 with the HR bureau", () => {
    const b = bundleOf("002-2023.bundle.json");
    expect(b.stated).toEqual({
      incomeTotal: "1073.7",
      expenditureTotal: "1073.7",
      basicExpenditure: "843.7",
      projectExpenditure: "230.0",
      personnelExpenditure: "750.2",
      publicExpenditure: "93.5",
    });
    expect(sumWan(b.subjectLines.map((l) => l.amount))).toBe("1073.7");
    expect([...new Set(b.subjectLines.map((l) => l.subject.slice(0, 3)))].sort()).toEqual(["201", "208", "221"]);
  });

  it("007-2022 is the year before the 2023 sample says it was", () => {
    const b = bundleOf("007-2022.bundle.json");
    const sample = JSON.parse(readFileSync(SAMPLE_BUNDLE_FILE, "utf8")) as Bundle;
    const claim = sample.claims!.find((c) => c.topic === "EXPENDITURE_TOTAL" && c.change)!;
    // 2023: 8562.6, 180.8 less than 2022; 机构运转经费 89.3, 45.2 more than 2022.
    expect(b.stated.expenditureTotal).toBe(sumWan([claim.amount!, claim.change!.replace(/^-/, "")]));
    expect(b.stated.expenditureTotal).toBe("8743.4");
    expect(sumWan([b.operatingFunds!.total!, sample.operatingFunds!.change!])).toBe(sample.operatingFunds!.total!.replace(/\.?0+$/, ""));
    expect(b.department).toEqual(sample.department);
    expect([...new Set(b.subjectLines.map((l) => l.subject))].sort()).toEqual([...new Set(sample.subjectLines.map((l) => l.subject))].sort());
  });
});
