import { describe, expect, it } from "vitest";
import { SortDirection } from "../../src/modules/analytics/analytics.type";
import { type Figure, rankFigures } from "../../src/modules/analytics/ranking.service";

const fig = (code: string, num: bigint | null, den: bigint | null = null): Figure => ({ code, num, den });
const ranked = (figures: Figure[], share: boolean, direction = SortDirection.DESC) => rankFigures(figures, share, direction).map(({ item, rank }) => `${rank}:${item.code}`);

describe("department rankings", () => {
  it("orders amounts exactly, ties share a rank and go by code, missing figures last either way", () => {
    const figures = [fig("004", null), fig("003", 5n), fig("002", 9_007_199_254_740_993n), fig("001", 5n), fig("005", 9_007_199_254_740_992n)];
    expect(ranked(figures, false)).toEqual(["1:002", "2:005", "3:001", "3:003", "5:004"]);
    expect(ranked(figures, false, SortDirection.ASC)).toEqual(["1:001", "1:003", "3:005", "4:002", "5:004"]);
  });

  it("orders shares by exact fractions, even where they agree to 18 places", () => {
    const third = fig("010", 1n, 3n);
    const sameThird = fig("011", 2n, 6n);
    // (10²⁰ + 1) / (3·10²⁰) is a third plus 1/(3·10²⁰): the same to 18 places, yet larger.
    const barelyMore = fig("012", 10n ** 20n + 1n, 3n * 10n ** 20n);
    const noWhole = fig("013", 7n, 0n);
    const half = fig("014", 1n, 2n);
    expect(ranked([third, noWhole, barelyMore, sameThird, half], true)).toEqual(["1:014", "2:012", "3:010", "3:011", "5:013"]);
    expect(ranked([third, noWhole, barelyMore, sameThird, half], true, SortDirection.ASC)).toEqual(["1:010", "1:011", "3:012", "4:014", "5:013"]);
  });
});
