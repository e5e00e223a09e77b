import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataSource } from "typeorm";
import type { Bundle } from "../../src/ingest/bundle/bundle.types";
import { checkModel, MODEL_RULES } from "../../src/ingest/checks";
import { readBundle } from "../../src/ingest/bundle/read-bundle";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases";
import { departmentVariant, loadBundleObject, sampleBundle } from "../helpers/fixtures";

/** A department's 2022 budget as a bundle: only the figures 2023's narrative refers to matter here. */
function year2022(code: string, total: string): Bundle {
  return departmentVariant(code, (b) => {
    b.year = 2022;
    b.stated = { incomeTotal: total, expenditureTotal: total };
    b.incomeLines = [{ source: "GENERAL_PUBLIC_BUDGET", label: "一般公共预算", amount: total }];
    b.subjectLines = [];
    b.subjectRowTotals = [];
    b.economicLines = [];
    b.projects = [];
    b.claims = [];
    b.operatingFunds = { total: "44.1", items: [] };
  });
}

describe.each(DATABASE_KINDS)("[%s] a document's statements about last year, against last year's document", (kind) => {
  const db = freshDatabase(kind);
  let ds: DataSource;
  // Each test has a department of its own (the sample's 2023 figures under another code).
  const priorYearFindings = async (code: string) =>
    (
      await ds.query(
        "SELECT d.severity, d.stated, d.computed FROM discrepancy d JOIN department_budget b ON b.id = d.budget_id JOIN department t ON t.id = b.department_id WHERE d.rule_id = 'PRIOR_YEAR_MATCHES' AND t.code = ? AND b.year = 2023 AND b.is_current = 1 ORDER BY d.stated",
        [code],
      )
    ).map((r: Record<string, unknown>) => [r.severity, String(r.stated), String(r.computed)]);
  // 2023 says 8562.6 is 180.8 less than 2022, so 2022 was 8743.4; a 2022 document saying 8700 disagrees.
  const disagreeing = [
    ["MATERIAL", String(8_743_400_000n), String(8_700_000_000n)],
    ["MATERIAL", String(8_743_400_000n), String(8_700_000_000n)],
    ["MATERIAL", String(8_743_400_000n), String(8_700_000_000n)],
  ];

  beforeAll(async () => {
    ds = await db.open();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db.drop();
  });

  it("flags 2023's stated decrease when 2022's own document, imported later, disagrees", async () => {
    await loadBundleObject(ds, departmentVariant("301"));
    expect(await priorYearFindings("301")).toEqual([]);
    await loadBundleObject(ds, year2022("301", "8700"), "301-2022.bundle.json");
    expect(await priorYearFindings("301")).toEqual(disagreeing);
  });

  it("clears the finding when a corrected 2022 document replaces it", async () => {
    await loadBundleObject(ds, departmentVariant("302"));
    await loadBundleObject(ds, year2022("302", "8700"), "302-2022.bundle.json");
    expect(await priorYearFindings("302")).toEqual(disagreeing);
    await loadBundleObject(ds, year2022("302", "8743.4"), "302-2022-v2.bundle.json");
    expect(await priorYearFindings("302")).toEqual([]);
  });
});

describe("the model checks", () => {
  it("only produce rules the export knows to recompute", () => {
    const b = sampleBundle();
    b.stated.incomeTotal = "1";
    b.threePublic = { total: "5", overseasTravel: "1", vehicles: "3", vehiclePurchase: "1", vehicleOperation: "1", reception: "2" };
    b.procurement = { total: "9", goods: "1" };
    const rules = new Set(checkModel(readBundle("x.json", b), "x.json").map((d) => d.ruleId));
    expect(rules.size).toBeGreaterThan(5);
    for (const r of rules) expect(MODEL_RULES).toContain(r);
  });

  it("tells rounding from a material difference by how many printed figures were added", () => {
    const b = sampleBundle();
    b.stated.projectExpenditure = "4011.0"; // 18 project rows can be off by 0.9 at most; 1.0 is not rounding
    const findings = checkModel(readBundle("x.json", b), "x.json").filter((d) => d.ruleId === "PROJECT_LINES_SUM");
    expect(findings).toEqual([expect.objectContaining({ severity: "MATERIAL", stated: "4011000000", computed: "4012000000" })]);
  });
});
