import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { detectFormat } from "../../src/ingest/front-ends/detect";
import { type Rule, buildGrids } from "../../src/ingest/front-ends/pdf-geometry";
import { joinWrapped, normalizeCjk } from "../../src/ingest/front-ends/pdf-text";
import { readTextLayout } from "../../src/ingest/front-ends/text";
import { UnreadableFileError } from "../../src/ingest/layout";

/** A ZIP of stored (uncompressed) entries, as Office files are containers of. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += 30 + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const ole2 = (stream: string) => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512), Buffer.from(stream, "utf16le")]);

describe("format detection, from the bytes and never the name", () => {
  it.each([
    ["a.json", Buffer.from("%PDF-1.7\n..."), "PDF"],
    ["a.pdf", Buffer.from('\uFEFF  {"format": "budget-bundle/1"}'), "BUNDLE"],
    ["a.txt", zip({ "xl/workbook.xml": "<workbook/>", "[Content_Types].xml": "<Types/>" }), "XLSX"],
    ["a.xlsx", Buffer.from("# 2023 年人力资源局部门预算公开\n"), "TEXT"],
  ])("reads %s by what it holds", (name, bytes, format) => {
    expect(detectFormat(name, bytes)).toBe(format);
  });

  it.each([
    ["report.xlsx", zip({ "word/document.xml": "<w:document/>" }), /this is a Word document \(\.docx\).*save it as PDF .* or XLSX/],
    ["budget.pdf", ole2("Workbook"), /this is an old Excel workbook \(\.xls\)/],
    ["budget.txt", ole2("WordDocument"), /this is a Word document \(\.doc\)/],
    ["scan.pdf", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), /this is a PNG image \(a scanned page has no text to read; the importer does no OCR\)/],
    ["photo.pdf", Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), /this is a JPEG image/],
    ["all.zip", zip({ "a.txt": "x" }), /this is a ZIP archive/],
    ["slides.pdf", zip({ "ppt/presentation.xml": "<p/>" }), /this is a PowerPoint presentation \(\.pptx\)/],
    ["empty.pdf", Buffer.alloc(0), /the file is empty/],
  ])("refuses %s by name, saying what to do instead", (name, bytes, message) => {
    expect(() => detectFormat(name, bytes)).toThrow(UnreadableFileError);
    expect(() => detectFormat(name, bytes)).toThrow(message);
    expect(() => detectFormat(name, bytes)).toThrow(new RegExp(`^${name.replace(".", "\\.")}: `));
  });

  it("refuses a ZIP cut short, before any reader sees it", () => {
    const whole = zip({ "xl/workbook.xml": "<workbook/>" });
    expect(() => detectFormat("cut.xlsx", whole.subarray(0, whole.length - 30))).toThrow(/cut\.xlsx: the ZIP container is damaged or cut short/);
  });
});

describe("text as a PDF's text layer gives it", () => {
  it("maps the radicals CJK fonts share glyphs with back to the characters meant", () => {
    expect(normalizeCjk("部\u2ED4\u2F40出")).toBe("部门支出");
    expect(normalizeCjk("\u2F08\u2F12资源局 \u2FA6额 \u2F3E数")).toBe("人力资源局 金额 户数");
    expect(normalizeCjk("\u2EA0生 \u2ECB辆 \u2EDB险")).toBe("民生 车辆 风险");
  });

  it("leaves full-width punctuation and digits as printed", () => {
    expect(normalizeCjk("因公出国（境）费：１２３，")).toBe("因公出国（境）费：１２３，");
  });

  it("joins text wrapped inside a cell, keeping the space a line break swallowed", () => {
    expect(joinWrapped(["郑州高新技术产业开发区管", "委会人力资源局"])).toBe("郑州高新技术产业开发区管委会人力资源局");
    expect(joinWrapped(["4101912300000000", "04942"])).toBe("410191230000000004942");
    expect(joinWrapped(["合理；4.", "工作任务"])).toBe("合理；4. 工作任务");
    expect(joinWrapped(["8,562.6", "万元"])).toBe("8,562.6万元");
  });
});

describe("table grids from a PDF's ruling lines", () => {
  /** A table drawn as most printers draw one: each cell's four sides a rule of its own, ends touching. */
  function cellByCell(xs: number[], ys: number[]): Rule[] {
    const rules: Rule[] = [];
    for (let r = 0; r + 1 < ys.length; r++) {
      for (let c = 0; c + 1 < xs.length; c++) {
        const [left, right, top, bottom] = [xs[c]!, xs[c + 1]!, ys[r]!, ys[r + 1]!];
        rules.push({ vertical: false, at: top, from: left, to: right }, { vertical: false, at: bottom, from: left, to: right });
        rules.push({ vertical: true, at: left, from: bottom, to: top }, { vertical: true, at: right, from: bottom, to: top });
      }
    }
    return rules;
  }

  it("joins the rules that touch into one grid per table, rows top to bottom", () => {
    const upper = cellByCell([50, 150, 300, 450], [700, 680, 660, 640]);
    // Rules a little off one another (within 2 pt) still meet.
    const lower = cellByCell([50, 200, 450], [400, 380, 360]).map((r) => (r.vertical ? { ...r, at: r.at + 0.8 } : r));
    const stray: Rule[] = [{ vertical: false, at: 500, from: 50, to: 450 }, { vertical: true, at: 20, from: 100, to: 200 }];
    const notANumber: Rule = { vertical: true, at: NaN, from: 640, to: 700 };
    const grids = buildGrids([...stray, ...lower, notANumber, ...upper].reverse());
    expect(grids.map((g) => ({ xs: g.xs.map(Math.round), ys: g.ys }))).toEqual([
      { xs: [50, 150, 300, 450], ys: [700, 680, 660, 640] },
      { xs: [51, 201, 451], ys: [400, 380, 360] },
    ]);
  });

  it("keeps apart tables that do not touch, even side by side at the same height", () => {
    const grids = buildGrids([...cellByCell([50, 100, 150], [700, 680, 660]), ...cellByCell([160, 200, 240], [700, 680, 660])]);
    expect(grids.map((g) => [g.left, g.right])).toEqual([[50, 150], [160, 240]]);
  });
});

describe("the text front end", () => {
  it("keeps every line's number, headings marked and table cells split", () => {
    const layout = readTextLayout("a.txt", "\uFEFF# 标题\r\n\r\n项目\t金额\n");
    expect(layout.lines.map((l) => [l.heading, l.cells, l.at])).toEqual([
      [1, ["标题"], "a.txt:1"],
      [null, [""], "a.txt:2"],
      [null, ["项目", "金额"], "a.txt:3"],
      [null, [""], "a.txt:4"],
    ]);
  });
});
