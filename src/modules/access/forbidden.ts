import { GraphQLError } from "graphql";
import type { Viewer } from "../../common/viewer";

/**
 * The one rule for administrators' operations: a caller who is not ADMIN (the public included)
 * gets a FORBIDDEN error, not a payload; a bad token never gets this far (UNAUTHENTICATED).
 */
export function requireAdmin(viewer: Viewer, what: string): void {
  if (viewer.role !== "ADMIN") throw new GraphQLError(`${what} is for administrators: this request's role is ${viewer.role}`, { extensions: { code: "FORBIDDEN" } });
}
