import http from "node:http";
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from "graphql";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Answer, post } from "../../bench/attacks";
import { CLIENT_ERROR_CODES } from "../../src/common/errors";
import { loadSampleIfEmpty } from "../../src/ingest/sample";
import { getSchema } from "../../src/schema";
import { type RunningServer, createServer } from "../../src/server";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases";
import { rowCounts } from "../helpers/row-counts";
import { MAX_ERROR_MESSAGE } from "../../src/common/request-guard";

/**
 * The issue's bad-input list, sent to every argument of the schema (and every field of every
 * input object), each as a variable with every other argument valid: each answer is a clean 400
 * with a client's error code, or a normal answer where the value is valid ("-0" is zero, a SQL
 * metacharacter is only a character), never a 500, a hang or a leak, and nothing is written.
 */
const MB = 1024 * 1024;
const BAD: Record<string, unknown[]> = {
  Decimal: ["1e309", "NaN", "0x10", "1,000.00", "-0", "9".repeat(70), "0.0000001", "", " 1"],
  Int: ["2023", 2023.5, 1e21, -1, 2 ** 31],
  String: ["a\u0000b", "' OR 1=1 --", '"; DROP TABLE department; --', "\\", "%_", "x".repeat(MB)],
  Boolean: ["yes", 1],
  enum: ["NOT_A_VALUE", 0],
};
/** Lists get these as well as a list of each bad item. */
const LONG_LIST = 40_000;

