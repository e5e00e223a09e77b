import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readModel } from "../../src/ingest/import";
import { documentFindings } from "../../src/ingest/checks";
import type { BudgetModel } from "../../src/ingest/model";

/**
 * Tables printed in 元 or 千元 beside a narrative in 万元: each table's 单位 is read and applied,
 * and a narrative figure rounded to 0.1 万元 is held against a table in 元 with the 万元 rounding.
 */
const FIXTURE = readFileSync(join(__dirname, "..", "fixtures", "disclosures", "002-2023.txt"), "utf8");

/** Scales a printed figure: "1,073.7" × 10000 → "10737000.00" (to the given decimals), exactly. */
function scale(printed: string, factor: bigint, decimals: number): string {
  const [w, f = ""] = printed.replace(/,/g, "").split(".");
  const tenths = BigInt(w! + f) * factor * 10n ** BigInt(decimals) / 10n ** BigInt(f.length);
  const s = tenths.toString().padStart(decimals + 1, "0");
  return decimals ? `${s.slice(0, -decimals)}.${s.slice(-decimals)}` : s;
}

/** The disclosure with the tables whose title matches `which` reprinted in another unit (its figures scaled, its 单位 line changed). */
function reprinted(text: string, which: RegExp, unitWord: string, factor: bigint, decimals: number): string {
  let inTable = false;
  return text
    .split("\n")
    .map((line) => {
      if (/^#/.test(line)) inTable = /表/.test(line) && which.test(line);
      if (!inTable) return line;
      if (/^单位[:：]\s*万元$/.test(line)) return `单位：${unitWord}`;
      if (!line.includes("\t")) return line;
      return line.split("\t").map((c) => (/^-?[\d,]+\.\d+$/.test(c) ? scale(c, factor, decimals) : c)).join("\t");
    })
    .join("\n");
}

const FINANCIAL = /收支总体|支出总体|一般公共预算|三公|项目支出预算/;

async function read(name: string, text: string): Promise<{ model: BudgetModel; findings: ReturnType<typeof documentFindings> }> {
  const { model } = await readModel(name, Buffer.from(text, "utf8"));
  return { model, findings: documentFindings(model, name) };
}

/** Every amount of the model, in 分, with what it is: the same budget printed in any unit gives the same list. */
function amounts(m: BudgetModel): string[] {
  const out: string[] = [];
  const walk = (v: unknown, path: string) => {
    if (typeof v === "bigint") out.push(`${path}=${v}`);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) if (!["sourceRef", "location", "line", "unit", "amountUnit"].includes(k)) walk(x, `${path}.${k}`);
  };
  walk({ stated: m.stated, subjectLines: m.subjectLines, economicLines: m.economicLines, incomeLines: m.incomeLines, projects: m.projects, threePublic: m.threePublic, claims: m.claims, publishedFigures: m.publishedFigures }, "");
  return out;
}

describe("tables printed in 元 and 千元", () => {
  it("reads the budget tables in 元 beside a narrative and performance tables in 万元 as the same budget, with no finding", async () => {
    const original = await read("002-2023.txt", FIXTURE);
    const yuan = await read("002-2023-yuan.txt", reprinted(FIXTURE, FINANCIAL, "元", 10_000n, 2));
    expect(original.findings).toEqual([]);
    expect(yuan.findings).toEqual([]);
    expect(amounts(yuan.model)).toEqual(amounts(original.model));
    expect(amounts(yuan.model).length).toBeGreaterThan(50);
    const units = Object.fromEntries(yuan.model.tables.map((t) => [t.kind, t.unit]));
    expect(units).toMatchObject({ OVERVIEW: "YUAN", EXPENDITURE: "YUAN", BASIC_ECONOMIC: "YUAN", PROJECTS: "YUAN", PROJECT_PERFORMANCE: "WAN_YUAN" });
    expect(yuan.model.amountUnit).toBe("YUAN");
    expect(yuan.model.claims.filter((c) => c.amount !== null).every((c) => c.unit === "WAN_YUAN")).toBe(true);
  });

  it("holds a 万元 narrative against a 元 table with the 万元 rounding: ROUNDING, not MATERIAL", async () => {
    // 三公 in 元 to the 分: 公务接待费 30,012.34 and the total 95,012.34, which the narrative states as 3.0 and 9.5 万元.
    const text = reprinted(FIXTURE, FINANCIAL, "元", 10_000n, 2).replace(/^95000\.00\t0\t65000\.00\t0\t65000\.00\t30000\.00$/m, "95012.34\t0\t65000.00\t0\t65000.00\t30012.34");
    expect(text).toContain("95012.34");
    const { findings } = await read("002-2023-yuan-cents.txt", text);
    expect(findings.filter((f) => f.severity === "MATERIAL")).toEqual([]);
    const rounding = findings.filter((f) => f.severity === "ROUNDING");
    expect(rounding.map((f) => [f.ruleId, f.stated, f.computed]).sort()).toEqual(
      [
        ["NARRATIVE_MATCHES_TABLES", "9500000", "9501234"],
        ["NARRATIVE_MATCHES_TABLES", "3000000", "3001234"],
        ["THREE_PUBLIC_NARRATIVE_MATCHES_TABLE", "9500000", "9501234"],
        ["THREE_PUBLIC_NARRATIVE_MATCHES_TABLE", "3000000", "3001234"],
      ].sort(),
    );
    expect(findings).toHaveLength(4);
  });

  it("still finds a difference the 万元 rounding cannot explain: 0.1 万元 off in a 元 table is MATERIAL", async () => {
    const text = reprinted(FIXTURE, FINANCIAL, "元", 10_000n, 2).replace(/^95000\.00\t0\t65000\.00\t0\t65000\.00\t30000\.00$/m, "96000.00\t0\t65000.00\t0\t65000.00\t31000.00");
    const { findings } = await read("002-2023-yuan-off.txt", text);
    expect(findings.filter((f) => f.severity === "MATERIAL").map((f) => f.ruleId)).toContain("THREE_PUBLIC_NARRATIVE_MATCHES_TABLE");
  });

  it("reads one table in 千元 among tables in 万元", async () => {
    const original = await read("002-2023.txt", FIXTURE);
    const mixed = await read("002-2023-qianyuan.txt", reprinted(FIXTURE, /一般公共预算基本支出表/, "千元", 10n, 1));
    expect(mixed.model.tables.find((t) => t.kind === "BASIC_ECONOMIC")!.unit).toBe("THOUSAND_YUAN");
    expect(amounts(mixed.model)).toEqual(amounts(original.model));
    expect(mixed.findings).toEqual([]);
  });
});
