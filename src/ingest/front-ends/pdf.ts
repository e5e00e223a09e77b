import { type Layout, UnreadableFileError } from "../layout";

export async function readPdfLayout(fileName: string, _bytes: Buffer): Promise<Layout> {
  throw new UnreadableFileError(fileName, "PDF is not read yet");
}
