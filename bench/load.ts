import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer as netServer } from "node:net";
import { join } from "node:path";
import { print } from "graphql";
import type { Analysis } from "./analyses";
import { aggregateFlood, aliasFlood, post } from "./attacks";

/**
 * Scenario (h): load from a second process. The API (started as `npm start` starts it, rate
 * limits off, warn-level logs) and the baseline server each run in a process of their own on the same
 * database; autocannon, in a third, holds `connections` kept-alive connections for `seconds` on
 * one request. The server's resident memory is read from /proc while it runs.
 */
export interface LoadFigures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  peakRssMb: number;
}

export interface LoadRun {
  scenario: string;
  name: string;
  connections: number;
  api: { rps: number; p50: number; p99: number };
  baseline: LoadFigures;
  /** The API's errors (connection errors, timeouts and non-2xx answers). */
  errors: number;
  /** The API server's peak resident set during the run. */
  peakRssMb: number;
}

const ROOT = join(__dirname, "..");

/** Node's arguments as `npm start` gives them (the heap limit among them), so the API runs here as deployed. */
function startArguments(): string[] {
  const start = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start;
  const m = /\bnode\s+(.*)$/.exec(start);
  if (!m) throw new Error(`cannot read node's arguments from the start script "${start}"`);
  return m[1]!.trim().split(/\s+/);
}

