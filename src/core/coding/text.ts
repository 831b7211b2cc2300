/**
 * The text codings refer to, and its offsets.
 *
 * Codings are anchored in the document's *canonical text*: the analysed text (ExtractedDocument.text)
 * without a byte-order mark and with every CRLF or lone CR turned into LF. That is also the plain text
 * REFI-QDA wants (UTF-8, no BOM, LF only). Positions in stored codings (W3C TextPositionSelector) and in
 * REFI-QDA exports are counted in Unicode code points over the canonical text; the engine and VS Code count
 * UTF-16 code units over the raw text. `CanonicalText` converts between the three.
 */

export interface Span {
  start: number;
  end: number;
}

/** Code point ↔ UTF-16 offsets of one string (fast: only the astral characters are remembered). */
export class CodePointIndex {
  /** UTF-16 offsets of the high surrogates of astral characters, ascending. */
  private readonly astral: number[] = [];
  readonly length: number;

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.astral.push(i);
          i++;
        }
      }
    }
    this.length = text.length - this.astral.length;
  }

  /** Code point offset of a UTF-16 offset (an offset inside a pair counts as the pair's start). */
  toCodePoint(u16: number): number {
    // astral pairs that end at or before u16
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.astral[mid] + 2 <= u16) lo = mid + 1;
      else hi = mid;
    }
    const inside = lo < this.astral.length && this.astral[lo] + 1 === u16 ? 1 : 0;
    return u16 - lo - inside;
  }

  /** UTF-16 offset of a code point offset. */
  toUtf16(cp: number): number {
    // astral pairs whose code point index is < cp: astral[k] - k < cp
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.astral[mid] - mid < cp) lo = mid + 1;
      else hi = mid;
    }
    return cp + lo;
  }

  spanToCodePoints(s: Span): Span {
    return { start: this.toCodePoint(s.start), end: this.toCodePoint(s.end) };
  }

  spanToUtf16(s: Span): Span {
    return { start: this.toUtf16(s.start), end: this.toUtf16(s.end) };
  }
}

/** The canonical text of a raw (analysed or editor) text, with offset maps both ways. */
export class CanonicalText {
  readonly text: string;
  readonly index: CodePointIndex;
  /** 1 when the raw text starts with a byte-order mark. */
  private readonly bom: number;
  /** Raw UTF-16 offsets of the CRs removed from CRLF pairs (a lone CR is replaced by LF, not removed). */
  private readonly removed: number[] = [];

  constructor(readonly raw: string) {
    this.bom = raw.charCodeAt(0) === 0xfeff ? 1 : 0;
    let out = '';
    let last = this.bom;
    for (let i = this.bom; i < raw.length; i++) {
      if (raw.charCodeAt(i) !== 13) continue;
      if (raw.charCodeAt(i + 1) === 10) {
        out += raw.slice(last, i);
        this.removed.push(i);
      } else {
        out += raw.slice(last, i) + '\n';
      }
      last = i + 1;
    }
    this.text = last === 0 ? raw : out + raw.slice(last);
    this.index = new CodePointIndex(this.text);
  }

  /** True when the raw text already is canonical (offsets are the same). */
  get identical(): boolean {
    return this.text === this.raw;
  }

  /** Canonical UTF-16 offset of a raw UTF-16 offset (an offset between CR and LF counts as before the CR). */
  fromRaw(u16: number): number {
    let lo = 0;
    let hi = this.removed.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.removed[mid] < u16) lo = mid + 1;
      else hi = mid;
    }
    return Math.max(0, u16 - this.bom - lo);
  }

  /** Raw UTF-16 offset of a canonical UTF-16 offset (a canonical LF maps to the CR of its CRLF). */
  toRaw(u16: number): number {
    // the k-th removed CR stands at canonical offset removed[k] - bom - k
    let lo = 0;
    let hi = this.removed.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.removed[mid] - this.bom - mid < u16) lo = mid + 1;
      else hi = mid;
    }
    return u16 + this.bom + lo;
  }

  /** Raw UTF-16 span → canonical code point span. */
  rawToPosition(s: Span): Span {
    return this.index.spanToCodePoints({ start: this.fromRaw(s.start), end: this.fromRaw(s.end) });
  }

  /** Canonical code point span → raw UTF-16 span. */
  positionToRaw(s: Span): Span {
    const u = this.index.spanToUtf16(s);
    return { start: this.toRaw(u.start), end: this.toRaw(u.end) };
  }
}

/** The canonical form of a text (no BOM, LF only). */
export function canonicalText(raw: string): string {
  return new CanonicalText(raw).text;
}

/** `text` sliced by code points [start, end). */
export function sliceCodePoints(text: string, start: number, end: number): string {
  const idx = new CodePointIndex(text);
  return text.slice(idx.toUtf16(start), idx.toUtf16(end));
}
