/**
 * Concordance (keyword in context) across documents, for a term (the lexicon's pattern syntax, or a plain
 * word) or an engine category, with the counts per document. Offsets are UTF-16 offsets into each
 * document's analysed text, like every offset of the engine.
 *
 *   term only          every match of the term (whole words; `innovasjon*`, `*innovasjon`, `ber … om`, `~stem`)
 *   category only      the engine's findings of that category
 *   term and category  matches of the term inside sentences of that category
 *                      (e.g. «skal» in sentences about innovation)
 *
 * Running headers and footers (excluded sentences) are skipped unless `includeExcluded` is set.
 */
import { checkPattern } from '../lexicon';
import type { Lexicon } from '../lexicon';
import { compileLexicon, matchTokens } from '../match/matcher';
import { segmentBlocks } from '../segment/segment';
import { tokenize } from '../tokenize/tokenize';
import type { Category, DocumentAnalysis, PageSpan, Range, SentenceAnalysis } from '../types';

export interface ConcordanceSource {
  file: string;
  /** The analysed text (LoadedDocument.text / ExtractedDocument.text). */
  text: string;
  /** Needed for category queries and page numbers; without it a term is searched block by block. */
  analysis?: DocumentAnalysis;
  pageSpans?: PageSpan[];
  /** Running headers and footers to skip when there is no analysis. */
  excluded?: Range[];
}

export interface ConcordanceQuery {
  /** A lexicon pattern or a plain word. */
  term?: string;
  category?: Category;
}

export interface ConcordanceOptions {
  /** Characters of context on each side (default 60). */
  context?: number;
  includeExcluded?: boolean;
  /** Stop after this many hits in all (the counts still count every hit). */
  maxHits?: number;
}

export interface ConcordanceHit {
  file: string;
  start: number;
  end: number;
  page: number;
  /** Context with line breaks and runs of white space shown as one space. */
  left: string;
  match: string;
  right: string;
  /** Index of the sentence in the document's analysis, when there is one. */
  sentence?: number;
  /** For category queries: the finding's category, entry and subtype. */
  category?: Category;
  entry?: string;
  subtype?: string;
}

export interface ConcordanceCount {
  file: string;
  hits: number;
  /** Hits per 1,000 content words (when the analysis is known). */
  per1000Words?: number;
}

export interface ConcordanceResult {
  query: ConcordanceQuery;
  hits: ConcordanceHit[];
  counts: ConcordanceCount[];
  total: number;
  /** True when `maxHits` cut the list of hits (not the counts). */
  truncated: boolean;
}

/** Throws when the query is empty or the term is not a valid pattern. */
export function checkQuery(q: ConcordanceQuery): void {
  if (!q.term?.trim() && !q.category) throw new Error('A concordance needs a term or a category.');
  if (q.term?.trim()) {
    const problem = checkPattern(q.term.trim());
    if (problem) throw new Error(`Invalid term «${q.term}»: ${problem}.`);
  }
}

function termLexicon(term: string): Lexicon {
  return {
    entries: [{ id: 'concordance-query', category: 'innovation', weight: 1, terms: [term.trim()] }],
    sources: [{ name: 'concordance', version: '0.0.0' }],
  };
}

const SENTENCE_FLAG: Record<Category, (s: SentenceAnalysis) => boolean> = {
  directive: (s) => s.directive,
  enabling: (s) => s.framing === 'enabling',
  innovation: (s) => s.innovation,
  cocreation: (s) => s.cocreation,
  collaboration: (s) => s.collaboration,
  control: (s) => s.control,
  district: (s) => s.district !== 'none',
};

