import { once } from "node:events";
import type { Writable } from "node:stream";
import { formatFen } from "../../common/money";
import type { MoneyUnit } from "../../common/money-unit";
import type { Cell, CellKind, ExportTable } from "./export-table";

/** Excel reads a CSV as UTF-8 only when it starts with the byte order mark. */
export const BOM = "\uFEFF";

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A cell as text: money as the exact decimal in the export's unit (never through a float). */
export function cellText(value: Cell, kind: CellKind, unit: MoneyUnit): string {
  if (value === null) return "";
  if (kind === "money") return formatFen(BigInt(value), unit);
  return String(value);
}

/** Writes the table as CSV (BOM, header row, CRLF lines), waiting whenever `out` is full. */
export async function writeCsv(table: ExportTable, out: Writable): Promise<void> {
  const line = (fields: string[]) => fields.map(csvField).join(",") + "\r\n";
  let buffer = BOM + line(table.columns.map((c) => c.header));
  const flush = async () => {
    if (!out.write(buffer)) await once(out, "drain");
    buffer = "";
  };
  for await (const row of table.rows) {
    buffer += line(row.map((v, i) => cellText(v, table.columns[i]!.kind, table.unit)));
    if (buffer.length > 64 * 1024) await flush();
  }
  if (buffer) await flush();
}
