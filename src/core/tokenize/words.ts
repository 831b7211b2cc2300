/**
 * Word counting, as the study and the CLI define it: a word is a run of letters and digits; a hyphenated
 * compound («IKT-løsninger», «lovpålagt-kortet») counts as one word.
 */
import { classOf, codePointAt, isSpace, LN, wordEnd } from './chars';

/**
 * A run of letters/digits (with combining marks and invisible format characters: a soft hyphen, a zero-width space),
 * optionally joined by single hyphens or apostrophes. This is the definition; the tokenizer and countWords follow it
 * with a character scanner (chars.ts), and the tests check that they agree with it.
 */
export const WORD_RE = /[\p{L}\p{N}][\p{L}\p{M}\p{N}\u00ad\u200b-\u200d\u2060]*(?:[-‐‑'’][\p{L}\p{N}][\p{L}\p{M}\p{N}\u00ad\u200b-\u200d\u2060]*)*/gu;

/** Counts the words of `text` that start inside [start, end) (one forward scan). */
export function countWords(text: string, start = 0, end = text.length): number {
  end = Math.min(end, text.length);
  let n = 0;
  let i = Math.max(0, start);
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57))) {
        i++;
        continue;
      }
    } else if (isSpace(c) || (classOf(codePointAt(text, i)) & LN) === 0) {
      i++;
      continue;
    }
    n++;
    i = wordEnd(text, i, end);
  }
  return n;
}

/** Counts the words of `text` that lie outside every range of `excluded` (sorted or not). */
export function countWordsExcluding(text: string, excluded: readonly { start: number; end: number }[]): number {
  const ranges = [...excluded].sort((a, b) => a.start - b.start);
  let n = 0;
  let pos = 0;
  for (const r of ranges) {
    if (r.start > pos) n += countWords(text, pos, r.start);
    pos = Math.max(pos, r.end);
  }
  return n + countWords(text, pos, text.length);
}
