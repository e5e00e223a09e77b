import type { PublicationStatusCode } from "../common/vocabulary";
import { createHash } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import type { Viewer } from "../common/viewer";
import { recordAudit } from "../modules/audit/audit.service";
import { DepartmentBudgetEntity } from "../modules/budget/department-budget.entity";
import { EconomicLineEntity, IncomeLineEntity, SubjectLineEntity, SubjectRowTotalEntity, YearBeginLineEntity } from "../modules/budget/fact-lines.entity";
import {
  AssetHoldingEntity,
  NarrativeClaimEntity,
  OperatingFundItemEntity,
  OperatingFundsEntity,
  ProcurementEntity,
  ThreePublicBudgetedEntity,
  ThreePublicExpenseEntity,
} from "../modules/budget/special-measures.entity";
import { BudgetUnitEntity } from "../modules/department/budget-unit.entity";
import { DepartmentEntity } from "../modules/department/department.entity";
import { SourceDocumentEntity } from "../modules/document/source-document.entity";
import { FiscalYearEntity } from "../modules/fiscal-year/fiscal-year.entity";
import { PerformanceIndicatorEntity } from "../modules/performance/performance-indicator.entity";
import { ProjectAliasEntity, ProjectEntity, ProjectLineEntity } from "../modules/project/project.entity";
import { DocumentTableEntity, DocumentTextEntity, PublishedFigureEntity } from "../modules/document/document-parts.entity";
import { DiscrepancyEntity } from "../modules/budget/special-measures.entity";
import { documentFindings, severityCounts } from "./checks";
import { codeListFor } from "./code-lists";
import { YEAR_BEGIN_RULE, crossStageChecks } from "./cross-stage";
import { PRIOR_YEAR_RULE, crossYearChecks, insertDiscrepancy } from "./cross-year";
import { ensureCodes, printedNames } from "./codes";
import { PrintedCodeNameEntity } from "../modules/classification/printed-code-name.entity";
import type { DocumentFormat } from "./import";
import type { BudgetModel, DiscrepancyDraft, ThreePublicFigures } from "./model";
import { toMicro } from "../common/decimal";
import { parseTarget } from "./target";
import { IMPORT_WAIT_SECONDS, claimWriter, retryTransient, withWriteLock } from "../db/write-lock";
import type { BundleIndicator } from "./bundle/bundle.types";

export interface SourceInfo {
  fileName: string;
  bytes: Buffer;
  format: DocumentFormat;
}

export interface LoadResult {
  budgetId: number;
  version: number;
  /** Findings stored for this budget, by severity (for summaries). */
  discrepancies: Record<string, number>;
  /** The same bytes are already the version in force: nothing was written. (The same bytes as a replaced version put that version back in force.) */
  unchanged: boolean;
}

const CHUNK = 400;

