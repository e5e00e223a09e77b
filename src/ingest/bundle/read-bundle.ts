import { AmountFormatError, type MoneyUnitCode, PRINTED_UNITS, parseAmount } from "../../common/money";
import {
  ASSET_KINDS,
  BUDGET_STAGES,
  ECONOMIC_KINDS,
  EXPENDITURE_CATEGORIES,
  EXPENDITURE_KINDS,
  FUNDING_SOURCES,
  INDICATOR_CATEGORIES,
  PROJECT_CATEGORIES,
  SEVERITIES,
} from "../../common/vocabulary";
import { type BudgetModel, IngestError } from "../model";
import type { Bundle, BundleAmount, BundleIndicator } from "./bundle.types";

/**
 * Checks a structured bundle and converts it to the load model. Every problem is collected
 * with its JSON path, so one run reports them all.
 */
export function readBundle(fileName: string, json: unknown): BudgetModel {
  const b = json as Bundle;
  if (!b || typeof b !== "object") throw new IngestError(fileName, [{ where: "(root)", problem: "not a JSON object" }]);
  const f = new Fields(b);
  if (b.format !== "budget-bundle/1") f.fail("format", `expected "budget-bundle/1", got ${JSON.stringify(b.format)}`);
  if (!Number.isInteger(b.year) || b.year < 1990 || b.year > 2100) f.fail("year", `must be a year, got ${JSON.stringify(b.year)}`);
  const department = readDepartment(f, b);
  const unitRef = unitChecker(f, department.units);
  const model: BudgetModel = {
    department,
    year: b.year,
    stage: f.oneOf("stage", b.stage, BUDGET_STAGES),
    amountUnit: f.unit,
    title: b.title ?? null,
    stated: readStated(f, b),
    ...readFactLines(f, b, fileName, unitRef),
    projects: readProjects(f, b, fileName, unitRef),
    departmentIndicators: f.list("departmentIndicators", b.departmentIndicators).map((ind, j) => checkIndicator(f, `departmentIndicators[${j}]`, ind)),
    ...readSpecialMeasures(f, b),
    ...readYearBegin(f, b, fileName),
    claims: readClaims(f, b),
    ...readDocumentParts(f, b),
  };
  if (f.problems.length) throw new IngestError(fileName, f.problems);
  return model;
}

/** Field checks that record a problem and carry on, so one reading reports every problem. */
class Fields {
  readonly problems: { where: string; problem: string }[] = [];
  readonly unit: MoneyUnitCode;

  constructor(b: Bundle) {
    const unit = b.amountUnit;
    if (unit !== "WAN_YUAN" && unit !== "YUAN") this.fail("amountUnit", `must be WAN_YUAN or YUAN, got ${JSON.stringify(unit)}`);
    this.unit = unit === "YUAN" ? "YUAN" : "WAN_YUAN";
  }

  fail(where: string, problem: string): void {
    this.problems.push({ where, problem });
  }

  amount(where: string, v: BundleAmount | null | undefined, required = true): bigint | null {
    if (v === undefined || v === null || v === "") {
      if (required) this.fail(where, "missing amount");
      return null;
    }
    if (typeof v !== "string") {
      this.fail(where, `amount must be a decimal string (e.g. "8562.6"), got ${JSON.stringify(v)}`);
      return null;
    }
    try {
      return parseAmount(v, this.unit);
    } catch (e) {
      if (!(e instanceof AmountFormatError)) throw e;
      this.fail(where, e.message);
      return null;
    }
  }

  text(where: string, v: unknown, required = true): string | null {
    if (typeof v === "string" && v.trim()) return v.trim();
    if (required) this.fail(where, "missing text");
    return null;
  }

  oneOf<T extends string>(where: string, v: unknown, allowed: readonly T[]): T {
    if (!allowed.includes(v as T)) this.fail(where, `must be one of ${allowed.join(", ")}, got ${JSON.stringify(v)}`);
    return v as T;
  }

  code(where: string, v: unknown, digits: number[]): string {
    const s = typeof v === "string" ? v.replace(/\s+/g, "") : "";
    if (!digits.includes(s.length) || !/^\d+$/.test(s)) this.fail(where, `must be a ${digits.join(" or ")}-digit code, got ${JSON.stringify(v)}`);
    return s;
  }

