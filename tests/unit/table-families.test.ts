import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { documentFindings } from "../../src/ingest/checks";
import { parseTitle } from "../../src/ingest/disclosure/document";
import { TABLE_FAMILIES, looksLikeTableTitle, recognizeTable } from "../../src/ingest/disclosure/table-families";
import { readModel } from "../../src/ingest/import";
import { SAMPLE_FILE } from "../../src/ingest/sample";
import { SEED_FILE, seedAvailable, seedText } from "../helpers/seed";

/** Tables are recognised by meaning: their title against each family's names, then their header words. */
describe("recognising the standard tables", () => {
  it("knows every family's own names, and its reporting title", () => {
    for (const f of TABLE_FAMILIES) {
      expect(recognizeTable(f.title), f.title).toBe(f.kind);
      for (const name of f.names) expect(recognizeTable(`2023年${name}`), name).toBe(f.kind);
      expect(f.meaning.length, f.kind).toBeGreaterThan(4);
    }
  });

  it.each([
    ["收支总表", "OVERVIEW"],
    ["2023年度部门收支预算总表", "OVERVIEW"],
    ["财务收支预算总表", "OVERVIEW"],
    ["支出总表", "EXPENDITURE"],
    ["部门支出预算表", "EXPENDITURE"],
    ["收入总表", "INCOME"],
    ["财政拨款收支总表", "FISCAL_OVERVIEW"],
    ["一般公共预算财政拨款支出表", "GENERAL_EXPENDITURE"],
    ["一般公共预算财政拨款基本支出表", "BASIC_ECONOMIC"],
    ["财政拨款“三公”经费支出表", "THREE_PUBLIC"],
    ["项目支出表", "PROJECTS"],
    ["项目支出绩效目标表", "PROJECT_PERFORMANCE"],
    ["部门整体支出绩效目标表", "DEPT_PERFORMANCE"],
    ["表3：部门支出总表（万元）", "EXPENDITURE"],
    ["十一、项目支出预算表", "PROJECTS"],
  ])("reads “%s” as %s", (title, kind) => {
    expect(recognizeTable(title)).toBe(kind);
  });

  it("never takes a performance table for a budget table", () => {
    for (const title of ["项目支出绩效目标表", "2023年项目支出绩效目标表", "部门项目支出绩效目标表", "项目绩效目标表"]) expect(recognizeTable(title)).toBe("PROJECT_PERFORMANCE");
  });

  it("settles a title several families could print by the header's words", () => {
    const header = "科目编码 类 款 项 单位代码 合计 基本支出 项目支出";
    expect(recognizeTable("一般公共预算支出预算表", header)).toBe("GENERAL_EXPENDITURE");
    expect(recognizeTable("支出预算表", "项目名称 项目单位 合计")).toBe("EXPENDITURE");
  });

  it("knows a table it does not know: no kind", () => {
    expect(recognizeTable("政府采购预算表")).toBeNull();
    expect(recognizeTable("2023年部门人员编制情况表")).toBeNull();
  });

  it("tells a table's title from prose and from the attachment's title", () => {
    expect(looksLikeTableTitle("2023年部门收支总体情况表")).toBe(true);
    expect(looksLikeTableTitle("附件：2023年人力资源局部门预算表")).toBe(false);
    expect(looksLikeTableTitle("2023 年人力资源局部门预算表")).toBe(false);
    expect(looksLikeTableTitle("具体情况详见附表，其中一般公共预算支出情况见表")).toBe(false);
  });
});

describe("reading a disclosure's title", () => {
  it.each([
    ["2023 年人力资源局部门预算公开", 2023, "人力资源局", "BUDGET"],
    ["人力资源局2023年部门预算", 2023, "人力资源局", "BUDGET"],
    ["2023年度人力资源局单位预算", 2023, "人力资源局", "BUDGET"],
    ["郑州高新区人力资源局2022年度部门决算", 2022, "人力资源局", "FINAL"],
    ["2022年人力资源局单位决算公开", 2022, "人力资源局", "FINAL"],
    ["2023年人力资源局部门调整预算", 2023, "人力资源局", "ADJUSTED"],
  ])("reads “%s”", (title, year, shortName, stage) => {
    expect(parseTitle(title)).toEqual({ year, shortName, stage });
  });

  it("finds no title where there is no year or no disclosure named", () => {
    expect(parseTitle("人力资源局部门预算公开")).toBeNull();
    expect(parseTitle("2023年人力资源局工作总结")).toBeNull();
  });
});

