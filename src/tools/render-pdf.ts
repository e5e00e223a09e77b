/**
 * Prints a disclosure as a PDF original, the way a department publishes one: the text form's
 * headings, prose and tables laid out as an HTML page and printed by headless Chromium (Debian's
 * `chromium` with `fonts-noto-cjk`). Only tooling: the committed PDF fixtures are made with it,
 * and nothing in the import path runs it.
 *
 *   npx tsx src/tools/render-pdf.ts in.txt out.pdf [--no-rules] [--no-repeat-header]
 *
 * --no-rules prints the budget tables without ruling lines (the performance tables keep theirs).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export interface PdfOptions {
  /**
   * Draw the tables' ruling lines (most published PDFs do). "financial" leaves them off the
   * budget tables, which then read by text position alone, and keeps them on the wide
   * performance tables, whose long texts must wrap.
   */
  rules?: boolean | "financial";
  /** Repeat a table's header rows at the top of each page it runs onto. */
  repeatHeader?: boolean;
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const AMOUNT = /^-?[\d,]+(\.\d+)?$/;

/** The text form as an HTML page: markdown headings, paragraphs, and tab-separated rows as tables. */
export function disclosureHtml(text: string, o: PdfOptions = {}): string {
  const rules = o.rules ?? true;
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const out: string[] = [];
  let table: string[][] = [];
  let title = "";
  const flush = () => {
    const ruled = rules === true || (rules === "financial" && /绩效/.test(title));
    if (table.length) out.push(tableHtml(table, o.repeatHeader ?? true, ruled));
    table = [];
  };
  for (const line of lines) {
    const h = /^(#{1,6})\s*(.*)$/.exec(line);
    if (h) {
      flush();
      title = h[2]!;
      const level = Math.min(h[1]!.length, 4);
      out.push(`<h${level}>${escape(h[2]!.replace(/\*\*/g, "").trim())}</h${level}>`);
    } else if (line.includes("\t")) {
      table.push(line.split("\t"));
    } else if (line.trim()) {
      flush();
      out.push(`<p>${escape(line.trim())}</p>`);
    } else if (table.length && lines[lines.indexOf(line) + 1]?.includes("\t") === false) {
      flush();
    }
  }
  flush();
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
@page { size: A4${rules === true ? "" : " landscape"}; margin: 18mm 14mm; }
body { font-family: "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif; font-size: 10.5pt; line-height: 1.5; }
h1 { font-size: 20pt; text-align: center; font-weight: bold; }
h2 { font-size: 15pt; font-weight: bold; text-align: center; margin-top: 1.2em; }
h3 { font-size: 13pt; font-weight: bold; }
h4 { font-size: 11.5pt; font-weight: bold; }
p { margin: 0.3em 0; text-indent: 2em; }
table { border-collapse: collapse; width: 100%; font-size: 8pt; line-height: 1.25; margin: 0.5em 0; table-layout: fixed; }
td, th { border: 0.6pt solid #000; padding: 2pt 3pt; vertical-align: middle; word-break: break-all; }
table.bare { table-layout: auto; width: auto; font-size: 7pt; }
table.bare td, table.bare th { border: none; padding: 1pt 7pt; vertical-align: top; white-space: nowrap; word-break: normal; }
th { font-weight: normal; text-align: center; }
td.n { text-align: right; white-space: nowrap; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
</style></head><body>
${out.join("\n")}
</body></html>`;
}

/**
 * Header rows (those before the first row with a figure) become the table's head, a title cell
 * spanning the blank cells after it, as printed tables merge them.
 */
function tableHtml(rows: string[][], repeatHeader: boolean, ruled: boolean): string {
  const width = Math.max(...rows.map((r) => r.length));
  const firstData = rows.findIndex((r) => r.some((c) => AMOUNT.test(c.trim()) && /\d/.test(c)));
  const head = firstData > 0 ? rows.slice(0, firstData) : [];
  const body = firstData > 0 ? rows.slice(firstData) : rows;
  const headHtml = head.map((r) => {
    const cells: string[] = [];
    for (let i = 0; i < width; ) {
      let span = 1;
      if ((r[i] ?? "").trim()) while (i + span < width && !(r[i + span] ?? "").trim()) span++;
      cells.push(`<th${span > 1 ? ` colspan="${span}"` : ""}>${escape((r[i] ?? "").trim())}</th>`);
      i += span;
    }
    return `<tr>${cells.join("")}</tr>`;
  });
  const bodyHtml = body.map((r) => `<tr>${Array.from({ length: width }, (_, i) => {
    const c = (r[i] ?? "").trim();
    return `<td${AMOUNT.test(c) && /[.,]/.test(c) ? ' class="n"' : ""}>${escape(c)}</td>`;
  }).join("")}</tr>`);
  const colgroup = ruled ? `<colgroup>${Array.from({ length: width }, () => `<col style="width:${(100 / width).toFixed(3)}%">`).join("")}</colgroup>` : "";
  const thead = head.length ? (repeatHeader ? `<thead>${headHtml.join("")}</thead>` : headHtml.join("")) : "";
  return `<table${ruled ? "" : ' class="bare"'}>${colgroup}${thead}<tbody>${bodyHtml.join("")}</tbody></table>`;
}

/** Prints HTML to PDF with headless Chromium; the flags keep it off the network. */
export function printPdf(html: string, out: string): void {
  const dir = mkdtempSync(join(tmpdir(), "render-pdf-"));
  try {
    const page = join(dir, "page.html");
    writeFileSync(page, html);
    execFileSync("chromium", [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", `--user-data-dir=${join(dir, "profile")}`, "--no-pdf-header-footer",
      `--print-to-pdf=${resolve(out)}`, `file://${page}`,
    ], { stdio: "ignore", timeout: 120_000 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const [input, output, ...flags] = process.argv.slice(2);
  if (!input || !output) {
    console.error("usage: npx tsx src/tools/render-pdf.ts in.txt out.pdf [--no-rules] [--no-repeat-header]");
    process.exit(2);
  }
  printPdf(disclosureHtml(readFileSync(input, "utf8"), { rules: flags.includes("--no-rules") ? "financial" : true, repeatHeader: !flags.includes("--no-repeat-header") }), output);
  console.log(`${input} → ${output}`);
}