  list<T>(where: string, v: T[] | undefined): T[] {
    if (v === undefined) return [];
    if (Array.isArray(v)) return v;
    this.fail(where, "must be a list");
    return [];
  }

  percent(where: string, v: string | undefined): string | null {
    if (v === undefined || v === null) return null;
    if (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v)) return v;
    this.fail(where, `must be a decimal string such as "-2.1", got ${JSON.stringify(v)}`);
    return null;
  }
}

type UnitRef = (where: string, v: string | undefined) => string | null;

function readDepartment(f: Fields, b: Bundle): BudgetModel["department"] {
  const d = b.department ?? ({} as Bundle["department"]);
  if (!b.department) f.fail("department", "missing");
  return {
    code: f.code("department.code", d.code, [3, 4, 5, 6]),
    name: f.text("department.name", d.name) ?? "",
    shortName: f.text("department.shortName", d.shortName) ?? "",
    regionCode: f.code("department.regionCode", d.regionCode, [6]),
    units: f.list("department.units", d.units).map((u, i) => ({
      code: f.code(`department.units[${i}].code`, u.code, [6, 7, 8, 9]),
      name: f.text(`department.units[${i}].name`, u.name) ?? "",
      isSelf: Boolean(u.isSelf),
    })),
  };
}

/** Lines may name a unit only when the department declares it. */
function unitChecker(f: Fields, units: { code: string }[]): UnitRef {
  const codes = new Set(units.map((u) => u.code));
  return (where, v) => {
    if (v !== undefined && !codes.has(v)) f.fail(where, `unit "${v}" is not among department.units`);
    return v ?? null;
  };
}

function readStated(f: Fields, b: Bundle): BudgetModel["stated"] {
  const s = b.stated ?? {};
  return {
    incomeTotal: f.amount("stated.incomeTotal", s.incomeTotal, false),
    expenditureTotal: f.amount("stated.expenditureTotal", s.expenditureTotal, false),
    basic: f.amount("stated.basicExpenditure", s.basicExpenditure, false),
    project: f.amount("stated.projectExpenditure", s.projectExpenditure, false),
    personnel: f.amount("stated.personnelExpenditure", s.personnelExpenditure, false),
    public: f.amount("stated.publicExpenditure", s.publicExpenditure, false),
  };
}

function readFactLines(f: Fields, b: Bundle, fileName: string, unitRef: UnitRef): Pick<BudgetModel, "subjectLines" | "subjectRowTotals" | "economicLines" | "incomeLines"> {
  return {
    subjectLines: f.list("subjectLines", b.subjectLines).map((l, i) => ({
      unit: unitRef(`subjectLines[${i}].unit`, l.unit),
      subject: f.code(`subjectLines[${i}].subject`, l.subject, [7]),
      subjectName: l.subjectName ?? null,
      kind: f.oneOf(`subjectLines[${i}].kind`, l.kind, EXPENDITURE_KINDS),
      category: f.oneOf(`subjectLines[${i}].category`, l.category, EXPENDITURE_CATEGORIES),
      fundingSource: f.oneOf(`subjectLines[${i}].fundingSource`, l.fundingSource, FUNDING_SOURCES),
      fen: f.amount(`subjectLines[${i}].amount`, l.amount)!,
      sourceRef: `${fileName}#subjectLines[${i}]`,
    })),
    subjectRowTotals: f.list("subjectRowTotals", b.subjectRowTotals).map((r, i) => ({
      unit: unitRef(`subjectRowTotals[${i}].unit`, r.unit),
      subject: f.code(`subjectRowTotals[${i}].subject`, r.subject, [7]),
      fen: f.amount(`subjectRowTotals[${i}].amount`, r.amount)!,
      sourceRef: `${fileName}#subjectRowTotals[${i}]`,
    })),
    economicLines: f.list("economicLines", b.economicLines).map((l, i) => ({
      unit: unitRef(`economicLines[${i}].unit`, l.unit),
      deptCode: f.code(`economicLines[${i}].deptCode`, l.deptCode, [5]),
      deptName: f.text(`economicLines[${i}].deptName`, l.deptName) ?? "",
      govCode: f.code(`economicLines[${i}].govCode`, l.govCode, [5]),
      govName: f.text(`economicLines[${i}].govName`, l.govName) ?? "",
      kind: f.oneOf(`economicLines[${i}].kind`, l.kind, ECONOMIC_KINDS),
      fundingSource: f.oneOf(`economicLines[${i}].fundingSource`, l.fundingSource, FUNDING_SOURCES),
      fen: f.amount(`economicLines[${i}].amount`, l.amount)!,
      sourceRef: `${fileName}#economicLines[${i}]`,
    })),
    incomeLines: f.list("incomeLines", b.incomeLines).map((l, i) => ({
      source: f.oneOf(`incomeLines[${i}].source`, l.source, FUNDING_SOURCES),
      label: f.text(`incomeLines[${i}].label`, l.label) ?? "",
      fen: f.amount(`incomeLines[${i}].amount`, l.amount)!,
      sourceRef: `${fileName}#incomeLines[${i}]`,
    })),
  };
}

