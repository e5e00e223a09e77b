import { describe, expect, it } from "vitest";
import { readBundle } from "../../src/ingest/bundle/read-bundle";
import { documentFindings } from "../../src/ingest/checks";
import { renderDisclosure } from "../../src/render/disclosure-text";
import { readDisclosure } from "../../src/ingest/disclosure/read-disclosure";
import { generateBundles } from "../../src/tools/generate-zone";
import type { BudgetModel } from "../../src/ingest/model";

/** What must survive bundle → disclosure text → importer: every figure, with its source. */
function essence(m: BudgetModel) {
  const s = (x: bigint | null) => (x === null ? null : x.toString());
  return {
    stated: Object.fromEntries(Object.entries(m.stated).map(([k, v]) => [k, s(v)])),
    subjectLines: m.subjectLines.map((l) => [l.subject, l.kind, l.category, l.fundingSource, s(l.fen)].join("|")).sort(),
    economicLines: m.economicLines.map((l) => [l.deptCode, l.govCode, l.kind, s(l.fen)].join("|")).sort(),
    incomeLines: m.incomeLines.map((l) => [l.source, s(l.fen)].join("|")).sort(),
    projects: m.projects.map((p) => [p.code, p.name, p.category, p.lines.map((l) => s(l.fen)).join("+"), p.indicators.map((i) => `${i.category}:${i.name}:${i.target}`).join(";")].join("|")).sort(),
    departmentIndicators: m.departmentIndicators.map((i) => `${i.level1}/${i.level2}/${i.name}:${i.target}`),
    claims: m.claims.map((c) => [c.topic, s(c.amount), s(c.change), c.ratePercent, c.sharePercent].join("|")),
  };
}

describe("generated departments, written as disclosures and read back", () => {
  // Several funding sources, both project categories, rounding cases: what the sample alone does not cover.
  const bundles = generateBundles({ departments: 12, years: 2, seed: 3 });

  it.each(bundles.map((b) => [`${b.department.code}-${b.year}`, b] as const))("%s reads back to the same figures", (name, b) => {
    const fromText = readDisclosure(`${name}.txt`, renderDisclosure(b));
    expect(essence(fromText)).toEqual(essence(readBundle(`${name}.json`, b)));
    expect(documentFindings(fromText, name).filter((d) => d.severity === "MATERIAL")).toEqual([]);
  });

  it("covers more than one funding source", () => {
    const sources = new Set(bundles.flatMap((b) => b.subjectLines.map((l) => l.fundingSource)));
    expect(sources.size).toBeGreaterThan(1);
  });
});
