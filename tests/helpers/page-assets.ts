import { readdirSync } from "node:fs";
import { expect } from "vitest";

/**
 * What a browser would load from a page and the files it references: the HTML's script, link, img
 * and inline style URLs; in JavaScript, static and dynamic imports, workers, `new URL(…,
 * import.meta.url)`, importScripts and vite's preload lists; in CSS, url() and @import. Strings
 * that are only text (licence comments, docs links, JSON-schema ids) are not references.
 */
export type AssetKind = "html" | "script" | "style" | "other";

export interface Reference {
  /** As written in the file. */
  spec: string;
  /** Resolved against the file's URL (or the bundle's base for vite's preload lists). */
  url: URL;
  kind: AssetKind;
  /** What made it a reference: "script src", "import()", "new Worker", "css url()", … */
  via: string;
}

const kindOf = (spec: string): AssetKind => (/\.m?js(\?|$)/.test(spec) ? "script" : /\.css(\?|$)/.test(spec) ? "style" : "other");

function collect(out: Reference[], spec: string, base: URL, via: string, kind: AssetKind = kindOf(spec)): void {
  if (spec.startsWith("data:") || spec.startsWith("blob:") || spec.startsWith("#")) return;
  out.push({ spec, url: new URL(spec, base), kind, via });
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, "i").exec(tag)?.[1];

export function htmlReferences(html: string, page: URL): Reference[] {
  const out: Reference[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, "src");
    if (src) collect(out, src, page, "script src", "script");
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const href = attr(tag, "href");
    const rel = (attr(tag, "rel") ?? "").toLowerCase();
    if (href) collect(out, href, page, `link rel=${rel}`, rel === "stylesheet" ? "style" : rel === "modulepreload" ? "script" : "other");
  }
  for (const [tag] of html.matchAll(/<(?:img|source|iframe|embed)\b[^>]*>/gi)) {
    const src = attr(tag, "src");
    if (src) collect(out, src, page, "img src");
  }
  for (const [, css] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) out.push(...cssReferences(css!, page));
  return out;
}

