import type { MoneyUnit } from "../../common/money-unit";

/**
 * What a writer (CSV, XLSX) is given: columns, the rows as they are produced, and what the
 * export is. Money travels as 分 (bigint) to the writer, which prints it in the export's unit.
 */
export type CellKind = "text" | "int" | "money" | "percent";
export type Cell = string | number | bigint | null;

export interface Column {
  header: string;
  kind: CellKind;
}

export interface SourceDocumentRow {
  fileName: string | null;
  checksum: string | null;
  department: string;
  year: number;
  stage: string;
  version: number;
  status: string;
}

export interface ExportTable {
  /** The sheet's name and the file's base name. */
  name: string;
  title: string;
  columns: Column[];
  unit: MoneyUnit;
  /** Lines of the 说明 sheet: label and value (filter, stage, unit, generated at, viewer). */
  about: [string, string][];
  /** The documents of the budgets within the filter's reach; `more` counts those not listed. */
  sources: { rows: SourceDocumentRow[]; more: number };
  rows: AsyncIterable<Cell[]>;
}

/** "金额（万元）": a money column's header names its unit. */
export const withUnit = (header: string, unit: MoneyUnit) => `${header}（${unit === "YUAN" ? "元" : "万元"}）`;
