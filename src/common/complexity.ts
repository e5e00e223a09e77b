import {
  type DocumentNode,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  isUnionType,
  separateOperations,
} from "graphql";
import { type ComplexityEstimatorArgs, getComplexity } from "graphql-query-complexity";
import { LIST_BOUND, pageSizeOf } from "./relay";

/** The most a single request may cost by default (MAX_QUERY_COST); a list costs its page size times its items' cost. */
export const MAX_COMPLEXITY = 250_000;

/**
 * What one database statement of an aggregate costs, in the estimator's points (one point is
 * one field of one item). Calibrated by `npm run bench -- --attacks`: on the bench's zone one
 * `expenditure` alias (a GROUP BY over every subject line in force) takes about as long as
 * resolving ~AGGREGATE_COST ordinary fields; the README's "Limits" section gives the figures.
 */
export const AGGREGATE_COST = 1_000;

/**
 * Fields that run a statement of their own for each alias (or each distinct set of arguments,
 * where a loader batches the parents): aggregates, rankings, searches. Each occurrence in the
 * query costs AGGREGATE_COST once, however many items it sits under (the loaders batch those);
 * its items are priced as usual on top.
 */
export const AGGREGATE_FIELDS: ReadonlySet<string> = new Set([
  "Query.expenditure",
  "Query.expenditureGroups",
  "Query.expenditureChange",
  "Query.expenditureChanges",
  "Query.departmentRanking",
  "Query.execution",
  "Query.projects",
  "Query.indicators",
  "Query.budgetDiscrepancies",
  "Query.discrepancies",
  "Query.fiscalYears",
  "FiscalYear.departmentCount",
  "FiscalYear.expenditureTotal",
  "FiscalYear.basicExpenditure",
  "FiscalYear.projectExpenditure",
  "SubjectCode.expenditure",
  "EconomicCode.expenditure",
]);
/** Lists without a `first` (a budget's lines, a project's indicators) are priced at this many items. */
const UNPAGED_LIST = 25;

const isList = (t: GraphQLOutputType) => isListType(getNullableType(t));
const isConnection = (t: GraphQLOutputType) => {
  const named = getNullableType(t);
  return isObjectType(named) && "pageInfo" in named.getFields() && "edges" in named.getFields();
};

/**
 * A paged list or connection multiplies by the page it answers — `first`, or the default the
 * resolver applies (`pageSizeOf`, the same rule `toPage` follows); a connection's `nodes`/`edges`
 * are already counted there. Other lists multiply by their declared bound, else a typical
 * length; every field costs at least 1.
 */
function itemCost(field: ComplexityEstimatorArgs["field"], args: Record<string, unknown> | undefined, childComplexity: number, introspected?: number): number {
  if (introspected !== undefined) return 1 + childComplexity * introspected;
  const paged = field.args.some((a) => a.name === "first");
  if (paged && (isList(field.type) || isConnection(field.type))) return 1 + childComplexity * pageSizeOf(field, args ?? {});
  if (["nodes", "edges"].includes(field.name)) return 1 + childComplexity;
  if (!isList(field.type)) return 1 + childComplexity;
  const bound = field.extensions?.[LIST_BOUND];
  return 1 + childComplexity * (typeof bound === "number" ? bound : UNPAGED_LIST);
}

/**
 * Introspection answers from memory, but nested `fields { type { fields … } }` grows as the schema
 * does. Its lists are priced at this schema's own sizes: every type for `types`, and the average
 * per type (or field, or directive) for the rest, rounded up — so the standard introspection
 * query costs about as many points as its answer has fields.
 */
const introspectionSizes = new WeakMap<GraphQLSchema, Map<string, number>>();
function introspectionListSize(schema: GraphQLSchema, typeName: string, fieldName: string): number | undefined {
  if (!typeName.startsWith("__")) return undefined;
  let sizes = introspectionSizes.get(schema);
  if (!sizes) {
    const types = Object.values(schema.getTypeMap());
    let fields = 0, args = 0, inputFields = 0, enumValues = 0, interfaces = 0, possible = 0;
    for (const t of types) {
      if (isObjectType(t) || isInterfaceType(t)) {
        const fs = Object.values(t.getFields());
        fields += fs.length;
        for (const f of fs) args += f.args.length;
        interfaces += t.getInterfaces().length;
        if (isInterfaceType(t)) possible += schema.getPossibleTypes(t).length;
      } else if (isInputObjectType(t)) inputFields += Object.keys(t.getFields()).length;
      else if (isEnumType(t)) enumValues += t.getValues().length;
      else if (isUnionType(t)) possible += t.getTypes().length;
    }
    const directives = schema.getDirectives();
    const per = (n: number, of: number) => Math.max(1, Math.ceil(n / Math.max(1, of)));
    sizes = new Map([
      ["__Schema.types", types.length],
      ["__Schema.directives", directives.length],
      ["__Type.fields", per(fields, types.length)],
      ["__Type.inputFields", per(inputFields, types.length)],
      ["__Type.enumValues", per(enumValues, types.length)],
      ["__Type.interfaces", per(interfaces, types.length)],
      ["__Type.possibleTypes", per(possible, types.length)],
      ["__Field.args", per(args, fields)],
      ["__Directive.args", per(directives.reduce((n, d) => n + d.args.length, 0), directives.length)],
      ["__Directive.locations", per(directives.reduce((n, d) => n + d.locations.length, 0), directives.length)],
    ]);
    introspectionSizes.set(schema, sizes);
  }
  return sizes.get(`${typeName}.${fieldName}`) ?? (fieldName === "__schema" || fieldName === "__type" ? 1 : undefined);
}

export interface Cost {
  /** The estimate compared with the limit: items and fields, plus AGGREGATE_COST per aggregate statement. */
  cost: number;
  /** How many aggregate statements the query asks for (one per occurrence of an AGGREGATE_FIELDS field). */
  aggregates: number;
}

/**
 * Prices an operation. Throws graphql-js's errors for variables that do not coerce: callers
 * coerce variables first (the request guard does, and answers BAD_USER_INPUT).
 */
export function costOf(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string | null): Cost {
  let aggregates = 0;
  const doc = operationName ? (separateOperations(document)[operationName] ?? document) : document;
  const items = getComplexity({
    schema,
    query: doc,
    variables,
    operationName: operationName ?? undefined,
    estimators: [
      ({ field, type, args, childComplexity }) => {
        // The estimator runs once per field occurrence, not once per item of an enclosing list.
        if (isObjectType(type) && AGGREGATE_FIELDS.has(`${type.name}.${field.name}`)) aggregates++;
        return itemCost(field, args, childComplexity, introspectionListSize(schema, type.name, field.name));
      },
    ],
  });
  return { cost: items + aggregates * AGGREGATE_COST, aggregates };
}

/** The cost the limit is compared with (see costOf). */
export function complexityOf(schema: GraphQLSchema, query: DocumentNode, variables?: Record<string, unknown>, operationName?: string): number {
  return costOf(schema, query, variables, operationName).cost;
}
