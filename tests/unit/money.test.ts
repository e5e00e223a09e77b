import { describe, expect, it } from "vitest";
import { AmountFormatError, formatFen, parseAmount, toFen } from "../../src/common/money";

describe("money", () => {
  it("reads 万元 and 元 text into exact 分", () => {
    expect(parseAmount("8562.6", "WAN_YUAN")).toBe(8_562_600_000n);
    expect(parseAmount("4458.0", "WAN_YUAN")).toBe(4_458_000_000n);
    expect(parseAmount("0.000001", "WAN_YUAN")).toBe(1n);
    expect(parseAmount("85626000.00", "YUAN")).toBe(8_562_600_000n);
    expect(parseAmount("-180.8", "WAN_YUAN")).toBe(-180_800_000n);
  });

  it("refuses text that is not a plain decimal or is finer than 1 分", () => {
    expect(() => parseAmount("8,562.6", "WAN_YUAN")).toThrow(AmountFormatError);
    expect(() => parseAmount("8562.6万", "WAN_YUAN")).toThrow(/not a decimal/);
    expect(() => parseAmount("1.001", "YUAN")).toThrow(/finer than 1 分/);
    expect(() => parseAmount("", "YUAN")).toThrow(AmountFormatError);
  });

  it("formats 分 in either unit without float error or trailing zeros", () => {
    expect(formatFen(8_562_600_000n, "WAN_YUAN")).toBe("8562.6");
    expect(formatFen(8_562_600_000n, "YUAN")).toBe("85626000");
    expect(formatFen(12_345n, "YUAN")).toBe("123.45");
    expect(formatFen(-180_800_000n, "WAN_YUAN")).toBe("-180.8");
    expect(formatFen(0n, "WAN_YUAN")).toBe("0");
    // 0.1 + 0.2 in 万元 stays exact.
    expect(formatFen(parseAmount("0.1", "WAN_YUAN") + parseAmount("0.2", "WAN_YUAN"), "WAN_YUAN")).toBe("0.3");
  });

  it("round-trips every amount the seed prints", () => {
    for (const text of ["8562.6", "4550.7", "4011.9", "4461.4", "89.3", "3200", "0.1", "1860"]) {
      expect(formatFen(parseAmount(text, "WAN_YUAN"), "WAN_YUAN")).toBe(text);
    }
  });

  it("takes database integers as strings or safe numbers only", () => {
    expect(toFen("9007199254740993")).toBe(9_007_199_254_740_993n);
    expect(toFen(42)).toBe(42n);
    expect(toFen(null)).toBe(0n);
    expect(() => toFen(0.5)).toThrow(RangeError);
  });
});
