import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join } from "node:path";
import { GZIP_DIR, type PageBundle, PageUnavailableError } from "./page-bundle";

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

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
export const JSON_TYPE = TYPES[".json"]!;

/**
 * Only this origin, for scripts, styles, fonts, workers and requests. Editors and charts set
 * styles inline, and CSS can carry small fonts as data: URLs.
 */
export const PAGE_CSP = [
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

export function send(res: ServerResponse, status: number, type: string, body: string | Buffer, head: boolean): void {
  res.statusCode = status;
  res.setHeader("content-type", type);
  res.setHeader("content-length", Buffer.byteLength(body));
  res.end(head ? undefined : body);
}

export function sendJsonError(res: ServerResponse, status: number, code: string, message: string, head: boolean): void {
  send(res, status, JSON_TYPE, JSON.stringify({ errors: [{ message, extensions: { code } }] }), head);
}

/** Whether the request's Accept-Encoding takes gzip (and does not refuse it with q=0). */
function takesGzip(req: IncomingMessage): boolean {
  const header = String(req.headers["accept-encoding"] ?? "");
  return header.split(",").some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    return (coding === "gzip" || coding === "*") && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p));
  });
}

/** Sends `file`, or its gzipped copy (`gzipped`) when there is one and the client takes gzip. */
async function sendFile(res: ServerResponse, file: string, head: boolean, cache: string, extra: Record<string, string> = {}, gzipped?: string): Promise<boolean> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return false;
  const packed = gzipped ? await stat(gzipped).catch(() => undefined) : undefined;
  const body = packed?.isFile() ? gzipped! : file;
  res.statusCode = 200;
  res.setHeader("content-type", TYPES[extname(file)] ?? "application/octet-stream");
  if (body !== file) res.setHeader("content-encoding", "gzip");
  res.setHeader("content-length", body === file ? info.size : packed!.size);
  res.setHeader("cache-control", cache);
  res.setHeader("x-content-type-options", "nosniff");
  for (const [k, v] of Object.entries(extra)) res.setHeader(k, v);
  if (head) {
    res.end();
    return true;
  }
  await new Promise<void>((resolve, reject) => {
    createReadStream(body).on("error", reject).pipe(res).on("finish", resolve).on("close", resolve);
  });
  return true;
}

export interface PageRouteOptions {
  /** What a 404 under the path calls the page: "the IDE". */
  title: string;
  /** The error code of the 503 answered when the page cannot be built. */
  unavailableCode: string;
  /** Answers the page's own data paths first (true when it did). */
  extra?: (path: string, res: ServerResponse, head: boolean) => boolean;
}

/**
 * Serves a built page at `path` (its index.html, whatever the query string) and its files at
 * `path/assets/`, building the bundle on the first request when it is missing or stale. Answers
 * every GET under `path`.
 */
export function pageRoutes(path: string, bundle: PageBundle, opts: PageRouteOptions): RouteHandler {
  return async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const head = req.method === "HEAD";
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname !== path && !url.pathname.startsWith(`${path}/`)) return false;
    if (opts.extra?.(url.pathname, res, head)) return true;
    try {
      await bundle.ensure();
    } catch (err) {
      if (!(err instanceof PageUnavailableError)) throw err;
      console.error(err.message);
      sendJsonError(res, 503, opts.unavailableCode, err.message, head);
      return true;
    }
    if (url.pathname === path || url.pathname === `${path}/` || url.pathname === `${path}/index.html`) {
      // The page names its hashed assets: asked again each time, so a rebuild shows at once.
      if (await sendFile(res, join(bundle.outDir, "index.html"), head, "no-cache", { "content-security-policy": PAGE_CSP })) return true;
    }
    const asset = url.pathname.startsWith(`${path}/assets/`) ? url.pathname.slice(`${path}/assets/`.length) : undefined;
    if (asset !== undefined && ASSET_NAME.test(asset)) {
      // Vite puts a content hash in every asset's name: a name never changes meaning.
      const gzipped = takesGzip(req) ? join(bundle.outDir, GZIP_DIR, `${asset}.gz`) : undefined;
      if (await sendFile(res, join(bundle.outDir, "assets", asset), head, "public, max-age=31536000, immutable", { vary: "accept-encoding" }, gzipped)) return true;
    }
    sendJsonError(res, 404, "NOT_FOUND", `nothing at ${url.pathname}: ${opts.title} is at ${path}`, head);
    return true;
  };
}
