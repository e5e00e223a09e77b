import { type PrintedUnit, UNIT_WORD, coarsest, formatFen, roundingHalfStep } from "../common/money";
import { canonicalDecimal, scaled } from "../common/decimal";
import { percent } from "../common/percent";
import { BASIC_KINDS, EXPENDITURE_KINDS } from "../common/vocabulary";
import type { BudgetModel, DiscrepancyDraft } from "./model";

/** Everything a document's own content shows: what its reader found, and the model checks. */
export function documentFindings(m: BudgetModel, fileName: string): DiscrepancyDraft[] {
  return [...m.findings, ...checkModel(m, fileName)];
}

/** How many findings of each severity: the summary every import reports. */
export function severityCounts(findings: readonly { severity: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of findings) out[f.severity] = (out[f.severity] ?? 0) + 1;
  return out;
}

/**
 * The 勾稽关系 every budget must satisfy, checked on the model (so bundles and text documents
 * get the same checks). A difference that rounding each printed figure can explain is ROUNDING;
 * anything more is MATERIAL. Nothing is corrected: each finding records both figures.
 */
export function checkModel(m: BudgetModel, fileName: string): DiscrepancyDraft[] {
  const c = new Checker(m, fileName);
  c.statedTotals();
  c.factSums();
  c.specialMeasures();
  c.claims();
  return c.out;
}

type Fen = bigint | null | undefined;

/** The rules checkModel applies: a load recomputes these, so an export does not carry them. */
export const MODEL_RULES = [
  "BASIC_EQUALS_PERSONNEL_PLUS_PUBLIC",
  "ECONOMIC_LINES_SUM",
  "ECONOMIC_PERSONNEL_SUM",
  "ECONOMIC_PUBLIC_SUM",
  "INCOME_EQUALS_EXPENDITURE",
  "INCOME_LINES_SUM",
  "NARRATIVE_BUDGET_MATCHES_TABLES",
  "NARRATIVE_COMPLETION_RATE",
  "NARRATIVE_MATCHES_TABLES",
  "NARRATIVE_RATE",
  "NARRATIVE_SHARE",
  "OPERATING_FUNDS_ITEMS",
  "PROCUREMENT_PARTS",
  "PROJECT_LINES_SUM",
  "SUBJECT_BASIC_SUM",
  "SUBJECT_LINES_SUM",
  "SUBJECT_PROJECT_SUM",
  "THREE_PUBLIC_PARTS",
  "THREE_PUBLIC_VEHICLES",
  "TOTAL_EQUALS_BASIC_PLUS_PROJECT",
];

/**
 * stated vs computed, where computed adds up `terms` printed figures: each printed figure may be
 * off by half its last printed digit, so (terms + 1) half-steps of difference is rounding.
 */
export function moneyFinding(unit: PrintedUnit, ruleId: string, what: string, location: string, stated: Fen, computed: Fen, terms: number): DiscrepancyDraft | null {
  if (stated === null || stated === undefined || computed === null || computed === undefined || stated === computed) return null;
  const halfStep = roundingHalfStep(unit);
  const fmt = (fen: bigint) => `${formatFen(fen, unit)}${UNIT_WORD[unit]}`;
  return {
    ruleId,
    severity: abs(stated - computed) <= BigInt(terms + 1) * halfStep ? "ROUNDING" : "MATERIAL",
    message: `${what}: stated ${fmt(stated)}, computed ${fmt(computed)} (difference ${fmt(stated - computed)})`,
    location,
    valueKind: "MONEY",
    stated: stated.toString(),
    computed: computed.toString(),
  };
}

const sum = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);
/** 财政拨款: the three budgets' appropriations. */
const FISCAL_SOURCES: string[] = ["GENERAL_PUBLIC_BUDGET", "GOVERNMENT_FUND", "STATE_CAPITAL"];
const abs = (x: bigint) => (x < 0n ? -x : x);

class Checker {
  readonly out: DiscrepancyDraft[] = [];

  constructor(
    private readonly m: BudgetModel,
    private readonly fileName: string,
  ) {}

  /** Fact lines and stated totals come from the financial tables: the coarsest unit any of them printed. */
  private readonly tableUnit: PrintedUnit = coarsest(this.m.amountUnit, ...this.m.tables.filter((t) => !/PERFORMANCE/.test(t.kind)).map((t) => t.unit));

  money(ruleId: string, what: string, where: string, stated: Fen, computed: Fen, terms: number, unit: PrintedUnit = this.tableUnit): void {
    const f = moneyFinding(unit, ruleId, what, `${this.fileName} ${where}`, stated, computed, terms);
    if (f) this.out.push(f);
  }

