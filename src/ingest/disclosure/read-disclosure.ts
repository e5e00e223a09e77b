import type { EconomicKindCode, ExpenditureKindCode } from "../../common/vocabulary";
import type { MoneyUnitCode, PrintedUnit } from "../../common/money";
import { ZONE_REGION } from "../../common/zone";
import type { ExpenditureCategoryCode, FundingSourceCode } from "../bundle/bundle.types";
import type { BudgetModel, DiscrepancyDraft, PublishedFigureDraft, TextDraft } from "../model";
import { documentChecks } from "./checks";
import { readTextLayout } from "../front-ends/text";
import type { Layout } from "../layout";
import { DocumentError, type DisclosureDoc, TABLE_TITLES, type TableBlock, type TableKind, readLayoutDocument } from "./document";
import { readFinalParts } from "./read-final";
import { documentUnit, inventory, mostCommon, roundStoredNumbers, unreadableDocument } from "./shared-parts";
import { readNarrative } from "./narrative";
import { linkProjects } from "./link-projects";
import { readDepartmentPerformance, readProjectPerformance } from "./performance";
import {
  readEconomicTable,
  readFiscalOverview,
  readOverview,
  readProjectTable,
  readSubjectTable,
  readThreePublic,
} from "./tables";

const CATEGORY_OF: Record<string, { kind: ExpenditureKindCode; category: ExpenditureCategoryCode }> = {
  工资福利支出: { kind: "PERSONNEL", category: "WAGES_AND_WELFARE" },
  对个人和家庭的补助: { kind: "PERSONNEL", category: "HOUSEHOLD_SUBSIDIES" },
  商品和服务支出: { kind: "PUBLIC", category: "GOODS_AND_SERVICES" },
  资本性支出: { kind: "PUBLIC", category: "CAPITAL" },
  其他运转类: { kind: "PROJECT", category: "OPERATING" },
  特定目标类: { kind: "PROJECT", category: "SPECIFIC" },
};

/** Everything read from the document's parts, for the checks that compare them. */
export interface DisclosureParts {
  doc: DisclosureDoc;
  unit: MoneyUnitCode;
  overview: ReturnType<typeof readOverview> | null;
  expenditure: ReturnType<typeof readSubjectTable> | null;
  general: ReturnType<typeof readSubjectTable> | null;
  fiscal: ReturnType<typeof readFiscalOverview> | null;
  economic: ReturnType<typeof readEconomicTable> | null;
  threePublic: ReturnType<typeof readThreePublic> | null;
  projectTable: ReturnType<typeof readProjectTable> | null;
  listings: ReturnType<typeof readProjectPerformance>;
  deptPerformance: ReturnType<typeof readDepartmentPerformance> | null;
  narrative: ReturnType<typeof readNarrative>;
}

/** Reads a budget disclosure's text form into the load model. */
export function readDisclosure(fileName: string, text: string): BudgetModel {
  return readDisclosureLayout(readTextLayout(fileName, text));
}

/**
 * Reads a budget disclosure, as any front end laid it out, into the load model: what it
 * published, where it published it, and what only the document itself can show to be
 * inconsistent. Problems are placed in the file's own terms (line, page and row, sheet and cell).
 */
export function readDisclosureLayout(layout: Layout): BudgetModel {
  const doc = readLayoutDocument(layout);
  try {
    return doc.stage === "FINAL" ? readFinalParts(doc) : readParts(doc);
  } catch (e) {
    if (e instanceof DocumentError) throw e.placedIn(doc);
    throw e;
  }
}

