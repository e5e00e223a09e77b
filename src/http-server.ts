import { randomUUID } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type ApolloServer, type BaseContext, HeaderMap, type HTTPGraphQLRequest } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { TIMED_OUT, deadlineRefusal, withDeadline } from "./common/deadline";
import { QueryLengthScan } from "./common/query-scan";
import { logger } from "./ops/logger";
import { requestIdOf } from "./ops/request-id";
import { type RequestRecord, currentRequest, logRequest, operationNameOf } from "./ops/request-log";

/** A path served beside GraphQL (health, exports, standard tables, the IDE): an exact path, or a pattern. */
export interface HttpRoute {
  path: string | RegExp;
  handle: (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;
}

/**
 * GraphQL over HTTP for an Apollo server: what `startStandaloneServer` does (CORS open to every
 * origin, JSON bodies, GET queries, draining on stop), with the body limit ours to set — the
 * standalone server fixes it at 50 MB, too small for a 50 MB file in base64 — and refusals as
 * JSON errors with a 4xx status, never an HTML page or a stack trace.
 */
export interface HttpServerOptions<TContext extends BaseContext> {
  listen: { port: number; host: string };
  /** The request's context, under the id its log line and answer carry. */
  context: (req: IncomingMessage, requestId: string) => Promise<TContext>;
  /** Served before GraphQL, first match wins; any other path is the GraphQL endpoint. */
  routes?: HttpRoute[];
  /** Milliseconds a shutdown waits for requests in flight before closing their connections. */
  shutdownGraceMs?: number;
  /** The largest request body taken, in bytes; a larger one is answered 413. */
  maxBodyBytes: number;
  /** Said after the limit when a body is refused for its size. */
  maxBodyNote?: string;
  /** Called with each request's context once made (the guard learns the client's address). */
  onContext?: (context: TContext, req: IncomingMessage) => void;
  /** The longest query text taken, in bytes; checked before GraphQL parses it. */
  maxQueryBytes?: number;
  /** Milliseconds a request with this query text may take before it is answered 503 REQUEST_TIMEOUT. */
  deadlineMs?: (query: string) => number;
  /** Handlers tried after the routes, before GraphQL (the IDE, the exports, the standard tables); each returns true when it answered the request. */
  handlers?: ((req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>)[];
}

const MB = 1024 * 1024;

/** A request the HTTP layer refuses before GraphQL sees it. */
class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function sendError(res: ServerResponse, status: number, code: string, message: string, extensions: Record<string, unknown> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ errors: [{ message, extensions: { code, ...extensions } }] });
  res.statusCode = status;
  // A refusal made before GraphQL saw the request has an id of its own, for the log.
  if (!res.hasHeader("x-request-id")) res.setHeader("x-request-id", randomUUID());
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.setHeader("content-length", Buffer.byteLength(body));
  res.end(body);
}

const tooLargeFor = (limit: number, note = "") =>
  new HttpRefusal(413, "PAYLOAD_TOO_LARGE", `the request body is larger than the ${(limit / MB).toFixed(1)} MB (${limit} bytes) this server takes${note ? `: ${note}` : ""}`);

/** `bytes` when the whole text was read; refused while streaming, only that it is over. */
const queryTooLarge = (limit: number, bytes?: number) =>
  new HttpRefusal(400, "QUERY_TOO_LARGE", `the query text is ${bytes === undefined ? "far more than" : bytes} bytes; at most ${limit} are taken (send large values as variables)`);

const declaresTooMuch = (req: IncomingMessage, limit: number) => Number(req.headers["content-length"] ?? 0) > limit;

/** Answers a CORS preflight the way the `cors` package's defaults do; true when it was one. */
function cors(req: IncomingMessage, res: ServerResponse): boolean {
  res.setHeader("access-control-allow-origin", "*");
  if (req.method !== "OPTIONS") return false;
  res.setHeader("access-control-allow-methods", "GET,HEAD,PUT,PATCH,POST,DELETE");
  const asked = req.headers["access-control-request-headers"];
  if (asked) {
    res.setHeader("access-control-allow-headers", asked);
    res.setHeader("vary", "Access-Control-Request-Headers");
  }
  res.statusCode = 204;
  res.setHeader("content-length", "0");
  res.end();
  return true;
}

/**
 * The parsed JSON body, or undefined when the request has none that is JSON (GraphQL then says
 * what it wanted). Counts bytes as they arrive and stops at the limit, without buffering more.
 */
function readJsonBody(req: IncomingMessage, limit: number, note = "", maxQueryBytes?: number): Promise<unknown> {
  const type = (req.headers["content-type"] ?? "").toLowerCase();
  const [mediaType, ...params] = type.split(";").map((s) => s.trim());
  if (mediaType !== "application/json" || req.method === "GET" || req.method === "HEAD") return Promise.resolve(undefined);
  const charset = params.find((p) => p.startsWith("charset="))?.slice("charset=".length).replace(/^"|"$/g, "");
  if (charset && charset !== "utf-8" && charset !== "utf8") {
    return Promise.reject(new HttpRefusal(415, "UNSUPPORTED_MEDIA_TYPE", `unsupported charset "${charset.toUpperCase()}": JSON is read as UTF-8`));
  }
  const tooLarge = () => tooLargeFor(limit, note);
  if (declaresTooMuch(req, limit)) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Escaped, a character takes at most 6 bytes: a query longer than that is over the limit for sure.
    const scan = maxQueryBytes === undefined ? undefined : new QueryLengthScan(maxQueryBytes * 6);
    const stop = (err: Error) => {
      req.removeListener("data", onData);
      req.removeListener("end", onEnd);
      req.resume(); // whatever else arrives is discarded
      reject(err);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) stop(tooLarge());
      else if (scan?.push(chunk)) stop(queryTooLarge(maxQueryBytes!));
      else chunks.push(chunk);
    };
    const onEnd = () => {
      const text = Buffer.concat(chunks, size).toString("utf8");
      chunks.length = 0;
      if (!text.trim()) return resolve(undefined);
      try {
        resolve(JSON.parse(text));
      } catch (e) {
        reject(new HttpRefusal(400, "BAD_REQUEST", `the request body is not valid JSON: ${(e as Error).message}`));
      }
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", (err) => stop(err));
  });
}

