import type { DataSource } from "typeorm";
import { formatFen, toFen, toFenOrNull, type MoneyUnitCode } from "../common/money";
import type { Bundle, BundleIndicator } from "./bundle/bundle.types";
import { MODEL_RULES } from "./checks";
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
  const unit = String(b.amount_unit) as MoneyUnitCode;
  const amt = (v: unknown) => formatFen(toFen(v), unit);
  const opt = (v: unknown) => (toFenOrNull(v) === null ? undefined : amt(v));
  const units = await q("SELECT code, name, is_self FROM budget_unit WHERE department_id = ? ORDER BY code", [b.department_id]);
  const unitCode = new Map((await q("SELECT id, code FROM budget_unit WHERE department_id = ?", [b.department_id])).map((u) => [Number(u.id), String(u.code)]));
  const unitOf = (id: unknown) => (id === null ? undefined : unitCode.get(Number(id)));
  const names = new Map((await q("SELECT code, name FROM subject_code_name WHERE year = ? AND origin = 'DOCUMENT'", [b.year])).map((r) => [String(r.code), String(r.name)]));
  const econNames = new Map((await q("SELECT scheme, code, name FROM economic_code_name WHERE year = ?", [b.year])).map((r) => [`${r.scheme}:${r.code}`, String(r.name)]));
  const indicator = (r: Row): BundleIndicator => ({
    ...(r.category ? { category: r.category as BundleIndicator["category"] } : {}),
    ...(r.level1 ? { level1: String(r.level1) } : {}),
    ...(r.level2 ? { level2: String(r.level2) } : {}),
    name: String(r.name),
    target: String(r.target),
    ...(r.explanation ? { explanation: String(r.explanation) } : {}),
  });
  const indicators = await q("SELECT * FROM performance_indicator WHERE budget_id = ? ORDER BY position, id");
  const projects = await q("SELECT * FROM project WHERE budget_id = ? ORDER BY position");
  const projectLines = await q("SELECT l.* FROM project_line l JOIN project p ON p.id = l.project_id WHERE p.budget_id = ? ORDER BY l.id");
  const aliases = await q("SELECT a.* FROM project_alias a JOIN project p ON p.id = a.project_id WHERE p.budget_id = ? ORDER BY a.id");
  const [tp] = await q("SELECT * FROM three_public_expense WHERE budget_id = ?");
  const [of] = await q("SELECT * FROM operating_funds WHERE budget_id = ?");
  const [pr] = await q("SELECT * FROM procurement WHERE budget_id = ?");

  return {
    format: "budget-bundle/1",
    department: {
      code: String(b.code),
      name: String(b.name),
      shortName: String(b.short_name),
      regionCode: String(b.region_code),
      units: units.map((u) => ({ code: String(u.code), name: String(u.name), isSelf: Boolean(Number(u.is_self)) })),
    },
    year: Number(b.year),
    stage: b.stage as Bundle["stage"],
    amountUnit: unit,
    ...(b.title ? { title: String(b.title) } : {}),
    stated: {
      incomeTotal: opt(b.stated_income_total),
      expenditureTotal: opt(b.stated_expenditure_total),
      basicExpenditure: opt(b.stated_basic),
      projectExpenditure: opt(b.stated_project),
      personnelExpenditure: opt(b.stated_personnel),
      publicExpenditure: opt(b.stated_public),
    },
    subjectLines: (await q("SELECT * FROM subject_line WHERE budget_id = ? ORDER BY id")).map((l) => ({
      unit: unitOf(l.unit_id),
      subject: String(l.subject_code),
      subjectName: names.get(String(l.subject_code)),
      kind: l.kind as never,
      category: l.category as never,
      fundingSource: l.funding_source as never,
      amount: amt(l.amount_fen),
    })),
    economicLines: (await q("SELECT * FROM economic_line WHERE budget_id = ? ORDER BY id")).map((l) => ({
      unit: unitOf(l.unit_id),
      deptCode: String(l.dept_economic_code),
      deptName: econNames.get(`DEPT:${l.dept_economic_code}`) ?? "",
      govCode: String(l.gov_economic_code),
      govName: econNames.get(`GOV:${l.gov_economic_code}`) ?? "",
      kind: l.kind as never,
      fundingSource: l.funding_source as never,
      amount: amt(l.amount_fen),
    })),
    incomeLines: (await q("SELECT * FROM income_line WHERE budget_id = ? ORDER BY id")).map((l) => ({ source: l.funding_source as never, label: String(l.label), amount: amt(l.amount_fen) })),
    projects: projects.map((p) => ({
      ...(p.code ? { code: String(p.code) } : {}),
      name: String(p.name),
      category: p.category as never,
      unit: unitOf(p.unit_id),
      ...(p.subject_code ? { subject: String(p.subject_code) } : {}),
      lines: projectLines.filter((l) => l.project_id === p.id).map((l) => ({ fundingSource: l.funding_source as never, amount: amt(l.amount_fen) })),
      aliases: aliases.filter((a) => a.project_id === p.id).map((a) => ({ ...(a.code ? { code: String(a.code) } : {}), name: String(a.name), source: String(a.source) })),
      indicators: indicators.filter((i) => i.project_id === p.id).map(indicator),
    })),
    departmentIndicators: indicators.filter((i) => i.scope === "DEPARTMENT").map(indicator),
    ...(tp
      ? { threePublic: { total: opt(tp.total_fen), overseasTravel: opt(tp.overseas_travel_fen), vehicles: opt(tp.vehicles_fen), vehiclePurchase: opt(tp.vehicle_purchase_fen), vehicleOperation: opt(tp.vehicle_operation_fen), reception: opt(tp.reception_fen) } }
      : {}),
    ...(of
      ? {
          operatingFunds: {
            total: opt(of.total_fen),
            change: opt(of.change_fen),
            ...(of.reason ? { reason: String(of.reason) } : {}),
            items: (await q("SELECT * FROM operating_fund_item WHERE budget_id = ? ORDER BY position")).map((i) => ({ name: String(i.name), amount: amt(i.amount_fen) })),
          },
        }
      : {}),
    ...(pr ? { procurement: { total: opt(pr.total_fen), goods: opt(pr.goods_fen), works: opt(pr.works_fen), services: opt(pr.services_fen) } } : {}),
    assets: (await q("SELECT * FROM asset_holding WHERE budget_id = ? ORDER BY id")).map((a) => ({ kind: a.kind as never, name: String(a.name), count: Number(a.count) })),
    claims: (await q("SELECT * FROM narrative_claim WHERE budget_id = ? ORDER BY position")).map((c) => ({
      topic: String(c.topic),
      section: String(c.section),
      ...(c.subject_code ? { subject: String(c.subject_code) } : {}),
      ...(c.label ? { label: String(c.label) } : {}),
      amount: opt(c.amount_fen),
      change: opt(c.change_fen),
      ...(c.rate_percent ? { ratePercent: String(c.rate_percent) } : {}),
      ...(c.share_percent ? { sharePercent: String(c.share_percent) } : {}),
      ...(c.reason ? { reason: String(c.reason) } : {}),
    })),
    publishedFigures: (await q("SELECT * FROM published_figure WHERE budget_id = ? ORDER BY id")).map((f) => ({
      tableKind: String(f.table_kind),
      rowLabel: String(f.row_label),
      columnLabel: String(f.column_label),
      ...(f.subject_code ? { subjectCode: String(f.subject_code) } : {}),
      amount: amt(f.amount_fen),
      ...(f.line !== null ? { line: Number(f.line) } : {}),
    })),
    tables: (await q("SELECT * FROM document_table WHERE budget_id = ? ORDER BY id")).map((t) => ({
      kind: String(t.kind), title: String(t.title), listed: Boolean(Number(t.listed)), present: Boolean(Number(t.present)), rowCount: Number(t.row_count), ...(t.line !== null ? { line: Number(t.line) } : {}),
    })),
    texts: (await q("SELECT * FROM document_text WHERE budget_id = ? ORDER BY id")).map((t) => ({
      kind: t.kind as never, position: Number(t.position), ...(t.title ? { title: String(t.title) } : {}), body: String(t.body), ...(t.line !== null ? { line: Number(t.line) } : {}),
    })),
    findings: (await q(`SELECT * FROM discrepancy WHERE budget_id = ? AND rule_id NOT IN (${RECOMPUTED.map(() => "?").join(", ")}) ORDER BY id`, [budgetId, ...RECOMPUTED])).map((d) => ({
      ruleId: String(d.rule_id), severity: d.severity as never, message: String(d.message), location: String(d.location), valueKind: d.value_kind as never,
      ...(d.stated !== null ? { stated: String(d.stated) } : {}), ...(d.computed !== null ? { computed: String(d.computed) } : {}),
    })),
  };
}

/** Findings a load recomputes from the figures; the others came from the document and travel with the bundle. */
const RECOMPUTED = [...MODEL_RULES, PRIOR_YEAR_RULE];
