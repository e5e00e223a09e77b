import { describe, expect, it } from "vitest";
import { FailureLimiter } from "../../src/modules/access/failure-limiter";

describe("failed authentications per address", () => {
  it("refuses an address at the limit until its oldest failure leaves the minute", () => {
    const limiter = new FailureLimiter(3, 60_000);
    const t0 = 1_000_000;
    limiter.fail("a", t0);
    limiter.fail("a", t0 + 10_000);
    expect(limiter.retryAfterMs("a", t0 + 10_000)).toBe(0);
    limiter.fail("a", t0 + 20_000);
    expect(limiter.retryAfterMs("a", t0 + 20_000)).toBe(40_000);
    expect(limiter.retryAfterMs("b", t0 + 20_000)).toBe(0);
    // The first failure leaves the window: one more try, then refused again until the second leaves.
    expect(limiter.retryAfterMs("a", t0 + 60_000)).toBe(0);
    limiter.fail("a", t0 + 60_000);
    expect(limiter.retryAfterMs("a", t0 + 60_000)).toBe(10_000);
    expect(limiter.retryAfterMs("a", t0 + 200_000)).toBe(0);
  });

  it("keeps no more than the limit per address, however long the flood", () => {
    const limiter = new FailureLimiter(20, 60_000);
    for (let i = 0; i < 100_000; i++) limiter.fail("flood", 5_000_000 + i);
    const kept = (limiter as unknown as { failures: Map<string, number[]> }).failures.get("flood")!;
    expect(kept).toHaveLength(20);
    expect(limiter.retryAfterMs("flood", 5_000_000 + 100_000)).toBe(60_000 - 20);
  });

  it("forgets addresses whose failures are all older than the window", () => {
    const limiter = new FailureLimiter(5, 60_000);
    for (let i = 0; i < 500; i++) limiter.fail(`10.0.${Math.floor(i / 250)}.${i % 250}`, 0);
    for (let i = 0; i < 1000; i++) limiter.retryAfterMs("someone", 120_000);
    expect((limiter as unknown as { failures: Map<string, number[]> }).failures.size).toBe(0);
  });
});
