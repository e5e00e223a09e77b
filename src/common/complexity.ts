import type { ApolloServerPlugin } from "@apollo/server";
import { type DocumentNode, GraphQLError, type GraphQLOutputType, type GraphQLSchema, getNullableType, isListType, isObjectType, separateOperations } from "graphql";
import { type ComplexityEstimator, getComplexity } from "graphql-query-complexity";
import { LIST_BOUND, pageSizeOf } from "./relay";

/** The most a single request may cost; a list costs its page size times its items' cost. */
export const MAX_COMPLEXITY = 250_000;
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
const estimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const paged = field.args.some((a) => a.name === "first");
  if (paged && (isList(field.type) || isConnection(field.type))) return 1 + childComplexity * pageSizeOf(field, args ?? {});
  if (["nodes", "edges"].includes(field.name)) return 1 + childComplexity;
  if (!isList(field.type)) return 1 + childComplexity;
  const bound = field.extensions?.[LIST_BOUND];
  return 1 + childComplexity * (typeof bound === "number" ? bound : UNPAGED_LIST);
};

export function complexityOf(schema: GraphQLSchema, query: Parameters<typeof getComplexity>[0]["query"], variables?: Record<string, unknown>, operationName?: string): number {
  return getComplexity({ schema, query, variables, operationName, estimators: [estimator] });
}

/** Costs already computed for a parsed document (Apollo reuses one per query text), by variables. */
const KNOWN_COSTS_PER_DOCUMENT = 64;
/** Variables longer than this (as JSON) are priced without being cached. */
const MAX_CACHED_KEY = 4096;

/** Refuses a request whose estimated cost exceeds MAX_COMPLEXITY before any resolver runs. */
export function complexityLimit(schema: GraphQLSchema): ApolloServerPlugin {
  const known = new WeakMap<DocumentNode, Map<string, number>>();
  const costOf = (document: DocumentNode, variables: Record<string, unknown>, operationName: string | undefined): number => {
    const key = JSON.stringify([operationName ?? null, variables]);
    const doc = () => (operationName ? (separateOperations(document)[operationName] ?? document) : document);
    // Large variables (a file sent to importDisclosure) are not kept as keys: priced each time.
    if (key.length > MAX_CACHED_KEY) return complexityOf(schema, doc(), variables, operationName);
    let costs = known.get(document);
    const hit = costs?.get(key);
    if (hit !== undefined) return hit;
    const cost = complexityOf(schema, doc(), variables, operationName);
    if (!costs) known.set(document, (costs = new Map()));
    if (costs.size >= KNOWN_COSTS_PER_DOCUMENT) costs.clear();
    costs.set(key, cost);
    return cost;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const cost = costOf(document, request.variables ?? {}, request.operationName ?? undefined);
          if (cost > MAX_COMPLEXITY) {
            throw new GraphQLError(`query is too expensive: estimated cost ${cost} exceeds ${MAX_COMPLEXITY} (ask for smaller pages or fewer nested lists)`, {
              extensions: { code: "QUERY_TOO_COMPLEX", cost, maximum: MAX_COMPLEXITY },
            });
          }
        },
      };
    },
  };
}