/** What must never reach a client. */
const LEAKS = /SQL|syntax|\bER_|errno|ECONN|127\.0\.0\.1|:3306|\bport\b|\/work\/|node_modules|\.ts:\d|at [A-Za-z]+ \(|doesn't exist|Maximum call stack|Data too long/;

/** A valid value for each argument a path needs, so the one under test is the only thing wrong. */
function validValue(name: string, type: GraphQLInputType): unknown {
  const t = getNullableType(type) as GraphQLInputType;
  if (isListType(t)) return [validValue(name, t.ofType)];
  if (isEnumType(t)) return t.getValues()[0]!.value === undefined ? t.getValues()[0]!.name : t.getValues()[0]!.name;
  if (isInputObjectType(t)) {
    const o: Record<string, unknown> = {};
    for (const [k, f] of Object.entries(t.getFields())) if (isNonNullType(f.type) && f.defaultValue === undefined) o[k] = validValue(k, f.type);
    return o;
  }
  switch (t.name) {
    case "Int":
      return name === "first" ? 5 : /year/i.test(name) ? 2023 : 1;
    case "Boolean":
      return true;
    case "Decimal":
      return "1";
    default:
      return name === "fileName" ? "walk.txt" : name === "document" ? "not a disclosure" : "007";
  }
}

interface Step {
  field: GraphQLField<unknown, unknown>;
}

/** The shortest way from a root type to each object type, through fields whose arguments can be filled. */
function pathsFrom(root: GraphQLObjectType): Map<string, Step[]> {
  const paths = new Map<string, Step[]>([[root.name, []]]);
  const queue: GraphQLObjectType[] = [root];
  while (queue.length) {
    const type = queue.shift()!;
    for (const field of Object.values(type.getFields())) {
      const target = getNamedType(field.type) as GraphQLNamedType;
      if (!isObjectType(target) || paths.has(target.name) || root.name === "Mutation") continue;
      paths.set(target.name, [...paths.get(type.name)!, { field }]);
      queue.push(target);
    }
  }
  return paths;
}

interface Slot {
  name: string;
  /** The query, with $v standing for the argument (or the argument holding the input field) under test. */
  query: string;
  /** The variable's value for a given bad value. */
  variable: (bad: unknown) => unknown;
  /** The type the bad value goes into. */
  type: GraphQLInputType;
}

function argumentsText(field: GraphQLField<unknown, unknown>, under?: GraphQLArgument): string {
  const parts: string[] = [];
  for (const a of field.args) {
    if (a === under) parts.push(`${a.name}: $v`);
    else if (isNonNullType(a.type) && a.defaultValue === undefined) parts.push(`${a.name}: ${literal(validValue(a.name, a.type), a.type)}`);
  }
  return parts.length ? `(${parts.join(", ")})` : "";
}

function literal(value: unknown, type: GraphQLInputType): string {
  const t = getNullableType(type) as GraphQLInputType;
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, (t as { ofType: GraphQLInputType }).ofType)).join(", ")}]`;
  if (isEnumType(t)) return String(value);
  if (isInputObjectType(t)) return `{ ${Object.entries(value as object).map(([k, v]) => `${k}: ${literal(v, t.getFields()[k]!.type)}`).join(", ")} }`;
  return JSON.stringify(value);
}

function slots(schema: GraphQLSchema): Slot[] {
  const out: Slot[] = [];
  for (const root of [schema.getQueryType()!, schema.getMutationType()!]) {
    const paths = pathsFrom(root);
    const types = root.name === "Mutation" ? [root] : Object.values(schema.getTypeMap()).filter((t): t is GraphQLObjectType => isObjectType(t) && paths.has(t.name));
    for (const type of types) {
      const path = paths.get(type.name)!;
      for (const field of Object.values(type.getFields())) {
        for (const arg of field.args) {
          const leaf = isLeafType(getNamedType(field.type)) ? "" : " { __typename }";
          const wrap = (inner: string) => path.reduceRight((acc, step) => `${step.field.name}${argumentsText(step.field)} { ${acc} }`, inner);
          const query = `${root.name === "Mutation" ? "mutation" : "query"}($v: ${String(arg.type)}) { ${wrap(`${field.name}${argumentsText(field, arg)}${leaf}`)} }`;
          const name = `${type.name}.${field.name}(${arg.name})`;
          const inputType = getNullableType(arg.type);
          if (isInputObjectType(inputType)) {
            for (const [k, f] of Object.entries(inputType.getFields())) {
              const base = validValue(arg.name, arg.type) as Record<string, unknown>;
              out.push({ name: `${name}.${k}`, query, type: f.type, variable: (bad) => ({ ...base, [k]: bad }) });
            }
          } else out.push({ name, query, type: arg.type, variable: (bad) => bad });
        }
      }
    }
  }
  return out;
}

function badValues(type: GraphQLInputType): unknown[] {
  const t = getNullableType(type) as GraphQLInputType;
  if (isListType(t)) {
    const items = badValues(t.ofType).map((v) => [v]);
    return [...items, Array.from({ length: LONG_LIST }, () => validValue("", t.ofType)), "not a list"];
  }
  if (isEnumType(t)) return BAD.enum!;
  if (isInputObjectType(t)) return ["not an object", { nope: 1 }];
  return BAD[t.name] ?? BAD.String!;
}

function ok(r: Answer): string | undefined {
  const text = JSON.stringify(r.body);
  if (LEAKS.test(text)) return `leaks: ${text.slice(0, 300)}`;
  if (r.status === 200) return r.body.errors ? `200 with errors: ${text.slice(0, 300)}` : undefined;
  if (r.status !== 400) return `HTTP ${r.status}: ${text.slice(0, 300)}`;
  const long = (r.body.errors ?? []).find((e) => String(e.message).length > MAX_ERROR_MESSAGE + 100);
  if (long) return `an error message of ${String(long.message).length} characters (a rejected value quoted whole)`;
  const codes = (r.body.errors ?? []).map((e) => String(e.extensions?.code));
  if (!codes.length || codes.some((c) => !CLIENT_ERROR_CODES.has(c))) return `400 with codes ${codes.join(", ")}: ${text.slice(0, 300)}`;
  return undefined;
}

function raw(url: string, body: string | Buffer, contentType: string | undefined, method = "POST"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { "content-length": Buffer.byteLength(body) };
    if (contentType) headers["content-type"] = contentType;
    const req = http.request(url, { method, agent: false, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let parsed: Answer["body"];
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
        }
        resolve({ status: res.statusCode ?? 0, ms: 0, body: parsed, headers: res.headers });
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe.each(DATABASE_KINDS)("every argument of the schema against bad input (%s)", (kind) => {
  const db = freshDatabase(kind);
  let ds: DataSource;
  let server: RunningServer;
  const TOKEN = "argument-walk-admin";

  beforeAll(async () => {
    ds = await db.open();
    await loadSampleIfEmpty(ds);
    process.env.ADMIN_TOKEN = TOKEN;
    server = await createServer(ds, 0, "127.0.0.1", { limits: { rateLimitPerAddress: 0 } });
  });
  afterAll(async () => {
    delete process.env.ADMIN_TOKEN;
    await server?.stop();
    await ds?.destroy();
    await db.drop();
  });

  it("answers each bad value with a clean 400 or a normal answer, and writes nothing", async () => {
    const schema = await getSchema();
    const all = slots(schema);
    expect(all.length).toBeGreaterThan(100);
    const before = await rowCounts(ds);
    const failures: string[] = [];
    let sent = 0;
    const statuses: Record<number, number> = {};
    for (const slot of all) {
      for (const bad of badValues(slot.type)) {
        const r = await post(`${server.url}graphql`, JSON.stringify({ query: slot.query, variables: { v: slot.variable(bad) } }), { authorization: `Bearer ${TOKEN}` });
        sent++;
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        const problem = ok(r);
        if (problem) failures.push(`${slot.name} = ${JSON.stringify(bad)?.slice(0, 40)}: ${problem}`);
      }
    }
    console.log(`${kind}: ${sent} requests over ${all.length} arguments and input fields; answers by HTTP status ${JSON.stringify(statuses)}`);
    // Most values are wrong somewhere; some are valid ("-0", SQL metacharacters in a code): both kinds occur.
    expect(statuses[400]).toBeGreaterThan(sent / 2);
    expect(statuses[200]).toBeGreaterThan(0);
    expect(failures, failures.slice(0, 20).join("\n")).toEqual([]);
    expect(await rowCounts(ds)).toEqual(before);
  }, 300_000);

  it("answers malformed JSON and wrong content types over HTTP with a 4xx JSON error", async () => {
    const url = `${server.url}graphql`;
    const cases: [string, string | Buffer, string | undefined][] = [
      ["truncated JSON", '{"query": "{ __typename }"', "application/json"],
      ["not JSON at all", "query { __typename }", "application/json"],
      ["a JSON array", "[]", "application/json"],
      ["JSON null", "null", "application/json"],
      ["a number", "42", "application/json"],
      ["query not a string", '{"query": 5}', "application/json"],
      ["variables not an object", '{"query": "{ __typename }", "variables": "x"}', "application/json"],
      ["no query", "{}", "application/json"],
      ["a null byte", '{"query": "{ __typename \u0000 }"}', "application/json"],
      ["invalid UTF-8", Buffer.from([0x7b, 0x22, 0x71, 0xff, 0xfe, 0x22, 0x7d]), "application/json"],
      ["text/plain", JSON.stringify({ query: "{ __typename }" }), "text/plain"],
      ["form encoded", "query=%7B__typename%7D", "application/x-www-form-urlencoded"],
      ["multipart", "--x\r\n\r\n{}\r\n--x--", "multipart/form-data; boundary=x"],
      ["XML", "<query/>", "application/xml"],
      ["Latin-1 JSON", JSON.stringify({ query: "{ __typename }" }), "application/json; charset=latin1"],
      ["no content type", JSON.stringify({ query: "{ __typename }" }), undefined],
    ];
    for (const [name, body, type] of cases) {
      const r = await raw(url, body, type);
      expect(r.status, `${name}: ${JSON.stringify(r.body)}`).toBeGreaterThanOrEqual(400);
      expect(r.status, name).toBeLessThan(500);
      expect(r.body.errors?.length, name).toBeGreaterThan(0);
      expect(JSON.stringify(r.body), name).not.toMatch(LEAKS);
    }
    // A mutation over GET (refused as a possible cross-site request, or as not a query).
    const get = await raw(`${url}?query=${encodeURIComponent("mutation { __typename }")}`, "", undefined, "GET");
    expect([400, 405]).toContain(get.status);
  });
});
