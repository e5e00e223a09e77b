import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type RunFont, type TextRun, textRuns, useNormalizer } from "../../src/ingest/front-ends/pdf-runs";
import { handmadePdf } from "../helpers/handmade-pdf";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let lib: PdfJs;

const ORIGINALS = join(__dirname, "..", "fixtures", "originals");
/** pdf.js's CMaps and standard fonts, as the reader gives them to it. */
const PDFJS_DATA = dirname(createRequire(__filename).resolve("pdfjs-dist/package.json"));
const PRINTED = readdirSync(ORIGINALS).filter((f) => f.endsWith(".pdf") && !f.startsWith("broken"));

/** A run as the layout reads it: text, start, width, size, font. */
interface Seen {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  font: string;
}

function seen(items: { str: string; transform: number[]; width: number; fontName: string }[]): Seen[] {
  return items.filter((i) => i.str.trim()).map((i) => ({ str: i.str, x: i.transform[4]!, y: i.transform[5]!, width: i.width, size: Math.hypot(i.transform[2]!, i.transform[3]!), font: i.fontName }));
}

/** Each page read both ways: runs from the operator list (null if refused) and pdf.js's text layer. */
async function bothWays(bytes: Buffer): Promise<{ runs: Seen[] | null; layer: Seen[] }[]> {
  const doc = await lib.getDocument({ data: new Uint8Array(bytes), verbosity: 0, disableFontFace: true, isEvalSupported: false, cMapUrl: `${PDFJS_DATA}/cmaps/`, cMapPacked: true, standardFontDataUrl: `${PDFJS_DATA}/standard_fonts/` }).promise;
  try {
    const pages = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const ops = await page.getOperatorList();
      const layer = await page.getTextContent();
      const runs: TextRun[] | null = textRuns(ops.fnArray, ops.argsArray, lib.OPS as unknown as Record<string, number>, (id) => page.commonObjs.get(id) as RunFont, page.view);
      pages.push({ runs: runs && seen(runs), layer: seen(layer.items as never) });
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** Equal to a hundredth of a point (the operator list carries matrices in single precision). */
function expectSame(runs: Seen[], layer: Seen[]): void {
  expect(runs.map((r) => r.str)).toEqual(layer.map((l) => l.str));
  runs.forEach((r, i) => {
    const l = layer[i]!;
    for (const k of ["x", "y", "width", "size"] as const) expect(Math.abs(r[k] - l[k]), `${r.str} ${k}: ${r[k]} against ${l[k]}`).toBeLessThan(0.01);
    expect(r.font).toBe(l.font);
  });
}

/** One line of each kind the text operators can make. */
const EXERCISE = [
  "BT /F1 12 Tf 72 740 Td (Hello World  two  spaces ) Tj ET",
  "BT /F1 12 Tf 72 720 Td [(Ker)20(ned)-120(small)-400(gap)-1500(cell two)] TJ ET",
  "BT /F1 12 Tf 14 TL 72 700 Td (line one) Tj T* (line two) Tj (next by quote) ' ET",
  "BT /F1 12 Tf 72 650 Td 2 Tc (char spaced) Tj 0 Tc 6 Tw ( word spaced here) Tj 0 Tw ET",
  "BT /F1 12 Tf 72 630 Td 150 Tz (wide text) Tj 100 Tz ( then narrow) Tj ET",
  "BT /F1 12 Tf 72 610 Td (base) Tj 4 Ts (raised) Tj 0 Ts (back) Tj ET",
  "q 2 0 0 2 0 0 cm BT /F1 6 Tf 36 295 Td (scaled by cm) Tj ET Q",
  "BT /F2 12 Tf 72 570 Td (Bold) Tj /F1 12 Tf (Regular) Tj /F1 9 Tf (small) Tj ET",
  "BT /F1 12 Tf 72 550 Td 3 -2 Td (moved twice) Tj 40 -1 TD (TD) Tj T* (after TD) Tj ET",
  "BT /F1 12 Tf 560 530 Td (runs off the page edge) Tj ET",
  "BT /F1 12 Tf 72 510 Td (forward) Tj -30 0 Td (back over) Tj ET",
  "BT /F1 12 Tf 72 490 Td 1 0 0 1 300 490 Tm (placed by Tm) Tj ET",
  "BT /F1 12 Tf 72 470 Td [(a)-2000(b)] TJ [-500(c)] TJ [-300 -300(d)] TJ ET",
  "BT /F1 12 Tf 72 450 Td 3 1 (double quote) \" 0 Tw 0 Tc ET",
  "BT /F1 12 Tf 72 430 Td (caf\\351 na\\357ve) Tj ET",
  "BT /F1 12 Tf 72 410 Td (tight) Tj 1.5 0 Td (er) Tj 5 0 Td (loose) Tj ET",
  "BT /F1 12 Tf 72 390 Td (one) Tj 0 -3 Td (step) Tj 0 -12 Td (down) Tj ET",
  "BT /F1 12 Tf 72 370 Td [(step)250(back)] TJ [(kern)100(back)] TJ ET",
  "BT /F1 12 Tf 72 350 Td 2 Tc [-500 (led by a number)] TJ 0 Tc ET",
  "BT /F1 12 Tf 72 330 Td 2 Tc [(x)-100 -100(y)] TJ 0 Tc ET",
  "BT /F1 12 Tf 72 310 Td -3.336 Tw (spaces closed up) Tj -2.736 Tw (spaces nearly closed) Tj 0 Tw ET",
  "BT /F1 12 Tf 72 290 Td (size) Tj /F1 10 Tf ( changes) Tj ET",
  "BT /F3 12 Tf 72 270 Td (zero\\200width) Tj ( acute\\201 e) Tj ET",
  "BT /F4 12 Tf 72 250 Td <4EBA529B8D446E90> Tj [<5C40> -3000 <4E00>] TJ ET",
].join("\n");


/** A small seeded generator, so a failing page can be made again from its number. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS = ["alpha", "beta", "g", "de lta", "  sp  ", "x", "1,234.5", "(paren)", "end."];

/** A page of twelve text objects, each a random run of the text operators with random operands. */
function randomPage(random: () => number): string {
  const pick = <T>(a: T[]): T => a[Math.floor(random() * a.length)]!;
  const num = (lo: number, hi: number) => +(lo + random() * (hi - lo)).toFixed(2);
  const str = () => `(${pick(WORDS).replace(/[()\\]/g, (c) => `\\${c}`)})`;
  const font = () => `/${pick(["F1", "F2", "F3"])} ${pick([8, 10, 12, 14])} Tf`;
  const operators = [
    () => `${num(-1, 3)} Tc`,
    () => `${num(-2, 6)} Tw`,
    () => `${pick([50, 80, 100, 130])} Tz`,
    () => `${num(-4, 4)} Ts`,
    () => `${num(-30, 60)} ${pick([0, 0, 0, -3, -14, 2])} Td`,
    () => `${num(10, 16)} TL T*`,
    font,
    () => `[${Array.from({ length: 1 + Math.floor(random() * 4) }, () => (random() < 0.5 ? str() : String(Math.round(num(-800, 2500))))).join(" ")}] TJ`,
    () => `${str()} '`,
    () => `${num(-2, 4)} ${num(-1, 2)} ${str()} "`,
    () => `${pick([1, 1.5, 0.8])} 0 0 ${pick([1, 1.5, 0.8])} ${num(20, 640)} ${num(-10, 800)} Tm`,
    () => `${str()} Tj`,
    () => `${str()} Tj`,
  ];
  return Array.from({ length: 12 }, () => {
    const ops = Array.from({ length: 6 }, () => pick(operators)());
    const text = `BT ${font()} ${num(20, 400)} ${num(40, 760)} Td ${ops.join(" ")} 0 Tc 0 Tw 100 Tz 0 Ts ET`;
    return random() < 0.2 ? `q ${pick([1, 0.5, 2])} 0 0 ${pick([1, 0.5, 2])} ${num(0, 50)} ${num(0, 50)} cm ${text} Q` : text;
  }).join("\n");
}

describe("text runs read from the operator list", () => {
  beforeAll(async () => {
    lib = await import("pdfjs-dist/legacy/build/pdf.mjs");
    useNormalizer(lib.normalizeUnicode);
  });

  it.each(PRINTED)("%s: every page gives the runs pdf.js's text layer gives", async (file) => {
    const pages = await bothWays(readFileSync(join(ORIGINALS, file)));
    expect(pages.length).toBeGreaterThan(0);
    for (const { runs, layer } of pages) {
      expect(runs).not.toBeNull();
      expectSame(runs!, layer);
    }
  });

  it("a page of every text operator gives the text layer's runs, spaces and splits included", async () => {
    const [page] = await bothWays(handmadePdf([EXERCISE]));
    expect(page!.runs).not.toBeNull();
    expectSame(page!.runs!, page!.layer);
    const texts = page!.runs!.map((r) => r.str);
    // The page does exercise what it is meant to: runs joined, spaces kept once, big gaps split.
    expect(texts).toContain("Hello World two spaces");
    expect(texts).toContain("cell two");
    expect(texts.some((t) => /^Kerned/.test(t))).toBe(true);
    expect(texts).toEqual(expect.arrayContaining(["人力资源局", "一", "café naïve", "wide text then narrow", "scaled by cm", "step", "backkernback"]));
    // Glyphs past the page's edge are dropped.
    expect(texts).toContain("runs off th");
    expect(texts.length).toBeGreaterThan(20);
  });

  it("random pages of text operators (seeded) give the text layer's runs", async () => {
    let runs = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const [page] = await bothWays(handmadePdf([randomPage(seeded(seed))]));
      expect(page!.runs, `page ${seed}`).not.toBeNull();
      expectSame(page!.runs!, page!.layer);
      runs += page!.runs!.length;
    }
    expect(runs).toBeGreaterThan(600);
  });

  it("hands back null for rotated text, form XObjects, a font set by a graphics state and right-to-left script, which only the text layer places", async () => {
    const pages = await bothWays(
      handmadePdf([
        "BT /F1 12 Tf 0 1 -1 0 300 300 Tm [(turned)-300(on)] TJ ET",
        "q 1 0 0 1 72 600 cm /Fm1 Do Q",
        "BT /GS1 gs 72 700 Td (font from a state) Tj ET",
        "BT /F3 12 Tf 72 700 Td (\\202\\202 alef) Tj ET",
      ]),
    );
    expect(pages.map((p) => p.runs)).toEqual([null, null, null, null]);
    expect(pages.map((p) => p.layer.map((l) => `${l.str} ${l.size}`).join("|"))).toEqual(["turned on 12", "inside a form 10", "font from a state 14", "אא alef 12"]);
  });
});
