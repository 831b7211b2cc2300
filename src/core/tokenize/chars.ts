/**
 * Character classes of the word definition (WORD_RE in words.ts), looked up without a regular expression on the
 * hot path: ASCII and Latin-1 from a fixed table, other BMP characters computed once with the Unicode property
 * escapes and remembered, astral code points tested directly. `\s` is the class of JavaScript's `/\s/`.
 */

/** Bit: \p{L} or \p{N} (may start a word). */
export const LN = 1;
/** Bit: \p{M} (may continue a word). */
export const M = 2;
/** Bit: \p{L} (a letter). */
export const L = 4;
const KNOWN = 128;

const table = new Uint8Array(65536);
const LN_RE = /[\p{L}\p{N}]/u;
const M_RE = /\p{M}/u;
const L_RE = /\p{L}/u;

/**
 * Invisible format characters that may stand inside a word: the soft hyphen (U+00AD, a hyphenation point from a word
 * processor or a PDF), zero-width space, non-joiner and joiner (U+200B–U+200D) and the word joiner (U+2060). They
 * continue a word, as a combining mark does, and are no part of the word's text.
 */
export function isInvisible(c: number): boolean {
  return c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060;
}
/** The invisible format characters (isInvisible) as a character class. */
const INVISIBLE_CLASS = '[\\u00ad\\u200b-\\u200d\\u2060]';
/** The invisible format characters, for removing them from a word's text. */
export const INVISIBLE_G = new RegExp(INVISIBLE_CLASS, 'g');
/** Does the text hold an invisible format character? */
export const HAS_INVISIBLE = new RegExp(INVISIBLE_CLASS);
/** White space other than single spaces, or an invisible format character. */
const ODD_SPACING = new RegExp('\\s\\s|[^\\S ]|' + INVISIBLE_CLASS);

/**
 * Words as a reader sees them: runs of white space one space, invisible format characters left out (a match's words
 * or a name across a line break, from a word processor or a web page). The same string when there is nothing to do.
 */
export function plainSpacing(s: string): string {
  return ODD_SPACING.test(s) ? s.replace(INVISIBLE_G, '').replace(/\s+/g, ' ') : s;
}

/** The bits of a code point, from the Unicode property escapes (an invisible format character continues a word: M). */
export function compute(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return (LN_RE.test(ch) ? LN : 0) | (M_RE.test(ch) || isInvisible(cp) ? M : 0) | (L_RE.test(ch) ? L : 0);
}

// ASCII and Latin-1 (the bulk of Norwegian text) written out — the Unicode regular expressions are compiled only
// when a character beyond them is first seen. [first, last, bits]; the test checks these against the expressions.
export const LATIN1: readonly (readonly [number, number, number])[] = [
  [48, 57, LN], [65, 90, LN | L], [97, 122, LN | L], [170, 170, LN | L], [178, 179, LN], [181, 181, LN | L],
  [173, 173, M], [185, 185, LN], [186, 186, LN | L], [188, 190, LN], [192, 214, LN | L], [216, 246, LN | L], [248, 255, LN | L],
];
for (let c = 0; c < 256; c++) table[c] = KNOWN;
for (const [a, b, bits] of LATIN1) for (let c = a; c <= b; c++) table[c] = bits | KNOWN;
// One character beyond Latin-1 through classOf when the module loads, so that classOf's call of compute has been
// seen before classOf is optimised (a first call later deoptimises the tokenizer).
classOf(0x2013);

/** The LN/M/L bits of a code point. */
export function classOf(cp: number): number {
  if (cp < 65536) {
    let f = table[cp];
    if (f === 0) table[cp] = f = compute(cp) | KNOWN;
    return f & ~KNOWN;
  }
  return compute(cp);
}

/** True for the characters of JavaScript's `/\s/`. */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The code point at i and its length in code units (a lone surrogate is its own code point). */
export function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return c;
}

/** Word joiners inside a word: hyphen-minus, U+2010, U+2011, apostrophe, U+2019. */
export function isJoiner(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011 || c === 39 || c === 0x2019;
}

/** Hyphens that split a compound into parts: hyphen-minus, U+2010, U+2011. */
export function isHyphen(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011;
}

/**
 * End of the word that starts at `i` (which must start one: classOf(code point) has LN), following WORD_RE:
 * `[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-‐‑'’][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*`. The scan stops at `end`; a word that
 * goes on after `end` is cut there exactly as the regular expression's match would be (`match.slice(0, end - i)`),
 * including a joiner at `end - 1` that the word continues after.
 */
export function wordEnd(text: string, i: number, end: number): number {
  const n = text.length;
  let p = i;
  // first code point (LN)
  p += codePointAt(text, p) > 0xffff ? 2 : 1;
  for (;;) {
    // [\p{L}\p{M}\p{N}]*
    while (p < end) {
      const c = text.charCodeAt(p);
      if (c < 128) {
        if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) {
          p++;
          continue;
        }
        break;
      }
      const cp = codePointAt(text, p);
      if (classOf(cp) === 0) break;
      p += cp > 0xffff ? 2 : 1;
    }
    if (p >= end) return Math.min(p, end);
    // (?:[-‐‑'’][\p{L}\p{N}] …)
    if (!isJoiner(text.charCodeAt(p)) || p + 1 >= n) return p;
    if ((classOf(codePointAt(text, p + 1)) & LN) === 0) return p;
    if (p + 1 >= end) return end; // the word goes on after `end`: cut after the joiner
    p += 1;
    p += codePointAt(text, p) > 0xffff ? 2 : 1;
  }
}
