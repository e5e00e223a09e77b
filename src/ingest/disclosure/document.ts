import type { BudgetStageCode } from "../../common/vocabulary";
import type { MoneyUnitCode } from "../../common/money";
/**
 * Splits a disclosure's text (PDF turned into text: markdown headings, narrative paragraphs,
 * tables as tab-separated lines) into its title, contents, narrative sections and tables.
 * Nothing here interprets figures; every piece keeps its line number for error messages.
 */
export interface Line {
  no: number;
  text: string;
}

export interface Row {
  no: number;
  /** Cells split on tabs, trimmed, with stray `**` removed; empty cells kept (they carry position). */
  cells: string[];
}

export type TableKind =
  | "OVERVIEW"
  | "INCOME"
  | "EXPENDITURE"
  | "FISCAL_OVERVIEW"
  | "GENERAL_EXPENDITURE"
  | "BASIC_ECONOMIC"
  | "ECONOMIC_SUMMARY"
  | "THREE_PUBLIC"
  | "GOV_FUND"
  | "STATE_CAPITAL"
  | "PROJECTS"
  | "DEPT_PERFORMANCE"
  | "PROJECT_PERFORMANCE";

/** Keywords that name each standard table, most specific first. */
const TABLE_KINDS: [RegExp, TableKind][] = [
  [/项目绩效目标/, "PROJECT_PERFORMANCE"],
  [/整体绩效目标/, "DEPT_PERFORMANCE"],
  [/项目支出/, "PROJECTS"],
  [/三公/, "THREE_PUBLIC"],
  [/政府性基金/, "GOV_FUND"],
  [/国有资本经营/, "STATE_CAPITAL"],
  [/支出经济分类汇总/, "ECONOMIC_SUMMARY"],
  [/基本支出/, "BASIC_ECONOMIC"],
  [/一般公共预算支出/, "GENERAL_EXPENDITURE"],
  [/财政拨款收支总体/, "FISCAL_OVERVIEW"],
  [/收支总体/, "OVERVIEW"],
  [/收入总体/, "INCOME"],
  [/支出总体/, "EXPENDITURE"],
];

export const TABLE_TITLES: Record<TableKind, string> = {
  OVERVIEW: "部门收支总体情况表",
  INCOME: "部门收入总体情况表",
  EXPENDITURE: "部门支出总体情况表",
  FISCAL_OVERVIEW: "财政拨款收支总体情况表",
  GENERAL_EXPENDITURE: "一般公共预算支出情况表",
  BASIC_ECONOMIC: "一般公共预算基本支出表",
  ECONOMIC_SUMMARY: "支出经济分类汇总表",
  THREE_PUBLIC: "一般公共预算“三公”经费支出情况表",
  GOV_FUND: "政府性基金预算支出情况表",
  STATE_CAPITAL: "国有资本经营预算支出情况表",
  PROJECTS: "项目支出预算表",
  DEPT_PERFORMANCE: "部门(单位)整体绩效目标表",
  PROJECT_PERFORMANCE: "部门预算项目绩效目标汇总表",
};

export function tableKindOf(title: string): TableKind | null {
  if (!/表/.test(title)) return null;
  return TABLE_KINDS.find(([re]) => re.test(title))?.[1] ?? null;
}

export interface TableBlock {
  kind: TableKind;
  title: string;
  /** Line of the table's heading. */
  no: number;
  /** 部门名称 as the table prints it. */
  departmentName: string | null;
  /** 单位：万元 / 元, or null where the table prints no unit. */
  unit: MoneyUnitCode | null;
  /** Every non-empty line after the heading and its meta lines, header rows included. */
  rows: Row[];
}

export interface NarrativeSection {
  heading: string;
  no: number;
  level: number;
  lines: Line[];
}

export interface DisclosureDoc {
  fileName: string;
  lines: Line[];
  title: Line;
  year: number;
  shortName: string;
  stage: BudgetStageCode;
  /** Tables the contents (目录) list, by kind. */
  listed: { kind: TableKind; title: string; no: number }[];
  sections: NarrativeSection[];
  tables: TableBlock[];
}

/** A problem with the document itself: names the file, the line and what is wrong. */
export class DocumentError extends Error {
  constructor(
    readonly fileName: string,
    readonly line: number | null,
    readonly problem: string,
  ) {
    super(`${fileName}${line === null ? "" : `:${line}`}: ${problem}`);
  }
}