function checkIndicator(f: Fields, at: string, ind: BundleIndicator): BundleIndicator {
  f.text(`${at}.name`, ind.name);
  f.text(`${at}.target`, ind.target);
  if (ind.category !== undefined) f.oneOf(`${at}.category`, ind.category, INDICATOR_CATEGORIES);
  return ind;
}

function readProjects(f: Fields, b: Bundle, fileName: string, unitRef: UnitRef): BudgetModel["projects"] {
  return f.list("projects", b.projects).map((p, i) => {
    const at = `projects[${i}]`;
    return {
      code: p.code === undefined ? null : f.code(`${at}.code`, p.code, [21, 22]),
      name: f.text(`${at}.name`, p.name) ?? "",
      category: f.oneOf(`${at}.category`, p.category, PROJECT_CATEGORIES),
      unit: unitRef(`${at}.unit`, p.unit),
      subject: p.subject === undefined ? null : f.code(`${at}.subject`, p.subject, [7]),
      lines: f.list(`${at}.lines`, p.lines).map((l, j) => ({
        fundingSource: f.oneOf(`${at}.lines[${j}].fundingSource`, l.fundingSource, FUNDING_SOURCES),
        fen: f.amount(`${at}.lines[${j}].amount`, l.amount)!,
        sourceRef: `${fileName}#${at}.lines[${j}]`,
      })),
      aliases: f.list(`${at}.aliases`, p.aliases),
      indicators: f.list(`${at}.indicators`, p.indicators).map((ind, j) => checkIndicator(f, `${at}.indicators[${j}]`, ind)),
    };
  });
}

function readSpecialMeasures(f: Fields, b: Bundle): Pick<BudgetModel, "threePublic" | "operatingFunds" | "procurement" | "assets"> {
  const optional = (where: string, v: BundleAmount | null | undefined) => f.amount(where, v, false);
  const t = b.threePublic;
  const o = b.operatingFunds;
  const p = b.procurement;
  return {
    threePublic: t ? threePublicOf(f, "threePublic", t) : null,
    operatingFunds: o
      ? {
          total: optional("operatingFunds.total", o.total),
          change: optional("operatingFunds.change", o.change),
          reason: o.reason ?? null,
          items: f.list("operatingFunds.items", o.items).map((it, i) => ({
            name: f.text(`operatingFunds.items[${i}].name`, it.name) ?? "",
            fen: f.amount(`operatingFunds.items[${i}].amount`, it.amount)!,
          })),
        }
      : null,
    procurement: p
      ? { total: optional("procurement.total", p.total), goods: optional("procurement.goods", p.goods), works: optional("procurement.works", p.works), services: optional("procurement.services", p.services) }
      : null,
    assets: f.list("assets", b.assets).map((a, i) => {
      f.oneOf(`assets[${i}].kind`, a.kind, ASSET_KINDS);
      if (!Number.isInteger(a.count) || a.count < 0) f.fail(`assets[${i}].count`, `must be a whole number, got ${JSON.stringify(a.count)}`);
      return a;
    }),
  };
}

