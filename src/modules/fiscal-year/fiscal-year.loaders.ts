import { byArgs } from "../../common/loaders";
import type { Page } from "../../common/relay";
import type { BudgetStage } from "../budget/budget.type";
import type { FiscalYearService } from "./fiscal-year.service";

/** Each year's zone totals of a stage, the stages each year has, and a page of each year's departments with its count. */
export function fiscalYearLoaders(fiscalYears: FiscalYearService) {
  return {
    yearSummary: byArgs(
      (k: { year: number; stage: BudgetStage }) => k.stage,
      async (keys) => {
        const summaries = await fiscalYears.summaries(keys.map((k) => k.year), keys[0]!.stage);
        return keys.map((k) => summaries.find((s) => s.year === k.year)!);
      },
    ),
    yearStages: byArgs(
      (_: number) => "",
      async (years) => {
        const stages = await fiscalYears.stagesOf(years);
        return years.map((y) => stages.get(y) ?? []);
      },
    ),
    yearDepartmentPage: byArgs(
      (k: { year: number; stage: BudgetStage; page: Page }) => JSON.stringify([k.stage, k.page]),
      async (keys) => {
        const pages = await fiscalYears.departmentPages(keys.map((k) => k.year), keys[0]!.stage, keys[0]!.page);
        return keys.map((k) => pages.get(k.year) ?? []);
      },
    ),
    yearDepartmentCount: byArgs(
      (k: { year: number; stage: BudgetStage }) => k.stage,
      async (keys) => {
        const counts = await fiscalYears.departmentCounts(keys.map((k) => k.year), keys[0]!.stage);
        return keys.map((k) => counts.get(k.year) ?? 0);
      },
    ),
  };
}
