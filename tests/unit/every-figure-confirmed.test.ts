import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { documentFindings } from "../../src/ingest/checks";
import { looksLikeAmount } from "../../src/ingest/disclosure/cells";
import { DocumentError, type TableKind, readDocument } from "../../src/ingest/disclosure/document";
import { readModel } from "../../src/ingest/import";
import { type DiscrepancyDraft, IngestError } from "../../src/ingest/model";
import { SEED_FILE, seedAvailable, seedText } from "../helpers/seed";

/**
 * Every figure a financial table prints takes part in some identity (row = its cells, total =
 * its rows, the same figure in another table or in the narrative), so changing any one of them
 * must change what the import reports. Each amount cell is edited in turn — its first
 * significant digit, then its last digit — and the edited document must be refused or give a
 * finding the unedited one does not (a new finding, or one with another stated/computed figure).
 */

const FINANCIAL: TableKind[] = ["OVERVIEW", "EXPENDITURE", "FISCAL_OVERVIEW", "GENERAL_EXPENDITURE", "BASIC_ECONOMIC", "THREE_PUBLIC", "PROJECTS"];
const PERFORMANCE: TableKind[] = ["PROJECT_PERFORMANCE", "DEPT_PERFORMANCE"];
/** A 决算's tables: all financial. */
const FINAL: TableKind[] = [
  "FINAL_OVERVIEW", "FINAL_INCOME", "FINAL_EXPENDITURE", "FINAL_FISCAL_OVERVIEW", "FINAL_GENERAL_EXPENDITURE",
  "FINAL_BASIC_ECONOMIC", "FINAL_THREE_PUBLIC", "FINAL_GOV_FUND", "FINAL_STATE_CAPITAL",
];

const DOCUMENTS: { name: string; text: () => string }[] = [
  { name: "007-2023.txt (sample)", text: () => readFileSync(join(__dirname, "../../src/ingest/samples/007-2023.txt"), "utf8") },
  { name: "007-2022.txt", text: () => readFileSync(join(__dirname, "../fixtures/disclosures/007-2022.txt"), "utf8") },
  { name: "002-2023.txt", text: () => readFileSync(join(__dirname, "../fixtures/disclosures/002-2023.txt"), "utf8") },
  ...(seedAvailable ? [{ name: `${basename(SEED_FILE!)} (seed)`, text: seedText }] : []),
];

interface Edit {
  kind: TableKind;
  line: number;
  cell: number;
  from: string;
  to: string;
}

/** A printed amount: with a decimal point or thousands separator (codes never have one); the “三公” table prints whole 0s too. */
function isAmountCell(kind: TableKind, cell: string): boolean {
  return looksLikeAmount(cell) && (/[.,，．]/.test(cell) || kind === "THREE_PUBLIC" || kind === "FINAL_THREE_PUBLIC");
}

const bump = (d: string) => (d === "9" ? "8" : String(Number(d) + 1));

/** The cell with its first significant digit changed, and with its last digit changed (once, where they are the same digit). */
function editsOf(cell: string): string[] {
  const first = cell.search(/[1-9]/);
  const last = cell.search(/\d(?=\D*$)/);
  const at = (i: number) => cell.slice(0, i) + bump(cell[i]!) + cell.slice(i + 1);
  return [...new Set([at(first >= 0 ? first : last), at(last)])];
}

function amountEdits(fileName: string, text: string, kinds: TableKind[]): Edit[] {
  const doc = readDocument(fileName, text);
  const out: Edit[] = [];
  for (const t of doc.tables) {
    if (!t.kind || !kinds.includes(t.kind)) continue;
    for (const r of t.rows) {
      r.cells.forEach((c, i) => {
        if (isAmountCell(t.kind!, c)) for (const to of editsOf(c)) out.push({ kind: t.kind!, line: r.no, cell: i, from: c, to });
      });
    }
  }
  return out;
}

