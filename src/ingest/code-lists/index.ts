import list2023 from "./2023.json";

export interface CodeList {
  source: string;
  year: number;
  functional: Record<string, string>;
  deptEconomic: Record<string, string>;
  govEconomic: Record<string, string>;
}

export const CODE_LISTS: CodeList[] = [list2023];
const LISTS = CODE_LISTS;

/** The shipped list for a year: that year's, else the nearest earlier, else the earliest. */
export function codeListFor(year: number): CodeList {
  const sorted = [...LISTS].sort((a, b) => b.year - a.year);
  return sorted.find((l) => l.year <= year) ?? sorted.at(-1)!;
}
