import { type Layout, UnreadableFileError } from "../layout";

export async function readXlsxLayout(fileName: string, _bytes: Buffer): Promise<Layout> {
  throw new UnreadableFileError(fileName, "XLSX is not read yet");
}