  statedTotals(): void {
    const s = this.m.stated;
    this.money("INCOME_EQUALS_EXPENDITURE", "收入总计 = 支出总计", "收支总表", s.incomeTotal, s.expenditureTotal, 0);
    if (s.basic !== null && s.project !== null) {
      this.money("TOTAL_EQUALS_BASIC_PLUS_PROJECT", "合计 = 基本支出 + 项目支出", "支出总表 合计", s.expenditureTotal, s.basic + s.project, 2);
    }
    if (s.personnel !== null && s.public !== null) {
      this.money("BASIC_EQUALS_PERSONNEL_PLUS_PUBLIC", "基本支出 = 人员经费 + 公用经费", "基本支出表 合计", s.basic, s.personnel + s.public, 2);
    }
  }

  factSums(): void {
    const m = this.m;
    const subject = (kinds: string[]) => m.subjectLines.filter((l) => kinds.includes(l.kind)).map((l) => l.fen);
    if (m.subjectLines.length) {
      const all = subject([...EXPENDITURE_KINDS]);
      this.money("SUBJECT_LINES_SUM", "功能分类各行之和 = 支出合计", "支出总表 各行", m.stated.expenditureTotal, sum(all), all.length);
      const basic = subject([...BASIC_KINDS]);
      this.money("SUBJECT_BASIC_SUM", "功能分类基本支出各行之和 = 基本支出", "支出总表 基本支出列", m.stated.basic, sum(basic), basic.length);
      const project = subject(["PROJECT"]);
      this.money("SUBJECT_PROJECT_SUM", "功能分类项目支出各行之和 = 项目支出", "支出总表 项目支出列", m.stated.project, sum(project), project.length);
    }
    if (m.economicLines.length) {
      const of = (k: string) => m.economicLines.filter((l) => l.kind === k).map((l) => l.fen);
      this.money("ECONOMIC_LINES_SUM", "经济分类各行之和 = 基本支出", "基本支出表 各行", m.stated.basic, sum(m.economicLines.map((l) => l.fen)), m.economicLines.length);
      this.money("ECONOMIC_PERSONNEL_SUM", "人员经费各行之和 = 人员经费", "基本支出表 人员经费列", m.stated.personnel, sum(of("PERSONNEL")), of("PERSONNEL").length);
      this.money("ECONOMIC_PUBLIC_SUM", "公用经费各行之和 = 公用经费", "基本支出表 公用经费列", m.stated.public, sum(of("PUBLIC")), of("PUBLIC").length);
    }
    if (m.incomeLines.length) {
      this.money("INCOME_LINES_SUM", "收入各行之和 = 收入总计", "收支总表 收入", m.stated.incomeTotal, sum(m.incomeLines.map((l) => l.fen)), m.incomeLines.length);
    }
    if (m.projects.length) {
      const amounts = m.projects.map((p) => sum(p.lines.map((l) => l.fen)));
      this.money("PROJECT_LINES_SUM", "项目各行之和 = 项目支出", "项目支出表 各行", m.stated.project, sum(amounts), amounts.length);
    }
  }

  specialMeasures(): void {
    const t = this.m.threePublic;
    if (t) {
      const parts = [t.overseasTravel, t.vehicles, t.reception].filter((x): x is bigint => x !== null);
      if (parts.length) this.money("THREE_PUBLIC_PARTS", "“三公”经费 = 因公出国(境) + 公务用车 + 公务接待", "“三公”经费", t.total, sum(parts), parts.length);
      const car = [t.vehiclePurchase, t.vehicleOperation].filter((x): x is bigint => x !== null);
      if (car.length) this.money("THREE_PUBLIC_VEHICLES", "公务用车购置及运行费 = 购置费 + 运行费", "“三公”经费 公务用车", t.vehicles, sum(car), car.length);
    }
    const o = this.m.operatingFunds;
    if (o && o.items.length) {
      this.money("OPERATING_FUNDS_ITEMS", "机构运转经费 = 各项之和", "机构运转经费", o.total, sum(o.items.map((i) => i.fen)), o.items.length);
    }
    const p = this.m.procurement;
    if (p) {
      const parts = [p.goods, p.works, p.services].filter((x): x is bigint => x !== null);
      if (parts.length) this.money("PROCUREMENT_PARTS", "政府采购 = 货物 + 工程 + 服务", "政府采购", p.total, sum(parts), parts.length);
    }
  }

