import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import type { DataSource } from "typeorm";
import { base64Length } from "./common/base64";
import { type Limits, limitsFromEnv } from "./common/limits";
import { CallerRates } from "./common/rate-limit";
import { formatError, rememberAddress, requestGuard } from "./common/request-guard";
import { PUBLIC_VIEWER } from "./common/viewer";
import { type Context, createContext } from "./context";
import { startHttpServer } from "./http-server";
import { MAX_DOCUMENT_BYTES } from "./ingest/front-ends/detect";
import { resolveViewer } from "./modules/access/authenticate";
import { explorerRoutes } from "./explorer/routes";
import { ideRoutes } from "./ide/routes";
import { exportRoute } from "./modules/export/export.routes";
import { tablesRoute } from "./modules/tables/tables.routes";
import { health, noIcon, ready } from "./ops/health";
import { getSchema } from "./schema";

/**
 * The largest request body the server reads: a file at the importer's limit sent as base64
 * (importDisclosure's `content`: 4 characters for every 3 bytes), and 1 MB for the query, the file
 * name and the JSON around them. A larger body is answered 413 with a JSON error.
 */
export const MAX_REQUEST_BYTES = base64Length(MAX_DOCUMENT_BYTES) + 1024 * 1024;

export interface RunningServer {
  url: string;
  /** Runs an operation in this process, as a public request would (no HTTP): for benchmarks and tools. */
  execute(query: string, variables?: Record<string, unknown>): Promise<{ data?: unknown; errors?: readonly unknown[] }>;
  stop(): Promise<void>;
}

export async function createApollo(limits: Limits = limitsFromEnv(), rates: CallerRates = new CallerRates(limits)): Promise<ApolloServer<Context>> {
  const schema = await getSchema();
  // Stack traces stay in the server log; clients get the message and code only (formatError).
  // The API sets no cache hints, so Apollo's per-field cache-control bookkeeping is switched off.
  // Introspection is answered here and refused per caller by the request guard.
  // Apollo's landing page loads Sandbox from Apollo's CDN; the IDE is ours, offline, at /graphiql.
  return new ApolloServer<Context>({
    schema,
    introspection: true,
    // src/index.ts owns shutdown: Apollo's own handler would stop, then raise the signal again,
    // cutting the process off before the database is closed.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    // The parser stops at the token limit: a huge document costs no more than a small one to refuse.
    parseOptions: { maxTokens: limits.maxTokens },
    formatError,
    plugins: [requestGuard(schema, limits, rates), ApolloServerPluginCacheControlDisabled(), ApolloServerPluginLandingPageDisabled()],
  });
}

export interface ServerOptions {
  /** Limits to apply instead of those the environment sets (tests). */
  limits?: Partial<Limits>;
  /** Milliseconds a stop waits for requests in flight (SHUTDOWN_GRACE_MS; 10 s by default). */
  shutdownGraceMs?: number;
}

/** Starts the GraphQL server over HTTP on `port` (0 picks a free one). Used by `npm start` and the tests. */
export async function createServer(ds: DataSource, port: number, host = "127.0.0.1", opts: ServerOptions = {}): Promise<RunningServer> {
  const limits: Limits = { ...limitsFromEnv(), ...opts.limits };
  // One allowance per caller for GraphQL and the exports together.
  const rates = new CallerRates(limits);
  const apollo = await createApollo(limits, rates);
  let stopping = false;
  const { url } = await startHttpServer(apollo, {
    listen: { port, host },
    routes: [
      { path: "/health", handle: health },
      { path: "/ready", handle: ready(ds, () => stopping) },
      { path: "/favicon.ico", handle: noIcon },
    ],
    shutdownGraceMs: opts.shutdownGraceMs,
    // Loaders are made per request: their caches never outlive one query.
    context: async (req, requestId) => createContext(ds, await resolveViewer(ds, req), requestId),
    onContext: (context, req) => rememberAddress(context, req.socket.remoteAddress),
    maxBodyBytes: MAX_REQUEST_BYTES,
    maxBodyNote: `importDisclosure takes files of at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB, as base64`,
    maxQueryBytes: limits.maxQueryBytes,
    deadlineMs: (query) => (/\bmutation\b/.test(query) ? limits.mutationDeadlineMs : limits.requestDeadlineMs),
    handlers: [ideRoutes(), explorerRoutes(), exportRoute(ds, limits, rates), tablesRoute(ds, limits, rates)],
  });
  const execute = async (query: string, variables?: Record<string, unknown>) => {
    const res = await apollo.executeOperation({ query, variables }, { contextValue: createContext(ds, PUBLIC_VIEWER) });
    if (res.body.kind !== "single") throw new Error("incremental delivery is not used by this API");
    return { data: res.body.singleResult.data ?? undefined, errors: res.body.singleResult.errors };
  };
  const stop = () => {
    stopping = true;
    return apollo.stop();
  };
  return { url, execute, stop };
}
