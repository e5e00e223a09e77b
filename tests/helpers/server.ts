import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
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
    return new TestServer(ds, await createServer(ds, 0));
  }

  get url(): string {
    return `${this.server.url.replace(/\/$/, "")}/graphql`;
  }

  async request<T, V>(doc: TypedDocumentNode<T, V> | string, variables?: V): Promise<GqlResponse<T>> {
    const res = await fetch(this.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: typeof doc === "string" ? doc : print(doc), variables }),
    });
    return (await res.json()) as GqlResponse<T>;
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
