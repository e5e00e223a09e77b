/**
 * Counts failed authentications per client address over a sliding window, in memory. After
 * `limit` failures within `windowMs`, that address is refused until the oldest of them leaves
 * the window. One process keeps its own counts: behind several processes the limit is per
 * process, still enough to turn 1,000 guesses a second into 20 a minute each.
 */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();
  private checks = 0;

  constructor(
    readonly limit: number,
    readonly windowMs = 60_000,
  ) {}

  /** Milliseconds until `address` may try again; 0 when it may now. */
  retryAfterMs(address: string, now = Date.now()): number {
    if (++this.checks % 1000 === 0) this.sweep(now);
    const times = this.recent(address, now);
    return times.length >= this.limit ? times[0]! + this.windowMs - now : 0;
  }

  fail(address: string, now = Date.now()): void {
    const times = this.recent(address, now);
    times.push(now);
    // Only the newest `limit` matter: a flood costs no more memory than `limit` failures.
    if (times.length > this.limit) times.splice(0, times.length - this.limit);
    this.failures.set(address, times);
  }

  private recent(address: string, now: number): number[] {
    const times = this.failures.get(address);
    if (!times) return [];
    while (times.length && times[0]! <= now - this.windowMs) times.shift();
    if (!times.length) this.failures.delete(address);
    return times;
  }

  /** Forgets addresses whose failures have all left the window. */
  private sweep(now: number): void {
    for (const address of [...this.failures.keys()]) this.recent(address, now);
  }
}
