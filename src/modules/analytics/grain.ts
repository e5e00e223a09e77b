import { ExpenditureDimension as D } from "./analytics.type";

/**
 * The fact sets an expenditure aggregate can read. Every figure is kept at the grain it was
 * printed: a subject table row prints its 合计 (ROW_TOTALS) and its cells by kind and category
 * (FUNCTIONAL, split by funding source); the basic-expenditure table prints rows by economic code
 * (ECONOMIC). A question about subjects, departments, units or years adds the rows' printed
 * totals; only one that needs the split adds cells. No published table crosses the functional and
 * economic classifications, and no aggregate adds two views of the same money.
 */
export type FactSet = "ROW_TOTALS" | "FUNCTIONAL" | "ECONOMIC";

export interface Dim {
  /** SQL over the fact line `l`, the budget `b`, the department `d`. */
  expr: string;
  as: string;
  /**
   * For a group keyed by an id: the column of the joined row that gives the key's value, and the
   * expression that orders by it (the groups are formed on the id, then joined to their row).
   */
  joined?: { key: string; order: string };
}

const COMMON: Partial<Record<D, Dim>> = {
  [D.YEAR]: { expr: "l.year", as: "year" },
  [D.DEPARTMENT]: { expr: "l.department_id", as: "department_id", joined: { key: "dept_code", order: "d.code" } },
  [D.BUDGET_UNIT]: { expr: "COALESCE(l.unit_id, 0)", as: "unit_id" },
};

const SUBJECTS: Partial<Record<D, Dim>> = {
  [D.SUBJECT_CLASS]: { expr: "SUBSTR(l.subject_code, 1, 3)", as: "subject_class" },
  [D.SUBJECT_SECTION]: { expr: "SUBSTR(l.subject_code, 1, 5)", as: "subject_section" },
  [D.SUBJECT_ITEM]: { expr: "l.subject_code", as: "subject_item" },
};

const SPLIT: Partial<Record<D, Dim>> = {
  [D.EXPENDITURE_KIND]: { expr: "l.kind", as: "kind" },
  [D.FUNDING_SOURCE]: { expr: "l.funding_source", as: "funding_source" },
};

export const DIMENSIONS: Record<FactSet, Partial<Record<D, Dim>>> = {
  ROW_TOTALS: { ...COMMON, ...SUBJECTS },
  FUNCTIONAL: {
    ...COMMON,
    ...SPLIT,
    ...SUBJECTS,
    [D.EXPENDITURE_CATEGORY]: { expr: "l.category", as: "category" },
  },
  ECONOMIC: {
    ...COMMON,
    ...SPLIT,
    [D.DEPT_ECONOMIC_CLASS]: { expr: "SUBSTR(l.dept_economic_code, 1, 3)", as: "dept_economic_class" },
    [D.DEPT_ECONOMIC_ITEM]: { expr: "l.dept_economic_code", as: "dept_economic_item" },
    [D.GOV_ECONOMIC_CLASS]: { expr: "SUBSTR(l.gov_economic_code, 1, 3)", as: "gov_economic_class" },
    [D.GOV_ECONOMIC_ITEM]: { expr: "l.gov_economic_code", as: "gov_economic_item" },
  },
};

export const FACT_TABLE: Record<FactSet, string> = { ROW_TOTALS: "subject_row_total", FUNCTIONAL: "subject_line", ECONOMIC: "economic_line" };

export class GrainError extends Error {}

/** What an aggregate's filter may restrict, as far as choosing its fact set goes. */
export interface GrainFilter {
  subjectCodePrefixes?: string[] | null;
  economicCodePrefixes?: string[] | null;
  kinds?: unknown[] | null;
  categories?: unknown[] | null;
  fundingSources?: unknown[] | null;
}

/**
 * Picks the fact set that can answer the grouping and filters, or refuses a request that would
 * cross the functional and economic classifications (adding two views of the same money). A
 * functional question that does not need the split (no kind, category or funding source among
 * its groups or filters) is answered from the rows' printed totals.
 */
export function factSetFor(groupBy: D[], filter: GrainFilter): FactSet {
  const functionalOnly = [...groupBy.filter((d) => !(d in DIMENSIONS.ECONOMIC)), ...(filter.subjectCodePrefixes?.length ? ["subjectCodePrefixes"] : []), ...(filter.categories?.length ? ["categories"] : [])];
  const economicOnly = [...groupBy.filter((d) => !(d in DIMENSIONS.FUNCTIONAL)), ...(filter.economicCodePrefixes?.length ? ["economicCodePrefixes"] : [])];
  if (functionalOnly.length && economicOnly.length) {
    const list = (s: FactSet) => Object.keys(DIMENSIONS[s]).join(", ");
    throw new GrainError(
      `${[...functionalOnly, ...economicOnly].join(" × ")} crosses the functional (功能分类) and economic (经济分类) classifications, which no published table crosses. ` +
        `Group by one of: [${list("FUNCTIONAL")}] (functional lines) or [${list("ECONOMIC")}] (basic-expenditure lines by economic code).`,
    );
  }
  if (economicOnly.length) return "ECONOMIC";
  const needsSplit = groupBy.some((d) => !(d in DIMENSIONS.ROW_TOTALS)) || !!filter.kinds?.length || !!filter.categories?.length || !!filter.fundingSources?.length;
  return needsSplit ? "FUNCTIONAL" : "ROW_TOTALS";
}

export function dimension(set: FactSet, d: D): Dim {
  return DIMENSIONS[set][d]!;
}
