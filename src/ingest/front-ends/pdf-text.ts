/**
 * Text as a PDF's text layer gives it: fragments with positions, put back into words and lines.
 */

/** One run of text the PDF draws, in page space (points, y up). */
export interface Fragment {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  size: number;
  bold: boolean;
}

/**
 * CJK fonts share one glyph between an ideograph and the radical that looks like it, and the
 * text layer then names the radical: "⽀出" for 支出, "部⻔" for 部门. Kangxi radicals have a
 * compatibility form (NFKC); the supplement's simplified radicals need a table. Only those
 * blocks are touched, so full-width punctuation (（ ： ，) stays as printed.
 */
const SIMPLIFIED_RADICALS: Record<string, string> = {
  "\u2EA0": "民", "\u2EA9": "王", "\u2EAC": "示", "\u2EAE": "竹", "\u2EB6": "羊", "\u2EBC": "月", "\u2EBE": "艹",
  "\u2EC4": "西", "\u2EC5": "见", "\u2EC6": "角", "\u2EC8": "讠", "\u2EC9": "贝", "\u2ECB": "车", "\u2ECC": "辶",
  "\u2ECF": "阝", "\u2ED0": "钅", "\u2ED1": "長", "\u2ED3": "长", "\u2ED4": "门", "\u2ED6": "阝", "\u2ED8": "青",
  "\u2EDB": "风", "\u2EDC": "飞", "\u2EDD": "食", "\u2EE0": "饣", "\u2EE2": "马", "\u2EE3": "骨", "\u2EE4": "鬼",
  "\u2EE5": "鱼", "\u2EE6": "鸟", "\u2EE7": "卤", "\u2EE9": "黄", "\u2EEC": "齐", "\u2EEE": "齿", "\u2EF0": "龙", "\u2EF3": "龟",
};
/** Kangxi radicals whose compatibility form is the traditional character, where simplified text means the simplified one. */
const KANGXI_SIMPLIFIED: Record<string, string> = { "\u2F3E": "户", "\u2FC8": "黄" };

export function normalizeCjk(s: string): string {
  return s.replace(/[\u2E80-\u2EFF\u2F00-\u2FDF\uF900-\uFAFF]/g, (ch) => SIMPLIFIED_RADICALS[ch] ?? KANGXI_SIMPLIFIED[ch] ?? ch.normalize("NFKC"));
}

const ASCII_WORD = /[A-Za-z0-9.,%)）]$/;
const ASCII_START = /^[A-Za-z0-9(（]/;

/**
 * Fragments of one visual line, left to right, as text: a gap wider than a third of the font
 * size becomes a space; Chinese is joined without one.
 */
export function joinFragments(frags: Fragment[]): string {
  const sorted = [...frags].sort((a, b) => a.x - b.x);
  let out = "";
  let end = -Infinity;
  for (const f of sorted) {
    const gap = f.x - end;
    if (out && gap > f.size * 0.33 && (ASCII_WORD.test(out) || ASCII_START.test(f.text) || gap > f.size * 1.5)) out += " ";
    out += f.text;
    end = f.x + f.width;
  }
  return out.trim();
}

/** Text that wrapped onto several lines inside one cell, put back together. */
export function joinWrapped(parts: string[]): string {
  return parts.reduce((acc, p) => (acc && needsSpace(acc, p) ? `${acc} ${p}` : acc + p), "");
}

/**
 * A line break swallows the space a wrapped text had there: between words of Latin script, and
 * after an enumeration's "1." before the item's text.
 */
function needsSpace(before: string, after: string): boolean {
  return (ASCII_WORD.test(before) && /^[A-Za-z]/.test(after)) || (/(?:^|[^\d.])\d{1,2}\.$/.test(before) && /^[\u4e00-\u9fff]/.test(after));
}

/** Groups fragments into visual lines by baseline, top of the page first. */
export function visualLines(frags: Fragment[]): Fragment[][] {
  const sorted = [...frags].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; size: number; frags: Fragment[] }[] = [];
  for (const f of sorted) {
    const line = lines.find((l) => Math.abs(l.y - f.y) <= Math.max(l.size, f.size) * 0.4);
    if (line) line.frags.push(f);
    else lines.push({ y: f.y, size: f.size, frags: [f] });
  }
  return lines.sort((a, b) => b.y - a.y).map((l) => l.frags.sort((a, b) => a.x - b.x));
}
