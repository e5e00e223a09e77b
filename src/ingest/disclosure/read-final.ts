/**
 * Reads a 部门决算 (final accounts, stage FINAL) into the load model: what was spent by 科目 and
 * source, the year-begin budget it prints beside it (年初预算数), the “三公” 预算数 and 决算数,
 * the basic expenditure by economic code (kept as printed figures: the 决算 template pairs no
 * 政府预算经济分类 code with them), and the execution its narrative states.
 */
import type { PrintedUnit } from "../../common/money";
import { ZONE_REGION } from "../../common/zone";
import type { ExpenditureCategoryCode, ExpenditureKindCode, FundingSourceCode } from "../../common/vocabulary";
import type { BudgetModel, DiscrepancyDraft, PublishedFigureDraft } from "../model";
import { DocumentError, type DisclosureDoc, TABLE_TITLES, type TableBlock, type TableKind } from "./document";
import { finalChecks } from "./final-checks";
import {
  EXPENDITURE_COLUMNS,
  type FinalSubjectTable,
  INCOME_COLUMNS,
  readFinalBasic,
  readFinalOverview,
  readFinalSubjectTable,
  readFinalThreePublic,
} from "./final-tables";
import { readNarrative } from "./narrative";
import { documentUnit, inventory, mostCommon, roundStoredNumbers, unreadableDocument } from "./shared-parts";

type ExpenditureKey = (typeof EXPENDITURE_COLUMNS)[number]["key"];
type IncomeKey = (typeof INCOME_COLUMNS)[number]["key"];

/** Everything read from a 决算's parts, for the checks that compare them. */
export interface FinalParts {
  doc: DisclosureDoc;
  unit: BudgetModel["amountUnit"];
  overview: ReturnType<typeof readFinalOverview> | null;
  income: FinalSubjectTable<IncomeKey> | null;
  expenditure: FinalSubjectTable<ExpenditureKey> | null;
  fiscal: ReturnType<typeof readFinalOverview> | null;
  general: FinalSubjectTable<ExpenditureKey> | null;
  basic: ReturnType<typeof readFinalBasic> | null;
  threePublic: ReturnType<typeof readFinalThreePublic> | null;
  narrative: ReturnType<typeof readNarrative>;
}

/** Where each 支出决算表 column goes among the fact lines. */
const SPENDING: [ExpenditureKey, ExpenditureKindCode, ExpenditureCategoryCode][] = [
  ["基本支出", "BASIC", "BASIC_UNDIVIDED"],
  ["项目支出", "PROJECT", "PROJECT_UNDIVIDED"],
  ["上缴上级支出", "OTHER", "REMITTANCE"],
  ["经营支出", "OTHER", "BUSINESS"],
  ["对附属单位补助支出", "OTHER", "SUBSIDIARY"],
];

