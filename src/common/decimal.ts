/**
 * Exact decimal text that is not money: percentages and performance-target values. Numbers stay
 * text or integers; nothing passes through a float.
 */
const DECIMAL_TEXT = /^([+-])?(\d*)(?:\.(\d*))?$/;

/** "090.50" → "90.5", "-0.0" → "0": the number's shortest exact text. */
export function canonicalDecimal(text: string): string {
  const m = DECIMAL_TEXT.exec(text.trim());
  if (!m) throw new RangeError(`"${text}" is not a decimal number`);
  const [, sign, w = "", f = ""] = m;
  const whole = w.replace(/^0+(?=\d)/, "") || "0";
  const frac = f.replace(/0+$/, "");
  const body = frac ? `${whole}.${frac}` : whole;
  return sign === "-" && /[1-9]/.test(body) ? `-${body}` : body;
}

/** The number × 10^places as an integer, truncated: "12.345" at 2 places → 1234n. */
export function scaled(text: string, places: number): bigint {
  const m = DECIMAL_TEXT.exec(text.trim());
  if (!m) throw new RangeError(`"${text}" is not a decimal number`);
  const [, sign, w = "", f = ""] = m;
  const n = BigInt((w || "0") + f.padEnd(places, "0").slice(0, places));
  return sign === "-" ? -n : n;
}

/** The number × 10^6 as an integer string, so SQL can compare targets exactly. */
export function toMicro(value: string): string {
  return scaled(value, 6).toString();
}
