import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Bundle } from "../../src/ingest/bundle/bundle.types";
import { DocumentError, readDocument, type DisclosureDoc, type TableKind } from "../../src/ingest/disclosure/document";
import { readDepartmentPerformance, readProjectPerformance, type IndicatorDraft } from "../../src/ingest/disclosure/performance";
import { SEED_FILE, seedAvailable, seedText } from "../helpers/seed";

const SAMPLE = join(__dirname, "../../src/ingest/samples/007-2023.bundle.json");
const FILE = seedAvailable ? basename(SEED_FILE!) : "";

function table(doc: DisclosureDoc, kind: TableKind) {
  const t = doc.tables.find((x) => x.kind === kind);
  if (!t) throw new Error(`no ${kind} table`);
  return t;
}

const withoutLine = (xs: IndicatorDraft[]) => xs.map(({ line: _line, ...rest }) => rest);

describe.skipIf(!seedAvailable)("performance tables of the 2023 人力资源局 disclosure", () => {
  const text = seedAvailable ? seedText() : "";
  const doc = seedAvailable ? readDocument(FILE, text) : (null as unknown as DisclosureDoc);
  const sample = JSON.parse(readFileSync(SAMPLE, "utf8")) as Bundle;
  const lineText = (no: number) => doc.lines[no - 1]!.text;

  describe("项目绩效目标汇总表", () => {
    const listings = seedAvailable ? readProjectPerformance(table(doc, "PROJECT_PERFORMANCE"), "WAN_YUAN", FILE) : [];

    it("reads two listings of 18 projects, each opened by the 007 / 007001 rows", () => {
      expect(listings).toHaveLength(2);
      for (const l of listings) {
        expect(l.projects).toHaveLength(18);
        expect(l.departmentCode).toBe("007");
        expect(l.unitCode).toBe("007001");
        expect(l.stated).toEqual({ total: 4_011_900_000n, government: 4_011_900_000n });
      }
    });

    it("keeps the codes as printed, the 22-digit one included", () => {
      const first = listings[0]!.projects.map((p) => p.code);
      const second = listings[1]!.projects.map((p) => p.code);
      expect(first).toContain("4101912300000000009630");
      expect([...first].sort()).toEqual(sample.projects.flatMap((p) => p.aliases!.map((a) => a.code)).sort());
      expect([...second].sort()).toEqual(sample.projects.map((p) => p.code).sort());
    });

    it("reads the amount columns", () => {
      const pension = listings[1]!.projects.find((p) => p.code === "410191230000000004083")!;
      expect(pension.name).toBe("城乡居民基本养老保险");
      expect(pension.amounts).toEqual({ total: 1_850_000_000n, government: 1_850_000_000n, specialAccount: null, unitFunds: null });
    });

    it("gives the second listing's indicators the sample's names, targets and categories", () => {
      expect(listings[1]!.projects).toHaveLength(sample.projects.length);
      for (const expected of sample.projects) {
        const project = listings[1]!.projects.find((p) => p.code === expected.code);
        expect(project, expected.code).toBeDefined();
        expect(withoutLine(project!.indicators), expected.code).toEqual(expected.indicators);
      }
    });

    it("numbers each indicator with the line that prints it", () => {
      const indicators = listings.flatMap((l) => l.projects).flatMap((p) => p.indicators);
      expect(indicators.length).toBeGreaterThanOrEqual(sample.projects.flatMap((p) => p.indicators ?? []).length);
      for (const i of indicators) {
        expect(lineText(i.line)).toContain(i.name);
        expect(lineText(i.line)).toContain(i.target);
      }
    });

    it("returns the first listing's indicators as read (three projects carry some)", () => {
      const withIndicators = listings[0]!.projects.filter((p) => p.indicators.length > 0);
      expect(withIndicators.map((p) => p.code)).toEqual(["410191230000000004956", "410191230000000004957", "410191230000000004958"]);
      const resettlement = withIndicators[2]!;
      expect(resettlement.indicators.find((i) => i.category === "BENEFIT")).toMatchObject({ name: "为退役士兵发放补助", target: "补助退役士兵生活" });
    });
  });

  describe("部门(单位)整体绩效目标表", () => {
    const dept = seedAvailable ? readDepartmentPerformance(table(doc, "DEPT_PERFORMANCE"), "WAN_YUAN", FILE) : null!;

    it("assigns 一级/二级 as the sample transcribed them", () => {
      expect(withoutLine(dept.indicators)).toEqual(sample.departmentIndicators);
      for (const i of dept.indicators) expect(lineText(i.line)).toContain(i.name);
    });

    it("reads the 预算情况 figures, blank ones omitted", () => {
      expect(dept.figures.map(({ label, amount }) => ({ label, amount }))).toEqual([
        { label: "部门预算总额", amount: 8_562_600_000n },
        { label: "政府预算资金", amount: 8_562_600_000n },
        { label: "基本支出", amount: 4_550_700_000n },
        { label: "项目支出", amount: 4_011_900_000n },
      ]);
    });

    it("reads goals without the HTML paragraph tags, and the six tasks", () => {
      expect(dept.goals).toMatch(/^一、深化管理体制机制改革/);
      expect(dept.goals).not.toMatch(/<\/?p>/);
      expect(dept.tasks).toHaveLength(6);
      expect(dept.tasks[5]).toMatchObject({ name: "做好人才服务和人力资源保障", line: 402 });
      expect(dept.tasks[0]!.content).toMatch(/^根据省、市机构改革精神/);
    });

    it("records the re-join of the 二级 label split over a page break", () => {
      const rejoin = dept.repairs.find((r) => r.note.includes("re-joined as \"重点工作任务完成\""));
      expect(rejoin).toBeDefined();
      expect(rejoin!.note).toContain("重点工作任务完");
      // Every row whose levels were not printed on it says where they came from.
      const unprinted = dept.indicators.filter((i) => !lineText(i.line).includes(i.level1!));
      expect(unprinted.length).toBeGreaterThan(0);
      for (const i of unprinted) expect(dept.repairs.some((r) => r.line === i.line && r.note.includes(i.level1!))).toBe(true);
    });
  });

  it("rejects a garbled 资金总额 cell naming the file and the line", () => {
    const at = text.indexOf("\n007\t\t4,011.9") + 1;
    const line = text.slice(0, at).split("\n").length;
    const broken = text.slice(0, at) + text.slice(at).replace("4,011.9", "4,0x1.9");
    const brokenDoc = readDocument(FILE, broken);
    let error: unknown;
    try {
      readProjectPerformance(table(brokenDoc, "PROJECT_PERFORMANCE"), "WAN_YUAN", FILE);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DocumentError);
    expect((error as DocumentError).message).toContain(`${FILE}:${line}`);
    expect((error as DocumentError).message).toContain("资金总额");
    expect((error as DocumentError).message).toContain("4,0x1.9");
  });
});
