import type { Limits } from "./limits";

/**
 * Cost points per minute per caller, kept in this process's memory: each caller has a bucket
 * holding at most a minute's allowance, refilled continuously. A request is charged its
 * estimated cost before it runs; one the bucket cannot pay for is refused with the seconds
 * until it could be.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { points: number; at: number }>();
  private sweptAt = 0;

  constructor(
    private readonly perMinute: (key: string) => number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Charges `cost` to `key`; answers 0 when paid, else the whole seconds to wait. */
  charge(key: string, cost: number): number {
    const allowance = this.perMinute(key);
    if (allowance <= 0) return 0;
    const now = this.now();
    this.sweep(now);
    const rate = allowance / 60_000;
    const b = this.buckets.get(key);
    const points = b ? Math.min(allowance, b.points + (now - b.at) * rate) : allowance;
    // A request dearer than a whole minute's allowance is paid for with a full bucket.
    const due = Math.min(cost, allowance);
    if (due <= points) {
      this.buckets.set(key, { points: points - due, at: now });
      return 0;
    }
    this.buckets.set(key, { points, at: now });
    return Math.max(1, Math.ceil((due - points) / rate / 1000));
  }

  /**
   * Takes `cost` whether or not the bucket holds it: the bucket may go as far as a minute's
   * allowance below empty, which the caller then waits out before its next charge passes.
   */
  spend(key: string, cost: number): void {
    const allowance = this.perMinute(key);
    if (allowance <= 0) return;
    const now = this.now();
    const b = this.buckets.get(key);
    const points = b ? Math.min(allowance, b.points + (now - b.at) * (allowance / 60_000)) : allowance;
    this.buckets.set(key, { points: Math.max(-allowance, points - cost), at: now });
  }

  /** Buckets full again carry no information: dropped once a minute so idle callers cost no memory. */
  private sweep(now: number): void {
    if (now - this.sweptAt < 60_000) return;
    this.sweptAt = now;
    for (const [key, b] of this.buckets) if (now - b.at >= 60_000) this.buckets.delete(key);
  }
}

/** What a caller past its cost points is answered (429), over GraphQL and the exports alike. */
export interface RateRefusal {
  status: 429;
  code: "RATE_LIMITED";
  message: string;
  extensions: { retryAfterSeconds: number; cost: number };
  headers: { "retry-after": string };
}

/**
 * Cost points per minute for each caller — its token, or its address without one — one budget
 * shared by everything the caller asks: GraphQL operations and exports.
 */
export class CallerRates {
  private readonly limiter: RateLimiter;

  constructor(private readonly limits: Pick<Limits, "rateLimitPerAddress" | "rateLimitPerToken">) {
    this.limiter = new RateLimiter((key) => this.allowanceOf(key));
  }

  /** The key a caller's points are counted under. */
  static keyOf(tokenId: number | undefined, address: string | undefined): string {
    return tokenId !== undefined ? `token:${tokenId}` : `address:${address ?? "local"}`;
  }

  private allowanceOf(key: string): number {
    return key.startsWith("token:") ? this.limits.rateLimitPerToken : this.limits.rateLimitPerAddress;
  }

  /** Charges `cost` before work starts; the refusal when the caller cannot pay it now. */
  charge(key: string, cost: number): RateRefusal | undefined {
    const wait = this.limiter.charge(key, Math.max(1, cost));
    if (wait <= 0) return undefined;
    const who = key.startsWith("token:") ? "token" : "address";
    return {
      status: 429,
      code: "RATE_LIMITED",
      message: `rate limit reached: this ${who} may spend ${this.allowanceOf(key)} cost points a minute and this query costs ${cost}; retry in ${wait} s`,
      extensions: { retryAfterSeconds: wait, cost },
      headers: { "retry-after": String(wait) },
    };
  }

  /** Takes `cost` for work already under way (an export's later pages): never refused, it is paid from the caller's next minute. */
  spend(key: string, cost: number): void {
    this.limiter.spend(key, cost);
  }
}
