import { byArgs, manyEach, oneEach } from "../../common/loaders";
import type { BudgetKey, BudgetService } from "./budget.service";

/** A budget's rows: its totals, fact lines, special measures, findings and document parts. */
export function budgetLoaders(budgets: BudgetService) {
  const byBudget = <V extends { budgetId: number }>(fetch: (ids: readonly number[]) => Promise<V[]>) => manyEach(fetch, (v) => v.budgetId);
  const oneByBudget = <V extends { budgetId: number }>(fetch: (ids: readonly number[]) => Promise<V[]>) => oneEach(fetch, (v) => v.budgetId);
  return {
    currentBudget: byArgs(
      (k: BudgetKey) => k.stage,
      async (keys) => {
        const found = await budgets.currentFor(keys);
        return keys.map((k) => found.find((b) => b.departmentId === k.departmentId && b.year === k.year && b.stage === k.stage) ?? null);
      },
    ),
    budget: oneEach((ids: readonly number[]) => budgets.byIds(ids), (b) => b.id),
    budgetsOfDepartment: manyEach((ids: readonly number[]) => budgets.ofDepartments(ids), (b) => b.departmentId),
    allBudgetsOfDepartment: manyEach((ids: readonly number[]) => budgets.ofDepartments(ids, true), (b) => b.departmentId),
    computedTotals: oneByBudget((ids) => budgets.computedTotals(ids)),
    subjectLines: byBudget((ids) => budgets.subjectLines(ids)),
    economicLines: byBudget((ids) => budgets.economicLines(ids)),
    incomeLines: byBudget((ids) => budgets.incomeLines(ids)),
    threePublic: oneByBudget((ids) => budgets.threePublic(ids)),
    operatingFunds: oneByBudget((ids) => budgets.operatingFunds(ids)),
    procurement: oneByBudget((ids) => budgets.procurement(ids)),
    assets: byBudget((ids) => budgets.assets(ids)),
    claims: byBudget((ids) => budgets.claims(ids)),
    discrepancies: byBudget((ids) => budgets.discrepancies(ids)),
    sourceDocument: oneEach((ids: readonly number[]) => budgets.sourceDocuments(ids), (d) => d.id),
    publishedFigures: byBudget((ids) => budgets.publishedFigures(ids)),
    documentTables: byBudget((ids) => budgets.documentTables(ids)),
    documentTexts: byBudget((ids) => budgets.documentTexts(ids)),
  };
}
