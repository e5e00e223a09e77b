import type { ProjectCategoryCode } from "../../common/vocabulary";
import type { BundleIndicator } from "../bundle/bundle.types";
import type { BudgetModel, DiscrepancyDraft } from "../model";
import { type DisclosureDoc, TABLE_TITLES } from "./document";
import type { PerformanceProjectRow } from "./performance";
import type { DisclosureParts } from "./read-disclosure";

type ModelProject = BudgetModel["projects"][number];

interface Appearance {
  listing: number;
  row: PerformanceProjectRow;
}

interface Base {
  name: string;
  category: ProjectCategoryCode;
  line: number | null;
  total: bigint | null;
  lines: ModelProject["lines"];
  seen: Appearance[];
}

const PERF = TABLE_TITLES.PROJECT_PERFORMANCE;

/** Character overlap of two names (Dice), to pair a renamed project with its table row. */
function similarity(a: string, b: string): number {
  const bag = new Map<string, number>();
  for (const ch of a) bag.set(ch, (bag.get(ch) ?? 0) + 1);
  let common = 0;
  for (const ch of b) {
    const n = bag.get(ch) ?? 0;
    if (n > 0) (common++, bag.set(ch, n - 1));
  }
  return (2 * common) / (a.length + b.length);
}

/**
 * One project per row of 项目支出预算表; the performance table's listings (which repeat the
 * projects, sometimes under other codes or names) are linked to them, never added twice.
 * Each difference between the printings becomes a finding, each other printing an alias.
 */
export function linkProjects(p: DisclosureParts, units: BudgetModel["department"]["units"], findings: DiscrepancyDraft[]): ModelProject[] {
  const place = (line: number | null) => p.doc.place(line);
  const label = (line: number) => p.doc.lineLabel(line);
  const selfUnit = units.find((u) => u.isSelf)?.code ?? null;
  const bases: Base[] = (p.projectTable?.rows ?? []).map((r) => ({
    name: r.name,
    category: r.category,
    line: r.line,
    total: r.total,
    lines: r.lines.map((l) => ({ fundingSource: l.fundingSource, fen: l.fen, sourceRef: `${place(r.line)} ${TABLE_TITLES.PROJECTS} ${r.name} ${l.column}` })),
    seen: [],
  }));

  p.listings.forEach((listing, i) => {
    const taken = new Set<Base>();
    const rest: PerformanceProjectRow[] = [];
    for (const row of listing.projects) {
      const b = bases.find((x) => !taken.has(x) && x.name === row.name);
      if (b) (taken.add(b), b.seen.push({ listing: i, row }));
      else rest.push(row);
    }
    for (const row of rest) {
      const candidates = bases.filter((x) => !taken.has(x) && x.total !== null && x.total === row.amounts.total);
      const best = candidates.sort((a, b) => similarity(b.name, row.name) - similarity(a.name, row.name))[0];
      if (best) {
        taken.add(best);
        best.seen.push({ listing: i, row });
        continue;
      }
      findings.push({
        ruleId: "PROJECT_NOT_IN_PROJECT_TABLE",
        severity: "STRUCTURE",
        message: `项目“${row.name}”(${row.code}) 列于${PERF}，但${TABLE_TITLES.PROJECTS}中没有对应项目`,
        location: `${place(row.line)} ${PERF}`,
        valueKind: "TEXT",
        stated: null,
        computed: null,
      });
      const fresh: Base = { name: row.name, category: "SPECIFIC", line: null, total: row.amounts.total, lines: [], seen: [{ listing: i, row }] };
      if (row.amounts.government !== null) fresh.lines.push({ fundingSource: "GENERAL_PUBLIC_BUDGET", fen: row.amounts.government, sourceRef: `${place(row.line)} ${PERF} ${row.code}` });
      bases.push(fresh);
    }
  });

  return bases.map((b) => {
    const primary = [...b.seen].reverse().find((a) => a.row.indicators.length) ?? b.seen.at(-1);
    const others = b.seen.filter((a) => a !== primary);
    compare(b, primary, others, p.doc, findings, p.listings.length > 0);
    const aliases = others
      .filter((a) => a.row.code !== primary!.row.code || a.row.name !== b.name)
      .map((a) => ({ code: a.row.code, name: a.row.name, source: `${PERF} 第${a.listing + 1}次列示 (${label(a.row.line)})` }));
    if (primary && primary.row.name !== b.name) aliases.push({ code: primary.row.code, name: primary.row.name, source: `${PERF} 第${primary.listing + 1}次列示 (${label(primary.row.line)})` });
    return {
      code: primary?.row.code ?? null,
      name: b.name,
      category: b.category,
      unit: selfUnit,
      subject: null,
      lines: b.lines,
      aliases,
      indicators: (primary?.row.indicators ?? []).map(({ line: _line, ...ind }) => ind),
    };
  });
}

