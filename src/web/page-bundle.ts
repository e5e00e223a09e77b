import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { promisify } from "node:util";
import { gzip as gzipCallback } from "node:zlib";

const gzip = promisify(gzipCallback);

/**
 * A browser page the server hands out (the GraphiQL IDE, the explorer) is built by vite from its
 * own folder (`ide/`, `explorer/`) into `dist/<name>/`, which git ignores. CI and a fresh checkout
 * run no build step, so whoever needs a bundle first — the tests' global setup, or the server on
 * the first request for the page — builds it; a stamp of the sources and package versions says
 * when it is out of date.
 */

/** The project's root: the nearest folder above this file with a package.json (from src/ or a compiled copy). */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) return join(__dirname, "..", "..");
  }
}

export const PROJECT_ROOT = findRoot(__dirname);
const STAMP_FILE = ".build-stamp";
/** What a build makes besides vite's output; a change here makes older builds stale. */
const BUILD_FORMAT = "2: assets gzipped into gzip/";
/** The vite settings every page shares: a change to them rebuilds every page. */
const SHARED_CONFIG = join(PROJECT_ROOT, "src", "web", "vite-page.mts");

/** Where a bundle keeps gzipped copies of its assets, beside (not in) assets/. */
export const GZIP_DIR = "gzip";

export class PageUnavailableError extends Error {}

/**
 * Gzips each asset once, at build time, so the server sends the smaller copy to browsers that take
 * it (every one does) without compressing on each request. Files gzip cannot shrink keep no copy.
 */
async function gzipAssets(outDir: string): Promise<void> {
  const assets = join(outDir, "assets");
  const names = await readdir(assets).catch(() => [] as string[]);
  await mkdir(join(outDir, GZIP_DIR), { recursive: true });
  for (const name of names) {
    const bytes = await readFile(join(assets, name));
    const packed = await gzip(bytes, { level: 9 });
    if (packed.length < bytes.length * 0.9) await writeFile(join(outDir, GZIP_DIR, `${name}.gz`), packed);
  }
}

