import { isDeepStrictEqual } from "node:util";
import { print } from "graphql";
import mysql from "mysql2/promise";
import { parseDatabaseUrl } from "../src/config";
import { statementCounter } from "../src/db/data-source";
import { openPlatformDatabase } from "../src/platform";
import { generateBundles } from "../src/tools/generate-zone";
import { importDocument } from "../src/ingest/import";
import { createServer } from "../src/server";
import { type SyncArgsResult, measureSyncArgs, syncArgsMarkdown } from "./resolvers";
import { ANALYSES } from "./analyses";
import { GraphqlClient } from "./client";
import { startBaselineServer } from "./baseline";
import { type AttacksUnderLoad, type LoadRun, loadMarkdown, runLoad } from "./load";

export interface BenchOptions {
  /** A MySQL-compatible server; the benchmark makes and drops its own database there. */
  mysqlUrl: string;
  departments: number;
  years: number;
  seed: number;
  iterations: number;
  warmup: number;
  /** Scenario (h) on (a) and (b): each connection count for `seconds`; absent leaves it out. */
  load?: { seconds: number; connections: number[] };
  log?: (line: string) => void;
}

export interface AnalysisResult {
  scenario: string;
  name: string;
  agree: boolean;
  graphql: { p50: number; p95: number; statements: number };
  /** The same answer from the hand-written SQL, served by a minimal node:http server over the same kind of connection. */
  baselineHttp: { p50: number; p95: number };
  /** The same operation executed in-process (Apollo executeOperation): the API layer without HTTP. */
  inProcess: { p50: number; p95: number };
  sql: { p50: number; p95: number; statements: number };
  /** GraphQL over HTTP against the baseline over HTTP, at p50 and at p95. */
  ratio: { p50: number; p95: number };
}

