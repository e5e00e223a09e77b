import { toFen, toFenOrNull } from "../../common/money";
import { type Viewer, inForce, visibleBudgets } from "../../common/viewer";
import type { Page } from "../../common/relay";
import { type Row, Sql, Where, groupBy, placeholders } from "../../db/sql";
import { DocumentTable, DocumentText, PublishedFigure } from "../document/document-parts.type";
import type { PrintedUnit } from "../../common/money-unit";
import { SourceDocument } from "../document/source-document.type";
import { BudgetStage, ComputedTotals, DepartmentBudget, PublicationStatus } from "./budget.type";
import { Discrepancy, DiscrepancyValueKind } from "./discrepancy.type";
import { EconomicLine, IncomeLine, SubjectLine } from "./lines.type";
import { AssetHolding, NarrativeClaim, OperatingFunds, Procurement, ThreePublicExpenses } from "./measures.type";

export interface DiscrepancyFilter {
  departmentCode?: string;
  year?: number;
}

/** Year, department, then the order the checks found them in: a total order, so pages are stable. */
const DISCREPANCY_ORDER = "b.year, d.code, x.id";

export interface BudgetKey {
  departmentId: number;
  year: number;
  stage: BudgetStage;
}

/** Whether a row is the version in force for the viewer: the same rule as inForce, on a fetched row. */
function inForceFor(viewer: Viewer, r: Row): boolean {
  const ownOrBureau = viewer.role === "FINANCE" || viewer.role === "ADMIN" || (viewer.role === "DEPARTMENT" && viewer.departmentId === Number(r.department_id));
  return Boolean(Number(ownOrBureau ? r.is_current : r.is_public));
}

function toBudget(viewer: Viewer, r: Row): DepartmentBudget {
  return Object.assign(new DepartmentBudget(), {
    id: Number(r.id),
    departmentId: Number(r.department_id),
    year: Number(r.year),
    stage: r.stage as BudgetStage,
    version: Number(r.version),
    isCurrent: inForceFor(viewer, r),
    isPublic: Boolean(Number(r.is_public)),
    status: r.status as PublicationStatus,
    title: (r.title as string | null) ?? null,
    sourceDocumentId: r.source_document_id === null ? null : Number(r.source_document_id),
    stated: {
      incomeTotal: toFenOrNull(r.stated_income_total),
      expenditureTotal: toFenOrNull(r.stated_expenditure_total),
      basic: toFenOrNull(r.stated_basic),
      project: toFenOrNull(r.stated_project),
      personnel: toFenOrNull(r.stated_personnel),
      public: toFenOrNull(r.stated_public),
    },
  });
}

/** Budgets, their fact lines and special measures. Every query is scoped to what the viewer may see. */
export class BudgetService {
  constructor(
    private readonly sql: Sql,
    private readonly viewer: Viewer,
  ) {}

  /** The versions in force for the viewer for (department, year, stage) keys, one statement for all keys. */
  async currentFor(keys: readonly BudgetKey[]): Promise<DepartmentBudget[]> {
    if (!keys.length) return [];
    const v = inForce(this.viewer);
    const depts = [...new Set(keys.map((k) => k.departmentId))];
    const years = [...new Set(keys.map((k) => k.year))];
    const stages = [...new Set(keys.map((k) => k.stage))];
    const rows = await this.sql.all(
      `SELECT b.* FROM department_budget b
        WHERE ${v.sql}
          AND b.department_id IN (${placeholders(depts.length)})
          AND b.year IN (${placeholders(years.length)})
          AND b.stage IN (${placeholders(stages.length)})`,
      [...v.params, ...depts, ...years, ...stages],
    );
    return rows.map((r) => toBudget(this.viewer, r));
  }

  async byIds(ids: readonly number[]): Promise<DepartmentBudget[]> {
    if (!ids.length) return [];
    const v = visibleBudgets(this.viewer);
    const rows = await this.sql.all(`SELECT b.* FROM department_budget b WHERE ${v.sql} AND b.id IN (${placeholders(ids.length)})`, [
      ...v.params,
      ...ids,
    ]);
    return rows.map((r) => toBudget(this.viewer, r));
  }

