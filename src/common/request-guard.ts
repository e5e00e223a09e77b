import { randomUUID } from "node:crypto";
import type { ApolloServerPlugin, GraphQLRequestContext } from "@apollo/server";
import { type DocumentNode, GraphQLError, type GraphQLFormattedError, type GraphQLSchema, Kind, type OperationDefinitionNode, getVariableValues, visit } from "graphql";
import type { Context } from "../context";
import { logger } from "../ops/logger";
import { costOf } from "./complexity";
import { clientError, internalError, isClientError, isStatementTimeout, rootCause, withoutSuggestions } from "./errors";
import type { Limits } from "./limits";
import { oversizeArgument, shapeOf } from "./query-shape";
import { CallerRates } from "./rate-limit";

/** Input fields with limits of their own: a file's content is bounded by the importer's size limit. */
const OWN_LIMITS: ReadonlySet<string> = new Set(["ImportDisclosureInput.content", "ImportDisclosureInput.document"]);

/**
 * The client address of a request's context, set by the HTTP layer (the context's shape stays the
 * API's). Kept by the context's services: Apollo hands each operation a shallow copy of the
 * context, so the context object itself is not the one remembered, while its services are.
 */
const addresses = new WeakMap<object, string>();
export function rememberAddress(context: Pick<Context, "services">, address: string | undefined): void {
  if (address) addresses.set(context.services, address);
}

/** An operation's cost under the limits, or how to refuse it (a fresh error each time: errors carry per-request notes). */
interface Verdict {
  cost?: number;
  refusal?: () => GraphQLError;
}
const refuse = (code: string, message: string, extra: Record<string, unknown>): Verdict => ({ refusal: () => clientError(code, message, extra) });
/** Verdicts kept per parsed document, by variables; variables longer than this (as JSON) are judged each time. */
const VERDICTS_PER_DOCUMENT = 64;
const MAX_CACHED_KEY = 4096;

/** What formatError needs of the request an error came from. */
interface ErrorNote {
  requestId: string;
  suggestions: boolean;
}
const notes = new WeakMap<object, ErrorNote>();

/** Callers with a token are trusted with schema details; the public per the limits. */
const authenticated = (ctx: Context) => ctx.viewer.role !== "PUBLIC";

function usesIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === "__schema" || node.name.value === "__type") found = true;
      return found ? false : undefined;
    },
  });
  return found;
}

function log(requestId: string, error: unknown): void {
  const cause = rootCause(error);
  const path = error instanceof GraphQLError && error.path ? error.path.join(".") : undefined;
  logger.error({ requestId, path, err: cause instanceof Error ? cause : new Error(String(cause)) }, "internal error");
}

/**
 * Checks a parsed and validated operation against the limits before any resolver runs, in the
 * cheapest order: introspection, depth and aliases, variables, argument sizes, cost, rate. Each
 * refusal is a 4xx with a stable code. Also gives every response its request id, and keeps what
 * formatError needs to hide an unexpected error's details.
 */
