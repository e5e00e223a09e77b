import type { DataSource } from "typeorm";
import { MoneyUnit } from "../../common/money-unit";
import { MAX_CURSOR_OFFSET } from "../../common/relay";
import { type Viewer, inForce } from "../../common/viewer";
import { createContext, type Context } from "../../context";
import { Sql, Where } from "../../db/sql";
import { GrainError } from "../analytics/grain";
import { UnknownFilterValues } from "../analytics/analytics.service";
import { AggregateBasis, ExpenditureDimension as D, type ExpenditureFilter, type ExpenditureGroup, ExpenditureMeasure, SortDirection } from "../analytics/analytics.type";
import { BudgetStage, ExpenditureCategory, ExpenditureKind, FundingSource } from "../budget/budget.type";
import { DiscrepancySeverity, DiscrepancyValueKind } from "../budget/discrepancy.type";
import type { IndicatorFilter } from "../performance/indicator-filter.type";
import type { IndicatorKey } from "../performance/performance.service";
import { IndicatorCategory, IndicatorScope, type PerformanceIndicator } from "../performance/performance-indicator.type";
import { type Project, ProjectCategory, type ProjectFilter } from "../project/project.type";
import { type Cell, type Column, type ExportTable, type SourceDocumentRow, withUnit } from "./export-table";
import { type ExportKind, ExportParamError, type ParsedParams, describeParams } from "./export.params";
import { labelHeader, labelOf } from "./labels";

/** Rows read from a service per statement: the export pages through its list in these. */
export const EXPORT_CHUNK = 500;
/** Source documents the 说明 sheet lists before saying how many more there are. */
const MAX_SOURCES = 1000;

const ROLE_WORD: Record<string, string> = {
  PUBLIC: "公众 PUBLIC: published budgets only",
  DEPARTMENT: "部门 DEPARTMENT: its own current versions, other departments' published ones",
  FINANCE: "财政局 FINANCE: current versions, drafts included",
  ADMIN: "管理员 ADMIN: current versions, drafts included",
};

/** Columns with how each reads its value from a row of the kind listed; a code column of an enum names it. */
type Spec<T> = (Column & { get: (row: T) => Cell | Promise<Cell>; labels?: object })[];

/**
 * Each enum code column followed by its Chinese term (年初预算 beside BUDGET), in a column of its
 * own named after it (阶段 → 阶段名称): the code columns keep their names and values for the tools
 * that read them.
 */
function withLabels<T>(spec: Spec<T>): Spec<T> {
  return spec.flatMap((c) => {
    const labels = c.labels;
    if (!labels) return [c];
    const label = { header: labelHeader(c.header), kind: "text" as const, get: async (row: T) => labelOf(labels, (await c.get(row)) as string | null) };
    return [c, label];
  });
}

/**
 * Builds the tables the export routes and the CLI write, from the same services (and the same
 * viewer) that answer the GraphQL queries, paging through each list EXPORT_CHUNK rows at a time
 * so nothing is held whole. Filter mistakes the services find surface as ExportParamError.
 */
export class ExportService {
  private readonly ctx: Context;
  private readonly sql: Sql;

  constructor(
    ds: DataSource,
    private readonly viewer: Viewer,
    private readonly chunk = EXPORT_CHUNK,
  ) {
    this.ctx = createContext(ds, viewer);
    this.sql = new Sql(ds);
  }

