import type { Layout } from "../layout";
import type { DetectedFormat } from "./detect";
import { readPdfLayout } from "./pdf";
import { readTextLayout } from "./text";
import { readXlsxLayout } from "./xlsx";

/** The front end for a detected format: bytes in, lines of cells out. */
export async function readLayout(format: Exclude<DetectedFormat, "BUNDLE">, fileName: string, bytes: Buffer): Promise<Layout> {
  if (format === "PDF") return readPdfLayout(fileName, bytes);
  if (format === "XLSX") return readXlsxLayout(fileName, bytes);
  return readTextLayout(fileName, decodeUtf8(fileName, bytes));
}

function decodeUtf8(fileName: string, bytes: Buffer): string {
  return bytes.toString("utf8");
}
