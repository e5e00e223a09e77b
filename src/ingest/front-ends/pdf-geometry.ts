/**
 * The ruling lines a PDF draws, and the table grids they make: rows and columns rebuilt from
 * where the rules are, not from where the text happens to fall.
 */
import type { Fragment } from "./pdf-text";

/** A PDF transformation matrix [a b c d e f]. */
export type Matrix = [number, number, number, number, number, number];

export interface Rule {
  vertical: boolean;
  /** x of a vertical rule, y of a horizontal one. */
  at: number;
  from: number;
  to: number;
}

export interface Grid {
  /** Column boundaries, left to right. */
  xs: number[];
  /** Row boundaries, top to bottom (page y decreasing). */
  ys: number[];
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const THIN = 2.5;
const TOUCH = 2;

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** The matrix that applies `b`, then `a` (PDF's `b × a`). Takes pdf.js's single-precision arrays too. */
export function compose(a: ArrayLike<number>, b: ArrayLike<number>): Matrix {
  return [
    a[0]! * b[0]! + a[2]! * b[1]!,
    a[1]! * b[0]! + a[3]! * b[1]!,
    a[0]! * b[2]! + a[2]! * b[3]!,
    a[1]! * b[2]! + a[3]! * b[3]!,
    a[0]! * b[4]! + a[2]! * b[5]! + a[4]!,
    a[1]! * b[4]! + a[3]! * b[5]! + a[5]!,
  ];
}

/** Points each path operator takes (pdf.js's path encoding: moveTo, lineTo, curveTo, quadraticCurveTo, closePath). */
const POINTS: Record<number, number> = { 0: 1, 1: 1, 2: 3, 3: 2, 4: 0 };

/** The operators extractRules reads; the PDF front end has pdf.js hand over only these (and the text's). */
export const RULE_OPERATORS = ["save", "restore", "transform", "constructPath", "beginAnnotation", "endAnnotation"] as const;

/**
 * Horizontal and vertical rules drawn on a page: thin filled rectangles and stroked segments,
 * in page space. Clipping paths and large filled shapes (cell shading) are not rules, and nor is
 * what annotations (comments, stamps) draw over the page: they are not its content.
 */
export function extractRules(fnArray: number[], argsArray: unknown[][], ops: Record<string, number>): Rule[] {
  const painting = new Set(["fill", "eoFill", "stroke", "closeStroke", "fillStroke", "eoFillStroke", "closeFillStroke", "closeEOFillStroke"].map((n) => ops[n]));
  const stroking = new Set(["stroke", "closeStroke", "fillStroke", "eoFillStroke", "closeFillStroke", "closeEOFillStroke"].map((n) => ops[n]));
  const rules: Rule[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  let inAnnotation = 0;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i];
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform) ctm = compose(ctm, args as unknown as Matrix);
    else if (fn === ops.beginAnnotation) inAnnotation++;
    else if (fn === ops.endAnnotation) inAnnotation = Math.max(0, inAnnotation - 1);
    else if (fn === ops.constructPath && inAnnotation === 0) {
      const [paint, paths] = args as [number, ArrayLike<number>[] | ArrayLike<number>];
      if (!painting.has(paint)) continue;
      const list = Array.isArray(paths) && typeof paths[0] !== "number" ? (paths as ArrayLike<number>[]) : [paths as ArrayLike<number>];
      // (pdf.js paints an empty path as [null].)
      for (const data of list) if (data) for (const box of subpathBoxes(data, ctm)) rules.push(...classify(box, stroking.has(paint)));
    }
  }
  return rules;
}

/** Each subpath's extent in page space: [left, right, bottom, top]. */
function subpathBoxes(data: ArrayLike<number>, ctm: Matrix): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  let box: [number, number, number, number] | null = null;
  for (let i = 0; i < data.length; ) {
    const op = data[i++]!;
    const n = POINTS[op];
    if (n === undefined) break;
    if (op === 0 && box) {
      out.push(box);
      box = null;
    }
    for (let k = 0; k < n; k++, i += 2) {
      const [x, y] = apply(ctm, data[i]!, data[i + 1]!);
      if (!box) box = [x, x, y, y];
      else {
        if (x < box[0]) box[0] = x;
        if (x > box[1]) box[1] = x;
        if (y < box[2]) box[2] = y;
        if (y > box[3]) box[3] = y;
      }
    }
  }
  if (box) out.push(box);
  return out;
}

