import http from "node:http";
import { parse } from "graphql";
import mysql from "mysql2/promise";
import type { DataSource } from "typeorm";
import { AGGREGATE_COST, costOf } from "../src/common/complexity";
import type { Limits } from "../src/common/limits";
import { parseDatabaseUrl } from "../src/config";
import { importDocument } from "../src/ingest/import";
import { openPlatformDatabase } from "../src/platform";
import { getSchema } from "../src/schema";
import { createServer } from "../src/server";
import { generateBundles } from "../src/tools/generate-zone";

/** The two abusive queries: 1.2 M aliases of a field (22 MB), and 4,990 aliases of a rollup aggregate. */
export function aliasFlood(aliases = 1_200_000): string {
  const parts: string[] = [];
  for (let i = 0; i < aliases; i++) parts.push(`a${i}:__typename`);
  return `{${parts.join(" ")}}`;
}

export function aggregateFlood(aliases = 4_990): string {
  const parts: string[] = [];
  for (let i = 0; i < aliases; i++) parts.push(`e${i}: expenditure(groupBy: [], rollup: true) { amount }`);
  return `{ ${parts.join("\n")} }`;
}

export interface Answer {
  status: number;
  ms: number;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  headers: http.IncomingHttpHeaders;
}

/** One POST on a connection of its own, timed from the first byte sent to the last received. */
export function post(url: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<Answer> {
  // Encoded before the clock starts: the client's own work is not the server's answer time.
  const payload = typeof body === "string" ? Buffer.from(body) : body;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(url, { method: "POST", agent: false, headers: { "content-type": "application/json", "content-length": String(payload.length), ...headers } }, (res) => {
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
        resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, body: parsed, headers: res.headers });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(payload);
  });
}

/**
 * Sends `attack` and, from another caller, `simple` every `gapMs` until the attack is answered:
 * what the attack's refusal took, and the slowest simple answer meanwhile.
 */
export async function underAttack(url: string, attack: string | Buffer, simple: string, gapMs = 5): Promise<{ attack: Answer; simpleMaxMs: number; simpleCount: number }> {
  const simpleTimes: number[] = [];
  let done = false;
  const bystander = (async () => {
    while (!done) {
      const r = await post(url, simple);
      simpleTimes.push(r.ms);
      await new Promise((res) => setTimeout(res, gapMs));
    }
  })();
  const attackAnswer = await post(url, attack);
  done = true;
  await bystander;
  return { attack: attackAnswer, simpleMaxMs: Math.max(...simpleTimes), simpleCount: simpleTimes.length };
}

export interface AttackBenchResult {
  data: { departments: number; years: number };
  calibration: { listQueryCost: number; listQueryFields: number; listQueryMs: number; msPerPoint: number; aggregateMs: number; aggregatePoints: number; aggregateCost: number };
  attacks: { name: string; bytes: number; status: number; code: string | undefined; refusedMs: number; simpleMaxMs: number; simpleCount: number }[];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Fields in an answer, each key of each object once: what the estimator's points stand for. */
function fieldsIn(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + fieldsIn(v), 0);
  if (value && typeof value === "object") return Object.values(value).reduce((n: number, v) => n + 1 + fieldsIn(v), 0);
  return 0;
}

async function timed(url: string, query: string, runs: number): Promise<{ ms: number; fields: number }> {
  const body = JSON.stringify({ query });
  const first = await post(url, body);
  if (first.body.errors) throw new Error(`calibration query failed: ${JSON.stringify(first.body.errors)}`);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await post(url, body)).ms);
  return { ms: median(times), fields: fieldsIn(first.body.data) };
}

/**
 * The attack section: builds a zone on MySQL, calibrates what an aggregate statement costs
 * against ordinary fields, then sends the two abusive queries while another caller keeps asking
 * a simple question.
 */