const HEADING = /^(#{1,6})\s*(.*)$/;

export function cleanText(s: string): string {
  return s.replace(/\*\*/g, "").replace(/\u3000/g, " ").trim();
}

function headingText(raw: string): string {
  return cleanText(raw).replace(/\s+/g, " ");
}

export function readDocument(fileName: string, text: string): DisclosureDoc {
  if (text.includes("\u0000") || text.includes("\uFFFD")) throw new DocumentError(fileName, null, "not UTF-8 text (binary or wrongly encoded bytes)");
  const lines: Line[] = text.replace(/\r\n?/g, "\n").split("\n").map((t, i) => ({ no: i + 1, text: t }));
  const headings = lines
    .map((l) => ({ l, m: HEADING.exec(l.text) }))
    .filter((h): h is { l: Line; m: RegExpExecArray } => h.m !== null && cleanText(h.m[2]!) !== "")
    .map(({ l, m }) => ({ no: l.no, level: m[1]!.length, text: headingText(m[2]!) }));

  const titleHeading = headings[0];
  if (!titleHeading) throw new DocumentError(fileName, null, "no headings: not a disclosure (expected a title such as \"# 2023 年人力资源局部门预算公开\")");
  if (!/\d{4}\s*年/.test(titleHeading.text)) throw new DocumentError(fileName, titleHeading.no, `the title "${titleHeading.text}" names no year`);
  const tm = /(\d{4})\s*年\s*(.*?)\s*部门(预算|决算)/.exec(titleHeading.text.replace(/\s+/g, ""));
  if (!tm) throw new DocumentError(fileName, titleHeading.no, `title "${titleHeading.text}" does not read as "<year>年<department>部门预算公开"`);
  const year = Number(tm[1]);
  const stage = tm[3] === "决算" ? "FINAL" : /调整/.test(titleHeading.text) ? "ADJUSTED" : "BUDGET";

  // Contents: headings ending in 表 that come before the first narrative part.
  const firstPart = headings.find((h) => h.no > titleHeading.no && /^第一部分/.test(h.text) && h.level <= 2);
  const contentsEnd = firstPart?.no ?? titleHeading.no;
  const listed = headings
    .filter((h) => h.no > titleHeading.no && h.no < contentsEnd)
    .flatMap((h) => {
      const kind = tableKindOf(h.text);
      return kind ? [{ kind, title: h.text.replace(/^[一二三四五六七八九十]+、/, ""), no: h.no }] : [];
    });

  const tableHeadings = headings.filter((h) => h.no >= contentsEnd && tableKindOf(h.text) !== null);
  const bodyHeadings = headings.filter((h) => h.no >= contentsEnd);
  const nextHeadingAfter = (no: number) => bodyHeadings.find((h) => h.no > no)?.no ?? lines.length + 1;

  const tables: TableBlock[] = tableHeadings.map((h) => {
    const end = nextHeadingAfter(h.no);
    let departmentName: string | null = null;
    let unit: TableBlock["unit"] = null;
    const rows: Row[] = [];
    for (const l of lines.slice(h.no, end - 1)) {
      const t = l.text.trim();
      if (!t) continue;
      const dept = /^部门(?:\(单位\)|（单位）)?名称[:：]\s*(\S.*)$/.exec(t);
      if (dept && !l.text.includes("\t")) {
        departmentName = dept[1]!.replace(/\s+/g, "");
        continue;
      }
      const u = /^单位[:：]\s*(万元|元)\s*$/.exec(t);
      if (u) {
        unit = u[1] === "万元" ? "WAN_YUAN" : "YUAN";
        continue;
      }
      if (/^\(\d{4}年度\)$|^（\d{4}年度）$/.test(t)) continue;
      rows.push({ no: l.no, cells: l.text.split("\t").map((c) => cleanText(c)) });
    }
    return { kind: tableKindOf(h.text)!, title: h.text.replace(/^\d{4}\s*年/, ""), no: h.no, departmentName, unit, rows };
  });

  const firstTable = tableHeadings[0]?.no ?? lines.length + 1;
  const sections: NarrativeSection[] = bodyHeadings
    .filter((h) => h.no < firstTable)
    .map((h) => ({
      heading: h.text,
      no: h.no,
      level: h.level,
      lines: lines.slice(h.no, Math.min(nextHeadingAfter(h.no), firstTable) - 1).filter((l) => l.text.trim() !== "" && !HEADING.test(l.text)),
    }));

  return { fileName, lines, title: { no: titleHeading.no, text: titleHeading.text }, year, shortName: tm[2]!, stage, listed, sections, tables };
}
