import { toFen } from "../../common/money";
import type { MoneyUnit } from "../../common/money-unit";
import { type Page, encodeCursor } from "../../common/relay";
import { type Viewer, inForce } from "../../common/viewer";
import { type Row, Sql, Where, placeholders, toInt } from "../../db/sql";
import { BudgetStage } from "../budget/budget.type";
import { JOINED_DEPARTMENT, joinedDepartment } from "../department/department.service";
import type { Department } from "../department/department.type";
import { type EconomicCode, EconomicScheme } from "../economic-code/economic-code.type";
import type { SubjectCode } from "../subject-code/subject-code.type";
import {
  AggregateBasis,
  ExpenditureChange,
  type ExpenditureDimension,
  type ExpenditureFilter,
  ExpenditureGroup,
  ExpenditureMeasure,
  type ExpenditureOrder,
  type GroupKeys,
  type NamedCodes,
  SortDirection,
} from "./analytics.type";
import { type Dim, FACT_TABLE, type FactSet, dimension, factSetFor } from "./grain";

export class UnknownFilterValues extends Error {}

const SUBJECT_DIMENSIONS = ["SUBJECT_CLASS", "SUBJECT_SECTION", "SUBJECT_ITEM"] as ExpenditureDimension[];

/** The classifications a group can be keyed by, each named from its code list (`prefix`_ columns). */
const NAMED_CODES: { prefix: string; table: string; scheme?: string; dimensions: ExpenditureDimension[] }[] = [
  { prefix: "sc", table: "subject_code", dimensions: SUBJECT_DIMENSIONS },
  { prefix: "ecd", table: "economic_code", scheme: "DEPT", dimensions: ["DEPT_ECONOMIC_CLASS", "DEPT_ECONOMIC_ITEM"] as ExpenditureDimension[] },
  { prefix: "ecg", table: "economic_code", scheme: "GOV", dimensions: ["GOV_ECONOMIC_CLASS", "GOV_ECONOMIC_ITEM"] as ExpenditureDimension[] },
];
/** A year after any name's: "the latest name" for groups without a year. */
const LATEST = 9999;

interface Query {
  set: FactSet;
  dims: ({ d: ExpenditureDimension } & Dim)[];
  from: string;
  where: string;
  params: unknown[];
}

/** Expenditure aggregates: each one SQL statement, computed in the database, exact. */
export class AnalyticsService {
  constructor(
    private readonly sql: Sql,
    private readonly viewer: Viewer,
  ) {}

  private build(filter: ExpenditureFilter, groupBy: ExpenditureDimension[]): Query {
    const uniq = [...new Set(groupBy)];
    const set = factSetFor(uniq, filter);
    const dims = uniq.map((d) => ({ d, ...dimension(set, d) }));
    const v = inForce(this.viewer);
    const w = new Where(["b.stage = ?", v.sql], [filter.stage ?? BudgetStage.BUDGET, ...v.params])
      .in("l.year", filter.years)
      // The same years on the budget too: the database can then start from the budgets of those
      // years (an index on department_budget) instead of reading every budget to join its lines.
      .in("b.year", filter.years)
      .in("d.code", filter.departmentCodes)
      .in("l.kind", filter.kinds)
      .in("l.funding_source", filter.fundingSources);
    const prefixes = (cols: string[], values: string[] | undefined) => {
      if (!values?.length) return;
      w.add(`(${values.flatMap(() => cols.map((c) => `${c} LIKE ?`)).join(" OR ")})`, ...values.flatMap((p) => cols.map(() => `${p.replace(/\D/g, "")}%`)));
    };
    if (set !== "ECONOMIC") {
      w.in("l.category", filter.categories);
      prefixes(["l.subject_code"], filter.subjectCodePrefixes);
    } else {
      prefixes(["l.dept_economic_code", "l.gov_economic_code"], filter.economicCodePrefixes);
    }
    // Groups form on department ids; the department table is joined here only to filter by code.
    const from = `${FACT_TABLE[set]} l JOIN department_budget b ON b.id = l.budget_id${filter.departmentCodes?.length ? " JOIN department d ON d.id = l.department_id" : ""}`;
    return { set, dims, from, where: w.sql, params: w.params };
  }

