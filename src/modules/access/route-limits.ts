import type { IncomingMessage, ServerResponse } from "node:http";
import type { DataSource } from "typeorm";
import type { Viewer } from "../../common/viewer";
import { AGGREGATE_COST } from "../../common/complexity";
import { TIMED_OUT, deadlineRefusal, withDeadline } from "../../common/deadline";
import { sendJsonError } from "../../common/http-error";
import { CallerRates } from "../../common/rate-limit";
import { logger } from "../../ops/logger";
import { resolveViewer } from "./authenticate";

/** What a route served beside GraphQL needs to hold a request to GraphQL's limits. */
export interface RouteLimits {
  ds: DataSource;
  rates: CallerRates;
  deadlineMs: number;
}

/**
 * A file route's work under GraphQL's limits: the caller (from the Authorization header) is
 * charged an aggregate's cost to its points, and the work is bounded by the request deadline.
 * Returns the work's answer and the caller's rate key (to charge what streams later), or null once
 * the refusal has been sent: 429 RATE_LIMITED, or 503 REQUEST_TIMEOUT (logged, named by `what`).
 * A client's mistake thrown by the work is the route's to answer.
 */
export async function withinRouteLimits<T>(
  req: IncomingMessage,
  res: ServerResponse,
  what: string,
  limits: RouteLimits,
  work: (viewer: Viewer) => Promise<T>,
): Promise<{ value: T; rateKey: string } | null> {
  let rateKey = "";
  const run = async () => {
    const viewer = await resolveViewer(limits.ds, req);
    rateKey = CallerRates.keyOf(viewer.tokenId, req.socket.remoteAddress);
    const refusal = limits.rates.charge(rateKey, AGGREGATE_COST);
    return refusal ? { refusal } : { value: await work(viewer) };
  };
  const done = await withDeadline(run(), limits.deadlineMs);
  if (done === TIMED_OUT) {
    const late = deadlineRefusal(limits.deadlineMs);
    logger.warn({ requestId: res.getHeader("x-request-id"), deadlineMs: limits.deadlineMs }, `${what} abandoned at its deadline; answered 503`);
    sendJsonError(res, late.status, late.code, late.message, late.extensions);
    return null;
  }
  if ("refusal" in done) {
    const r = done.refusal!;
    sendJsonError(res, r.status, r.code, r.message, r.extensions, r.headers);
    return null;
  }
  return { value: done.value as T, rateKey };
}