export function requestGuard(schema: GraphQLSchema, limits: Limits, rates: CallerRates = new CallerRates(limits)): ApolloServerPlugin<Context> {

  /**
   * What the limits say of one operation with one set of variables: its cost, or the refusal.
   * Nothing here depends on the caller, so Apollo's parsed document (one per query text) keeps
   * the verdicts of its recent variables; large variables (a file) are judged each time.
   */
  const known = new WeakMap<DocumentNode, Map<string, Verdict>>();
  const judge = (document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, operationName: string | undefined): Verdict => {
    const key = JSON.stringify([operationName ?? null, variables]);
    if (key.length > MAX_CACHED_KEY) return verdictOf(document, operation, variables, operationName);
    let verdicts = known.get(document);
    const hit = verdicts?.get(key);
    if (hit) return hit;
    const verdict = verdictOf(document, operation, variables, operationName);
    if (!verdicts) known.set(document, (verdicts = new Map()));
    if (verdicts.size >= VERDICTS_PER_DOCUMENT) verdicts.clear();
    verdicts.set(key, verdict);
    return verdict;
  };

  const verdictOf = (document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, operationName: string | undefined): Verdict => {
    const shape = shapeOf(document, operation);
    if (shape.depth > limits.maxDepth) {
      return refuse("DEPTH_LIMIT", `the query nests ${shape.depth} fields deep; at most ${limits.maxDepth} are allowed`, { depth: shape.depth, maximum: limits.maxDepth });
    }
    if (shape.mostAliased && shape.mostAliased.times > limits.maxAliasesPerField) {
      const { field, times } = shape.mostAliased;
      return refuse("TOO_MANY_ALIASES", `the query asks for ${field} under ${times} names in one selection; at most ${limits.maxAliasesPerField} are allowed`, {
        field,
        aliases: times,
        maximum: limits.maxAliasesPerField,
      });
    }
    if (shape.aliases > limits.maxAliases) {
      return refuse("TOO_MANY_ALIASES", `the query uses ${shape.aliases} aliases; at most ${limits.maxAliases} are allowed`, { aliases: shape.aliases, maximum: limits.maxAliases });
    }
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 1 });
    if (coerced.errors) {
      const e = coerced.errors[0]!;
      const variable = e.nodes?.[0]?.kind === Kind.VARIABLE_DEFINITION ? e.nodes[0].variable.name.value : undefined;
      return refuse("BAD_USER_INPUT", e.message, variable ? { argument: `$${variable}` } : {});
    }
    const over = oversizeArgument(schema, document, variables, limits, OWN_LIMITS);
    if (over) {
      const what = over.kind === "string" ? `is ${over.size} characters long; at most ${over.maximum} are allowed` : `holds ${over.size} values; at most ${over.maximum} are allowed`;
      return refuse("BAD_USER_INPUT", `${over.field} argument ${over.argument} ${what}`, { argument: over.argument, size: over.size, maximum: over.maximum });
    }
    let cost: number;
    try {
      cost = costOf(schema, document, variables, operationName).cost;
    } catch (err) {
      // The estimator's own node cap: a query too large to price is too large to run.
      if (err instanceof GraphQLError && /maximum allowed number of nodes/.test(err.message)) cost = Number.POSITIVE_INFINITY;
      else throw err;
    }
    if (cost > limits.maxCost) {
      const said = Number.isFinite(cost) ? `estimated cost ${cost}` : "its cost";
      return refuse("QUERY_TOO_COMPLEX", `query is too expensive: ${said} exceeds ${limits.maxCost} (ask for smaller pages, fewer nested lists or fewer aggregates)`, {
        cost: Number.isFinite(cost) ? cost : null,
        maximum: limits.maxCost,
      });
    }
    return { cost };
  };

  const check = (rc: GraphQLRequestContext<Context>, document: DocumentNode, operation: OperationDefinitionNode) => {
    const ctx = rc.contextValue;
    if (!limits.publicIntrospection && !authenticated(ctx) && usesIntrospection(document)) {
      throw clientError("INTROSPECTION_DISABLED", "introspection (__schema, __type) is only for callers with an API token on this server");
    }
    const verdict = judge(document, operation, rc.request.variables ?? {}, rc.request.operationName ?? undefined);
    if (verdict.refusal) throw verdict.refusal();
    const cost = verdict.cost!;
    const refusal = rates.charge(CallerRates.keyOf(ctx.viewer.tokenId, addresses.get(ctx.services)), cost);
    if (refusal) throw clientError(refusal.code, refusal.message, refusal.extensions, refusal.status, refusal.headers);
  };

  return {
    async requestDidStart(rc) {
      const ctx = rc.contextValue;
      const note: ErrorNote = { requestId: ctx.requestId, suggestions: limits.publicSuggestions || authenticated(ctx) };
      return {
        async didResolveOperation(rc) {
          if (rc.operation) check(rc, rc.document, rc.operation);
        },
        async didEncounterErrors({ errors }) {
          for (const e of errors) {
            notes.set(e, note);
            if (isStatementTimeout(e)) logger.warn({ requestId: ctx.requestId, path: e.path?.join(".") }, "a statement ran past DB_STATEMENT_TIMEOUT_SECONDS and the database stopped it");
            else if (!isClientError(e)) log(ctx.requestId, e);
          }
        },
        async willSendResponse({ response }) {
          response.http.headers.set("x-request-id", ctx.requestId);
        },
      };
    },
  };
}

/** The longest error message answered: graphql-js quotes a rejected value whole, and it may be a 1 MB string. */
export const MAX_ERROR_MESSAGE = 1000;

function shortened(message: string): string {
  if (message.length <= MAX_ERROR_MESSAGE) return message;
  return `${message.slice(0, MAX_ERROR_MESSAGE)}… (${message.length - MAX_ERROR_MESSAGE} more characters not shown)`;
}

/**
 * Apollo's formatError: a client's error as it is (schema hints removed where the caller may not
 * have them), a statement the database stopped as REQUEST_TIMEOUT, anything else as "internal
 * error" with the request id — no SQL, driver text, host, path or stack.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const note = notes.get(error as object);
  if (isClientError(error)) {
    const message = shortened(note?.suggestions === false ? withoutSuggestions(formatted.message) : formatted.message);
    return message === formatted.message ? formatted : { ...formatted, message };
  }
  if (isStatementTimeout(error)) {
    return { message: "the database took too long to answer this part of the query; ask for less or try again later", path: formatted.path, extensions: { code: "REQUEST_TIMEOUT" } };
  }
  // An error before the request had a context (its creation failed) was not logged yet: it is now, under an id of its own.
  let requestId = note?.requestId;
  if (!requestId) {
    requestId = randomUUID();
    log(requestId, error);
  }
  const internal = internalError(requestId);
  return { ...internal, ...(formatted.path ? { path: formatted.path } : {}), ...(formatted.locations ? { locations: formatted.locations } : {}) };
}
