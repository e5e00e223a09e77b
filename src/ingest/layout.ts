/**
 * What every front end (text, PDF, spreadsheet) makes of a file, and all the reading pipeline
 * after it sees: lines of cells in reading order, each knowing where it came from. Front ends
 * know nothing of budgets; the disclosure reader knows nothing of file formats.
 */
export type SourceFormat = "TEXT" | "PDF" | "XLSX";

export interface LayoutLine {
  /** Heading level where the medium marks one (markdown `#`); null where it does not say. */
  heading: number | null;
  /** The line's cells: one for a line of prose, one per column for a table row (blanks kept). */
  cells: string[];
  /** Where the line is: "a.txt:12", "a.pdf page 3 line 12", "a.xlsx 部门支出总体情况表!A9". */
  at: string;
  /** Where each cell is, where cells have places of their own ("a.xlsx Sheet1!F9"). */
  cellAt?: string[];
  /**
   * Which cells the file stored as numbers rather than printed as text (a spreadsheet's number
   * cells and formula results), one flag per cell. Such a cell's text is the exact decimal of the
   * stored binary number ("8562.599999999999" where a formula left float noise), so a reader
   * that knows the amount's unit may round it once to 分 (and say so); printed text is never
   * rounded. Absent where the medium stores only text (text, PDF).
   */
  numeric?: boolean[];
  /** Typographic hints a PDF gives: font size (points), bold, centred on the page. */
  style?: { size: number; bold: boolean; centered: boolean };
  /** For a line that is a table row: which table (per front end) it belongs to, so rows of one grid stay together. */
  grid?: number;
}

export interface Layout {
  fileName: string;
  format: SourceFormat;
  lines: LayoutLine[];
  /** Line numbers are the file's own (text): messages then say "file:line". */
  lineNumbered: boolean;
}

/** A file that no front end can read, or that is not what it claims: names the file and says why. */
export class UnreadableFileError extends Error {
  constructor(
    readonly fileName: string,
    readonly problem: string,
    readonly location: string | null = null,
  ) {
    super(`${location ?? fileName}: ${problem}`);
  }
}