  /** What each narrative topic is stated against; shares are of the figure in `of`. */
  private claimTarget(topic: string, subject: string | null): { value: Fen; of?: Fen; what: string; terms?: number } | null {
    const s = this.m.stated;
    const gpb = sum(this.m.incomeLines.filter((l) => l.source === "GENERAL_PUBLIC_BUDGET").map((l) => l.fen));
    const fund = sum(this.m.incomeLines.filter((l) => l.source === "GOVERNMENT_FUND").map((l) => l.fen));
    const t = this.m.threePublic;
    switch (topic) {
      case "INCOME_TOTAL":
        return { value: s.incomeTotal, what: "收入总计" };
      case "EXPENDITURE_TOTAL":
        return { value: s.expenditureTotal, what: "支出总计" };
      case "INCOME_GENERAL_BUDGET":
      case "GENERAL_BUDGET_TOTAL":
      case "GENERAL_BUDGET_EXPENDITURE":
        return this.m.incomeLines.length ? { value: gpb, what: "一般公共预算" } : null;
      case "INCOME_GOVERNMENT_FUND":
      case "GOVERNMENT_FUND_TOTAL":
        return this.m.incomeLines.length ? { value: fund, what: "政府性基金预算" } : null;
      case "BASIC_TOTAL":
        return { value: s.basic, what: "基本支出" };
      case "BASIC_SHARE":
        return { value: s.basic, of: s.expenditureTotal, what: "基本支出" };
      case "PROJECT_SHARE":
        return { value: s.project, of: s.expenditureTotal, what: "项目支出" };
      case "PERSONNEL_SHARE":
        return { value: s.personnel, of: s.basic, what: "人员经费" };
      case "PUBLIC_SHARE":
        return { value: s.public, of: s.basic, what: "公用经费" };
      case "EXECUTION":
        return subject ? { ...this.subjectTotal(subject), what: `科目 ${subject}` } : null;
      case "EXECUTION_TOTAL":
      case "FISCAL_EXPENDITURE_TOTAL": {
        const lines = this.m.subjectLines.filter((l) => FISCAL_SOURCES.includes(l.fundingSource) && (topic === "FISCAL_EXPENDITURE_TOTAL" || l.fundingSource === "GENERAL_PUBLIC_BUDGET"));
        return lines.length ? { value: sum(lines.map((l) => l.fen)), what: topic === "EXECUTION_TOTAL" ? "一般公共预算财政拨款支出" : "财政拨款支出", terms: lines.length } : null;
      }
      case "FISCAL_INCOME_TOTAL":
        return this.m.incomeLines.length ? { value: sum(this.m.incomeLines.filter((l) => FISCAL_SOURCES.includes(l.source)).map((l) => l.fen)), what: "财政拨款收入" } : null;
      case "INCOME_THIS_YEAR":
        return this.m.incomeLines.length ? { value: sum(this.m.incomeLines.filter((l) => l.source !== "PRIOR_YEAR_CARRYOVER").map((l) => l.fen)), what: "本年收入合计" } : null;
      case "CARRIED_IN":
        return this.m.incomeLines.length ? { value: sum(this.m.incomeLines.filter((l) => l.source === "PRIOR_YEAR_CARRYOVER").map((l) => l.fen)), what: "年初结转和结余" } : null;
      case "EXPENDITURE_THIS_YEAR":
        return this.m.subjectLines.length ? { value: sum(this.m.subjectLines.map((l) => l.fen)), what: "本年支出合计", terms: this.m.subjectLines.length } : null;
      case "CARRIED_OUT":
        return s.expenditureTotal !== null && this.m.subjectLines.length ? { value: s.expenditureTotal - sum(this.m.subjectLines.map((l) => l.fen)), what: "年末结转和结余", terms: this.m.subjectLines.length } : null;
      case "PERSONNEL_TOTAL":
        return { value: s.personnel, what: "人员经费" };
      case "PUBLIC_TOTAL":
        return { value: s.public, what: "公用经费" };
      case "SUBJECT_SHARE":
        return subject ? { ...this.subjectTotal(subject), of: s.expenditureTotal, what: `科目 ${subject}` } : null;
      case "THREE_PUBLIC_TOTAL":
        return t ? { value: t.total, what: "“三公”经费" } : null;
      case "THREE_PUBLIC_OVERSEAS":
        return t ? { value: t.overseasTravel, what: "因公出国(境)费" } : null;
      case "THREE_PUBLIC_RECEPTION":
        return t ? { value: t.reception, what: "公务接待费" } : null;
      case "THREE_PUBLIC_VEHICLES":
        return t ? { value: t.vehicles, what: "公务用车购置及运行费" } : null;
      case "THREE_PUBLIC_VEHICLE_PURCHASE":
        return t ? { value: t.vehiclePurchase, what: "公务用车购置费" } : null;
      case "THREE_PUBLIC_VEHICLE_OPERATION":
        return t ? { value: t.vehicleOperation, what: "公务用车运行费" } : null;
      case "OPERATING_FUNDS_TOTAL":
        return this.m.operatingFunds ? { value: this.m.operatingFunds.total, what: "机构运转经费" } : null;
      case "PROCUREMENT_TOTAL":
        return this.m.procurement ? { value: this.m.procurement.total, what: "政府采购" } : null;
      default:
        return null;
    }
  }

