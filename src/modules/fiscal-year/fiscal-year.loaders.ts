import { oneEach } from "../../common/loaders";
import type { FiscalYearService } from "./fiscal-year.service";

/** Each year's zone totals. */
export function fiscalYearLoaders(fiscalYears: FiscalYearService) {
  return {
    yearSummary: oneEach((years: readonly number[]) => fiscalYears.summaries(years), (y) => y.year),
  };
}