export interface BenchResult {
  data: { departments: number; years: number; budgets: number; subjectLines: number; rowTotals: number; projects: number; indicators: number; importSeconds: number };
  /** p50 of `{ __typename }` over the same HTTP path: what any request costs before it reads data. */
  floorMs: number;
  /** The same large answer with and without the synchronous plain-argument resolvers. */
  syncArgs: SyncArgsResult;
  analyses: AnalysisResult[];
  load?: LoadRun[];
  /** Scenario (i): hostile requests while (a) runs under load. */
  attacksUnderLoad?: AttacksUnderLoad;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

/**
 * Builds the zone from generated department-years through the normal import path, then times
 * each saved analysis through GraphQL over HTTP and as hand-written SQL through mysql2, after
 * checking that both give the same answer.
 */
export async function runBench(o: BenchOptions): Promise<BenchResult> {
  const log = o.log ?? (() => {});
  const base = parseDatabaseUrl(o.mysqlUrl);
  const database = `budget_bench_${process.pid}`;
  const admin = await mysql.createConnection({ host: base.host, port: base.port, user: base.user, password: base.password });
  await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
  const config = { ...base, database, url: o.mysqlUrl.replace(/\/[^/]*$/, `/${database}`) };
  const ds = await openPlatformDatabase(config);
  // A pool, so statements of one answer that do not depend on each other run side by side, as the API runs them.
  const raw = mysql.createPool({ host: base.host, port: base.port, user: base.user, password: base.password, database, supportBigNumbers: true, bigNumberStrings: true, connectionLimit: 4 });
  // The bench times answers, many a second from one address: the rate limit is not what it measures.
  const server = await createServer(ds, 0, "127.0.0.1", { limits: { rateLimitPerAddress: 0, rateLimitPerToken: 0 } });
  const client = new GraphqlClient(`${server.url.replace(/\/$/, "")}/graphql`);
  const baselineServer = await startBaselineServer(raw, ANALYSES);
  const baseline = new GraphqlClient(baselineServer.url);
  try {
    const bundles = generateBundles({ departments: o.departments, years: o.years, seed: o.seed });
    const started = performance.now();
    for (const [i, b] of bundles.entries()) {
      const name = `${b.department.code}-${b.year}.bundle.json`;
      const outcome = await importDocument(ds, name, Buffer.from(JSON.stringify(b)), { actor: "bench", status: "PUBLISHED" });
      if (!outcome.ok) throw new Error(`generated ${name} was rejected: ${outcome.rejection.problems[0]?.message}`);
      if ((i + 1) % 50 === 0) log(`imported ${i + 1}/${bundles.length}`);
    }
    const importSeconds = (performance.now() - started) / 1000;
    const count = async (table: string) => Number(((await raw.query(`SELECT COUNT(*) AS n FROM ${table}`)) as unknown as [[{ n: string }]])[0][0].n);
    const sizes = { subjectLines: await count("subject_line"), rowTotals: await count("subject_row_total"), projects: await count("project"), indicators: await count("performance_indicator") };
    const years = [...new Set(bundles.map((b) => b.year))].sort();
    const counter = statementCounter(ds);

    const floorTimes: number[] = [];
    const floorBody = JSON.stringify({ query: "{ __typename }" });
    for (let i = 0; i < o.warmup; i++) await client.post(floorBody);
    for (let i = 0; i < Math.max(o.iterations, 5); i++) {
      const t = performance.now();
      await client.post(floorBody);
      floorTimes.push(performance.now() - t);
    }
    const floorMs = quantile(floorTimes, 0.5);
    const results: AnalysisResult[] = [];
    for (const a of ANALYSES) {
      const body = JSON.stringify({ query: print(a.document), variables: a.variables(years) });
      const viaGraphql = async () => {
        const json = await client.post(body);
        if (json.errors) throw new Error(`${a.name}: ${JSON.stringify(json.errors)}`);
        return json.data;
      };
      const query = print(a.document);
      const variables = a.variables(years);
      const viaExecute = async () => {
        const r = await server.execute(query, variables);
        if (r.errors) throw new Error(`${a.name}: ${JSON.stringify(r.errors)}`);
        return r.data;
      };
      const statements = a.sql(years);
      const baselineBody = JSON.stringify({ name: a.name, years });
      const viaBaseline = async () => {
        const json = await baseline.post(baselineBody);
        if (json.errors) throw new Error(`${a.name} (baseline): ${JSON.stringify(json.errors)}`);
        return json.data as string[][];
      };
      const viaSql = () => Promise.all(statements.map(async (s) => (await raw.query(s.sql, s.params))[0] as Record<string, unknown>[]));
      const before = counter.count;
      const data = await viaGraphql();
      const graphqlStatements = counter.count - before;
      const expected = a.fromSql(await viaSql());
      const agree =
        isDeepStrictEqual(a.fromGraphql(data), expected) && isDeepStrictEqual(a.fromGraphql(await viaExecute()), expected) && isDeepStrictEqual(await viaBaseline(), expected);
      for (let i = 0; i < o.warmup; i++) await Promise.all([viaGraphql(), viaExecute(), viaBaseline(), viaSql()]);
      const g: number[] = [];
      const h: number[] = [];
      const e: number[] = [];
      const s: number[] = [];
      // Alternate the two so both meet the same cache and machine state.
      for (let i = 0; i < o.iterations; i++) {
        let t = performance.now();
        await viaGraphql();
        g.push(performance.now() - t);
        t = performance.now();
        await viaBaseline();
        h.push(performance.now() - t);
        t = performance.now();
        await viaExecute();
        e.push(performance.now() - t);
        t = performance.now();
        await viaSql();
        s.push(performance.now() - t);
      }
      const r: AnalysisResult = {
        scenario: a.scenario,
        name: a.name,
        agree,
        graphql: { p50: quantile(g, 0.5), p95: quantile(g, 0.95), statements: graphqlStatements },
        baselineHttp: { p50: quantile(h, 0.5), p95: quantile(h, 0.95) },
        inProcess: { p50: quantile(e, 0.5), p95: quantile(e, 0.95) },
        sql: { p50: quantile(s, 0.5), p95: quantile(s, 0.95), statements: statements.length },
        ratio: { p50: quantile(g, 0.5) / quantile(h, 0.5), p95: quantile(g, 0.95) / quantile(h, 0.95) },
      };
      log(`(${a.scenario}) ${a.name}: ${r.graphql.p50.toFixed(2)} ms vs baseline ${r.baselineHttp.p50.toFixed(2)} ms (SQL ${r.sql.p50.toFixed(2)} ms)${agree ? "" : "  (ANSWERS DIFFER)"}`);
      results.push(r);
    }
    const loaded = o.load
      ? await runLoad({ databaseUrl: config.url, analyses: ANALYSES.filter((a) => ["a", "b", "h"].includes(a.scenario)), years, connections: o.load.connections, seconds: o.load.seconds, log })
      : undefined;
    const syncArgs = await measureSyncArgs(ds, years[years.length - 1]!, { iterations: Math.max(3, Math.ceil(o.iterations / 10)), warmup: Math.max(1, Math.ceil(o.warmup / 10)) });
    log(syncArgsMarkdown(syncArgs));
    return { data: { departments: o.departments, years: o.years, budgets: bundles.length, ...sizes, importSeconds }, floorMs, syncArgs, analyses: results, load: loaded?.runs, attacksUnderLoad: loaded?.attacks };
  } finally {
    client.close();
    baseline.close();
    await baselineServer.close();
    await server.stop();
    await raw.end();
    await ds.destroy();
    await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await admin.end();
  }
}

export function markdown(r: BenchResult): string {
  const ms = (x: number) => x.toFixed(2);
  const head = [
    `Zone: ${r.data.departments} departments × ${r.data.years} years = ${r.data.budgets} budgets, ${r.data.subjectLines} functional lines, ${r.data.rowTotals} row totals, ${r.data.projects} projects, ${r.data.indicators} indicators (imported in ${r.data.importSeconds.toFixed(1)} s).`,
    `HTTP + GraphQL floor (\`{ __typename }\`, p50): ${ms(r.floorMs)} ms. "baseline" is a minimal node:http server answering the same rows from the hand-written SQL through mysql2, over the same kind of connection; the ratios are GraphQL over HTTP against it. "in-process" (Apollo without HTTP) and "SQL" (the statements alone) are diagnostics.`,
    "",
    "| | analysis | GraphQL p50 ms | p95 | baseline p50 ms | p95 | ratio p50 | ratio p95 | in-process p50 | p95 | SQL p50 | p95 | statements API / SQL | same answer |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
  ];
  const rows = r.analyses.map(
    (a) =>
      `| ${a.scenario} | ${a.name} | ${ms(a.graphql.p50)} | ${ms(a.graphql.p95)} | ${ms(a.baselineHttp.p50)} | ${ms(a.baselineHttp.p95)} | ${a.ratio.p50.toFixed(2)} | ${a.ratio.p95.toFixed(2)} | ${ms(a.inProcess.p50)} | ${ms(a.inProcess.p95)} | ${ms(a.sql.p50)} | ${ms(a.sql.p95)} | ${a.graphql.statements} / ${a.sql.statements} | ${a.agree ? "yes" : "NO"} |`,
  );
  return [...head, ...rows, "", ...(r.load ? [loadMarkdown({ runs: r.load, attacks: r.attacksUnderLoad }), ""] : []), syncArgsMarkdown(r.syncArgs)].join("\n");
}
