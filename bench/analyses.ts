import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { parse } from "graphql";
import {
  BasicVsProjectByDepartmentDocument,
  ClassDrillDownDocument,
  ThreePublicByDepartmentDocument,
  TopProjectsDocument,
  WeakSatisfactionTargetsDocument,
  YearOnYearByDepartmentDocument,
} from "../schema/generated/operations";
import { formatFen } from "../src/common/money";
import { percent } from "../src/common/percent";
import { MAX_PAGE } from "../src/common/relay";

type Row = Record<string, unknown>;

/**
 * A saved analysis as the API answers it and as hand-written SQL answers it. Both answers are
 * reduced to the same rows of text — every field the operation selects — so the benchmark can
 * check they agree before timing them. Shares, ranks and rates the SQL leaves to its client are
 * worked out from the rows in `fromSql`, as a program using that SQL would.
 */
export interface Analysis {
  /** The scenario letter: (a) one department-year's tree, (b) zone rollup, (c) rankings, (d) a search, (e) drill-down and comparison, (h) the cheap query the load target is set on. */
  scenario: string;
  name: string;
  document: TypedDocumentNode<any, any>;
  variables: (years: number[]) => Record<string, unknown>;
  /** One or more statements that together give the same answer (independent: run side by side); `?` parameters. */
  sql: (years: number[]) => { sql: string; params: unknown[] }[];
  fromGraphql: (data: any) => string[][];
  fromSql: (results: Row[][]) => string[][];
}

const fen = (v: unknown) => BigInt(String(v ?? 0));
const wan = (v: unknown) => formatFen(fen(v), "WAN_YUAN");
const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));
const IN_FORCE = "b.is_current = 1 AND b.stage = 'BUDGET' AND b.status = 'PUBLISHED'";
const last = (years: number[]) => years[years.length - 1]!;
/**
 * Questions about subjects, departments and years add each subject row's printed 合计
 * (subject_row_total), not its cells; the basis says ROW_TOTALS only where every row added
 * printed its total (a row that printed none counts as the sum of its cells).
 */
const BASIS = "CASE WHEN MIN(l.printed) = 1 THEN 'ROW_TOTALS' ELSE 'CELLS' END";
/** A code's name as of a year: that year's, else the nearest earlier, else the earliest listed. */
const nameAsOf = (code: string, year: string) =>
  `COALESCE((SELECT MAX(m.year) FROM subject_code_name m WHERE m.code = ${code} AND m.year <= ${year}), (SELECT MIN(m.year) FROM subject_code_name m WHERE m.code = ${code}))`;

/** Ranks in order, ties (by `same`) sharing the earlier rank. */
function ranks<T>(rows: T[], same: (a: T, b: T) => boolean): number[] {
  const out: number[] = [];
  rows.forEach((r, i) => out.push(i > 0 && same(rows[i - 1]!, r) ? out[i - 1]! : i + 1));
  return out;
}

/** The first generated department: every scale has it. */
const TREE_DEPARTMENT = "101";

/** (a) One department-year's tree: the budget's totals and every line of its three fact tables. */
const DepartmentYearTree = parse(`
  query DepartmentYearTree($code: String!, $year: Int!) {
    department(code: $code) {
      code name shortName
      budget(year: $year) {
        year stage version expenditureTotal basicExpenditure projectExpenditure
        subjectLines { subjectCode { code } kind category fundingSource amount }
        economicLines { deptEconomicCode { code } govEconomicCode { code } kind amount }
        incomeLines { fundingSource label amount }
      }
    }
  }`);

/** (h) The cheap query the throughput target is set on: one department-year's totals. */
const DepartmentYearTotals = parse(`
  query DepartmentYearTotals($code: String!, $year: Int!) {
    department(code: $code) {
      code name
      budget(year: $year) { year expenditureTotal basicExpenditure projectExpenditure }
    }
  }`);

/** (b) Zone totals by 款 and year with subtotals: one page of the rollup, its count and whether more follow. */
const ZoneRollup = parse(`
  query ZoneSectionsByYear($years: [Int!]) {
    expenditureGroups(filter: { years: $years }, groupBy: [YEAR, SUBJECT_SECTION], rollup: true, first: 100) {
      totalCount
      pageInfo { hasNextPage }
      nodes { depth isSubtotal year subjectCode { code name } amount share shareOfParent rowCount basis }
    }
  }`);

