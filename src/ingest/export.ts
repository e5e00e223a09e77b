import type { DataSource } from "typeorm";
import { placeholders } from "../db/sql";
import { formatFen, toFen, toFenOrNull, type MoneyUnitCode, type PrintedUnit } from "../common/money";
import type { Bundle, BundleIndicator } from "./bundle/bundle.types";
import { MODEL_RULES } from "./checks";
import { YEAR_BEGIN_RULE } from "./cross-stage";
import { PRIOR_YEAR_RULE } from "./cross-year";

type Row = Record<string, unknown>;

/**
 * Writes one stored budget (any version) back out as a bundle: every figure, name, indicator,
 * claim, published figure, table inventory entry, text and carried finding, so that importing
 * the bundle elsewhere gives the same budget. Checks the load recomputes are not carried.
 */
export async function exportBundle(ds: DataSource, budgetId: number): Promise<Bundle> {
  const q = (sql: string, params: unknown[] = [budgetId]) => ds.query(sql, params) as Promise<Row[]>;
  const [b] = await q("SELECT b.*, d.code, d.name, d.short_name, d.region_code FROM department_budget b JOIN department d ON d.id = b.department_id WHERE b.id = ?");
  if (!b) throw new Error(`no budget ${budgetId}`);
  const x = new Exporter(q, b);
  return {
    format: "budget-bundle/1",
    department: await x.department(),
    year: Number(b.year),
    stage: b.stage as Bundle["stage"],
    amountUnit: x.unit,
    ...(b.title ? { title: String(b.title) } : {}),
    stated: x.stated(),
    ...(await x.factLines()),
    ...(await x.projects()),
    ...(await x.specialMeasures()),
    ...(await x.yearBegin()),
    claims: await x.claims(),
    ...(await x.documentParts(budgetId)),
  };
}

type Query = (sql: string, params?: unknown[]) => Promise<Row[]>;

/** Reads one budget's rows back into bundle parts, amounts in the budget's own unit. */
class Exporter {
  readonly unit: MoneyUnitCode;
  private unitCodes: Map<number, string> | null = null;

  constructor(
    private readonly q: Query,
    private readonly b: Row,
  ) {
    this.unit = String(b.amount_unit) as MoneyUnitCode;
  }

  private amt(v: unknown): string {
    return formatFen(toFen(v), this.unit);
  }

  private opt(v: unknown): string | undefined {
    return toFenOrNull(v) === null ? undefined : this.amt(v);
  }

  private unitOf(id: unknown): string | undefined {
    return id === null ? undefined : this.unitCodes!.get(Number(id));
  }

  async department(): Promise<Bundle["department"]> {
    const b = this.b;
    const units = await this.q("SELECT id, code, name, is_self FROM budget_unit WHERE department_id = ? ORDER BY code", [b.department_id]);
    this.unitCodes = new Map(units.map((u) => [Number(u.id), String(u.code)]));
    return {
      code: String(b.code),
      name: String(b.name),
      shortName: String(b.short_name),
      regionCode: String(b.region_code),
      units: units.map((u) => ({ code: String(u.code), name: String(u.name), isSelf: Boolean(Number(u.is_self)) })),
    };
  }

  stated(): Bundle["stated"] {
    const b = this.b;
    return {
      incomeTotal: this.opt(b.stated_income_total),
      expenditureTotal: this.opt(b.stated_expenditure_total),
      basicExpenditure: this.opt(b.stated_basic),
      projectExpenditure: this.opt(b.stated_project),
      personnelExpenditure: this.opt(b.stated_personnel),
      publicExpenditure: this.opt(b.stated_public),
    };
  }

