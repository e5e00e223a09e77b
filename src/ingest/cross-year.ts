import type { EntityManager } from "typeorm";
import { formatFen, toFen, toFenOrNull } from "../common/money";
import type { DiscrepancyDraft } from "./model";

/** Narrative topics whose stated change implies last year's figure, and where that figure lives. */
const FIGURE_SQL: Record<string, string> = {
  INCOME_TOTAL: "SELECT stated_income_total AS fen FROM department_budget WHERE id = ?",
  EXPENDITURE_TOTAL: "SELECT stated_expenditure_total AS fen FROM department_budget WHERE id = ?",
  GENERAL_BUDGET_TOTAL: "SELECT SUM(amount_fen) AS fen FROM income_line WHERE budget_id = ? AND funding_source = 'GENERAL_PUBLIC_BUDGET'",
  OPERATING_FUNDS_TOTAL: "SELECT total_fen AS fen FROM operating_funds WHERE budget_id = ?",
  THREE_PUBLIC_TOTAL: "SELECT total_fen AS fen FROM three_public_expense WHERE budget_id = ?",
};

export const PRIOR_YEAR_RULE = "PRIOR_YEAR_MATCHES";

interface BudgetRef {
  id: number;
  year: number;
  label: string;
}

/**
 * A document states last year's figures through its changes ("减少 180.8 万元"): checks them
 * against last year's own imported document, in both directions — the new budget against the
 * year before, and the year after (already imported) against the new one.
 */
export async function crossYearChecks(m: EntityManager, budget: BudgetRef & { departmentId: number; stage: string }): Promise<DiscrepancyDraft[]> {
  const find = async (year: number): Promise<BudgetRef | null> => {
    const rows = await m.query(
      "SELECT b.id, b.year, s.file_name FROM department_budget b LEFT JOIN source_document s ON s.id = b.source_document_id WHERE b.department_id = ? AND b.year = ? AND b.stage = ? AND b.is_current = 1",
      [budget.departmentId, year, budget.stage],
    );
    return rows[0] ? { id: Number(rows[0].id), year, label: String(rows[0].file_name ?? `budget ${rows[0].id}`) } : null;
  };
  const own: DiscrepancyDraft[] = [];
  const prior = await find(budget.year - 1);
  if (prior) own.push(...(await compare(m, budget, prior)));
  const next = await find(budget.year + 1);
  if (next) {
    await m.query("DELETE FROM discrepancy WHERE budget_id = ? AND rule_id = ?", [next.id, PRIOR_YEAR_RULE]);
    for (const d of await compare(m, next, budget)) await insertDiscrepancy(m, next.id, d);
  }
  return own;
}

async function compare(m: EntityManager, later: BudgetRef, earlier: BudgetRef): Promise<DiscrepancyDraft[]> {
  const claims = await m.query(
    "SELECT topic, section, amount_fen, change_fen FROM narrative_claim WHERE budget_id = ? AND amount_fen IS NOT NULL AND change_fen IS NOT NULL ORDER BY position",
    [later.id],
  );
  const out: DiscrepancyDraft[] = [];
  for (const c of claims) {
    const sql = FIGURE_SQL[String(c.topic)];
    if (!sql) continue;
    const [row] = await m.query(sql, [earlier.id]);
    const actual = toFenOrNull(row?.fen);
    if (actual === null) continue;
    const implied = toFen(c.amount_fen) - toFen(c.change_fen);
    if (implied === actual) continue;
    out.push({
      ruleId: PRIOR_YEAR_RULE,
      severity: "MATERIAL",
      message: `${later.year}年说明 ${c.topic} implies ${earlier.year} was ${formatFen(implied, "WAN_YUAN")}万元; ${earlier.year}年文件 states ${formatFen(actual, "WAN_YUAN")}万元`,
      location: `${later.label} 说明 ${c.section} ↔ ${earlier.label}`,
      valueKind: "MONEY",
      stated: implied.toString(),
      computed: actual.toString(),
    });
  }
  return out;
}

export async function insertDiscrepancy(m: EntityManager, budgetId: number, d: DiscrepancyDraft): Promise<void> {
  await m.query(
    "INSERT INTO discrepancy (budget_id, rule_id, severity, message, location, value_kind, stated, computed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    [budgetId, d.ruleId, d.severity, d.message, d.location, d.valueKind, d.stated, d.computed],
  );
}
