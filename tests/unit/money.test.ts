import { describe, expect, it } from "vitest";
import { canonicalDecimal, scaled, toMicro } from "../../src/common/decimal";
import { AmountFormatError, decimalsOf, formatFen, parseAmount, toFen } from "../../src/common/money";

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

describe("decimal text that is not money", () => {
  it.each([
    ["090.50", "90.5"],
    ["-0.0", "0"],
    ["100", "100"],
    ["0.10", "0.1"],
    ["-2.10", "-2.1"],
  ])("writes %s as %s", (text, expected) => expect(canonicalDecimal(text)).toBe(expected));

  it("scales exactly, truncating beyond the places asked for", () => {
    expect(scaled("12.345", 2)).toBe(1234n);
    expect(scaled("-2.1", 1)).toBe(-21n);
    expect(toMicro("90")).toBe("90000000");
    expect(toMicro("-0.5")).toBe("-500000");
  });

  it("keeps the decimals a figure was printed with", () => {
    expect(formatFen(450_000_000n, "WAN_YUAN", 1)).toBe("450.0");
    expect(formatFen(4_550_700_000n, "WAN_YUAN", 2)).toBe("4550.70");
    expect(formatFen(-500_000n, "WAN_YUAN", 1)).toBe("-0.5");
    expect(formatFen(8_562_612_345n, "WAN_YUAN", 1)).toBe("8562.612345");
    expect(decimalsOf("4,550.70")).toBe(2);
    expect(decimalsOf("450")).toBe(0);
  });
});
