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
 * blank nor a number is an error naming the file, line and column (and the cell's index in the
 * line, `cell`, so a spreadsheet's error names the cell: "a.xlsx 部门支出总体情况表!F9").
 */
export function cellAmount(
  cell: string | undefined,
  unit: PrintedUnit,
  where: { fileName: string; line: number; column: string; cell?: number },
): bigint | null {
  const text = (cell ?? "").trim();
  if (text === "" || text === "-" || text === "—") return null;
  if (!looksLikeAmount(text)) {
    throw new DocumentError(where.fileName, where.line, `${where.column}: "${text}" is not an amount`, where.cell);
  }
  try {
    return parseAmount(plainNumber(text), unit);
  } catch (e) {
    if (e instanceof AmountFormatError) throw new DocumentError(where.fileName, where.line, `${where.column}: ${e.message}`, where.cell);
    throw e;
  }
}

/** Decimals of 1 分 in each unit. */
const FEN_PLACES: Record<PrintedUnit, number> = { YUAN: 2, THOUSAND_YUAN: 5, WAN_YUAN: 6 };

/**
 * A number a spreadsheet stored (exact decimal of a double, "8562.599999999999") rounded half away
 * from zero to 1 分 of `unit` ("8562.6"); null when it is no finer than 分 (nothing to round).
 * Only stored numbers are rounded: printed text finer than 分 stays an error.
 */
export function roundStoredNumber(text: string, unit: PrintedUnit): string | null {
  const m = /^(-?)(\d+)\.(\d+)$/.exec(text.trim());
  const places = FEN_PLACES[unit];
  if (!m || m[3]!.replace(/0+$/, "").length <= places) return null;
  const [, sign, whole, frac] = m;
  const scaled = BigInt(whole! + frac!.slice(0, places)) + (Number(frac![places]) >= 5 ? 1n : 0n);
  const digits = scaled.toString().padStart(places + 1, "0");
  const rounded = `${digits.slice(0, -places)}.${digits.slice(-places)}`.replace(/\.?0+$/, "");
  return `${sign && /[1-9]/.test(rounded) ? "-" : ""}${rounded}`;
}

/** An amount written in narrative text ("8562.6", "4,550.7"), as 分. */
export function textAmount(text: string, unit: PrintedUnit): bigint {
  return parseAmount(plainNumber(text), unit);
}

/** Removes the spaces PDF extraction puts inside words ("管 委会", "基 金的补助"). */
export function joinWords(s: string): string {
  return s.replace(/\s+/g, "");
}