  /** The table for `kind`; its first chunk is read here, so a filter's mistake throws before anything is written. */
  async table(kind: ExportKind, params: ParsedParams): Promise<ExportTable> {
    const unit = (kind === "indicators" ? MoneyUnit.WAN_YUAN : (params.unit as MoneyUnit | undefined)) ?? MoneyUnit.WAN_YUAN;
    const build = { expenditure: () => this.expenditure(params, unit), projects: () => this.projects(params, unit), indicators: () => this.indicators(params), discrepancies: () => this.discrepancies(params, unit) }[kind];
    const { title, columns, rows, stage, reach } = await build();
    const about: [string, string][] = [
      ["导出 Export", title],
      ["筛选 Filter", describeParams(kind, params)],
      ["阶段 Stage", stage ? `${labelOf(BudgetStage, stage)} (${stage})` : "所有阶段 (every stage)"],
      ["金额单位 Unit", kind === "indicators" ? "—" : unit === MoneyUnit.YUAN ? "元 (YUAN)" : "万元 (WAN_YUAN)"],
      ["生成时间 Generated at", new Date().toISOString()],
      ["读者 Viewer", ROLE_WORD[this.viewer.role] ?? this.viewer.role],
    ];
    return { name: kind, title, columns, unit, about, sources: await this.sources({ ...reach, stage }), rows };
  }

  /** Pages `fetch` in chunks (it returns up to limit + 1 rows), first chunk now, the rest as they are asked for. */
  private async paged<T>(fetch: (offset: number, limit: number) => Promise<T[]>): Promise<AsyncIterable<T[]>> {
    const limit = this.chunk;
    const first = await fetch(0, limit);
    return {
      async *[Symbol.asyncIterator]() {
        let rows = first;
        let offset = 0;
        for (;;) {
          yield rows.slice(0, limit);
          if (rows.length <= limit) return;
          offset += limit;
          rows = await fetch(offset, limit);
        }
      },
    };
  }

  /** Pages by key: `fetch` returns a chunk and the key after its last row while more follow; first chunk now. */
  private async keyed<T, K>(fetch: (after: K | undefined, limit: number) => Promise<{ rows: T[]; next?: K }>): Promise<AsyncIterable<T[]>> {
    const limit = this.chunk;
    const first = await fetch(undefined, limit);
    return {
      async *[Symbol.asyncIterator]() {
        let page = first;
        for (;;) {
          yield page.rows;
          if (page.next === undefined) return;
          page = await fetch(page.next, limit);
        }
      },
    };
  }

  /** The cells of each row, chunk by chunk, as the writer asks for them. */
  private rowsOf<T>(chunks: AsyncIterable<T[]>, spec: Spec<T>): AsyncIterable<Cell[]> {
    return {
      async *[Symbol.asyncIterator]() {
        for await (const chunk of chunks) {
          for (const row of chunk) yield await Promise.all(spec.map((c) => c.get(row)));
        }
      },
    };
  }

  private async expenditure(params: ParsedParams, unit: MoneyUnit) {
    const filter: ExpenditureFilter = {
      years: params.years as number[] | undefined,
      departmentCodes: params.departmentCodes as string[] | undefined,
      subjectCodePrefixes: params.subjectCodePrefixes as string[] | undefined,
      economicCodePrefixes: params.economicCodePrefixes as string[] | undefined,
      kinds: params.kinds as ExpenditureFilter["kinds"],
      categories: params.categories as ExpenditureFilter["categories"],
      fundingSources: params.fundingSources as ExpenditureFilter["fundingSources"],
      stage: (params.stage as BudgetStage | undefined) ?? BudgetStage.BUDGET,
    };
    const groupBy = [...new Set((params.groupBy as D[] | undefined) ?? [])];
    const rollup = params.rollup === true;
    const order = { by: ExpenditureMeasure.KEY, direction: SortDirection.ASC };
    const analytics = this.ctx.services.analytics;
    // A rollup is one sequence the service arranges whole: read it once.
    const fetch = async (offset: number, limit: number) => {
      try {
        return (await analytics.expenditure(filter, groupBy, { rollup, order, unit, page: { offset, limit: rollup ? MAX_CURSOR_OFFSET : limit } })).rows;
      } catch (err) {
        if (err instanceof GrainError) throw new ExportParamError("BAD_USER_INPUT", "groupBy", err.message);
        if (err instanceof UnknownFilterValues) {
          const parameter = /department/.test(err.message) ? "department" : /subject/.test(err.message) ? "subjectCode" : "economicCode";
          throw new ExportParamError("BAD_USER_INPUT", parameter, err.message);
        }
        throw err;
      }
    };
    const chunks = await this.paged(fetch);
    const spec = withLabels(this.expenditureColumns(groupBy, rollup, unit));
    return {
      title: `支出汇总 Expenditure${groupBy.length ? ` by ${groupBy.join(", ")}` : ""}`,
      columns: spec,
      rows: this.rowsOf(chunks, spec),
      stage: filter.stage!,
      reach: { years: filter.years, departments: filter.departmentCodes },
    };
  }

