import { byArgs, oneEach } from "../../common/loaders";
import type { Page } from "../../common/relay";
import type { FiscalYearService } from "./fiscal-year.service";

/** Each year's zone totals, and a page of each year's departments with its count. */
export function fiscalYearLoaders(fiscalYears: FiscalYearService) {
  return {
    yearSummary: oneEach((years: readonly number[]) => fiscalYears.summaries(years), (y) => y.year),
    yearDepartmentPage: byArgs(
      (k: { year: number; page: Page }) => JSON.stringify(k.page),
      async (keys) => {
        const pages = await fiscalYears.departmentPages(keys.map((k) => k.year), keys[0]!.page);
        return keys.map((k) => pages.get(k.year) ?? []);
      },
    ),
    yearDepartmentCount: byArgs(
      (_: number) => "",
      async (years) => {
        const counts = await fiscalYears.departmentCounts(years);
        return years.map((y) => counts.get(y) ?? 0);
      },
    ),
  };
}
