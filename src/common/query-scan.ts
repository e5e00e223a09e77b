/**
 * Watches a JSON request body as it arrives for its top-level "query" string and says as soon
 * as that string, as sent (escapes included), is longer than `limit`: a 22 MB query is refused
 * after its first few hundred KB, without buffering or parsing the rest. Callers pass a limit
 * that no text within their real limit can reach escaped (6 bytes a character, for \uXXXX) and
 * check the parsed text exactly. Strings are skipped with indexOf, so a large file in
 * the variables costs little to pass over. Anything it cannot follow it leaves to JSON.parse.
 */
export class QueryLengthScan {
  private depth = 0;
  private inString = false;
  /** Backslashes just before the current position inside a string (a quote after an odd number is escaped). */
  private slashes = 0;
  /** At depth 1, whether the next string is a key. */
  private expectKey = false;
  private key: number[] = [];
  private lastKey = "";
  private inQuery = false;
  private queryBytes = 0;
  private done = false;

  constructor(private readonly limit: number) {}

  /** Feeds a chunk; true once the query is known to be longer than the limit. */
  push(chunk: Buffer): boolean {
    let i = 0;
    while (!this.done && i < chunk.length) {
      if (this.inString) {
        const q = chunk.indexOf(0x22, i);
        const end = q < 0 ? chunk.length : q;
        const capture = this.depth === 1 && this.expectKey;
        if (this.inQuery) this.queryBytes += end - i;
        if (capture && this.key.length < 16) for (let k = i; k < end && this.key.length < 16; k++) this.key.push(chunk[k]!);
        // Count the backslashes just before `end` (continuing a run from the last chunk if all are).
        let run = 0;
        for (let k = end - 1; k >= i && chunk[k] === 0x5c; k--) run++;
        this.slashes = run === end - i ? this.slashes + run : run;
        if (this.inQuery && this.queryBytes > this.limit) return (this.done = true);
        if (q < 0) return false;
        i = q + 1;
        if (this.slashes % 2 === 1) {
          if (this.inQuery) this.queryBytes++;
          this.slashes = 0;
          continue; // an escaped quote
        }
        this.inString = false;
        this.slashes = 0;
        if (capture) {
          this.lastKey = Buffer.from(this.key).toString("latin1");
          this.key = [];
        } else if (this.inQuery) {
          this.done = true; // the query string ended within the limit
        }
        this.inQuery = false;
        continue;
      }
      const c = chunk[i++]!;
      if (c === 0x22) {
        this.inString = true;
        this.slashes = 0;
        if (this.depth === 1 && !this.expectKey && this.lastKey === "query") this.inQuery = true;
      } else if (c === 0x7b || c === 0x5b) {
        this.depth++;
        if (this.depth === 1) this.expectKey = c === 0x7b;
        if (this.depth === 1 && c === 0x5b) this.done = true; // a batch: left to GraphQL
      } else if (c === 0x7d || c === 0x5d) this.depth--;
      else if (this.depth === 1 && c === 0x3a) this.expectKey = false;
      else if (this.depth === 1 && c === 0x2c) {
        this.expectKey = true;
        this.lastKey = "";
      }
    }
    return false;
  }
}
