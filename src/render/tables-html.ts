/**
 * The standard tables of a disclosure as one printable HTML page: each table under its title,
 * with 部门名称 and 单位 above it, its header rows merged as the printed template merges them
 * (rowspan/colspan), amounts as the text form prints them (8,562.6), notes below. The page is
 * self-contained: its style is inline, it loads nothing and links nowhere, so it prints and
 * archives offline. Built from the text rendering, cell for cell, as the workbook is.
 */
import type { Bundle } from "../ingest/bundle/bundle.types";
import { TABLE_TITLES } from "../ingest/disclosure/table-families";
import { type RenderOptions, renderDisclosure } from "./disclosure-text";
import { HEADER_ROWS, headerMerges, textParts } from "./disclosure-xlsx";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const AMOUNT = /^-?[\d,]+(?:\.\d+)?$/;

const STYLE = `
@page { size: A4 landscape; margin: 14mm 12mm; }
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "WenQuanYi Zen Hei", serif; font-size: 10.5pt; color: #000; margin: 0 auto; max-width: 297mm; }
h1 { font-size: 18pt; text-align: center; margin: 0.6em 0 0.2em; }
p.lead { text-align: center; margin: 0 0 1.2em; }
section { margin: 0 0 2em; }
section + section { break-before: page; }
h2 { font-size: 14pt; text-align: center; margin: 0.8em 0 0.4em; }
p.meta { display: flex; justify-content: space-between; margin: 0.2em 0; font-size: 9.5pt; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; line-height: 1.3; }
th, td { border: 0.6pt solid #000; padding: 2pt 4pt; vertical-align: middle; }
th { font-weight: bold; text-align: center; background: #eef3fa; }
td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
p.note { font-size: 9pt; margin: 0.4em 0; }
@media print { th { background: none; } }
`;

/** The standard tables of `bundle` as a self-contained HTML page. */
export function renderTablesHtml(bundle: Bundle, options: RenderOptions = {}): string {
  const parts = textParts(renderDisclosure(bundle, options));
  const title = parts.front.find(([level]) => level === 1)?.[1] ?? `${bundle.year}年${bundle.department.shortName}`;
  const anchors = new Set<string>();
  const sections = parts.tables.map((t) => {
    // A finding's location names its table by the standard title (without the year the print
    // adds), so that is the anchor; a table printed twice is anchored at its first printing.
    const standard = t.kind ? TABLE_TITLES[t.kind] : t.title;
    const anchor = anchors.has(standard) ? "" : ` id="${escape(standard)}"`;
    anchors.add(standard);
    const width = Math.max(1, ...t.rows.map((r) => r.length));
    const headerRows = t.kind ? (HEADER_ROWS[t.kind] ?? 0) : 0;
    const header = t.rows.slice(0, headerRows);
    const spans = headerMerges(header, width);
    const covered = (r: number, c: number) => spans.some((s) => s.top <= r && r <= s.bottom && s.left <= c && c <= s.right && !(s.top === r && s.left === c));
    const head = header.map((row, r) => {
      const cells: string[] = [];
      for (let c = 0; c < width; c++) {
        if (covered(r, c)) continue;
        const span = spans.find((s) => s.top === r && s.left === c);
        const rowspan = span && span.bottom > span.top ? ` rowspan="${span.bottom - span.top + 1}"` : "";
        const colspan = span && span.right > span.left ? ` colspan="${span.right - span.left + 1}"` : "";
        cells.push(`<th${rowspan}${colspan}>${escape(row[c] ?? "")}</th>`);
      }
      return `<tr>${cells.join("")}</tr>`;
    });
    const body = t.rows.slice(headerRows).map((row) => {
      const cells = Array.from({ length: width }, (_, c) => {
        const text = row[c] ?? "";
        return `<td${AMOUNT.test(text) && /[.,]/.test(text) ? ' class="n"' : ""}>${escape(text)}</td>`;
      });
      return `<tr>${cells.join("")}</tr>`;
    });
    const department = t.meta.find((m) => /名称/.test(m)) ?? "";
    const unit = t.meta.find((m) => /单位[:：]/.test(m) && !/名称/.test(m)) ?? "";
    return [
      `<section${anchor}>`,
      `<h2>${escape(t.title)}</h2>`,
      `<p class="meta"><span>${escape(department)}</span><span>${escape(unit)}</span></p>`,
      `<table>${head.length ? `<thead>${head.join("")}</thead>` : ""}<tbody>${body.join("")}</tbody></table>`,
      ...t.notes.map((n) => `<p class="note">${escape(n)}</p>`),
      "</section>",
    ].join("\n");
  });
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escape(title)} 公开表</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escape(title)}</h1>
<p class="lead">${escape(bundle.department.name)} · 公开表 ${parts.tables.length} 张</p>
${sections.join("\n")}
</body>
</html>
`;
}