  /** Fact lines, with the code names the document printed for its year. */
  async factLines(): Promise<Pick<Bundle, "subjectLines" | "subjectRowTotals" | "economicLines" | "incomeLines">> {
    const year = this.b.year;
    // The names this version printed come first: a draft's are kept with it alone, not yet the year's names.
    const printed = await this.q("SELECT code_list, code, name FROM printed_code_name WHERE budget_id = ?");
    const printedIn = (list: string) => printed.filter((r) => r.code_list === list).map((r): [string, string] => [`${list === "SUBJECT" ? "" : `${list}:`}${r.code}`, String(r.name)]);
    const names = new Map([
      ...(await this.q("SELECT code, name FROM subject_code_name WHERE year = ? AND origin = 'DOCUMENT'", [year])).map((r): [string, string] => [String(r.code), String(r.name)]),
      ...printedIn("SUBJECT"),
    ]);
    const rowTotals = await this.q("SELECT * FROM subject_row_total WHERE budget_id = ? AND printed = 1 ORDER BY id");
    const econNames = new Map([
      ...(await this.q("SELECT scheme, code, name FROM economic_code_name WHERE year = ?", [year])).map((r): [string, string] => [`${r.scheme}:${r.code}`, String(r.name)]),
      ...printedIn("DEPT"),
      ...printedIn("GOV"),
    ]);
    return {
      subjectLines: (await this.q("SELECT * FROM subject_line WHERE budget_id = ? ORDER BY id")).map((l) => ({
        unit: this.unitOf(l.unit_id),
        subject: String(l.subject_code),
        subjectName: names.get(String(l.subject_code)),
        kind: l.kind as never,
        category: l.category as never,
        fundingSource: l.funding_source as never,
        amount: this.amt(l.amount_fen),
      })),
      // Only totals the source printed: a row without one is summed from its lines again on import.
      ...(rowTotals.length ? { subjectRowTotals: rowTotals.map((r) => ({ unit: this.unitOf(r.unit_id), subject: String(r.subject_code), amount: this.amt(r.amount_fen) })) } : {}),
      economicLines: (await this.q("SELECT * FROM economic_line WHERE budget_id = ? ORDER BY id")).map((l) => ({
        unit: this.unitOf(l.unit_id),
        deptCode: String(l.dept_economic_code),
        deptName: econNames.get(`DEPT:${l.dept_economic_code}`) ?? "",
        govCode: String(l.gov_economic_code),
        govName: econNames.get(`GOV:${l.gov_economic_code}`) ?? "",
        kind: l.kind as never,
        fundingSource: l.funding_source as never,
        amount: this.amt(l.amount_fen),
      })),
      incomeLines: (await this.q("SELECT * FROM income_line WHERE budget_id = ? ORDER BY id")).map((l) => ({ source: l.funding_source as never, label: String(l.label), amount: this.amt(l.amount_fen) })),
    };
  }

  /** Projects with their lines, aliases and indicators, and the department-level indicators. */
  async projects(): Promise<Pick<Bundle, "projects" | "departmentIndicators">> {
    const indicators = await this.q("SELECT * FROM performance_indicator WHERE budget_id = ? ORDER BY position, id");
    const projects = await this.q("SELECT * FROM project WHERE budget_id = ? ORDER BY position");
    const lines = await this.q("SELECT l.* FROM project_line l JOIN project p ON p.id = l.project_id WHERE p.budget_id = ? ORDER BY l.id");
    const aliases = await this.q("SELECT a.* FROM project_alias a JOIN project p ON p.id = a.project_id WHERE p.budget_id = ? ORDER BY a.id");
    return {
      projects: projects.map((p) => ({
        ...(p.code ? { code: String(p.code) } : {}),
        name: String(p.name),
        category: p.category as never,
        unit: this.unitOf(p.unit_id),
        ...(p.subject_code ? { subject: String(p.subject_code) } : {}),
        lines: lines.filter((l) => l.project_id === p.id).map((l) => ({ fundingSource: l.funding_source as never, amount: this.amt(l.amount_fen) })),
        aliases: aliases.filter((a) => a.project_id === p.id).map((a) => ({ ...(a.code ? { code: String(a.code) } : {}), name: String(a.name), source: String(a.source) })),
        indicators: indicators.filter((i) => i.project_id === p.id).map(toIndicator),
      })),
      departmentIndicators: indicators.filter((i) => i.scope === "DEPARTMENT").map(toIndicator),
    };
  }

  async specialMeasures(): Promise<Pick<Bundle, "threePublic" | "operatingFunds" | "procurement" | "assets">> {
    const [tp] = await this.q("SELECT * FROM three_public_expense WHERE budget_id = ?");
    const [of] = await this.q("SELECT * FROM operating_funds WHERE budget_id = ?");
    const [pr] = await this.q("SELECT * FROM procurement WHERE budget_id = ?");
    const items = of ? await this.q("SELECT * FROM operating_fund_item WHERE budget_id = ? ORDER BY position") : [];
    const opt = (v: unknown) => this.opt(v);
    return {
      ...(tp ? { threePublic: this.threePublic(tp) } : {}),
      ...(of
        ? { operatingFunds: { total: opt(of.total_fen), change: opt(of.change_fen), ...(of.reason ? { reason: String(of.reason) } : {}), items: items.map((i) => ({ name: String(i.name), amount: this.amt(i.amount_fen) })) } }
        : {}),
      ...(pr ? { procurement: { total: opt(pr.total_fen), goods: opt(pr.goods_fen), works: opt(pr.works_fen), services: opt(pr.services_fen) } } : {}),
      assets: (await this.q("SELECT * FROM asset_holding WHERE budget_id = ? ORDER BY id")).map((a) => ({ kind: a.kind as never, name: String(a.name), count: Number(a.count) })),
    };
  }