export function checksumOf(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Writes one department-year-stage in one transaction: a new version that becomes current,
 * the previous one kept. It is a DRAFT unless `status` says PUBLISHED; a draft leaves the
 * version the public sees (is_public) where it was. The same document again is a no-op. `findings` are the document's own
 * (computed by the caller that read it, or here); cross-year checks are added at load.
 */
export async function loadBudget(
  ds: DataSource,
  model: BudgetModel,
  source: SourceInfo,
  opts: { actor?: string; viewer?: Viewer; requestId?: string; status?: PublicationStatusCode; findings?: DiscrepancyDraft[]; waitSeconds?: number } = {},
): Promise<LoadResult> {
  const checksum = checksumOf(source.bytes);
  const actor = opts.viewer?.actor ?? opts.actor ?? "system";
  const who = { viewer: opts.viewer, actor, requestId: opts.requestId };
  // One import writes at a time: every import writes shared rows (the department, its units,
  // codes and their names), so a lock per department-year alone would still collide there.
  // Under the lock the checksum check and the version number see every earlier import committed.
  return withWriteLock(ds, (opts.waitSeconds ?? IMPORT_WAIT_SECONDS) * 1000, () => retryTransient(() => ds.transaction(async (m) => {
    await claimWriter(m);
    const seen = await m.query(
      "SELECT b.id, b.version, b.is_current, b.department_id, b.year, b.stage FROM source_document s JOIN department_budget b ON b.source_document_id = s.id WHERE s.checksum = ?",
      [checksum],
    );
    if (seen.length) return reinstate(m, seen[0], model, source, checksum, who);

    const now = new Date();
    const { budgetId, departmentId, version } = await insertBudget(m, model, source, checksum, { actor, status: opts.status ?? "DRAFT", now });
    const unitIds = await upsertUnits(m, departmentId, model);
    const unitOf = (code: string | null) => (code === null ? null : unitIds.get(code)!);
    await insertFactLines(m, model, { budgetId, departmentId, year: model.year }, unitOf);
    await insertProjects(m, model, { budgetId, departmentId, year: model.year }, unitOf);
    await insertSpecialMeasures(m, model, budgetId);
    await insertDocumentParts(m, model, budgetId);
    await insertMany(m, PrintedCodeNameEntity, printedNames(model).map((r) => ({ budgetId, ...r })));

    const findings = [
      ...(opts.findings ?? documentFindings(model, source.fileName)),
      ...(await crossYearChecks(m, { id: budgetId, departmentId, year: model.year, stage: model.stage, label: source.fileName })),
      ...(await crossStageChecks(m, { id: budgetId, departmentId, year: model.year, stage: model.stage, label: source.fileName })),
    ];
    await insertMany(m, DiscrepancyEntity, findings.map((d) => ({ budgetId, ...d })));
    await recordAudit(m, { ...who, action: "IMPORT", target: `${model.department.code}/${model.year}/${model.stage}/v${version}`, checksum, outcome: "OK", detail: source.fileName });
    return { budgetId, version, unchanged: false, discrepancies: severityCounts(findings) };
  }), isDuplicateKey));
}

type AuditedBy = { viewer?: Viewer; actor: string; requestId?: string };


// A writer that took no lock (a process of an older release) can still win the race for the same
// checksum or version number; run again, the transaction finds its row and converges on it.
const isDuplicateKey = (err: unknown) => ["ER_DUP_ENTRY", "SQLITE_CONSTRAINT_UNIQUE"].includes(String((err as { code?: unknown } | null)?.code));

/**
 * Bytes already loaded: a no-op when they are the version in force; the same bytes as a
 * replaced version put that version back in force (a rollback), not loaded twice.
 */
async function reinstate(m: EntityManager, b: Record<string, unknown>, model: BudgetModel, source: SourceInfo, checksum: string, who: AuditedBy): Promise<LoadResult> {
  const budgetId = Number(b.id);
  if (!Number(b.is_current)) {
    await m.query("UPDATE department_budget SET is_current = 0 WHERE department_id = ? AND year = ? AND stage = ?", [b.department_id, b.year, b.stage]);
    await m.query("UPDATE department_budget SET is_current = 1 WHERE id = ?", [budgetId]);
    await m.query("DELETE FROM discrepancy WHERE budget_id = ? AND rule_id = ?", [budgetId, PRIOR_YEAR_RULE]);
    const ref = { id: budgetId, departmentId: Number(b.department_id), year: Number(b.year), stage: String(b.stage), label: source.fileName };
    await m.query("DELETE FROM discrepancy WHERE budget_id = ? AND rule_id = ?", [budgetId, YEAR_BEGIN_RULE]);
    for (const d of [...(await crossYearChecks(m, ref)), ...(await crossStageChecks(m, ref))]) {
      await insertDiscrepancy(m, budgetId, d);
    }
    await recordAudit(m, { ...who, action: "REINSTATE", target: `${model.department.code}/${model.year}/${model.stage}/v${b.version}`, checksum, outcome: "OK", detail: source.fileName });
  }
  const counts: { severity: string; n: unknown }[] = await m.query("SELECT severity, COUNT(*) AS n FROM discrepancy WHERE budget_id = ? GROUP BY severity", [budgetId]);
  return { budgetId, version: Number(b.version), unchanged: Boolean(Number(b.is_current)), discrepancies: Object.fromEntries(counts.map((c) => [c.severity, Number(c.n)])) };
}

/** The department, its year and codes, the source document, and the new version in force. */
async function insertBudget(
  m: EntityManager,
  model: BudgetModel,
  source: SourceInfo,
  checksum: string,
  o: { actor: string; status: PublicationStatusCode; now: Date },
): Promise<{ budgetId: number; departmentId: number; version: number }> {
  const departmentId = await upsertDepartment(m, model);
  if (!(await m.findOneBy(FiscalYearEntity, { year: model.year }))) {
    await m.insert(FiscalYearEntity, { year: model.year, codeList: codeListFor(model.year).source });
  }
  await ensureCodes(m, model, { published: o.status === "PUBLISHED" });
  const doc = await m.insert(SourceDocumentEntity, {
    fileName: source.fileName, checksum, format: source.format, byteSize: source.bytes.length, importedAt: o.now, importedBy: o.actor,
  });
  const [{ v }] = await m.query("SELECT MAX(version) AS v FROM department_budget WHERE department_id = ? AND year = ? AND stage = ?", [departmentId, model.year, model.stage]);
  const version = v === null ? 1 : Number(v) + 1;
  await m.query("UPDATE department_budget SET is_current = 0 WHERE department_id = ? AND year = ? AND stage = ?", [departmentId, model.year, model.stage]);
  // Imported as published (import --publish): this version replaces the one the public saw.
  const isPublic = o.status === "PUBLISHED";
  if (isPublic) await m.query("UPDATE department_budget SET is_public = 0 WHERE department_id = ? AND year = ? AND stage = ?", [departmentId, model.year, model.stage]);
  const inserted = await m.insert(DepartmentBudgetEntity, {
    departmentId,
    year: model.year,
    stage: model.stage,
    version,
    isCurrent: true,
    isPublic,
    status: o.status,
    sourceDocumentId: Number(doc.identifiers[0]!.id),
    title: model.title,
    amountUnit: model.amountUnit,
    statedIncomeTotal: fenText(model.stated.incomeTotal),
    statedExpenditureTotal: fenText(model.stated.expenditureTotal),
    statedBasic: fenText(model.stated.basic),
    statedProject: fenText(model.stated.project),
    statedPersonnel: fenText(model.stated.personnel),
    statedPublic: fenText(model.stated.public),
    statedYearBeginTotal: fenText(model.yearBeginTotal),
    createdAt: o.now,
  });
  return { budgetId: Number(inserted.identifiers[0]!.id), departmentId, version };
}

type Common = { budgetId: number; departmentId: number; year: number };
type UnitOf = (code: string | null) => number | null;

const fenText = (x: bigint | null) => (x === null ? null : x.toString());

async function insertFactLines(m: EntityManager, model: BudgetModel, common: Common, unitOf: UnitOf): Promise<void> {
  await insertMany(m, SubjectLineEntity, model.subjectLines.map((l) => ({
    ...common, unitId: unitOf(l.unit), subjectCode: l.subject, kind: l.kind, category: l.category,
    fundingSource: l.fundingSource, amountFen: l.fen.toString(), sourceRef: l.sourceRef,
  })));
  await insertMany(m, SubjectRowTotalEntity, rowTotals(model).map((r) => ({
    ...common, unitId: unitOf(r.unit), subjectCode: r.subject, amountFen: r.fen.toString(), printed: r.printed, sourceRef: r.sourceRef,
  })));
  await insertMany(m, EconomicLineEntity, model.economicLines.map((l) => ({
    ...common, unitId: unitOf(l.unit), deptEconomicCode: l.deptCode, govEconomicCode: l.govCode, kind: l.kind,
    fundingSource: l.fundingSource, amountFen: l.fen.toString(), sourceRef: l.sourceRef,
  })));
  await insertMany(m, IncomeLineEntity, model.incomeLines.map((l) => ({
    budgetId: common.budgetId, fundingSource: l.source, label: l.label, amountFen: l.fen.toString(), sourceRef: l.sourceRef,
  })));
  await insertMany(m, YearBeginLineEntity, model.yearBegin.map((l) => ({ ...common, subjectCode: l.subject, amountFen: l.fen.toString(), sourceRef: l.sourceRef })));
}

/**
 * Every subject row's total: the totals the source printed, and for each row (unit and subject)
 * that printed none, the sum of its lines — marked as such, never passed off as printed.
 */
export function rowTotals(model: BudgetModel): (BudgetModel["subjectRowTotals"][number] & { printed: boolean })[] {
  const key = (unit: string | null, subject: string) => `${unit ?? ""}|${subject}`;
  const printed = new Set(model.subjectRowTotals.map((r) => key(r.unit, r.subject)));
  const summed = new Map<string, { unit: string | null; subject: string; fen: bigint; sourceRef: null; printed: false }>();
  for (const l of model.subjectLines) {
    const k = key(l.unit, l.subject);
    if (printed.has(k)) continue;
    const row = summed.get(k) ?? { unit: l.unit, subject: l.subject, fen: 0n, sourceRef: null, printed: false as const };
    row.fen += l.fen;
    summed.set(k, row);
  }
  return [...model.subjectRowTotals.map((r) => ({ ...r, printed: true })), ...summed.values()];
}

/**
 * Projects with their lines, aliases and indicators, then the department-level indicators: one
 * multi-row INSERT per table, whatever the number of projects. The projects' ids are read back
 * by position (unique within the budget), which holds on every database and whatever ids the
 * server hands out.
 */
async function insertProjects(m: EntityManager, model: BudgetModel, common: Common, unitOf: UnitOf): Promise<void> {
  await insertMany(m, ProjectEntity, model.projects.map((p, position) => ({
    ...common, position, code: p.code, name: p.name, category: p.category, unitId: unitOf(p.unit), subjectCode: p.subject,
    amountFen: p.lines.reduce((s, l) => s + l.fen, 0n).toString(),
  })));
  const ids = model.projects.length
    ? new Map<number, number>((await m.query("SELECT id, position FROM project WHERE budget_id = ?", [common.budgetId])).map((r: { id: unknown; position: unknown }) => [Number(r.position), Number(r.id)]))
    : new Map<number, number>();
  const idOf = (position: number) => ids.get(position)!;
  await insertMany(m, ProjectLineEntity, model.projects.flatMap((p, position) => p.lines.map((l) => ({ projectId: idOf(position), fundingSource: l.fundingSource, amountFen: l.fen.toString(), sourceRef: l.sourceRef }))));
  await insertMany(m, ProjectAliasEntity, model.projects.flatMap((p, position) => p.aliases.map((a) => ({ projectId: idOf(position), code: a.code ?? null, name: a.name, source: a.source }))));
  const indicatorRows: Partial<PerformanceIndicatorEntity>[] = [];
  model.projects.forEach((p, position) => p.indicators.forEach((ind, i) => indicatorRows.push(indicatorRow(common.budgetId, idOf(position), "PROJECT", i, ind))));
  model.departmentIndicators.forEach((ind, i) => indicatorRows.push(indicatorRow(common.budgetId, null, "DEPARTMENT", i, ind)));
  await insertMany(m, PerformanceIndicatorEntity, indicatorRows);
}

async function insertSpecialMeasures(m: EntityManager, model: BudgetModel, budgetId: number): Promise<void> {
  const threePublic = (t: ThreePublicFigures) => ({
    budgetId, totalFen: fenText(t.total), overseasTravelFen: fenText(t.overseasTravel), vehiclesFen: fenText(t.vehicles),
    vehiclePurchaseFen: fenText(t.vehiclePurchase), vehicleOperationFen: fenText(t.vehicleOperation), receptionFen: fenText(t.reception),
  });
  if (model.threePublic) await m.insert(ThreePublicExpenseEntity, threePublic(model.threePublic));
  if (model.threePublicBudgeted) await m.insert(ThreePublicBudgetedEntity, threePublic(model.threePublicBudgeted));
  const o = model.operatingFunds;
  if (o) {
    await m.insert(OperatingFundsEntity, { budgetId, totalFen: fenText(o.total), changeFen: fenText(o.change), reason: o.reason });
    await insertMany(m, OperatingFundItemEntity, o.items.map((it, i) => ({ budgetId, position: i + 1, name: it.name, amountFen: it.fen.toString() })));
  }
  const p = model.procurement;
  if (p) await m.insert(ProcurementEntity, { budgetId, totalFen: fenText(p.total), goodsFen: fenText(p.goods), worksFen: fenText(p.works), servicesFen: fenText(p.services) });
  await insertMany(m, AssetHoldingEntity, model.assets.map((a) => ({ budgetId, kind: a.kind, name: a.name, count: a.count })));
}

/** What the narrative states, the figures the tables print, the tables present and the texts. */
async function insertDocumentParts(m: EntityManager, model: BudgetModel, budgetId: number): Promise<void> {
  await insertMany(m, NarrativeClaimEntity, model.claims.map((c, position) => ({
    budgetId, position, topic: c.topic, section: c.section, subjectCode: c.subject, label: c.label,
    amountFen: fenText(c.amount), changeFen: fenText(c.change), ratePercent: c.ratePercent, sharePercent: c.sharePercent, reason: c.reason, unit: c.unit,
    budgetedFen: fenText(c.budgeted), completionPercent: c.completionPercent,
  })));
  await insertMany(m, PublishedFigureEntity, model.publishedFigures.map((f) => ({
    budgetId, tableKind: f.tableKind, rowLabel: f.rowLabel, columnLabel: f.columnLabel, subjectCode: f.subjectCode, amountFen: f.fen.toString(), line: f.line, location: f.location,
  })));
  await insertMany(m, DocumentTableEntity, model.tables.map((t) => ({ budgetId, ...t })));
  await insertMany(m, DocumentTextEntity, model.texts.map((t) => ({ budgetId, ...t })));
}

function indicatorRow(budgetId: number, projectId: number | null, scope: string, position: number, ind: BundleIndicator): Partial<PerformanceIndicatorEntity> {
  const parsed = parseTarget(ind.target);
  return {
    budgetId, projectId, scope, position,
    category: ind.category ?? null, level1: ind.level1 ?? null, level2: ind.level2 ?? null,
    name: ind.name, target: ind.target, comparator: parsed.comparator, targetValue: parsed.value,
    targetValueMicro: parsed.value === null ? null : toMicro(parsed.value), targetUnit: parsed.unit, explanation: ind.explanation ?? null,
  };
}

/**
 * Multi-row INSERTs of up to CHUNK rows; nothing read back (no entity is updated with generated
 * values), so each chunk is one statement on every database.
 */
async function insertMany<T extends object>(m: EntityManager, entity: new () => T, rows: Partial<T>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await m.createQueryBuilder().insert().into(entity).values(rows.slice(i, i + CHUNK) as never).updateEntity(false).execute();
  }
}

