import { Block, Range, Section } from '../types';
import { ABBREVIATIONS, MONTHS } from './abbreviations';

/**
 * Segmentation: text → blocks (headings, paragraphs, list items) → sentences.
 * Works on the raw text (LF or CRLF); every range is an offset into it.
 */

const LIST_MARKER = /^[ \t]*(?:[-–•*▪◦·●‣⁃]|\(?\d{1,2}[.)]|\(?[a-zæøå][.)]|\(?[ivx]{1,4}\))[ \t]+/u;
const MD_HEADING = /^[ \t]{0,3}(#{1,6})[ \t]+/;
const NUMBERED_HEADING = /^[ \t]*(\d{1,2}(?:\.\d{1,2}){0,3})\.?[ \t]+\p{Lu}/u;

interface Line extends Range {
  text: string;
}

function splitLines(text: string, start: number, end: number): Line[] {
  const lines: Line[] = [];
  let pos = start;
  while (pos < end) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0 || nl > end) nl = end;
    let lineEnd = nl;
    if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    lines.push({ start: pos, end: lineEnd, text: text.slice(pos, lineEnd) });
    pos = nl + 1;
  }
  return lines;
}

function trimRange(text: string, r: Range): Range {
  let { start, end } = r;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

function looksLikeHeading(line: string, isWholeBlock: boolean, format: string): { level: number } | undefined {
  const md = MD_HEADING.exec(line);
  if (md && (format === 'md' || format === 'txt')) return { level: md[1].length };
  if (!isWholeBlock) return undefined;
  const t = line.trim();
  if (t.length === 0 || t.length > 120) return undefined;
  if (/[.:;,!?]$/.test(t) && !/^\d+(\.\d+)*\.?$/.test(t)) return undefined;
  const words = t.split(/\s+/).length;
  if (words > 14) return undefined;
  if (!/^[\p{Lu}\d«"]/u.test(t)) return undefined;
  const num = NUMBERED_HEADING.exec(t);
  if (num) return { level: num[1].split('.').length };
  if (format === 'md') return undefined; // Markdown marks its headings
  return { level: t === t.toUpperCase() && /\p{L}/u.test(t) ? 1 : 3 };
}

/**
 * Splits text into blocks. A blank line ends a paragraph; a list marker starts a list item; Markdown `#`
 * lines and short unpunctuated one-line blocks are headings. Markdown tables and code fences are paragraphs.
 */
export function segmentBlocks(text: string, format: string = 'txt', start = 0, end = text.length): Block[] {
  const blocks: Block[] = [];
  const lines = splitLines(text, start, end);
  let i = 0;
  while (i < lines.length) {
    // skip blank lines
    while (i < lines.length && lines[i].text.trim() === '') i++;
    if (i >= lines.length) break;
    // gather the lines up to the next blank line
    const group: Line[] = [];
    while (i < lines.length && lines[i].text.trim() !== '') group.push(lines[i++]);
    // split the group into list items / headings / paragraphs
    let cur: Line[] = [];
    let curKind: 'paragraph' | 'listItem' = 'paragraph';
    const flush = () => {
      if (cur.length === 0) return;
      const r = trimRange(text, { start: cur[0].start, end: cur[cur.length - 1].end });
      if (r.end > r.start) blocks.push({ kind: curKind, ...r });
      cur = [];
    };
    for (let j = 0; j < group.length; j++) {
      const line = group[j];
      const heading = looksLikeHeading(line.text, group.length === 1, format);
      if (heading && (MD_HEADING.test(line.text) || group.length === 1)) {
        flush();
        const r = trimRange(text, line);
        blocks.push({ kind: 'heading', level: heading.level, ...r });
        continue;
      }
      if (LIST_MARKER.test(line.text)) {
        flush();
        curKind = 'listItem';
      } else if (cur.length === 0) {
        curKind = 'paragraph';
      }
      cur.push(line);
    }
    flush();
  }
  return blocks;
}

const CLOSERS = new Set(['»', '"', '”', '’', "'", ')', ']']);

function wordBefore(text: string, dot: number, floor: number): string {
  let s = dot;
  while (s > floor && /[\p{L}\p{N}.]/u.test(text[s - 1])) s--;
  return text.slice(s, dot);
}

/**
 * Splits [start, end) into sentences. A sentence ends at «.», «!», «?» or «:»+newline… followed by white space
 * and an upper-case letter, digit, quote or list marker — unless the period belongs to an abbreviation
 * (bl.a., f.eks., jf., Meld. St., NOU …), an ordinal or a date («15. april»), or a number («1.5.2026»).
 * A line break inside a list item or heading does not end a sentence; a blank line always does.
 */
export function splitSentences(text: string, start: number, end: number): Range[] {
  const out: Range[] = [];
  let sStart = start;
  const push = (e: number) => {
    const r = trimRange(text, { start: sStart, end: e });
    if (r.end > r.start) out.push(r);
  };
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c !== '.' && c !== '!' && c !== '?' && c !== '…') continue;
    // include closing quotes/brackets and repeated punctuation
    let j = i + 1;
    while (j < end && (CLOSERS.has(text[j]) || text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
    if (j >= end) break;
    if (!/\s/.test(text[j])) continue;
    let k = j;
    while (k < end && /\s/.test(text[k])) k++;
    if (k >= end) break;
    const next = text[k];
    const nextWord = /^[\p{L}]+/u.exec(text.slice(k, Math.min(end, k + 20)))?.[0] ?? '';
    if (c === '.') {
      const w = wordBefore(text, i, start);
      const lw = w.toLowerCase();
      if (ABBREVIATIONS.has(lw) || ABBREVIATIONS.has(lw.replace(/\.$/, ''))) {
        // «Meld. St. 9», «kr. 5» etc. An abbreviation ends a sentence only before a clear new sentence:
        // capitalised word after an abbreviation that is commonly final (osv., mv., m.m., etc.).
        if (!(/^(osv|mv|m\.m|etc|o\.l|m\.fl|mfl)$/.test(lw) && /\p{Lu}/u.test(next))) continue;
      }
      if (/^\d{1,2}$/.test(w) && MONTHS.has(nextWord.toLowerCase())) continue; // 15. april
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

/** Sections from headings: each runs from its heading to the next heading of the same or a higher level. */
export function sectionsFrom(text: string, blocks: Block[]): Section[] {
  const sections: Section[] = [];
  const headings = blocks.filter((b) => b.kind === 'heading');
  if (headings.length === 0 || headings[0].start > 0) {
    const end = headings.length ? headings[0].start : text.length;
    sections.push({ index: 0, title: '', level: 0, start: 0, end });
  }
  headings.forEach((h, idx) => {
    const end = idx + 1 < headings.length ? headings[idx + 1].start : text.length;
    sections.push({
      index: sections.length,
      title: text.slice(h.start, h.end).replace(/^#+\s*/, '').replace(/\s+/g, ' ').trim(),
      level: h.level ?? 1,
      start: h.start,
      end,
    });
  });
  return sections;
}
