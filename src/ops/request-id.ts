import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** Printable ASCII without spaces, up to 64 characters: safe to echo in a header and a log line. */
const ACCEPTABLE = /^[\x21-\x7e]{1,64}$/;

/**
 * The id a caller gave in `x-request-id` when it is one we can echo back safely (a proxy's or a
 * client's, so its log and ours meet), else a new one.
 */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && ACCEPTABLE.test(given) ? given : randomUUID();
}
