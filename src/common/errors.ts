import { GraphQLError } from "graphql";

/** A client mistake (bad argument, malformed cursor): reported as BAD_USER_INPUT, never a 500. */
export function badInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", ...(argument ? { argument } : {}) } });
}

/** The caller's role may not do this (a department publishing, the public importing). */
export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "FORBIDDEN" } });
}
