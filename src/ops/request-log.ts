import { AsyncLocalStorage } from "node:async_hooks";
import { logger } from "./logger";

/** What one request's log line says, filled in as the request goes. */
export interface RequestRecord {
  requestId: string;
  method: string;
  path: string;
  operation?: string;
  role?: string;
  statements: number;
}

/**
 * The record of the request the current code runs for. The statement counter adds to it: an
 * awaited query resumes in its caller's context, so concurrent requests never mix their counts.
 */
export const currentRequest = new AsyncLocalStorage<RequestRecord>();

/** The operation a GraphQL request names, in its body's operationName or its first named operation. */
export function operationNameOf(body: unknown, query: string): string | undefined {
  const given = body && typeof body === "object" ? (body as { operationName?: unknown }).operationName : undefined;
  if (typeof given === "string" && given) return given.slice(0, 100);
  return /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(query)?.[1];
}

/** One line per request once its answer is sent (or its client went away). */
export function logRequest(record: RequestRecord, status: number, startedAt: bigint, completed: boolean): void {
  const durationMs = Math.round(Number(process.hrtime.bigint() - startedAt) / 1e4) / 100;
  const line = { ...record, status, durationMs, ...(completed ? {} : { aborted: true }) };
  if (status >= 500) logger.error(line, "request");
  else logger.info(line, "request");
}