function readParts(doc: DisclosureDoc): BudgetModel {
  const fileName = doc.fileName;
  const unit = documentUnit(doc);
  const table = (kind: TableKind): TableBlock | null => doc.tables.find((t) => t.kind === kind) ?? null;
  const rounded: DiscrepancyDraft[] = [];
  const read = <T>(kind: TableKind, fn: (t: TableBlock, ctx: { fileName: string; unit: PrintedUnit }) => T): T | null => {
    const t = table(kind);
    return t ? fn(roundStoredNumbers(doc, t, t.unit ?? unit, rounded), { fileName, unit: t.unit ?? unit }) : null;
  };
  const parts: DisclosureParts = {
    doc,
    unit,
    overview: read("OVERVIEW", readOverview),
    expenditure: read("EXPENDITURE", readSubjectTable),
    general: read("GENERAL_EXPENDITURE", readSubjectTable),
    fiscal: read("FISCAL_OVERVIEW", readFiscalOverview),
    economic: read("BASIC_ECONOMIC", readEconomicTable),
    threePublic: read("THREE_PUBLIC", readThreePublic),
    projectTable: read("PROJECTS", readProjectTable),
    listings: read("PROJECT_PERFORMANCE", (t, ctx) => readProjectPerformance(t, ctx.unit, fileName)) ?? [],
    deptPerformance: read("DEPT_PERFORMANCE", (t, ctx) => readDepartmentPerformance(t, ctx.unit, fileName)),
    narrative: readNarrative(doc, unit),
  };
  refuseUnreadable(parts);
  if (!parts.expenditure?.total && !parts.overview?.expenditureTotal) throw unreadableDocument(doc);

  const department = identify(parts);
  const findings: DiscrepancyDraft[] = [];
  const linked = linkProjects(parts, department.units, findings);
  const selfUnit = department.units.find((u) => u.isSelf)?.code ?? null;

  const model: BudgetModel = {
    department,
    year: doc.year,
    stage: doc.stage,
    amountUnit: unit,
    title: doc.titled ? doc.title.text : null,
    stated: {
      incomeTotal: parts.overview?.incomeTotal?.fen ?? parts.fiscal?.incomeTotal?.fen ?? null,
      expenditureTotal: parts.overview?.expenditureTotal?.fen ?? parts.expenditure?.total?.values.合计 ?? null,
      basic: parts.expenditure?.total?.values.基本支出小计 ?? null,
      project: parts.expenditure?.total?.values.项目支出小计 ?? null,
      personnel: parts.economic?.total?.personnel ?? null,
      public: parts.economic?.total?.public ?? null,
    },
    subjectLines: subjectLines(parts, selfUnit),
    subjectRowTotals: subjectRowTotals(parts, selfUnit),
    economicLines: (parts.economic?.rows ?? []).flatMap((r) => {
      const kind = economicKind(r.deptCode, r.personnel, r.public);
      const fen = (kind === "PERSONNEL" ? r.personnel : r.public) ?? r.total;
      if (fen === null) return [];
      return [{
        unit: department.units.find((u) => u.isSelf)?.code ?? null,
        deptCode: r.deptCode,
        deptName: r.deptName,
        govCode: r.govCode,
        govName: r.govName,
        kind,
        fundingSource: "GENERAL_PUBLIC_BUDGET" as const,
        fen,
        sourceRef: `${doc.place(r.line)} ${TABLE_TITLES.BASIC_ECONOMIC} ${r.deptCode}/${r.govCode}`,
      }];
    }),
    incomeLines: (parts.overview?.income ?? []).map((l) => ({
      source: l.source,
      label: l.label,
      fen: l.fen,
      sourceRef: `${doc.place(l.line)} ${TABLE_TITLES.OVERVIEW} ${l.label}`,
    })),
    projects: linked,
    departmentIndicators: (parts.deptPerformance?.indicators ?? []).map(({ line: _line, ...ind }) => ind),
    threePublic: parts.threePublic?.values ?? parts.narrative.threePublic,
    yearBegin: [],
    yearBeginTotal: null,
    threePublicBudgeted: null,
    operatingFunds: parts.narrative.operatingFunds,
    procurement: parts.narrative.procurement,
    assets: parts.narrative.assets,
    claims: parts.narrative.claims.map(({ line: _line, ...c }) => ({ ...c, subject: c.subject ?? subjectByName(parts, c.topic, c.label) })),
    publishedFigures: publishedFigures(parts),
    tables: inventory(doc),
    texts: texts(parts),
    findings,
  };
  findings.push(...rounded, ...documentChecks(parts, model));
  return model;
}


/**
 * A document cut short, or a table whose figures the reader cannot place, is refused rather
 * than imported in part: an import is all or nothing.
 */
function refuseUnreadable(p: DisclosureParts): void {
  const { doc } = p;
  const presentKinds = new Set(doc.tables.map((t) => t.kind));
  const lastPresent = doc.listed.reduce((at, l, i) => (presentKinds.has(l.kind) ? i : at), -1);
  const after = doc.listed.slice(lastPresent + 1);
  if (lastPresent >= 0 && after.length > 1) {
    throw new DocumentError(doc.fileName, doc.lines.length, `the document ends before ${after.map((l) => `“${l.title}”`).join(", ")} (listed in the contents at line ${after[0]!.no}): it looks truncated`);
  }
  const hasFigures = (t: TableBlock) => t.rows.some((r) => r.cells.some((c) => /\d[\d,]*\.\d/.test(c)));
  const unreadable: [TableKind, boolean][] = [
    ["EXPENDITURE", !!p.expenditure && !p.expenditure.total && !p.expenditure.rows.length],
    ["BASIC_ECONOMIC", !!p.economic && !p.economic.total && !p.economic.rows.length],
    ["PROJECTS", !!p.projectTable && !p.projectTable.total && !p.projectTable.rows.length],
    ["OVERVIEW", !!p.overview && !p.overview.figures.length],
  ];
  for (const [kind, failed] of unreadable) {
    const t = doc.tables.find((x) => x.kind === kind)!;
    if (failed && hasFigures(t)) throw new DocumentError(doc.fileName, t.no, `cannot read “${t.title}”: it has figures but no row in the standard layout`);
  }
}