  private expenditureColumns(groupBy: D[], rollup: boolean, unit: MoneyUnit): Spec<ExpenditureGroup> {
    const spec: Spec<ExpenditureGroup> = [];
    const key = (d: D) => (g: ExpenditureGroup) => g.keys[d] ?? null;
    const lastOf = (ds: D[]) => groupBy.filter((d) => ds.includes(d)).at(-1);
    const SUBJECT = [D.SUBJECT_CLASS, D.SUBJECT_SECTION, D.SUBJECT_ITEM];
    const DEPT_ECON = [D.DEPT_ECONOMIC_CLASS, D.DEPT_ECONOMIC_ITEM];
    const GOV_ECON = [D.GOV_ECONOMIC_CLASS, D.GOV_ECONOMIC_ITEM];
    const CODE_HEADER: Partial<Record<D, string>> = {
      [D.SUBJECT_CLASS]: "科目编码（类）",
      [D.SUBJECT_SECTION]: "科目编码（款）",
      [D.SUBJECT_ITEM]: "科目编码（项）",
      [D.DEPT_ECONOMIC_CLASS]: "部门经济分类（类）",
      [D.DEPT_ECONOMIC_ITEM]: "部门经济分类（款）",
      [D.GOV_ECONOMIC_CLASS]: "政府经济分类（类）",
      [D.GOV_ECONOMIC_ITEM]: "政府经济分类（款）",
    };
    for (const d of groupBy) {
      switch (d) {
        case D.YEAR:
          spec.push({ header: "预算年度", kind: "int", get: (g) => g.year });
          break;
        case D.DEPARTMENT:
          spec.push({ header: "部门编码", kind: "text", get: key(d) }, { header: "部门名称", kind: "text", get: (g) => g.departmentRow?.name ?? null });
          break;
        case D.BUDGET_UNIT: {
          const unitOf = async (g: ExpenditureGroup) => (g.keys.BUDGET_UNIT === undefined || g.keys.BUDGET_UNIT === "0" ? null : await this.ctx.loaders.unit.get(Number(g.keys.BUDGET_UNIT)));
          spec.push({ header: "单位编码", kind: "text", get: async (g) => (await unitOf(g))?.code ?? null }, { header: "单位名称", kind: "text", get: async (g) => (await unitOf(g))?.name ?? null });
          break;
        }
        case D.EXPENDITURE_KIND:
          spec.push({ header: "支出类型", kind: "text", get: (g) => g.kind, labels: ExpenditureKind });
          break;
        case D.EXPENDITURE_CATEGORY:
          spec.push({ header: "支出明细类型", kind: "text", get: (g) => g.category, labels: ExpenditureCategory });
          break;
        case D.FUNDING_SOURCE:
          spec.push({ header: "资金来源", kind: "text", get: (g) => g.fundingSource, labels: FundingSource });
          break;
        default:
          spec.push({ header: CODE_HEADER[d]!, kind: "text", get: key(d) });
      }
      // The finest code of a classification is named once, after its last code column.
      if (d === lastOf(SUBJECT)) spec.push({ header: "科目名称", kind: "text", get: (g) => g.codes.subject?.name ?? null });
      if (d === lastOf(DEPT_ECON)) spec.push({ header: "部门经济分类名称", kind: "text", get: (g) => g.codes.deptEconomic?.name ?? null });
      if (d === lastOf(GOV_ECON)) spec.push({ header: "政府经济分类名称", kind: "text", get: (g) => g.codes.govEconomic?.name ?? null });
    }
    if (rollup) spec.push({ header: "小计", kind: "text", get: (g) => (g.isSubtotal ? (g.depth === 0 ? "合计" : "小计") : "") });
    spec.push(
      { header: "行数", kind: "int", get: (g) => g.rowCount },
      { header: "口径", kind: "text", get: (g) => g.basis, labels: AggregateBasis },
      { header: withUnit("金额", unit), kind: "money", get: (g) => g.amountFen },
      { header: "占比（%）", kind: "percent", get: (g) => g.share() },
      { header: "占上级比（%）", kind: "percent", get: (g) => g.shareOfParent() },
    );
    return spec;
  }