export async function runAttackBench(o: { mysqlUrl: string; departments: number; years: number; runs: number; log?: (l: string) => void }): Promise<AttackBenchResult> {
  const log = o.log ?? (() => {});
  const base = parseDatabaseUrl(o.mysqlUrl);
  const database = `budget_attacks_${process.pid}`;
  const admin = await mysql.createConnection({ host: base.host, port: base.port, user: base.user, password: base.password });
  await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
  const ds: DataSource = await openPlatformDatabase({ ...base, database, url: o.mysqlUrl.replace(/\/[^/]*$/, `/${database}`) });
  // Calibration runs many requests from one address: the rate limit is not what is measured here.
  const limits: Partial<Limits> = { rateLimitPerAddress: 0 };
  const server = await createServer(ds, 0, "127.0.0.1", { limits });
  const url = `${server.url.replace(/\/$/, "")}/graphql`;
  try {
    for (const b of generateBundles({ departments: o.departments, years: o.years, seed: 1 })) {
      const outcome = await importDocument(ds, `${b.department.code}-${b.year}.bundle.json`, Buffer.from(JSON.stringify(b)), { actor: "bench" });
      if (!outcome.ok) throw new Error(`generated bundle rejected: ${outcome.rejection.problems[0]?.message}`);
    }
    log(`zone: ${o.departments} departments × ${o.years} years imported`);
    const schema = await getSchema();
    // Ordinary fields: every department's budgets and their lines, a few statements in all (the
    // loaders batch each level); a point stands for one field of one item, so the time per
    // field answered is the time per point.
    const listQuery = `{ departments(first: 60) { nodes { code name budgets(includeSuperseded: true) { year stage expenditureTotal subjectLines { amount subjectCode { code name } } } } } }`;
    const listQueryCost = costOf(schema, parse(listQuery)).cost;
    const list = await timed(url, listQuery, o.runs);
    const msPerPoint = list.ms / list.fields;
    // Aggregates: 25 aliases of a rollup over every line in force, each its own statement.
    const n = 25;
    const aggregateMs = (await timed(url, aggregateFlood(n), o.runs)).ms / n;
    const aggregatePoints = aggregateMs / msPerPoint;
    const calibration = { listQueryCost, listQueryFields: list.fields, listQueryMs: list.ms, msPerPoint, aggregateMs, aggregatePoints, aggregateCost: AGGREGATE_COST };
    log(`calibration: ${list.fields} fields answered in ${list.ms.toFixed(1)} ms (${(msPerPoint * 1000).toFixed(2)} µs a field; estimated ${listQueryCost}); one aggregate ${aggregateMs.toFixed(2)} ms ≈ ${aggregatePoints.toFixed(0)} fields (priced ${AGGREGATE_COST})`);

    const simple = JSON.stringify({ query: "{ departments(first: 1) { nodes { code } } }" });
    const attacks: AttackBenchResult["attacks"] = [];
    for (const [name, query] of [
      ["1.2 M aliases of __typename", aliasFlood()],
      ["4,990 aliases of a rollup expenditure", aggregateFlood()],
    ] as const) {
      const body = Buffer.from(JSON.stringify({ query }));
      const r = await underAttack(url, body, simple);
      const code = r.attack.body.errors?.[0]?.extensions?.code as string | undefined;
      attacks.push({ name, bytes: body.length, status: r.attack.status, code, refusedMs: r.attack.ms, simpleMaxMs: r.simpleMaxMs, simpleCount: r.simpleCount });
      log(`${name} (${(body.length / 1e6).toFixed(1)} MB): HTTP ${r.attack.status} ${code} in ${r.attack.ms.toFixed(1)} ms; another caller's simple query meanwhile at most ${r.simpleMaxMs.toFixed(1)} ms (${r.simpleCount} asked)`);
    }
    return { data: { departments: o.departments, years: o.years }, calibration, attacks };
  } finally {
    await server.stop();
    await ds.destroy();
    await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await admin.end();
  }
}

export function attackMarkdown(r: AttackBenchResult): string {
  const c = r.calibration;
  return [
    `## Limits under attack (${r.data.departments} departments × ${r.data.years} years)`,
    "",
    `Calibration: a list query answering ${c.listQueryFields} fields (estimated ${c.listQueryCost} points) takes ${c.listQueryMs.toFixed(1)} ms, ${(c.msPerPoint * 1000).toFixed(2)} µs a field; one rollup aggregate takes ${c.aggregateMs.toFixed(2)} ms ≈ ${c.aggregatePoints.toFixed(0)} fields; it is priced ${c.aggregateCost} points.`,
    "",
    "| attack | body | answer | refused in | another caller's slowest simple query meanwhile |",
    "|---|---|---|---|---|",
    ...r.attacks.map((a) => `| ${a.name} | ${(a.bytes / 1e6).toFixed(1)} MB | ${a.status} ${a.code ?? ""} | ${a.refusedMs.toFixed(1)} ms | ${a.simpleMaxMs.toFixed(1)} ms (${a.simpleCount} asked) |`),
  ].join("\n");
}
