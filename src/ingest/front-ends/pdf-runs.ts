/**
 * A page's text runs read from its operator list, the one parse of the page pdf.js makes for the
 * ruling lines anyway. pdf.js's text layer (`getTextContent`) parses the page a second time to
 * place the same glyphs; that second parse was a third of a PDF's reading time.
 *
 * The runs follow the text layer's rules, so a page reads the same either way (a test holds the
 * two side by side on every fixture PDF and on a page made to exercise each rule):
 * - a glyph continues the run when it starts where the last glyph ended, give or take; a gap of
 *   0.102–0.6 em inside a run is a space, a wider gap or a step back of 0.2 em starts a new run,
 *   and so does a change of line (a vertical step beyond the run's height) or of font or size;
 * - whitespace glyphs advance without being written; one space is kept between two words;
 * - glyphs outside the page's box are dropped.
 * What the text layer does that is not redone here — vertical writing, Type 3 fonts, rotated
 * text, form XObjects, fonts set by a graphics state, right-to-left scripts — makes `textRuns`
 * answer null, and the caller reads that page's text layer instead.
 */
import { type Matrix, compose } from "./pdf-geometry";

/** The font facts a run needs, as pdf.js hands them to the API side. */
export interface RunFont {
  name: string;
  /** Absent for the usual 1/1000 em. */
  fontMatrix?: ArrayLike<number> | null;
  vertical: boolean;
  isType3Font: boolean;
}

/** A glyph as the operator list carries it. */
interface Glyph {
  unicode: string;
  width: number;
  originalCharCode: number;
}

/** One run of text, as pdf.js's text layer would give it. */
export interface TextRun {
  str: string;
  /** Text space to page space at the run's first glyph, font size included. */
  transform: number[];
  width: number;
  /** Only in the text layer's own items: the extent of vertical text. */
  height?: number;
  /** The font's id in the page's objects. */
  fontName: string;
}

/** The operators `textRuns` reads, besides the rule reader's save/restore/transform. */
export const TEXT_OPERATORS = [
  "beginText", "setFont", "setTextMatrix", "moveText", "setLeadingMoveText", "nextLine", "setLeading", "setCharSpacing",
  "setWordSpacing", "setHScale", "setTextRise", "showText", "showSpacedText", "nextLineShowText", "nextLineSetSpacingShowText",
  "paintFormXObjectBegin", "beginAnnotation", "endAnnotation", "setGState",
] as const;

const TRACKING_SPACE = 0.102;
const NOT_A_SPACE = 0.03;
const NEGATIVE_SPACE = -0.2;
const SPACE_IN_FLOW_MAX = 0.6;
const VERTICAL_SHIFT = 0.25;
/** Whitespace first, a combining mark anywhere, a format mark last: the text layer's three kinds of glyph it treats apart. */
const SPECIAL = /^(\s)|(\p{Mn})|(\p{Cf})$/u;
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

const kinds = new Map<string, RegExpExecArray | null>();

/** A glyph's kind by its text, remembered: a page has few distinct characters and many glyphs. */
function kindOf(unicode: string): RegExpExecArray | null {
  let kind = kinds.get(unicode);
  if (kind === undefined) {
    kind = SPECIAL.exec(unicode);
    if (kinds.size < 65_536) kinds.set(unicode, kind);
  }
  return kind;
}

/** Thrown inside the walk when the page needs what only the text layer does. */
class NotModelled extends Error {}

interface State {
  ctm: Matrix;
  font: RunFont | null;
  loadedName: string;
  fontSize: number;
  charSpacing: number;
  wordSpacing: number;
  leading: number;
  hScale: number;
  rise: number;
  tm: Matrix;
  tlm: Matrix;
}

