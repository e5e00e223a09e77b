/**
 * A PDF written by hand: pages whose content streams the test gives, with Helvetica as /F1,
 * Helvetica-Bold as /F2 (neither embedded), /F3 a Helvetica whose codes 0x80, 0x81 and 0x82 stand
 * for a zero-width space, a combining acute accent and a Hebrew alef, one form XObject /Fm1 that draws a line of text,
 * a graphics state /GS1 that sets the font (Helvetica, 14 points), and on every page an
 * annotation whose appearance draws a box (0 0 100 30 in its own space) and writes "in a note" in
 * it (text no page's text layer includes). /F4 is 宋体 (STSong-Light) not embedded, its text in
 * UCS-2 through the predefined CMap UniGB-UCS2-H; /F5 the same font under an encoding no one knows.
 * For exercising text operators a printed disclosure never uses.
 */
export function handmadePdf(pages: string[]): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  add("<< /Type /Catalog /Pages 2 0 R >>");
  const pageIds = pages.map((_, i) => 14 + i * 2);
  add(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`);
  add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
  add(stream("BT /F1 10 Tf 0 0 Td (inside a form) Tj ET", "/Type /XObject /Subtype /Form /BBox [0 0 300 50] /Resources << /Font << /F1 3 0 R >> >>"));
  add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /ToUnicode 7 0 R >>");
  add(stream("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Marks def 1 begincodespacerange <00> <FF> endcodespacerange\n1 beginbfrange <20> <7E> <0020> endbfrange\n3 beginbfchar <80> <200B> <81> <0301> <82> <05D0> endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end"));
  add(stream("0 0 100 30 re S BT /F1 9 Tf 2 2 Td (in a note) Tj ET", "/Type /XObject /Subtype /Form /BBox [0 0 100 30] /Resources << /Font << /F1 3 0 R >> >>"));
  add("<< /Type /Annot /Subtype /Square /Rect [400 60 500 90] /F 4 /AP << /N 8 0 R >> >>");
  // 宋体 not embedded, as many published disclosures have it: the reader needs pdf.js's predefined CMaps.
  add("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [11 0 R] >>");
  add("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 12 0 R /DW 1000 >>");
  add("<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>");
  add("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Unheard-Of-H /DescendantFonts [11 0 R] >>");
  for (const content of pages) {
    const id = objects.length + 1;
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${id + 1} 0 R /Annots [9 0 R] /Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 6 0 R /F4 10 0 R /F5 13 0 R >> /XObject << /Fm1 5 0 R >> /ExtGState << /GS1 << /Font [3 0 R 14] >> >> >> >>`);
    add(stream(content));
  }
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

function stream(content: string, dict = ""): string {
  return `<< ${dict} /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`;
}