  /**
   * The budgets in force for the viewer of each department, oldest year first; `allVersions`
   * gives every version the viewer may read instead (for the public, the published ones).
   */
  async ofDepartments(departmentIds: readonly number[], allVersions = false): Promise<DepartmentBudget[]> {
    if (!departmentIds.length) return [];
    const v = allVersions ? visibleBudgets(this.viewer) : inForce(this.viewer);
    const rows = await this.sql.all(
      `SELECT b.* FROM department_budget b
        WHERE ${v.sql} AND b.department_id IN (${placeholders(departmentIds.length)})
        ORDER BY b.year, b.stage, b.version`,
      [...v.params, ...departmentIds],
    );
    return rows.map((r) => toBudget(this.viewer, r));
  }

  /** The rows' own sums for each budget, from all three fact sets, in one statement. */
  async computedTotals(budgetIds: readonly number[]): Promise<ComputedTotals[]> {
    if (!budgetIds.length) return [];
    const ph = placeholders(budgetIds.length);
    const rows = await this.sql.all(
      `SELECT budget_id, 'S' AS fact, kind, SUM(amount_fen) AS fen FROM subject_line WHERE budget_id IN (${ph}) GROUP BY budget_id, kind
       UNION ALL
       SELECT budget_id, 'E' AS fact, kind, SUM(amount_fen) AS fen FROM economic_line WHERE budget_id IN (${ph}) GROUP BY budget_id, kind
       UNION ALL
       SELECT budget_id, 'I' AS fact, '' AS kind, SUM(amount_fen) AS fen FROM income_line WHERE budget_id IN (${ph}) GROUP BY budget_id`,
      [...budgetIds, ...budgetIds, ...budgetIds],
    );
    const byBudget = groupBy(rows, (r) => Number(r.budget_id));
    return budgetIds.map((budgetId) => {
      const totals = Object.assign(new ComputedTotals(), { budgetId, subjectByKind: new Map(), economicByKind: new Map(), income: 0n });
      for (const r of byBudget.get(budgetId) ?? []) {
        if (r.fact === "S") totals.subjectByKind.set(String(r.kind), toFen(r.fen));
        else if (r.fact === "E") totals.economicByKind.set(String(r.kind), toFen(r.fen));
        else totals.income = toFen(r.fen);
      }
      return totals;
    });
  }

  async subjectLines(budgetIds: readonly number[]): Promise<SubjectLine[]> {
    const rows = await this.rowsOf("subject_line", budgetIds, "budget_id, subject_code, id");
    return rows.map((r) =>
      Object.assign(new SubjectLine(), {
        budgetId: Number(r.budget_id),
        year: Number(r.year),
        unitId: r.unit_id === null ? null : Number(r.unit_id),
        subject: String(r.subject_code),
        kind: r.kind,
        category: r.category,
        fundingSource: r.funding_source,
        amountFen: toFen(r.amount_fen),
        sourceRef: (r.source_ref as string | null) ?? null,
      }),
    );
  }

  async economicLines(budgetIds: readonly number[]): Promise<EconomicLine[]> {
    const rows = await this.rowsOf("economic_line", budgetIds, "budget_id, id");
    return rows.map((r) =>
      Object.assign(new EconomicLine(), {
        budgetId: Number(r.budget_id),
        year: Number(r.year),
        unitId: r.unit_id === null ? null : Number(r.unit_id),
        deptCode: String(r.dept_economic_code),
        govCode: String(r.gov_economic_code),
        kind: r.kind,
        fundingSource: r.funding_source,
        amountFen: toFen(r.amount_fen),
        sourceRef: (r.source_ref as string | null) ?? null,
      }),
    );
  }

  async incomeLines(budgetIds: readonly number[]): Promise<(IncomeLine & { budgetId: number })[]> {
    const rows = await this.rowsOf("income_line", budgetIds, "budget_id, id");
    return rows.map((r) =>
      Object.assign(new IncomeLine(), {
        budgetId: Number(r.budget_id),
        fundingSource: r.funding_source,
        label: String(r.label),
        amountFen: toFen(r.amount_fen),
        sourceRef: (r.source_ref as string | null) ?? null,
      }),
    );
  }

  async threePublic(budgetIds: readonly number[]): Promise<(ThreePublicExpenses & { budgetId: number })[]> {
    const rows = await this.rowsOf("three_public_expense", budgetIds, "budget_id");
    return rows.map((r) =>
      Object.assign(new ThreePublicExpenses(), {
        budgetId: Number(r.budget_id),
        totalFen: toFenOrNull(r.total_fen),
        overseasTravelFen: toFenOrNull(r.overseas_travel_fen),
        vehiclesFen: toFenOrNull(r.vehicles_fen),
        vehiclePurchaseFen: toFenOrNull(r.vehicle_purchase_fen),
        vehicleOperationFen: toFenOrNull(r.vehicle_operation_fen),
        receptionFen: toFenOrNull(r.reception_fen),
      }),
    );
  }

