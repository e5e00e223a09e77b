import { type ChildProcess, spawn } from "node:child_process";
import { request } from "node:http";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases";

/** The production start command, as the README and the Dockerfile give it. */
const START = ["--max-old-space-size=1024", "--import", "tsx", "src/index.ts"];

interface Started {
  child: ChildProcess;
  url: string;
  /** Resolves with the first log line whose message is `msg`. */
  logged(msg: string): Promise<Record<string, unknown>>;
  /** The server's own process id, from its log (not npm's when started through npm). */
  pid: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

function start(databaseUrl: string, env: Record<string, string> = {}, command: [string, string[]] = [process.execPath, START]): Promise<Started> {
  const child = spawn(command[0], command[1], {
    env: { ...process.env, VITEST: "", DATABASE_URL: databaseUrl, PORT: "0", HOST: "127.0.0.1", LOAD_SAMPLE: "0", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: Record<string, unknown>[] = [];
  const waiting: { msg: string; resolve: (l: Record<string, unknown>) => void }[] = [];
  let buffered = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    buffered += chunk.toString("utf8");
    const parts = buffered.split("\n");
    buffered = parts.pop()!;
    for (const part of parts) {
      if (!part.startsWith("{")) continue; // npm's banner
      const line = JSON.parse(part) as Record<string, unknown>;
      lines.push(line);
      for (const w of waiting.filter((w) => w.msg === line.msg)) w.resolve(line);
    }
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  const logged = (msg: string) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const seen = lines.find((l) => l.msg === msg);
      if (seen) resolve(seen);
      else waiting.push({ msg, resolve });
    });
  return Promise.race([
    logged("budget API ready").then((l) => ({ child, url: String(l.url).replace("localhost", "127.0.0.1"), logged, exited, pid: Number(l.pid) })),
    exited.then(({ code }) => Promise.reject(new Error(`the server exited ${code} before it was ready: ${stderr}`))),
  ]);
}

/**
 * A POST whose body is sent in two halves: the request is in flight (headers and half a body
 * in) until `finish` sends the rest.
 */
function heldRequest(url: string, body: string) {
  const half = Math.floor(body.length / 2);
  let answered!: Promise<{ status: number; body: string }>;
  const req = request(url, { method: "POST", agent: false, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } });
  answered = new Promise((resolve, reject) => {
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
  answered.catch(() => {}); // awaited by the test that expects it; a failed test leaves it alone
  req.flushHeaders();
  req.write(body.slice(0, half));
  return { answered, finish: () => req.end(body.slice(half)) };
}

/** Whether a new TCP connection to the server's port is accepted. */
function connects(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Whether new connections are refused within `ms`: the listener closes as the shutdown begins. */
async function refusedWithin(url: string, ms: number): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 50))) {
    if (!(await connects(url))) return true;
  }
  return false;
}

const running: ChildProcess[] = [];
const serverPids: number[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  // A server orphaned by a wrapper that did not pass the signal on.
  for (const pid of serverPids.splice(0)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {}
  }
});

/** The promise's value, or a failure after `ms` naming what did not happen. */
function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms))]);
}

describe.each(DATABASE_KINDS)("graceful shutdown on SIGTERM (%s)", (kind) => {
  it("finishes the request in flight with 200, refuses new connections, closes the database and exits 0", async () => {
    const db = freshDatabase(kind);
    try {
      const server = await start(db.config.url);
      running.push(server.child);
      const held = heldRequest(server.url, JSON.stringify({ query: "query Held { subjectCodes(level: CLASS) { code name } }" }));
      // The request is in: the server has its headers before the signal comes.
      await new Promise((r) => setTimeout(r, 300));
      server.child.kill("SIGTERM");
      await server.logged("shutting down: no new connections; finishing requests in flight");
      expect(await refusedWithin(server.url, 2_000)).toBe(true);
      const signalledAt = Date.now();
      held.finish();
      const answer = await held.answered;
      expect(answer.status).toBe(200);
      const data = JSON.parse(answer.body) as { data?: { subjectCodes: { code: string; name: string }[] }; errors?: unknown };
      expect(data.errors).toBeUndefined();
      // Read from the database after the signal: it was still open.
      expect(data.data!.subjectCodes.length).toBeGreaterThan(10);
      const line = await server.logged("request");
      expect(line).toMatchObject({ operation: "Held", status: 200, role: "PUBLIC" });
      const exit = await server.exited;
      expect(exit).toMatchObject({ code: 0, signal: null });
      expect(exit.at - signalledAt).toBeLessThan(5_000);
      await server.logged("stopped");
    } finally {
      await db.drop();
    }
  }, 90_000);

  it("exits 0 within a second of SIGTERM when idle", async () => {
    const db = freshDatabase(kind);
    try {
      const server = await start(db.config.url);
      running.push(server.child);
      const at = Date.now();
      server.child.kill("SIGTERM");
      const exit = await server.exited;
      expect(exit).toMatchObject({ code: 0, signal: null });
      expect(exit.at - at).toBeLessThan(1_000);
    } finally {
      await db.drop();
    }
  }, 90_000);

  it("closes a connection still held past SHUTDOWN_GRACE_MS and exits 0", async () => {
    const db = freshDatabase(kind);
    try {
      const server = await start(db.config.url, { SHUTDOWN_GRACE_MS: "500" });
      running.push(server.child);
      const held = heldRequest(server.url, JSON.stringify({ query: "{ subjectCodes(level: CLASS) { code } }" }));
      await new Promise((r) => setTimeout(r, 300));
      const at = Date.now();
      server.child.kill("SIGTERM");
      await expect(held.answered).rejects.toThrow(/socket hang up|ECONNRESET/);
      const exit = await server.exited;
      expect(exit).toMatchObject({ code: 0, signal: null });
      expect(exit.at - at).toBeLessThan(3_000);
    } finally {
      await db.drop();
    }
  }, 90_000);
});

describe("a server whose log reader went away", () => {
  it("still exits 0 on SIGTERM (its log lines are dropped, not waited for)", async () => {
    const db = freshDatabase("sqlite");
    try {
      const server = await start(db.config.url);
      running.push(server.child);
      server.child.stdout!.destroy(); // the pipe's reading end closes, as when a log shipper dies
      await new Promise((r) => setTimeout(r, 200));
      server.child.kill("SIGTERM");
      const exit = await within(5_000, "the exit", server.exited);
      expect(exit).toMatchObject({ code: 0, signal: null });
    } finally {
      await db.drop();
    }
  }, 90_000);
});

describe("npm start", () => {
  it("passes SIGTERM on to the server, which stops gracefully; npm exits 0 and leaves no orphan", async () => {
    const db = freshDatabase("sqlite");
    try {
      const server = await start(db.config.url, {}, ["npm", ["start", "--silent"]]);
      running.push(server.child);
      serverPids.push(server.pid);
      expect(server.pid).not.toBe(server.child.pid);
      server.child.kill("SIGTERM");
      await within(10_000, "the server's graceful stop", server.logged("stopped"));
      const exit = await server.exited;
      expect(exit).toMatchObject({ code: 0, signal: null });
      expect(() => process.kill(server.pid, 0)).toThrow(/ESRCH/);
    } finally {
      await db.drop();
    }
  }, 90_000);
});