  /** A 决算's year-begin budget as it printed it. */
  async yearBegin(): Promise<Pick<Bundle, "yearBegin" | "yearBeginTotal" | "threePublicBudgeted">> {
    const lines = await this.q("SELECT * FROM year_begin_line WHERE budget_id = ? ORDER BY id");
    const [tb] = await this.q("SELECT * FROM three_public_budgeted WHERE budget_id = ?");
    return {
      ...(lines.length ? { yearBegin: lines.map((l) => ({ subject: String(l.subject_code), amount: this.amt(l.amount_fen) })) } : {}),
      ...(this.b.stated_year_begin_total !== null && this.b.stated_year_begin_total !== undefined ? { yearBeginTotal: this.amt(this.b.stated_year_begin_total) } : {}),
      ...(tb ? { threePublicBudgeted: this.threePublic(tb) } : {}),
    };
  }

  private threePublic(r: Row): NonNullable<Bundle["threePublic"]> {
    const opt = (v: unknown) => this.opt(v);
    return { total: opt(r.total_fen), overseasTravel: opt(r.overseas_travel_fen), vehicles: opt(r.vehicles_fen), vehiclePurchase: opt(r.vehicle_purchase_fen), vehicleOperation: opt(r.vehicle_operation_fen), reception: opt(r.reception_fen) };
  }

  async claims(): Promise<NonNullable<Bundle["claims"]>> {
    return (await this.q("SELECT * FROM narrative_claim WHERE budget_id = ? ORDER BY position")).map((c) => ({
      topic: String(c.topic),
      section: String(c.section),
      ...(c.subject_code ? { subject: String(c.subject_code) } : {}),
      ...(c.label ? { label: String(c.label) } : {}),
      amount: this.opt(c.amount_fen),
      change: this.opt(c.change_fen),
      ...(c.rate_percent ? { ratePercent: String(c.rate_percent) } : {}),
      ...(c.share_percent ? { sharePercent: String(c.share_percent) } : {}),
      ...(c.reason ? { reason: String(c.reason) } : {}),
      ...(c.unit ? { unit: c.unit as PrintedUnit } : {}),
      ...(c.budgeted_fen !== null && c.budgeted_fen !== undefined ? { budgeted: this.amt(c.budgeted_fen) } : {}),
      ...(c.completion_percent ? { completionPercent: String(c.completion_percent) } : {}),
    }));
  }

  /** Printed figures, the table inventory, texts, and the findings only the document could show. */
  async documentParts(budgetId: number): Promise<Pick<Bundle, "publishedFigures" | "tables" | "texts" | "findings">> {
    return {
      publishedFigures: (await this.q("SELECT * FROM published_figure WHERE budget_id = ? ORDER BY id")).map((f) => ({
        tableKind: String(f.table_kind),
        rowLabel: String(f.row_label),
        columnLabel: String(f.column_label),
        ...(f.subject_code ? { subjectCode: String(f.subject_code) } : {}),
        amount: this.amt(f.amount_fen),
        ...(f.line !== null ? { line: Number(f.line) } : {}),
        ...(f.location ? { location: String(f.location) } : {}),
      })),
      tables: (await this.q("SELECT * FROM document_table WHERE budget_id = ? ORDER BY id")).map((t) => ({
        kind: String(t.kind), title: String(t.title), listed: Boolean(Number(t.listed)), present: Boolean(Number(t.present)), rowCount: Number(t.row_count), ...(t.line !== null ? { line: Number(t.line) } : {}),
        ...(t.location ? { location: String(t.location) } : {}), ...(t.unit ? { unit: t.unit as PrintedUnit } : {}),
      })),
      texts: (await this.q("SELECT * FROM document_text WHERE budget_id = ? ORDER BY id")).map((t) => ({
        kind: t.kind as never, position: Number(t.position), ...(t.title ? { title: String(t.title) } : {}), body: String(t.body), ...(t.line !== null ? { line: Number(t.line) } : {}),
      })),
      findings: (await this.q(`SELECT * FROM discrepancy WHERE budget_id = ? AND rule_id NOT IN (${placeholders(RECOMPUTED.length)}) ORDER BY id`, [budgetId, ...RECOMPUTED])).map((d) => ({
        ruleId: String(d.rule_id), severity: d.severity as never, message: String(d.message), location: String(d.location), valueKind: d.value_kind as never,
        ...(d.stated !== null ? { stated: String(d.stated) } : {}), ...(d.computed !== null ? { computed: String(d.computed) } : {}),
      })),
    };
  }
}

function toIndicator(r: Row): BundleIndicator {
  return {
    ...(r.category ? { category: r.category as BundleIndicator["category"] } : {}),
    ...(r.level1 ? { level1: String(r.level1) } : {}),
    ...(r.level2 ? { level2: String(r.level2) } : {}),
    name: String(r.name),
    target: String(r.target),
    ...(r.explanation ? { explanation: String(r.explanation) } : {}),
  };
}

/** Findings a load recomputes from the figures; the others came from the document and travel with the bundle. */
const RECOMPUTED = [...MODEL_RULES, PRIOR_YEAR_RULE, YEAR_BEGIN_RULE];
