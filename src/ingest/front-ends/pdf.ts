/**
 * The PDF front end: a published disclosure's text (pdf.js, pure JavaScript) laid out as lines of
 * cells. Each page is parsed once, into pdf.js's operator list: the text runs come from it
 * (pdf-runs.ts) as they would from pdf.js's text layer, which is read only for a page that needs
 * what the runs do not redo. Tables are rebuilt from the ruling lines the PDF draws, and where it
 * draws none, from the positions of the text; a table that runs over a page break stays one
 * table, its repeated header dropped; text that wraps inside a cell is joined again.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Layout, LayoutLine } from "../layout";
import { UnreadableFileError } from "../layout";
import { type Grid, RULE_OPERATORS, buildGrids, cellOf, extractRules, inGrid, sameColumns } from "./pdf-geometry";
import { type Fragment, joinFragments, joinWrapped, normalizeCjk, visualLines } from "./pdf-text";
import { SameThreadPort } from "./pdf-port";
import { type RunFont, TEXT_OPERATORS, type TextRun, textRuns, useNormalizer } from "./pdf-runs";
import { textLines } from "./pdf-unruled";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjs: PdfJs | undefined;
/**
 * pdf.js's data files, shipped in its package and read from disk as a document needs them: the
 * predefined CMaps (a CJK font not embedded — 宋体 as STSong-Light, SimSun — is encoded through
 * one: UniGB-UCS2-H, GBK-EUC-H…; without them its text cannot be read), the standard fonts'
 * metrics, and the image decoders.
 */
let dataFiles: { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string } | undefined;
/** The worker every document is read through, on the channel of pdf-port.ts. */
let pdfWorker: InstanceType<PdfJs["PDFWorker"]> | undefined;

/**
 * pdf.js and its worker (which runs in this thread: Node has no pdf.js worker), loaded once.
 *
 * - Loaded with require() (ES modules load so since Node 20.19), with source maps off while they
 *   load. An import() under tsx (as the CLI and the server run) passes the two bundles (3.3 MB
 *   of JavaScript, 8 MB of source maps) through tsx's loader thread and has their maps parsed:
 *   the process stayed some 250 MB larger for good (460 MB after one document, against 200).
 *   Stack traces inside pdf.js name pdf.mjs's own lines, which are readable.
 * - The worker is loaded up front and set up once on a channel of our own (pdf-port.ts), which
 *   copies only what the reader uses; every document is read through it.
 * - The built-ins its polyfills replace are put back (see BUILT_INS): among them
 *   Array.prototype.push, 2–3 times slower replaced, which pdf.js's parser calls for every byte
 *   of a name or string it reads (a quarter of a PDF's reading time).
 */
function loadPdfJs(): PdfJs {
  if (pdfjs) return pdfjs;
  const sourceMaps = process.sourceMapsEnabled;
  process.setSourceMapsEnabled(false);
  try {
    const load = createRequire(__filename);
    const lib = load("pdfjs-dist/legacy/build/pdf.mjs") as PdfJs;
    const root = dirname(load.resolve("pdfjs-dist/package.json"));
    dataFiles = { cMapUrl: `${join(root, "cmaps")}/`, standardFontDataUrl: `${join(root, "standard_fonts")}/`, wasmUrl: `${join(root, "wasm")}/` };
    const { WorkerMessageHandler } = load("pdfjs-dist/legacy/build/pdf.worker.mjs") as { WorkerMessageHandler: { initializeFromPort(port: unknown): void } };
    const port = new SameThreadPort(new Set([...RULE_OPERATORS, ...TEXT_OPERATORS].map((name) => lib.OPS[name])));
    WorkerMessageHandler.initializeFromPort(port);
    // Quiet: pdf.js would print its warnings ("Warning: …") on stdout, into the CLI's --json output.
    pdfWorker = new lib.PDFWorker({ port: port as never, verbosity: lib.VerbosityLevel.ERRORS });
    useNormalizer(lib.normalizeUnicode);
    pdfjs = lib;
  } finally {
    process.setSourceMapsEnabled(sourceMaps);
    restoreBuiltIns();
  }
  return pdfjs;
}

/**
 * A document for pdf.js to install fonts into that installs nothing. Without a document pdf.js
 * must be told `disableFontFace`, and then turns every glyph the text uses into a drawing path
 * in the worker and sends each one over, paths only a canvas renderer needs: a tenth of the
 * reading time of a CJK disclosure, and 50 MB held until the document is destroyed. Given this
 * one, it hands each font over as a @font-face rule, taken and dropped. Text positions and
 * widths come from the fonts' metrics either way.
 */
