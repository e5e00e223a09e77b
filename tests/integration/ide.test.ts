import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Kind, parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IDE_BUNDLE_DIR } from "../../src/ide/bundle";
import { freshDatabase } from "../helpers/databases";
import { cssReferences, expectNothingOutside, expectServedAlone, htmlReferences, scriptReferences } from "../helpers/page-assets";
import { TestServer } from "../helpers/server";

const OPERATIONS_DIR = join(__dirname, "..", "..", "schema", "operations");

describe("the GraphiQL IDE, offline", () => {
  const db = freshDatabase("sqlite");
  let server: TestServer;
  let origin: string;

  beforeAll(async () => {
    server = await TestServer.start(await db.open());
    origin = new URL(server.url).origin;
  });
  afterAll(async () => {
    await server?.stop();
    await server?.ds.destroy();
    await db.drop();
  });

  it("finds what a browser would load, and tells a reference from text that only names a URL", () => {
    const page = new URL("http://127.0.0.1:1/graphiql");
    const base = new URL("/graphiql/", page);
    const html = `<script type="module" src="https://cdn.example/g.js"></script><link rel="stylesheet" href="/graphiql/assets/a.css"><style>body{background:url(https://fonts.googleapis.com/x.png)}</style>`;
    expect(htmlReferences(html, page).map((r) => r.url.href)).toEqual(["https://cdn.example/g.js", "http://127.0.0.1:1/graphiql/assets/a.css", "https://fonts.googleapis.com/x.png"]);
    const js = `/*! licence: https://github.com/x/y */ const s="see https://react.dev/errors";import{a}from"./chunk-1.js";import("./lazy-2.js");import("https://esm.sh/monaco");new Worker("/graphiql/assets/w.js",{type:"module"});new URL("./f.ttf",import.meta.url);m.f=["assets/p-3.js"];throw Error('export * from "./module"')`;
    const refs = scriptReferences(js, new URL("http://127.0.0.1:1/graphiql/assets/index.js"), base);
    expect(refs.map((r) => `${r.via} ${r.url.href}`).sort()).toEqual(
      [
        "import http://127.0.0.1:1/graphiql/assets/chunk-1.js",
        "import() http://127.0.0.1:1/graphiql/assets/lazy-2.js",
        "import() https://esm.sh/monaco",
        "new Worker http://127.0.0.1:1/graphiql/assets/w.js",
        "new URL(import.meta.url) http://127.0.0.1:1/graphiql/assets/f.ttf",
        "vite preload http://127.0.0.1:1/graphiql/assets/p-3.js",
      ].sort(),
    );
    expect(cssReferences(`@font-face{src:url("./codicon.ttf") format("truetype"),url(data:font/woff2;base64,AAAA)}@import "https://fonts.googleapis.com/css2";`, base).map((r) => r.url.href)).toEqual([
      "http://127.0.0.1:1/graphiql/codicon.ttf",
      "https://fonts.googleapis.com/css2",
    ]);
  });

  it("serves the page and every file it loads, with their types, and nothing from another origin", async () => {
    const loaded = await expectServedAlone(origin, "/graphiql/", join(IDE_BUNDLE_DIR, "assets"));
    // The walk reached what GraphiQL needs: its stylesheet, Monaco's code-icon font and its three workers.
    const paths = [...loaded.keys()];
    expect(paths.filter((p) => p.endsWith(".css")).length).toBeGreaterThanOrEqual(2);
    expect(paths.some((p) => /\/codicon[\w-]*\.ttf$/.test(p))).toBe(true);
    const workers = [...loaded.values()].filter((l) => l.ref.via === "new Worker").map((l) => l.ref.url.pathname);
    for (const name of ["editor", "json", "graphql"]) expect(workers.some((w) => new RegExp(`/${name}\\.worker[\\w-]*\\.js$`).test(w))).toBe(true);
  });

  it("holds the browser to this origin with a Content-Security-Policy on the page", async () => {
    const res = await fetch(new URL("/graphiql", origin));
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/https?:/);
  });

  it("lists every saved operation of schema/operations/ as an example, with sample variables", async () => {
    const res = await fetch(new URL("/graphiql/operations.json", origin));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json\b/);
    const ops = (await res.json()) as { name: string; operationName: string | null; query: string; variables: string; description: string }[];
    const files = readdirSync(OPERATIONS_DIR).filter((f) => f.endsWith(".graphql"));
    const named = files.map((f) => {
      const op = parse(readFileSync(join(OPERATIONS_DIR, f), "utf8")).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
      return op?.name?.value;
    });
    expect(files.length).toBeGreaterThan(0);
    expect(ops.map((o) => o.name).sort()).toEqual(named.sort());
    for (const op of ops) expect(op.operationName).toBe(op.name);
    for (const op of ops) expect(() => parse(op.query)).not.toThrow();
    const detail = ops.find((o) => o.name === "DepartmentBudgetDetail")!;
    expect(JSON.parse(detail.variables)).toEqual({ code: "007", year: 2023 });
    expect(detail.description).toMatch(/one department-year/);
  });

  it("runs a saved operation the way the IDE's fetcher sends it", async () => {
    const ops = (await (await fetch(new URL("/graphiql/operations.json", origin))).json()) as { name: string; query: string; variables: string }[];
    const departments = ops.find((o) => o.name === "Departments")!;
    const res = await fetch(new URL("/graphql", origin), {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json" },
      body: JSON.stringify({ query: departments.query, variables: departments.variables ? JSON.parse(departments.variables) : undefined, operationName: "Departments" }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data?: { departments: { totalCount: number } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(typeof body.data?.departments.totalCount).toBe("number");
  });

  it("sends the browser from / to /graphiql in development", async () => {
    const res = await fetch(new URL("/", origin), { redirect: "manual" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/graphiql");
    // …but a client that sends its GET queries to the root still reaches GraphQL.
    const query = await fetch(new URL(`/?query=${encodeURIComponent("{ __typename }")}`, origin), { headers: { "apollo-require-preflight": "true" }, redirect: "manual" });
    expect(await query.json()).toEqual({ data: { __typename: "Query" } });
  });

  it("no longer serves Apollo's landing page (Sandbox from Apollo's CDN) at /graphql", async () => {
    const res = await fetch(new URL("/graphql", origin), { headers: { accept: "text/html" } });
    expect(res.headers.get("content-type") ?? "").not.toMatch(/text\/html/);
    expect(await res.text()).not.toMatch(/apollographql\.com|embeddable-sandbox/);
  });

  it("answers 404 for a file that is not in the bundle, and never reads outside it", async () => {
    await expectNothingOutside(origin, "/graphiql/");
  });
});

describe("the IDE in production", () => {
  const db = freshDatabase("sqlite");
  let server: TestServer;
  const before = process.env.NODE_ENV;

  beforeAll(async () => {
    process.env.NODE_ENV = "production";
    try {
      server = await TestServer.start(await db.open());
    } finally {
      process.env.NODE_ENV = before;
    }
  });
  afterAll(async () => {
    await server?.stop();
    await server?.ds.destroy();
    await db.drop();
  });

  it("does not redirect / but still serves /graphiql", async () => {
    const origin = new URL(server.url).origin;
    expect((await fetch(new URL("/", origin), { redirect: "manual" })).status).not.toBe(302);
    expect((await fetch(new URL("/graphiql", origin))).status).toBe(200);
  });
});