function key(ind: BundleIndicator): string {
  return `${ind.category ?? ""}|${ind.name}|${ind.target}`;
}

function compare(b: Base, primary: Appearance | undefined, others: Appearance[], doc: Pick<DisclosureDoc, "place" | "lineLabel">, findings: DiscrepancyDraft[], hasListings: boolean): void {
  const place = (line: number | null) => doc.place(line);
  const label = (line: number) => doc.lineLabel(line);
  const at = (a: Appearance) => `${place(a.row.line)} ${PERF}`;
  if (!primary) {
    if (hasListings) {
      findings.push({ ruleId: "PROJECT_WITHOUT_TARGETS", severity: "STRUCTURE", message: `项目“${b.name}”未列于${PERF}`, location: `${place(b.line)} ${TABLE_TITLES.PROJECTS}`, valueKind: "TEXT", stated: null, computed: null });
    }
    return;
  }
  for (const a of [primary, ...others]) {
    if (!/^\d{21}$/.test(a.row.code)) {
      findings.push({ ruleId: "PROJECT_CODE_FORMAT", severity: "STRUCTURE", message: `项目“${a.row.name}”的编码 ${a.row.code} 为 ${a.row.code.length} 位，标准为 21 位`, location: at(a), valueKind: "TEXT", stated: a.row.code, computed: null });
    }
    if (a.row.name !== b.name) {
      findings.push({ ruleId: "PROJECT_NAME_VARIES", severity: "NAMING", message: `同一项目名称不一致：${TABLE_TITLES.PROJECTS}作“${b.name}”，${PERF}作“${a.row.name}”`, location: at(a), valueKind: "TEXT", stated: a.row.name, computed: b.name });
    }
    if (b.total !== null && a.row.amounts.total !== null && a.row.amounts.total !== b.total) {
      findings.push({ ruleId: "PROJECT_AMOUNT_MATCHES", severity: "MATERIAL", message: `项目“${b.name}”金额：${PERF} ${a.row.amounts.total}分，${TABLE_TITLES.PROJECTS} ${b.total}分`, location: at(a), valueKind: "MONEY", stated: a.row.amounts.total.toString(), computed: b.total.toString() });
    }
  }
  for (const a of others) {
    if (a.row.code !== primary.row.code) {
      findings.push({
        ruleId: "PROJECT_CODE_VARIES",
        severity: "NAMING",
        message: `项目“${b.name}”在${PERF}中以不同编码列示：${a.row.code} (${label(a.row.line)}) 与 ${primary.row.code} (${label(primary.row.line)})`,
        location: at(a),
        valueKind: "TEXT",
        stated: a.row.code,
        computed: primary.row.code,
      });
    }
    if (a.row.indicators.length && primary.row.indicators.length) {
      const mine = new Set(primary.row.indicators.map(key));
      const theirs = new Set(a.row.indicators.map(key));
      const only = [...theirs].filter((k) => !mine.has(k));
      const missing = [...mine].filter((k) => !theirs.has(k));
      if (only.length || missing.length) {
        findings.push({
          ruleId: "PROJECT_INDICATORS_VARY",
          severity: "NAMING",
          message: `项目“${b.name}”两次列示的绩效指标不同：${label(a.row.line)}有 ${only.map((k) => k.split("|").slice(1).join(" ")).join("；") || "—"}，${label(primary.row.line)}有 ${missing.map((k) => k.split("|").slice(1).join(" ")).join("；") || "—"}`,
          location: at(a),
          valueKind: "TEXT",
          stated: null,
          computed: null,
        });
      }
    }
  }
}
