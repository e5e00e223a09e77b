import type { BudgetModel } from "../../src/ingest/model";

const big = (_k: string, v: unknown) => (typeof v === "bigint" ? `${v}n` : v);

/** A message or label with the places it names set aside: "第12行", "page 3 line 4", "收支总表 row 7", "收支总表!B7". */
export function withoutPlaces(s: string): string {
  return s.replace(/第\d+行|page \d+ line \d+|[^\s(（、]+ row \d+|[^\s(（、]+![A-Z]+\d+/g, "·");
}
const sorted = <T>(xs: T[]) => [...xs].sort((a, b) => (JSON.stringify(a, big) < JSON.stringify(b, big) ? -1 : 1));

/**
 * Everything a document told the importer, without where it told it: the same disclosure read
 * from its text, its PDF or its spreadsheet must give equal facts (places differ by design:
 * "a.txt:12", "a.pdf page 3 line 4", "a.xlsx 收支总表!B7").
 */
export function modelFacts(m: BudgetModel) {
  const noRef = <T extends { sourceRef: string | null }>({ sourceRef: _r, ...rest }: T) => rest;
  return {
    department: m.department,
    year: m.year,
    stage: m.stage,
    amountUnit: m.amountUnit,
    title: m.title,
    stated: m.stated,
    subjectLines: sorted(m.subjectLines.map(noRef)),
    subjectRowTotals: sorted(m.subjectRowTotals.map(noRef)),
    economicLines: sorted(m.economicLines.map(noRef)),
    incomeLines: sorted(m.incomeLines.map(noRef)),
    projects: m.projects.map((p) => ({ ...p, lines: p.lines.map(noRef), aliases: p.aliases.map((a) => ({ ...a, source: withoutPlaces(a.source) })) })),
    departmentIndicators: m.departmentIndicators,
    threePublic: m.threePublic,
    operatingFunds: m.operatingFunds,
    procurement: m.procurement,
    assets: m.assets,
    claims: m.claims,
    publishedFigures: m.publishedFigures.map(({ line: _l, location: _p, ...f }) => f),
    tables: m.tables.map(({ line: _l, location: _p, ...t }) => t),
    texts: m.texts.map(({ line: _l, ...t }) => t),
    findings: sorted(m.findings.map(({ location: _p, ...f }) => ({ ...f, message: withoutPlaces(f.message) }))),
  };
}
