import { describe, expect, it } from "vitest";
import { parseAmount } from "../../src/common/money";
import type { Bundle } from "../../src/ingest/bundle/bundle.types";
import { readBundle } from "../../src/ingest/bundle/read-bundle";
import { checkModel } from "../../src/ingest/checks";
import { generateBundles } from "../../src/tools/generate-zone";

const fen = (s: string | null | undefined) => parseAmount(s!, "WAN_YUAN");
const sum = (xs: (string | null | undefined)[]) => xs.reduce((a, s) => a + fen(s), 0n);
const TENTH = 100_000n; // 0.1 万元 in 分

/** Every stated figure against its lines; the only allowed gap is projectExpenditure 0.1 below. */
function totals(b: Bundle): { rounding: boolean } {
  const s = b.stated;
  const basicLines = b.subjectLines.filter((l) => l.kind !== "PROJECT").map((l) => l.amount);
  const projectLines = sum(b.subjectLines.filter((l) => l.kind === "PROJECT").map((l) => l.amount));
  expect(fen(s.basicExpenditure)).toBe(sum(basicLines));
  expect(fen(s.expenditureTotal)).toBe(sum(b.subjectLines.map((l) => l.amount)));
  expect(fen(s.incomeTotal)).toBe(fen(s.expenditureTotal));
  expect(sum(b.incomeLines.map((l) => l.amount))).toBe(fen(s.incomeTotal));
  expect(fen(s.personnelExpenditure)).toBe(sum(b.economicLines.filter((l) => l.kind === "PERSONNEL").map((l) => l.amount)));
  expect(fen(s.publicExpenditure)).toBe(sum(b.economicLines.filter((l) => l.kind === "PUBLIC").map((l) => l.amount)));
  expect(fen(s.personnelExpenditure) + fen(s.publicExpenditure)).toBe(fen(s.basicExpenditure));
  expect(sum(b.projects.flatMap((p) => p.lines.map((l) => l.amount)))).toBe(projectLines);
  // One printed 合计 per subject row, the exact sum of the row's cells.
  const rows = b.subjectRowTotals!;
  expect(rows.map((r) => r.subject).sort()).toEqual([...new Set(b.subjectLines.map((l) => l.subject))].sort());
  for (const r of rows) expect(fen(r.amount), r.subject).toBe(sum(b.subjectLines.filter((l) => l.subject === r.subject && l.unit === r.unit).map((l) => l.amount)));
  const t = b.threePublic!;
  expect(fen(t.total)).toBe(fen(t.overseasTravel) + fen(t.vehicles) + fen(t.reception));
  expect(fen(t.vehicles)).toBe(fen(t.vehiclePurchase) + fen(t.vehicleOperation));
  expect(fen(b.operatingFunds!.total)).toBe(sum(b.operatingFunds!.items.map((i) => i.amount)));
  const p = b.procurement!;
  expect(fen(p.total)).toBe(fen(p.goods) + fen(p.works) + fen(p.services));
  const gap = projectLines - fen(s.projectExpenditure);
  expect([0n, TENTH]).toContain(gap);
  return { rounding: gap !== 0n };
}

const claim = (b: Bundle, topic: string) => b.claims!.find((c) => c.topic === topic)!;

