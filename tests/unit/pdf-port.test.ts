import { describe, expect, it } from "vitest";
import { SameThreadPort } from "../../src/ingest/front-ends/pdf-port";

const SAVE = 10;
const TRANSFORM = 12;
const SHOW_TEXT = 44;
const PATH = 91;

function received(port: SameThreadPort): Promise<unknown> {
  return new Promise((resolve) => port.addEventListener("message", (e) => resolve(e.data)));
}

describe("the same-thread channel to pdf.js's worker", () => {
  it("hands over an operator list cut to the operators the reader uses, in order", async () => {
    const port = new SameThreadPort(new Set([SAVE, TRANSFORM, PATH]));
    const path = [1, [new Float32Array([0, 0, 10, 0])], null];
    const chunk = { fnArray: [SAVE, SHOW_TEXT, TRANSFORM, SHOW_TEXT, PATH], argsArray: [null, [["glyph"]], [1, 0, 0, 1, 5, 5], [["glyph"]], path], lastChunk: true, length: 5 };
    const got = received(port);
    port.postMessage({ stream: 3, streamId: 7, chunk });
    // The worker empties its arrays as soon as a chunk is sent.
    chunk.fnArray.length = 0;
    chunk.argsArray.length = 0;
    const data = (await got) as { streamId: number; chunk: typeof chunk };
    expect(data.streamId).toBe(7);
    expect(data.chunk.fnArray).toEqual([SAVE, TRANSFORM, PATH]);
    expect(data.chunk.argsArray).toEqual([null, [1, 0, 0, 1, 5, 5], path]);
    expect(data.chunk.length).toBe(3);
    expect(data.chunk.lastChunk).toBe(true);
  });

  it("passes a text-layer chunk's items over even after the worker starts new collections", async () => {
    const port = new SameThreadPort(new Set());
    const textContent = { items: [{ str: "人力资源局", transform: [9, 0, 0, 9, 20, 700] }], styles: { f1: { ascent: 0.8 } }, lang: null };
    const got = received(port);
    port.postMessage({ stream: 3, chunk: textContent });
    textContent.items = [];
    textContent.styles = {} as typeof textContent.styles;
    const data = (await got) as { chunk: typeof textContent };
    expect(data.chunk.items.map((i) => i.str)).toEqual(["人力资源局"]);
    expect(data.chunk.styles.f1?.ascent).toBe(0.8);
  });

  it("copies every other message, so the sender may change what it sent", async () => {
    const port = new SameThreadPort(new Set());
    const message = { action: "GetPage", data: { pageIndex: 3 } };
    const got = received(port);
    port.postMessage(message);
    message.data.pageIndex = 4;
    expect(await got).toEqual({ action: "GetPage", data: { pageIndex: 3 } });
  });

  it("delivers on a later tick, never inside the sender's call", async () => {
    const port = new SameThreadPort(new Set());
    let delivered = false;
    port.addEventListener("message", () => (delivered = true));
    port.postMessage({ action: "ready" });
    expect(delivered).toBe(false);
    await Promise.resolve();
    await Promise.resolve();
    expect(delivered).toBe(true);
  });
});
