import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { GraphQLError } from "graphql";
import type { DataSource } from "typeorm";
import { PUBLIC_VIEWER, type Viewer } from "../../common/viewer";
import { FailureLimiter } from "./failure-limiter";
import { TokenService } from "./token.service";

/** Failed authentications an address may make per minute before it is refused (AUTH_FAILURES_PER_MINUTE). */
export const DEFAULT_AUTH_FAILURES_PER_MINUTE = 20;

let sharedLimiter: FailureLimiter | undefined;

/** The process's failure counts, made on first use with the configured limit. */
export function authFailureLimiter(env: NodeJS.ProcessEnv = process.env): FailureLimiter {
  if (!sharedLimiter) {
    const limit = env.AUTH_FAILURES_PER_MINUTE ? Number(env.AUTH_FAILURES_PER_MINUTE) : DEFAULT_AUTH_FAILURES_PER_MINUTE;
    sharedLimiter = new FailureLimiter(Number.isInteger(limit) && limit > 0 ? limit : DEFAULT_AUTH_FAILURES_PER_MINUTE);
  }
  return sharedLimiter;
}

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

/**
 * The bootstrap administrator: ADMIN_TOKEN, so a fresh install can make its first tokens over
 * the API. Both sides are hashed first, so timingSafeEqual compares equal lengths and the time
 * taken says nothing about how much of a guess was right.
 */
function isBootstrapAdmin(token: string, adminToken: string | undefined): boolean {
  return !!adminToken && timingSafeEqual(digest(token), digest(adminToken));
}

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: "UNAUTHENTICATED", http: { status: 401, headers: new Map([["www-authenticate", 'Bearer realm="budget"']]) } },
  });
}

function rateLimited(retryAfterMs: number): GraphQLError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new GraphQLError(`too many failed authentications from this address: try again in ${seconds} s`, {
    extensions: { code: "RATE_LIMITED", retryAfter: seconds, http: { status: 429, headers: new Map([["retry-after", String(seconds)]]) } },
  });
}

/**
 * Who a request is. No Authorization header: the public. `Bearer <token>` with a token that is
 * valid now: its holder. Anything else (an unknown, expired or revoked token, another scheme)
 * is refused with UNAUTHENTICATED rather than served as the public, so a client with a broken
 * token learns it at once. An address with too many recent failures is refused (RATE_LIMITED)
 * before its token is even looked at.
 */
export async function resolveViewer(ds: DataSource, req: IncomingMessage, limiter = authFailureLimiter()): Promise<Viewer> {
  const header = req.headers.authorization;
  if (header === undefined || header.trim() === "") return PUBLIC_VIEWER;
  const address = req.socket.remoteAddress ?? "unknown";
  const wait = limiter.retryAfterMs(address);
  if (wait > 0) throw rateLimited(wait);
  const token = /^Bearer +(\S+) *$/i.exec(header)?.[1];
  const refuse = (reason: string) => {
    limiter.fail(address);
    if (limiter.retryAfterMs(address) > 0) console.warn(`authentication: ${address} refused for a minute after ${limiter.limit} failures`);
    return unauthenticated(reason);
  };
  if (!token) throw refuse("the Authorization header must be `Bearer <token>`");
  if (isBootstrapAdmin(token, process.env.ADMIN_TOKEN)) return { role: "ADMIN", actor: "admin-token" };
  const found = await new TokenService(ds).authenticate(token);
  if (!found.ok) throw refuse(found.reason);
  return found.viewer;
}
