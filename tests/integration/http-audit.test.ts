import { auditServer } from "graphql-http";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, createServer } from "../../src/server";
import { freshDatabase } from "../helpers/databases";

/**
 * The SHOULD audits this server knowingly fails, each explained in the README ("GraphQL over
 * HTTP"): a client's mistake is a 400 whatever media type it accepts.
 */
const EXPLAINED_WARNINGS = [
  "SHOULD use 200 status code on document parsing failure when accepting application/json",
  "SHOULD use 200 status code on document validation failure when accepting application/json",
  "SHOULD use a status code of 200 on variable coercion failure when accepting application/json",
];

describe("GraphQL over HTTP", () => {
  const db = freshDatabase("sqlite");
  let ds: DataSource;
  let server: RunningServer;
  let endpoint: string;

  beforeAll(async () => {
    ds = await db.open();
    server = await createServer(ds, 0, "127.0.0.1", { limits: { rateLimitPerAddress: 0, rateLimitPerToken: 0 } });
    endpoint = `${server.url}graphql`;
  });
  afterAll(async () => {
    await server?.stop();
    await ds?.destroy();
    await db.drop();
  });

  it("passes every MUST of graphql-http's server audit, and fails only the SHOULDs the README explains", async () => {
    const results = await auditServer({ url: endpoint });
    expect(results.length).toBeGreaterThan(50);
    const failed = (level: string) => results.filter((r) => r.status !== "ok" && r.name.startsWith(level)).map((r) => `${r.name}: ${r.status === "ok" ? "" : r.reason}`);
    expect(failed("MUST")).toEqual([]);
    expect(results.filter((r) => r.status !== "ok" && r.name.startsWith("SHOULD")).map((r) => r.name).sort()).toEqual([...EXPLAINED_WARNINGS].sort());
  });

  const badBodies: [string, string | undefined, string, number, string][] = [
    ["malformed JSON", "application/json", '{"query": "{ __typename }"', 400, "BAD_REQUEST"],
    ["JSON that is not an object", "application/json", "[1, 2]", 400, "BAD_REQUEST"],
    ["a query that is not a string", "application/json", '{"query": 42}', 400, "BAD_REQUEST"],
    ["no query at all", "application/json", "{}", 400, "BAD_REQUEST"],
    ["a plain-text body", "text/plain", "{ __typename }", 400, "BAD_REQUEST"],
    ["an unsupported charset", "application/json; charset=latin1", '{"query": "{ __typename }"}', 415, "UNSUPPORTED_MEDIA_TYPE"],
    ["unparsable GraphQL", "application/json", '{"query": "{ __typename "}', 400, "GRAPHQL_PARSE_FAILED"],
    ["variables that are not an object", "application/json", '{"query": "{ __typename }", "variables": "x"}', 400, "BAD_REQUEST"],
  ];

  it.each(badBodies)("answers %s with a JSON GraphQL error and its code, never HTML or a stack trace", async (_what, type, body, status, code) => {
    const res = await fetch(endpoint, { method: "POST", headers: type ? { "content-type": type } : {}, body });
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toMatch(/^application\/(graphql-response\+)?json/);
    const text = await res.text();
    expect(text).not.toMatch(/<html|<pre|\bat .+:\d+:\d+|\/src\/|node_modules/i);
    const json = JSON.parse(text) as { errors: { message: string; extensions?: { code?: string } }[] };
    expect(json.errors[0]!.extensions?.code).toBe(code);
    expect(res.headers.get("x-request-id")).toBeTruthy();
  });

  it("answers GET queries that carry apollo-require-preflight, refuses those without it, and never runs a mutation from a GET", async () => {
    const url = (query: string) => `${endpoint}?query=${encodeURIComponent(query)}`;
    const ok = await fetch(url("{ __typename }"), { headers: { "apollo-require-preflight": "true" } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ data: { __typename: "Query" } });
    const forged = await fetch(url("{ __typename }"));
    expect(forged.status).toBe(400);
    expect(((await forged.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe("BAD_REQUEST");
    const mutation = await fetch(url("mutation { __typename }"), { headers: { "apollo-require-preflight": "true" } });
    expect(mutation.status).toBe(405);
  });
});
