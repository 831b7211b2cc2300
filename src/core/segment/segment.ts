import { Block, Range, Section } from '../types';
import { ABBREVIATIONS, MONTHS } from './abbreviations';
import { classOf, isSpace, LN } from '../tokenize/chars';
import { ownCopy } from '../util/strings';

/**
 * Segmentation: text → blocks (headings, paragraphs, list items) → sentences.
 * Works on the raw text (LF or CRLF); every range is an offset into it.
 */

const LIST_MARKER = /^[ \t]*(?:[-–•*▪◦·●‣⁃]|\(?\d{1,2}[.)]|\(?[a-zæøå][.)]|\(?[ivx]{1,4}\))[ \t]+/u;
const MD_HEADING = /^[ \t]{0,3}(#{1,6})[ \t]+/;
const NUMBERED_HEADING = /^[ \t]*(\d{1,2}(?:\.\d{1,2}){0,3})\.?[ \t]+\p{Lu}/u;

interface Line extends Range {
  text: string;
  /** Where the line after it starts (past its line break). */
  next: number;
}

/** The line that starts at `pos` (< end): its range without the line break (and a CR before it), and its text. */
function lineAt(text: string, pos: number, end: number): Line {
  let nl = text.indexOf('\n', pos);
  if (nl < 0 || nl > end) nl = end;
  let lineEnd = nl;
  if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
  return { start: pos, end: lineEnd, text: text.slice(pos, lineEnd), next: nl + 1 };
}

/** White space as String.prototype.trim removes it (ECMAScript WhiteSpace and LineTerminator). */
function isTrimmed(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * The start of the first line at or after `pos` that is not blank (`line.trim() === ''`), or `end`. Reads the
 * characters in place: a text of blank lines makes no line objects.
 */
function skipBlankLines(text: string, pos: number, end: number): number {
  let lineStart = pos;
  for (let k = pos; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 10) lineStart = k + 1;
    else if (!isTrimmed(c)) return lineStart;
  }
  return end;
}

function trimRange(text: string, r: Range): Range {
  let { start, end } = r;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/** A trimmed line shaped like a title: 1–120 characters, at most 14 words, opening with a capital, a digit or a quote. */
function titleShaped(t: string): boolean {
  return t.length > 0 && t.length <= 120 && t.split(/\s+/).length <= 14 && /^[\p{Lu}\d«"]/u.test(t);
}

/** The level of a numbered heading («2.1 Innledning»: 2), undefined for a line without a number. */
function numberedLevel(t: string): number | undefined {
  const num = NUMBERED_HEADING.exec(t);
  return num ? num[1].split('.').length : undefined;
}

function looksLikeHeading(line: string, isWholeBlock: boolean, format: string): { level: number } | undefined {
  const md = MD_HEADING.exec(line);
  if (md && (format === 'md' || format === 'txt')) return { level: md[1].length };
  if (!isWholeBlock) return undefined;
  const t = line.trim();
  if (!titleShaped(t)) return undefined;
  if (/[.:;,!?]$/.test(t) && !/^\d+(\.\d+)*\.?$/.test(t)) return undefined;
  const level = numberedLevel(t);
  if (level !== undefined) return { level };
  if (format === 'md') return undefined; // Markdown marks its headings
  return { level: t === t.toUpperCase() && /\p{L}/u.test(t) ? 1 : 3 };
}

/**
 * Whether a line ends a sentence: «.», «!», «?» or «:», then any closers and blanks. Read backwards from the line's end
 * (a regular expression anchored at the end would be tried from every position of a long line, on every edit).
 */
function endsSentence(line: string): boolean {
  let k = line.length - 1;
  while (k >= 0 && (line[k] === ' ' || line[k] === '\t')) k--;
  while (k >= 0 && CLOSERS.has(line[k])) k--;
  const c = line[k];
  return c === '.' || c === '!' || c === '?' || c === ':';
}
/** A line that runs on: it ends in punctuation inside a sentence, a hyphen or a dash. */
const RUNS_ON = /[.:;,!?\-–—]["»”’')\]]*[ \t]*$/;
/** The line after a heading begins a sentence: a capitalised word («De», «I 2026»; not an acronym, which may be a wrapped line's next word: «… behov for dedikerte / DHO-kontakter …»), a number, a quote or a bullet. */
const NEXT_STARTS_SENTENCE = /^[ \t]*(\p{Lu}[\p{Ll}\s]|[\d«"“•])/u;
/** The number a line begins with («1.», «2.3», «8»). */
const LEADING_NUMBER = /^[ \t]*(\d{1,3}(?:\.\d{1,2})*\.?)(?=[ \t)])/;
/** Words a heading does not end with: the line runs on into the next («… samarbeid med / Helsedirektoratet …»). */
const RUN_ON_WORDS = new Set(['og', 'eller', 'samt', 'men', 'i', 'på', 'til', 'for', 'med', 'av', 'om', 'at', 'som', 'fra', 'frå', 'ved', 'mot', 'etter', 'under', 'over', 'mellom', 'innen', 'innan', 'en', 'et', 'ei', 'ein', 'eit', 'den', 'det', 'de', 'dei', 'å', 'der', 'hvor', 'kor', 'sin', 'sitt', 'sine', 'enn', 'slik', 'så', 'også', 'ikke', 'ikkje', 'er', 'har', 'vil', 'skal', 'må', 'kan', 'bør', 'både']);

/**
 * A heading inside a group of lines (text from a PDF or a letter, where a heading is not set apart by a blank line:
 * «Legevakten må være en sentral del av allmennlegetjenesten i kommunene» / «De kommunale allmennlegetjenestene …»).
 * The caller knows that the line before ended a sentence. The line is short (at most 14 words, clearly shorter than
 * the group's widest line, so not a wrapped line of a paragraph), begins with a capital or a number, does not run on
 * (no closing punctuation, no hyphen, no preposition or conjunction at its end), and the next line begins a sentence.
 * A line repeated on three or more lines of the text (a letterhead, a running header) stands apart but is no heading.
 * A bullet is a list item, not a heading.
 */
function headingInside(line: string, next: string | undefined, widest: number): { level: number } | undefined {
  if (next === undefined) return undefined;
  const t = line.trim();
  if (!titleShaped(t) || t.length > 0.9 * widest) return undefined;
  if (RUNS_ON.test(t) || !NEXT_STARTS_SENTENCE.test(next)) return undefined;
  if (LIST_MARKER.test(line) && !/^[ \t]*\d/.test(line)) return undefined;
  // a numbered line is a heading before running text («2. Mer samarbeid mellom kommuner» / «I kommuneproposisjonen …»)
  // or before its first subsection («1. Tjenesteutvikling» / «1.1 Integrasjon …»); before the next number of its own
  // rank it is an item of a list («1. Riktig kvalitet» / «2. Mest mulig helse …», footnotes «8 Kommunekommisjonen» / «9 …»)
  const own = LEADING_NUMBER.exec(line)?.[1];
  const after = LEADING_NUMBER.exec(next)?.[1];
  if (own !== undefined && after !== undefined && !after.startsWith(`${own.replace(/\.$/, '')}.`)) return undefined;
  if (RUN_ON_WORDS.has(t.slice(t.search(/\S+$/)).toLowerCase())) return undefined;
  return { level: numberedLevel(t) ?? 3 };
}

/**
 * Splits text into blocks. A blank line ends a paragraph; a list marker starts a list item; Markdown `#`
 * lines and short unpunctuated one-line blocks are headings. Markdown tables and code fences are paragraphs.
 * With `maxBlocks`, it stops once more than `maxBlocks` blocks are found (every block holds a sentence: the caller
 * refuses the text, limits.sentences).
 */
export function segmentBlocks(text: string, format: string = 'txt', start = 0, end = text.length, maxBlocks = Infinity): Block[] {
  const blocks: Block[] = [];
  // short lines and how often each occurs: a line repeated on every page (a letterhead, a running header) stands
  // apart from the text around it, but it is not a heading of the text below it
  // (counted on first need: most texts have no heading inside a paragraph)
  let repeats: Map<string, number> | undefined;
  const timesRepeated = (line: string): number => {
    if (!repeats) {
      repeats = new Map();
      for (let pos = start; pos < end; ) {
        const l = lineAt(text, pos, end);
        pos = l.next;
        if (l.end - l.start > 120) continue;
        const t = l.text.trim();
        if (t) repeats.set(t, (repeats.get(t) ?? 0) + 1);
      }
    }
    return repeats.get(line.trim()) ?? 0;
  };
  // Lines are read one at a time (a group of lines twice), never all kept: memory grows with the blocks found,
  // not with the lines of the text.
  let pos = start;
  while (pos < end && blocks.length <= maxBlocks) {
    // skip blank lines
    pos = skipBlankLines(text, pos, end);
    if (pos >= end) break;
    // the group: the lines up to the next blank line. First pass: how many, and the longest (a line much shorter
    // than it is not a wrapped line of a paragraph)
    let count = 0;
    let widest = 0;
    for (let p = pos; p < end; ) {
      const l = lineAt(text, p, end);
      if (l.text.trim() === '') break;
      count++;
      widest = Math.max(widest, l.end - l.start);
      p = l.next;
    }
    if (count <= 1 || format === 'md') widest = 0;
    // Second pass: split the group into list items / headings / paragraphs
    let curStart = -1;
    let curEnd = -1;
    let curKind: 'paragraph' | 'listItem' = 'paragraph';
    const flush = () => {
      if (curStart < 0) return;
      const r = trimRange(text, { start: curStart, end: curEnd });
      if (r.end > r.start) blocks.push({ kind: curKind, ...r });
      curStart = -1;
    };
    // whether the line before ended a sentence (or was a heading): a heading can start there
    let atSentenceStart = true;
    let line = lineAt(text, pos, end);
    for (let j = 0; j < count && blocks.length <= maxBlocks; j++) {
      const next = j + 1 < count ? lineAt(text, line.next, end) : undefined;
      const marked = looksLikeHeading(line.text, count === 1, format);
      const inner = !marked && widest > 0 && atSentenceStart ? headingInside(line.text, next?.text, widest) : undefined;
      if (widest > 0) atSentenceStart = endsSentence(line.text);
      if ((marked && (MD_HEADING.test(line.text) || count === 1)) || inner) {
        flush();
        const r = trimRange(text, line);
        if (inner && timesRepeated(line.text) >= 3) blocks.push({ kind: 'paragraph', ...r });
        else blocks.push({ kind: 'heading', level: (marked ?? inner)!.level, ...r });
        atSentenceStart = true;
      } else {
        if (LIST_MARKER.test(line.text)) {
          flush();
          curKind = 'listItem';
        } else if (curStart < 0) {
          curKind = 'paragraph';
        }
        if (curStart < 0) curStart = line.start;
        curEnd = line.end;
      }
      pos = line.next;
      if (next) line = next;
    }
    flush();
  }
  return blocks;
}

const CLOSERS = new Set(['»', '"', '”', '’', "'", ')', ']']);

/**
 * The longest sentence the engine analyses as one unit, in UTF-16 code units. A longer «sentence» (a table pasted
 * from a PDF, a minified export, a line without a full stop) is cut into pieces of at most this length, each
 * analysed as a sentence and marked `cut`. This bounds the work per sentence, so the analysis of any input is linear
 * in its length. Real sentences are far shorter: the longest in the shared corpus has 789 characters.
 */
export const MAX_SENTENCE_CHARS = 1000;

/** Why a «sentence» of `length` characters is not taken on its own (`classify`, `suggest`). */
export function sentenceTooLong(length: number): string {
  return `the sentence has ${length} characters, more than the ${MAX_SENTENCE_CHARS} of one sentence (MAX_SENTENCE_CHARS); analyse running text with \`analyze\``;
}

/** A sentence's range; `cut` when it is a piece of an over-long sentence (see MAX_SENTENCE_CHARS). */
export interface SentenceRange extends Range {
  cut?: true;
}

/** Characters scanned back from a period for the word before it (abbreviations, ordinals, initials are shorter). */
const WORD_BEFORE_MAX = 40;

function isWordBeforeChar(c: number): boolean {
  return c === 46 /* . */ || (classOf(c) & LN) !== 0;
}

/**
 * The word (letters, digits, periods) that ends at `dot`, not reaching below `floor`. Scans at most
 * WORD_BEFORE_MAX characters: a longer run is returned as its digits when it is all digits (an ordinal), else as a
 * string that matches none of the abbreviation, date and initial rules — what the whole run would do.
 */
function wordBefore(text: string, dot: number, floor: number): string {
  let s = dot;
  const lim = Math.max(floor, dot - WORD_BEFORE_MAX);
  while (s > lim && isWordBeforeChar(text.charCodeAt(s - 1))) s--;
  if (s > floor && s === lim && isWordBeforeChar(text.charCodeAt(s - 1))) {
    // longer than WORD_BEFORE_MAX: only «all digits» can still matter
    for (let k = s; k < dot; k++) if (!isAsciiDigit(text.charCodeAt(k))) return '-';
    while (s > floor && isAsciiDigit(text.charCodeAt(s - 1))) s--;
    if (s > floor && isWordBeforeChar(text.charCodeAt(s - 1))) return '-';
  }
  return text.slice(s, dot);
}

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isEndPunct(c: number): boolean {
  return c === 46 || c === 33 || c === 63; // . ! ?
}

/**
 * The end of a footnote mark at j, right after a sentence's end mark at i: «[134]», or bare digits after a word
 * («tjenestene.12 Mange»; not after a number, «2.1 Innledning»), then its closers; j itself when there is none.
 * At most four digits are read: constant work per mark.
 */
function afterFootnote(text: string, i: number, j: number, end: number): number {
  let k = j;
  if (text.charCodeAt(k) === 91) k++; // [
  const digits = k;
  while (k < end && k - digits < 4 && isAsciiDigit(text.charCodeAt(k))) k++;
  if (k === digits || k - digits > 3 || isAsciiDigit(text.charCodeAt(k))) return j;
  if (digits > j) {
    if (text.charCodeAt(k) !== 93) return j; // ]
    k++;
  } else if (i === 0 || !/[\p{Ll})]/u.test(text[i - 1])) return j;
  if (k < end && !isSpace(text.charCodeAt(k))) return j;
  return k;
}

/**
 * Splits [start, end) into sentences. A sentence ends at «.», «!», «?» or «:»+newline… followed by white space
 * and an upper-case letter, digit, quote or list marker — unless the period belongs to an abbreviation
 * (bl.a., f.eks., jf., Meld. St., NOU …), an ordinal or a date («15. april»), or a number («1.5.2026»).
 * A line break inside a list item or heading does not end a sentence; a blank line always does.
 * A sentence longer than MAX_SENTENCE_CHARS is cut into pieces (see capSentence). One forward scan: linear time.
 * With `max`, the scan stops once more than `max` sentences are found (the caller refuses the text: limits.sentences).
 */
export function splitSentences(text: string, start: number, end: number, max = Infinity): SentenceRange[] {
  const out: SentenceRange[] = [];
  let sStart = start;
  const push = (e: number) => {
    const r = trimRange(text, { start: sStart, end: e });
    if (r.end > r.start) capSentence(text, r, out);
  };
  // The run of closers and end punctuation after a mark, and the white space after it, are the same for every mark
  // inside one run: remembered, so that a long run of «.....» is scanned once.
  let runEnd = -1;
  let spaceEnd = -1;
  // Candidates are found by the regular expression engine (native code), not by a loop over every character.
  const range = text.slice(start, end);
  const candidate = /[.!?\u2026]/g;
  for (let i = start; i < end; i++) {
    if (out.length > max) return out;
    candidate.lastIndex = i - start;
    const found = candidate.exec(range);
    if (!found) break;
    i = start + found.index;
    const cc = text.charCodeAt(i);
    let j: number;
    if (i < runEnd) j = runEnd;
    else {
      j = i + 1;
      while (j < end && (CLOSERS.has(text[j]) || isEndPunct(text.charCodeAt(j)))) j++;
      // a footnote mark after the end of a sentence belongs to it: «… kompetansesentrene.[134] En …», «… i dag.12 Mange …»
      j = afterFootnote(text, i, j, end);
      runEnd = j;
      spaceEnd = -1;
    }
    if (j >= end) break;
    if (!isSpace(text.charCodeAt(j))) continue;
    let k = spaceEnd;
    if (k < 0) {
      k = j;
      while (k < end && isSpace(text.charCodeAt(k))) k++;
      spaceEnd = k;
    }
    if (k >= end) break;
    const next = text[k];
    if (cc === 46) {
      const w = wordBefore(text, i, start);
      const lw = w.toLowerCase();
      if (ABBREVIATIONS.has(lw) || ABBREVIATIONS.has(lw.replace(/\.$/, ''))) {
        // «Meld. St. 9», «kr. 5» etc. An abbreviation ends a sentence only before a clear new sentence:
        // capitalised word after an abbreviation that is commonly final (osv., mv., m.m., etc.).
        if (!(/^(osv|mv|m\.m|etc|o\.l|m\.fl|mfl)$/.test(lw) && /\p{Lu}/u.test(next))) continue;
      }
      if (/^\d{1,2}$/.test(w)) {
        const nextWord = /^[\p{L}]+/u.exec(text.slice(k, Math.min(end, k + 20)))?.[0] ?? '';
        if (MONTHS.has(nextWord.toLowerCase())) continue; // 15. april
      }
      if (/^\d+$/.test(w) && /\p{Ll}/u.test(next)) continue; // ordinal: «3. ledd»
      if (/^\p{Lu}$/u.test(w)) continue; // initial: «H. O. Melberg»
    }
    if (!/[\p{Lu}\d«"“'(\[•\-–§]/u.test(next)) continue;
    push(j);
    sStart = k;
    i = k - 1;
  }
  push(end);
  return out;
}

/**
 * The sentences of a block: a heading is one sentence, other blocks are split by splitSentences; either way no
 * sentence is longer than MAX_SENTENCE_CHARS.
 */
export function sentencesOf(text: string, block: Block, max = Infinity): SentenceRange[] {
  if (block.kind !== 'heading') return splitSentences(text, block.start, block.end, max);
  const out: SentenceRange[] = [];
  capSentence(text, { start: block.start, end: block.end }, out);
  return out;
}

/** Break classes for cutting an over-long sentence, best first. */
const enum Break {
  Line = 0,
  Clause = 1,
  Comma = 2,
  Space = 3,
}

/**
 * Adds the trimmed sentence `r` to `out`; when it is longer than MAX_SENTENCE_CHARS, cuts it into pieces first.
 * Each cut is made in the second half of the allowed length, at the last line break there, else after the last
 * clause mark («;», «:», «.», «!», «?») or dash followed by white space, else after the last comma, else at the last
 * white space, else (no white space at all) after MAX_SENTENCE_CHARS code units (never inside a surrogate pair).
 * Every piece is marked `cut`. Each piece costs O(MAX_SENTENCE_CHARS): linear in the sentence's length.
 */
export function capSentence(text: string, r: Range, out: SentenceRange[]): void {
  if (r.end - r.start <= MAX_SENTENCE_CHARS) {
    out.push({ start: r.start, end: r.end });
    return;
  }
  let s = r.start;
  while (r.end - s > MAX_SENTENCE_CHARS) {
    const hard = s + MAX_SENTENCE_CHARS;
    const floor = s + (MAX_SENTENCE_CHARS >> 1);
    // best[b]: where to cut for break class b (the piece ends there), the last one in (floor, hard]
    const best = [-1, -1, -1, -1];
    for (let p = hard; p > floor && best[Break.Line] < 0; p--) {
      const c = text.charCodeAt(p);
      if (!isSpace(c)) continue;
      if (c === 10 || c === 13) {
        best[Break.Line] = p;
        break;
      }
      const before = text.charCodeAt(p - 1);
      if (best[Break.Clause] < 0 && (before === 59 || before === 58 || isEndPunct(before) || before === 0x2013 || before === 0x2014)) best[Break.Clause] = p;
      else if (best[Break.Comma] < 0 && before === 44) best[Break.Comma] = p;
      if (best[Break.Space] < 0) best[Break.Space] = p;
    }
    let cut = best.find((b) => b >= 0) ?? -1;
    if (cut < 0) {
      cut = hard;
      const c = text.charCodeAt(cut);
      if (c >= 0xdc00 && c <= 0xdfff) cut--; // not inside a surrogate pair
    }
    const piece = trimRange(text, { start: s, end: cut });
    if (piece.end > piece.start) out.push({ start: piece.start, end: piece.end, cut: true });
    s = cut;
    while (s < r.end && isSpace(text.charCodeAt(s))) s++;
  }
  if (r.end > s) out.push({ start: s, end: r.end, cut: true });
}

/** Sections from headings: each runs from its heading to the next heading of the same or a higher level. */
export function sectionsFrom(text: string, blocks: Block[]): Section[] {
  const sections: Section[] = [];
  const headings = blocks.filter((b) => b.kind === 'heading');
  if (headings.length === 0 || headings[0].start > 0) {
    const end = headings.length ? headings[0].start : text.length;
    sections.push({ index: 0, title: '', level: 0, start: 0, end, words: 0 });
  }
  headings.forEach((h, idx) => {
    const end = idx + 1 < headings.length ? headings[idx + 1].start : text.length;
    sections.push({
      index: sections.length,
      title: headingTitle(text.slice(h.start, h.end)),
      level: h.level ?? 1,
      start: h.start,
      end,
      words: 0,
    });
  });
  return sections;
}

/**
 * A heading's title: its text without the Markdown «#»s, white space collapsed. Remembered by the heading's text
 * (a long document's headings are read again on every keystroke; two regular expressions each); the memory is
 * bounded: at most TITLE_MEMO_SIZE headings of at most TITLE_MEMO_MAX_CHARS characters, emptied when full.
 */
const TITLE_MEMO_SIZE = 20_000;
const titleMemo = new Map<string, string>();
/** Headings longer than this (a whole line made a heading by a «#») are not remembered. */
const TITLE_MEMO_MAX_CHARS = 500;
function headingTitle(raw: string): string {
  let t = raw.length <= TITLE_MEMO_MAX_CHARS ? titleMemo.get(raw) : undefined;
  if (t === undefined) {
    t = raw.replace(/^#+\s*/, '').replace(/\s+/g, ' ').trim();
    if (raw.length > TITLE_MEMO_MAX_CHARS) return t;
    if (titleMemo.size >= TITLE_MEMO_SIZE) titleMemo.clear();
    titleMemo.set(ownCopy(raw), t);
  }
  return t;
}
