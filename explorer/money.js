// Amounts arrive from the API as exact decimal strings of 万元 ("8562.6", "0.000001"). Totals the
// page shows are added and rounded here as integers of millionths (1 分 = 0.000001 万元), never
// as floats; charts get Number()s, which only decide how long a bar is drawn.

const SCALE = 1_000_000n;

/** "8562.6" → 8562600000n (millionths); "" or null → 0n. */
export function units(value) {
  if (value === null || value === undefined || value === "") return 0n;
  const s = String(value);
  const neg = s.startsWith("-");
  const [whole, frac = ""] = s.replace(/^[-+]/, "").split(".");
  const n = BigInt(whole || "0") * SCALE + BigInt((frac + "000000").slice(0, 6));
  return neg ? -n : n;
}

/** millionths → "8562.6" (exact, trailing zeros dropped). */
export function decimal(n) {
  const neg = n < 0n;
  const a = neg ? -n : n;
  const frac = (a % SCALE).toString().padStart(6, "0").replace(/0+$/, "");
  return `${neg ? "-" : ""}${a / SCALE}${frac ? `.${frac}` : ""}`;
}

/** Adds decimal strings exactly. */
export function sum(values) {
  return decimal(values.reduce((s, v) => s + units(v), 0n));
}

export function minus(a, b) {
  return decimal(units(a) - units(b));
}

/** Rounds millionths half away from zero to `places` decimals and groups thousands: 8562600000n → "8,562.6". */
function grouped(n, places) {
  const neg = n < 0n;
  const a = neg ? -n : n;
  const step = 10n ** BigInt(6 - places);
  const q = (a + step / 2n) / step;
  const scale = 10n ** BigInt(places);
  const whole = (q / scale).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const frac = places ? `.${(q % scale).toString().padStart(places, "0")}` : "";
  return `${neg && q !== 0n ? "-" : ""}${whole}${frac}`;
}

/** A 万元 amount the Chinese way: thousands separators, one decimal. Null stays a dash. */
export function wan(value) {
  if (value === null || value === undefined) return "—";
  return grouped(units(value), 1);
}

/** A percentage string ("99.40") as shown: "99.4%". */
export function percent(value) {
  if (value === null || value === undefined) return "—";
  return `${grouped(units(value), 1)}%`;
}

/** (target − base) ÷ base × 100, exact to one decimal, or null when base is 0. */
export function rate(target, base) {
  const b = units(base);
  if (b === 0n) return null;
  const change = (units(target) - units(base)) * 100n * SCALE;
  const neg = (change < 0n) !== (b < 0n);
  const a = change < 0n ? -change : change;
  const d = b < 0n ? -b : b;
  return decimal((neg ? -1n : 1n) * ((2n * a + d) / (2n * d)));
}

/** Whether a rate in percent lies more than `by` points away from 100 (execution off its budget). */
export function offBy(ratePercent, by) {
  if (ratePercent === null || ratePercent === undefined) return true; // spent with nothing budgeted
  const gap = units(ratePercent) - 100n * SCALE;
  return (gap < 0n ? -gap : gap) > BigInt(by) * SCALE;
}

/** For drawing only. */
export const number = (value) => (value === null || value === undefined ? 0 : Number(value));

/** Like wan(), but a small nonzero difference that one decimal would show as 0.0 is shown exactly. */
export function wanDifference(value) {
  if (value === null || value === undefined) return "—";
  const shown = wan(value);
  return /^-?0\.0$/.test(shown) && units(value) !== 0n ? decimal(units(value)) : shown;
}
