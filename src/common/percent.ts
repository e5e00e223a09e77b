/** part / whole × 100, rounded half away from zero to `places` decimals, exactly; null when whole is 0. */
export function percent(part: bigint, whole: bigint, places = 2): string | null {
  if (whole === 0n) return null;
  const scale = 10n ** BigInt(places);
  const num = part * 100n * scale;
  const neg = num < 0n !== whole < 0n;
  const a = num < 0n ? -num : num;
  const w = whole < 0n ? -whole : whole;
  const q = (2n * a + w) / (2n * w);
  const body = places ? `${q / scale}.${(q % scale).toString().padStart(places, "0")}` : `${q}`;
  return `${neg && q !== 0n ? "-" : ""}${body}`;
}