describe("generateBundles", () => {
  it("is deterministic: the same options give byte-identical JSON, another seed does not", () => {
    const a = JSON.stringify(generateBundles({ departments: 4, years: 3, seed: 42 }));
    const b = JSON.stringify(generateBundles({ departments: 4, years: 3, seed: 42 }));
    const c = JSON.stringify(generateBundles({ departments: 4, years: 3, seed: 43 }));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it("gives a department the same data however many departments or later years are asked for", () => {
    const small = generateBundles({ departments: 2, years: 2, seed: 9 });
    const large = generateBundles({ departments: 5, years: 4, seed: 9 });
    expect(JSON.stringify(small[0])).toBe(JSON.stringify(large[0]));
    expect(JSON.stringify(small[3])).toBe(JSON.stringify(large[5]));
  });

  it("3 departments × 2 years: valid bundles, exact totals, stable projects and consistent claims", () => {
    const bundles = generateBundles({ departments: 3, years: 2, seed: 1 });
    expect(bundles).toHaveLength(6);
    expect(bundles.map((b) => `${b.department.code}-${b.year}`)).toEqual(["101-2021", "101-2022", "102-2021", "102-2022", "103-2021", "103-2022"]);

    for (const b of bundles) {
      const name = `${b.department.code}-${b.year}.bundle.json`;
      const model = readBundle(name, JSON.parse(JSON.stringify(b)));
      expect(checkModel(model, name).filter((f) => f.severity === "MATERIAL")).toEqual([]);
      totals(b);
      expect(b.department.name).toBe(`郑州高新技术产业开发区管委会${b.department.shortName}`);
      expect(b.department.units).toEqual([{ code: `${b.department.code}001`, name: b.department.name, isSelf: true }]);
      const codes = new Set(b.subjectLines.map((l) => l.subject));
      expect(codes.size).toBeGreaterThanOrEqual(4);
      expect(codes.size).toBeLessThanOrEqual(15);
      expect(b.projects.length).toBeGreaterThanOrEqual(5);
      expect(b.projects.length).toBeLessThanOrEqual(25);
      for (const p of b.projects) {
        expect(p.code).toMatch(new RegExp(`^410191\\d{15}$`));
        expect(p.lines).toHaveLength(1);
        expect(p.indicators!.length).toBeGreaterThanOrEqual(2);
        expect(p.indicators!.length).toBeLessThanOrEqual(6);
      }
      expect(b.economicLines.length).toBeGreaterThanOrEqual(8);
      expect(b.economicLines.length).toBeLessThanOrEqual(18);
      expect(b.departmentIndicators.length).toBeGreaterThanOrEqual(5);
      expect(b.departmentIndicators.length).toBeLessThanOrEqual(10);
    }

    for (let d = 0; d < 3; d++) {
      const [y1, y2] = [bundles[2 * d]!, bundles[2 * d + 1]!];
      // Same functional codes both years; a project keeps its code from year to year.
      expect([...new Set(y2.subjectLines.map((l) => l.subject))]).toEqual([...new Set(y1.subjectLines.map((l) => l.subject))]);
      const codeOf = new Map(y1.projects.map((p) => [p.name, p.code]));
      const continuing = y2.projects.filter((p) => codeOf.has(p.name));
      expect(continuing.length).toBeGreaterThan(0);
      for (const p of continuing) expect(p.code).toBe(codeOf.get(p.name));
      for (const p of y2.projects.filter((q) => !codeOf.has(q.name))) expect(p.code!.slice(6, 8)).toBe("22");
      expect(new Set(y2.projects.map((p) => p.code)).size).toBe(y2.projects.length);

      // First year: no change; second year: change = the difference of the stated totals.
      expect(claim(y1, "EXPENDITURE_TOTAL").change).toBeUndefined();
      const diff = fen(y2.stated.expenditureTotal) - fen(y1.stated.expenditureTotal);
      for (const topic of ["EXPENDITURE_TOTAL", "INCOME_TOTAL"]) {
        expect(fen(claim(y2, topic).amount)).toBe(fen(y2.stated.expenditureTotal));
        expect(fen(claim(y2, topic).change)).toBe(diff);
      }
      expect(fen(claim(y2, "OPERATING_FUNDS_TOTAL").change)).toBe(fen(y2.operatingFunds!.total) - fen(y1.operatingFunds!.total));
      expect(fen(y2.operatingFunds!.change)).toBe(fen(y2.operatingFunds!.total) - fen(y1.operatingFunds!.total));
    }
  });

  it("keeps year-on-year growth of every line between −15% and +20%", () => {
    const bundles = generateBundles({ departments: 10, years: 4, seed: 5 });
    const key = (b: Bundle) => b.department.code;
    let compared = 0;
    for (let i = 1; i < bundles.length; i++) {
      const [prev, cur] = [bundles[i - 1]!, bundles[i]!];
      if (key(prev) !== key(cur)) continue;
      compared++;
      const lines = (b: Bundle) =>
        new Map([
          ...b.subjectLines.map((l) => [`S${l.subject}${l.category}`, fen(l.amount)] as const),
          ...b.economicLines.map((l) => [`E${l.deptCode}`, fen(l.amount)] as const),
        ]);
      const before = lines(prev);
      const after = lines(cur);
      expect([...after.keys()]).toEqual([...before.keys()]);
      for (const [k, v] of after) {
        const old = before.get(k)!;
        expect(v * 100n >= old * 85n, `${key(cur)} ${cur.year} ${k}`).toBe(true);
        expect(v * 100n <= old * 120n, `${key(cur)} ${cur.year} ${k}`).toBe(true);
      }
    }
    expect(compared).toBe(10 * (4 - 1)); // every department, every year after its first
  });

  it("generates 60 departments × 5 years, all valid, about 1 in 10 with a rounding difference", () => {
    const bundles = generateBundles({ departments: 60, years: 5, seed: 1 });
    expect(bundles).toHaveLength(300);
    let rounding = 0;
    for (const b of bundles) {
      const name = `${b.department.code}-${b.year}`;
      const findings = checkModel(readBundle(name, b), name);
      expect(findings.filter((f) => f.severity === "MATERIAL")).toEqual([]);
      if (totals(b).rounding) rounding++;
    }
    expect(rounding).toBeGreaterThan(10);
    expect(rounding).toBeLessThan(60);
    const satisfaction = bundles.flatMap((b) => b.projects.flatMap((p) => p.indicators!.filter((i) => i.category === "SATISFACTION")));
    const low = satisfaction.filter((i) => /^≥[0-8]\d%$/.test(i.target)).length / satisfaction.length;
    expect(low).toBeGreaterThan(0.15);
    expect(low).toBeLessThan(0.35);
    expect(new Set(bundles.flatMap((b) => b.incomeLines.map((l) => l.source)))).toEqual(new Set(["GENERAL_PUBLIC_BUDGET", "GOVERNMENT_FUND", "UNIT_FUNDS"]));
  });

  it("numbers departments past 999 with four-digit codes, valid and the same whatever the count", () => {
    const bundles = generateBundles({ departments: 901, years: 1, seed: 3 });
    const last = bundles.at(-1)!;
    expect(bundles.map((b) => b.department.code).slice(-3)).toEqual(["999", "1000", "1001"]);
    expect(last.department.units[0]!.code).toBe("1001001");
    for (const b of bundles.slice(-2)) {
      const name = `${b.department.code}-${b.year}.bundle.json`;
      expect(checkModel(readBundle(name, JSON.parse(JSON.stringify(b))), name).filter((f) => f.severity === "MATERIAL")).toEqual([]);
      totals(b);
      for (const p of b.projects) expect(p.code).toMatch(/^\d{21}$/);
    }
    expect(JSON.stringify(generateBundles({ departments: 902, years: 1, seed: 3 })[900])).toBe(JSON.stringify(last));
  });
});
