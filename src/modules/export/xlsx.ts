import { once } from "node:events";
import { PassThrough, type Writable } from "node:stream";
import { finished } from "node:stream/promises";
import ExcelJS from "exceljs";
import { formatFen } from "../../common/money";
import type { MoneyUnit } from "../../common/money-unit";
import type { Cell, CellKind, ExportTable } from "./export-table";

/** Decimals a unit's figures can have: 元 to the 分, 万元 to the 分 too (0.000001 万元). */
export const UNIT_PLACES: Record<MoneyUnit, number> = { YUAN: 2, WAN_YUAN: 6 };
const MONEY_FORMAT: Record<MoneyUnit, string> = { YUAN: "#,##0.00", WAN_YUAN: "#,##0.00####" };

/**
 * A money cell: a number when the double read back and printed at the unit's places gives the
 * same decimal (any amount under 10^9 万元: at most 15 significant digits), else the exact text,
 * so no figure in a sheet is ever off by a rounding.
 */
export function moneyCell(fen: bigint, unit: MoneyUnit): number | string {
  const text = formatFen(fen, unit);
  const n = Number(text);
  return sameDecimal(n, text, UNIT_PLACES[unit]) ? n : text;
}

/** Whether `n` printed at `places` decimals is the decimal `text` (trailing zeros aside). */
export function sameDecimal(n: number, text: string, places: number): boolean {
  const strip = (s: string) => (s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s);
  return strip(n.toFixed(places)) === strip(text);
}

function xlsxValue(value: Cell, kind: CellKind, unit: MoneyUnit): ExcelJS.CellValue {
  if (value === null) return null;
  if (kind === "money") return moneyCell(BigInt(value), unit);
  if (kind === "percent") {
    const n = Number(value);
    return sameDecimal(n, String(value), 2) ? n : String(value);
  }
  return typeof value === "bigint" ? value.toString() : value;
}

/**
 * Writes the table as a workbook to `out`, streaming: a 说明 sheet first (what the export is and
 * the documents it comes from), then the data sheet, each row committed as it is produced.
 */
export async function writeXlsx(table: ExportTable, out: Writable): Promise<void> {
  // exceljs ends the stream it writes to; `out` stays open for its owner to end, as with CSV.
  const zip = new PassThrough();
  zip.pipe(out, { end: false });
  const drained = finished(zip);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: zip, useStyles: true, useSharedStrings: false });
  workbook.creator = "gaoxin-budget-platform";
  workbook.created = new Date();

  const about = workbook.addWorksheet("说明");
  about.columns = [{ width: 24 }, { width: 70 }, { width: 10 }, { width: 8 }, { width: 10 }, { width: 6 }, { width: 12 }];
  for (const [label, value] of table.about) about.addRow([label, value]).commit();
  about.addRow([]).commit();
  about.addRow(["来源文件 Source document", "校验和 Checksum", "部门", "年度", "阶段", "版本", "状态"]).commit();
  for (const s of table.sources.rows) about.addRow([s.fileName ?? "(none)", s.checksum ?? "", s.department, s.year, s.stage, s.version, s.status]).commit();
  if (table.sources.more > 0) about.addRow([`… and ${table.sources.more} more`]).commit();
  about.commit();

  const sheet = workbook.addWorksheet(table.name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({
    header: c.header,
    width: Math.max(10, Math.min(40, c.header.length * 2 + 2)),
    style: c.kind === "money" ? { numFmt: MONEY_FORMAT[table.unit] } : c.kind === "percent" ? { numFmt: "0.00" } : {},
  }));
  for await (const row of table.rows) {
    sheet.addRow(row.map((v, i) => xlsxValue(v, table.columns[i]!.kind, table.unit))).commit();
    if (zip.writableNeedDrain) await once(zip, "drain");
  }
  sheet.commit();
  await workbook.commit();
  await drained;
}