  /** Operating funds with their items: two tables, read in one statement. */
  async operatingFunds(budgetIds: readonly number[]): Promise<(OperatingFunds & { budgetId: number })[]> {
    if (!budgetIds.length) return [];
    const ph = placeholders(budgetIds.length);
    const rows = await this.sql.all(
      `SELECT budget_id, 0 AS position, NULL AS name, total_fen AS fen, change_fen, reason FROM operating_funds WHERE budget_id IN (${ph})
       UNION ALL
       SELECT budget_id, position, name, amount_fen AS fen, NULL AS change_fen, NULL AS reason FROM operating_fund_item WHERE budget_id IN (${ph})
       ORDER BY budget_id, position`,
      [...budgetIds, ...budgetIds],
    );
    return [...groupBy(rows, (r) => Number(r.budget_id))].map(([budgetId, list]) => {
      const head = list.find((r) => Number(r.position) === 0);
      return Object.assign(new OperatingFunds(), {
        budgetId,
        totalFen: toFenOrNull(head?.fen),
        changeFen: toFenOrNull(head?.change_fen),
        reason: (head?.reason as string | null) ?? null,
        items: list.filter((r) => Number(r.position) > 0).map((r) => ({ name: String(r.name), amountFen: toFen(r.fen) })),
      });
    });
  }

  async procurement(budgetIds: readonly number[]): Promise<(Procurement & { budgetId: number })[]> {
    const rows = await this.rowsOf("procurement", budgetIds, "budget_id");
    return rows.map((r) =>
      Object.assign(new Procurement(), {
        budgetId: Number(r.budget_id),
        totalFen: toFenOrNull(r.total_fen),
        goodsFen: toFenOrNull(r.goods_fen),
        worksFen: toFenOrNull(r.works_fen),
        servicesFen: toFenOrNull(r.services_fen),
      }),
    );
  }

  async assets(budgetIds: readonly number[]): Promise<(AssetHolding & { budgetId: number })[]> {
    const rows = await this.rowsOf("asset_holding", budgetIds, "budget_id, id");
    return rows.map((r) => ({ budgetId: Number(r.budget_id), kind: String(r.kind), name: String(r.name), count: Number(r.count) }));
  }

  async claims(budgetIds: readonly number[]): Promise<(NarrativeClaim & { budgetId: number })[]> {
    const rows = await this.rowsOf("narrative_claim", budgetIds, "budget_id, position");
    return rows.map((r) =>
      Object.assign(new NarrativeClaim(), {
        budgetId: Number(r.budget_id),
        topic: String(r.topic),
        section: String(r.section),
        subjectCode: (r.subject_code as string | null) ?? null,
        label: (r.label as string | null) ?? null,
        amountFen: toFenOrNull(r.amount_fen),
        changeFen: toFenOrNull(r.change_fen),
        ratePercent: (r.rate_percent as string | null) ?? null,
        sharePercent: (r.share_percent as string | null) ?? null,
        reason: (r.reason as string | null) ?? null,
        printedUnit: (r.unit as PrintedUnit | null) ?? null,
        budgetedFen: toFenOrNull(r.budgeted_fen),
        completionPercent: (r.completion_percent as string | null) ?? null,
      }),
    );
  }

  async discrepancies(budgetIds: readonly number[]): Promise<Discrepancy[]> {
    return (await this.rowsOf("discrepancy", budgetIds, "budget_id, id")).map(toDiscrepancy);
  }

  /** Discrepancies of the budgets in force for the viewer, optionally for one department and/or year. */
  async findDiscrepancies(filter: DiscrepancyFilter): Promise<Discrepancy[]> {
    const { from, params } = this.discrepancyScope(filter);
    return (await this.sql.all(`SELECT x.* ${from} ORDER BY ${DISCREPANCY_ORDER}`, params)).map(toDiscrepancy);
  }

