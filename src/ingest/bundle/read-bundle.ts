import { AmountFormatError, parseAmount } from "../../common/money";
import { type BudgetModel, IngestError } from "../model";
import type { Bundle, BundleAmount } from "./bundle.types";

const KINDS = ["PERSONNEL", "PUBLIC", "PROJECT"];
const CATEGORIES = ["WAGES_AND_WELFARE", "HOUSEHOLD_SUBSIDIES", "GOODS_AND_SERVICES", "CAPITAL", "OPERATING", "SPECIFIC"];
const SOURCES = ["GENERAL_PUBLIC_BUDGET", "GOVERNMENT_FUND", "STATE_CAPITAL", "SPECIAL_ACCOUNT", "UNIT_FUNDS", "PRIOR_YEAR_CARRYOVER", "OTHER"];
const STAGES = ["BUDGET", "ADJUSTED", "FINAL"];
const INDICATOR_CATEGORIES = ["COST", "OUTPUT", "BENEFIT", "SATISFACTION"];

/**
 * Checks a structured bundle and converts it to the load model. Every problem is collected
 * with its JSON path, so one run reports them all.
 */
export function readBundle(fileName: string, json: unknown): BudgetModel {
  const problems: { where: string; problem: string }[] = [];
  const fail = (where: string, problem: string) => problems.push({ where, problem });
  const b = json as Bundle;
  if (!b || typeof b !== "object") throw new IngestError(fileName, [{ where: "(root)", problem: "not a JSON object" }]);
  if (b.format !== "budget-bundle/1") fail("format", `expected "budget-bundle/1", got ${JSON.stringify(b.format)}`);
  const unit = b.amountUnit;
  if (unit !== "WAN_YUAN" && unit !== "YUAN") fail("amountUnit", `must be WAN_YUAN or YUAN, got ${JSON.stringify(unit)}`);

  const amount = (where: string, v: BundleAmount | null | undefined, required = true): bigint | null => {
    if (v === undefined || v === null || v === "") {
      if (required) fail(where, "missing amount");
      return null;
    }
    if (typeof v !== "string") {
      fail(where, `amount must be a decimal string (e.g. "8562.6"), got ${JSON.stringify(v)}`);
      return null;
    }
    try {
      return parseAmount(v, unit === "YUAN" ? "YUAN" : "WAN_YUAN");
    } catch (e) {
      if (e instanceof AmountFormatError) fail(where, e.message);
      else throw e;
      return null;
    }
  };
  const text = (where: string, v: unknown, required = true): string | null => {
    if (typeof v === "string" && v.trim()) return v.trim();
    if (required) fail(where, "missing text");
    return null;
  };
  const oneOf = <T extends string>(where: string, v: unknown, allowed: string[]): T => {
    if (!allowed.includes(v as string)) fail(where, `must be one of ${allowed.join(", ")}, got ${JSON.stringify(v)}`);
    return v as T;
  };
  const code = (where: string, v: unknown, digits: number[]): string => {
    const s = typeof v === "string" ? v.replace(/\s+/g, "") : "";
    if (!digits.includes(s.length) || !/^\d+$/.test(s)) fail(where, `must be a ${digits.join(" or ")}-digit code, got ${JSON.stringify(v)}`);
    return s;
  };
  const list = <T>(where: string, v: T[] | undefined): T[] => {
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      fail(where, "must be a list");
      return [];
    }
    return v;
  };

  const d = b.department ?? ({} as Bundle["department"]);
  if (!b.department) fail("department", "missing");
  const units = list("department.units", d.units);
  const unitCodes = new Set(units.map((u) => u.code));
  const unitRef = (where: string, v: string | undefined) => {
    if (v !== undefined && !unitCodes.has(v)) fail(where, `unit "${v}" is not among department.units`);
    return v ?? null;
  };
  if (!Number.isInteger(b.year) || b.year < 1990 || b.year > 2100) fail("year", `must be a year, got ${JSON.stringify(b.year)}`);

  const s = b.stated ?? {};
  const model: BudgetModel = {
    department: {
      code: code("department.code", d.code, [3, 4, 5, 6]),
      name: text("department.name", d.name) ?? "",
      shortName: text("department.shortName", d.shortName) ?? "",
      regionCode: code("department.regionCode", d.regionCode, [6]),
      units: units.map((u, i) => ({ code: code(`department.units[${i}].code`, u.code, [6, 9]), name: text(`department.units[${i}].name`, u.name) ?? "", isSelf: Boolean(u.isSelf) })),
    },
    year: b.year,
    stage: oneOf("stage", b.stage, STAGES),
    amountUnit: unit,
    title: b.title ?? null,
    stated: {
      incomeTotal: amount("stated.incomeTotal", s.incomeTotal, false),
      expenditureTotal: amount("stated.expenditureTotal", s.expenditureTotal, false),
      basic: amount("stated.basicExpenditure", s.basicExpenditure, false),
      project: amount("stated.projectExpenditure", s.projectExpenditure, false),
      personnel: amount("stated.personnelExpenditure", s.personnelExpenditure, false),
      public: amount("stated.publicExpenditure", s.publicExpenditure, false),
    },
    subjectLines: list("subjectLines", b.subjectLines).map((l, i) => ({
      unit: unitRef(`subjectLines[${i}].unit`, l.unit),
      subject: code(`subjectLines[${i}].subject`, l.subject, [7]),
      subjectName: l.subjectName ?? null,
      kind: oneOf(`subjectLines[${i}].kind`, l.kind, KINDS),
      category: oneOf(`subjectLines[${i}].category`, l.category, CATEGORIES),
      fundingSource: oneOf(`subjectLines[${i}].fundingSource`, l.fundingSource, SOURCES),
      fen: amount(`subjectLines[${i}].amount`, l.amount)!,
      sourceRef: `${fileName}#subjectLines[${i}]`,
    })),
    economicLines: list("economicLines", b.economicLines).map((l, i) => ({
      unit: unitRef(`economicLines[${i}].unit`, l.unit),
      deptCode: code(`economicLines[${i}].deptCode`, l.deptCode, [5]),
      deptName: text(`economicLines[${i}].deptName`, l.deptName) ?? "",
      govCode: code(`economicLines[${i}].govCode`, l.govCode, [5]),
      govName: text(`economicLines[${i}].govName`, l.govName) ?? "",
      kind: oneOf(`economicLines[${i}].kind`, l.kind, ["PERSONNEL", "PUBLIC"]),
      fundingSource: oneOf(`economicLines[${i}].fundingSource`, l.fundingSource, SOURCES),
      fen: amount(`economicLines[${i}].amount`, l.amount)!,
      sourceRef: `${fileName}#economicLines[${i}]`,
    })),
    incomeLines: list("incomeLines", b.incomeLines).map((l, i) => ({
      source: oneOf(`incomeLines[${i}].source`, l.source, SOURCES),
      label: text(`incomeLines[${i}].label`, l.label) ?? "",
      fen: amount(`incomeLines[${i}].amount`, l.amount)!,
      sourceRef: `${fileName}#incomeLines[${i}]`,
    })),
    projects: list("projects", b.projects).map((p, i) => {
      const at = `projects[${i}]`;
      list(`${at}.indicators`, p.indicators).forEach((ind, j) => {
        text(`${at}.indicators[${j}].name`, ind.name);
        text(`${at}.indicators[${j}].target`, ind.target);
        if (ind.category !== undefined) oneOf(`${at}.indicators[${j}].category`, ind.category, INDICATOR_CATEGORIES);
      });
      return {
        code: p.code === undefined ? null : code(`${at}.code`, p.code, [21, 22]),
        name: text(`${at}.name`, p.name) ?? "",
        category: oneOf(`${at}.category`, p.category, ["OPERATING", "SPECIFIC"]),
        unit: unitRef(`${at}.unit`, p.unit),
        subject: p.subject === undefined ? null : code(`${at}.subject`, p.subject, [7]),
        lines: list(`${at}.lines`, p.lines).map((l, j) => ({
          fundingSource: oneOf(`${at}.lines[${j}].fundingSource`, l.fundingSource, SOURCES),
          fen: amount(`${at}.lines[${j}].amount`, l.amount)!,
          sourceRef: `${fileName}#${at}.lines[${j}]`,
        })),
        aliases: list(`${at}.aliases`, p.aliases),
        indicators: list(`${at}.indicators`, p.indicators),
      };
    }),
    departmentIndicators: list("departmentIndicators", b.departmentIndicators).map((ind, j) => {
      text(`departmentIndicators[${j}].name`, ind.name);
      text(`departmentIndicators[${j}].target`, ind.target);
      return ind;
    }),
    threePublic: b.threePublic
      ? {
          total: amount("threePublic.total", b.threePublic.total, false),
          overseasTravel: amount("threePublic.overseasTravel", b.threePublic.overseasTravel, false),
          vehicles: amount("threePublic.vehicles", b.threePublic.vehicles, false),
          vehiclePurchase: amount("threePublic.vehiclePurchase", b.threePublic.vehiclePurchase, false),
          vehicleOperation: amount("threePublic.vehicleOperation", b.threePublic.vehicleOperation, false),
          reception: amount("threePublic.reception", b.threePublic.reception, false),
        }
      : null,
    operatingFunds: b.operatingFunds
      ? {
          total: amount("operatingFunds.total", b.operatingFunds.total, false),
          change: amount("operatingFunds.change", b.operatingFunds.change, false),
          reason: b.operatingFunds.reason ?? null,
          items: list("operatingFunds.items", b.operatingFunds.items).map((it, i) => ({
            name: text(`operatingFunds.items[${i}].name`, it.name) ?? "",
            fen: amount(`operatingFunds.items[${i}].amount`, it.amount)!,
          })),
        }
      : null,
    procurement: b.procurement
      ? {
          total: amount("procurement.total", b.procurement.total, false),
          goods: amount("procurement.goods", b.procurement.goods, false),
          works: amount("procurement.works", b.procurement.works, false),
          services: amount("procurement.services", b.procurement.services, false),
        }
      : null,
    assets: list("assets", b.assets).map((a, i) => {
      oneOf(`assets[${i}].kind`, a.kind, ["VEHICLE", "EQUIPMENT"]);
      if (!Number.isInteger(a.count) || a.count < 0) fail(`assets[${i}].count`, `must be a whole number, got ${JSON.stringify(a.count)}`);
      return a;
    }),
    claims: list("claims", b.claims).map((c, i) => ({
      topic: text(`claims[${i}].topic`, c.topic) ?? "",
      section: text(`claims[${i}].section`, c.section) ?? "",
      subject: c.subject === undefined ? null : code(`claims[${i}].subject`, c.subject, [3, 5, 7]),
      label: c.label ?? null,
      amount: amount(`claims[${i}].amount`, c.amount, false),
      change: amount(`claims[${i}].change`, c.change, false),
      ratePercent: percent(`claims[${i}].ratePercent`, c.ratePercent, fail),
      sharePercent: percent(`claims[${i}].sharePercent`, c.sharePercent, fail),
      reason: c.reason ?? null,
    })),
    publishedFigures: list("publishedFigures", b.publishedFigures).map((f, i) => ({
      tableKind: text(`publishedFigures[${i}].tableKind`, f.tableKind) ?? "",
      rowLabel: f.rowLabel ?? "",
      columnLabel: f.columnLabel ?? "",
      subjectCode: f.subjectCode ?? null,
      fen: amount(`publishedFigures[${i}].amount`, f.amount)!,
      line: f.line ?? null,
    })),
    tables: list("tables", b.tables).map((t) => ({ ...t, line: t.line ?? null })),
    texts: list("texts", b.texts).map((t, i) => ({ ...t, title: t.title ?? null, line: t.line ?? null, body: text(`texts[${i}].body`, t.body) ?? "" })),
    findings: list("findings", b.findings).map((f, i) => ({
      ...f,
      severity: oneOf(`findings[${i}].severity`, f.severity, ["ROUNDING", "MATERIAL", "NAMING", "STRUCTURE"]),
      stated: f.stated ?? null,
      computed: f.computed ?? null,
    })),
  };
  if (problems.length) throw new IngestError(fileName, problems);
  return model;
}

function percent(where: string, v: string | undefined, fail: (w: string, p: string) => void): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== "string" || !/^-?\d+(\.\d+)?$/.test(v)) {
    fail(where, `must be a decimal string such as "-2.1", got ${JSON.stringify(v)}`);
    return null;
  }
  return v;
}
