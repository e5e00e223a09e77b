import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../helpers/databases";
import { TestServer } from "../helpers/server";

// What integrators and browser dashboards rely on from the HTTP layer, whichever server provides it.
describe("GraphQL over HTTP", () => {
  const db = freshDatabase("sqlite");
  let server: TestServer;

  beforeAll(async () => {
    server = await TestServer.start(await db.open());
  });
  afterAll(async () => {
    await server?.stop();
    await server?.ds.destroy();
    await db.drop();
  });

  const post = (body: string, contentType = "application/json") => fetch(server.url, { method: "POST", headers: { "content-type": contentType }, body });

  it("answers a JSON POST with CORS open to dashboards on other origins", async () => {
    const res = await post(JSON.stringify({ query: "{ __typename }" }));
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(await res.json()).toEqual({ data: { __typename: "Query" } });
  });

  it("answers a browser's preflight with POST allowed and the headers it asked for", async () => {
    const res = await fetch(server.url, { method: "OPTIONS", headers: { origin: "https://dashboard.example", "access-control-request-method": "POST", "access-control-request-headers": "content-type, authorization" } });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
    expect(res.headers.get("access-control-allow-headers")).toBe("content-type, authorization");
  });

  it("answers GET queries only when they cannot be forged cross-site", async () => {
    const url = `${server.url}?query=${encodeURIComponent("{ __typename }")}`;
    expect(await (await fetch(url, { headers: { "apollo-require-preflight": "true" } })).json()).toEqual({ data: { __typename: "Query" } });
    expect((await fetch(url)).status).toBe(400);
  });

  it("refuses bodies it cannot read", async () => {
    expect((await post('{ "query": "{ __typename }"')).status).toBe(400);
    expect((await post(JSON.stringify({ query: "{ __typename }" }), "application/json; charset=latin1")).status).toBe(415);
    expect((await post("{ __typename }", "text/plain")).status).toBe(400);
  });
});
