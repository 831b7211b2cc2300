/**
 * Word counting, as the study and the CLI define it: a word is a run of letters and digits; a hyphenated
 * compound («IKT-løsninger», «lovpålagt-kortet») counts as one word.
 */

/** A run of letters/digits (with combining marks), optionally joined by single hyphens or apostrophes. */
export const WORD_RE = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-‐‑'’][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;

/** Counts the words of `text`, optionally only inside [start, end). */
export function countWords(text: string, start = 0, end = text.length): number {
  const re = new RegExp(WORD_RE.source, 'gu');
  re.lastIndex = start;
  let n = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m.index >= end) break;
    n++;
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
