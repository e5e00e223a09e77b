import { canonicalDecimal } from "../common/decimal";
import { halfWidthDigits } from "../common/text";

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
  const text = halfWidthDigits(printed.trim()).replace(/％/g, "%");
  const m = TARGET.exec(text);
  if (!m) return NOT_QUALITATIVE;
  const [, op, num, unit] = m;
  return { comparator: op ? COMPARATORS[op]! : "=", value: canonicalDecimal(num!), unit: unit || null };
}
