/**
 * Lines outside any ruled grid: prose (a paragraph's wrapped lines joined back into one line),
 * headings, and tables printed without rules, whose columns come from where the text stands.
 */
import type { LayoutLine } from "../layout";
import { type Fragment, joinFragments, joinWrapped } from "./pdf-text";

export interface PlacedLine {
  top: number;
  line: Omit<LayoutLine, "at">;
  /** A row of a table without rules: its region on the page and the region's column edges. */
  region?: { id: number; columns: number[] };
}

interface Visual {
  frags: Fragment[];
  left: number;
  right: number;
  top: number;
  size: number;
  bold: boolean;
  segments: Fragment[][];
}

const NUMBER = /^[-+]?[\d,，.．]+%?$/;

/** Splits a line where the gap between fragments is wider than a column gutter. */
function segmentsOf(frags: Fragment[]): Fragment[][] {
  const out: Fragment[][] = [];
  let end = -Infinity;
  for (const f of frags) {
    if (!out.length || f.x - end > f.size * 0.8) out.push([f]);
    else out.at(-1)!.push(f);
    end = Math.max(end, f.x + f.width);
  }
  return out;
}

function visual(frags: Fragment[]): Visual {
  const size = Math.max(...frags.map((f) => f.size));
  return {
    frags,
    left: Math.min(...frags.map((f) => f.x)),
    right: Math.max(...frags.map((f) => f.x + f.width)),
    top: Math.max(...frags.map((f) => f.y + f.size)),
    size,
    bold: frags.every((f) => f.bold),
    segments: segmentsOf(frags),
  };
}

/** A row of a table set without rules: several columns apart, figures among them or three columns or more. */
function tabular(v: Visual): boolean {
  if (v.segments.length >= 3) return true;
  return v.segments.length === 2 && v.segments.some((s) => NUMBER.test(joinFragments(s)));
}

export function textLines(lines: Fragment[][], pageWidth: number, contentRight: number): PlacedLine[] {
  const visuals = lines.map(visual);
  const out: PlacedLine[] = [];
  let region = -1;
  let i = 0;
  while (i < visuals.length) {
    if (tabular(visuals[i]!) && visuals.slice(i + 1, i + 3).some(tabular)) {
      const end = regionEnd(visuals, i);
      out.push(...unruledTable(visuals.slice(i, end), ++region));
      i = end;
      continue;
    }
    const n = joinedCount(visuals, i, contentRight);
    out.push(paragraph(visuals.slice(i, i + n), pageWidth));
    i += n;
  }
  return out;
}

/**
 * The lines a rule-less table runs over: its tabular lines, and lines of fewer cells inside its
 * width (a row with one label, a cell's wrapped text) as long as another tabular line follows.
 */
function regionEnd(visuals: Visual[], start: number): number {
  const head = visuals.slice(start, start + 3);
  const left = Math.min(...head.map((v) => v.left)) - head[0]!.size;
  const right = Math.max(...head.map((v) => v.right)) + head[0]!.size;
  const inside = (v: Visual) => v.left >= left && v.right <= right && !v.bold && v.size <= head[0]!.size + 0.5;
  let end = start + 1;
  while (end < visuals.length) {
    if (tabular(visuals[end]!)) {
      end++;
      continue;
    }
    let k = end;
    while (k < visuals.length && !tabular(visuals[k]!) && inside(visuals[k]!)) k++;
    if (k === end || k >= visuals.length || !tabular(visuals[k]!)) break;
    end = k;
  }
  return end;
}

/**
 * Columns from the rows that carry figures: segments that overlap across rows are one column.
 * Every row's segments go to the column they overlap most; a single-segment line inside the
 * table is text wrapped in a cell of the row above.
 */
function unruledTable(rows: Visual[], region: number): PlacedLine[] {
  const data = rows.filter((r) => r.segments.some((s) => NUMBER.test(joinFragments(s))));
  const bands = mergeSpans((data.length ? data : rows).flatMap((r) => r.segments.map((s) => span(s))));
  // A column blank in every row of figures still prints its header, in the header's last row
  // (the one over single columns): that text is where the column is.
  const firstData = data.length ? rows.indexOf(data[0]!) : 0;
  const others = firstData > 0 ? rows[firstData - 1]!.segments.map((s) => span(s)) : [];
  bands.push(...mergeSpans(others.filter(([a, b]) => bands.every(([x, y]) => Math.min(b, y) - Math.max(a, x) <= 0))));
  bands.sort((x, y) => x[0] - y[0]);
  const out: PlacedLine[] = [];
  for (const r of rows) {
    const cells = bands.map(() => [] as string[]);
    for (const s of r.segments) cells[bestBand(bands, span(s))]!.push(joinFragments(s));
    out.push({ top: r.top, region: { id: region, columns: bands.map((b) => b[0]) }, line: { heading: null, cells: cells.map((c) => c.join("")), style: { size: r.size, bold: r.bold, centered: false } } });
  }
  return out;
}

/** Spans that overlap, as one. */
function mergeSpans(spans: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, b] of [...spans].sort((x, y) => x[0] - y[0])) {
    const last = out.at(-1);
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function span(s: Fragment[]): [number, number] {
  return [Math.min(...s.map((f) => f.x)), Math.max(...s.map((f) => f.x + f.width))];
}

function bestBand(bands: [number, number][], [a, b]: [number, number]): number {
  let best = 0;
  let overlap = -Infinity;
  bands.forEach(([x, y], k) => {
    const o = Math.min(b, y) - Math.max(a, x);
    if (o > overlap) (overlap = o), (best = k);
  });
  return best;
}

/** How many visual lines from `i` make one paragraph; `margin` is where the page's text column ends. */
function joinedCount(visuals: Visual[], i: number, margin: number): number {
  let n = 1;
  while (i + n < visuals.length && continues(visuals[i + n - 1]!, visuals[i + n]!, margin)) n++;
  return n;
}

/**
 * A prose line that reached the right margin continues on the next line when that line has the
 * same type and is not indented further: the paragraph is one line again, as in the text form.
 */
function continues(prev: Visual, next: Visual, margin: number): boolean {
  return (
    prev.right >= margin - prev.size * 1.5 &&
    Math.abs(prev.size - next.size) < 0.5 &&
    prev.bold === next.bold &&
    next.left <= prev.left + next.size * 0.5 &&
    prev.top - next.top <= next.size * 2.2 &&
    !tabular(prev) &&
    !tabular(next)
  );
}

function paragraph(parts: Visual[], pageWidth: number): PlacedLine {
  const n = parts.length;
  const first = parts[0]!;
  const left = Math.min(...parts.map((p) => p.left));
  const right = Math.max(...parts.map((p) => p.right));
  const centered = n === 1 && Math.abs((left + right) / 2 - pageWidth / 2) < pageWidth * 0.05 && right - left < pageWidth * 0.6;
  return { top: first.top, line: { heading: null, cells: [joinWrapped(parts.map((p) => joinFragments(p.frags)))], style: { size: first.size, bold: first.bold, centered } } };
}