/** A 决算's year-begin budget as it prints it. */
function readYearBegin(f: Fields, b: Bundle, fileName: string): Pick<BudgetModel, "yearBegin" | "yearBeginTotal" | "threePublicBudgeted"> {
  return {
    yearBegin: f.list("yearBegin", b.yearBegin).map((l, i) => ({
      subject: f.code(`yearBegin[${i}].subject`, l.subject, [7]),
      fen: f.amount(`yearBegin[${i}].amount`, l.amount)!,
      sourceRef: `${fileName}#yearBegin[${i}]`,
    })),
    yearBeginTotal: f.amount("yearBeginTotal", b.yearBeginTotal, false),
    threePublicBudgeted: b.threePublicBudgeted ? threePublicOf(f, "threePublicBudgeted", b.threePublicBudgeted) : null,
  };
}

function threePublicOf(f: Fields, at: string, t: NonNullable<Bundle["threePublic"]>): NonNullable<BudgetModel["threePublic"]> {
  const optional = (k: keyof typeof t) => f.amount(`${at}.${k}`, t[k], false);
  return {
    total: optional("total"),
    overseasTravel: optional("overseasTravel"),
    vehicles: optional("vehicles"),
    vehiclePurchase: optional("vehiclePurchase"),
    vehicleOperation: optional("vehicleOperation"),
    reception: optional("reception"),
  };
}

function readClaims(f: Fields, b: Bundle): BudgetModel["claims"] {
  return f.list("claims", b.claims).map((c, i) => ({
    topic: f.text(`claims[${i}].topic`, c.topic) ?? "",
    section: f.text(`claims[${i}].section`, c.section) ?? "",
    subject: c.subject === undefined ? null : f.code(`claims[${i}].subject`, c.subject, [3, 5, 7]),
    label: c.label ?? null,
    amount: f.amount(`claims[${i}].amount`, c.amount, false),
    change: f.amount(`claims[${i}].change`, c.change, false),
    ratePercent: f.percent(`claims[${i}].ratePercent`, c.ratePercent),
    sharePercent: f.percent(`claims[${i}].sharePercent`, c.sharePercent),
    reason: c.reason ?? null,
    unit: c.unit === undefined ? null : f.oneOf(`claims[${i}].unit`, c.unit, PRINTED_UNITS),
    budgeted: f.amount(`claims[${i}].budgeted`, c.budgeted, false),
    completionPercent: f.percent(`claims[${i}].completionPercent`, c.completionPercent),
  }));
}

/** What a disclosure showed beyond its figures: printed figures, its tables, its texts, its findings. */
function readDocumentParts(f: Fields, b: Bundle): Pick<BudgetModel, "publishedFigures" | "tables" | "texts" | "findings"> {
  return {
    publishedFigures: f.list("publishedFigures", b.publishedFigures).map((p, i) => ({
      tableKind: f.text(`publishedFigures[${i}].tableKind`, p.tableKind) ?? "",
      rowLabel: p.rowLabel ?? "",
      columnLabel: p.columnLabel ?? "",
      subjectCode: p.subjectCode ?? null,
      fen: f.amount(`publishedFigures[${i}].amount`, p.amount)!,
      line: p.line ?? null,
      location: p.location ?? null,
    })),
    tables: f.list("tables", b.tables).map((t, i) => ({
      ...t,
      line: t.line ?? null,
      location: t.location ?? null,
      unit: t.unit === undefined ? null : f.oneOf(`tables[${i}].unit`, t.unit, PRINTED_UNITS),
    })),
    texts: f.list("texts", b.texts).map((t, i) => ({ ...t, title: t.title ?? null, line: t.line ?? null, body: f.text(`texts[${i}].body`, t.body) ?? "" })),
    findings: f.list("findings", b.findings).map((d, i) => ({
      ...d,
      severity: f.oneOf(`findings[${i}].severity`, d.severity, SEVERITIES),
      stated: d.stated ?? null,
      computed: d.computed ?? null,
    })),
  };
}