function applyEdit(text: string, e: Edit): string {
  const lines = text.split("\n");
  const cells = lines[e.line - 1]!.split("\t");
  if (cells[e.cell]!.trim() !== e.from) throw new Error(`line ${e.line} cell ${e.cell} is not ${e.from}`);
  cells[e.cell] = cells[e.cell]!.replace(e.from, e.to);
  lines[e.line - 1] = cells.join("\t");
  return lines.join("\n");
}

const keyOf = (f: DiscrepancyDraft) => `${f.ruleId}|${f.severity}|${f.location}|${f.stated}|${f.computed}`;

/** The import's findings, or "refused" where the reader refuses the document (any other error is a bug and fails the test). */
async function findings(fileName: string, text: string): Promise<DiscrepancyDraft[] | "refused"> {
  try {
    const { model } = await readModel(fileName, Buffer.from(text, "utf8"));
    return documentFindings(model, fileName);
  } catch (e) {
    if (e instanceof DocumentError || e instanceof IngestError) return "refused";
    throw e;
  }
}

/** Whether the edited document is refused, or reports a finding (or a figure in one) the original does not. */
function detects(before: DiscrepancyDraft[], after: DiscrepancyDraft[] | "refused"): boolean {
  if (after === "refused") return true;
  const left = new Map<string, number>();
  for (const f of before) left.set(keyOf(f), (left.get(keyOf(f)) ?? 0) + 1);
  return after.some((f) => {
    const n = left.get(keyOf(f)) ?? 0;
    left.set(keyOf(f), n - 1);
    return n <= 0;
  });
}

async function undetected(name: string, text: string, kinds: TableKind[]): Promise<{ made: number; missed: string[] }> {
  const fileName = name.split(" ")[0]!;
  const before = await findings(fileName, text);
  if (before === "refused") throw new Error(`${name} is refused unedited`);
  const edits = amountEdits(fileName, text, kinds);
  const missed: string[] = [];
  let refused = 0;
  for (const e of edits) {
    const after = await findings(fileName, applyEdit(text, e));
    if (after === "refused") refused++;
    if (!detects(before, after)) missed.push(`${e.kind} line ${e.line} cell ${e.cell}: ${e.from} → ${e.to}`);
  }
  const rate = edits.length ? (((edits.length - missed.length) / edits.length) * 100).toFixed(1) : "—";
  console.log(
    `[every figure confirmed] ${name} ${kinds === PERFORMANCE ? "performance" : "financial"} tables: ${edits.length - missed.length}/${edits.length} edits detected (${rate}%, ${refused} by refusal)` +
      (missed.length ? `; undetected:\n  ${missed.join("\n  ")}` : ""),
  );
  return { made: edits.length, missed };
}

describe("every printed figure of a 决算 is confirmed by another", () => {
  it("finds every one-digit edit of an amount in the 决算 fixture's tables", { timeout: 300_000 }, async () => {
    const text = readFileSync(join(__dirname, "../fixtures/disclosures/007-2023-final.txt"), "utf8");
    const { made, missed } = await undetected("007-2023-final.txt", text, FINAL);
    expect(made).toBeGreaterThan(100);
    expect(missed).toEqual([]);
  });
});

describe("every printed figure is confirmed by another", () => {
  describe.each(DOCUMENTS)("$name", ({ name, text }) => {
    // Hundreds of whole imports each: minutes on a busy machine, not the default 30 s.
    it("finds every one-digit edit of an amount in the financial tables", { timeout: 300_000 }, async () => {
      const { made, missed } = await undetected(name, text(), FINANCIAL);
      expect(made).toBeGreaterThan(20);
      expect(missed).toEqual([]);
    });

    it("finds every one-digit edit of an amount in the performance tables", { timeout: 300_000 }, async () => {
      const { made, missed } = await undetected(name, text(), PERFORMANCE);
      expect(made).toBeGreaterThan(5);
      expect(missed).toEqual([]);
    });
  });
});