function classify([x0, x1, y0, y1]: [number, number, number, number], stroked: boolean): Rule[] {
  const w = x1 - x0;
  const h = y1 - y0;
  if (w <= THIN && h > THIN * 2) return [{ vertical: true, at: (x0 + x1) / 2, from: y0, to: y1 }];
  if (h <= THIN && w > THIN * 2) return [{ vertical: false, at: (y0 + y1) / 2, from: x0, to: x1 }];
  if (stroked && w > THIN && h > THIN) {
    return [
      { vertical: false, at: y0, from: x0, to: x1 },
      { vertical: false, at: y1, from: x0, to: x1 },
      { vertical: true, at: x0, from: y0, to: y1 },
      { vertical: true, at: x1, from: y0, to: y1 },
    ];
  }
  return [];
}

function touches(a: Rule, b: Rule): boolean {
  if (a.vertical === b.vertical) return Math.abs(a.at - b.at) <= TOUCH && a.from <= b.to + TOUCH && b.from <= a.to + TOUCH;
  const [v, h] = a.vertical ? [a, b] : [b, a];
  return v.at >= h.from - TOUCH && v.at <= h.to + TOUCH && h.at >= v.from - TOUCH && h.at <= v.to + TOUCH;
}

/** Positions within `tolerance` of each other, as one (their mean), sorted. */
function cluster(values: number[], tolerance: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const v of sorted) {
    const last = groups.at(-1);
    if (last && v - last.at(-1)! <= tolerance) last.push(v);
    else groups.push([v]);
  }
  return groups.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

/**
 * Rules that touch one another form a grid; a grid needs at least two rows and two columns of rules.
 * Only pairs that can touch are compared: rules of one direction within TOUCH of each other's
 * line (sorted by it), and the horizontal rules whose line lies along a vertical one's length
 * (found by binary search). A page of tables draws hundreds of rules, one per cell side.
 */
export function buildGrids(rules: Rule[]): Grid[] {
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const join = (i: number, j: number) => {
    if (touches(rules[i]!, rules[j]!)) parent[find(i)] = find(j);
  };
  // (A rule with a coordinate that is not a number touches nothing, and would upset the order.)
  const byLine = (vertical: boolean) => rules.flatMap((r, i) => (r.vertical === vertical && !Number.isNaN(r.at + r.from + r.to) ? [i] : [])).sort((a, b) => rules[a]!.at - rules[b]!.at);
  const verticals = byLine(true);
  const horizontals = byLine(false);
  for (const line of [verticals, horizontals]) {
    for (let a = 0; a < line.length; a++) {
      for (let b = a + 1; b < line.length && rules[line[b]!]!.at - rules[line[a]!]!.at <= TOUCH; b++) join(line[a]!, line[b]!);
    }
  }
  for (const v of verticals) {
    const { from, to } = rules[v]!;
    let lo = 0;
    let hi = horizontals.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rules[horizontals[mid]!]!.at < from - TOUCH) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < horizontals.length && rules[horizontals[k]!]!.at <= to + TOUCH; k++) join(v, horizontals[k]!);
  }
  const groups = new Map<number, Rule[]>();
  rules.forEach((r, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(r);
    else groups.set(root, [r]);
  });
  const grids: Grid[] = [];
  for (const rs of groups.values()) {
    const xs = cluster(rs.filter((r) => r.vertical).map((r) => r.at), TOUCH);
    const ys = cluster(rs.filter((r) => !r.vertical).map((r) => r.at), TOUCH).reverse();
    if (xs.length < 2 || ys.length < 2) continue;
    grids.push({ xs, ys, top: ys[0]!, bottom: ys.at(-1)!, left: xs[0]!, right: xs.at(-1)! });
  }
  return grids.sort((a, b) => b.top - a.top);
}

/** Where a fragment sits: its visual middle (baseline plus about a third of its size). */
export function middleOf(f: Fragment): [number, number] {
  return [f.x + f.width / 2, f.y + f.size * 0.35];
}

export function inGrid(g: Grid, f: Fragment): boolean {
  const [x, y] = middleOf(f);
  return x >= g.left - 1 && x <= g.right + 1 && y <= g.top + 1 && y >= g.bottom - 1;
}

/** The (row, column) cell of a grid that holds a fragment. */
export function cellOf(g: Grid, f: Fragment): [number, number] {
  const [x, y] = middleOf(f);
  let row = g.ys.findIndex((top, i) => i + 1 < g.ys.length && y <= top + 1 && y >= g.ys[i + 1]! - 1);
  let col = g.xs.findIndex((left, i) => i + 1 < g.xs.length && x >= left - 1 && x <= g.xs[i + 1]! + 1);
  if (row < 0) row = y > g.top ? 0 : g.ys.length - 2;
  if (col < 0) col = x < g.left ? 0 : g.xs.length - 2;
  return [row, col];
}

/** Two grids with the same columns: one table running over a page break. */
export function sameColumns(a: Grid, b: Grid): boolean {
  return a.xs.length === b.xs.length && a.xs.every((x, i) => Math.abs(x - b.xs[i]!) <= 2);
}