function translate(m: Matrix, x: number, y: number): void {
  m[4] = m[0] * x + m[2] * y + m[4];
  m[5] = m[1] * x + m[3] * y + m[5];
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/**
 * The text runs of one page, or null when the page uses what only pdf.js's text layer handles.
 * `ops` maps operator names to pdf.js's numbers; `fontOf` gives a loaded font by its id (null if
 * it did not load); `view` is the page's box [x1, y1, x2, y2].
 */
export function textRuns(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  ops: Record<string, number>,
  fontOf: (id: string) => RunFont | null,
  view: ArrayLike<number>,
): TextRun[] | null {
  try {
    return new RunReader(ops, fontOf, view).read(fnArray, argsArray);
  } catch (e) {
    if (e instanceof NotModelled) return null;
    throw e;
  }
}

/** The run being built. Its metrics outlive it, as the text layer's do: a gap just after a run is measured by that run. */
interface OpenRun {
  open: boolean;
  parts: string[];
  transform: Matrix;
  fontName: string;
  width: number;
  totalWidth: number;
  height: number;
  advanceScale: number;
  trackingSpaceMin: number;
  notASpace: number;
  negativeSpaceMax: number;
  spaceInFlowMin: number;
  spaceInFlowMax: number;
}

class RunReader {
  private state: State = {
    ctm: [...IDENTITY], font: null, loadedName: "", fontSize: 0, charSpacing: 0, wordSpacing: 0, leading: 0, hScale: 1, rise: 0, tm: [...IDENTITY], tlm: [...IDENTITY],
  };
  private readonly stack: State[] = [];
  private readonly runs: TextRun[] = [];
  private readonly run: OpenRun = {
    open: false, parts: [], transform: [...IDENTITY], fontName: "", width: 0, totalWidth: 0, height: 0, advanceScale: 1,
    trackingSpaceMin: Infinity, notASpace: -Infinity, negativeSpaceMax: -Infinity, spaceInFlowMin: 0, spaceInFlowMax: 0,
  };
  /** Where the last written glyph ended, and the text rise it had (hasLast: whether one has been written). */
  private hasLast = false;
  private lastX = 0;
  private lastY = 0;
  private lastRise = 0;
  /** Set by `origin()`: where the next glyph goes on the page. */
  private x = 0;
  private y = 0;
  /** The last two characters seen, for the one-space-between-words rule. */
  private lastChars: [string, string] = [" ", " "];
  private lastCharsPos = 0;
  /** Font and size the current run was begun under. */
  private runFont: { size: number; name: string | null } = { size: 0, name: null };
  private inAnnotation = 0;

  constructor(
    private readonly ops: Record<string, number>,
    private readonly fontOf: (id: string) => RunFont | null,
    private readonly view: ArrayLike<number>,
  ) {}

  read(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>): TextRun[] {
    const o = this.ops;
    for (let i = 0; i < fnArray.length; i++) {
      const fn = fnArray[i];
      const args = argsArray[i] as unknown[];
      const s = this.state;
      if (fn === o.save) this.stack.push({ ...s, tm: [...s.tm], tlm: [...s.tlm] });
      else if (fn === o.restore) this.state = this.stack.pop() ?? s;
      else if (fn === o.transform) s.ctm = compose(s.ctm, args as unknown as Matrix);
      else if (fn === o.beginAnnotation) this.inAnnotation++;
      else if (fn === o.endAnnotation) this.inAnnotation = Math.max(0, this.inAnnotation - 1);
      else if (this.inAnnotation > 0) continue;
      else if (fn === o.beginText) {
        s.tm = [...IDENTITY];
        s.tlm = [...IDENTITY];
      } else if (fn === o.setFont) this.setFont(String(args[0]), Number(args[1]));
      else if (fn === o.setTextMatrix) {
        const m = args[0] as ArrayLike<number>;
        s.tm = [m[0]!, m[1]!, m[2]!, m[3]!, m[4]!, m[5]!];
        s.tlm = [...s.tm];
        this.updateAdvanceScale();
      } else if (fn === o.moveText) this.moveLine(Number(args[0]), Number(args[1]));
      else if (fn === o.setLeadingMoveText) {
        s.leading = -Number(args[1]);
        this.moveLine(Number(args[0]), Number(args[1]));
      } else if (fn === o.nextLine) this.moveLine(0, -s.leading);
      else if (fn === o.setLeading) s.leading = Number(args[0]);
      else if (fn === o.setCharSpacing) s.charSpacing = Number(args[0]);
      else if (fn === o.setWordSpacing) s.wordSpacing = Number(args[0]);
      else if (fn === o.setHScale) s.hScale = Number(args[0]) / 100;
      else if (fn === o.setTextRise) s.rise = Number(args[0]);
      else if (fn === o.showText) this.show(args[0] as (Glyph | number)[]);
      // pdf.js turns these into showText in an operator list; met otherwise, they are not ours to guess at.
      else if (fn === o.showSpacedText || fn === o.nextLineShowText || fn === o.nextLineSetSpacingShowText) throw new NotModelled();
      else if (fn === o.paintFormXObjectBegin) throw new NotModelled();
      // A graphics state may set the font (its /Font entry); pdf.js passes that on as part of the state, not as a setFont.
      else if (fn === o.setGState && (args[0] as [string, unknown][]).some(([key]) => key === "Font")) throw new NotModelled();
    }
    this.flush();
    return this.runs;
  }

  private setFont(id: string, size: number): void {
    const font = this.fontOf(id);
    // A font pdf.js could not load (null) is left to the text layer, which has its own fallbacks.
    if (!font || font.vertical || font.isType3Font) throw new NotModelled();
    this.state.font = font;
    this.state.loadedName = id;
    this.state.fontSize = size;
  }

  private moveLine(x: number, y: number): void {
    const { tm, tlm } = this.state;
    translate(tlm, x, y);
    for (let i = 0; i < 6; i++) tm[i] = tlm[i]!;
  }

  /** Text space to page space where the next glyph goes: the page's matrix, the text matrix, then size, scale and rise. */
  private textTransform(): Matrix {
    const s = this.state;
    return compose(s.ctm, compose(s.tm, [s.fontSize * s.hScale, 0, 0, s.fontSize, 0, s.rise]));
  }

  /**
   * Where the next glyph goes on the page (into x, y): `textTransform()`'s origin, worked out
   * without making its matrices, with the same arithmetic so as to be equal to the last bit.
   */
  private origin(): void {
    const { ctm, tm, rise } = this.state;
    const tx = tm[0] * 0 + tm[2] * rise + tm[4];
    const ty = tm[1] * 0 + tm[3] * rise + tm[5];
    this.x = ctm[0] * tx + ctm[2] * ty + ctm[4];
    this.y = ctm[1] * tx + ctm[3] * ty + ctm[5];
  }

  /**
   * The vertical scale of `textTransform()` when its text runs left to right unturned, else null
   * (the text layer measures turned or mirrored text in its own direction; not redone here).
   */
  private upright(): number | null {
    const { ctm, tm, fontSize, hScale } = this.state;
    const a = fontSize * hScale;
    const i0 = tm[0] * a + tm[2] * 0;
    const i1 = tm[1] * a + tm[3] * 0;
    const i2 = tm[0] * 0 + tm[2] * fontSize;
    const i3 = tm[1] * 0 + tm[3] * fontSize;
    const t0 = ctm[0] * i0 + ctm[2] * i1;
    const t1 = ctm[1] * i0 + ctm[3] * i1;
    const t2 = ctm[0] * i2 + ctm[2] * i3;
    return t0 > 0 && t1 === 0 && t2 === 0 ? ctm[1] * i2 + ctm[3] * i3 : null;
  }

  private advanceScale(): number {
    const s = this.state;
    return Math.hypot(s.tlm[0], s.tlm[1]) * Math.hypot(s.ctm[0], s.ctm[1]);
  }

  private updateAdvanceScale(): void {
    const r = this.run;
    if (!r.open) return;
    const scale = this.advanceScale();
    if (scale === r.advanceScale) return;
    r.totalWidth += r.width * r.advanceScale;
    r.width = 0;
    r.advanceScale = scale;
  }

  private show(items: (Glyph | number)[]): void {
    const s = this.state;
    const font = s.font;
    if (!font) return;
    if (s.fontSize !== this.runFont.size || font.name !== this.runFont.name) {
      this.flush();
      this.runFont = { size: s.fontSize, name: font.name };
    }
    const scale = (font.fontMatrix ? Number(font.fontMatrix[0]) : 0.001) * s.fontSize;
    /** What came before in this string: a number after a written glyph adds to its spacing; after nothing (or a number), to the character spacing too; after a dropped glyph, nothing. */
    let before: "start" | "glyph" | "dropped" | "number" = "start";
    for (const item of items) {
      if (typeof item === "number") {
        if (item === 0) continue;
        const extra = (-item * s.fontSize) / 1000;
        if (before === "glyph") translate(s.tm, extra * s.hScale, 0);
        else if (before !== "dropped") translate(s.tm, (s.charSpacing + extra) * s.hScale, 0);
        before = "number";
        continue;
      }
      before = this.glyph(item, scale) ? "glyph" : "dropped";
    }
  }

  /** Places one glyph; false when it was dropped without its spacing (a format mark, or off the page). */
  private glyph(g: Glyph, scale: number): boolean {
    const s = this.state;
    const kind = kindOf(g.unicode);
    if (kind?.[3]) return false;
    let spacing = s.charSpacing;
    let width = g.width * scale;
    if (g.originalCharCode === 0x20) spacing += s.wordSpacing;
    if (kind?.[1]) {
      translate(s.tm, (spacing + width) * s.hScale, 0);
      this.saveLastChar(" ");
      return true;
    }
    const diacritic = !!kind?.[2];
    if (!diacritic && !this.follows(width)) {
      translate(s.tm, width * s.hScale, 0);
      return false;
    }
    const r = this.openRun();
    if (diacritic) width = 0;
    width *= s.hScale;
    translate(s.tm, width, 0);
    r.width += width;
    if (width) {
      this.origin();
      this.hasLast = true;
      this.lastX = this.x;
      this.lastY = this.y;
      this.lastRise = s.rise;
    }
    if (this.saveLastChar(g.unicode)) r.parts.push(" ");
    r.parts.push(g.unicode);
    if (spacing) translate(s.tm, spacing * s.hScale, 0);
    return true;
  }

  /**
   * Whether the glyph about to be placed (of this width) is on the page, and what its distance
   * from the last glyph makes of the run: continued, a space added, or a new run.
   */
  private follows(glyphWidth: number): boolean {
    this.origin();
    const { x, y } = this;
    const v = this.view;
    if (x + glyphWidth < v[0]! || x > v[2]! || y < v[1]! || y > v[3]!) return false;
    if (!this.hasLast) return true;
    if (this.lastX === x && this.lastY === y) return true;
    const scaleY = this.upright();
    if (scaleY === null) throw new NotModelled();
    const r = this.run;
    const advanceX = (x - this.lastX) / r.advanceScale;
    const advanceY = y - this.lastY;
    const orientation = Math.sign(r.width || r.totalWidth);
    if (advanceX < orientation * r.negativeSpaceMax) {
      if (Math.abs(advanceY) > 0.5 * r.height) return this.endLine();
      this.resetLastChars();
      this.flush();
      return true;
    }
    const riseDelta = this.state.rise - this.lastRise;
    const advanceYOnLine = riseDelta === 0 ? advanceY : advanceY - (scaleY / this.state.fontSize) * riseDelta;
    if (Math.abs(advanceYOnLine) > r.height) return this.endLine();
    if (advanceX <= orientation * r.notASpace) this.resetLastChars();
    if (advanceX <= orientation * r.trackingSpaceMin) {
      if (this.betweenWords()) {
        this.resetLastChars();
        this.flush();
      } else r.width += advanceX;
    } else if (orientation * r.spaceInFlowMin <= advanceX && advanceX <= orientation * r.spaceInFlowMax) {
      if (r.open) {
        this.resetLastChars();
        r.parts.push(" ");
      }
      if (r.parts.length === 0) this.resetLastChars();
      else r.width += advanceX;
    } else {
      this.flush();
      this.resetLastChars();
    }
    if (Math.abs(advanceY) > r.height * VERTICAL_SHIFT) this.flush();
    return true;
  }

  private endLine(): true {
    this.resetLastChars();
    this.flush();
    return true;
  }

  private openRun(): OpenRun {
    const r = this.run;
    if (r.open) return r;
    const s = this.state;
    r.fontName = s.loadedName;
    r.transform = this.textTransform();
    r.width = r.totalWidth = 0;
    r.height = Math.hypot(r.transform[2], r.transform[3]);
    r.advanceScale = this.advanceScale();
    r.trackingSpaceMin = s.fontSize * TRACKING_SPACE;
    r.notASpace = s.fontSize * NOT_A_SPACE;
    r.negativeSpaceMax = s.fontSize * NEGATIVE_SPACE;
    r.spaceInFlowMin = s.fontSize * TRACKING_SPACE;
    r.spaceInFlowMax = s.fontSize * SPACE_IN_FLOW_MAX;
    r.open = true;
    return r;
  }

  private flush(): void {
    const r = this.run;
    if (!r.open) return;
    r.totalWidth += r.width * r.advanceScale;
    const str = normalize(r.parts.join(""));
    if (RIGHT_TO_LEFT.test(str)) throw new NotModelled();
    this.runs.push({ str, transform: r.transform, width: Math.abs(r.totalWidth), fontName: r.fontName });
    r.open = false;
    r.parts = [];
  }

  /** Records a character; true when a space belongs before it (a word, then whitespace, then this). */
  private saveLastChar(ch: string): boolean {
    const next = (this.lastCharsPos + 1) % 2;
    const spaceBefore = this.lastChars[this.lastCharsPos] !== " " && this.lastChars[next] === " ";
    this.lastChars[this.lastCharsPos] = ch;
    this.lastCharsPos = next;
    return spaceBefore;
  }

  private betweenWords(): boolean {
    return this.lastChars[this.lastCharsPos] !== " " && this.lastChars[(this.lastCharsPos + 1) % 2] === " ";
  }

  private resetLastChars(): void {
    this.lastChars = [" ", " "];
    this.lastCharsPos = 0;
  }
}

let normalizer: ((s: string) => string) | undefined;

/** pdf.js's own compatibility normalisation of text-layer strings (ligatures, odd spaces), set once it is loaded. */
export function useNormalizer(fn: (s: string) => string): void {
  normalizer = fn;
}

function normalize(s: string): string {
  return normalizer ? normalizer(s) : s;
}
