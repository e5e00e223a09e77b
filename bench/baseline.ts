import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Pool } from "mysql2/promise";
import type { Analysis } from "./analyses";

/**
 * The fair baseline: a minimal node:http server that answers each analysis from its hand-written
 * SQL through mysql2 — reads the request body, runs the statements (side by side on a pool, as
 * the API runs independent ones), turns the rows into the answer the analysis gives (`fromSql`,
 * the same fields and values the GraphQL answer carries) and writes it as JSON. Timed over the
 * same kind of kept-alive HTTP connection as the API, it is what any HTTP service in front of the
 * same SQL costs; the API is measured against it.
 *
 * A request is `{"name": <analysis>, "years": [...]}`; the answer is `{"data": rows}`.
 */
export interface BaselineServer {
  url: string;
  close: () => Promise<void>;
}

export async function startBaselineServer(pool: Pool, analyses: Analysis[], port = 0): Promise<BaselineServer> {
  const byName = new Map(analyses.map((a) => [a.name, a]));
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { name: string; years: number[] };
          const a = byName.get(body.name);
          if (!a) {
            res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ errors: [{ message: `no analysis ${body.name}` }] }));
            return;
          }
          const results = await Promise.all(a.sql(body.years).map(async (s) => (await pool.query(s.sql, s.params))[0] as Record<string, unknown>[]));
          const json = JSON.stringify({ data: a.fromSql(results) });
          res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(json) }).end(json);
        } catch (err) {
          res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ errors: [{ message: String(err) }] }));
        }
      })();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