  /** Whether groups of this grouping name every kind of code the filter lists (departments, subject codes). */
  groupsCanVouch(filter: ExpenditureFilter, groupBy: ExpenditureDimension[]): boolean {
    const has = (d: string) => groupBy.includes(d as ExpenditureDimension);
    return (
      !filter.economicCodePrefixes?.length &&
      (!filter.departmentCodes?.length || has("DEPARTMENT")) &&
      (!filter.subjectCodePrefixes?.length || SUBJECT_DIMENSIONS.some((d) => has(d)))
    );
  }

  /**
   * Departments and codes a filter names must exist: an unknown one is a mistake, not an empty
   * answer. A code or department that names one of `seen` (read from its table) needs no lookup.
   */
  async checkFilter(filter: ExpenditureFilter, seen: ExpenditureGroup[] = []): Promise<void> {
    const named = new Set<string>();
    for (const g of seen) {
      if (g.departmentRow) named.add(`department:${g.departmentRow.code}`);
      if (g.codes.subject) named.add(`subject:${g.codes.subject.code}`);
    }
    const parts: string[] = [];
    const params: unknown[] = [];
    const probe = (tag: string, table: string, all: string[] | undefined) => {
      const values = all?.filter((v) => !named.has(`${tag}:${v}`));
      if (!values?.length) return;
      parts.push(`SELECT '${tag}' AS tag, code FROM ${table} WHERE code IN (${placeholders(values.length)})`);
      params.push(...values);
    };
    probe("department", "department", filter.departmentCodes);
    probe("subject", "subject_code", filter.subjectCodePrefixes);
    probe("economic", "economic_code", filter.economicCodePrefixes);
    if (!parts.length) return;
    const found = new Set([...named, ...(await this.sql.all(parts.join(" UNION ALL "), params)).map((r) => `${r.tag}:${r.code}`)]);
    const unknown = [
      ["department codes", "department", filter.departmentCodes],
      ["subject codes", "subject", filter.subjectCodePrefixes],
      ["economic codes", "economic", filter.economicCodePrefixes],
    ].flatMap(([label, tag, values]) => {
      const missing = ((values as string[] | undefined) ?? []).filter((v) => !found.has(`${tag}:${v}`));
      return missing.length ? [`unknown ${label}: ${missing.join(", ")}`] : [];
    });
    if (unknown.length) throw new UnknownFilterValues(unknown.join("; "));
  }

  /**
   * Groups with amount, row count, share of the filtered total and of the parent group; with
   * `rollup`, subtotal rows for every prefix of groupBy (children add up exactly to them). One
   * page of them — up to `limit + 1` rows, the extra one only saying that more follow — and
   * their count:
   * - flat groups page in SQL, and when the count is wanted the page's own statement counts every
   *   group (a window over the grouped rows), so a page and its count are one statement;
   * - a rollup is one sequence — the grand total, then each branch depth first, every subtotal
   *   before its children — ordered and paged in SQL (one statement: only the page leaves the
   *   database, with its count and the shares' wholes read over the whole rollup); its count is
   *   the sequence's length, subtotals included.
   * The filter's departments and codes are checked beside the aggregate, or vouched for by it.
   */
  async expenditure(
    filter: ExpenditureFilter,
    groupBy: ExpenditureDimension[],
    opts: { rollup: boolean; order: ExpenditureOrder; page: Page; unit: MoneyUnit },
  ): Promise<Found<ExpenditureGroup>> {
    const aggregate = this.aggregate(filter, groupBy, opts);
    // When the groups can name the filter's codes, they vouch for them and the check reads only
    // what they leave open; otherwise the check runs beside the aggregate.
    if (this.groupsCanVouch(filter, groupBy)) {
      const found = await aggregate;
      await this.checkFilter(filter, found.rows);
      return found;
    }
    return (await Promise.all([this.checkFilter(filter), aggregate]))[1];
  }

  private async aggregate(
    filter: ExpenditureFilter,
    groupBy: ExpenditureDimension[],
    opts: { rollup: boolean; order: ExpenditureOrder; page: Page; unit: MoneyUnit },
  ): Promise<Found<ExpenditureGroup>> {
    const q = this.build(filter, groupBy);
    const { page } = opts;
    const withCursor = (g: ExpenditureGroup, i: number) => Object.assign(g, { cursor: encodeCursor(page.offset + i) });
    if (opts.rollup) {
      const { sql, params } = this.rollupOrdered(q, opts.order);
      const rows = await this.sql.all(
        this.withNames(q, `SELECT w.*${page.counted ? `, COUNT(*) OVER () AS ${GROUP_COUNT}` : ""} FROM (${sql}) w WHERE w.grand_n > 0 ORDER BY w.seq LIMIT ? OFFSET ?`, "ORDER BY x.seq"),
        [...params, page.limit + 1, page.offset],
      );
      return { rows: rows.map((r, i) => withCursor(this.toGroup(q, r, opts.unit), i)), count: this.counter(rows, page, `SELECT COUNT(*) AS n FROM (${sql}) w WHERE w.grand_n > 0`, params) };
    }
    const rows = await this.flatRows(q, opts.order, page);
    return { rows: rows.map((r, i) => withCursor(this.toGroup(q, r, opts.unit), i)), count: this.counter(rows, page, `SELECT COUNT(*) AS n FROM (${grouped(q)}) x`, q.params) };
  }

