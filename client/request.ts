import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { type DocumentNode, print } from "graphql";

/** One entry of a GraphQL response's `errors`, as the server sends it. */
export interface GraphQLErrorEntry {
  message: string;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
  extensions?: { code?: string; [key: string]: unknown };
}

/**
 * A request the server refused or answered with errors. `status` is the HTTP status (200 when
 * GraphQL answered errors beside data), `codes` the errors' `extensions.code`s in order
 * (`RATE_LIMITED`, `QUERY_TOO_COMPLEX`, `BAD_USER_INPUT`, …), `data` whatever part was answered.
 */
export class GraphQLRequestError extends Error {
  override readonly name = "GraphQLRequestError";
  constructor(
    message: string,
    readonly status: number,
    readonly errors: GraphQLErrorEntry[],
    readonly data: unknown = null,
    /** The server's id for the request (its log line carries the same). */
    readonly requestId: string | null = null,
    /** Seconds the server asked to wait before trying again (429), if it said. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }

  get codes(): string[] {
    return this.errors.map((e) => e.extensions?.code ?? "UNKNOWN");
  }
}

/** The part of `fetch` the client uses; the global one (Node 18+, browsers) unless another is given. */
export type FetchLike = (
  url: string,
  init: { method: "POST"; headers: Record<string, string>; body: string; signal?: unknown },
) => Promise<{ status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>;

export interface ClientOptions {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  url: string;
  /** An API token (sent as `Authorization: Bearer …`); without one the server answers as to the public. */
  token?: string;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  fetch?: FetchLike;
}

/** Variables are optional when the operation has none that are required. */
type VariablesArg<V> = Record<string, never> extends V ? [variables?: V] : [variables: V];

export interface Client {
  /** Runs one typed document; resolves its data, or throws GraphQLRequestError. */
  request<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, ...variables: VariablesArg<TVariables>): Promise<TData>;
}

const printed = new WeakMap<DocumentNode, string>();
function queryOf(document: DocumentNode): string {
  let text = printed.get(document);
  if (text === undefined) printed.set(document, (text = print(document)));
  return text;
}

function operationNameOf(document: DocumentNode): string | undefined {
  for (const d of document.definitions) if (d.kind === "OperationDefinition" && d.name) return d.name.value;
  return undefined;
}

interface ResponseBody {
  data?: unknown;
  errors?: GraphQLErrorEntry[];
}

function parseBody(text: string): ResponseBody | undefined {
  try {
    const body: unknown = JSON.parse(text);
    return body && typeof body === "object" && !Array.isArray(body) ? (body as ResponseBody) : undefined;
  } catch {
    return undefined;
  }
}

export function createClient(options: ClientOptions): Client {
  const send: FetchLike | undefined = options.fetch ?? (globalThis as { fetch?: FetchLike }).fetch;
  if (!send) throw new Error("no fetch available: pass one as options.fetch");
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: "application/graphql-response+json, application/json",
    ...options.headers,
  };
  if (options.token) headers.authorization = `Bearer ${options.token}`;

  return {
    async request<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, ...[variables]: VariablesArg<TVariables>): Promise<TData> {
      const body = JSON.stringify({ query: queryOf(document), variables: variables ?? {}, operationName: operationNameOf(document) });
      const res = await send(options.url, { method: "POST", headers, body });
      const text = await res.text();
      const parsed = parseBody(text);
      const requestId = res.headers.get("x-request-id");
      const retry = res.headers.get("retry-after");
      const retryAfter = retry !== null && /^\d+$/.test(retry) ? Number(retry) : null;
      if (!parsed) {
        throw new GraphQLRequestError(`HTTP ${res.status}: the answer is not a GraphQL response (${text.slice(0, 200)})`, res.status, [], null, requestId, retryAfter);
      }
      const errors = parsed.errors ?? [];
      if (errors.length || res.status < 200 || res.status >= 300 || parsed.data == null) {
        const first = errors[0];
        const what = first ? `${first.extensions?.code ?? "ERROR"}: ${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ""}` : "no data";
        throw new GraphQLRequestError(`HTTP ${res.status}: ${what}`, res.status, errors, parsed.data ?? null, requestId, retryAfter);
      }
      return parsed.data as TData;
    },
  };
}
