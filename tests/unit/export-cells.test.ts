import { describe, expect, it } from "vitest";
import { formatFen } from "../../src/common/money";
import { MoneyUnit } from "../../src/common/money-unit";
import { BOM, cellText, csvField } from "../../src/modules/export/csv";
import { UNIT_PLACES, moneyCell, sameDecimal } from "../../src/modules/export/xlsx";

/** A deterministic spread of amounts in 分, from 1 分 to just under 10^9 万元, with every digit pattern. */
function amounts(): bigint[] {
  const out: bigint[] = [0n, 1n, 5n, 10n, 99n, 100n, 123_456_789n, 999_999_999_999_999n, -1n, -450_000_000n];
  let x = 0x2545f4914f6cdd1dn;
  for (let i = 0; i < 20_000; i++) {
    x ^= x << 13n;
    x ^= x >> 7n;
    x ^= x << 17n;
    x &= (1n << 64n) - 1n;
    const digits = BigInt(1 + (i % 15));
    out.push(x % 10n ** digits);
  }
  return out;
}

describe("export cells", () => {
  it("writes every amount below 10^9 万元 as a number that prints back, at the unit's places, to the exact decimal", () => {
    for (const unit of [MoneyUnit.WAN_YUAN, MoneyUnit.YUAN]) {
      for (const fen of amounts()) {
        const cell = moneyCell(fen, unit);
        expect(typeof cell, `${fen} ${unit}`).toBe("number");
        expect(sameDecimal(cell as number, formatFen(fen, unit), UNIT_PLACES[unit])).toBe(true);
        expect(cell).toBe(Number(formatFen(fen, unit)));
      }
    }
  });

  it("keeps an amount a double cannot hold exactly as text rather than round it", () => {
    const fen = 123_456_789_012_345_678n; // 18 significant digits
    const cell = moneyCell(fen, MoneyUnit.WAN_YUAN);
    expect(cell).toBe("123456789012.345678");
    expect(cellText(fen, "money", MoneyUnit.WAN_YUAN)).toBe("123456789012.345678");
  });

  it("quotes CSV fields as RFC 4180 says, and starts files with the byte order mark", () => {
    expect(csvField("plain 文本")).toBe("plain 文本");
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\r\nlines")).toBe('"two\r\nlines"');
    expect(BOM).toBe("\uFEFF");
    expect(cellText(8_562_600_000n, "money", MoneyUnit.WAN_YUAN)).toBe("8562.6");
    expect(cellText(null, "money", MoneyUnit.YUAN)).toBe("");
  });
});