  /**
   * The count of a paged grouping: read from the page's rows where it was selected with them
   * (`group_count`), else — no row to carry it, or not selected — by its own statement.
   */
  private counter(rows: Row[], page: Page, sql: string, params: unknown[]): () => Promise<number> {
    const counted = rows[0]?.[GROUP_COUNT];
    if (counted !== undefined) return async () => toInt(counted);
    if (!rows.length && page.offset === 0) return async () => 0;
    return () => this.sql.one(sql, params).then((r) => toInt(r?.n));
  }

  /**
   * One statement: the groups in a derived table, then — over those few rows — the shares'
   * totals (window sums), the departments and code names, the order and the page (and, when
   * the page is counted, how many groups there are in all).
   */
  private async flatRows(q: Query, order: ExpenditureOrder, page: Page): Promise<Row[]> {
    const keys = q.dims.map((d) => d.expr);
    const aliases = q.dims.map((d) => `x.${d.as}`);
    const ordered = orderKeys(q);
    const dir = order.direction === SortDirection.DESC ? "DESC" : "ASC";
    const orderBy = [
      ...(order.by === ExpenditureMeasure.AMOUNT ? [`x.fen ${dir}`] : order.by === ExpenditureMeasure.ROW_COUNT ? [`x.n ${dir}`] : ordered.map((a) => `${a} ${dir}`)),
      ...ordered,
    ];
    const parentKeys = aliases.slice(0, -1);
    const named = this.namedRows(q);
    const select = [
      "x.*",
      "SUM(x.fen) OVER () AS total",
      keys.length ? `SUM(x.fen) OVER (${parentKeys.length ? `PARTITION BY ${parentKeys.join(", ")}` : ""}) AS parent` : "NULL AS parent",
      ...(page.counted ? [`COUNT(*) OVER () AS ${GROUP_COUNT}`] : []),
      ...named.columns,
    ];
    return this.sql.all(
      `SELECT ${select.join(", ")} FROM (${grouped(q)}) x ${named.joins} ${keys.length ? `ORDER BY ${orderBy.join(", ")}` : ""} LIMIT ? OFFSET ?`,
      [...q.params, page.limit + 1, page.offset],
    );
  }

  /**
   * Wraps a grouping statement so its rows carry their departments and code names (see
   * `namedRows`), with further `columns` over the groups and a `tail` (order, page).
   */
  private withNames(q: Query, inner: string, tail = "", columns: string[] = []): string {
    const named = this.namedRows(q);
    if (!named.columns.length && !columns.length && !tail) return inner;
    return `SELECT ${["x.*", ...columns, ...named.columns].join(", ")} FROM (${inner}) x ${named.joins} ${tail}`;
  }

  /**
   * Joins to the groups `x` the rows their keys name: the department of a department group (the
   * groups form on ids, the join gives code and name) and the codes with their names.
   */
  private namedRows(q: Query): { columns: string[]; joins: string } {
    const codes = this.codeNames(q);
    if (!q.dims.some((d) => d.d === ("DEPARTMENT" as ExpenditureDimension))) return codes;
    return { columns: [JOINED_DEPARTMENT, ...codes.columns], joins: `LEFT JOIN department d ON d.id = x.department_id ${codes.joins}` };
  }

