import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { base64Length, checkBase64, decodeBase64 } from "../../src/common/base64";

describe("strict base64", () => {
  it("decodes what a standard encoder writes, of every length, and knows the size first", () => {
    for (let n = 0; n < 40; n++) {
      const bytes = randomBytes(n);
      const text = bytes.toString("base64");
      expect(text.length).toBe(base64Length(n));
      expect(checkBase64(text)).toEqual({ ok: true, size: n });
      expect(decodeBase64(text)).toEqual({ ok: true, bytes });
    }
  });

  it.each([
    ["a line break", "QUJD\nREVG", /character 5 is a line break.*base64 -w0/],
    ["a space", "QUJD REVG", /character 5 is white space/],
    ["the URL-safe alphabet", "QU-_", /character 3 is "-" \(the URL-safe alphabet\)/],
    ["a letter outside the alphabet", "QUJ€", /character 4 is "€", outside the base64 alphabet/],
    ["missing padding", "QUI", /length \(3 characters\) is not a multiple of 4/],
    ["padding in the middle", "QQ==QUJD", /"=" at character 3 is padding only at the end/],
    ["three padding characters", "Q===", /at most twice/],
    ["bits past the last byte", "QR==", /character 2 has bits set past the last byte/],
    ["bits past the last two bytes", "QUK=", /character 3 has bits set past the last byte/],
  ])("refuses %s, saying where", (_what, text, problem) => {
    const r = decodeBase64(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatch(problem);
  });
});