  private async projects(params: ParsedParams, unit: MoneyUnit) {
    const filter: ProjectFilter = {
      years: params.years as number[] | undefined,
      departmentCodes: params.departmentCodes as string[] | undefined,
      codes: params.codes as string[] | undefined,
      nameContains: params.nameContains as string | undefined,
      category: params.category as ProjectFilter["category"],
    };
    type Line = { p: Project; dept: { code: string; name: string }; i: PerformanceIndicator | null };
    const { projects, performance } = this.ctx.services;
    // One row per indicator, the project's columns repeated; a project without indicators is one row.
    // Projects expand into several lines, so their pages are walked here rather than by `paged`.
    const spec: Spec<Line> = withLabels([
      { header: "预算年度", kind: "int", get: (l) => l.p.year },
      { header: "部门编码", kind: "text", get: (l) => l.dept.code },
      { header: "部门名称", kind: "text", get: (l) => l.dept.name },
      { header: "项目编码", kind: "text", get: (l) => l.p.code },
      { header: "项目名称", kind: "text", get: (l) => l.p.name },
      { header: "项目类型", kind: "text", get: (l) => l.p.category, labels: ProjectCategory },
      { header: "科目编码", kind: "text", get: (l) => l.p.subject },
      { header: withUnit("项目金额", unit), kind: "money", get: (l) => l.p.amountFen },
      { header: "指标类别", kind: "text", get: (l) => l.i?.category ?? null, labels: IndicatorCategory },
      { header: "指标名称", kind: "text", get: (l) => l.i?.name ?? null },
      { header: "指标值", kind: "text", get: (l) => l.i?.target ?? null },
      { header: "比较符", kind: "text", get: (l) => l.i?.comparator ?? null },
      { header: "目标数值", kind: "text", get: (l) => l.i?.value ?? null },
      { header: "计量单位", kind: "text", get: (l) => l.i?.unit ?? null },
    ]);
    const limit = this.chunk;
    const pageOf = async (offset: number) => {
      const found = await projects.search(filter, { offset, limit });
      const rows = found.rows.slice(0, limit);
      const indicators = await performance.ofProjects(rows.map((p) => p.id));
      const lines: Line[] = [];
      rows.forEach((p, n) => {
        const own = indicators.filter((i) => i.projectId === p.id);
        const dept = found.departments[n]!;
        if (!own.length) lines.push({ p, dept, i: null });
        for (const i of own) lines.push({ p, dept, i });
      });
      return { lines, more: found.rows.length > limit };
    };
    const first = await pageOf(0);
    const lines: AsyncIterable<Line[]> = {
      async *[Symbol.asyncIterator]() {
        let page = first;
        let offset = 0;
        for (;;) {
          yield page.lines;
          if (!page.more) return;
          offset += limit;
          page = await pageOf(offset);
        }
      },
    };
    return { title: "项目及绩效指标 Projects with their indicators", columns: spec, rows: this.rowsOf(lines, spec), stage: undefined, reach: { years: filter.years, departments: filter.departmentCodes } };
  }

