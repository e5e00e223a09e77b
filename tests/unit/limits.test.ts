import { readFileSync } from "node:fs";
import { join } from "node:path";
import { GraphQLError, parse } from "graphql";
import { describe, expect, it, vi } from "vitest";
import { clientError } from "../../src/common/errors";
import { DEFAULT_LIMITS, LIMITS, limitsFromEnv } from "../../src/common/limits";
import { QueryLengthScan } from "../../src/common/query-scan";
import { operationOf, shapeOf } from "../../src/common/query-shape";
import { formatError } from "../../src/common/request-guard";
import { ConfigError } from "../../src/config";
import { captureLog } from "../helpers/log";

describe("the limits' configuration", () => {
  it("reads each limit from its variable, with the documented defaults and production's switches", () => {
    expect(DEFAULT_LIMITS).toMatchObject({ maxQueryBytes: 100_000, maxTokens: 10_000, maxDepth: 20, maxCost: 250_000, publicIntrospection: true, publicSuggestions: true });
    expect(limitsFromEnv({ NODE_ENV: "production" })).toMatchObject({ publicIntrospection: false, publicSuggestions: false });
    expect(limitsFromEnv({ NODE_ENV: "production", PUBLIC_INTROSPECTION: "on" }).publicIntrospection).toBe(true);
    expect(limitsFromEnv({ MAX_QUERY_DEPTH: "12", RATE_LIMIT_ADDRESS_PER_MINUTE: "0", MAX_QUERY_COST: "1_000_000" })).toMatchObject({ maxDepth: 12, rateLimitPerAddress: 0, maxCost: 1_000_000 });
    expect(() => limitsFromEnv({ MAX_QUERY_DEPTH: "deep" })).toThrow(ConfigError);
    expect(() => limitsFromEnv({ MAX_QUERY_DEPTH: "-1" })).toThrow(/MAX_QUERY_DEPTH must be a whole number/);
    expect(() => limitsFromEnv({ PUBLIC_SUGGESTIONS: "maybe" })).toThrow(/PUBLIC_SUGGESTIONS must be on or off/);
  });

  it("lists every limit's variable and default in the README's Limits table", () => {
    const readme = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Limits"), readme.indexOf("\n## ", readme.indexOf("## Limits") + 1));
    for (const spec of LIMITS) {
      const row = section.split("\n").find((l) => l.includes(`\`${spec.env}\``));
      expect(row, spec.env).toBeDefined();
      if (typeof spec.byDefault === "number") {
        const shown = row!.split("|")[2]!.replace(/[^0-9.]/g, "");
        const value = spec.byDefault;
        // As written in the table: the number itself, or thousands of it (milliseconds shown as seconds).
        expect([String(value), String(value / 1000)], `${spec.env}: ${row}`).toContain(shown);
      }
    }
  });
});

describe("the streaming query-length scan", () => {
  const over = (body: string, limit: number, chunk: number) => {
    const scan = new QueryLengthScan(limit);
    const bytes = Buffer.from(body);
    for (let i = 0; i < bytes.length; i += chunk) if (scan.push(bytes.subarray(i, i + chunk))) return true;
    return false;
  };
  it.each([
    ["a long query", JSON.stringify({ query: "x".repeat(200) }), true],
    ["a short query", JSON.stringify({ query: "x".repeat(50) }), false],
    ["a long string in the variables named query", JSON.stringify({ variables: { query: "x".repeat(500) }, query: "{a}" }), false],
    ["escaped quotes and backslashes before a long query", JSON.stringify({ variables: { a: 'q"uery\\' + "x".repeat(500) }, query: `{a}${"y".repeat(300)}` }), true],
    ["escaped quotes inside the query", JSON.stringify({ query: 'a\\"b'.repeat(60) }), true],
    ["another key", JSON.stringify({ query2: "x".repeat(500) }), false],
  ])("%s, in chunks of any size", (_name, body, want) => {
    for (const chunk of [1, 2, 3, 7, 64, 100_000]) expect(over(body, 100, chunk)).toBe(want);
  });
});

describe("a query's shape", () => {
  it("measures fragments once each: a fragment spread twice at every level of ten is not walked 2^10 times", () => {
    const levels = Array.from({ length: 10 }, (_, i) => `fragment F${i} on __Type { a${i}: name b${i}: ofType { ...F${i + 1} } c${i}: ofType { ...F${i + 1} } }`);
    const doc = parse(`{ __type(name: "Query") { ...F0 } } ${levels.join(" ")} fragment F10 on __Type { name }`);
    const started = performance.now();
    const shape = shapeOf(doc, operationOf(doc)!);
    expect(performance.now() - started).toBeLessThan(50);
    expect(shape.depth).toBe(12);
    expect(shape.aliases).toBe(3 * (2 ** 10 - 1)); // as executed: each spread counts
  });

  it("counts one field's names across inline fragments and spreads of the same selection", () => {
    const doc = parse("{ a: __typename ... on Query { b: __typename } ...F } fragment F on Query { c: __typename d: __typename }");
    expect(shapeOf(doc, operationOf(doc)!).mostAliased).toEqual({ field: "__typename", times: 4 });
  });
});

describe("formatError", () => {
  it("passes a client's error as it is and hides anything else behind 'internal error' and an id, logging it", () => {
    const refusal = clientError("DEPTH_LIMIT", "too deep");
    expect(formatError({ message: "too deep", extensions: { code: "DEPTH_LIMIT" } }, refusal)).toEqual({ message: "too deep", extensions: { code: "DEPTH_LIMIT" } });
    const driver = Object.assign(new Error("connect ECONNREFUSED 10.0.0.5:3306"), { code: "ECONNREFUSED" });
    const wrapped = new GraphQLError("Context creation failed: connect ECONNREFUSED 10.0.0.5:3306", { originalError: driver });
    const log = captureLog();
    const out = formatError({ message: wrapped.message, extensions: { code: "INTERNAL_SERVER_ERROR" } }, wrapped);
    expect(out.message).toMatch(/^internal error \(request id [0-9a-f-]{36}\)$/);
    expect(JSON.stringify(out)).not.toMatch(/ECONN|10\.0\.0\.5|3306/);
    expect(log).toHaveLength(1);
    expect(log[0]).toContain(String(out.extensions!.requestId));
    expect(log[0]).toContain("ECONNREFUSED 10.0.0.5:3306");
    vi.restoreAllMocks();
    // A client's code on a wrapper of a driver error is not trusted.
    const disguised = new GraphQLError("bad", { originalError: driver, extensions: { code: "BAD_USER_INPUT" } });
    captureLog();
    expect(formatError({ message: "bad", extensions: { code: "BAD_USER_INPUT" } }, disguised).extensions!.code).toBe("INTERNAL_SERVER_ERROR");
    vi.restoreAllMocks();
  });
});
