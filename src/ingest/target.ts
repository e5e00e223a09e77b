/**
 * Reads a printed performance target into comparator, number and unit where it has them:
 * "≥90%" → (">=", "90", "%"), "≥470人次" → (">=", "470", "人次"), "100%" → ("=", "100", "%").
 * Qualitative targets ("及时", "良好", "一月一主题月月有活动") have none: the text is kept as printed.
 */
export interface ParsedTarget {
  comparator: ">=" | "<=" | ">" | "<" | "=" | null;
  value: string | null;
  unit: string | null;
}

const COMPARATORS: Record<string, ParsedTarget["comparator"]> = {
  "≥": ">=", ">=": ">=", "＞=": ">=", "≧": ">=", "不低于": ">=", "不少于": ">=",
  "≤": "<=", "<=": "<=", "＜=": "<=", "≦": "<=", "不高于": "<=", "不超过": "<=",
  ">": ">", "＞": ">", "高于": ">",
  "<": "<", "＜": "<", "低于": "<",
  "=": "=", "＝": "=",
};

// A comparator (optional), a number, then a short unit with no further digits.
const TARGET = /^(≥|>=|＞=|≧|不低于|不少于|≤|<=|＜=|≦|不高于|不超过|>|＞|高于|<|＜|低于|=|＝)?\s*(\d+(?:\.\d+)?)\s*([^\d\s]{0,6})$/;

const NOT_QUALITATIVE: ParsedTarget = { comparator: null, value: null, unit: null };

export function parseTarget(printed: string): ParsedTarget {
  const text = printed.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/％/g, "%");
  const m = TARGET.exec(text);
  if (!m) return NOT_QUALITATIVE;
  const [, op, num, unit] = m;
  return { comparator: op ? COMPARATORS[op]! : "=", value: normalizeNumber(num!), unit: unit || null };
}

/** "090.50" → "90.5": the number's exact decimal text. */
function normalizeNumber(text: string): string {
  const [whole, frac = ""] = text.split(".");
  const w = whole!.replace(/^0+(?=\d)/, "");
  const f = frac.replace(/0+$/, "");
  return f ? `${w}.${f}` : w;
}

/** The number × 10^6 as an integer string, so SQL can compare targets exactly. */
export function toMicro(value: string): string {
  const negative = value.trim().startsWith("-");
  const [whole, frac = ""] = value.trim().replace(/^[+-]/, "").split(".");
  const micro = BigInt(whole || "0") * 1_000_000n + BigInt(frac.slice(0, 6).padEnd(6, "0"));
  return (negative ? -micro : micro).toString();
}
