/**
 * Strict base64 (RFC 4648 §4: the standard alphabet A–Z a–z 0–9 + /, padded with "=" to a
 * multiple of four characters), for files sent inside a JSON request. Anything else — line
 * breaks, spaces, the URL-safe "-" and "_", missing or misplaced padding, bits set after the
 * last byte — is refused with where it is, rather than decoded to something else.
 */
export type Base64Result = { ok: true; bytes: Buffer } | { ok: false; problem: string };

const OUTSIDE = /[^A-Za-z0-9+/=]/;
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function describe(ch: string): string {
  if (ch === "\n" || ch === "\r") return "a line break";
  if (/\s/.test(ch)) return "white space";
  if (ch === "-" || ch === "_") return `"${ch}" (the URL-safe alphabet)`;
  return JSON.stringify(ch);
}

/** Checks `text` is strict base64; returns the number of bytes it decodes to, or the problem. */
export function checkBase64(text: string): { ok: true; size: number } | { ok: false; problem: string } {
  const bad = text.search(OUTSIDE);
  if (bad >= 0) {
    const hint = /\s/.test(text[bad]!) ? " (send it on one line: base64 -w0)" : "";
    return { ok: false, problem: `character ${bad + 1} is ${describe(text[bad]!)}, outside the base64 alphabet (A–Z a–z 0–9 + /, "=" as padding)${hint}` };
  }
  const firstPad = text.indexOf("=");
  const pad = firstPad < 0 ? 0 : text.length - firstPad;
  if (firstPad >= 0 && (pad > 2 || !/^=+$/.test(text.slice(firstPad)))) return { ok: false, problem: `"=" at character ${firstPad + 1} is padding only at the end, at most twice` };
  if (text.length % 4 !== 0) return { ok: false, problem: `its length (${text.length} characters) is not a multiple of 4: the padding ("=") is missing or the text is cut short` };
  // The last character before the padding carries bits past the last byte; a canonical encoder leaves them 0.
  if (pad) {
    const last = ALPHABET.indexOf(text[text.length - pad - 1]!);
    if (last & (pad === 2 ? 0x0f : 0x03)) return { ok: false, problem: `character ${text.length - pad} has bits set past the last byte: this is not how the bytes encode` };
  }
  return { ok: true, size: (text.length / 4) * 3 - pad };
}

/** Decodes strict base64, or says what is wrong with it. */
export function decodeBase64(text: string): Base64Result {
  const checked = checkBase64(text);
  return checked.ok ? { ok: true, bytes: Buffer.from(text, "base64") } : checked;
}

/** How many characters of base64 `bytes` bytes take. */
export const base64Length = (bytes: number): number => Math.ceil(bytes / 3) * 4;
