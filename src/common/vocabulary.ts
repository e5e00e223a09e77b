/**
 * The platform's closed code lists, declared once. The bundle format, the importer's checks and
 * the GraphQL enums all derive from these arrays, so a value added here reaches all three.
 */
export const BUDGET_STAGES = ["BUDGET", "ADJUSTED", "FINAL"] as const;
export type BudgetStageCode = (typeof BUDGET_STAGES)[number];

export const PUBLICATION_STATUSES = ["DRAFT", "PUBLISHED", "WITHDRAWN"] as const;
export type PublicationStatusCode = (typeof PUBLICATION_STATUSES)[number];

/** A 决算 prints 基本支出 undivided by subject (BASIC), and spending that is neither basic nor project (OTHER). */
export const EXPENDITURE_KINDS = ["PERSONNEL", "PUBLIC", "PROJECT", "BASIC", "OTHER"] as const;
export type ExpenditureKindCode = (typeof EXPENDITURE_KINDS)[number];
/** The kinds that make up 基本支出. */
export const BASIC_KINDS: readonly ExpenditureKindCode[] = ["PERSONNEL", "PUBLIC", "BASIC"];

/**
 * The finer column a subject table prints: 工资福利 / 对个人和家庭的补助 / 商品和服务 / 资本性 /
 * 其他运转类 / 特定目标类 in a 预算; 基本支出 / 项目支出 undivided, 上缴上级 / 经营 / 对附属单位补助 in a 决算.
 */
export const EXPENDITURE_CATEGORIES = [
  "WAGES_AND_WELFARE", "HOUSEHOLD_SUBSIDIES", "GOODS_AND_SERVICES", "CAPITAL", "OPERATING", "SPECIFIC",
  "BASIC_UNDIVIDED", "PROJECT_UNDIVIDED", "REMITTANCE", "BUSINESS", "SUBSIDIARY",
] as const;
export type ExpenditureCategoryCode = (typeof EXPENDITURE_CATEGORIES)[number];

export const FUNDING_SOURCES = ["GENERAL_PUBLIC_BUDGET", "GOVERNMENT_FUND", "STATE_CAPITAL", "SPECIAL_ACCOUNT", "UNIT_FUNDS", "PRIOR_YEAR_CARRYOVER", "OTHER"] as const;
export type FundingSourceCode = (typeof FUNDING_SOURCES)[number];

export const INDICATOR_CATEGORIES = ["COST", "OUTPUT", "BENEFIT", "SATISFACTION"] as const;
export type IndicatorCategoryCode = (typeof INDICATOR_CATEGORIES)[number];

export const PROJECT_CATEGORIES = ["OPERATING", "SPECIFIC"] as const;
export type ProjectCategoryCode = (typeof PROJECT_CATEGORIES)[number];

export const ECONOMIC_KINDS = ["PERSONNEL", "PUBLIC"] as const;
export type EconomicKindCode = (typeof ECONOMIC_KINDS)[number];

export const ASSET_KINDS = ["VEHICLE", "EQUIPMENT"] as const;
export type AssetKindCode = (typeof ASSET_KINDS)[number];

export const SEVERITIES = ["ROUNDING", "MATERIAL", "NAMING", "STRUCTURE"] as const;
export type SeverityCode = (typeof SEVERITIES)[number];

export const VALUE_KINDS = ["MONEY", "PERCENT", "TEXT"] as const;
export type ValueKindCode = (typeof VALUE_KINDS)[number];

/** An enum-like object (`X.VALUE === "VALUE"`) over one of the lists above, for GraphQL and code. */
export function enumOf<const T extends readonly string[]>(values: T): { readonly [K in T[number]]: K } {
  return Object.freeze(Object.fromEntries(values.map((v) => [v, v]))) as { readonly [K in T[number]]: K };
}
