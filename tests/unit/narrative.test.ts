import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatFen, parseAmount } from "../../src/common/money";
import type { Bundle, BundleAmount, BundleClaim } from "../../src/ingest/bundle/bundle.types";
import { joinWords } from "../../src/ingest/disclosure/cells";
import { DocumentError, readDocument } from "../../src/ingest/disclosure/document";
import { readNarrative } from "../../src/ingest/disclosure/narrative";
import { SEED_FILE, seedAvailable, seedText } from "../helpers/seed";

const SEED_NAME = seedAvailable ? basename(SEED_FILE!) : "";
const SAMPLE = join(__dirname, "../../src/ingest/samples/007-2023.bundle.json");

const fen = (a: BundleAmount | null | undefined) => (a === undefined || a === null ? null : parseAmount(a, "WAN_YUAN"));

/** A sample claim as the model holds it, without `subject` (the narrative prints names, not codes). */
function modelClaim(c: BundleClaim) {
  return {
    topic: c.topic,
    section: c.section,
    label: c.label ?? null,
    amount: fen(c.amount),
    change: fen(c.change),
    ratePercent: c.ratePercent ?? null,
    sharePercent: c.sharePercent ?? null,
    reason: c.reason ?? null,
    unit: c.unit ?? null,
    budgeted: fen(c.budgeted),
    completionPercent: c.completionPercent ?? null,
  };
}

describe.skipIf(!seedAvailable)("readNarrative on the 人力资源局 2023 seed", () => {
  const text = seedAvailable ? seedText() : "";
  const read = (t: string) => readNarrative(readDocument(SEED_NAME, t), "WAN_YUAN");
  const sample = JSON.parse(readFileSync(SAMPLE, "utf8")) as Bundle;

  it("states the sample's claims, in document order", () => {
    const { claims } = read(text);
    expect(claims.map(({ subject: _s, line: _l, ...rest }) => rest)).toEqual(sample.claims!.map(modelClaim));
    expect(claims.every((c) => c.subject === null)).toBe(true);
    const shares = claims.filter((c) => c.topic === "SUBJECT_SHARE");
    expect(shares).toHaveLength(12);
    expect(shares.map((c) => c.label)).toContain("劳动人事争议仲裁调解");
  });

  it("gives each claim the line its statement starts on", () => {
    const doc = readDocument(SEED_NAME, text);
    const { claims } = readNarrative(doc, "WAN_YUAN");
    for (const c of claims) {
      const line = joinWords(doc.lines[c.line - 1]!.text);
      const printed = [c.label, c.amount === null ? null : formatFen(c.amount, "WAN_YUAN")].filter((s): s is string => s !== null);
      expect(printed.some((s) => line.includes(s)), `${c.topic} at line ${c.line}: ${line}`).toBe(true);
    }
    expect(claims.find((c) => c.topic === "INCOME_TOTAL")!.line).toBe(83);
    // 公务用车购 / 置费0万元: the statement starts on the line the PDF broke it from.
    expect(claims.find((c) => c.topic === "THREE_PUBLIC_VEHICLE_PURCHASE")!.line).toBe(115);
    expect(claims.find((c) => c.topic === "DEPARTMENT_NAME")!.line).toBe(121);
  });

  it("reads 三公, 机构运转经费, 政府采购 and 国有资产 as the sample has them", () => {
    const r = read(text);
    const tp = sample.threePublic!;
    expect(r.threePublic).toEqual({
      total: fen(tp.total),
      overseasTravel: fen(tp.overseasTravel),
      vehicles: fen(tp.vehicles),
      vehiclePurchase: fen(tp.vehiclePurchase),
      vehicleOperation: fen(tp.vehicleOperation),
      reception: fen(tp.reception),
    });
    const of = sample.operatingFunds!;
    expect(r.operatingFunds).toEqual({
      total: fen(of.total),
      change: fen(of.change),
      reason: of.reason ?? null,
      items: of.items.map((i) => ({ name: i.name, fen: fen(i.amount) })),
    });
    const p = sample.procurement!;
    expect(r.procurement).toEqual({ total: fen(p.total), goods: fen(p.goods), works: fen(p.works), services: fen(p.services) });
    expect(r.assets).toEqual(sample.assets);
    expect(r.repeatedAssets).toEqual([{ name: "其他用车", line: 145 }]);
  });

  it("reads duties, units, names and special transfers", () => {
    const r = read(text);
    expect(r.duties).toHaveLength(9);
    expect(r.duties[4]).toContain("国家特殊");
    expect(r.duties[4]).toContain("劳动保护政策");
    expect(r.duties[4]).toContain("国家特殊劳动保护政策");
    expect(r.divisions?.split("\n")).toHaveLength(3);
    expect(r.divisions).toContain("人力资源局所属单位预算包括：无。");
    expect(r.departmentNames).toEqual(
      expect.arrayContaining([
        { name: "人力资源局", line: 71, section: "二、人力资源局所属预算单位构成情况" },
        { name: "人力资源和社会保障局", line: 121, section: "八、政府性基金预算支出情况说明" },
      ]),
    );
    expect(r.specialTransfers).toBe("人力资源局2023年无负责管理的专项转移支付项目。");
  });

  it("reports a garbled amount with the file and line", () => {
    const broken = text.replace("收入总计 8562.6 万元", "收入总计 8562..6 万元");
    expect(broken).not.toBe(text);
    let error: unknown;
    try {
      read(broken);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DocumentError);
    const e = error as DocumentError;
    expect(e.line).toBe(83);
    expect(e.message).toContain(`${SEED_NAME}:83:`);
    expect(e.message).toContain("收入总计 is not an amount");
    expect(e.message).toContain("8562..6");
  });

  it("reads an increase as positive and a garbled share as an error", () => {
    const up = read(text.replace("收入减少 180.8 万元，下降 2.1%", "收入增加 180.8 万元，增长 2.1%"));
    expect(up.claims[0]).toMatchObject({ topic: "INCOME_TOTAL", change: 180_800_000n, ratePercent: "2.1" });
    expect(up.claims[1]).toMatchObject({ topic: "EXPENDITURE_TOTAL", change: -180_800_000n, ratePercent: "-2.1" });
    expect(() => read(text.replace("占 53.1%、", "占 53..1%、"))).toThrow(/:87: 行政运行 share is not a percentage/);
  });

  it("reads a document without section 十 as having no operating funds", () => {
    const start = text.indexOf("## **十、其他重要事项情况说明**");
    const end = text.indexOf("### 第三部分 名词解释", start);
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const r = read(text.slice(0, start) + text.slice(end));
    expect(r.operatingFunds).toBeNull();
    expect(r.procurement).toBeNull();
    expect(r.assets).toEqual([]);
    expect(r.specialTransfers).toBeNull();
    expect(r.claims.some((c) => c.topic.startsWith("OPERATING_FUNDS"))).toBe(false);
    expect(r.claims.find((c) => c.topic === "INCOME_TOTAL")?.amount).toBe(8_562_600_000n);
  });
});
