import type { IncomingMessage, ServerResponse } from "node:http";
import type { DataSource } from "typeorm";
import { AGGREGATE_COST } from "../../common/complexity";
import { sendClientGraphqlError, sendJsonError } from "../../common/http-error";
import type { Limits } from "../../common/limits";
import type { CallerRates } from "../../common/rate-limit";
import { logger } from "../../ops/logger";
import { withinRouteLimits } from "../access/route-limits";
import { writeCsv } from "./csv";
import type { ExportTable } from "./export-table";
import { EXPORT_CHUNK, ExportService } from "./export.service";
import { EXPORT_FORMATS, EXPORT_KINDS, type ExportFormat, type ExportKind, ExportParamError, parseExportParams } from "./export.params";
import { writeXlsx } from "./xlsx";

const PATH = new RegExp(`^/export/(${EXPORT_KINDS.join("|")})\\.(${EXPORT_FORMATS.join("|")})$`);

export const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * The rows of `table`, charging the caller as GraphQL prices a list — AGGREGATE_COST for each
 * statement a page takes, a point for each cell — as they are written. The first statement was
 * charged before it ran; these charges are never refused mid-file, the caller's next minute pays.
 */
function charged(table: ExportTable, spend: (cost: number) => void): ExportTable["rows"] {
  const source = table.rows;
  const cells = table.columns.length;
  return {
    async *[Symbol.asyncIterator]() {
      let rows = 0;
      for await (const row of source) {
        if (++rows % EXPORT_CHUNK === 0) spend(EXPORT_CHUNK * cells + AGGREGATE_COST);
        yield row;
      }
      spend((rows % EXPORT_CHUNK) * cells);
    },
  };
}

/**
 * `GET /export/{expenditure|projects|indicators|discrepancies}.{csv|xlsx}?…`: the file, streamed
 * as the rows are read, for the caller the Authorization header names (the public sees
 * published budgets only). Mistakes are answered 400 with a code and the parameter's name before
 * a byte of the file is sent; a failure after that cuts the response short, so a client never
 * takes half a file for a whole one. Exports share GraphQL's limits: the caller's cost points
 * (`rates`, 429 RATE_LIMITED) and the request deadline up to the first byte (503
 * REQUEST_TIMEOUT); past it the rows stream at the client's pace, each statement bounded by the
 * database's statement timeout. Returns false for paths that are not an export.
 */
export function exportRoute(ds: DataSource, limits: Pick<Limits, "maxStringLength" | "maxListValues" | "requestDeadlineMs">, rates: CallerRates) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const match = PATH.exec(url.pathname);
    if (!match && !url.pathname.startsWith("/export/")) return false;
    if (!match) {
      sendJsonError(res, 404, "NOT_FOUND", `no such export: ${EXPORT_KINDS.map((k) => `/export/${k}.{csv|xlsx}`).join(", ")}`);
      return true;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      sendJsonError(res, 405, "METHOD_NOT_ALLOWED", "exports are read with GET", {}, { allow: "GET, HEAD" });
      return true;
    }
    const kind = match[1] as ExportKind;
    const format = match[2] as ExportFormat;
    let table: ExportTable;
    let rateKey: string;
    try {
      const params = parseExportParams(kind, url.searchParams.entries(), limits);
      const built = await withinRouteLimits(req, res, `export ${kind}.${format}`, { ds, rates, deadlineMs: limits.requestDeadlineMs }, (viewer) =>
        new ExportService(ds, viewer).table(kind, params),
      );
      if (!built) return true;
      ({ value: table, rateKey } = built);
    } catch (err) {
      if (err instanceof ExportParamError) {
        sendJsonError(res, 400, err.code, err.message, { parameter: err.parameter });
        return true;
      }
      if (sendClientGraphqlError(res, err)) return true;
      throw err;
    }
    res.statusCode = 200;
    res.setHeader("content-type", CONTENT_TYPE[format]);
    res.setHeader("content-disposition", `attachment; filename="${kind}.${format}"`);
    // A FINANCE caller's file may hold drafts: no shared cache keeps it.
    res.setHeader("cache-control", "no-store");
    if (req.method === "HEAD") {
      res.end();
      return true;
    }
    table.rows = charged(table, (cost) => rates.spend(rateKey, cost));
    try {
      await (format === "csv" ? writeCsv(table, res) : writeXlsx(table, res));
      res.end();
    } catch (err) {
      // The HTTP layer named the request (x-request-id, set before any route) and logs its line.
      logger.error({ requestId: res.getHeader("x-request-id"), err }, `export ${kind}.${format} failed after it started`);
      res.destroy();
    }
    return true;
  };
}