/** The in-force budget of one department-year, joined to its lines (`b`, `d`). */
const TREE_FROM = `department_budget b JOIN department d ON d.id = b.department_id WHERE d.code = ? AND b.year = ? AND ${IN_FORCE}`;

export const ANALYSES: Analysis[] = [
  {
    scenario: "a",
    name: "one department-year's tree",
    document: DepartmentYearTree,
    variables: (years) => ({ code: TREE_DEPARTMENT, year: last(years) }),
    sql: (years) => {
      const at = [TREE_DEPARTMENT, last(years)];
      return [
        { sql: `SELECT d.code, d.name, d.short_name, b.year, b.stage, b.version, b.stated_expenditure_total AS total, b.stated_basic AS basic, b.stated_project AS project FROM ${TREE_FROM}`, params: at },
        { sql: `SELECT l.subject_code, l.kind, l.category, l.funding_source, l.amount_fen FROM subject_line l JOIN ${TREE_FROM} AND l.budget_id = b.id ORDER BY l.subject_code, l.id`, params: at },
        { sql: `SELECT l.dept_economic_code, l.gov_economic_code, l.kind, l.amount_fen FROM economic_line l JOIN ${TREE_FROM} AND l.budget_id = b.id ORDER BY l.id`, params: at },
        { sql: `SELECT l.funding_source, l.label, l.amount_fen FROM income_line l JOIN ${TREE_FROM} AND l.budget_id = b.id ORDER BY l.id`, params: at },
      ];
    },
    fromGraphql: (d) => {
      const b = d.department.budget;
      return [
        [d.department.code, d.department.name, text(d.department.shortName), String(b.year), b.stage, String(b.version), b.expenditureTotal, b.basicExpenditure, b.projectExpenditure],
        ...b.subjectLines.map((l: any) => ["S", l.subjectCode.code, l.kind, text(l.category), l.fundingSource, l.amount]),
        ...b.economicLines.map((l: any) => ["E", l.deptEconomicCode.code, l.govEconomicCode.code, l.kind, l.amount]),
        ...b.incomeLines.map((l: any) => ["I", l.fundingSource, l.label, l.amount]),
      ];
    },
    fromSql: ([[h], subject, economic, income]) => [
      [String(h!.code), String(h!.name), text(h!.short_name), String(h!.year), String(h!.stage), String(h!.version), wan(h!.total), wan(h!.basic), wan(h!.project)],
      ...subject!.map((l) => ["S", String(l.subject_code), String(l.kind), text(l.category), String(l.funding_source), wan(l.amount_fen)]),
      ...economic!.map((l) => ["E", String(l.dept_economic_code), String(l.gov_economic_code), String(l.kind), wan(l.amount_fen)]),
      ...income!.map((l) => ["I", String(l.funding_source), String(l.label), wan(l.amount_fen)]),
    ],
  },
  {
    scenario: "h",
    name: "one department-year's totals (cheap query)",
    document: DepartmentYearTotals,
    variables: (years) => ({ code: TREE_DEPARTMENT, year: last(years) }),
    sql: (years) => [{ sql: `SELECT d.code, d.name, b.year, b.stated_expenditure_total AS total, b.stated_basic AS basic, b.stated_project AS project FROM ${TREE_FROM}`, params: [TREE_DEPARTMENT, last(years)] }],
    fromGraphql: (d) => {
      const b = d.department.budget;
      return [[d.department.code, d.department.name, String(b.year), b.expenditureTotal, b.basicExpenditure, b.projectExpenditure]];
    },
    fromSql: ([[h]]) => [[String(h!.code), String(h!.name), String(h!.year), wan(h!.total), wan(h!.basic), wan(h!.project)]],
  },
  {
    scenario: "b",
    name: "zone totals by 款 and year (rollup, first page)",
    document: ZoneRollup,
    variables: (years) => ({ years }),
    // The rollup in one pass, ordered depth first (every subtotal before its children), paged;
    // the shares' wholes and the count are window figures over all of it, the names joined to the page.
    sql: (years) => [{
      sql: `SELECT p.*, n.name FROM (
              SELECT r.*, MAX(CASE WHEN r.year IS NULL THEN r.fen END) OVER () AS total,
                     CASE WHEN r.year IS NULL THEN NULL WHEN r.sec IS NULL THEN MAX(CASE WHEN r.year IS NULL THEN r.fen END) OVER ()
                          ELSE MAX(CASE WHEN r.sec IS NULL THEN r.fen END) OVER (PARTITION BY r.year) END AS parent,
                     COUNT(*) OVER () AS group_total
                FROM (SELECT l.year, SUBSTR(l.subject_code, 1, 5) AS sec, SUM(l.amount_fen) AS fen, COUNT(*) AS n, ${BASIS} AS basis
                        FROM subject_row_total l JOIN department_budget b ON b.id = l.budget_id
                       WHERE ${IN_FORCE} AND l.year IN (${years.map(() => "?").join(", ")})
                       GROUP BY l.year, SUBSTR(l.subject_code, 1, 5) WITH ROLLUP) r
               ORDER BY r.year IS NULL DESC, r.year, r.sec IS NULL DESC, r.sec LIMIT 101) p
            LEFT JOIN subject_code_name n ON n.code = p.sec AND n.year = ${nameAsOf("p.sec", "p.year")}
            ORDER BY p.year IS NULL DESC, p.year, p.sec IS NULL DESC, p.sec`,
      params: years,
    }],
    fromGraphql: (d) => {
      const c = d.expenditureGroups;
      return [
        [String(c.totalCount), String(c.pageInfo.hasNextPage)],
        ...c.nodes.map((g: any) => [String(g.depth), String(g.isSubtotal), text(g.year), text(g.subjectCode?.code), text(g.subjectCode?.name), g.amount, text(g.share), text(g.shareOfParent), String(g.rowCount), g.basis]),
      ];
    },
    fromSql: ([rows]) => [
      [String(rows![0]?.group_total ?? 0), String(rows!.length > MAX_PAGE)],
      ...rows!.slice(0, MAX_PAGE).map((r) => {
        const depth = (r.year === null ? 0 : 1) + (r.sec === null ? 0 : 1);
        return [String(depth), String(depth < 2), text(r.year), text(r.sec), text(r.name), wan(r.fen), text(percent(fen(r.fen), fen(r.total))), r.parent === null ? "" : text(percent(fen(r.fen), fen(r.parent))), String(r.n), String(r.basis)];
      }),
    ],
  },
  {
    scenario: "e",
    name: "one 类 drilled to 项 (rollup)",
    document: ClassDrillDownDocument,
    variables: (years) => ({ classCode: "208", year: last(years) }),
    sql: (years) => [{
      sql: `SELECT r.c, r.s, r.i, r.fen, r.n, r.basis, sc.level, nm.name FROM (
              SELECT SUBSTR(l.subject_code, 1, 3) AS c, SUBSTR(l.subject_code, 1, 5) AS s, l.subject_code AS i, SUM(l.amount_fen) AS fen, COUNT(*) AS n, ${BASIS} AS basis
                FROM subject_row_total l JOIN department_budget b ON b.id = l.budget_id
               WHERE ${IN_FORCE} AND l.year = ? AND l.subject_code LIKE '208%'
               GROUP BY SUBSTR(l.subject_code, 1, 3), SUBSTR(l.subject_code, 1, 5), l.subject_code WITH ROLLUP) r
            LEFT JOIN subject_code sc ON sc.code = COALESCE(r.i, r.s, r.c)
            LEFT JOIN subject_code_name nm ON nm.code = sc.code AND nm.year = ${nameAsOf("sc.code", "?")}`,
      params: [last(years), last(years)],
    }],
    fromGraphql: (d) =>
      d.expenditure
        .map((g: any) => [String(g.depth), String(g.isSubtotal), g.subjectCode?.code ?? "", text(g.subjectCode?.name), text(g.subjectCode?.level), g.amount, text(g.share), text(g.shareOfParent), String(g.rowCount), g.basis])
        .sort(),
    fromSql: ([rows]) => {
      const keyOf = (r: Row) => [r.c, r.s, r.i].filter((k) => k !== null).map(String);
      const byKey = new Map(rows!.map((r) => [keyOf(r).join("/"), r]));
      const total = fen(byKey.get("")?.fen);
      return rows!
        .map((r) => {
          const key = keyOf(r);
          const parent = key.length ? byKey.get(key.slice(0, -1).join("/")) : undefined;
          return [String(key.length), String(key.length < 3), key.at(-1) ?? "", text(r.name), text(r.level), wan(r.fen), text(percent(fen(r.fen), total)), parent ? text(percent(fen(r.fen), fen(parent.fen))) : "", String(r.n), String(r.basis)];
        })
        .sort();
    },
  },
  {
    scenario: "c",
    name: "basic vs project by department (ranking)",
    document: BasicVsProjectByDepartmentDocument,
    variables: (years) => ({ year: last(years) }),
    // Division keeps only 4 more decimals than its dividend: widen it so close shares stay apart.
    sql: (years) => [{
      sql: `SELECT d.code AS dept, d.short_name, b.stated_basic AS basic, b.stated_expenditure_total AS total
              FROM department_budget b JOIN department d ON d.id = b.department_id
             WHERE ${IN_FORCE} AND b.year = ?
             ORDER BY CAST(b.stated_basic AS DECIMAL(65, 30)) / b.stated_expenditure_total DESC, d.code`,
      params: [last(years)],
    }],
    fromGraphql: (d) => [
      [text(d.departmentRanking.zoneValue), String(d.departmentRanking.departmentCount)],
      ...d.departmentRanking.entries.map((e: any) => [String(e.rank), e.department.code, text(e.department.shortName), text(e.value), e.numerator, e.denominator]),
    ],
    fromSql: ([rows]) => {
      const sum = (k: string) => rows!.reduce((s, r) => s + fen(r[k]), 0n);
      const shared = (r: Row) => r.basic !== null && r.total !== null && fen(r.total) !== 0n;
      const rank = ranks(rows!, (a, b) => shared(a) === shared(b) && (!shared(a) || fen(a.basic) * fen(b.total) === fen(b.basic) * fen(a.total)));
      return [
        [text(percent(sum("basic"), sum("total"))), String(rows!.length)],
        // A ranking lists its first MAX_PAGE entries (the operation's default); the zone figures count them all.
        ...rows!.slice(0, MAX_PAGE).map((r, i) => [String(rank[i]), String(r.dept), text(r.short_name), text(percent(fen(r.basic), fen(r.total))), wan(r.basic), wan(r.total)]),
      ];
    },
  },
  {
    scenario: "e",
    name: "year-on-year change by department",
    document: YearOnYearByDepartmentDocument,
    variables: (years) => ({ baseYear: years[years.length - 2] ?? last(years) - 1, targetYear: last(years) }),
    sql: (years) => {
      const base = years[years.length - 2] ?? last(years) - 1;
      return [{
        sql: `SELECT d.code AS dept, d.short_name, x.base, x.target, x.basis FROM (
                SELECT l.department_id, SUM(CASE WHEN l.year = ? THEN l.amount_fen ELSE 0 END) AS base, SUM(CASE WHEN l.year = ? THEN l.amount_fen ELSE 0 END) AS target, ${BASIS} AS basis
                  FROM subject_row_total l JOIN department_budget b ON b.id = l.budget_id
                 WHERE ${IN_FORCE} AND l.year IN (?, ?) GROUP BY l.department_id) x
              JOIN department d ON d.id = x.department_id ORDER BY d.code`,
        params: [base, last(years), base, last(years)],
      }];
    },
    fromGraphql: (d) => d.expenditureChange.map((c: any) => [c.department.code, text(c.department.shortName), c.base, c.target, c.change, text(c.rate), c.basis]),
    fromSql: ([rows]) =>
      rows!.map((r) => {
        const change = fen(r.target) - fen(r.base);
        return [String(r.dept), text(r.short_name), wan(r.base), wan(r.target), formatFen(change, "WAN_YUAN"), text(percent(change, fen(r.base))), String(r.basis)];
      }),
  },
  {
    scenario: "c",
    name: "“三公” by department (ranking)",
    document: ThreePublicByDepartmentDocument,
    variables: (years) => ({ year: last(years) }),
    sql: (years) => [{
      sql: `SELECT d.code AS dept, d.short_name, t.total_fen AS fen FROM department_budget b JOIN department d ON d.id = b.department_id
              LEFT JOIN three_public_expense t ON t.budget_id = b.id
             WHERE ${IN_FORCE} AND b.year = ? ORDER BY t.total_fen IS NULL, t.total_fen DESC, d.code`,
      params: [last(years)],
    }],
    fromGraphql: (d) => [
      [text(d.departmentRanking.zoneValue), String(d.departmentRanking.departmentCount)],
      ...d.departmentRanking.entries.map((e: any) => [String(e.rank), e.department.code, text(e.department.shortName), text(e.value), text(e.shareOfZone)]),
    ],
    fromSql: ([rows]) => {
      const zone = rows!.reduce((s, r) => s + fen(r.fen), 0n);
      // Departments without a figure share the rank after the others, as the API ranks them.
      const rank = ranks(rows!, (a, b) => (a.fen === null) === (b.fen === null) && (a.fen === null || fen(a.fen) === fen(b.fen)));
      return [
        [wan(zone), String(rows!.length)],
        ...rows!.slice(0, MAX_PAGE).map((r, i) => [String(rank[i]), String(r.dept), text(r.short_name), r.fen === null ? "" : wan(r.fen), r.fen === null ? "" : text(percent(fen(r.fen), zone))]),
      ];
    },
  },
  {
    scenario: "c",
    name: "top 20 projects",
    document: TopProjectsDocument,
    variables: (years) => ({ year: last(years), first: 20 }),
    sql: (years) => [
      {
        sql: `SELECT p.code, p.name, p.amount_fen AS fen, d.code AS dept, d.short_name FROM project p JOIN department_budget b ON b.id = p.budget_id JOIN department d ON d.id = p.department_id
               WHERE b.is_current = 1 AND b.status = 'PUBLISHED' AND p.year = ? ORDER BY p.amount_fen DESC, p.year, d.code, p.position, p.id LIMIT 20`,
        params: [last(years)],
      },
      { sql: `SELECT COUNT(*) AS n FROM project p JOIN department_budget b ON b.id = p.budget_id WHERE b.is_current = 1 AND b.status = 'PUBLISHED' AND p.year = ?`, params: [last(years)] },
    ],
    fromGraphql: (d) => [[String(d.projects.totalCount)], ...d.projects.nodes.map((p: any) => [text(p.code), p.name, p.amount, p.department.code, text(p.department.shortName)])],
    fromSql: ([rows, count]) => [[String(count![0]!.n)], ...rows!.map((r) => [text(r.code), String(r.name), wan(r.fen), String(r.dept), text(r.short_name)])],
  },
  {
    scenario: "d",
    name: "weak satisfaction targets (< 90%)",
    document: WeakSatisfactionTargetsDocument,
    variables: (years) => ({ years: [last(years)], below: "90" }),
    sql: (years) => {
      const from = `FROM performance_indicator i JOIN department_budget b ON b.id = i.budget_id JOIN department d ON d.id = b.department_id LEFT JOIN project p ON p.id = i.project_id
        WHERE b.is_current = 1 AND b.status = 'PUBLISHED' AND b.year = ? AND i.category = 'SATISFACTION' AND i.target_unit = '%' AND i.target_value_micro < 90000000`;
      return [
        {
          sql: `SELECT i.name, i.target, i.comparator, i.target_value, i.target_unit, p.code AS project, p.name AS project_name, d.code AS dept, d.short_name ${from}
                ORDER BY b.year, d.code, i.scope, p.position, i.position, i.id LIMIT 100`,
          params: [last(years)],
        },
        { sql: `SELECT COUNT(*) AS n ${from}`, params: [last(years)] },
      ];
    },
    fromGraphql: (d) => [
      [String(d.indicators.totalCount)],
      ...d.indicators.nodes.map((i: any) => [i.name, i.target, text(i.comparator), text(i.value), text(i.unit), text(i.project?.code), text(i.project?.name), i.department.code, text(i.department.shortName)]),
    ],
    fromSql: ([rows, count]) => [
      [String(count![0]!.n)],
      ...rows!.map((r) => [String(r.name), String(r.target), text(r.comparator), text(r.target_value), text(r.target_unit), text(r.project), text(r.project_name), String(r.dept), text(r.short_name)]),
    ],
  },
];