export function readFinalParts(doc: DisclosureDoc): BudgetModel {
  const unit = documentUnit(doc);
  const rounded: DiscrepancyDraft[] = [];
  const read = <T>(kind: TableKind, fn: (t: TableBlock, ctx: { fileName: string; unit: PrintedUnit }) => T): T | null => {
    const t = doc.tables.find((x) => x.kind === kind);
    return t ? fn(roundStoredNumbers(doc, t, t.unit ?? unit, rounded), { fileName: doc.fileName, unit: t.unit ?? unit }) : null;
  };
  const p: FinalParts = {
    doc,
    unit,
    overview: read("FINAL_OVERVIEW", readFinalOverview),
    income: read("FINAL_INCOME", (t, ctx) => readFinalSubjectTable(t, ctx, INCOME_COLUMNS)),
    expenditure: read("FINAL_EXPENDITURE", (t, ctx) => readFinalSubjectTable(t, ctx, EXPENDITURE_COLUMNS)),
    fiscal: read("FINAL_FISCAL_OVERVIEW", readFinalOverview),
    general: read("FINAL_GENERAL_EXPENDITURE", (t, ctx) => readFinalSubjectTable(t, ctx, EXPENDITURE_COLUMNS)),
    basic: read("FINAL_BASIC_ECONOMIC", readFinalBasic),
    threePublic: read("FINAL_THREE_PUBLIC", readFinalThreePublic),
    narrative: readNarrative(doc, unit),
  };
  if (!p.expenditure?.total && !p.overview?.expenditureThisYear) throw unreadableDocument(doc);
  const department = identify(p);
  const self = department.units.find((u) => u.isSelf)?.code ?? null;
  const items = (t: FinalSubjectTable<ExpenditureKey> | null) => (t?.rows ?? []).filter((r) => r.code.length === 7);
  const totals = p.expenditure?.total?.values;

  const model: BudgetModel = {
    department,
    year: doc.year,
    stage: doc.stage,
    amountUnit: unit,
    title: doc.titled ? doc.title.text : null,
    stated: {
      incomeTotal: p.overview?.incomeTotal?.fen ?? null,
      expenditureTotal: p.overview?.expenditureTotal?.fen ?? totals?.合计 ?? null,
      basic: totals?.基本支出 ?? null,
      project: totals?.项目支出 ?? null,
      personnel: p.basic?.personnel?.fen ?? null,
      public: p.basic?.public?.fen ?? null,
    },
    subjectLines: subjectLines(p, self),
    subjectRowTotals: items(p.expenditure).flatMap((r) =>
      r.values.合计 === undefined ? [] : [{ unit: self, subject: r.code, fen: r.values.合计, sourceRef: `${doc.place(r.line)} ${TABLE_TITLES.FINAL_EXPENDITURE} ${r.code} 本年支出合计` }],
    ),
    economicLines: [],
    incomeLines: [
      ...(p.overview?.income ?? []),
      ...(p.overview?.carriedIn ? [{ source: "PRIOR_YEAR_CARRYOVER" as const, label: p.overview.carriedIn.label, fen: p.overview.carriedIn.fen, line: p.overview.carriedIn.line }] : []),
    ].map((l) => ({ source: l.source, label: l.label, fen: l.fen, sourceRef: `${doc.place(l.line)} ${TABLE_TITLES.FINAL_OVERVIEW} ${l.label}` })),
    projects: [],
    departmentIndicators: [],
    threePublic: p.threePublic?.final ?? null,
    threePublicBudgeted: p.threePublic?.budgeted ?? null,
    yearBegin: items(p.general).flatMap((r) =>
      r.values.年初预算数 === undefined ? [] : [{ subject: r.code, fen: r.values.年初预算数, sourceRef: `${doc.place(r.line)} ${TABLE_TITLES.FINAL_GENERAL_EXPENDITURE} ${r.code} 年初预算数` }],
    ),
    yearBeginTotal: p.general?.total?.values.年初预算数 ?? null,
    operatingFunds: p.narrative.operatingFunds,
    procurement: p.narrative.procurement,
    assets: p.narrative.assets,
    claims: p.narrative.claims.map(({ line: _line, ...c }) => {
      const label = c.topic === "EXECUTION" && c.label ? itemName(c.label) : c.label;
      return { ...c, label, subject: c.subject ?? subjectByName(p, c.topic, label) };
    }),
    publishedFigures: publishedFigures(p),
    tables: inventory(doc),
    texts: [
      ...p.narrative.duties.map((body, i) => ({ kind: "DUTY" as const, position: i, title: null, body, line: null })),
      ...(p.narrative.divisions ? [{ kind: "DIVISIONS" as const, position: 0, title: null, body: p.narrative.divisions, line: null }] : []),
    ],
    findings: rounded,
  };
  rounded.push(...finalChecks(p, model));
  return model;
}

/**
 * What was spent, by 项 and column of the 支出决算表; the 一般公共预算财政拨款支出决算表 is the
 * general-budget part of each figure, the rest is the department's one other source (OTHER when
 * it has several).
 */
function subjectLines(p: FinalParts, unit: string | null): BudgetModel["subjectLines"] {
  const general = new Map((p.general?.rows ?? []).map((r) => [r.code, r]));
  const others = [...new Set((p.overview?.income ?? []).map((l) => l.source).filter((s) => s !== "GENERAL_PUBLIC_BUDGET"))];
  const other: FundingSourceCode = others.length === 1 ? others[0]! : "OTHER";
  return (p.expenditure?.rows ?? [])
    .filter((r) => r.code.length === 7)
    .flatMap((r) =>
      SPENDING.flatMap(([column, kind, category]) => {
        const fen = r.values[column];
        if (fen === undefined || fen === 0n) return [];
        const line = (fundingSource: FundingSourceCode, amount: bigint) => ({
          unit, subject: r.code, subjectName: r.name, kind, category, fundingSource, fen: amount,
          sourceRef: `${p.doc.place(r.line)} ${TABLE_TITLES.FINAL_EXPENDITURE} ${r.code} ${column}`,
        });
        const gpb = general.get(r.code)?.values[column] ?? (p.general ? 0n : fen);
        const split = gpb > fen ? fen : gpb;
        return [...(split > 0n ? [line("GENERAL_PUBLIC_BUDGET", split)] : []), ...(fen - split > 0n ? [line(other, fen - split)] : [])];
      }),
    );
}