  /** A subject's published row total where the document printed one, else its lines' sum (and how many). */
  private subjectTotal(code: string): { value: bigint | null; terms: number } {
    const printed = this.m.publishedFigures.find((f) => f.tableKind === "EXPENDITURE" && f.subjectCode === code && f.columnLabel === "合计");
    if (printed) return { value: printed.fen, terms: 0 };
    const lines = this.m.subjectLines.filter((l) => l.subject.startsWith(code));
    return { value: lines.length ? sum(lines.map((l) => l.fen)) : null, terms: lines.length };
  }

  claims(): void {
    for (const c of this.m.claims) {
      const target = this.claimTarget(c.topic, c.subject);
      const where = `说明 ${c.section}`;
      const label = c.label ? `“${c.label}”` : "";
      if (target && c.amount !== null) {
        this.money("NARRATIVE_MATCHES_TABLES", `说明所述${target.what}${label} = 表中数`, where, c.amount, target.value, target.terms ?? 0, coarsest(this.tableUnit, c.unit));
      }
      if (target && c.sharePercent !== null && target.value && target.of) {
        this.percent("NARRATIVE_SHARE", `说明所述${target.what}${label}占比`, where, c.sharePercent, target.value, target.of);
      }
      if (c.amount !== null && c.change !== null && c.ratePercent !== null && c.change !== 0n) {
        // The rate is stated against last year's figure, which is this year's minus the change.
        this.percent("NARRATIVE_RATE", `说明所述${target?.what ?? c.topic}增减率`, where, c.ratePercent, c.change, c.amount - c.change);
      }
      if (c.budgeted !== null || c.completionPercent !== null) this.execution(c, target, where, label);
    }
  }

  /**
   * A 决算's "年初预算为 X，支出决算为 Y，完成年初预算的 Z%": X against the year-begin budget its
   * tables print, Z against what the tables give (spent ÷ year-begin budget).
   */
  private execution(c: BudgetModel["claims"][number], spent: ReturnType<Checker["claimTarget"]>, where: string, label: string): void {
    const budget = this.budgetTarget(c.topic, c.subject);
    if (!budget) return;
    const unit = coarsest(this.tableUnit, c.unit);
    if (c.budgeted !== null) this.money("NARRATIVE_BUDGET_MATCHES_TABLES", `说明所述${budget.what}${label}年初预算 = 表中年初预算数`, where, c.budgeted, budget.value ?? 0n, budget.terms, unit);
    if (c.completionPercent !== null && spent?.value !== null && spent?.value !== undefined && budget.value) {
      this.percent("NARRATIVE_COMPLETION_RATE", `说明所述${budget.what}${label}完成年初预算的比例`, where, c.completionPercent, spent.value, budget.value);
    }
  }

  /** The year-begin budget a 决算's tables print for what an execution statement speaks of. */
  private budgetTarget(topic: string, subject: string | null): { value: bigint | null; what: string; terms: number } | null {
    const m = this.m;
    if (topic === "EXECUTION" && subject) {
      const lines = m.yearBegin.filter((l) => l.subject.startsWith(subject));
      return { value: lines.length ? sum(lines.map((l) => l.fen)) : null, what: `科目 ${subject}`, terms: Math.max(0, lines.length - 1) };
    }
    if (topic === "EXECUTION_TOTAL") return { value: m.yearBeginTotal, what: "一般公共预算财政拨款支出", terms: 0 };
    if (topic === "THREE_PUBLIC_TOTAL" && m.threePublicBudgeted) return { value: m.threePublicBudgeted.total, what: "“三公”经费", terms: 0 };
    return null;
  }

  /** A printed percentage against part/whole, rounded to the printed decimals (half up). */
  percent(ruleId: string, what: string, where: string, printed: string, part: bigint, whole: bigint): void {
    const decimals = printed.split(".")[1]?.length ?? 0;
    const computed = percent(part, whole, decimals);
    if (computed === null || canonicalDecimal(computed) === canonicalDecimal(printed)) return;
    const diffSteps = abs(scaled(computed, decimals) - scaled(printed, decimals));
    this.out.push({
      ruleId,
      severity: diffSteps <= 1n ? "ROUNDING" : "MATERIAL",
      message: `${what}: stated ${printed}%, computed ${computed}%`,
      location: `${this.fileName} ${where}`,
      valueKind: "PERCENT",
      stated: printed,
      computed,
    });
  }
}
