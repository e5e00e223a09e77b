/**
 * Money is an integer count of 分 (bigint). Text in and text out; no float ever holds an amount.
 */
export type MoneyUnitCode = "YUAN" | "WAN_YUAN";
/** Units a document may print its figures in: the API's two, and 千元, which some tables use. */
export type PrintedUnit = MoneyUnitCode | "THOUSAND_YUAN";
export const PRINTED_UNITS: readonly PrintedUnit[] = ["YUAN", "THOUSAND_YUAN", "WAN_YUAN"];

/** 分 per unit: 1 元 = 100 分, 1 千元 = 100,000 分, 1 万元 = 1,000,000 分. */
const FEN_PER: Record<PrintedUnit, bigint> = { YUAN: 100n, THOUSAND_YUAN: 100_000n, WAN_YUAN: 1_000_000n };
const DECIMALS: Record<PrintedUnit, number> = { YUAN: 2, THOUSAND_YUAN: 5, WAN_YUAN: 6 };

/** Units from finest to coarsest. */
const COARSENESS: Record<PrintedUnit, number> = { YUAN: 0, THOUSAND_YUAN: 1, WAN_YUAN: 2 };

/** The coarsest of the units a comparison's figures were printed in: its rounding is the widest. */
export function coarsest(...units: (PrintedUnit | null | undefined)[]): PrintedUnit {
  return units.reduce<PrintedUnit>((a, u) => (u && COARSENESS[u] > COARSENESS[a] ? u : a), "YUAN");
}

/**
 * Half the last printed digit of a figure in `unit`, in 分: 万元 figures are printed to 0.1
 * (0.05 万元 = 50,000 分), 元 and 千元 figures to 0.01 of their unit.
 */
export function roundingHalfStep(unit: PrintedUnit): bigint {
  return unit === "WAN_YUAN" ? 50_000n : unit === "THOUSAND_YUAN" ? 500n : 1n;
}

/** The unit word a document prints: 元, 千元, 万元. */
export const UNIT_WORD: Record<PrintedUnit, string> = { YUAN: "元", THOUSAND_YUAN: "千元", WAN_YUAN: "万元" };

const DECIMAL_TEXT = /^([+-])?(\d+)(?:\.(\d+))?$/;

export class AmountFormatError extends Error {}

/** "8562.6" in 万元 → 8_562_600_000n 分. Rejects text that is not a plain decimal or is finer than 1 分. */
export function parseAmount(text: string, unit: PrintedUnit): bigint {
  const m = DECIMAL_TEXT.exec(text.trim());
  if (!m) throw new AmountFormatError(`"${text}" is not a decimal amount`);
  const [, sign, whole, frac = ""] = m;
  const places = DECIMALS[unit];
  const significant = frac.replace(/0+$/, "");
  if (significant.length > places) throw new AmountFormatError(`"${text}" is finer than 1 分 in ${unit}`);
  const fen = BigInt(whole) * FEN_PER[unit] + BigInt(significant.padEnd(places, "0") || "0");
  return sign === "-" ? -fen : fen;
}

/**
 * 8_562_600_000n 分 → "8562.6" in 万元: no separators, trailing zeros dropped except the
 * `minDecimals` a printed figure keeps (450 万元 printed as "450.0" with minDecimals 1).
 */
export function formatFen(fen: bigint, unit: PrintedUnit, minDecimals = 0): string {
  const per = FEN_PER[unit];
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const whole = abs / per;
  const digits = (abs % per).toString().padStart(DECIMALS[unit], "0");
  const frac = digits.replace(/0+$/, "").padEnd(minDecimals, "0");
  return `${negative && abs !== 0n ? "-" : ""}${whole}${frac ? "." + frac : ""}`;
}

/** How many decimals a figure was printed with: "4,550.70" → 2, "450" → 0. */
export function decimalsOf(text: string): number {
  return /[.．](\d+)\s*$/.exec(text)?.[1]!.length ?? 0;
}

/** A database integer (string on MySQL, number on SQLite, null for blank) as 分. */
export function toFen(value: unknown): bigint {
  if (value === null || value === undefined) return 0n;
  if (typeof value === "bigint") return value;
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) throw new RangeError(`amount ${value} is not an exact integer`);
    return BigInt(value);
  }
  return BigInt(String(value));
}

export function toFenOrNull(value: unknown): bigint | null {
  return value === null || value === undefined ? null : toFen(value);
}
