import { halfWidthDigits } from "../../common/text";
import { AmountFormatError, parseAmount, type PrintedUnit } from "../../common/money";
import { DocumentError } from "./document";

/** A printed figure with thousands separators (8,562.6), full-width digits, or blank. */
const PRINTED_AMOUNT = /^-?[\d０-９]{1,3}(?:[,，][\d０-９]{3})*(?:[.．][\d０-９]+)?$|^-?[\d０-９]+(?:[.．][\d０-９]+)?$/;

/** A printed figure as plain decimal text: ASCII digits and point, no separators. */
function plainNumber(s: string): string {
  return halfWidthDigits(s).replace(/．/g, ".").replace(/[,，\s]/g, "");
}

export function looksLikeAmount(cell: string): boolean {
  return PRINTED_AMOUNT.test(cell.trim());
}

/**
 * A table cell as 分: blank → null; "8,562.6" in 万元 → 8_562_600_000n. A cell that is neither
 * blank nor a number is an error naming the file, line and column.
 */
export function cellAmount(
  cell: string | undefined,
  unit: PrintedUnit,
  where: { fileName: string; line: number; column: string },
): bigint | null {
  const text = (cell ?? "").trim();
  if (text === "" || text === "-" || text === "—") return null;
  if (!looksLikeAmount(text)) {
    throw new DocumentError(where.fileName, where.line, `${where.column}: "${text}" is not an amount`);
  }
  try {
    return parseAmount(plainNumber(text), unit);
  } catch (e) {
    if (e instanceof AmountFormatError) throw new DocumentError(where.fileName, where.line, `${where.column}: ${e.message}`);
    throw e;
  }
}

/** An amount written in narrative text ("8562.6", "4,550.7"), as 分. */
export function textAmount(text: string, unit: PrintedUnit): bigint {
  return parseAmount(plainNumber(text), unit);
}

/** Removes the spaces PDF extraction puts inside words ("管 委会", "基 金的补助"). */
export function joinWords(s: string): string {
  return s.replace(/\s+/g, "");
}
