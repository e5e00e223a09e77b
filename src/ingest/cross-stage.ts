import type { EntityManager } from "typeorm";
import { formatFen, toFen, toFenOrNull } from "../common/money";
import { insertDiscrepancy } from "./cross-year";
import type { DiscrepancyDraft } from "./model";

/** A 决算's year-begin figures against the 预算 of its year: one rule, reported on both documents. */
export const YEAR_BEGIN_RULE = "YEAR_BEGIN_MATCHES_BUDGET";

interface Ref {
  id: number;
  departmentId: number;
  year: number;
  stage: string;
  label: string;
}

/**
 * A 决算 prints the year-begin budget (年初预算数) it was spent against; the department's 预算
 * of that year printed it first. Each 项, the total and the “三公” 预算数 must agree: a difference
 * is MATERIAL, and is found whichever of the two documents is imported second (both get it).
 */
export async function crossStageChecks(m: EntityManager, budget: Ref): Promise<DiscrepancyDraft[]> {
  if (budget.stage !== "BUDGET" && budget.stage !== "FINAL") return [];
  const other = await counterpart(m, budget, budget.stage === "FINAL" ? "BUDGET" : "FINAL");
  if (!other) return [];
  const [final, plan] = budget.stage === "FINAL" ? [budget, other] : [other, budget];
  await m.query("DELETE FROM discrepancy WHERE budget_id IN (?, ?) AND rule_id = ?", [final.id, plan.id, YEAR_BEGIN_RULE]);
  const findings = await compare(m, final, plan);
  const mine = budget.id === final.id ? findings.final : findings.plan;
  const theirs = budget.id === final.id ? findings.plan : findings.final;
  for (const d of theirs) await insertDiscrepancy(m, other.id, d);
  return mine;
}

async function counterpart(m: EntityManager, b: Ref, stage: string): Promise<Ref | null> {
  const [r] = await m.query(
    "SELECT b.id, s.file_name FROM department_budget b LEFT JOIN source_document s ON s.id = b.source_document_id WHERE b.department_id = ? AND b.year = ? AND b.stage = ? AND b.is_current = 1",
    [b.departmentId, b.year, stage],
  );
  return r ? { id: Number(r.id), departmentId: b.departmentId, year: b.year, stage, label: String(r.file_name ?? `budget ${r.id}`) } : null;
}

/** What the 预算 printed per 项: its row totals (for a bundle without them, each row's lines added up). */
async function budgetedBySubject(m: EntityManager, budgetId: number): Promise<Map<string, bigint>> {
  const rows = await m.query("SELECT subject_code, SUM(amount_fen) AS amount_fen FROM subject_row_total WHERE budget_id = ? GROUP BY subject_code", [budgetId]);
  return new Map(rows.map((r: Record<string, unknown>) => [String(r.subject_code), toFen(r.amount_fen)]));
}

async function compare(m: EntityManager, final: Ref, plan: Ref): Promise<{ final: DiscrepancyDraft[]; plan: DiscrepancyDraft[] }> {
  const out: { what: string; stated: bigint; computed: bigint }[] = [];
  const budgeted = await budgetedBySubject(m, plan.id);
  for (const r of await m.query("SELECT subject_code, amount_fen FROM year_begin_line WHERE budget_id = ? ORDER BY id", [final.id])) {
    const stated = toFen(r.amount_fen);
    const computed = budgeted.get(String(r.subject_code)) ?? 0n;
    if (stated !== computed) out.push({ what: `科目 ${r.subject_code} 年初预算数`, stated, computed });
  }
  const [f] = await m.query("SELECT stated_year_begin_total AS t FROM department_budget WHERE id = ?", [final.id]);
  const [g] = await m.query(
    "SELECT amount_fen FROM published_figure WHERE budget_id = ? AND table_kind = 'GENERAL_EXPENDITURE' AND row_label = '合计' AND column_label = '合计'",
    [plan.id],
  );
  const [p] = await m.query("SELECT stated_expenditure_total AS t FROM department_budget WHERE id = ?", [plan.id]);
  const yearBeginTotal = toFenOrNull(f?.t);
  const planTotal = toFenOrNull(g?.amount_fen) ?? toFenOrNull(p?.t);
  if (yearBeginTotal !== null && planTotal !== null && yearBeginTotal !== planTotal) out.push({ what: "一般公共预算财政拨款支出年初预算合计", stated: yearBeginTotal, computed: planTotal });
  const [tb] = await m.query("SELECT total_fen FROM three_public_budgeted WHERE budget_id = ?", [final.id]);
  const [tp] = await m.query("SELECT total_fen FROM three_public_expense WHERE budget_id = ?", [plan.id]);
  const threeFinal = toFenOrNull(tb?.total_fen);
  const threePlan = toFenOrNull(tp?.total_fen);
  if (threeFinal !== null && threePlan !== null && threeFinal !== threePlan) out.push({ what: "“三公”经费预算数", stated: threeFinal, computed: threePlan });
  const draft = (x: (typeof out)[number], location: string): DiscrepancyDraft => ({
    ruleId: YEAR_BEGIN_RULE,
    severity: "MATERIAL",
    message: `${final.year}年决算所列${x.what} ${formatFen(x.stated, "WAN_YUAN")}万元，与${plan.year}年部门预算 ${formatFen(x.computed, "WAN_YUAN")}万元不一致`,
    location,
    valueKind: "MONEY",
    stated: x.stated.toString(),
    computed: x.computed.toString(),
  });
  return {
    final: out.map((x) => draft(x, `${final.label} 年初预算数 ↔ ${plan.label}`)),
    plan: out.map((x) => draft(x, `${plan.label} ↔ ${final.label} 年初预算数`)),
  };
}