  private async indicators(params: ParsedParams) {
    const filter: IndicatorFilter = {
      years: params.years as number[] | undefined,
      departmentCodes: params.departmentCodes as string[] | undefined,
      projectCodes: params.projectCodes as string[] | undefined,
      scope: params.scope as IndicatorFilter["scope"],
      categories: params.categories as IndicatorFilter["categories"],
      level1: params.level1 as string | undefined,
      level2: params.level2 as string | undefined,
      comparators: params.comparators as string[] | undefined,
      valueBelow: params.valueBelow as string | undefined,
      valueAtLeast: params.valueAtLeast as string | undefined,
      unit: params.unit as string | undefined,
      numeric: params.numeric as boolean | undefined,
      nameContains: params.nameContains as string | undefined,
    };
    const performance = this.ctx.services.performance;
    type Line = { i: PerformanceIndicator; dept: { code: string; name: string }; project: { code: string | null; name: string } | null };
    // Keyset pages: the indicator list is the longest an export reads, and OFFSET re-sorted it for every page.
    const chunks = await this.keyed(async (after: IndicatorKey | undefined, limit) => {
      const found = await performance.searchAfter(filter, after, limit);
      const projects = new Map(found.projects.map((p) => [p.id, p]));
      return { rows: found.rows.map((i, n): Line => ({ i, dept: found.departments[n]!, project: i.projectId === null ? null : (projects.get(i.projectId) ?? null) })), next: found.next };
    });
    const spec: Spec<Line> = withLabels([
      { header: "预算年度", kind: "int", get: (l) => l.i.year },
      { header: "部门编码", kind: "text", get: (l) => l.dept.code },
      { header: "部门名称", kind: "text", get: (l) => l.dept.name },
      { header: "范围", kind: "text", get: (l) => l.i.scope, labels: IndicatorScope },
      { header: "项目编码", kind: "text", get: (l) => l.project?.code ?? null },
      { header: "项目名称", kind: "text", get: (l) => l.project?.name ?? null },
      { header: "类别", kind: "text", get: (l) => l.i.category, labels: IndicatorCategory },
      { header: "一级指标", kind: "text", get: (l) => l.i.level1 },
      { header: "二级指标", kind: "text", get: (l) => l.i.level2 },
      { header: "指标名称", kind: "text", get: (l) => l.i.name },
      { header: "指标值", kind: "text", get: (l) => l.i.target },
      { header: "比较符", kind: "text", get: (l) => l.i.comparator },
      { header: "目标数值", kind: "text", get: (l) => l.i.value },
      { header: "计量单位", kind: "text", get: (l) => l.i.unit },
      { header: "指标值说明", kind: "text", get: (l) => l.i.explanation },
    ]);
    return { title: "绩效指标 Performance indicators", columns: spec, rows: this.rowsOf(chunks, spec), stage: undefined, reach: { years: filter.years, departments: filter.departmentCodes } };
  }