/**
 * The department: its name from the tables' 部门名称, its code from a 单位编码 the document prints
 * (a 决算's tables carry no unit code).
 */
function identify(p: FinalParts): BudgetModel["department"] {
  const name = mostCommon(p.doc.tables.map((t) => t.departmentName).filter((n): n is string => !!n));
  if (!name) throw new DocumentError(p.doc.fileName, p.doc.tables[0]?.no ?? null, "no table prints 部门名称: the department cannot be identified");
  const text = p.doc.lines.map((l) => l.text).join("\n");
  const unitCode = /单位编码[:：]?\s*(\d{3})(\d{3})/.exec(text) ?? /部门编码[:：]?\s*(\d{3})()/.exec(text);
  if (!unitCode) throw new DocumentError(p.doc.fileName, p.doc.title.no, "no department code: a 决算 must print its 单位编码 (e.g. “单位编码007001”) or 部门编码 somewhere, since its tables carry none");
  const code = unitCode[1]!;
  return { code, name, shortName: p.doc.shortName, regionCode: ZONE_REGION, units: unitCode[2] ? [{ code: `${code}${unitCode[2]}`, name, isSelf: unitCode[2] === "001" }] : [] };
}

/** "1. 社会保障和就业支出（类）就业补助（款）其他就业补助支出" → "其他就业补助支出": the 项 the statement is about. */
function itemName(label: string): string {
  return label.replace(/^.*[（(]款[）)]/, "").replace(/^[\d.、．\s]+/, "").trim();
}

/** The narrative names the 项 it speaks of; the 支出决算表 gives their codes. */
function subjectByName(p: FinalParts, topic: string, label: string | null): string | null {
  if (topic !== "EXECUTION" || !label) return null;
  const rows = (p.expenditure?.rows ?? []).filter((r) => r.code.length === 7);
  return rows.find((r) => r.name === label)?.code ?? rows.find((r) => label.endsWith(r.name))?.code ?? null;
}

/** Every figure the 决算's tables print, with its place. */
function publishedFigures(p: FinalParts): PublishedFigureDraft[] {
  const out: PublishedFigureDraft[] = [];
  const add = (tableKind: TableKind, rowLabel: string, columnLabel: string, fen: bigint | null | undefined, line: number | null, subjectCode: string | null = null) => {
    if (fen === null || fen === undefined) return;
    out.push({ tableKind, rowLabel, columnLabel, subjectCode, fen, line: p.doc.format === "TEXT" ? line : null, location: p.doc.place(line) });
  };
  for (const [kind, t] of [["FINAL_OVERVIEW", p.overview], ["FINAL_FISCAL_OVERVIEW", p.fiscal]] as const) for (const f of t?.figures ?? []) add(kind, f.label, f.column, f.fen, f.line);
  const subjects: [TableKind, FinalSubjectTable<string> | null][] = [["FINAL_INCOME", p.income], ["FINAL_EXPENDITURE", p.expenditure], ["FINAL_GENERAL_EXPENDITURE", p.general]];
  for (const [kind, t] of subjects) {
    if (!t) continue;
    for (const [col, fen] of Object.entries(t.total?.values ?? {})) add(kind, "合计", col, fen as bigint, t.total!.line);
    for (const r of t.rows) for (const [col, fen] of Object.entries(r.values)) add(kind, `${r.code} ${r.name}`, col, fen as bigint, r.line, r.code.length === 7 ? r.code : null);
  }
  for (const i of p.basic?.items ?? []) add("FINAL_BASIC_ECONOMIC", `${i.code} ${i.name}`, i.kind === "PERSONNEL" ? "人员经费" : "公用经费", i.fen, i.line);
  for (const f of [p.basic?.personnel, p.basic?.public]) if (f) add("FINAL_BASIC_ECONOMIC", f.label, f.column, f.fen, f.line);
  const tp = p.threePublic;
  for (const [what, values] of [["预算数", tp?.budgeted], ["决算数", tp?.final]] as const) {
    for (const [k, fen] of Object.entries(values ?? {})) add("FINAL_THREE_PUBLIC", what, k, fen, tp!.line);
  }
  return out;
}
