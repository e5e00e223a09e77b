import type { IncomingMessage, ServerResponse } from "node:http";
import type { DataSource } from "typeorm";
import { sendClientGraphqlError, sendJsonError } from "../../common/http-error";
import type { Limits } from "../../common/limits";
import type { CallerRates } from "../../common/rate-limit";
import { withinRouteLimits } from "../access/route-limits";
import { TABLE_CONTENT_TYPES, TABLE_FORMATS, TablesError, TablesService, parseFormat, parseStage } from "./tables.service";

const PATH = /^\/tables\/([^/]*)\/([^/]*)\.([^./]*)$/;
const SHAPE = `/tables/{department}/{year}.{${TABLE_FORMATS.join("|")}}?stage=BUDGET|ADJUSTED|FINAL`;

/**
 * `GET /tables/{department}/{year}.{xlsx|html|txt}?stage=…`: the standard tables of a stored
 * budget, regenerated, for the caller the Authorization header names (as for /graphql and the
 * exports: the public sees published budgets only). A mistake is answered 400 with a code and
 * the parameter; a budget that does not exist, or that the caller may not see, 404. The request
 * shares GraphQL's limits: it is charged an aggregate's cost to the caller's points (429
 * RATE_LIMITED) and answered 503 REQUEST_TIMEOUT past the request deadline. Returns false for
 * paths that are not under /tables/.
 */
export function tablesRoute(ds: DataSource, limits: Pick<Limits, "requestDeadlineMs">, rates: CallerRates) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (!url.pathname.startsWith("/tables/")) return false;
    const match = PATH.exec(url.pathname);
    if (!match) {
      sendJsonError(res, 404, "NOT_FOUND", `no such path: the standard tables are at ${SHAPE}`);
      return true;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      sendJsonError(res, 405, "METHOD_NOT_ALLOWED", "the standard tables are read with GET", {}, { allow: "GET, HEAD" });
      return true;
    }
    let rendered;
    try {
      const [, department, year, extension] = match as unknown as [string, string, string, string];
      const format = parseFormat(extension);
      if (!/^[0-9A-Za-z]{1,32}$/.test(department)) throw new TablesError(400, "BAD_USER_INPUT", `department: ${JSON.stringify(decodeURIComponent(department).slice(0, 40))} is not a department code (digits and letters)`, "department");
      if (!/^[12][0-9]{3}$/.test(year)) throw new TablesError(400, "BAD_USER_INPUT", `year: ${JSON.stringify(decodeURIComponent(year).slice(0, 40))} is not a year (four digits)`, "year");
      const unknown = [...url.searchParams.keys()].find((k) => k !== "stage");
      if (unknown !== undefined) throw new TablesError(400, "UNKNOWN_PARAMETER", `unknown parameter ${JSON.stringify(unknown.slice(0, 40))}; the standard tables take stage`, unknown.slice(0, 40));
      if (url.searchParams.getAll("stage").length > 1) throw new TablesError(400, "BAD_USER_INPUT", "stage is given more than once; it takes one value", "stage");
      const stage = parseStage(url.searchParams.get("stage"));
      const built = await withinRouteLimits(req, res, `tables ${url.pathname}`, { ds, rates, deadlineMs: limits.requestDeadlineMs }, (viewer) =>
        new TablesService(ds, viewer).render(department, Number(year), stage, format),
      );
      if (!built) return true;
      rendered = built.value;
    } catch (err) {
      if (err instanceof TablesError) {
        sendJsonError(res, err.status, err.code, err.message, err.parameter ? { parameter: err.parameter } : {});
        return true;
      }
      if (sendClientGraphqlError(res, err)) return true;
      throw err;
    }
    res.statusCode = 200;
    res.setHeader("content-type", TABLE_CONTENT_TYPES[rendered.format]);
    // A page is shown where it is asked for; a workbook or text is a file to keep.
    res.setHeader("content-disposition", `${rendered.format === "html" ? "inline" : "attachment"}; filename="${rendered.fileName}"`);
    res.setHeader("content-length", rendered.body.length);
    // A FINANCE caller's tables may be a draft's: no shared cache keeps them.
    res.setHeader("cache-control", "no-store");
    res.end(req.method === "HEAD" ? undefined : rendered.body);
    return true;
  };
}
