/** Full-width digits (０-９, as Chinese documents often print them) as ASCII digits. */
export function halfWidthDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}
