import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

/**
 * The IDE's static files (GraphiQL, Monaco and its workers) are built by vite from `ide/` into
 * `dist/ide/`, which git ignores. CI and a fresh checkout run no build step, so whoever needs the
 * bundle first — the tests' global setup, or the server on the first request for /graphiql —
 * builds it; a stamp of the sources and package versions says when it is out of date.
 */

/** The project's root: the nearest folder above this file with a package.json (from src/ or a compiled copy). */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) return join(__dirname, "..", "..");
  }
}

export const PROJECT_ROOT = findRoot(__dirname);
export const IDE_SOURCE_DIR = join(PROJECT_ROOT, "ide");
export const IDE_BUNDLE_DIR = join(PROJECT_ROOT, "dist", "ide");
const STAMP_FILE = ".build-stamp";
/** The packages whose code ends up in the bundle, or that make it. */
const BUNDLED_PACKAGES = ["graphiql", "@graphiql/react", "monaco-editor", "monaco-graphql", "react", "react-dom", "vite"];

export class IdeUnavailableError extends Error {}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`, { paths: [PROJECT_ROOT] }), "utf8")) as { version: string }).version;
  } catch {
    return "absent";
  }
}

/** A hash of the IDE's sources and the versions of what it bundles; undefined when the sources are not here (a production image). */
export function sourceStamp(): string | undefined {
  if (!existsSync(IDE_SOURCE_DIR)) return undefined;
  const hash = createHash("sha256");
  for (const name of readdirSync(IDE_SOURCE_DIR).sort()) {
    hash.update(`${name}\0`).update(readFileSync(join(IDE_SOURCE_DIR, name))).update("\0");
  }
  for (const pkg of BUNDLED_PACKAGES) hash.update(`${pkg}@${packageVersion(pkg)}\0`);
  return hash.digest("hex").slice(0, 16);
}

function builtStamp(): string | undefined {
  try {
    return readFileSync(join(IDE_BUNDLE_DIR, STAMP_FILE), "utf8").trim();
  } catch {
    return undefined;
  }
}

/** True when the bundle is there and, where the sources are too, built from them. */
export function bundleIsCurrent(): boolean {
  if (!existsSync(join(IDE_BUNDLE_DIR, "index.html"))) return false;
  const wanted = sourceStamp();
  return wanted === undefined || builtStamp() === wanted;
}

function viteBin(): string {
  try {
    return join(dirname(require.resolve("vite/package.json", { paths: [PROJECT_ROOT] })), "bin", "vite.js");
  } catch {
    throw new IdeUnavailableError("the IDE is not built and vite (a development dependency) is not installed: run `npm run build:ide` where it is, and ship dist/ide/");
  }
}

/**
 * Builds into a scratch folder and swaps it in whole, so a server never hands out half a build.
 * Another process building at the same time is harmless: the last swap wins, both are the same.
 */
export async function buildIdeBundle(): Promise<{ ms: number }> {
  if (!existsSync(IDE_SOURCE_DIR)) throw new IdeUnavailableError("the IDE is not built and its sources (ide/) are not here");
  const bin = viteBin();
  const started = Date.now();
  const scratch = `${IDE_BUNDLE_DIR}.building-${process.pid}-${Date.now()}`;
  await mkdir(dirname(IDE_BUNDLE_DIR), { recursive: true });
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(
        process.execPath,
        [bin, "build", "--config", join(IDE_SOURCE_DIR, "vite.config.mts")],
        // A build takes 20–45 s; one stuck for minutes is ended, and the next request tries again.
        { cwd: PROJECT_ROOT, env: { ...process.env, IDE_OUT_DIR: scratch, NODE_ENV: "production" }, maxBuffer: 16 * 1024 * 1024, timeout: 5 * 60_000 },
        (err, _stdout, stderr) => {
          if (!err) return resolve();
          // vite's output names files on this machine: it goes to the log, not to the client.
          console.error(`building the IDE failed: ${stderr.trim().split("\n").slice(0, 30).join("\n") || err.message}`);
          reject(new IdeUnavailableError("building the IDE failed; the server's log says why"));
        },
      );
    });
    const stamp = sourceStamp();
    if (stamp) await writeFile(join(scratch, STAMP_FILE), `${stamp}\n`);
    const old = `${IDE_BUNDLE_DIR}.old-${process.pid}-${Date.now()}`;
    await rename(IDE_BUNDLE_DIR, old).catch(() => {});
    await rename(scratch, IDE_BUNDLE_DIR).catch((err: unknown) => {
      // Another process swapped its build in between: that one serves.
      if (!existsSync(join(IDE_BUNDLE_DIR, "index.html"))) throw err;
    });
    await rm(old, { recursive: true, force: true });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return { ms: Date.now() - started };
}

let ensuring: Promise<void> | undefined;

/** Builds the bundle once per process when it is missing or stale; later calls share the answer. */
export function ensureIdeBundle(log: (line: string) => void = console.log): Promise<void> {
  ensuring ??= (async () => {
    if (bundleIsCurrent()) return;
    const stale = existsSync(join(IDE_BUNDLE_DIR, "index.html"));
    log(`${stale ? "rebuilding the GraphiQL bundle, older than its sources," : "building the GraphiQL bundle"} into dist/ide/ (once; about half a minute)`);
    try {
      const { ms } = await buildIdeBundle();
      log(`built the GraphiQL bundle in ${(ms / 1000).toFixed(1)} s`);
    } catch (err) {
      // An older IDE is better than none (an image shipped with the sources but without vite).
      if (!stale || !(err instanceof IdeUnavailableError)) throw err;
      console.error(`${err.message}; serving the older bundle`);
    }
  })().catch((err: unknown) => {
    ensuring = undefined; // the next request tries again
    throw err;
  });
  return ensuring;
}