/**
 * The subject table does not split money by source; the 一般公共预算支出情况表 is the
 * general-budget part of each of its cells. So each cell becomes a general-budget line for what
 * that table prints and, for the rest, a line of the document's one other income source (OTHER
 * when there are several, or when the general table is missing and income has several sources).
 */
function subjectLines(p: DisclosureParts, unit: string | null): BudgetModel["subjectLines"] {
  const sources = [...new Set((p.overview?.income ?? []).map((l) => l.source))];
  const others = sources.filter((s) => s !== "GENERAL_PUBLIC_BUDGET");
  const otherSource: FundingSourceCode = others.length === 1 ? others[0]! : "OTHER";
  const onlySource: FundingSourceCode | null = sources.length === 1 ? sources[0]! : null;
  const general = new Map((p.general?.rows ?? []).map((r) => [r.code!, r]));
  return (p.expenditure?.rows ?? []).flatMap((r) =>
    Object.entries(r.values).flatMap(([column, fen]) => {
      const c = CATEGORY_OF[column];
      if (!c) return [];
      const line = (fundingSource: FundingSourceCode, amount: bigint) => ({
        unit,
        subject: r.code!,
        subjectName: r.name,
        kind: c.kind,
        category: c.category,
        fundingSource,
        fen: amount,
        sourceRef: `${p.doc.place(r.line)} ${TABLE_TITLES.EXPENDITURE} ${r.code} ${column}`,
      });
      if (onlySource || !p.general) return [line(onlySource ?? "OTHER", fen)];
      const gpb = general.get(r.code!)?.values[column as keyof typeof r.values] ?? 0n;
      const split = gpb > fen ? fen : gpb;
      return [...(split > 0n ? [line("GENERAL_PUBLIC_BUDGET", split)] : []), ...(fen - split > 0n ? [line(otherSource, fen - split)] : [])];
    }),
  );
}

/** Each subject row's printed 合计, the row's own total beside its cells (the lines above). */
function subjectRowTotals(p: DisclosureParts, unit: string | null): BudgetModel["subjectRowTotals"] {
  return (p.expenditure?.rows ?? []).flatMap((r) => {
    const fen = r.values.合计;
    if (fen === undefined) return [];
    return [{ unit, subject: r.code!, fen, sourceRef: `${p.doc.place(r.line)} ${TABLE_TITLES.EXPENDITURE} ${r.code} 合计` }];
  });
}


/** 人员经费 are 工资福利支出 (301) and 对个人和家庭的补助 (303); the rest of 基本支出 is 公用经费. */
function economicKind(deptCode: string, personnel: bigint | null, pub: bigint | null): EconomicKindCode {
  if (personnel !== null && pub === null) return "PERSONNEL";
  if (pub !== null && personnel === null) return "PUBLIC";
  return /^30[13]/.test(deptCode) ? "PERSONNEL" : "PUBLIC";
}

function identify(p: DisclosureParts): BudgetModel["department"] {
  const names = p.doc.tables.map((t) => t.departmentName).filter((n): n is string => !!n);
  const name = mostCommon(names);
  if (!name) throw new DocumentError(p.doc.fileName, p.doc.tables[0]?.no ?? null, "no table prints 部门名称: the department cannot be identified");
  const code =
    p.expenditure?.units.find((u) => u.unitCode!.length === 3)?.unitCode ??
    p.projectTable?.department?.code ??
    p.listings.find((l) => l.departmentCode)?.departmentCode ??
    null;
  if (!code) {
    throw new DocumentError(p.doc.fileName, p.expenditure ? p.doc.tables.find((t) => t.kind === "EXPENDITURE")!.no : null, "no department code (单位代码, e.g. 007) in 部门支出总体情况表, 项目支出预算表 or 项目绩效目标汇总表");
  }
  const unitCodes = new Set<string>();
  for (const l of p.listings) if (l.unitCode) unitCodes.add(l.unitCode);
  for (const u of p.expenditure?.units ?? []) if (u.unitCode!.length > 3) unitCodes.add(u.unitCode!);
  const units = [...unitCodes].sort().map((c) => ({ code: c, name: c.endsWith("001") ? name : (p.expenditure?.units.find((u) => u.unitCode === c)?.name ?? name), isSelf: c === `${code}001` }));
  const projectCode = p.listings.flatMap((l) => l.projects).find((r) => /^\d{21,22}$/.test(r.code))?.code;
  return { code, name, shortName: p.doc.shortName, regionCode: projectCode ? projectCode.slice(0, 6) : ZONE_REGION, units };
}


