import { oneEach } from "../../common/loaders";
import type { ExecutionService } from "./execution.service";

/** Each 决算's execution, for many budgets in one batch. */
export function executionLoaders(execution: ExecutionService) {
  return {
    execution: oneEach((ids: readonly number[]) => execution.ofBudgets(ids), (e) => e.budgetId),
  };
}