const NO_FONTS_DOCUMENT = {
  createElement: () => ({ sheet: { cssRules: [], insertRule: () => 0 }, remove: () => {} }),
  documentElement: { getElementsByTagName: () => [{ append: () => {} }] },
};

/**
 * Spares pdf.js writing those @font-face rules at all: each is the whole font program in base64
 * (11 ms a document for the fixtures' two CJK fonts, and the garbage of it), made for a renderer
 * this reader does not have. pdf.js keeps the step in its document's font loader
 * (`_transport.fontLoader.bind`, not public API); where that is not found, as after an upgrade
 * that moves it, the rules go to the stand-in above as before.
 */
function skipFontFaces(doc: object): void {
  const loader = (doc as { _transport?: { fontLoader?: { bind?: unknown } } })._transport?.fontLoader;
  if (loader && typeof loader.bind === "function") loader.bind = async () => {};
}

/**
 * pdf.js's legacy build (the one that runs on Node 20) carries core-js polyfills, and its main
 * module and its worker, when they load, replace built-ins Node already has — JSON.parse and
 * JSON.stringify (for proposals nothing here uses), Array.prototype.push — with JavaScript
 * versions many times slower: after one PDF, a 67 MB JSON.stringify took a minute instead of a
 * tenth of a second, and every response of the server was serialised by the slow one. The
 * built-ins as they were before pdf.js are kept here and put back after it loads; what it only
 * adds (Promise.withResolvers, Uint8Array's base64, iterator helpers) stays, as it needs that.
 */
const BUILT_INS: object[] = [
  globalThis, JSON, Math, Reflect, Object, Function.prototype, Array, Array.prototype, String, String.prototype, RegExp, RegExp.prototype,
  Number, Number.prototype, Promise, Promise.prototype, Map, Map.prototype, Set, Set.prototype, WeakMap.prototype, WeakSet.prototype, Symbol,
  Object.getPrototypeOf(Uint8Array), Object.getPrototypeOf(Uint8Array.prototype), Uint8Array, Uint8Array.prototype, ArrayBuffer, ArrayBuffer.prototype,
  DataView.prototype, Error, Date, Date.prototype,
];
const nativeProperties = BUILT_INS.flatMap((owner) =>
  Reflect.ownKeys(owner).flatMap((key) => {
    const d = Object.getOwnPropertyDescriptor(owner, key);
    return d && (typeof d.value === "function" || d.get || d.set) ? [{ owner, key, d }] : [];
  }),
);

function restoreBuiltIns(): void {
  for (const { owner, key, d } of nativeProperties) {
    const now = Object.getOwnPropertyDescriptor(owner, key);
    if (now && (now.value !== d.value || now.get !== d.get || now.set !== d.set)) Object.defineProperty(owner, key, d);
  }
}

/** A page number printed in the margin: "- 3 -", "第 3 页", "3". */
const PAGE_NUMBER = /^[-—–\s]*(?:第\s*)?\d{1,4}\s*(?:页|\/\s*\d+)?[-—–\s]*$/;

interface Placed {
  top: number;
  line: Omit<LayoutLine, "at">;
  /** For a table row: the grid it belongs to on this page, and its row. */
  grid?: { page: Grid; cells: string[] };
}

