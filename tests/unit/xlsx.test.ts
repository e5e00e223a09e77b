import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_UNPACKED_XLSX_BYTES, plainDecimal, readXlsxLayout } from "../../src/ingest/front-ends/xlsx";
import { readModel } from "../../src/ingest/import";
import { type Layout, UnreadableFileError } from "../../src/ingest/layout";
import { SAMPLE_BUNDLE_FILE } from "../../src/ingest/sample";
import { headerMerges } from "../../src/render/disclosure-xlsx";
import { zipBombXlsx } from "../../src/tools/zip-bomb";
import { BROKEN_DIR, FORMULA_CELL, ORIGINALS, ORIGINALS_DIR, renderBroken, renderOriginal } from "../fixtures/originals/render";
import { withoutPlaces } from "../helpers/model-facts";

/**
 * The XLSX originals in tests/fixtures/originals (written by its render.ts from the project's
 * bundles): read without a database, they must give what the text form of the same disclosure
 * gives, placed in sheets and cells; broken ones are refused naming the file, sheet and cell.
 */
const original = (file: string) => readFileSync(join(ORIGINALS_DIR, file));
const SAMPLE = "007-2023.xlsx";
const textOf = (bundleFile: string) => bundleFile.replace(/\.bundle\.json$/, ".txt");

