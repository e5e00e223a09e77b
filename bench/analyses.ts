import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import {
  BasicVsProjectByDepartmentDocument,
  ClassDrillDownDocument,
  ThreePublicByDepartmentDocument,
  TopProjectsDocument,
  WeakSatisfactionTargetsDocument,
  YearOnYearByDepartmentDocument,
  ZoneTotalsByClassAndYearDocument,
} from "../schema/generated/operations";
import { formatFen } from "../src/common/money";

type Row = Record<string, unknown>;

/**
 * A saved analysis as the API answers it and as hand-written SQL answers it. Both answers are
 * reduced to the same rows of text so the benchmark can check they agree before timing them.
 */
export interface Analysis {
  name: string;
  document: TypedDocumentNode<any, any>;
  variables: (years: number[]) => Record<string, unknown>;
  /** One or more statements that together give the same answer (independent: run side by side); `?` parameters. */
  sql: (years: number[]) => { sql: string; params: unknown[] }[];
  fromGraphql: (data: any) => string[][];
  fromSql: (results: Row[][]) => string[][];
}

const wan = (v: unknown) => formatFen(BigInt(String(v ?? 0)), "WAN_YUAN");
const IN_FORCE = "b.is_current = 1 AND b.stage = 'BUDGET' AND b.status = 'PUBLISHED'";
const last = (years: number[]) => years[years.length - 1]!;

