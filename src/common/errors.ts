import { HeaderMap } from "@apollo/server";
import { GraphQLError, type GraphQLFormattedError } from "graphql";

/**
 * The codes a client can act on: its own mistakes and the limits it met. Every other error is
 * the server's and reaches the client as "internal error" with the request id only.
 */
export const CLIENT_ERROR_CODES: ReadonlySet<string> = new Set([
  "BAD_REQUEST",
  "BAD_USER_INPUT",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "QUERY_TOO_LARGE",
  "QUERY_TOO_COMPLEX",
  "DEPTH_LIMIT",
  "TOO_MANY_ALIASES",
  "INTROSPECTION_DISABLED",
  "RATE_LIMITED",
  "REQUEST_TIMEOUT",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "UNAUTHENTICATED",
  "FORBIDDEN",
]);

/** A refusal the client can act on: an HTTP status (400 unless said) and a stable code. */
export function clientError(code: string, message: string, extra: Record<string, unknown> = {}, status = 400, headers?: Record<string, string>): GraphQLError {
  const http = { status, ...(headers ? { headers: new HeaderMap(Object.entries(headers)) } : {}) };
  return new GraphQLError(message, { extensions: { code, ...extra, http } });
}

/** A client mistake (bad argument, malformed cursor): BAD_USER_INPUT naming the argument, HTTP 400. */
export function badInput(message: string, argument?: string): GraphQLError {
  return clientError("BAD_USER_INPUT", message, argument ? { argument } : {});
}

/** What a failure the client cannot act on says: nothing but where to look in the log. */
export function internalError(requestId: string | undefined): GraphQLFormattedError {
  return {
    message: requestId ? `internal error (request id ${requestId})` : "internal error",
    extensions: { code: "INTERNAL_SERVER_ERROR", ...(requestId ? { requestId } : {}) },
  };
}

/** The error underneath GraphQL's and type-graphql's wrappers: what the log should show. */
export function rootCause(error: unknown): unknown {
  let e = error;
  for (let i = 0; i < 8 && e instanceof GraphQLError && e.originalError && e.originalError !== e; i++) e = e.originalError;
  return e;
}

/** Whether an error is one the client may read as it is (see CLIENT_ERROR_CODES). */
export function isClientError(error: unknown): boolean {
  if (!(error instanceof GraphQLError)) return false;
  const code = error.extensions?.code;
  if (typeof code !== "string" || !CLIENT_ERROR_CODES.has(code)) return false;
  // A client code on a wrapper of a non-GraphQL failure (a driver error) is not trusted.
  const cause = rootCause(error);
  return cause === error || cause instanceof GraphQLError;
}

/** A statement the database stopped for running past its time (MariaDB max_statement_time, MySQL max_execution_time). */
export function isStatementTimeout(error: unknown): boolean {
  const e = rootCause(error) as { errno?: number; code?: string } | undefined;
  return e?.errno === 1969 || e?.errno === 3024 || e?.code === "ER_STATEMENT_TIMEOUT" || e?.code === "ER_QUERY_TIMEOUT";
}

/** graphql-js's " Did you mean …?" hints, which name schema members. */
export function withoutSuggestions(message: string): string {
  return message.replace(/ Did you mean [^?]*\?/g, "");
}

/** The caller's role may not do this (a department publishing, the public importing). */
export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "FORBIDDEN" } });
}