async function freePort(): Promise<number> {
  const s = netServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function until(ready: () => Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await ready().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not start within ${ms / 1000} s`);
}

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) child.kill("SIGKILL");
}

/** One autocannon run from its own process, with the server's peak RSS sampled meanwhile. */
async function cannon(url: string, body: string, connections: number, seconds: number, serverPid: number): Promise<LoadFigures> {
  let peak = rssMb(serverPid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(serverPid))), 100);
  const child = spawn(process.execPath, [join(ROOT, "node_modules", "autocannon", "autocannon.js"), "-j", "-c", String(connections), "-d", String(seconds), "-m", "POST", "-H", "content-type=application/json", "-b", body, url], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (c: Buffer) => (out += c.toString("utf8")));
  child.stderr!.resume();
  const code = await new Promise<number | null>((r) => child.once("exit", r));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`autocannon exited with ${code}`);
  const r = JSON.parse(out) as { requests: { average: number }; latency: { p50: number; p99: number }; errors: number; timeouts: number; non2xx: number };
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx, peakRssMb: peak };
}

/** Scenario (i): a hostile request sent while (a) runs under load, and what it cost the load. */
export interface AttackUnderLoad {
  name: string;
  bytes: number;
  status: number;
  code: string | undefined;
  /** From the request's first byte sent to its answer's last byte received. */
  refusedMs: number;
}

export interface AttacksUnderLoad {
  connections: number;
  attacks: AttackUnderLoad[];
  /** The (a) load while the attacks were sent, and the same load without them (the run before). */
  during: { rps: number; p50: number; p99: number; errors: number };
  quiet: { rps: number; p50: number; p99: number } | undefined;
  peakRssMb: number;
}

/** The issue's two abusive queries, and an aggregate one small enough to pass the size and token limits, as scenario (i) sends them. */
const HOSTILE: [string, () => string][] = [
  ["1.2 M aliases of __typename", () => aliasFlood()],
  ["4,990 aliases of a rollup expenditure", () => aggregateFlood()],
  // Under the size and token limits (100 KB, 10,000 tokens): a limit further in must refuse it.
  ["400 aliases of a rollup expenditure", () => aggregateFlood(400)],
];

/** While (a) runs at `connections` for `seconds`, sends each hostile request once, a third of the way in. */
async function attacksUnderLoad(apiUrl: string, body: string, connections: number, seconds: number, pid: number, quiet: LoadRun | undefined): Promise<AttacksUnderLoad> {
  const hostile = HOSTILE.map(([name, make]) => ({ name, body: Buffer.from(JSON.stringify({ query: make() })) }));
  const load = cannon(apiUrl, body, connections, seconds, pid);
  await new Promise((r) => setTimeout(r, (seconds * 1000) / 3));
  const attacks: AttackUnderLoad[] = [];
  for (const h of hostile) {
    const r = await post(apiUrl, h.body);
    attacks.push({ name: h.name, bytes: h.body.length, status: r.status, code: r.body.errors?.[0]?.extensions?.code as string | undefined, refusedMs: r.ms });
  }
  const during = await load;
  return { connections, attacks, during: { rps: during.rps, p50: during.p50, p99: during.p99, errors: during.errors }, quiet: quiet && { rps: quiet.api.rps, p50: quiet.api.p50, p99: quiet.api.p99 }, peakRssMb: during.peakRssMb };
}

export async function runLoad(o: {
  databaseUrl: string;
  analyses: Analysis[];
  years: number[];
  connections: number[];
  seconds: number;
  log: (l: string) => void;
}): Promise<{ runs: LoadRun[]; attacks?: AttacksUnderLoad }> {
  const [apiPort, basePort] = [await freePort(), await freePort()];
  const env = { ...process.env, DATABASE_URL: o.databaseUrl, NODE_ENV: "production", LOG_LEVEL: "warn", LOAD_SAMPLE: "0", RATE_LIMIT_ADDRESS_PER_MINUTE: "0", RATE_LIMIT_TOKEN_PER_MINUTE: "0" };
  const api = spawn(process.execPath, startArguments(), { cwd: ROOT, env: { ...env, PORT: String(apiPort), HOST: "127.0.0.1" }, stdio: ["ignore", "ignore", "inherit"] });
  const base = spawn(process.execPath, ["--import", "tsx", "bench/baseline-child.ts"], { cwd: ROOT, env: { ...env, PORT: String(basePort) }, stdio: ["ignore", "ignore", "inherit"] });
  const apiUrl = `http://127.0.0.1:${apiPort}/graphql`;
  const baseUrl = `http://127.0.0.1:${basePort}/`;
  try {
    await until(async () => (await fetch(`http://127.0.0.1:${apiPort}/health`).then((r) => r.text().then(() => r.ok))), "the API");
    await until(async () => (await fetch(baseUrl, { method: "POST", body: "{}" }).then((r) => r.text().then(() => r.status === 404))), "the baseline server");
    const runs: LoadRun[] = [];
    for (const a of o.analyses) {
      const apiBody = JSON.stringify({ query: print(a.document), variables: a.variables(o.years) });
      const baseBody = JSON.stringify({ name: a.name, years: o.years });
      // A short untimed run of each first: the JIT and the pools settle.
      await cannon(apiUrl, apiBody, 4, 2, api.pid!);
      await cannon(baseUrl, baseBody, 4, 2, base.pid!);
      for (const c of o.connections) {
        const g = await cannon(apiUrl, apiBody, c, o.seconds, api.pid!);
        const b = await cannon(baseUrl, baseBody, c, o.seconds, base.pid!);
        const run: LoadRun = { scenario: a.scenario, name: a.name, connections: c, api: { rps: g.rps, p50: g.p50, p99: g.p99 }, baseline: b, errors: g.errors, peakRssMb: g.peakRssMb };
        o.log(`load (${a.scenario}) ${c} connections: API ${g.rps.toFixed(0)} req/s p50 ${g.p50} p99 ${g.p99} ms, ${g.errors} errors, ${g.peakRssMb.toFixed(0)} MB; baseline ${b.rps.toFixed(0)} req/s p50 ${b.p50} p99 ${b.p99} ms`);
        runs.push(run);
      }
    }
    const tree = o.analyses.find((a) => a.scenario === "a");
    if (!tree) return { runs };
    const c = o.connections[0]!;
    const attacks = await attacksUnderLoad(apiUrl, JSON.stringify({ query: print(tree.document), variables: tree.variables(o.years) }), c, o.seconds, api.pid!, runs.find((r) => r.scenario === "a" && r.connections === c));
    for (const a of attacks.attacks) o.log(`(i) under (a) at ${c} connections: ${a.name} (${(a.bytes / 1e6).toFixed(1)} MB) answered ${a.status} ${a.code ?? ""} in ${a.refusedMs.toFixed(1)} ms`);
    o.log(`(i) the (a) load meanwhile: ${attacks.during.rps.toFixed(0)} req/s, p99 ${attacks.during.p99} ms, ${attacks.during.errors} errors`);
    return { runs, attacks };
  } finally {
    await Promise.all([stopChild(api), stopChild(base)]);
  }
}

export function loadMarkdown({ runs, attacks }: { runs: LoadRun[]; attacks?: AttacksUnderLoad }): string {
  return [
    "Load (h): autocannon in its own process against the API and the baseline server, each in a process of its own.",
    "",
    "| | analysis | connections | API req/s | p50 ms | p99 ms | errors | API peak RSS MB | baseline req/s | p50 ms | p99 ms | API / baseline req/s |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...runs.map(
      (r) =>
        `| ${r.scenario} | ${r.name} | ${r.connections} | ${r.api.rps.toFixed(0)} | ${r.api.p50} | ${r.api.p99} | ${r.errors} | ${r.peakRssMb.toFixed(0)} | ${r.baseline.rps.toFixed(0)} | ${r.baseline.p50} | ${r.baseline.p99} | ${(r.api.rps / r.baseline.rps).toFixed(2)} |`,
    ),
    ...(attacks ? ["", attacksUnderLoadMarkdown(attacks)] : []),
  ].join("\n");
}

function attacksUnderLoadMarkdown(r: AttacksUnderLoad): string {
  const q = r.quiet;
  return [
    `Hostile requests under load (i): each sent once while (a) runs at ${r.connections} connections. The (a) load meanwhile: ${r.during.rps.toFixed(0)} req/s, p50 ${r.during.p50} ms, p99 ${r.during.p99} ms, ${r.during.errors} errors${q ? ` (without the attacks, the run before: ${q.rps.toFixed(0)} req/s, p50 ${q.p50} ms, p99 ${q.p99} ms)` : ""}; API peak RSS ${r.peakRssMb.toFixed(0)} MB.`,
    "",
    "| attack | body | answer | answered in |",
    "|---|---:|---|---:|",
    ...r.attacks.map((a) => `| ${a.name} | ${(a.bytes / 1e6).toFixed(1)} MB | ${a.status} ${a.code ?? ""} | ${a.refusedMs.toFixed(1)} ms |`),
  ].join("\n");
}
