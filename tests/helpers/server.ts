import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { request as httpRequest } from "node:http";
import { print } from "graphql";
import type { DataSource } from "typeorm";
import { statementCounter } from "../../src/db/data-source";
import { type RunningServer, createServer } from "../../src/server";

export interface GqlResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** A real server over HTTP on a free port, and a client for it. */
export class TestServer {
  private constructor(
    readonly ds: DataSource,
    private readonly server: RunningServer,
  ) {}

  static async start(ds: DataSource): Promise<TestServer> {
    // Suites ask many questions from one address in seconds: the rate limit has its own tests
    // (tests/integration/limits.test.ts), and is off here.
    return new TestServer(ds, await createServer(ds, 0, "127.0.0.1", { limits: { rateLimitPerAddress: 0, rateLimitPerToken: 0 } }));
  }

  get url(): string {
    return `${this.server.url.replace(/\/$/, "")}/graphql`;
  }

  async request<T, V>(doc: TypedDocumentNode<T, V> | string, variables?: V): Promise<GqlResponse<T>> {
    const body = JSON.stringify({ query: typeof doc === "string" ? doc : print(doc), variables });
    return JSON.parse(await postOnFreshConnection(this.url, body)) as GqlResponse<T>;
  }

  /** Returns data, failing on any GraphQL error. */
  async query<T, V>(doc: TypedDocumentNode<T, V> | string, variables?: V): Promise<T> {
    const r = await this.request(doc, variables);
    if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
    return r.data as T;
  }

  /** How many SQL statements the request issued. */
  async countStatements<T, V>(doc: TypedDocumentNode<T, V> | string, variables?: V): Promise<{ data: T; statements: number }> {
    const counter = statementCounter(this.ds);
    const before = counter.count;
    const data = await this.query(doc, variables);
    return { data, statements: counter.count - before };
  }

  async stop(): Promise<void> {
    await this.server.stop();
  }
}

/**
 * POSTs on a connection of its own. The SQLite driver blocks the event loop while data is loaded, so a
 * kept-alive socket can time out on the server just as the next request is written to it (ECONNRESET).
 */
function postOnFreshConnection(url: string, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: "POST", agent: false, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}
