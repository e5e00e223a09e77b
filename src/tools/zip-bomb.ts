/**
 * Hand-made ZIP archives for the importer's tests: a workbook that unpacks to far more than it
 * weighs (a ZIP bomb), written without ever holding it unpacked. Only tooling: nothing in the
 * import path or the server runs it.
 */
import { constants as zlibConstants, crc32, deflateRawSync } from "node:zlib";
import { FIXED_DATE, dosDateTime } from "../render/disclosure-xlsx";

export interface ZipPart {
  name: string;
  /** The part's bytes, or, for a part too large to hold, its deflated bytes with the inflated size and CRC. */
  data: Buffer | { deflated: Buffer; size: number; crc: number };
}

/** A ZIP archive of the given parts, deflated, with FIXED_DATE times. */
export function zipOf(parts: ZipPart[]): Buffer {
  const { time, date } = dosDateTime(FIXED_DATE);
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, "utf8");
    const { deflated, size, crc } = Buffer.isBuffer(p.data) ? { deflated: deflateRawSync(p.data), size: p.data.length, crc: crc32(p.data) } : p.data;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt16LE(time, 12);
    dir.writeUInt16LE(date, 14);
    dir.writeUInt32LE(crc >>> 0, 16);
    dir.writeUInt32LE(deflated.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, name, deflated);
    central.push(dir, name);
    offset += local.length + name.length + deflated.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>';
const SHEET_TAIL = "</t></is></c></row></sheetData></worksheet>";

/**
 * A small workbook that unpacks to at least `unpackedBytes` (a ZIP bomb), spread over `sheets`
 * sheets (one by default) whose one cell holds "000…". Deflate pieces ended by a full flush are
 * byte-aligned and refer to nothing before them, so one deflated megabyte of zeros, repeated, is
 * a valid stream: the bomb is never held unpacked, and its size is about a thousandth of what it
 * unpacks to (a run of one byte is deflate's best case).
 */
export function zipBombXlsx(unpackedBytes: number, sheets = 1): Buffer {
  const numbers = Array.from({ length: sheets }, (_, i) => i + 1);
  return zipOf([
    { name: "[Content_Types].xml", data: Buffer.from(contentTypes(numbers)) },
    { name: "_rels/.rels", data: Buffer.from(ROOT_RELS) },
    { name: "xl/workbook.xml", data: Buffer.from(workbookXml(numbers)) },
    { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(workbookRels(numbers)) },
    ...numbers.map((n) => ({ name: `xl/worksheets/sheet${n}.xml`, data: bombSheet(Math.ceil(unpackedBytes / sheets)) })),
  ]);
}

function bombSheet(unpackedBytes: number): ZipPart["data"] {
  const head = Buffer.from(SHEET_HEAD);
  const tail = Buffer.from(SHEET_TAIL);
  const chunk = Buffer.alloc(1 << 20, "0");
  const count = Math.max(1, Math.ceil((unpackedBytes - head.length - tail.length) / chunk.length));
  const flushed = (b: Buffer) => deflateRawSync(b, { level: 9, finishFlush: zlibConstants.Z_FULL_FLUSH });
  const deflatedChunk = flushed(chunk);
  let crc = crc32(head);
  for (let i = 0; i < count; i++) crc = crc32(chunk, crc);
  crc = crc32(tail, crc);
  const deflated = Buffer.concat([flushed(head), ...Array<Buffer>(count).fill(deflatedChunk), deflateRawSync(tail, { level: 9 })]);
  return { deflated, size: head.length + count * chunk.length + tail.length, crc };
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const contentTypes = (sheets: number[]) =>
  `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((n) => `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}</Types>`;
const ROOT_RELS = `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const workbookXml = (sheets: number[]) =>
  `${XML}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.map((n) => `<sheet name="${n === 1 ? "部门支出总体情况表" : `Sheet${n}`}" sheetId="${n}" r:id="rId${n}"/>`).join("")}</sheets></workbook>`;
const workbookRels = (sheets: number[]) =>
  `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((n) => `<Relationship Id="rId${n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${n}.xml"/>`).join("")}</Relationships>`;