/** The narrative names subjects; the tables give their codes. */
function subjectByName(p: DisclosureParts, topic: string, label: string | null): string | null {
  if (topic !== "SUBJECT_SHARE" || !label) return null;
  const rows = p.expenditure?.rows ?? [];
  const exact = rows.find((r) => r.name === label);
  if (exact) return exact.code;
  // Same characters in another order ("仲裁调解" for "调解仲裁"): the same subject, printed differently.
  const sorted = (s: string) => [...s].sort().join("");
  return rows.find((r) => sorted(r.name) === sorted(label))?.code ?? null;
}

function publishedFigures(p: DisclosureParts): PublishedFigureDraft[] {
  const out: PublishedFigureDraft[] = [];
  const add = (tableKind: TableKind | "NARRATIVE", rowLabel: string, columnLabel: string, fen: bigint | null | undefined, line: number | null, subjectCode: string | null = null) => {
    if (fen === null || fen === undefined) return;
    out.push({ tableKind, rowLabel, columnLabel, subjectCode, fen, line: p.doc.format === "TEXT" ? line : null, location: p.doc.place(line) });
  };
  for (const f of p.overview?.figures ?? []) add("OVERVIEW", f.label, f.column, f.fen, f.line);
  for (const [kind, t] of [["EXPENDITURE", p.expenditure], ["GENERAL_EXPENDITURE", p.general]] as const) {
    if (!t) continue;
    for (const r of [t.total, ...t.units, ...t.rows]) {
      if (!r) continue;
      for (const [col, fen] of Object.entries(r.values)) add(kind, r.code ? `${r.code} ${r.name}` : r.unitCode ? `${r.unitCode} ${r.name}` : r.name, col, fen, r.line, r.code);
    }
  }
  for (const f of p.fiscal?.figures ?? []) add("FISCAL_OVERVIEW", f.label, f.column, f.fen, f.line);
  const e = p.economic?.total;
  if (e) for (const [col, fen] of [["合计", e.total], ["人员经费", e.personnel], ["公用经费", e.public]] as const) add("BASIC_ECONOMIC", "合计", col, fen, e.line);
  const pt = p.projectTable;
  if (pt?.total) add("PROJECTS", "合计", "合计", pt.total.fen, pt.total.line);
  if (pt?.department) add("PROJECTS", `${pt.department.code} ${pt.department.label}`, "合计", pt.department.fen, pt.department.line);
  for (const r of pt?.rows ?? []) add("PROJECTS", r.name, "合计", r.total, r.line);
  p.listings.forEach((l, i) => {
    add("PROJECT_PERFORMANCE", `第${i + 1}次列示 ${l.departmentCode ?? l.unitCode ?? ""}`.trim(), "资金总额", l.stated.total, l.line);
    add("PROJECT_PERFORMANCE", `第${i + 1}次列示 ${l.departmentCode ?? l.unitCode ?? ""}`.trim(), "政府预算资金", l.stated.government, l.line);
    if (l.unitRow) {
      add("PROJECT_PERFORMANCE", `第${i + 1}次列示 ${l.unitCode}`, "资金总额", l.unitRow.total, l.unitRow.line);
      add("PROJECT_PERFORMANCE", `第${i + 1}次列示 ${l.unitCode}`, "政府预算资金", l.unitRow.government, l.unitRow.line);
    }
    for (const r of l.projects) {
      const row = `第${i + 1}次列示 ${r.code} ${r.name}`;
      add("PROJECT_PERFORMANCE", row, "资金总额", r.amounts.total, r.line);
      add("PROJECT_PERFORMANCE", row, "政府预算资金", r.amounts.government, r.line);
      add("PROJECT_PERFORMANCE", row, "财政专户管理资金", r.amounts.specialAccount, r.line);
      add("PROJECT_PERFORMANCE", row, "单位资金", r.amounts.unitFunds, r.line);
    }
  });
  for (const f of p.deptPerformance?.figures ?? []) add("DEPT_PERFORMANCE", f.label, "金额", f.amount, f.line);
  return out;
}

function texts(p: DisclosureParts): TextDraft[] {
  const out: TextDraft[] = [];
  p.narrative.duties.forEach((body, i) => out.push({ kind: "DUTY", position: i, title: null, body, line: null }));
  if (p.narrative.divisions) out.push({ kind: "DIVISIONS", position: 0, title: null, body: p.narrative.divisions, line: null });
  if (p.narrative.specialTransfers) out.push({ kind: "SPECIAL_TRANSFERS", position: 0, title: null, body: p.narrative.specialTransfers, line: null });
  if (p.deptPerformance?.goals) out.push({ kind: "GOALS", position: 0, title: null, body: p.deptPerformance.goals, line: null });
  p.deptPerformance?.tasks.forEach((t, i) => out.push({ kind: "TASK", position: i, title: t.name, body: t.content, line: t.line }));
  return out;
}