  /**
   * Joins to the groups `x` the finest code of each classification they are keyed by, with its
   * name as of the group's year (that year's, else the nearest earlier, else the earliest; the
   * latest without a year), so naming groups costs no second statement. Same choice as `pickName`.
   */
  private codeNames(q: Query): { columns: string[]; joins: string } {
    const year = q.dims.some((d) => d.d === ("YEAR" as ExpenditureDimension)) ? `COALESCE(x.year, ${LATEST})` : String(LATEST);
    const columns: string[] = [];
    const joins: string[] = [];
    for (const c of NAMED_CODES) {
      // Finest level first, whatever order groupBy lists them in: the group is named by its finest code.
      const codes = [...c.dimensions].reverse().flatMap((dim) => q.dims.filter((d) => d.d === dim).map((d) => `x.${d.as}`));
      if (!codes.length) continue;
      const code = codes.length === 1 ? codes[0]! : `COALESCE(${codes.join(", ")})`;
      const [k, n] = [`${c.prefix}c`, `${c.prefix}n`];
      const scheme = (alias: string) => (c.scheme ? ` AND ${alias}.scheme = '${c.scheme}'` : "");
      columns.push(`${k}.level AS ${c.prefix}_level`, `${k}.parent_code AS ${c.prefix}_parent`, `${n}.name AS ${c.prefix}_name`, `${n}.year AS ${c.prefix}_name_year`);
      joins.push(`LEFT JOIN ${c.table} ${k} ON ${k}.code = ${code}${scheme(k)}
      LEFT JOIN ${c.table}_name ${n} ON ${n}.code = ${k}.code${scheme(n)} AND ${n}.year = COALESCE(
        (SELECT MAX(m.year) FROM ${c.table}_name m WHERE m.code = ${k}.code${scheme("m")} AND m.year <= ${year}),
        (SELECT MIN(m.year) FROM ${c.table}_name m WHERE m.code = ${k}.code${scheme("m")}))`);
    }
    return { columns, joins: joins.join("\n      ") };
  }

  /** MySQL and MariaDB roll up in one pass (WITH ROLLUP); SQLite gets the same rows from a UNION ALL of the levels. */
  private rollupRows(q: Query): { sql: string; params: unknown[] } {
    const keys = q.dims.map((d) => d.expr);
    if (this.sql.dialect !== "better-sqlite3") {
      const select = [...q.dims.map((d) => `${d.expr} AS ${d.as}`), ...measures(q)];
      return { sql: `SELECT ${select.join(", ")} FROM ${q.from} WHERE ${q.where} ${keys.length ? `GROUP BY ${keys.join(", ")} WITH ROLLUP` : ""}`, params: q.params };
    }
    const levels = Array.from({ length: keys.length + 1 }, (_, n) => keys.length - n);
    const branches = levels.map((n) => {
      const select = [...q.dims.map((d, i) => (i < n ? `${d.expr} AS ${d.as}` : `NULL AS ${d.as}`)), ...measures(q)];
      return `SELECT ${select.join(", ")} FROM ${q.from} WHERE ${q.where}${n ? ` GROUP BY ${keys.slice(0, n).join(", ")}` : ""}`;
    });
    return { sql: branches.join(" UNION ALL "), params: levels.flatMap(() => q.params) };
  }

  /**
   * The rollup's rows in their sequence (`seq`): parents before their children, siblings in the
   * requested order (by amount or row count, ties and KEY order by the keys). A row's depth is how
   * many of its keys are set (rollup rows leave the trailing ones NULL). Over all rows, window
   * figures give each row the grand total (`total`, and `grand_n`: no lines, no rollup), its
   * parent's amount, and — to order siblings under every ancestor — each ancestor's measure.
   */
  private rollupOrdered(q: Query, order: ExpenditureOrder): { sql: string; params: unknown[] } {
    const rolled = this.rollupRows(q);
    const keys = q.dims.map((d) => `r.${d.as}`);
    const depth = keys.length ? keys.map((k) => `(CASE WHEN ${k} IS NULL THEN 0 ELSE 1 END)`).join(" + ") : "0";
    const atDepth = (n: number, value: string) => `MAX(CASE WHEN ${depth} = ${n} THEN ${value} END) OVER (${n > 0 ? `PARTITION BY ${keys.slice(0, n).join(", ")}` : ""})`;
    const measure = order.by === ExpenditureMeasure.AMOUNT ? "r.fen" : order.by === ExpenditureMeasure.ROW_COUNT ? "r.n" : null;
    const parent = keys.length ? `CASE ${keys.map((_, i) => `WHEN ${depth} = ${i + 1} THEN ${atDepth(i, "r.fen")}`).join(" ")} END` : "NULL";
    const byDept = q.dims.some((d) => d.joined);
    const windows = [
      `${atDepth(0, "r.fen")} AS total`,
      `${atDepth(0, "r.n")} AS grand_n`,
      `${parent} AS parent`,
      ...(measure ? keys.map((_, i) => `${atDepth(i + 1, measure)} AS anc_${i + 1}`) : []),
      ...(byDept ? ["od.code AS order_dept"] : []),
    ];
    const ranked = `SELECT r.*, ${windows.join(", ")} FROM (${rolled.sql}) r${byDept ? " LEFT JOIN department od ON od.id = r.department_id" : ""}`;
    const dir = order.direction === SortDirection.DESC ? "DESC" : "ASC";
    const orderBy = q.dims.flatMap((d, i) => {
      const key = d.joined ? "v.order_dept" : `v.${d.as}`;
      return [`CASE WHEN v.${d.as} IS NULL THEN 0 ELSE 1 END`, ...(measure ? [`v.anc_${i + 1} ${dir}`] : []), `${key} ${measure ? "ASC" : dir}`];
    });
    return { sql: `SELECT v.*, ROW_NUMBER() OVER (${orderBy.length ? `ORDER BY ${orderBy.join(", ")}` : ""}) AS seq FROM (${ranked}) v`, params: rolled.params };
  }