/** True when the sentence belongs to the category (the rule the engine's `categories` counts use). */
export function sentenceInCategory(s: SentenceAnalysis, c: Category): boolean {
  return SENTENCE_FLAG[c](s);
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** `text[from, to)` widened so that no surrogate pair is cut, white space collapsed. */
function contextSlice(text: string, from: number, to: number): string {
  from = Math.max(0, from);
  to = Math.min(text.length, to);
  if (from > 0 && isLow(text.charCodeAt(from)) && isHigh(text.charCodeAt(from - 1))) from++;
  if (to < text.length && isLow(text.charCodeAt(to)) && isHigh(text.charCodeAt(to - 1))) to--;
  return text.slice(from, to).replace(/\s+/g, ' ');
}

function pageOf(src: ConcordanceSource, offset: number): number {
  const spans = src.pageSpans;
  if (spans && spans.length) {
    let lo = 0;
    let hi = spans.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (spans[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return spans[lo].page;
  }
  const s = sentenceAt(src.analysis, offset);
  return s?.page ?? 1;
}

function sentenceAt(a: DocumentAnalysis | undefined, offset: number): SentenceAnalysis | undefined {
  if (!a || a.sentences.length === 0) return undefined;
  let lo = 0;
  let hi = a.sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.sentences[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const s = a.sentences[lo];
  return s.start <= offset && offset < Math.max(s.end, s.start + 1) ? s : undefined;
}

function inside(ranges: readonly Range[] | undefined, r: Range): boolean {
  return !!ranges && ranges.some((e) => e.start <= r.start && e.end >= r.end);
}

/** Keyword-in-context hits of `query` in `docs`, in document order and text order. */
export function concordance(docs: readonly ConcordanceSource[], query: ConcordanceQuery, opts: ConcordanceOptions = {}): ConcordanceResult {
  checkQuery(query);
  const width = opts.context ?? 60;
  const maxHits = opts.maxHits ?? Infinity;
  const term = query.term?.trim();
  const compiled = term ? compileLexicon(termLexicon(term)) : undefined;
  const hits: ConcordanceHit[] = [];
  const counts: ConcordanceCount[] = [];
  let total = 0;
  let truncated = false;

  for (const src of docs) {
    const text = src.text;
    const found: Omit<ConcordanceHit, 'left' | 'right' | 'match' | 'page' | 'file'>[] = [];
    if (query.category && !term) {
      if (!src.analysis) throw new Error(`${src.file}: a category concordance needs the document's analysis.`);
      // Findings skip excluded sentences already.
      for (const f of src.analysis.findings) {
        if (f.category !== query.category) continue;
        found.push({ start: f.start, end: f.end, sentence: f.sentence, category: f.category, entry: f.entry, subtype: f.subtype });
      }
    } else if (compiled) {
      const a = src.analysis;
      if (a) {
        for (const s of a.sentences) {
          if (s.excluded && !opts.includeExcluded) continue;
          if (query.category && !sentenceInCategory(s, query.category)) continue;
          for (const m of matchTokens(text, tokenize(text, s.start, s.end), compiled)) {
            found.push({ start: m.start, end: m.end, sentence: s.index });
          }
        }
      } else {
        if (query.category) throw new Error(`${src.file}: a category concordance needs the document's analysis.`);
        for (const b of segmentBlocks(text, /\.(md|markdown)$/i.test(src.file) ? 'md' : 'txt')) {
          if (!opts.includeExcluded && inside(src.excluded, b)) continue;
          for (const m of matchTokens(text, tokenize(text, b.start, b.end), compiled)) found.push({ start: m.start, end: m.end });
        }
      }
    }
    found.sort((x, y) => x.start - y.start || x.end - y.end);
    total += found.length;
    const words = src.analysis?.words;
    counts.push({
      file: src.file,
      hits: found.length,
      ...(words !== undefined ? { per1000Words: words > 0 ? (found.length * 1000) / words : 0 } : {}),
    });
    for (const f of found) {
      if (hits.length >= maxHits) {
        truncated = true;
        break;
      }
      hits.push({
        file: src.file,
        ...f,
        page: pageOf(src, f.start),
        left: contextSlice(text, f.start - width, f.start).trimStart(),
        match: text.slice(f.start, f.end),
        right: contextSlice(text, f.end, f.end + width).trimEnd(),
      });
    }
  }
  return { query: { ...query }, hits, counts, total, truncated };
}