  /** The same discrepancies, one page (with one row past it) and their count, started beside the page when it is wanted. */
  async searchDiscrepancies(filter: DiscrepancyFilter, page: Page): Promise<{ rows: Discrepancy[]; count: () => Promise<number> }> {
    const { from, params } = this.discrepancyScope(filter);
    const { rows, count } = await this.sql.pageAndCount({
      page: `SELECT x.* ${from} ORDER BY ${DISCREPANCY_ORDER} LIMIT ? OFFSET ?`,
      count: `SELECT COUNT(*) AS n ${from}`,
      params,
      pageParams: [page.limit + 1, page.offset],
      counted: page.counted,
    });
    return { rows: rows.map(toDiscrepancy), count };
  }

  private discrepancyScope(filter: DiscrepancyFilter): { from: string; params: unknown[] } {
    const v = inForce(this.viewer);
    const w = new Where([v.sql], v.params).eq("d.code", filter.departmentCode).eq("b.year", filter.year);
    return {
      from: `FROM discrepancy x JOIN department_budget b ON b.id = x.budget_id JOIN department d ON d.id = b.department_id WHERE ${w.sql}`,
      params: w.params,
    };
  }

  async sourceDocuments(ids: readonly number[]): Promise<SourceDocument[]> {
    if (!ids.length) return [];
    const rows = await this.sql.all(`SELECT * FROM source_document WHERE id IN (${placeholders(ids.length)})`, [...ids]);
    return rows.map((r) => ({
      id: Number(r.id),
      fileName: String(r.file_name),
      checksum: String(r.checksum),
      format: String(r.format),
      byteSize: Number(r.byte_size),
      importedAt: toIsoUtc(r.imported_at),
    }));
  }

  async publishedFigures(budgetIds: readonly number[]): Promise<PublishedFigure[]> {
    return (await this.rowsOf("published_figure", budgetIds, "budget_id, id")).map((r) =>
      Object.assign(new PublishedFigure(), {
        budgetId: Number(r.budget_id),
        table: String(r.table_kind),
        row: String(r.row_label),
        column: String(r.column_label),
        subjectCode: (r.subject_code as string | null) ?? null,
        line: r.line === null ? null : Number(r.line),
        location: (r.location as string | null) ?? null,
        amountFen: toFen(r.amount_fen),
      }),
    );
  }

  async documentTables(budgetIds: readonly number[]): Promise<(DocumentTable & { budgetId: number })[]> {
    return (await this.rowsOf("document_table", budgetIds, "budget_id, id")).map((r) => ({
      budgetId: Number(r.budget_id),
      kind: String(r.kind),
      title: String(r.title),
      listed: Boolean(Number(r.listed)),
      present: Boolean(Number(r.present)),
      rowCount: Number(r.row_count),
      line: r.line === null ? null : Number(r.line),
      location: (r.location as string | null) ?? null,
      printedUnit: (r.unit as PrintedUnit | null) ?? null,
    }));
  }

  async documentTexts(budgetIds: readonly number[]): Promise<DocumentText[]> {
    return (await this.rowsOf("document_text", budgetIds, "budget_id, kind, position")).map((r) => ({
      budgetId: Number(r.budget_id),
      kind: String(r.kind),
      position: Number(r.position),
      title: (r.title as string | null) ?? null,
      body: String(r.body),
    }));
  }

  /** Rows of a per-budget table. `table` and `orderBy` are constants from this file, never user input. */
  private async rowsOf(table: string, budgetIds: readonly number[], orderBy: string): Promise<Row[]> {
    if (!budgetIds.length) return [];
    return this.sql.all(`SELECT * FROM ${table} WHERE budget_id IN (${placeholders(budgetIds.length)}) ORDER BY ${orderBy}`, [...budgetIds]);
  }
}

function toDiscrepancy(r: Row): Discrepancy {
  return Object.assign(new Discrepancy(), {
    budgetId: Number(r.budget_id),
    ruleId: String(r.rule_id),
    severity: r.severity,
    message: String(r.message),
    location: String(r.location),
    valueKind: r.value_kind as DiscrepancyValueKind,
    statedRaw: (r.stated as string | null) ?? null,
    computedRaw: (r.computed as string | null) ?? null,
  });
}

/** MySQL gives a Date; SQLite gives "YYYY-MM-DD HH:MM:SS" in UTC. */
function toIsoUtc(v: unknown): string {
  if (v instanceof Date) return v.toISOString();
  const text = String(v);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(" ", "T")}Z`).toISOString();
}