export async function readPdfLayout(fileName: string, bytes: Buffer): Promise<Layout> {
  const lib = loadPdfJs();
  const worker = pdfWorker!;
  let doc: Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>;
  try {
    // (The stand-in is typed as the DOM's document, which this project's types do not include.)
    doc = await lib.getDocument({ data: new Uint8Array(bytes), worker, ...dataFiles, cMapPacked: true, disableFontFace: false, ownerDocument: NO_FONTS_DOCUMENT as never, isEvalSupported: false, verbosity: 0, stopAtErrors: true }).promise;
  } catch (e) {
    throw refusal(fileName, e);
  }
  skipFontFaces(doc);
  try {
    const pages: Placed[][] = [];
    let textChars = 0;
    /** Text-showing operations met, read or not: text with no characters is not a scan. */
    let textShown = 0;
    const open = doc;
    const fetchPage = (p: number) => {
      const fetched = open.getPage(p).then(async (page) => {
        const ops = await page.getOperatorList();
        const runs = textRuns(ops.fnArray, ops.argsArray, lib.OPS as unknown as Record<string, number>, await loadedFonts(page, ops, lib.OPS.setFont), page.view);
        return { page, ops, runs: runs ?? ((await page.getTextContent()).items as TextRun[]) };
      });
      fetched.catch(() => {}); // awaited below; a page whose turn never comes must not fail the process
      return fetched;
    };
    // The next page is read while this one is placed: one page ahead, so memory stays one page deep.
    let next = fetchPage(1);
    for (let p = 1; p <= doc.numPages; p++) {
      const { page, ops, runs } = await next;
      if (p < doc.numPages) next = fetchPage(p + 1);
      const { width } = page.getViewport({ scale: 1 });
      const bold = new Map<string, boolean>();
      const frags = runs.flatMap((it) => {
        if (typeof it.str !== "string" || !it.str.trim()) return [];
        const size = Math.hypot(it.transform[2], it.transform[3]) || (it.height ?? 0);
        if (!bold.has(it.fontName)) bold.set(it.fontName, /bold|black|heavy|semibold|demi/i.test(safeFontName(page, it.fontName)));
        return [{ text: normalizeCjk(it.str), x: it.transform[4], y: it.transform[5], width: it.width, size, bold: bold.get(it.fontName)! }];
      });
      textChars += frags.reduce((n, f) => n + f.text.length, 0);
      // Only wanted when no page gives any text: counted on pages that gave none.
      if (frags.length === 0) textShown += textOperations(ops.fnArray, lib.OPS);
      const grids = buildGrids(extractRules(ops.fnArray, ops.argsArray as unknown[][], lib.OPS as unknown as Record<string, number>));
      pages.push(placeOnPage(frags, grids, width));
      page.cleanup();
    }
    if (textChars === 0 && textShown > 0) {
      throw new UnreadableFileError(fileName, `the PDF draws text (${textShown} text runs on ${doc.numPages} page(s)) but none of it reads as characters: its fonts map no glyph to Unicode (a font neither embedded nor in a known encoding, or one without a ToUnicode table); export the PDF again with its fonts embedded, or import the department's XLSX or the text form`);
    }
    if (textChars === 0) {
      throw new UnreadableFileError(fileName, `the PDF has ${doc.numPages} page(s) but no text layer (a scanned image?): the importer reads text, not pictures, and does no OCR; import the department's text PDF, its XLSX, or the text form`);
    }
    return { fileName, format: "PDF", lines: joinPages(fileName, pages), lineNumbered: false };
  } finally {
    await doc.destroy();
  }
}

/**
 * The page's fonts, once the API side has them (pdf.js hands each one over before the operator
 * list that uses it, and settles it a moment later).
 */
async function loadedFonts(page: { commonObjs: { get(id: string, done?: (data: unknown) => void): unknown } }, ops: { fnArray: number[]; argsArray: unknown[] }, setFont: number): Promise<(id: string) => RunFont | null> {
  const ids = new Set<string>();
  ops.fnArray.forEach((fn, i) => fn === setFont && ids.add(String((ops.argsArray[i] as unknown[])[0])));
  const fonts = new Map<string, RunFont | null>();
  await Promise.all(
    [...ids].map((id) => new Promise<void>((settled) => page.commonObjs.get(id, (data) => {
      fonts.set(id, data && typeof data === "object" && typeof (data as RunFont).name === "string" ? (data as RunFont) : null);
      settled();
    }))),
  );
  return (id) => fonts.get(id) ?? null;
}

/** The page's own text-showing operations (an annotation's drawn over it are not the page's). */
function textOperations(fnArray: number[], ops: PdfJs["OPS"]): number {
  let n = 0;
  let inAnnotation = 0;
  for (const fn of fnArray) {
    if (fn === ops.beginAnnotation) inAnnotation++;
    else if (fn === ops.endAnnotation) inAnnotation = Math.max(0, inAnnotation - 1);
    else if (fn === ops.showText && inAnnotation === 0) n++;
  }
  return n;
}

function safeFontName(page: { commonObjs: { get(id: string): unknown } }, id: string): string {
  try {
    return String((page.commonObjs.get(id) as { name?: string } | undefined)?.name ?? "");
  } catch {
    return "";
  }
}

function refusal(fileName: string, e: unknown): UnreadableFileError {
  const name = (e as { name?: string }).name ?? "";
  if (name === "PasswordException") return new UnreadableFileError(fileName, "the PDF is password-protected (encrypted): the importer cannot read it; ask for the unprotected file");
  return new UnreadableFileError(fileName, `not a readable PDF (${(e as Error).message ?? name}): the file is damaged or cut short`);
}