export function cssReferences(css: string, file: URL): Reference[] {
  const out: Reference[] = [];
  for (const m of css.matchAll(/url\(\s*(["']?)([^"')]+)\1\s*\)/gi)) collect(out, m[2]!.trim(), file, "css url()");
  for (const m of css.matchAll(/@import\s+(["'])([^"']+)\1/gi)) collect(out, m[2]!, file, "css @import", "style");
  return out;
}

/** A module specifier that is a URL or a path (a bare name would fail in the browser and is not loaded). */
const LOADABLE = /^(?:https?:\/\/|\/\/|\.{1,2}\/|\/)/;

export function scriptReferences(js: string, file: URL, base: URL): Reference[] {
  const out: Reference[] = [];
  const take = (spec: string, via: string, kind?: AssetKind) => {
    // In code, `from "./module"` can be a string inside an error message: a path without an
    // extension is not what a bundler emits, so only files with one are followed (URLs always are).
    if (!LOADABLE.test(spec)) return;
    if (!/^(?:https?:)?\/\//.test(spec) && !/\.[a-z0-9]+(\?|$)/i.test(spec)) return;
    collect(out, spec, file, via, kind);
  };
  for (const m of js.matchAll(/(?:\bfrom|\bimport)\s*["'`]([^"'`]+)["'`]/g)) take(m[1]!, "import", "script");
  for (const m of js.matchAll(/\bimport\s*\(\s*["'`]([^"'`]+)["'`]\s*\)/g)) take(m[1]!, "import()", "script");
  for (const m of js.matchAll(/\bnew\s+(?:Shared)?Worker\s*\(\s*["'`]([^"'`]+)["'`]/g)) take(m[1]!, "new Worker", "script");
  for (const m of js.matchAll(/\bnew\s+URL\s*\(\s*["'`]([^"'`]+)["'`]\s*,\s*import\.meta\.url/g)) take(m[1]!, "new URL(import.meta.url)");
  for (const m of js.matchAll(/\bimportScripts\s*\(\s*["'`]([^"'`]+)["'`]/g)) take(m[1]!, "importScripts", "script");
  // Vite's preload lists name chunks relative to the base: m.f||(m.f=["assets/x.js", …]).
  for (const m of js.matchAll(/["'](assets\/[\w.-]+\.(?:js|css))["']/g)) collect(out, m[1]!, base, "vite preload");
  return out;
}

export const CONTENT_TYPES: Record<AssetKind, RegExp> = {
  html: /^text\/html\b/,
  script: /^text\/javascript\b/,
  style: /^text\/css\b/,
  other: /^(?:font\/|image\/|application\/json\b)/,
};

export interface Walk {
  /** Every URL the page loads, with what referenced it. */
  loaded: Map<string, { ref: Reference; status: number; type: string }>;
  external: Reference[];
}

/** Fetches the page and, breadth first, everything it and its scripts and styles load, from the server alone. */
export async function walk(page: URL, base: URL): Promise<Walk> {
  const loaded: Walk["loaded"] = new Map();
  const external: Reference[] = [];
  const pageRes = await fetch(page, { redirect: "manual" });
  expect(pageRes.status).toBe(200);
  expect(pageRes.headers.get("content-type")).toMatch(CONTENT_TYPES.html);
  let queue = htmlReferences(await pageRes.text(), page);
  while (queue.length) {
    const next: Reference[] = [];
    for (const ref of queue) {
      if (ref.url.origin !== page.origin) {
        external.push(ref);
        continue;
      }
      const key = ref.url.pathname + ref.url.search;
      if (loaded.has(key)) continue;
      const res = await fetch(ref.url, { redirect: "manual" });
      const type = res.headers.get("content-type") ?? "";
      loaded.set(key, { ref, status: res.status, type });
      if (res.status !== 200) continue;
      if (/^text\/javascript\b/.test(type)) next.push(...scriptReferences(await res.text(), ref.url, base));
      else if (/^text\/css\b/.test(type)) next.push(...cssReferences(await res.text(), ref.url));
      else await res.arrayBuffer();
    }
    queue = next;
  }
  return { loaded, external };
}

/**
 * Walks a served page (`base` is its path with a trailing slash; `query` any choices in its URL) and
 * expects nothing from another origin, every file answered 200 with its type, and every file the
 * bundle wrote to `assetsDir` among those the page loads. Returns what it loaded.
 */
export async function expectServedAlone(origin: string, base: string, assetsDir: string, query = ""): Promise<Walk["loaded"]> {
  const { loaded, external } = await walk(new URL(`${base.replace(/\/$/, "")}${query}`, origin), new URL(base, origin));
  if (process.env.PAGE_WALK_LOG) for (const [path, l] of loaded) console.log(`${l.status} ${l.type.padEnd(32)} ${l.ref.via.padEnd(26)} ${path}`);
  expect(external.map((r) => `${r.via} ${r.spec}`)).toEqual([]);
  const failures = [...loaded].filter(([, l]) => l.status !== 200 || !CONTENT_TYPES[l.ref.kind].test(l.type)).map(([path, l]) => `${path} (${l.ref.via}): ${l.status} ${l.type}`);
  expect(failures).toEqual([]);
  // The walk missed nothing: every file vite wrote is one the page loads.
  const written = readdirSync(assetsDir).map((f) => `${base}assets/${f}`);
  expect(written.filter((p) => !loaded.has(p))).toEqual([]);
  return loaded;
}

/** Expects 404 (or 400) for files that are not in the bundle served under `base`, and nothing read from outside it. */
export async function expectNothingOutside(origin: string, base: string): Promise<void> {
  for (const path of [`${base}assets/nothing-here.js`, `${base}assets/..%2F..%2Fpackage.json`, `${base}assets/.build-stamp`, `${base}../package.json`]) {
    const res = await fetch(new URL(path, origin));
    const text = await res.text();
    expect([404, 400]).toContain(res.status);
    expect(text).not.toContain("gaoxin-budget-platform");
  }
}