/** The query text a request carries, in its JSON body or its URL, or "" (GraphQL says what is missing). */
function queryText(body: unknown, search: string): string {
  if (body && typeof body === "object" && !Array.isArray(body)) {
    const q = (body as { query?: unknown }).query;
    return typeof q === "string" ? q : "";
  }
  if (body === undefined && search) return new URLSearchParams(search).get("query") ?? "";
  return "";
}

export async function startHttpServer<TContext extends BaseContext>(apollo: ApolloServer<TContext>, opts: HttpServerOptions<TContext>): Promise<{ url: string }> {
  const handle = async (req: IncomingMessage, res: ServerResponse, record: RequestRecord) => {
    if (cors(req, res)) return;
    const url = new URL(req.url!, "http://localhost");
    const route = opts.routes?.find((r) => (typeof r.path === "string" ? r.path === url.pathname : r.path.test(url.pathname)));
    if (route) return route.handle(req, res, url);
    for (const handler of opts.handlers ?? []) if (await handler(req, res)) return;
    let body: unknown;
    try {
      body = await readJsonBody(req, opts.maxBodyBytes, opts.maxBodyNote, opts.maxQueryBytes);
    } catch (e) {
      if (e instanceof HttpRefusal) return sendError(res, e.status, e.code, e.message);
      return res.destroy(); // the client went away mid-body
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    const search = url.search;
    const query = queryText(body, search);
    record.operation = operationNameOf(body, query);
    if (opts.maxQueryBytes !== undefined && query.length > opts.maxQueryBytes / 4 && Buffer.byteLength(query) > opts.maxQueryBytes) {
      // Refused unparsed: a large document costs its parser and validator time before any limit could see it.
      const refusal = queryTooLarge(opts.maxQueryBytes, Buffer.byteLength(query));
      return sendError(res, refusal.status, refusal.code, refusal.message, { maximum: opts.maxQueryBytes });
    }
    const request: HTTPGraphQLRequest = { method: req.method!.toUpperCase(), headers, search, body };
    let made: TContext | undefined;
    const context = async () => {
      made = await opts.context(req, record.requestId);
      record.role = (made as { viewer?: { role?: string } }).viewer?.role;
      opts.onContext?.(made, req);
      return made;
    };
    const deadline = opts.deadlineMs?.(query);
    const response = await withDeadline(apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context }), deadline);
    if (response === TIMED_OUT) {
      logger.warn({ requestId: record.requestId, deadlineMs: deadline }, "request abandoned at its deadline; answered 503");
      const refusal = deadlineRefusal(deadline!);
      return sendError(res, refusal.status, refusal.code, refusal.message, refusal.extensions);
    }
    if (res.headersSent || res.destroyed) return;
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const startedAt = process.hrtime.bigint();
    const record: RequestRecord = { requestId: requestIdOf(req), method: req.method ?? "", path: (req.url ?? "").split("?")[0].slice(0, 200), statements: 0 };
    res.setHeader("x-request-id", record.requestId);
    res.once("close", () => logRequest(record, res.statusCode, startedAt, res.writableFinished));
    currentRequest.run(record, () =>
      handle(req, res, record).catch((err: unknown) => {
        // The stack stays in the server's log; the client gets a plain 500.
        const id = record.requestId;
        logger.error({ requestId: id, err }, "internal error");
        sendError(res, 500, "INTERNAL_SERVER_ERROR", `internal error (request id ${id})`, { requestId: id });
      }),
    );
  };
  const httpServer = http.createServer(onRequest);
  // An idle connection is closed by the client, not under it: with Node's 5 s, a client that
  // reuses a connection just as the server times it out (an event loop busy past both timers,
  // a load balancer's pool) gets ECONNRESET. 65 s outlasts the usual balancers' 60 s idle
  // timeout; clients read it from the Keep-Alive header and let go first.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  // A client that asks before sending a large body (Expect: 100-continue, as curl does) is told
  // 413 before it sends a byte of one too large.
  httpServer.on("checkContinue", (req: IncomingMessage, res: ServerResponse) => {
    if (declaresTooMuch(req, opts.maxBodyBytes)) {
      const refusal = tooLargeFor(opts.maxBodyBytes, opts.maxBodyNote);
      res.setHeader("access-control-allow-origin", "*");
      res.setHeader("connection", "close");
      return sendError(res, refusal.status, refusal.code, refusal.message);
    }
    res.writeContinue();
    onRequest(req, res);
  });
  apollo.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: opts.shutdownGraceMs }));
  await apollo.start();
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(opts.listen, () => {
      httpServer.removeListener("error", reject);
      resolve();
    });
  });
  const { address, port } = httpServer.address() as AddressInfo;
  const host = address === "" || address === "::" ? "localhost" : address.includes(":") ? `[${address}]` : address;
  return { url: `http://${host}:${port}/` };
}
