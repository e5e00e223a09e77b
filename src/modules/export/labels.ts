import { getMetadataStorage } from "type-graphql";

/**
 * The Chinese term for an enum value, as its GraphQL description opens (BudgetStage.BUDGET
 * "年初预算 initial budget" → 年初预算; DiscrepancySeverity.ROUNDING "尾差: …" → 尾差): exports
 * print it in a column beside the code, so the schema stays the one place the terms are written.
 */
const cache = new Map<object, Map<string, string>>();

function labelsOf(enumObj: object): Map<string, string> {
  let labels = cache.get(enumObj);
  if (labels) return labels;
  const meta = getMetadataStorage().enums.find((e) => e.enumObj === enumObj);
  if (!meta) throw new Error("labelsOf: the enum is not registered with the schema");
  labels = new Map();
  for (const [code, config] of Object.entries(meta.valuesConfig ?? {})) {
    const term = /^[^\s:：(（]+/.exec((config as { description?: string }).description ?? "")?.[0];
    if (term) labels.set(code, term);
  }
  cache.set(enumObj, labels);
  return labels;
}

/** The term for `code` of `enumObj`, or null (no code, or a value the schema gives no term). */
export function labelOf(enumObj: object, code: string | null | undefined): string | null {
  return code == null ? null : (labelsOf(enumObj).get(code) ?? null);
}

/** The header of the column beside a code column: 阶段 → 阶段名称. */
export const labelHeader = (header: string) => `${header}名称`;
