import { type Layout, UnreadableFileError } from "../layout";

const HEADING = /^(#{1,6})\s*(.*)$/;

/**
 * A disclosure's text form (PDF turned into text): markdown headings, prose lines, and table
 * rows as tab-separated cells. Every line keeps its number.
 */
export function readTextLayout(fileName: string, text: string): Layout {
  if (text.includes("\u0000") || text.includes("\uFFFD")) throw new UnreadableFileError(fileName, "not UTF-8 text (binary or wrongly encoded bytes)");
  const lines = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").split("\n").map((t, i) => {
    const h = HEADING.exec(t);
    return { heading: h ? h[1]!.length : null, cells: h ? [h[2]!] : t.split("\t"), at: `${fileName}:${i + 1}` };
  });
  return { fileName, format: "TEXT", lines, lineNumbered: true };
}