  private async discrepancies(params: ParsedParams, unit: MoneyUnit) {
    const filter = { departmentCode: params.departmentCode as string | undefined, year: params.year as number | undefined };
    const { budgets } = this.ctx.services;
    const loaders = this.ctx.loaders;
    type Found = Awaited<ReturnType<typeof budgets.searchDiscrepancies>>["rows"][number];
    type Line = { x: Found; budget: { year: number; stage: string; departmentId: number } | null };
    const chunks = await this.paged(async (offset, limit) => {
      const found = await budgets.searchDiscrepancies(filter, { offset, limit });
      const owners = new Map((await budgets.byIds([...new Set(found.rows.map((x) => x.budgetId))])).map((b) => [b.id, b]));
      return found.rows.map((x): Line => ({ x, budget: owners.get(x.budgetId) ?? null }));
    });
    const dept = async (l: Line) => (l.budget ? await loaders.department.get(l.budget.departmentId) : null);
    const money = (which: "statedRaw" | "computedRaw") => (l: Line) => (l.x.valueKind === DiscrepancyValueKind.MONEY && l.x[which] !== null ? BigInt(l.x[which]) : null);
    const pct = (which: "statedRaw" | "computedRaw") => (l: Line) => (l.x.valueKind === DiscrepancyValueKind.PERCENT ? l.x[which] : null);
    const spec: Spec<Line> = withLabels([
      { header: "预算年度", kind: "int", get: (l) => l.budget?.year ?? null },
      { header: "部门编码", kind: "text", get: async (l) => (await dept(l))?.code ?? null },
      { header: "部门名称", kind: "text", get: async (l) => (await dept(l))?.name ?? null },
      { header: "阶段", kind: "text", get: (l) => l.budget?.stage ?? null, labels: BudgetStage },
      { header: "规则", kind: "text", get: (l) => l.x.ruleId },
      { header: "等级", kind: "text", get: (l) => l.x.severity, labels: DiscrepancySeverity },
      { header: "说明", kind: "text", get: (l) => l.x.message },
      { header: "位置", kind: "text", get: (l) => l.x.location },
      { header: "类型", kind: "text", get: (l) => l.x.valueKind, labels: DiscrepancyValueKind },
      { header: withUnit("公布数", unit), kind: "money", get: money("statedRaw") },
      { header: withUnit("计算数", unit), kind: "money", get: money("computedRaw") },
      { header: withUnit("差额", unit), kind: "money", get: (l) => (l.x.valueKind === DiscrepancyValueKind.MONEY && l.x.statedRaw !== null && l.x.computedRaw !== null ? BigInt(l.x.statedRaw) - BigInt(l.x.computedRaw) : null) },
      { header: "公布百分比（%）", kind: "percent", get: pct("statedRaw") },
      { header: "计算百分比（%）", kind: "percent", get: pct("computedRaw") },
      { header: "公布内容", kind: "text", get: (l) => (l.x.valueKind === DiscrepancyValueKind.TEXT ? l.x.statedRaw : null) },
      { header: "对照内容", kind: "text", get: (l) => (l.x.valueKind === DiscrepancyValueKind.TEXT ? l.x.computedRaw : null) },
    ]);
    return {
      title: "勾稽差异 Discrepancies",
      columns: spec,
      rows: this.rowsOf(chunks, spec),
      stage: undefined,
      reach: { years: filter.year === undefined ? undefined : [filter.year], departments: filter.departmentCode === undefined ? undefined : [filter.departmentCode] },
    };
  }

  /**
   * The documents behind the budgets the viewer sees in force within the filter's years,
   * departments and stage: the sources an export's figures come from.
   */
  private async sources(reach: { years?: number[]; departments?: string[]; stage?: string }): Promise<{ rows: SourceDocumentRow[]; more: number }> {
    const v = inForce(this.viewer);
    const w = new Where([v.sql], v.params).in("b.year", reach.years).in("d.code", reach.departments).eq("b.stage", reach.stage);
    const rows = await this.sql.all(
      `SELECT d.code, b.year, b.stage, b.version, b.status, s.file_name, s.checksum
         FROM department_budget b JOIN department d ON d.id = b.department_id LEFT JOIN source_document s ON s.id = b.source_document_id
        WHERE ${w.sql} ORDER BY b.year, d.code, b.stage LIMIT ?`,
      [...w.params, MAX_SOURCES + 1],
    );
    let more = 0;
    if (rows.length > MAX_SOURCES) {
      rows.length = MAX_SOURCES;
      const counted = await this.sql.one(`SELECT COUNT(*) AS n FROM department_budget b JOIN department d ON d.id = b.department_id WHERE ${w.sql}`, w.params);
      more = Number(counted?.n ?? 0) - MAX_SOURCES;
    }
    return {
      rows: rows.map((r) => ({
        fileName: (r.file_name as string | null) ?? null,
        checksum: (r.checksum as string | null) ?? null,
        department: String(r.code),
        year: Number(r.year),
        stage: String(r.stage),
        version: Number(r.version),
        status: String(r.status),
      })),
      more,
    };
  }
}