  private toGroup(q: Query, r: Row, unit: MoneyUnit): ExpenditureGroup {
    const keys: GroupKeys = {};
    for (const d of q.dims) {
      const v = r[d.joined?.key ?? d.as];
      if (v !== null && v !== undefined) keys[d.d] = String(v);
    }
    const depth = Object.keys(keys).length;
    return Object.assign(new ExpenditureGroup(), {
      keys,
      year: keys.YEAR === undefined ? null : Number(keys.YEAR),
      kind: keys.EXPENDITURE_KIND ?? null,
      category: keys.EXPENDITURE_CATEGORY ?? null,
      fundingSource: keys.FUNDING_SOURCE ?? null,
      rowCount: toInt(r.n),
      basis: basisOf(q, r),
      amountFen: toFen(r.fen),
      totalFen: r.total === undefined ? 0n : toFen(r.total),
      parentFen: r.parent === undefined || r.parent === null ? null : toFen(r.parent),
      depth,
      isSubtotal: depth < q.dims.length,
      departmentRow: departmentOf(keys, r),
      codes: namedCodes(keys, r),
      defaultUnit: unit,
      cursor: "",
    });
  }

  /**
   * The same grouping in two years side by side, one statement (conditional sums), with the
   * filter checked beside it. With a page: that page (up to `limit + 1` rows) and the count of
   * all groups, read in the same statement when selected; without, every group.
   */
  async change(filter: ExpenditureFilter, groupBy: ExpenditureDimension[], years: { base: number; target: number }, unit: MoneyUnit, page?: Page): Promise<Found<ExpenditureChange>> {
    return (await Promise.all([this.checkFilter(filter), this.changeRows(filter, groupBy, years, unit, page)]))[1];
  }

  private async changeRows(filter: ExpenditureFilter, groupBy: ExpenditureDimension[], years: { base: number; target: number }, unit: MoneyUnit, page?: Page): Promise<Found<ExpenditureChange>> {
    const q = this.build({ ...filter, years: [years.base, years.target] }, groupBy.filter((d) => d !== "YEAR"));
    const keys = q.dims.map((d) => d.expr);
    const inner = `SELECT ${[...q.dims.map((d) => `${d.expr} AS ${d.as}`), "SUM(CASE WHEN l.year = ? THEN l.amount_fen ELSE 0 END) AS base", "SUM(CASE WHEN l.year = ? THEN l.amount_fen ELSE 0 END) AS target", ...printedRows(q)].join(", ")}
      FROM ${q.from} WHERE ${q.where} ${keys.length ? `GROUP BY ${keys.join(", ")}` : ""}`;
    const params = [years.base, years.target, ...q.params];
    const orderBy = keys.length ? `ORDER BY ${orderKeys(q).join(", ")}` : "";
    const rows = page
      ? await this.sql.all(this.withNames(q, inner, `${orderBy} LIMIT ? OFFSET ?`, page.counted ? [`COUNT(*) OVER () AS ${GROUP_COUNT}`] : []), [...params, page.limit + 1, page.offset])
      : await this.sql.all(this.withNames(q, inner, orderBy), params);
    const changes = rows.map((r) => {
      const keys: GroupKeys = {};
      for (const d of q.dims) keys[d.d] = String(r[d.joined?.key ?? d.as]);
      return Object.assign(new ExpenditureChange(), {
        keys,
        kind: keys.EXPENDITURE_KIND ?? null,
        fundingSource: keys.FUNDING_SOURCE ?? null,
        basis: basisOf(q, r),
        departmentRow: departmentOf(keys, r),
        codes: namedCodes(keys, r),
        baseFen: toFen(r.base),
        targetFen: toFen(r.target),
        defaultUnit: unit,
      });
    });
    return { rows: changes, count: page ? this.counter(rows, page, `SELECT COUNT(*) AS n FROM (${inner}) x`, params) : async () => changes.length };
  }
}

