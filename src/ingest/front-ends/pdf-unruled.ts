import type { LayoutLine } from "../layout";
import type { Grid } from "./pdf-geometry";
import { type Fragment, joinFragments } from "./pdf-text";

interface Placed {
  top: number;
  line: Omit<LayoutLine, "at">;
  grid?: { page: Grid; cells: string[] };
}

/** Lines outside any ruled grid: prose, headings, and (in time) tables without rules. */
export function textTables(lines: Fragment[][], pageWidth: number): Placed[] {
  return lines.map((l) => ({ top: Math.max(...l.map((f) => f.y + f.size)), line: { heading: null, cells: [joinFragments(l)], style: styleOfLine(l, pageWidth) } }));
}

function styleOfLine(frags: Fragment[], pageWidth: number): LayoutLine["style"] {
  const size = Math.max(...frags.map((f) => f.size));
  const bold = frags.every((f) => f.bold);
  const left = Math.min(...frags.map((f) => f.x));
  const right = Math.max(...frags.map((f) => f.x + f.width));
  const centered = Math.abs((left + right) / 2 - pageWidth / 2) < pageWidth * 0.06 && right - left < pageWidth * 0.8;
  return { size, bold, centered };
}
