import { join } from "node:path";
import { PROJECT_ROOT } from "../web/page-bundle";
import { JSON_TYPE, pageRoutes, type RouteHandler, send } from "../web/page-routes";
import { ideBundle } from "./bundle";
import { loadSavedOperations } from "./operations";

/**
 * GraphiQL at /graphiql, its files at /graphiql/assets/, the saved operations at
 * /graphiql/operations.json, and in development `/` sends the browser there. Everything the page
 * loads comes from this server; the Content-Security-Policy makes the browser hold it to that.
 */
export const IDE_PATH = "/graphiql";

export interface IdeRouteOptions {
  /** Redirects `/` to the IDE; on when NODE_ENV is not "production". */
  development?: boolean;
  /** Where the saved operations are read from, once, when the server starts. */
  operationsDir?: string;
}

/** Answers the IDE's paths and returns true, or returns false for every other request. */
export function ideRoutes(opts: IdeRouteOptions = {}): RouteHandler {
  const development = opts.development ?? process.env.NODE_ENV !== "production";
  const operations = JSON.stringify(loadSavedOperations(opts.operationsDir ?? join(PROJECT_ROOT, "schema", "operations")));
  const page = pageRoutes(IDE_PATH, ideBundle, {
    title: "the IDE",
    unavailableCode: "IDE_UNAVAILABLE",
    extra: (path, res, head) => {
      if (path !== `${IDE_PATH}/operations.json`) return false;
      res.setHeader("cache-control", "no-cache");
      send(res, 200, JSON_TYPE, operations, head);
      return true;
    },
  });
  return async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    // A GET query sent to `/` is a client using the root as its endpoint, not a browser.
    if (url.pathname === "/" && development && (req.method === "GET" || req.method === "HEAD") && !url.searchParams.has("query")) {
      res.statusCode = 302;
      res.setHeader("location", IDE_PATH);
      res.setHeader("content-length", "0");
      res.end();
      return true;
    }
    return page(req, res);
  };
}
