import { BUDGET_STAGES, type BudgetStageCode } from "../common/vocabulary";

/** A stage as typed on the command line, in any case ("final", "Final", "FINAL"); null when it names none. */
export function stageArgument(text: string | undefined): BudgetStageCode | null {
  const stage = (text ?? "").trim().toUpperCase();
  return (BUDGET_STAGES as readonly string[]).includes(stage) ? (stage as BudgetStageCode) : null;
}

export const STAGE_PROBLEM = `--stage takes one of ${BUDGET_STAGES.join(", ")} (in any case)`;
