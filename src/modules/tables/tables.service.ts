import type { DataSource } from "typeorm";
import { type Viewer, inForce } from "../../common/viewer";
import { BUDGET_STAGES, type BudgetStageCode } from "../../common/vocabulary";
import { exportBundle } from "../../ingest/export";
import { renderDisclosure, standardTableTitles } from "../../render/disclosure-text";
import { renderXlsx } from "../../render/disclosure-xlsx";
import { renderTablesHtml } from "../../render/tables-html";

/** The forms the standard tables come in: the workbook, a printable page, the project's text form. */
export const TABLE_FORMATS = ["xlsx", "html", "txt"] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

export const TABLE_CONTENT_TYPES: Record<TableFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  html: "text/html; charset=utf-8",
  txt: "text/plain; charset=utf-8",
};

/** A request the tables cannot answer: the HTTP status, a code, and the parameter at fault. */
export class TablesError extends Error {
  constructor(
    readonly status: 400 | 404,
    readonly code: "BAD_USER_INPUT" | "UNKNOWN_PARAMETER" | "NOT_FOUND",
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
  }
}

export interface RenderedTables {
  department: string;
  year: number;
  stage: BudgetStageCode;
  version: number;
  format: TableFormat;
  /** The tables' titles, in the order they come. */
  tables: string[];
  fileName: string;
  body: Buffer;
}

/** A stage as a client writes it, in any case; the error names the parameter. */
export function parseStage(text: string | null | undefined): BudgetStageCode {
  const stage = (text ?? "BUDGET").trim().toUpperCase();
  if (!(BUDGET_STAGES as readonly string[]).includes(stage)) throw new TablesError(400, "BAD_USER_INPUT", `stage: ${JSON.stringify(String(text).slice(0, 40))} is not one of ${BUDGET_STAGES.join(", ")}`, "stage");
  return stage as BudgetStageCode;
}

export function parseFormat(text: string): TableFormat {
  const format = text.toLowerCase();
  if (!(TABLE_FORMATS as readonly string[]).includes(format)) throw new TablesError(400, "BAD_USER_INPUT", `format: ${JSON.stringify(text.slice(0, 40))} is not one of ${TABLE_FORMATS.join(", ")}`, "format");
  return format as TableFormat;
}

/**
 * The standard tables of one department-year-stage, regenerated from what is stored: the budget
 * this viewer sees in force (the public the published version, the bureau the current one,
 * drafts included) is written back to a bundle and rendered. A budget the viewer may not see is
 * answered as one that does not exist.
 */
export class TablesService {
  constructor(
    private readonly ds: DataSource,
    private readonly viewer: Viewer,
  ) {}

  async render(departmentCode: string, year: number, stage: BudgetStageCode, format: TableFormat): Promise<RenderedTables> {
    const scope = inForce(this.viewer, "b");
    const [row] = (await this.ds.query(
      `SELECT b.id, b.version FROM department_budget b JOIN department d ON d.id = b.department_id WHERE d.code = ? AND b.year = ? AND b.stage = ? AND ${scope.sql}`,
      [departmentCode, year, stage, ...scope.params],
    )) as { id: number; version: number }[];
    if (!row) {
      const [department] = (await this.ds.query("SELECT id FROM department WHERE code = ?", [departmentCode])) as unknown[];
      throw new TablesError(404, "NOT_FOUND", department ? `department ${departmentCode} has no ${stage} budget for ${year}` : `no department ${departmentCode}`, department ? "year" : "department");
    }
    const bundle = await exportBundle(this.ds, Number(row.id));
    // The 预算 template's thirteen tables, or the 决算's nine: every table of the stage's template.
    const options = { everyTable: true };
    const body =
      format === "xlsx" ? await renderXlsx(bundle, options) : Buffer.from(format === "html" ? renderTablesHtml(bundle, options) : renderDisclosure(bundle, options), "utf8");
    return {
      department: departmentCode,
      year,
      stage,
      version: Number(row.version),
      format,
      tables: standardTableTitles(stage),
      fileName: `${departmentCode}-${year}-${stage}.${format}`,
      body,
    };
  }
}