/** One page: grid rows from the rules, rule-less tables from text positions, and the other lines. */
function placeOnPage(frags: Fragment[], grids: Grid[], pageWidth: number): Placed[] {
  const placed: Placed[] = [];
  const loose: Fragment[] = [];
  const byGrid = new Map<Grid, Fragment[]>();
  for (const f of frags) {
    const g = grids.find((x) => inGrid(x, f));
    if (!g) loose.push(f);
    else if (byGrid.has(g)) byGrid.get(g)!.push(f);
    else byGrid.set(g, [f]);
  }
  for (const [g, fs] of byGrid) placed.push(...gridRows(g, fs));
  const lines = visualLines(loose).filter((l) => !PAGE_NUMBER.test(joinFragments(l)));
  const regions = new Map<number, Grid>();
  const contentRight = Math.max(...frags.map((f) => f.x + f.width), ...grids.map((g) => g.right));
  for (const t of textLines(lines, pageWidth, contentRight)) {
    if (!t.region) {
      placed.push({ top: t.top, line: t.line });
      continue;
    }
    // A table without rules stands in for a grid whose columns start where its text columns do.
    let g = regions.get(t.region.id);
    if (!g) regions.set(t.region.id, (g = { xs: t.region.columns, ys: [], top: t.top, bottom: t.top, left: t.region.columns[0]!, right: t.region.columns.at(-1)! }));
    placed.push({ top: t.top, line: t.line, grid: { page: g, cells: t.line.cells } });
  }
  return placed.sort((a, b) => b.top - a.top);
}

/** A grid's rows, each cell's text joined from the fragments (and wrapped lines) inside it. */
function gridRows(g: Grid, frags: Fragment[]): Placed[] {
  const cells = new Map<string, Fragment[]>();
  const rows = new Map<number, Fragment[]>();
  for (const f of frags) {
    const [r, c] = cellOf(g, f);
    const key = `${r}:${c}`;
    if (cells.has(key)) cells.get(key)!.push(f);
    else cells.set(key, [f]);
    if (rows.has(r)) rows.get(r)!.push(f);
    else rows.set(r, [f]);
  }
  const out: Placed[] = [];
  for (let r = 0; r + 1 < g.ys.length; r++) {
    const row = Array.from({ length: g.xs.length - 1 }, (_, c) => {
      const fs = cells.get(`${r}:${c}`);
      return fs ? joinWrapped(visualLines(fs).map(joinFragments)) : "";
    });
    if (row.every((c) => c === "")) continue;
    out.push({ top: g.ys[r]!, line: { heading: null, cells: row, style: styleOf(rows.get(r)!) }, grid: { page: g, cells: row } });
  }
  return out;
}

/** A table row's type: the largest size in it, and bold when all of it is. */
function styleOf(frags: Fragment[]): LayoutLine["style"] {
  return { size: Math.max(...frags.map((f) => f.size)), bold: frags.every((f) => f.bold), centered: false };
}

/**
 * All pages in order, each line placed by page and line. A grid at the top of a page with the
 * columns of the grid that ended the page before continues that table: same grid number, and the
 * rows it repeats from the table's start (its header) are dropped.
 */
function joinPages(fileName: string, pages: Placed[][]): LayoutLine[] {
  const lines: LayoutLine[] = [];
  let nextGrid = 0;
  /** The table the previous page ended with, if it ended with one. */
  let open: { grid: Grid; id: number; rows: string[][] } | null = null;
  for (const [p, placed] of pages.entries()) {
    let lineNo = 0;
    let table = null as { grid: Grid; id: number; rows: string[][]; repeated: number | null } | null;
    for (const [i, item] of placed.entries()) {
      if (item.grid) {
        if (table?.grid !== item.grid.page) {
          const continues = i === 0 && open !== null && sameColumns(open.grid, item.grid.page);
          table = continues ? { grid: item.grid.page, id: open!.id, rows: open!.rows, repeated: 0 } : { grid: item.grid.page, id: nextGrid++, rows: [], repeated: null };
        }
        if (table.repeated !== null && sameRow(item.grid.cells, table.rows[table.repeated])) {
          table.repeated++;
          continue;
        }
        table.repeated = null;
        table.rows.push(item.grid.cells);
      } else {
        table = null;
      }
      lineNo++;
      lines.push({ ...item.line, ...(table ? { grid: table.id } : {}), at: `${fileName} page ${p + 1} line ${lineNo}` });
    }
    open = table ? { grid: table.grid, id: table.id, rows: table.rows } : null;
  }
  return lines;
}

function sameRow(a: string[], b: string[] | undefined): boolean {
  return !!b && a.length === b.length && a.every((c, i) => c === b[i]);
}
