import { UnreadableFileError } from "../layout";
import { zipEntries } from "./zip";

/** What a file is, decided from its bytes (never its name). */
export type DetectedFormat = "TEXT" | "PDF" | "XLSX" | "BUNDLE";

/** The largest file the importer takes; larger ones are refused before they are read. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

/** Why a file of `size` bytes is too large for the importer, or null when it is not. */
export function oversizeProblem(size: number): string | null {
  if (size <= MAX_DOCUMENT_BYTES) return null;
  return `the file is ${(size / 1024 / 1024).toFixed(1)} MB; the importer takes files of at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`;
}

const SAVE_AS = "save it as PDF (with its text) or XLSX, or use the text or bundle form";

const starts = (bytes: Buffer, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** Kinds of file people send instead of a disclosure, by their signature, each with its name. */
const REFUSED: [test: (b: Buffer) => boolean, what: string][] = [
  [(b) => starts(b, 0x89, 0x50, 0x4e, 0x47), "a PNG image"],
  [(b) => starts(b, 0xff, 0xd8, 0xff), "a JPEG image"],
  [(b) => b.subarray(0, 6).toString("latin1").startsWith("GIF8"), "a GIF image"],
  [(b) => starts(b, 0x49, 0x49, 0x2a, 0x00) || starts(b, 0x4d, 0x4d, 0x00, 0x2a), "a TIFF image"],
  [(b) => starts(b, 0x42, 0x4d) && b.length > 26 && b.readUInt32LE(2) === b.length, "a BMP image"],
  [(b) => b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP", "a WebP image"],
  [(b) => b.subarray(0, 5).toString("latin1") === "{\\rtf", "an RTF document"],
  [(b) => starts(b, 0x52, 0x61, 0x72, 0x21), "a RAR archive"],
  [(b) => starts(b, 0x37, 0x7a, 0xbc, 0xaf), "a 7-Zip archive"],
  [(b) => starts(b, 0x1f, 0x8b), "a gzip archive"],
];

/** An old binary Office file (OLE2): a Word .doc or an Excel .xls, told apart by its streams. */
function oleKind(bytes: Buffer): string | null {
  if (!starts(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return null;
  const has = (name: string) => bytes.includes(Buffer.from(name, "utf16le"));
  if (has("Workbook") || has("Book")) return "an old Excel workbook (.xls)";
  if (has("WordDocument")) return "a Word document (.doc)";
  if (has("PowerPoint Document")) return "a PowerPoint presentation (.ppt)";
  return "an old Office file (.doc/.xls)";
}

/** A ZIP container: a workbook, or what else it is. */
function zipKind(fileName: string, bytes: Buffer): "XLSX" | string {
  const names = zipEntries(fileName, bytes).map((e) => e.name);
  if (names.includes("xl/workbook.xml")) return "XLSX";
  if (names.includes("word/document.xml")) return "a Word document (.docx)";
  if (names.some((n) => n.startsWith("ppt/"))) return "a PowerPoint presentation (.pptx)";
  if (names.includes("content.xml") && names.includes("mimetype")) return "an OpenDocument file (.odt/.ods)";
  return "a ZIP archive";
}

/**
 * Reads the format from the bytes. Files of other kinds are refused by name ("this is a Word
 * document: save it as PDF or XLSX"), as are empty and oversized ones.
 */
export function detectFormat(fileName: string, bytes: Buffer): DetectedFormat {
  if (bytes.length === 0) throw new UnreadableFileError(fileName, "the file is empty");
  const oversize = oversizeProblem(bytes.length);
  if (oversize) throw new UnreadableFileError(fileName, oversize);
  if (bytes.subarray(0, 1024).includes(Buffer.from("%PDF-"))) return "PDF";
  if (starts(bytes, 0x50, 0x4b, 0x03, 0x04) || starts(bytes, 0x50, 0x4b, 0x05, 0x06)) {
    const kind = zipKind(fileName, bytes);
    if (kind === "XLSX") return "XLSX";
    throw new UnreadableFileError(fileName, `this is ${kind}, not a disclosure the importer reads: ${SAVE_AS}`);
  }
  const refused = oleKind(bytes) ?? REFUSED.find(([test]) => test(bytes))?.[1];
  if (refused) {
    const scan = /image/.test(refused) ? " (a scanned page has no text to read; the importer does no OCR)" : "";
    throw new UnreadableFileError(fileName, `this is ${refused}${scan}, not a disclosure the importer reads: ${SAVE_AS}`);
  }
  const head = bytes.subarray(0, 64).toString("utf8").replace(/^\uFEFF/, "").trimStart();
  return head.startsWith("{") ? "BUNDLE" : "TEXT";
}
