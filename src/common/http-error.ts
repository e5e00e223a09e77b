import type { ServerResponse } from "node:http";
import { GraphQLError } from "graphql";

/**
 * A refusal from a route served beside GraphQL (exports, tables), in GraphQL's error shape so a
 * client reads every refusal the same way: `{"errors":[{"message","extensions":{"code",…}}]}`.
 */
export function sendJsonError(res: ServerResponse, status: number, code: string, message: string, extensions: Record<string, unknown> = {}, headers: Record<string, string> = {}): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code, ...extensions } }] });
  res.statusCode = status;
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.setHeader("content-length", Buffer.byteLength(body));
  res.end(body);
}

/**
 * Answers a GraphQL error that carries a client's code (a bad or revoked token, too many failed
 * attempts) with its own status and headers; false for any other error, which the caller rethrows.
 */
export function sendClientGraphqlError(res: ServerResponse, err: unknown): boolean {
  if (!(err instanceof GraphQLError) || typeof err.extensions.code !== "string") return false;
  const http = err.extensions.http as { status?: number; headers?: Map<string, string> } | undefined;
  sendJsonError(res, http?.status ?? 400, err.extensions.code, err.message, {}, Object.fromEntries(http?.headers ?? []));
  return true;
}
