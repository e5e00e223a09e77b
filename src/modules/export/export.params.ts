import type { Limits } from "../../common/limits";
import { MoneyUnit } from "../../common/money-unit";
import { BUDGET_STAGES, EXPENDITURE_CATEGORIES, EXPENDITURE_KINDS, FUNDING_SOURCES, INDICATOR_CATEGORIES, PROJECT_CATEGORIES } from "../../common/vocabulary";
import { ExpenditureDimension } from "../analytics/analytics.type";
import { IndicatorScope } from "../performance/performance-indicator.type";

/**
 * The query parameters of each export: the GraphQL filter's fields, one name each, in the
 * singular and repeatable for lists, so `year=2023&department=007` reads as `filter.years` and
 * `filter.departmentCodes` do. The HTTP route and the CLI both parse through here.
 */
export const EXPORT_KINDS = ["expenditure", "projects", "indicators", "discrepancies"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

type ParamType =
  | { kind: "year" }
  | { kind: "text" }
  | { kind: "code" }
  | { kind: "enum"; values: readonly string[] }
  | { kind: "decimal" }
  | { kind: "bool" };

interface ParamSpec {
  /** The parameter's name (the filter field in the singular). */
  name: string;
  /** Where it goes: a field of the GraphQL filter, or an argument beside it. */
  field: string;
  type: ParamType;
  list?: boolean;
  /** Comma-separated values are split (groupBy). */
  commas?: boolean;
}

const year: ParamType = { kind: "year" };
const code: ParamType = { kind: "code" };
const text: ParamType = { kind: "text" };
const oneOf = (values: readonly string[]): ParamType => ({ kind: "enum", values });
const MONEY_UNITS = Object.values(MoneyUnit);

export const EXPORT_PARAMS: Record<ExportKind, readonly ParamSpec[]> = {
  expenditure: [
    { name: "year", field: "years", type: year, list: true },
    { name: "department", field: "departmentCodes", type: code, list: true },
    { name: "subjectCode", field: "subjectCodePrefixes", type: code, list: true },
    { name: "economicCode", field: "economicCodePrefixes", type: code, list: true },
    { name: "kind", field: "kinds", type: oneOf(EXPENDITURE_KINDS), list: true },
    { name: "category", field: "categories", type: oneOf(EXPENDITURE_CATEGORIES), list: true },
    { name: "fundingSource", field: "fundingSources", type: oneOf(FUNDING_SOURCES), list: true },
    { name: "stage", field: "stage", type: oneOf(BUDGET_STAGES) },
    { name: "groupBy", field: "groupBy", type: oneOf(Object.values(ExpenditureDimension)), list: true, commas: true },
    { name: "unit", field: "unit", type: oneOf(MONEY_UNITS) },
    { name: "rollup", field: "rollup", type: { kind: "bool" } },
  ],
  projects: [
    { name: "year", field: "years", type: year, list: true },
    { name: "department", field: "departmentCodes", type: code, list: true },
    { name: "code", field: "codes", type: code, list: true },
    { name: "nameContains", field: "nameContains", type: text },
    { name: "category", field: "category", type: oneOf(PROJECT_CATEGORIES) },
    { name: "unit", field: "unit", type: oneOf(MONEY_UNITS) },
  ],
  indicators: [
    { name: "year", field: "years", type: year, list: true },
    { name: "department", field: "departmentCodes", type: code, list: true },
    { name: "projectCode", field: "projectCodes", type: code, list: true },
    { name: "scope", field: "scope", type: oneOf(Object.values(IndicatorScope)) },
    { name: "category", field: "categories", type: oneOf(INDICATOR_CATEGORIES), list: true },
    { name: "level1", field: "level1", type: text },
    { name: "level2", field: "level2", type: text },
    { name: "comparator", field: "comparators", type: text, list: true },
    { name: "valueBelow", field: "valueBelow", type: { kind: "decimal" } },
    { name: "valueAtLeast", field: "valueAtLeast", type: { kind: "decimal" } },
    // The indicator filter's own `unit`: the target's unit ("%", "人次"); indicators carry no money.
    { name: "unit", field: "unit", type: text },
    { name: "numeric", field: "numeric", type: { kind: "bool" } },
    { name: "nameContains", field: "nameContains", type: text },
  ],
  discrepancies: [
    { name: "department", field: "departmentCode", type: code },
    { name: "year", field: "year", type: year },
    { name: "unit", field: "unit", type: oneOf(MONEY_UNITS) },
  ],
};

/** A parameter the export cannot take: answered 400 with the code and the parameter's name. */
export class ExportParamError extends Error {
  constructor(
    readonly code: "UNKNOWN_PARAMETER" | "BAD_USER_INPUT",
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

export type ParsedParams = Record<string, string | number | boolean | (string | number)[]>;

const shown = (v: string) => JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);

function parseValue(spec: ParamSpec, raw: string, limits: Pick<Limits, "maxStringLength">): string | number | boolean {
  const bad = (why: string) => new ExportParamError("BAD_USER_INPUT", spec.name, `${spec.name}: ${shown(raw)} ${why}`);
  if (raw.length > limits.maxStringLength) throw new ExportParamError("BAD_USER_INPUT", spec.name, `${spec.name}: a value is ${raw.length} characters; at most ${limits.maxStringLength} are taken`);
  const t = spec.type;
  switch (t.kind) {
    case "year":
      if (!/^[12][0-9]{3}$/.test(raw)) throw bad("is not a year (four digits)");
      return Number(raw);
    case "code":
      if (!/^[0-9A-Za-z]+$/.test(raw)) throw bad("is not a code (digits and letters)");
      return raw;
    case "text":
      if (raw === "") throw bad("is empty");
      return raw;
    case "enum": {
      const v = raw.toUpperCase();
      if (!t.values.includes(v)) throw bad(`is not one of ${t.values.join(", ")}`);
      return v;
    }
    case "decimal":
      if (!/^-?[0-9]{1,15}(\.[0-9]{1,6})?$/.test(raw)) throw bad("is not a decimal number");
      return raw;
    case "bool":
      if (!/^(true|false)$/i.test(raw)) throw bad("must be true or false");
      return raw.toLowerCase() === "true";
  }
}

/**
 * Reads `entries` (a query string's pairs, or the CLI's options) against the export's parameters:
 * unknown names, malformed values, a single-valued parameter given twice and lists longer than
 * the API's limit are refused, never passed on.
 */
export function parseExportParams(kind: ExportKind, entries: Iterable<[string, string]>, limits: Pick<Limits, "maxStringLength" | "maxListValues">): ParsedParams {
  const specs = EXPORT_PARAMS[kind];
  const out: ParsedParams = {};
  for (const [name, raw] of entries) {
    const spec = specs.find((s) => s.name === name);
    if (!spec) {
      throw new ExportParamError("UNKNOWN_PARAMETER", name.slice(0, 40), `unknown parameter ${shown(name)} for the ${kind} export; it takes ${specs.map((s) => s.name).join(", ")}`);
    }
    const values = spec.commas ? raw.split(",").map((v) => v.trim()).filter((v) => v !== "") : [raw];
    if (!spec.list) {
      if (spec.field in out) throw new ExportParamError("BAD_USER_INPUT", spec.name, `${spec.name} is given more than once; it takes one value`);
      out[spec.field] = parseValue(spec, raw, limits);
      continue;
    }
    const list = (out[spec.field] ??= []) as (string | number)[];
    for (const v of values) list.push(parseValue(spec, v, limits) as string | number);
    if (list.length > limits.maxListValues) throw new ExportParamError("BAD_USER_INPUT", spec.name, `${spec.name}: at most ${limits.maxListValues} values are taken`);
  }
  return out;
}

/** The parameters as given, for the sheet that says what an export is ("year=2023; department=007"). */
export function describeParams(kind: ExportKind, params: ParsedParams): string {
  const parts = EXPORT_PARAMS[kind].flatMap((s) => {
    const v = params[s.field];
    if (v === undefined) return [];
    return [`${s.name}=${Array.isArray(v) ? v.join(",") : String(v)}`];
  });
  return parts.length ? parts.join("; ") : "(none)";
}