/** The sample with tables printed under other provinces' names: nothing is dropped, nothing is blamed on another table. */
describe("a disclosure whose tables carry other names", () => {
  const sample = readFileSync(SAMPLE_FILE, "utf8");
  const renamed = sample
    .replace(/^## 2023年部门收支总体情况表$/m, "## 2023年收支总表")
    .replace(/^## 2023年部门支出总体情况表$/m, "## 2023年支出总表")
    .replace(/^## 2023年项目支出预算表$/m, "## 2023年项目支出表")
    .replace(/^## 2023年一般公共预算支出情况表$/m, "## 2023年一般公共预算财政拨款支出表");

  it("reads every figure as under the standard names, with the same findings", async () => {
    expect(renamed).toContain("## 2023年收支总表");
    expect(renamed).toContain("## 2023年支出总表");
    const a = (await readModel("d.txt", Buffer.from(sample))).model;
    const b = (await readModel("d.txt", Buffer.from(renamed))).model;
    const facts = (m: typeof a) => ({ stated: m.stated, subject: m.subjectLines.map((l) => l.fen), income: m.incomeLines, projects: m.projects.map((p) => p.lines.map((l) => l.fen)) });
    expect(facts(b)).toEqual(facts(a));
    const rules = (m: typeof a, f: string) => documentFindings(m, f).map((d) => `${d.severity} ${d.ruleId}`).sort();
    expect(rules(b, "d.txt")).toEqual(rules(a, "d.txt"));
    expect(b.tables.filter((t) => t.present).map((t) => t.kind).sort()).toEqual(a.tables.filter((t) => t.present).map((t) => t.kind).sort());
  });

  it("reports a table it does not know, by name and place, and reads the rest", async () => {
    const withUnknown = sample.replace(/^## 2023年一般公共预算“三公”经费支出情况表$/m, "## 2023年政府采购预算明细表");
    const { model } = await readModel("unknown.txt", Buffer.from(withUnknown));
    const found = documentFindings(model, "unknown.txt").find((f) => f.ruleId === "TABLE_UNRECOGNISED");
    expect(found).toMatchObject({ severity: "STRUCTURE", stated: "政府采购预算明细表" });
    expect(found!.location).toMatch(/^unknown\.txt:\d+ 政府采购预算明细表$/);
    expect(model.tables.find((t) => t.kind === "UNRECOGNISED")).toMatchObject({ title: "政府采购预算明细表", present: true });
  });

  it("refuses a document without its totals, listing what it found and where", async () => {
    const withoutTotals = sample.replace(/^## 2023年部门收支总体情况表$/m, "## 2023年部门人员情况表").replace(/^## 2023年部门支出总体情况表$/m, "## 2023年部门资产情况表");
    await expect(readModel("partial.txt", Buffer.from(withoutTotals))).rejects.toThrow(
      /^partial\.txt:1: neither 部门支出总体情况表 \(支出总表\) nor 部门收支总体情况表 \(收支总表\) with its total was found: .*; title “2023 年人力资源局部门预算公开” \(partial\.txt:1\); tables recognised: “财政拨款收支总体情况表” \(partial\.txt:\d+\), .*; tables not recognised: “部门人员情况表” \(partial\.txt:\d+\), “部门资产情况表” \(partial\.txt:\d+\); headings: “第一部分/,
    );
  });
});

describe.skipIf(!seedAvailable)("the seed with its tables renamed", () => {
  it("imports with 收支总表 and 支出总表, blaming no other table", async () => {
    const text = seedText().replace("## 2023年部门收支总体情况表", "## 2023年收支总表").replace("## 2023年部门支出总体情况表", "## 2023年支出总表");
    const name = SEED_FILE!.split("/").pop()!;
    const a = (await readModel(name, Buffer.from(seedText()))).model;
    const b = (await readModel(name, Buffer.from(text))).model;
    const severities = (m: typeof a) => documentFindings(m, name).map((d) => `${d.severity} ${d.ruleId}`).sort();
    expect(severities(b)).toEqual(severities(a));
    expect(b.stated).toEqual(a.stated);
  });
});
