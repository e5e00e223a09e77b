import { request as httpRequest } from "node:http";

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: any;
}

/**
 * POSTs a GraphQL operation with an optional bearer token, on a connection of its own, from
 * `localAddress` when given (127.0.0.x: another client address to the server's rate limits).
 */
export function postGraphql(url: string, query: string, variables: Record<string, unknown> = {}, opts: { token?: string; localAddress?: string } = {}): Promise<HttpAnswer> {
  const body = JSON.stringify({ query, variables });
  const headers: Record<string, string | number> = { "content-type": "application/json", "content-length": Buffer.byteLength(body) };
  if (opts.token !== undefined) headers.authorization = `Bearer ${opts.token}`;
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: "POST", agent: false, headers, localAddress: opts.localAddress }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let json: any;
        try {
          json = JSON.parse(text);
        } catch {
          json = { unparsed: text };
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, json });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}
