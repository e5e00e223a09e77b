import { createInflateRaw } from "node:zlib";
import { UnreadableFileError } from "../layout";

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  /** Offset of the entry's local header. */
  offset: number;
}

/**
 * The entries a ZIP file's central directory lists, read from the bytes without inflating
 * anything. A file whose directory cannot be found is refused as damaged.
 */
export function zipEntries(fileName: string, bytes: Buffer): ZipEntry[] {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > bytes.length) throw new UnreadableFileError(fileName, "the ZIP container is damaged or cut short (no central directory): the file looks truncated");
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) throw new UnreadableFileError(fileName, "the ZIP container's directory is damaged: the file looks truncated");
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    entries.push({
      name: bytes.subarray(at + 46, at + 46 + nameLength).toString("utf8"),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      declaredSize: bytes.readUInt32LE(at + 24),
      offset: bytes.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/**
 * Inflates every entry, counting bytes and stopping at `limit`, so a small file that would
 * unpack to gigabytes (a ZIP bomb) is refused before a spreadsheet reader holds it in memory.
 * Sizes the directory declares are not trusted: the bytes themselves are counted.
 */
export async function checkUnpackedSize(fileName: string, bytes: Buffer, limit: number): Promise<void> {
  let total = 0;
  for (const e of zipEntries(fileName, bytes)) {
    if (e.offset + 30 > bytes.length || bytes.readUInt32LE(e.offset) !== 0x04034b50) throw new UnreadableFileError(fileName, `the ZIP entry ${e.name} is damaged: the file looks truncated`);
    const start = e.offset + 30 + bytes.readUInt16LE(e.offset + 26) + bytes.readUInt16LE(e.offset + 28);
    const data = bytes.subarray(start, start + e.compressedSize);
    if (data.length < e.compressedSize) throw new UnreadableFileError(fileName, `the ZIP entry ${e.name} is cut short: the file looks truncated`);
    if (e.method === 0) total += data.length;
    else if (e.method === 8) total += await inflatedSize(fileName, e.name, data, limit - total, limit);
    else throw new UnreadableFileError(fileName, `the ZIP entry ${e.name} uses compression method ${e.method}, which a workbook does not`);
    if (total > limit) throw tooLarge(fileName, limit);
  }
}

function tooLarge(fileName: string, limit: number): UnreadableFileError {
  return new UnreadableFileError(fileName, `the workbook unpacks to more than ${Math.round(limit / 1024 / 1024)} MB (a ZIP bomb, or far larger than any disclosure): refused without reading it`);
}

/** Inflates one entry, counting; past `budget` (what `limit` leaves after the entries before) it stops. */
function inflatedSize(fileName: string, entry: string, data: Buffer, budget: number, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const inflate = createInflateRaw();
    inflate.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > budget) {
        inflate.destroy();
        reject(tooLarge(fileName, limit));
      }
    });
    inflate.on("end", () => resolve(size));
    inflate.on("error", () => reject(new UnreadableFileError(fileName, `the ZIP entry ${entry} cannot be inflated: the file is damaged`)));
    inflate.end(data);
  });
}