export interface PageBundleOptions {
  /** The folder under the root holding the page's sources and vite.config.mts, and its name under dist/. */
  name: string;
  /** What the log calls it: "the GraphiQL bundle". */
  label: string;
  /** The packages whose code ends up in the bundle, or that make it. */
  packages: string[];
  /** Other files or folders (relative to the root) the bundle is built from, e.g. schema/operations. */
  inputs?: string[];
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`, { paths: [PROJECT_ROOT] }), "utf8")) as { version: string }).version;
  } catch {
    return "absent";
  }
}

/** Every file under `path` (or `path` itself), sorted, so the hash does not depend on the file system's order. */
function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

export class PageBundle {
  readonly sourceDir: string;
  readonly outDir: string;
  private ensuring: Promise<void> | undefined;

  constructor(private readonly opts: PageBundleOptions) {
    this.sourceDir = join(PROJECT_ROOT, opts.name);
    this.outDir = join(PROJECT_ROOT, "dist", opts.name);
  }

  get label(): string {
    return this.opts.label;
  }

  /** A hash of the page's sources and the versions of what it bundles; undefined when the sources are not here (a production image). */
  sourceStamp(): string | undefined {
    if (!existsSync(this.sourceDir)) return undefined;
    const hash = createHash("sha256").update(`${BUILD_FORMAT}\0`);
    const inputs = [this.sourceDir, SHARED_CONFIG, ...(this.opts.inputs ?? []).map((p) => join(PROJECT_ROOT, p))];
    for (const file of inputs.flatMap(filesUnder)) hash.update(`${relative(PROJECT_ROOT, file)}\0`).update(readFileSync(file)).update("\0");
    for (const pkg of this.opts.packages) hash.update(`${pkg}@${packageVersion(pkg)}\0`);
    return hash.digest("hex").slice(0, 16);
  }

  private builtStamp(): string | undefined {
    try {
      return readFileSync(join(this.outDir, STAMP_FILE), "utf8").trim();
    } catch {
      return undefined;
    }
  }

  /** True when the bundle is there and, where the sources are too, built from them. */
  isCurrent(): boolean {
    if (!existsSync(join(this.outDir, "index.html"))) return false;
    const wanted = this.sourceStamp();
    return wanted === undefined || this.builtStamp() === wanted;
  }

  private viteBin(): string {
    try {
      return join(dirname(require.resolve("vite/package.json", { paths: [PROJECT_ROOT] })), "bin", "vite.js");
    } catch {
      throw new PageUnavailableError(`${this.opts.label} is not built and vite (a development dependency) is not installed: run \`npm run build:pages\` where it is, and ship dist/${this.opts.name}/`);
    }
  }

  /**
   * Builds into a scratch folder and swaps it in whole, so a server never hands out half a build.
   * Another process building at the same time is harmless: the last swap wins, both are the same.
   */
  async build(): Promise<{ ms: number }> {
    if (!existsSync(this.sourceDir)) throw new PageUnavailableError(`${this.opts.label} is not built and its sources (${this.opts.name}/) are not here`);
    const bin = this.viteBin();
    const started = Date.now();
    const scratch = `${this.outDir}.building-${process.pid}-${Date.now()}`;
    await mkdir(dirname(this.outDir), { recursive: true });
    try {
      await new Promise<void>((resolve, reject) => {
        execFile(
          process.execPath,
          [bin, "build", "--config", join(this.sourceDir, "vite.config.mts")],
          // A build takes 10–45 s; one stuck for minutes is ended, and the next request tries again.
          { cwd: PROJECT_ROOT, env: { ...process.env, PAGE_OUT_DIR: scratch, NODE_ENV: "production" }, maxBuffer: 16 * 1024 * 1024, timeout: 5 * 60_000 },
          (err, _stdout, stderr) => {
            if (!err) return resolve();
            // vite's output names files on this machine: it goes to the log, not to the client.
            console.error(`building ${this.opts.label} failed: ${stderr.trim().split("\n").slice(0, 30).join("\n") || err.message}`);
            reject(new PageUnavailableError(`building ${this.opts.label} failed; the server's log says why`));
          },
        );
      });
      await gzipAssets(scratch);
      const stamp = this.sourceStamp();
      if (stamp) await writeFile(join(scratch, STAMP_FILE), `${stamp}\n`);
      const old = `${this.outDir}.old-${process.pid}-${Date.now()}`;
      await rename(this.outDir, old).catch(() => {});
      await rename(scratch, this.outDir).catch((err: unknown) => {
        // Another process swapped its build in between: that one serves.
        if (!existsSync(join(this.outDir, "index.html"))) throw err;
      });
      await rm(old, { recursive: true, force: true });
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
    return { ms: Date.now() - started };
  }

  /** Builds the bundle once per process when it is missing or stale; later calls share the answer. */
  ensure(log: (line: string) => void = console.log): Promise<void> {
    this.ensuring ??= (async () => {
      if (this.isCurrent()) return;
      const stale = existsSync(join(this.outDir, "index.html"));
      log(`${stale ? `rebuilding ${this.opts.label}, older than its sources,` : `building ${this.opts.label}`} into dist/${this.opts.name}/ (once; up to half a minute)`);
      try {
        const { ms } = await this.build();
        log(`built ${this.opts.label} in ${(ms / 1000).toFixed(1)} s`);
      } catch (err) {
        // An older page is better than none (an image shipped with the sources but without vite).
        if (!stale || !(err instanceof PageUnavailableError)) throw err;
        console.error(`${err.message}; serving the older bundle`);
      }
    })().catch((err: unknown) => {
      this.ensuring = undefined; // the next request tries again
      throw err;
    });
    return this.ensuring;
  }
}
