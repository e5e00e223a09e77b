import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, toConnection, toPage } from "../../src/common/relay";

describe("relay paging", () => {
  it("caps first at 100 and rejects negatives", () => {
    expect(toPage({ first: 100 })).toEqual({ offset: 0, limit: 100 });
    expect(() => toPage({ first: 101 })).toThrow(/at most 100, got 101/);
    expect(() => toPage({ first: -1 })).toThrow(/between 0 and 100/);
  });

  it("continues after a cursor it issued and refuses others", () => {
    expect(toPage({ first: 10, after: encodeCursor(9) })).toEqual({ offset: 10, limit: 10 });
    expect(decodeCursor(encodeCursor(41))).toBe(41);
    expect(() => toPage({ after: "not-a-cursor" })).toThrow(/not a cursor this API issued/);
    expect(() => toPage({ after: Buffer.from("o:-3").toString("base64") })).toThrow(/cursor/);
  });

  it("uses the extra row only to say a next page exists", async () => {
    const c = toConnection([1, 2, 3], { offset: 0, limit: 2 }, async () => 7);
    expect(c.nodes).toEqual([1, 2]);
    expect(c.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(await c.totalCount()).toBe(7);
  });
});
