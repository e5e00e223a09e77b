import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join } from "node:path";
import { ensureIdeBundle, IDE_BUNDLE_DIR, IdeUnavailableError, PROJECT_ROOT } from "./bundle";
import { loadSavedOperations } from "./operations";

/**
 * GraphiQL at /graphiql, its files at /graphiql/assets/, the saved operations at
 * /graphiql/operations.json, and in development `/` sends the browser there. Everything the page
 * loads comes from this server; the Content-Security-Policy makes the browser hold it to that.
 */
export const IDE_PATH = "/graphiql";

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".ttf": "font/ttf",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".map": "application/json; charset=utf-8",
};

/**
 * Only this origin, for scripts, styles, fonts, workers and requests. Monaco sets styles inline,
 * and the CSS carries small fonts as data: URLs.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'self'",
].join("; ");

/** A file name vite writes: no separators, no leading dot. */
const ASSET_NAME = /^[\w-][\w.-]*$/;

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, head: boolean): void {
  res.statusCode = status;
  res.setHeader("content-type", type);
  res.setHeader("content-length", Buffer.byteLength(body));
  res.end(head ? undefined : body);
}

function sendJsonError(res: ServerResponse, status: number, code: string, message: string, head: boolean): void {
  send(res, status, TYPES[".json"]!, JSON.stringify({ errors: [{ message, extensions: { code } }] }), head);
}

async function sendFile(res: ServerResponse, file: string, head: boolean, cache: string, extra: Record<string, string> = {}): Promise<boolean> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return false;
  res.statusCode = 200;
  res.setHeader("content-type", TYPES[extname(file)] ?? "application/octet-stream");
  res.setHeader("content-length", info.size);
  res.setHeader("cache-control", cache);
  res.setHeader("x-content-type-options", "nosniff");
  for (const [k, v] of Object.entries(extra)) res.setHeader(k, v);
  if (head) {
    res.end();
    return true;
  }
  await new Promise<void>((resolve, reject) => {
    createReadStream(file).on("error", reject).pipe(res).on("finish", resolve).on("close", resolve);
  });
  return true;
}

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
  return async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const head = req.method === "HEAD";
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname;
    // A GET query sent to `/` is a client using the root as its endpoint, not a browser.
    if (path === "/" && development && !url.searchParams.has("query")) {
      res.statusCode = 302;
      res.setHeader("location", IDE_PATH);
      res.setHeader("content-length", "0");
      res.end();
      return true;
    }
    if (path !== IDE_PATH && !path.startsWith(`${IDE_PATH}/`)) return false;
    if (path === `${IDE_PATH}/operations.json`) {
      res.setHeader("cache-control", "no-cache");
      send(res, 200, TYPES[".json"]!, operations, head);
      return true;
    }
    try {
      await ensureIdeBundle();
    } catch (err) {
      if (!(err instanceof IdeUnavailableError)) throw err;
      console.error(err.message);
      sendJsonError(res, 503, "IDE_UNAVAILABLE", err.message, head);
      return true;
    }
    if (path === IDE_PATH || path === `${IDE_PATH}/` || path === `${IDE_PATH}/index.html`) {
      // The page names its hashed assets: asked again each time, so a rebuild shows at once.
      if (await sendFile(res, join(IDE_BUNDLE_DIR, "index.html"), head, "no-cache", { "content-security-policy": CSP })) return true;
    }
    const asset = path.startsWith(`${IDE_PATH}/assets/`) ? path.slice(`${IDE_PATH}/assets/`.length) : undefined;
    if (asset !== undefined && ASSET_NAME.test(asset)) {
      // Vite puts a content hash in every asset's name: a name never changes meaning.
      if (await sendFile(res, join(IDE_BUNDLE_DIR, "assets", asset), head, "public, max-age=31536000, immutable")) return true;
    }
    sendJsonError(res, 404, "NOT_FOUND", `nothing at ${path}: the IDE is at ${IDE_PATH}`, head);
    return true;
  };
}