export const ANALYSES: Analysis[] = [
  {
    name: "zone totals by 类 and year",
    document: ZoneTotalsByClassAndYearDocument,
    variables: (years) => ({ years }),
    sql: (years) => [{
      sql: `SELECT x.year, x.cls, n.name, x.fen FROM (
              SELECT l.year, SUBSTR(l.subject_code, 1, 3) AS cls, SUM(l.amount_fen) AS fen
                FROM subject_line l JOIN department_budget b ON b.id = l.budget_id
               WHERE ${IN_FORCE} AND l.year IN (${years.map(() => "?").join(", ")})
               GROUP BY l.year, SUBSTR(l.subject_code, 1, 3)) x
            LEFT JOIN subject_code_name n ON n.code = x.cls AND n.year = x.year
            ORDER BY x.year, x.cls`,
      params: years,
    }],
    fromGraphql: (d) => d.expenditure.map((g: any) => [String(g.year), g.subjectCode.code, g.amount]),
    fromSql: ([rows]) => rows!.map((r) => [String(r.year), String(r.cls), wan(r.fen)]),
  },
  {
    name: "one 类 drilled to 项 (rollup)",
    document: ClassDrillDownDocument,
    variables: (years) => ({ classCode: "208", year: last(years) }),
    sql: (years) => [{
      sql: `SELECT SUBSTR(l.subject_code, 1, 3) AS c, SUBSTR(l.subject_code, 1, 5) AS s, l.subject_code AS i, SUM(l.amount_fen) AS fen, COUNT(*) AS n
              FROM subject_line l JOIN department_budget b ON b.id = l.budget_id
             WHERE ${IN_FORCE} AND l.year = ? AND l.subject_code LIKE '208%'
             GROUP BY SUBSTR(l.subject_code, 1, 3), SUBSTR(l.subject_code, 1, 5), l.subject_code WITH ROLLUP`,
      params: [last(years)],
    }],
    fromGraphql: (d) => d.expenditure.map((g: any) => [String(g.depth), g.subjectCode?.code ?? "", g.amount, String(g.rowCount)]).sort(),
    fromSql: ([rows]) =>
      rows!
        .map((r) => {
          const depth = [r.c, r.s, r.i].filter((k) => k !== null).length;
          return [String(depth), String(r.i ?? r.s ?? r.c ?? ""), wan(r.fen), String(r.n)];
        })
        .sort(),
  },
  {
    name: "basic vs project by department (ranking)",
    document: BasicVsProjectByDepartmentDocument,
    variables: (years) => ({ year: last(years) }),
    sql: (years) => [{
      sql: `SELECT d.code AS dept, b.stated_basic AS basic, b.stated_expenditure_total AS total
              FROM department_budget b JOIN department d ON d.id = b.department_id
             WHERE ${IN_FORCE} AND b.year = ?
             ORDER BY b.stated_basic / b.stated_expenditure_total DESC, d.code`,
      params: [last(years)],
    }],
    fromGraphql: (d) => d.departmentRanking.entries.map((e: any) => [e.department.code, e.numerator, e.denominator]),
    fromSql: ([rows]) => rows!.map((r) => [String(r.dept), wan(r.basic), wan(r.total)]),
  },
  {
    name: "year-on-year change by department",
    document: YearOnYearByDepartmentDocument,
    variables: (years) => ({ baseYear: years[years.length - 2] ?? last(years) - 1, targetYear: last(years) }),
    sql: (years) => {
      const base = years[years.length - 2] ?? last(years) - 1;
      return [{
        sql: `SELECT d.code AS dept, SUM(CASE WHEN l.year = ? THEN l.amount_fen ELSE 0 END) AS base, SUM(CASE WHEN l.year = ? THEN l.amount_fen ELSE 0 END) AS target
                FROM subject_line l JOIN department_budget b ON b.id = l.budget_id JOIN department d ON d.id = l.department_id
               WHERE ${IN_FORCE} AND l.year IN (?, ?) GROUP BY d.code ORDER BY d.code`,
        params: [base, last(years), base, last(years)],
      }];
    },
    fromGraphql: (d) => d.expenditureChange.map((c: any) => [c.department.code, c.base, c.target, c.change]),
    fromSql: ([rows]) => rows!.map((r) => [String(r.dept), wan(r.base), wan(r.target), formatFen(BigInt(String(r.target)) - BigInt(String(r.base)), "WAN_YUAN")]),
  },
  {
    name: "“三公” by department (ranking)",
    document: ThreePublicByDepartmentDocument,
    variables: (years) => ({ year: last(years) }),
    sql: (years) => [{
      sql: `SELECT d.code AS dept, t.total_fen AS fen FROM department_budget b JOIN department d ON d.id = b.department_id
              LEFT JOIN three_public_expense t ON t.budget_id = b.id
             WHERE ${IN_FORCE} AND b.year = ? ORDER BY t.total_fen IS NULL, t.total_fen DESC, d.code`,
      params: [last(years)],
    }],
    fromGraphql: (d) => d.departmentRanking.entries.map((e: any) => [e.department.code, e.value ?? ""]),
    fromSql: ([rows]) => rows!.map((r) => [String(r.dept), r.fen === null ? "" : wan(r.fen)]),
  },
  {
    name: "top 20 projects",
    document: TopProjectsDocument,
    variables: (years) => ({ year: last(years), first: 20 }),
    sql: (years) => [
      {
        sql: `SELECT p.code, p.name, p.amount_fen AS fen, d.code AS dept FROM project p JOIN department_budget b ON b.id = p.budget_id JOIN department d ON d.id = p.department_id
               WHERE b.is_current = 1 AND b.status = 'PUBLISHED' AND p.year = ? ORDER BY p.amount_fen DESC, p.year, d.code, p.position, p.id LIMIT 20`,
        params: [last(years)],
      },
      { sql: `SELECT COUNT(*) AS n FROM project p JOIN department_budget b ON b.id = p.budget_id WHERE b.is_current = 1 AND b.status = 'PUBLISHED' AND p.year = ?`, params: [last(years)] },
    ],
    fromGraphql: (d) => [[String(d.projects.totalCount)], ...d.projects.nodes.map((p: any) => [p.code ?? "", p.name, p.amount, p.department.code])],
    fromSql: ([rows, count]) => [[String(count![0]!.n)], ...rows!.map((r) => [String(r.code ?? ""), String(r.name), wan(r.fen), String(r.dept)])],
  },
  {
    name: "weak satisfaction targets (< 90%)",
    document: WeakSatisfactionTargetsDocument,
    variables: (years) => ({ years: [last(years)], below: "90" }),
    sql: (years) => {
      const from = `FROM performance_indicator i JOIN department_budget b ON b.id = i.budget_id JOIN department d ON d.id = b.department_id LEFT JOIN project p ON p.id = i.project_id
        WHERE b.is_current = 1 AND b.status = 'PUBLISHED' AND b.year = ? AND i.category = 'SATISFACTION' AND i.target_unit = '%' AND i.target_value_micro < 90000000`;
      return [
        { sql: `SELECT i.name, i.target, p.code AS project, d.code AS dept ${from} ORDER BY b.year, d.code, i.scope, p.position, i.position, i.id LIMIT 100`, params: [last(years)] },
        { sql: `SELECT COUNT(*) AS n ${from}`, params: [last(years)] },
      ];
    },
    fromGraphql: (d) => [[String(d.indicators.totalCount)], ...d.indicators.nodes.map((i: any) => [i.name, i.target, i.project?.code ?? "", i.department.code])],
    fromSql: ([rows, count]) => [[String(count![0]!.n)], ...rows!.map((r) => [String(r.name), String(r.target), String(r.project ?? ""), String(r.dept)])],
  },
];