/** The column a counted page carries: how many groups there are in all. */
const GROUP_COUNT = "group_count";

/** A page of results (possibly with one row past it) and the count of all of them, run when asked. */
export interface Found<T> {
  rows: T[];
  count: () => Promise<number>;
}

/** The grouping statement of a flat aggregate: one row per group, before shares, names and order. */
function grouped(q: Query): string {
  const keys = q.dims.map((d) => d.expr);
  return `SELECT ${[...q.dims.map((d) => `${d.expr} AS ${d.as}`), ...measures(q)].join(", ")}
      FROM ${q.from} WHERE ${q.where} ${keys.length ? `GROUP BY ${keys.join(", ")}` : ""}`;
}

/** What a group adds up: its amount, how many figures, and (over row totals) whether every one was printed. */
function measures(q: Query): string[] {
  return ["SUM(l.amount_fen) AS fen", "COUNT(*) AS n", ...printedRows(q)];
}

/** Over row totals: 1 when every row the group adds printed its total, 0 when one was summed from its cells. */
function printedRows(q: Query): string[] {
  return q.set === "ROW_TOTALS" ? ["MIN(l.printed) AS printed"] : [];
}

/** ROW_TOTALS only where every row added printed its total; cells otherwise (see AggregateBasis). */
function basisOf(q: Query, r: Row): AggregateBasis {
  if (q.set !== "ROW_TOTALS") return AggregateBasis.CELLS;
  return r.printed === null || r.printed === undefined || Number(r.printed) === 1 ? AggregateBasis.ROW_TOTALS : AggregateBasis.CELLS;
}

/** What orders groups by their keys, over the groups `x` and the rows joined to them. */
function orderKeys(q: Query): string[] {
  return q.dims.map((d) => d.joined?.order ?? `x.${d.as}`);
}

/**
 * The codes joined by `codeNames`, named as of the group's year (the latest without one), each
 * with the year its name really comes from; absent when not joined.
 */
function namedCodes(keys: GroupKeys, r: Row): NamedCodes {
  const asOf = keys.YEAR === undefined ? null : Number(keys.YEAR);
  const codeOf = (prefix: string, code: string | undefined) => {
    if (r[`${prefix}_level`] === null || code === undefined) return null;
    const nameYear = r[`${prefix}_name_year`];
    return { code, level: r[`${prefix}_level`] as string, parentCode: (r[`${prefix}_parent`] as string | null) ?? null, name: (r[`${prefix}_name`] as string | null) ?? null, year: nameYear === null || nameYear === undefined ? null : Number(nameYear), asOf };
  };
  const codes: NamedCodes = {};
  if ("sc_level" in r) codes.subject = codeOf("sc", keys.SUBJECT_ITEM ?? keys.SUBJECT_SECTION ?? keys.SUBJECT_CLASS) as SubjectCode | null;
  if ("ecd_level" in r) codes.deptEconomic = andScheme(codeOf("ecd", keys.DEPT_ECONOMIC_ITEM ?? keys.DEPT_ECONOMIC_CLASS), EconomicScheme.DEPARTMENT);
  if ("ecg_level" in r) codes.govEconomic = andScheme(codeOf("ecg", keys.GOV_ECONOMIC_ITEM ?? keys.GOV_ECONOMIC_CLASS), EconomicScheme.GOVERNMENT);
  return codes;
}

function andScheme(c: (Omit<EconomicCode, "scheme" | "level"> & { level: string }) | null, scheme: EconomicScheme): EconomicCode | null {
  return c && { ...c, scheme, level: c.level as EconomicCode["level"] };
}

function departmentOf(keys: GroupKeys, r: Row): Department | null {
  if (keys.DEPARTMENT === undefined || r.dept_id === undefined || r.dept_id === null) return null;
  return joinedDepartment(r);
}