async function upsertDepartment(m: EntityManager, model: BudgetModel): Promise<number> {
  const d = model.department;
  const found = await m.findOneBy(DepartmentEntity, { code: d.code });
  if (found) {
    // Names follow the newest document: an older year's import does not rename the department.
    const [{ latest }] = await m.query("SELECT MAX(year) AS latest FROM department_budget WHERE department_id = ?", [found.id]);
    if (latest === null || model.year >= Number(latest)) {
      await m.update(DepartmentEntity, { id: found.id }, { name: d.name, shortName: d.shortName, regionCode: d.regionCode });
    }
    return found.id;
  }
  const r = await m.insert(DepartmentEntity, { code: d.code, name: d.name, shortName: d.shortName, regionCode: d.regionCode });
  return Number(r.identifiers[0]!.id);
}

async function upsertUnits(m: EntityManager, departmentId: number, model: BudgetModel): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const u of model.department.units) {
    const found = await m.findOneBy(BudgetUnitEntity, { code: u.code });
    if (found) {
      await m.update(BudgetUnitEntity, { id: found.id }, { name: u.name, isSelf: u.isSelf, departmentId });
      ids.set(u.code, found.id);
    } else {
      const r = await m.insert(BudgetUnitEntity, { departmentId, code: u.code, name: u.name, isSelf: u.isSelf });
      ids.set(u.code, Number(r.identifiers[0]!.id));
    }
  }
  return ids;
}
