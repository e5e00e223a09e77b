import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Bundle } from "../../src/ingest/bundle/bundle.types";
import { readBundle } from "../../src/ingest/bundle/read-bundle";
import { readDocument } from "../../src/ingest/disclosure/document";
import { readDisclosure } from "../../src/ingest/disclosure/read-disclosure";
import { TABLE_WIDTHS, chineseNumber, printAmount, renderDisclosure } from "../../src/render/disclosure-text";
import type { BudgetModel } from "../../src/ingest/model";

const SAMPLES = join(__dirname, "../../src/ingest/samples");
const BUNDLE = join(SAMPLES, "007-2023.bundle.json");
const RENDERED = join(SAMPLES, "007-2023.txt");
const FILE = "007-2023.txt";

const CATEGORY_RANK: Record<string, number> = { COST: 0, OUTPUT: 1, BENEFIT: 2, SATISFACTION: 3 };
const byKey = <T>(xs: T[]) => [...xs].sort((a, b) => (JSON.stringify(a, big) < JSON.stringify(b, big) ? -1 : 1));
const big = (_k: string, v: unknown) => (typeof v === "bigint" ? `${v}n` : v);

/** The parts of a model the rendering must carry, without sourceRef / line / provenance fields. */
function facts(m: BudgetModel) {
  return {
    department: m.department,
    year: m.year,
    stage: m.stage,
    stated: m.stated,
    subjectLines: byKey(m.subjectLines.map((l) => ({ unit: l.unit, subject: l.subject, kind: l.kind, category: l.category, fundingSource: l.fundingSource, fen: l.fen }))),
    economicLines: byKey(
      m.economicLines.map((l) => ({ unit: l.unit, deptCode: l.deptCode, deptName: l.deptName, govCode: l.govCode, govName: l.govName, kind: l.kind, fundingSource: l.fundingSource, fen: l.fen })),
    ),
    incomeLines: byKey(m.incomeLines.map((l) => ({ source: l.source, label: l.label, fen: l.fen }))),
    projects: m.projects.map((p) => ({
      code: p.code,
      name: p.name,
      category: p.category,
      unit: p.unit,
      lines: byKey(p.lines.map((l) => ({ fundingSource: l.fundingSource, fen: l.fen }))),
      // The model keeps indicators column by column (成本, 产出, 效益, 满意度), in printed order within each.
      indicators: (p.indicators ?? [])
        .map((ind, i) => ({ ind, i }))
        .sort((a, b) => CATEGORY_RANK[a.ind.category ?? "OUTPUT"]! - CATEGORY_RANK[b.ind.category ?? "OUTPUT"]! || a.i - b.i)
        .map(({ ind }) => ({ category: ind.category ?? null, name: ind.name, target: ind.target })),
      aliasCodes: (p.aliases ?? []).map((a) => a.code ?? null).sort(),
    })),
    departmentIndicators: m.departmentIndicators.map((i) => ({
      level1: i.level1 ?? null,
      level2: i.level2 ?? null,
      name: i.name,
      target: i.target,
      explanation: i.explanation ?? null,
    })),
    threePublic: m.threePublic,
    operatingFunds: m.operatingFunds,
    procurement: m.procurement,
    assets: m.assets,
    claims: m.claims.map((c) => ({
      topic: c.topic,
      label: c.label,
      amount: c.amount,
      change: c.change,
      ratePercent: c.ratePercent,
      sharePercent: c.sharePercent,
      reason: c.reason,
    })),
  };
}

describe("renderDisclosure on the 007 2023 sample bundle", () => {
  const bundle = JSON.parse(readFileSync(BUNDLE, "utf8")) as Bundle;
  const text = renderDisclosure(bundle);
  const expected = facts(readBundle("007-2023.bundle.json", bundle));
  const actual = facts(readDisclosure(FILE, text));

  it("reads back as the bundle: department, year, stage, stated totals", () => {
    expect(actual.department).toEqual(expected.department);
    expect([actual.year, actual.stage]).toEqual([expected.year, expected.stage]);
    expect(actual.stated).toEqual(expected.stated);
  });

  it("reads back the subject, economic and income lines", () => {
    expect(actual.subjectLines).toEqual(expected.subjectLines);
    expect(actual.economicLines).toEqual(expected.economicLines);
    expect(actual.incomeLines).toEqual(expected.incomeLines);
  });

  it("reads back the projects with their lines, indicators and aliases' codes", () => {
    expect(actual.projects).toEqual(expected.projects);
    expect(actual.projects).toHaveLength(18);
  });

  it("reads back the department's indicators", () => {
    expect(actual.departmentIndicators).toEqual(expected.departmentIndicators);
  });

  it("reads back 三公, 机构运转经费, 政府采购 and 国有资产", () => {
    expect(actual.threePublic).toEqual(expected.threePublic);
    expect(actual.operatingFunds).toEqual(expected.operatingFunds);
    expect(actual.procurement).toEqual(expected.procurement);
    expect(actual.assets).toEqual(expected.assets);
  });

  it("states the bundle's claims, in order", () => {
    expect(actual.claims).toEqual(expected.claims);
  });

  it("prints every table row at its template's full width", () => {
    const doc = readDocument(FILE, text);
    const kinds = doc.tables.map((t) => t.kind);
    expect(kinds).toEqual([
      "OVERVIEW",
      "EXPENDITURE",
      "FISCAL_OVERVIEW",
      "GENERAL_EXPENDITURE",
      "BASIC_ECONOMIC",
      "THREE_PUBLIC",
      "PROJECTS",
      "DEPT_PERFORMANCE",
      "PROJECT_PERFORMANCE",
    ]);
    expect(doc.listed.map((l) => l.kind)).toEqual(kinds);
    for (const t of doc.tables) {
      const width = TABLE_WIDTHS[t.kind!]!;
      expect(t.rows[0]!.cells, `${t.title} header`).toHaveLength(width);
      for (const r of t.rows) expect(r.cells.length, `${t.title} line ${r.no}`).toBe(width);
      expect(t.departmentName).toBe(bundle.department.name);
      expect(t.unit).toBe("WAN_YUAN");
    }
  });

  it("reads its tables by position: no row is taken for one whose empty columns were dropped", () => {
    const model = readDisclosure(FILE, text);
    const rules = new Set(model.findings.map((f) => f.ruleId));
    expect(rules.has("ROW_CELLS_SHIFTED")).toBe(false);
    expect(rules.has("TABLE_MISSING")).toBe(false);
    expect(rules.has("TABLE_UNLISTED")).toBe(false);
    expect(rules.has("TABLE_WITHOUT_UNIT")).toBe(false);
  });

  it("prints amounts with separators and the bundle's decimals", () => {
    expect(text).toContain("\t1,860.0\t");
    expect(text).toContain("\t4,458.0\t");
    expect(text).not.toMatch(/\d{4}\.\d\t/); // no table amount of four digits or more without a separator
    expect(printAmount("1234567.50")).toBe("1,234,567.50");
    expect(printAmount("-4011.9")).toBe("-4,011.9");
    expect(printAmount("0")).toBe("0");
    expect(printAmount(null)).toBe("");
  });

  it("is the shipped 007-2023.txt", () => {
    expect(readFileSync(RENDERED, "utf8")).toBe(text);
  });

  it("numbers in Chinese", () => {
    expect([1, 9, 10, 11, 19, 20, 27, 34].map(chineseNumber)).toEqual(["一", "九", "十", "十一", "十九", "二十", "二十七", "三十四"]);
  });
});
