import { Token } from '../types';
import { classOf, codePointAt, HAS_INVISIBLE, INVISIBLE_G, isHyphen, isInvisible, isSpace, LN, wordEnd } from './chars';

/**
 * Tokenizer with exact offsets (a token's text is the source's slice, less any invisible format character in it).
 * Words are runs of letters/digits (WORD_RE in words.ts); a hyphenated compound («IKT-løsninger») is one token whose
 * `parts` are the pieces. «RHF 'ene» style genitives stay separate. Everything else that is not white space is a
 * punctuation token (one per UTF-16 code unit).
 *
 * One forward scan over [start, end) with character tables (chars.ts), no regular expression per character: the
 * time is linear in `end - start`, whatever the text.
 */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  end = Math.min(end, text.length);
  start = Math.max(0, start);
  let i = start;
  // Lower-cased once for the whole range (one call instead of one per word: on a two-byte string each call goes
  // through ICU). Valid for slicing when lower-casing kept every offset — no «İ» (which grows), no «Σ» (whose lower
  // case depends on what follows it) — else each word is lower-cased on its own.
  const range = text.slice(start, end);
  let lowered: string | undefined = range.toLowerCase();
  if (lowered.length !== range.length || range.includes('Σ')) lowered = undefined;
  // (invisible format characters are no part of a word's text: «helse\u00adtjenesten» is «helsetjenesten»; looked for
  // once in the range, most texts have none)
  const invisible = HAS_INVISIBLE.test(range);
  const clean = (w: string) => (invisible ? w.replace(INVISIBLE_G, '') : w);
  while (i < end) {
    const c = text.charCodeAt(i);
    const ascii = c < 128;
    const startsWord = ascii
      ? (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)
      : (classOf(codePointAt(text, i)) & LN) !== 0;
    if (!startsWord) {
      if (!isSpace(c) && !isInvisible(c)) {
        const ch = text[i];
        tokens.push({ text: ch, lower: ch, kind: 'punct', start: i, end: i + 1, parts: undefined });
      }
      i++;
      continue;
    }
    const e = wordEnd(text, i, end);
    let w = clean(text.slice(i, e));
    let lower = lowered !== undefined ? clean(lowered.slice(i - start, e - start)) : w.toLowerCase();
    // a footnote's number run into the word before it (a PDF's superscript: «innbyggerne12», «Kommunekommisjonen8») is
    // no part of the word's text; names with digits stay whole («TB2026», «K2», «covid-19»)
    const last = w.charCodeAt(w.length - 1);
    if (last >= 48 && last <= 57 && w.length > 4 && FOOTNOTE_RUN.test(w)) {
      w = w.replace(TRAILING_DIGITS, '');
      lower = lower.replace(TRAILING_DIGITS, '');
    }
    // `parts` always present (undefined when none): every token has one object shape
    const tok: Token = { text: w, lower, kind: isDigits(text, i, e) ? 'number' : 'word', start: i, end: e, parts: undefined };
    let hyphen = -1;
    for (let k = i; k < e; k++) {
      if (isHyphen(text.charCodeAt(k))) {
        hyphen = k;
        break;
      }
    }
    if (hyphen >= 0) {
      const parts: Token[] = [];
      let ps = i;
      for (let k = i; k <= e; k++) {
        if (k < e && !isHyphen(text.charCodeAt(k))) continue;
        if (k > ps) {
          const p = clean(text.slice(ps, k));
          const pl = lowered !== undefined ? clean(lowered.slice(ps - start, k - start)) : p.toLowerCase();
          parts.push({ text: p, lower: pl, kind: isDigits(text, ps, k) ? 'number' : 'word', start: ps, end: k, parts: undefined });
        }
        ps = k + 1;
      }
      tok.parts = parts;
    }
    tokens.push(tok);
    i = e;
  }
  return tokens;
}

/** A word of letters (lower case, or capitalised) with one to three digits run on. */
const FOOTNOTE_RUN = /^\p{Lu}?\p{Ll}{3,}\d{1,3}$/u;
const TRAILING_DIGITS = /\d+$/;

/** True when [from, to) is ASCII digits only (and not empty). */
function isDigits(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