/** The sample's workbook, changed by `edit` the way a person would in Excel, as bytes. */
async function editedSample(edit: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(original(SAMPLE) as unknown as ExcelJS.Buffer);
  edit(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The cell of `sheet` whose row has `label` in `labelColumn`, in `column`. */
function cellBeside(wb: ExcelJS.Workbook, sheet: string, labelColumn: string, label: string, column: string): ExcelJS.Cell {
  const ws = wb.getWorksheet(sheet)!;
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(`${labelColumn}${r}`).text === label) return ws.getCell(`${column}${r}`);
  throw new Error(`no “${label}” in ${sheet}!${labelColumn}`);
}

async function refusal(fileName: string, bytes: Buffer): Promise<Error> {
  try {
    await readModel(fileName, bytes);
  } catch (e) {
    return e as Error;
  }
  throw new Error(`${fileName} was read`);
}

/**
 * A model with its places set aside: sourceRefs, lines and locations differ by design between
 * a text file and a workbook (line 412 against 部门支出总体情况表 row 9), and so do the line
 * numbers some messages quote ("第378行"). Everything else — every amount, label, code, name,
 * indicator, claim, published figure, table and finding — must be the same.
 */
function unplaced(m: unknown): unknown {
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return withoutPlaces(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).filter(([k]) => !["sourceRef", "line", "location"].includes(k)).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(m);
}

describe("XLSX front end", () => {
  it("writes a stored number as its exact shortest decimal, never in exponent form", () => {
    const cases: [number, string][] = [
      [8562.6, "8562.6"],
      [8562.599999999999, "8562.599999999999"],
      [1e-7, "0.0000001"],
      [-1.5e-7, "-0.00000015"],
      [1.5e21, "1500000000000000000000"],
      [4458, "4458"],
      [-0, "0"],
      [0.1 + 0.2, "0.30000000000000004"],
    ];
    for (const [n, text] of cases) expect(plainDecimal("a.xlsx", "a.xlsx S!A1", n), String(n)).toBe(text);
  });

  describe("the sample as a workbook", () => {
    let layout: Layout;
    beforeAll(async () => {
      layout = await readXlsxLayout(SAMPLE, original(SAMPLE));
    });
    const line = (sheet: string, row: number) => layout.lines.find((l) => l.at === `${SAMPLE} ${sheet} row ${row}`)!;

    it("is one line per row, sheet by sheet, marking no headings", () => {
      expect(layout).toMatchObject({ fileName: SAMPLE, format: "XLSX", lineNumbered: false });
      expect(layout.lines.every((l) => l.heading === null)).toBe(true);
      const sheets = [...new Set(layout.lines.map((l) => /^\S+ (\S+) row \d+$/.exec(l.at)![1]))];
      expect(sheets).toEqual([
        "封面及说明",
        "部门收支总体情况表",
        "部门支出总体情况表",
        "财政拨款收支总体情况表",
        "一般公共预算支出情况表",
        "一般公共预算基本支出表",
        "一般公共预算“三公”经费支出情况表",
        "项目支出预算表",
        "部门(单位)整体绩效目标表",
        "部门预算项目绩效目标汇总表",
      ]);
    });

    it("keeps the cover's title and headings as single cells with their style, and blank rows as blank lines", () => {
      expect(line("封面及说明", 1)).toMatchObject({ cells: ["2023 年人力资源局部门预算公开"], style: { size: 18, bold: true, centered: true } });
      expect(line("封面及说明", 1).grid).toBeUndefined();
      expect(line("封面及说明", 2)).toMatchObject({ cells: [""] });
      expect(line("封面及说明", 2).style).toBeUndefined();
      const part = layout.lines.find((l) => l.cells[0] === "一、部门所属预算单位构成")!;
      expect(part.style).toEqual({ size: 12, bold: true, centered: false });
      const prose = layout.lines.find((l) => l.cells[0]!.startsWith("人力资源局部门预算由1个预算单位"))!;
      expect(prose.style).toEqual({ size: 11, bold: false, centered: false });
    });

    it("gives a table sheet's title, merged across it, as one centred cell outside the grid", () => {
      const title = line("部门支出总体情况表", 1);
      expect(title.cells).toEqual(["2023年部门支出总体情况表", ...Array(13).fill("")]);
      expect(title.style).toEqual({ size: 16, bold: true, centered: true });
      expect(title.grid).toBeUndefined();
      const meta = line("部门支出总体情况表", 2);
      expect([meta.cells[0], meta.cells[13]]).toEqual(["部门名称：郑州高新技术产业开发区管委会人力资源局", "单位：万元"]);
      expect(meta.grid).toBeDefined();
    });

    it("reads merged header cells once, at their top-left cell", () => {
      const [top, middle, bottom] = [3, 4, 5].map((r) => line("部门支出总体情况表", r).cells);
      expect(top).toEqual(["科目编码", "", "", "单位代码", "单位（科目名称）", "合计", "基本支出", "", "", "", "", "项目支出", "", ""]);
      expect(middle).toEqual(["", "", "", "", "", "", "小计", "人员经费", "", "公用经费", "", "小计", "其他运转类", "特定目标类"]);
      expect(bottom.slice(0, 3)).toEqual(["类", "款", "项"]);
      expect(line("部门支出总体情况表", 3).style).toEqual({ size: 10, bold: true, centered: true });
    });

    it("reads labels merged down the rows they cover once, at their first row", () => {
      const rows = layout.lines.filter((l) => l.at.includes("部门(单位)整体绩效目标表"));
      expect(rows.find((l) => l.cells[2] === "年度履职目标相关性")!.cells.slice(0, 2)).toEqual(["投入管理指标", "工作目标管理"]);
      expect(rows.find((l) => l.cells[2] === "工作任务科学性")!.cells.slice(0, 2)).toEqual(["", ""]);
      expect(rows.find((l) => l.cells[2] === "预算编制完整性")!.cells.slice(0, 2)).toEqual(["", "预算和财务管理"]);
    });

    it("gives codes as text and amounts as the stored numbers, each cell with its place", () => {
      const row = line("部门支出总体情况表", 8);
      expect(row.cells.slice(0, 7)).toEqual(["208", "01", "01", "", "行政运行", "4550.7", "4550.7"]);
      expect(row.numeric!.slice(0, 7)).toEqual([false, false, false, false, false, true, true]);
      expect(row.cellAt![5]).toBe(`${SAMPLE} 部门支出总体情况表!F8`);
      expect(row.cellAt![13]).toBe(`${SAMPLE} 部门支出总体情况表!N8`);
      expect(line("部门支出总体情况表", 7).cells.slice(3, 5)).toEqual(["007", "郑州高新技术产业开发区管委会人力资源局"]);
      const listing = layout.lines.filter((l) => l.at.includes("部门预算项目绩效目标汇总表")).map((l) => l.cells[0]);
      expect(listing).toContain("4101912300000000009630");
      expect(listing).toContain("410191230000000004083");
    });

    it("gives a formula its saved result", async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(original(SAMPLE) as unknown as ExcelJS.Buffer);
      expect(wb.getWorksheet(FORMULA_CELL.sheet)!.getCell(FORMULA_CELL.address).formula).toBe("SUM(G8:G19)");
      const total = line(FORMULA_CELL.sheet, 6);
      expect(total.cells[6]).toBe("4550.7");
      expect(total.numeric![6]).toBe(true);
    });

    it("gives each sheet its own grid: rows of two or more cells, and one-cell rows inside a table", () => {
      const grids = new Map<number, Set<string>>();
      for (const l of layout.lines) {
        const filled = l.cells.filter((c) => c !== "").length;
        if (filled >= 2) expect(l.grid, l.at).toBeDefined();
        if (filled === 1 && l.cells[0] !== "") expect(l.grid, l.at).toBeUndefined();
        if (l.grid !== undefined) grids.set(l.grid, (grids.get(l.grid) ?? new Set()).add(l.at.split(" ")[1]!));
      }
      expect([...grids.values()].every((sheets) => sheets.size === 1)).toBe(true);
      expect(grids.size).toBe(9);
      // The 收支 table's right-hand labels under blank left-hand cells: rows of the table, not headings.
      expect(line("部门收支总体情况表", 15)).toMatchObject({ cells: ["", "", "十一、节能环保支出", ""], grid: expect.any(Number) });
      expect(line("部门支出总体情况表", 1).grid).toBeUndefined();
    });
  });

  it("skips hidden sheets, and refuses a workbook with none visible or nothing in it", async () => {
    const hidden = await editedSample((wb) => (wb.getWorksheet("封面及说明")!.state = "hidden"));
    const layout = await readXlsxLayout("hidden.xlsx", hidden);
    expect(layout.lines.some((l) => l.at.includes("封面及说明"))).toBe(false);
    expect(layout.lines[0]!.at).toBe("hidden.xlsx 部门收支总体情况表 row 1");

    const allHidden = await editedSample((wb) => wb.worksheets.forEach((ws) => (ws.state = "hidden")));
    await expect(readXlsxLayout("all-hidden.xlsx", allHidden)).rejects.toThrow(/^all-hidden\.xlsx: the workbook has no visible sheet \(hidden: “封面及说明”/);

    const empty = new ExcelJS.Workbook();
    empty.addWorksheet("Sheet1");
    const bytes = Buffer.from(await empty.xlsx.writeBuffer());
    await expect(readXlsxLayout("empty.xlsx", bytes)).rejects.toThrow("empty.xlsx: the workbook's sheets (“Sheet1”) hold no value: nothing to read");
  });

  it("reads a table whose one-cell rows are bold and centred as a table, not as headings", async () => {
    const styled = await editedSample((wb) => {
      for (const sheet of ["部门收支总体情况表", "财政拨款收支总体情况表"]) {
        wb.getWorksheet(sheet)!.getColumn(3).eachCell((cell) => {
          cell.font = { bold: true, size: 12 };
          cell.alignment = { horizontal: "center" };
        });
      }
    });
    const plain = await readModel(SAMPLE, original(SAMPLE));
    expect(unplaced((await readModel("styled.xlsx", styled)).model)).toEqual(unplaced(plain.model));
  });

  it("reads a workbook of the tables alone (no cover sheet): year and department from the tables", async () => {
    const tablesOnly = await editedSample((wb) => wb.removeWorksheet(wb.getWorksheet("封面及说明")!.id));
    const { model } = await readModel("tables.xlsx", tablesOnly);
    const sample = (await readModel(SAMPLE, original(SAMPLE))).model;
    expect({ year: model.year, stage: model.stage, department: model.department }).toEqual({ year: 2023, stage: "BUDGET", department: sample.department });
    for (const k of ["stated", "subjectLines", "economicLines", "incomeLines", "projects", "threePublic", "departmentIndicators"] as const) {
      expect(unplaced(model[k]), k).toEqual(unplaced(sample[k]));
    }
    expect(model.claims).toEqual([]);
  });

  it("refuses an error value, naming the sheet and cell", async () => {
    const bytes = await editedSample((wb) => (wb.getWorksheet("部门支出总体情况表")!.getCell("F9").value = { error: "#REF!" } as ExcelJS.CellErrorValue));
    const e = await refusal("ref.xlsx", bytes);
    expect(e).toBeInstanceOf(UnreadableFileError);
    expect(e.message).toBe("ref.xlsx 部门支出总体情况表!F9: holds the error value #REF!, not a figure: correct the workbook and save it again");
  });

  it("refuses a formula with no saved value, naming the sheet and cell", async () => {
    const e = await refusal("formula-without-value.xlsx", readFileSync(join(BROKEN_DIR, "formula-without-value.xlsx")));
    expect(e.message).toBe(
      "formula-without-value.xlsx 部门支出总体情况表!G6: formula =SUM(G8:G19) has no saved value: open and save the workbook in Excel, or export values",
    );
  });

  it("refuses a workbook that would unpack beyond the limit before unpacking it (bytes made here)", async () => {
    const bomb = zipBombXlsx(MAX_UNPACKED_XLSX_BYTES + 1024 * 1024);
    expect(bomb.length).toBeLessThan(MAX_UNPACKED_XLSX_BYTES / 500);
    await expect(readXlsxLayout("bomb.xlsx", bomb)).rejects.toThrow(`bomb.xlsx: the workbook unpacks to more than ${MAX_UNPACKED_XLSX_BYTES / 1024 / 1024} MB`);
    // Spread over two sheets, neither over the limit alone: the sum is what counts, and the message gives the limit.
    const spread = zipBombXlsx(MAX_UNPACKED_XLSX_BYTES * 1.2, 2);
    await expect(readXlsxLayout("spread.xlsx", spread)).rejects.toThrow(`spread.xlsx: the workbook unpacks to more than ${MAX_UNPACKED_XLSX_BYTES / 1024 / 1024} MB`);
  });
});

describe("the renderer", () => {
  it("merges a header printed as text where its labels group columns", () => {
    const header = [
      ["科目编码", "", "", "合计", "基本支出", "", "", ""],
      ["", "", "", "", "小计", "人员经费", "", "公用经费"],
      ["类", "款", "项", "", "", "工资福利支出", "对个人和家庭的补助", "商品和服务支出"],
    ];
    expect(headerMerges(header, 8)).toEqual([
      { top: 0, left: 0, bottom: 1, right: 2 },
      { top: 0, left: 3, bottom: 2, right: 3 },
      { top: 0, left: 4, bottom: 0, right: 7 },
      { top: 1, left: 4, bottom: 2, right: 4 },
      { top: 1, left: 5, bottom: 1, right: 6 },
    ]);
  });

  it("wrote the committed broken originals (the ZIP bomb aside: made the same way, 1 MB for 1.1 GB)", async () => {
    const fresh = await renderBroken();
    for (const file of ["truncated.xlsx", "no-totals.xlsx", "formula-without-value.xlsx"]) {
      expect(readFileSync(join(BROKEN_DIR, file)).equals(fresh[file]!), `${file}: re-run tests/fixtures/originals/render.ts`).toBe(true);
    }
    const bomb = readFileSync(join(BROKEN_DIR, "zip-bomb.xlsx"));
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    expect(bomb.equals(fresh["zip-bomb.xlsx"]!)).toBe(true);
  });
});

describe.each(ORIGINALS)("$file", ({ file, bundle }) => {
  it("is a fresh render of its bundle (re-run tests/fixtures/originals/render.ts)", async () => {
    expect(original(file).equals(await renderOriginal(bundle))).toBe(true);
  });

  it("reads as its text form reads, figure for figure", async () => {
    const fromXlsx = await readModel(file, original(file));
    const fromText = await readModel(textOf(bundle), readFileSync(textOf(bundle)));
    expect(fromXlsx.format).toBe("DISCLOSURE_XLSX");
    expect(unplaced(fromXlsx.model)).toEqual(unplaced(fromText.model));
    expect(fromXlsx.model.subjectLines.length).toBeGreaterThan(5);
    expect(fromXlsx.model.projects.length).toBeGreaterThan(0);
  });

  it("places what it read in sheets and cells", async () => {
    const { model } = await readModel(file, original(file));
    expect(model.subjectLines[0]!.sourceRef).toMatch(new RegExp(`^${file} 部门支出总体情况表 row \\d+ `));
    expect(model.publishedFigures.every((f) => f.line === null && f.location!.startsWith(`${file} `))).toBe(true);
    expect(model.tables.filter((t) => t.present).every((t) => t.location === `${file} ${t.title} row 1`)).toBe(true);
  });
});

describe("the sample's figures, changed in Excel", () => {
  it("refuses a garbled amount, naming the sheet and the cell", async () => {
    const bytes = await editedSample((wb) => (wb.getWorksheet("部门支出总体情况表")!.getCell("F9").value = "26O.0"));
    const e = await refusal("garbled.xlsx", bytes);
    expect(e.message).toBe('garbled.xlsx 部门支出总体情况表!F9: 合计: "26O.0" is not an amount');
  });

  it("reads a stored 8562.599999999999 in a 万元 table as 8562.6, and says it rounded", async () => {
    const bytes = await editedSample((wb) => (cellBeside(wb, "部门收支总体情况表", "C", "支出总计", "D").value = 8562.599999999999));
    const layout = await readXlsxLayout("float.xlsx", bytes);
    expect(layout.lines.flatMap((l) => l.cells)).toContain("8562.599999999999");
    const { model } = await readModel("float.xlsx", bytes);
    expect(model.stated.expenditureTotal).toBe(8_562_600_000n);
    const rounded = model.findings.filter((f) => f.ruleId === "STORED_NUMBER_ROUNDED");
    expect(rounded).toEqual([expect.objectContaining({ severity: "ROUNDING", location: "float.xlsx 部门收支总体情况表!D37", stated: "8562600000" })]);
    expect(rounded[0]!.message).toContain("8562.599999999999");
    const sample = (await readModel(SAMPLE, original(SAMPLE))).model;
    expect(unplaced({ ...model, findings: model.findings.filter((f) => f.ruleId !== "STORED_NUMBER_ROUNDED") })).toEqual(unplaced(sample));
  });
});

describe("broken originals", () => {
  it.each([
    ["truncated.xlsx", /^truncated\.xlsx: the ZIP container is damaged or cut short \(no central directory\): the file looks truncated$/],
    ["no-totals.xlsx", /^no-totals\.xlsx 封面及说明 row \d+: neither 部门支出总体情况表 \(支出总表\) nor 部门收支总体情况表 \(收支总表\) with its total was found/],
    ["formula-without-value.xlsx", /^formula-without-value\.xlsx 部门支出总体情况表!G6: formula =SUM\(G8:G19\) has no saved value/],
    ["zip-bomb.xlsx", /^zip-bomb\.xlsx: the workbook unpacks to more than 200 MB \(a ZIP bomb, or far larger than any disclosure\): refused without reading it$/],
  ])("refuses %s, naming the file and the problem", async (file, problem) => {
    expect((await refusal(file, readFileSync(join(BROKEN_DIR, file)))).message).toMatch(problem);
  });

  it("uses the sample bundle for the sample original", () => {
    expect(ORIGINALS[0]).toEqual({ file: SAMPLE, bundle: SAMPLE_BUNDLE_FILE });
  });
});
