/**
 * The channel between pdf.js's API and its worker when both run in this thread (Node has no
 * pdf.js worker). pdf.js's own loop-back channel deep-copies every message, as a real worker
 * boundary would: for a table-heavy page that is every glyph of every line of text, and every
 * operator the reader never looks at (colours, clips, marked content). That copy (and the garbage
 * it makes) was a sixth of a PDF's reading time.
 *
 * This channel copies only what a real channel must, and only where the worker would change it:
 * - an operator list is cut down to the operators the reader looks at (`keep`: the rules' and the
 *   text's), in their order. The worker empties its arrays once a chunk is sent, so the chunk's
 *   arrays are new; the kept arguments (glyphs among them) are passed as they are, as the worker
 *   never touches an operator's arguments again and the reader only reads them;
 * - a chunk of the text layer (read only for pages the operator list cannot place, see
 *   pdf-runs.ts) is passed without copying its items: once sent, the worker puts new item and
 *   style collections on the object it sent (so that object is copied, shallow) and never touches
 *   the sent items again;
 * - every other message is copied, as before.
 */
type Listener = (event: { data: unknown }) => void;

interface OperatorChunk {
  fnArray: number[];
  argsArray: unknown[];
  length: number;
}

export class SameThreadPort {
  private readonly listeners = new Set<Listener>();

  constructor(private readonly keep: ReadonlySet<number>) {}

  postMessage(message: unknown, transfer?: Transferable[]): void {
    const data = this.copy(message, transfer);
    // Delivered on a later tick, as a real channel would, so no handler runs inside its sender.
    void Promise.resolve().then(() => {
      for (const listener of this.listeners) listener.call(this, { data });
    });
  }

  addEventListener(_type: string, listener: Listener): void {
    this.listeners.add(listener);
  }

  removeEventListener(_type: string, listener: Listener): void {
    this.listeners.delete(listener);
  }

  terminate(): void {
    this.listeners.clear();
  }

  private copy(message: unknown, transfer?: Transferable[]): unknown {
    const chunk = (message as { chunk?: Partial<OperatorChunk> & { items?: unknown } } | null)?.chunk;
    if (chunk && Array.isArray(chunk.items) && typeof (chunk as { styles?: unknown }).styles === "object") {
      return { ...(message as object), chunk: { ...chunk } };
    }
    if (!chunk || !Array.isArray(chunk.fnArray) || !Array.isArray(chunk.argsArray)) {
      return structuredClone(message, transfer ? { transfer } : undefined);
    }
    const { fnArray: fns, argsArray: args } = chunk as OperatorChunk;
    const fnArray: number[] = [];
    const argsArray: unknown[] = [];
    for (let i = 0; i < fns.length; i++) {
      if (!this.keep.has(fns[i]!)) continue;
      fnArray.push(fns[i]!);
      argsArray.push(args[i]);
    }
    return { ...(message as object), chunk: { ...chunk, fnArray, argsArray, length: fnArray.length } };
  }
}
