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

  /** Buckets full again carry no information: dropped once a minute so idle callers cost no memory. */
  private sweep(now: number): void {
    if (now - this.sweptAt < 60_000) return;
    this.sweptAt = now;
    for (const [key, b] of this.buckets) if (now - b.at >= 60_000) this.buckets.delete(key);
  }
}
