import {
  Block,
  Category,
  CATEGORIES,
  DistrictSummary,
  DocumentAnalysis,
  ExtractedDocument,
  Finding,
  Range,
  SentenceAnalysis,
  SentenceLabels,
  StudyTerm,
  TermMatch,
} from './types';
import { extractText, ExtractOptions } from './extract';
import { checkTextSize, limitsOf, tooManySentences } from './limits';
import { MAX_SENTENCE_CHARS, segmentBlocks, sectionsFrom, SentenceRange, sentencesOf, sentenceTooLong } from './segment/segment';
import { tokenize } from './tokenize/tokenize';
import { countWords, countWordsExcluding } from './tokenize/words';
import { builtinLexicon, Lexicon } from './lexicon';
import { compileLexicon, matchTokens, CompiledLexicon } from './match/matcher';
import { classifyTokens, decide, sentenceFacts } from './classify/sentence';
import { inferStance, DocumentStance } from './classify/actors';
import { scoreDocument } from './score/score';
import { addCounts, addStudyCounts, emptyCounts } from './report/counts';
import { countMarkers, languageOfCounts } from './report/language';
import { ownCopy } from './util/strings';

const nbOnly = new WeakMap<Lexicon, Lexicon>();
/** With `nb`, the Nynorsk-only entries are left out; otherwise the lexicon is used as it is. */
function forLanguage(lexicon: Lexicon, language: 'auto' | 'nb' | 'nn'): Lexicon {
  if (language !== 'nb') return lexicon;
  let l = nbOnly.get(lexicon);
  if (!l) {
    l = { ...lexicon, entries: lexicon.entries.filter((e) => e.source !== 'builtin:nn') };
    nbOnly.set(lexicon, l);
  }
  return l;
}

export interface AnalyzeOptions extends ExtractOptions {
  lexicon?: Lexicon;
  /** Written standard: `auto` detects it; `nb` leaves out the Nynorsk-only lexicon entries. */
  language?: 'auto' | 'nb' | 'nn';
  /** File name reported in the result. */
  file?: string;
  /**
   * Cache of block results, reused between analyses of the same document (incremental re-analysis). With a cache, a
   * sentence whose block did not move keeps the SentenceAnalysis object (and findings) of the previous analysis:
   * treat the sentences of a cached analysis as read-only.
   */
  cache?: BlockCache;
  /**
   * `false`: every sentence's `text` is '' (the analysis worker: its client holds the text and slices it; a sliced
   * copy per sentence is what the structured clone of a long document's analysis costs most).
   */
  sentenceTexts?: boolean;
}

/** A block's sentences, with offsets relative to the block's start, keyed by the block's text. */
export type BlockCache = Map<string, CachedSentence[]>;

interface CachedSentence {
  rel: Range;
  /** A piece of an over-long sentence (segment.ts, MAX_SENTENCE_CHARS); always set, so all have one shape. */
  cut: boolean;
  /** Its words (word and number tokens: the words countWords counts). */
  words: number;
  exact: Record<StudyTerm, number>;
  inflected: Record<StudyTerm, number>;
  labels: ReturnType<typeof classifyTokens>;
  matches: SentenceAnalysis['matches'];
  /** What the last analysis with a cache made of it (reused while the sentence stays where it was). */
  emitted: Emitted | undefined;
}

/** A sentence as an analysis emitted it: at block offset `base`, with or without its text, and its findings. */
interface Emitted {
  base: number;
  texts: boolean;
  s: SentenceAnalysis;
  findings: Finding[];
}

function shiftRange(r: Range, d: number): Range {
  return d === 0 ? r : { start: r.start + d, end: r.end + d };
}

/** A match moved by d (a copy with the same keys in the same order; no object spread: this runs per match per edit). */
function shiftMatch(m: TermMatch, d: number): TermMatch {
  if (d === 0) return m;
  return { start: m.start + d, end: m.end + d, text: m.text, entry: m.entry, category: m.category, weight: m.weight, negated: m.negated };
}

function wordTokens(tokens: readonly { kind: string }[]): number {
  let n = 0;
  for (let k = 0; k < tokens.length; k++) if (tokens[k].kind !== 'punct') n++;
  return n;
}

/**
 * Analyses the given sentences (of one block, or one sentence of a long block). Offsets are relative to `base`: the
 * block's (or sentence's) start when the result is cached (it is reused wherever the block moves), 0 otherwise (no
 * copies).
 */
function analyzeBlock(
  text: string,
  ranges: readonly SentenceRange[],
  compiled: CompiledLexicon,
  stance: DocumentStance,
  base: number,
): CachedSentence[] {
  // built by push, not map: arrays of one elements kind whether this runs optimised or not
  const out: CachedSentence[] = [];
  for (const r of ranges) {
    const tokens = tokenize(text, r.start, r.end);
    const matches = matchTokens(text, tokens, compiled);
    const labels = classifyTokens(text, tokens, matches, compiled, { stance });
    const exact = emptyCounts();
    const inflected = emptyCounts();
    addStudyCounts(tokens, exact, inflected);
    const c: CachedSentence = {
      rel: { start: r.start - base, end: r.end - base },
      cut: r.cut === true,
      words: wordTokens(tokens),
      exact,
      inflected,
      labels: base === 0 ? labels : {
        ...labels,
        cue: labels.cue && shiftMatch(labels.cue, -base),
        actorRange: labels.actorRange && shiftRange(labels.actorRange, -base),
      },
      matches: base === 0 ? matches : matches.map((m) => shiftMatch(m, -base)),
      emitted: undefined,
    };
    out.push(c);
  }
  return out;
}

function pageAt(doc: ExtractedDocument, offset: number): number {
  const spans = doc.pageSpans;
  let lo = 0;
  let hi = spans.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (spans[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return spans[lo]?.page ?? 1;
}

/**
 * «Is r inside one of the excluded ranges?» in O(log n): the ranges sorted by start, with the largest end among
 * each prefix (r is inside one iff the largest end of those starting at or before r.start reaches r.end).
 */
function excludedIndex(excluded: readonly Range[]): (r: Range) => boolean {
  const sorted = [...excluded].sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  for (let k = 0; k < sorted.length; k++) maxEnd.push(Math.max(sorted[k].end, k ? maxEnd[k - 1] : -Infinity));
  return (r) => {
    let lo = 0;
    let hi = sorted.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].start <= r.start) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 && maxEnd[found] >= r.end;
  };
}

// ── Incremental re-analysis: the whole-text passes, made cheap when a block cache is given ──────────────
// With `opts.cache`, an edit re-analyses only the blocks it touched; what is left of an incremental run is the
// passes over the whole text. These memos make them cheap too, with the same results (test/unit/incremental.test.ts
// checks cached against uncached analyses after edits):
//  - words: summed from per-block counts (blocks are whitespace-trimmed and a word never spans white space), when
//    no range is excluded and every gap between blocks is white space; otherwise counted over the whole text;
//  - language: from the marker words of the blocks that start in the first LANGUAGE_SAMPLE characters, counted once
//    per block (a cached block keeps its counts);
//  - stance: reused while the document's opening (STANCE_HEAD characters, the part inferStance reads titles from)
//    is unchanged and the stance was decided by a title there (its first evidence line); after an edit in the
//    opening, inferred from the opening alone when a title decides it there; a stance inferred from
//    steering-phrase density over the whole text is inferred again on every run.
const LANGUAGE_SAMPLE = 200_000;
/**
 * A block longer than this (in characters) is cached sentence by sentence instead of as a whole (incremental
 * analysis): a document on one line re-analysed 600 KB on every keystroke.
 */
const LONG_BLOCK = 16_384;
const STANCE_HEAD = 4000;
const blockWords = new WeakMap<CachedSentence[], number>();
/** The Bokmål and Nynorsk marker words of a cached block (report/language.ts). */
const blockMarkers = new WeakMap<CachedSentence[], { nb: number; nn: number }>();
const wholeTextMemo = new WeakMap<
  BlockCache,
  { head?: string; stance?: DocumentStance; stanceKey?: string; compiled?: CompiledLexicon }
>();

function memoOf(cache: BlockCache | undefined) {
  if (!cache) return undefined;
  let m = wholeTextMemo.get(cache);
  if (!m) wholeTextMemo.set(cache, (m = {}));
  return m;
}

function stanceOf(text: string, cache: BlockCache | undefined): DocumentStance {
  const memo = memoOf(cache);
  const head = text.slice(0, STANCE_HEAD);
  if (memo?.stance && memo.head === head) return memo.stance;
  // A stance decided by a title reads the opening only: inferring it from the opening alone gives the same
  // stance, without the passes over the whole text (an edit in the opening of a long document).
  const byTitle = (s: DocumentStance) => s.evidence[0]?.startsWith('title:') === true;
  let stance = text.length > STANCE_HEAD && cache ? inferStance(head) : undefined;
  if (!stance || !byTitle(stance)) stance = inferStance(text);
  if (memo) {
    memo.head = byTitle(stance) ? head : undefined;
    memo.stance = byTitle(stance) ? stance : undefined;
  }
  return stance;
}

/**
 * A block's key in the cache: its text (a slice: no copy, and hashing reads it in place), marked when the block is a
 * heading (a heading is one sentence, other blocks are split). A paragraph and a list item with the same text have
 * the same sentences.
 */
function blockKey(text: string, block: Block): string {
  const t = text.slice(block.start, block.end);
  return block.kind === 'heading' ? '\u0001' + t : t;
}

/**
 * The words of a block: the sum of its sentences' word tokens — every word lies inside one sentence, as sentences
 * are only split at white space — unless a sentence was cut (a cut without white space may split a word): then
 * counted over the block.
 */
function wordsOfBlock(text: string, block: Block, sentences: readonly CachedSentence[]): number {
  let n = 0;
  for (const c of sentences) {
    if (c.cut) return countWords(text, block.start, block.end);
    n += c.words;
  }
  return n;
}

/** True when the text outside the blocks is white space only (so block word counts add up to the text's). */
function gapsAreBlank(text: string, blocks: readonly Block[]): boolean {
  let pos = 0;
  for (const b of blocks) {
    if (b.start < pos || /\S/.test(text.slice(pos, b.start))) return false;
    pos = b.end;
  }
  return !/\S/.test(text.slice(pos));
}

/** Runs segment → tokenize → match → classify → score → report over an extracted document. */
export function analyzeExtracted(doc: ExtractedDocument, opts: AnalyzeOptions = {}): DocumentAnalysis {
  const text = doc.text;
  const limits = limitsOf(opts);
  const label = opts.file ?? 'The text';
  // Before the work: a text over the size limit is refused (LimitError), whatever reader it came from.
  checkTextSize(text, limits, label, opts.file);
  const detect = !opts.language || opts.language === 'auto';
  const lexicon = forLanguage(opts.lexicon ?? builtinLexicon(), opts.language ?? 'auto');
  const compiled = compileLexicon(lexicon);
  const stance = stanceOf(text, opts.cache);
  // …and one with more sentences than the limit, as the segmentation finds them (every block holds one): before
  // they are classified, so the memory kept stays bounded whatever the text is made of
  const blocks = segmentBlocks(text, doc.format, 0, text.length, limits.sentences);
  if (blocks.length > limits.sentences) throw tooManySentences(limits, label, opts.file);
  const sections = sectionsFrom(text, blocks);
  const excluded = [...doc.excluded].sort((a, b) => a.start - b.start);
  const insideExcluded = excludedIndex(excluded);
  const stanceKey = `${stance.kind}|${stance.writer}|`;
  // The cached blocks were analysed with one stance and one lexicon (the language option picks the lexicon's
  // entries): another one makes them all out of date.
  const memo = memoOf(opts.cache);
  if (memo && (memo.stanceKey !== stanceKey || memo.compiled !== compiled)) {
    opts.cache!.clear();
    memo.stanceKey = stanceKey;
    memo.compiled = compiled;
  }

  const sentences: SentenceAnalysis[] = [];
  const exact = emptyCounts();
  const inflected = emptyCounts();
  let sectionIdx = 0;
  const entries = new Map(lexicon.entries.map((e) => [e.id, e]));
  const findings: Finding[] = [];
  const sumBlockWords = excluded.length === 0 && gapsAreBlank(text, blocks);
  let wordsInBlocks = 0;
  let nbMarkers = 0;
  let nnMarkers = 0;

  const texts = opts.sentenceTexts !== false;
  const none: Finding[] = [];
  /**
   * Adds a cached sentence, its offsets relative to `base`, to the analysis. With a cache, the object the previous
   * analysis made of it is taken again when nothing it holds has changed: the same block offset (so the same
   * offsets), index, section, page and exclusion. An edit rebuilds the sentences from the edit on, not all of them.
   */
  const emit = (c: CachedSentence, base: number) => {
    // (the range itself made only for an excluded-range check or a new object: this runs per sentence per edit)
    const start = c.rel.start + base;
    const range = excluded.length > 0 ? shiftRange(c.rel, base) : undefined;
    const isExcluded = range !== undefined && insideExcluded(range);
    const index = sentences.length;
    const section = sections[sectionIdx]?.index ?? 0;
    const page = pageAt(doc, start);
    const last = c.emitted;
    let s: SentenceAnalysis;
    let found: Finding[];
    if (
      last !== undefined &&
      last.base === base &&
      last.texts === texts &&
      last.s.index === index &&
      last.s.section === section &&
      last.s.page === page &&
      last.s.excluded === isExcluded
    ) {
      s = last.s;
      found = last.findings;
    } else {
      s = sentenceOf(c, base, range ?? shiftRange(c.rel, base), index, section, page, isExcluded);
      found = isExcluded ? none : findingsOf(s, entries);
      if (opts.cache) c.emitted = { base, texts, s, findings: found };
    }
    sentences.push(s);
    if (isExcluded) return;
    // a sentence's words are its word tokens (a cut sentence's too: it is counted over its own range, as the
    // section profile counts it), so the sections' word counts need no pass over the text
    const sec = sections[sectionIdx];
    if (sec !== undefined) sec.words! += c.words;
    addCounts(exact, c.exact);
    addCounts(inflected, c.inflected);
    for (let k = 0; k < found.length; k++) findings.push(found[k]);
  };
  const sentenceOf = (c: CachedSentence, base: number, r: Range, index: number, section: number, page: number, isExcluded: boolean): SentenceAnalysis => {
    const matches = base === 0 ? c.matches : c.matches.map((m) => shiftMatch(m, base));
    const l = c.labels;
    const s: SentenceAnalysis = {
      index,
      start: r.start,
      end: r.end,
      text: texts ? text.slice(r.start, r.end) : '',
      // the gold fields (labelsOf), written out: one object shape for every sentence, no copy
      deontic: l.deontic,
      directive: l.directive,
      actor: l.actor,
      district: l.district,
      innovation: l.innovation,
      cocreation: l.cocreation,
      collaboration: l.collaboration,
      control: l.control,
      framing: l.framing,
      cue: l.cue && shiftMatch(l.cue, base),
      actorRange: l.actorRange && shiftRange(l.actorRange, base),
      actorLevel: l.actorLevel,
      reason: l.reason,
      matches,
      page,
      section,
      excluded: isExcluded,
    };
    if (c.cut) s.cut = true;
    return s;
  };

  /** Refuses the text when `more` sentences would take it over the sentence limit. */
  const withinLimit = (more: number) => {
    if (sentences.length + more > limits.sentences) throw tooManySentences(limits, label, opts.file);
  };
  /** A block's sentence ranges, found only up to the sentence limit (past it, the text is refused). */
  const rangesOf = (block: Block) => {
    const ranges = sentencesOf(text, block, limits.sentences - sentences.length);
    withinLimit(ranges.length);
    return ranges;
  };

  for (const block of blocks) {
    while (sectionIdx + 1 < sections.length && sections[sectionIdx + 1].start <= block.start) sectionIdx++;
    if (opts.cache && block.end - block.start > LONG_BLOCK) {
      // A long block (a document on one line, a paragraph without blank lines) is cached by its sentences: an edit
      // in it analyses the sentence it touched, not the whole block again.
      const ranges = rangesOf(block);
      const parts: CachedSentence[][] = [];
      let anyCut = false;
      for (const r of ranges) {
        // (a space or a tab first: a block, trimmed, never begins with one, so no block has this key)
        const key = (r.cut ? '\t' : ' ') + text.slice(r.start, r.end);
        let one = opts.cache.get(key);
        if (!one) {
          one = analyzeBlock(text, [r], compiled, stance, r.start);
          opts.cache.set(ownCopy(key), one);
        }
        parts.push(one);
        if (r.cut) anyCut = true;
      }
      // marker words and words are runs of letters inside sentences, unless a cut without white space split one:
      // then counted over the block, as for a block cached whole
      if (detect && block.start < LANGUAGE_SAMPLE) {
        if (anyCut) {
          const m = countMarkers(text, block.start, block.end);
          nbMarkers += m.nb;
          nnMarkers += m.nn;
        } else {
          for (let k = 0; k < parts.length; k++) {
            let m = blockMarkers.get(parts[k]);
            if (!m) blockMarkers.set(parts[k], (m = countMarkers(text, ranges[k].start, ranges[k].end)));
            nbMarkers += m.nb;
            nnMarkers += m.nn;
          }
        }
      }
      if (sumBlockWords) wordsInBlocks += wordsOfBlock(text, block, parts.map((one) => one[0]));
      for (let k = 0; k < parts.length; k++) emit(parts[k][0], ranges[k].start);
      continue;
    }
    const key = opts.cache ? blockKey(text, block) : '';
    let cached = opts.cache?.get(key);
    const base = opts.cache ? block.start : 0;
    if (!cached) {
      cached = analyzeBlock(text, rangesOf(block), compiled, stance, base);
      // the key copied: a slice would keep this version of the whole text alive as long as the entry
      opts.cache?.set(ownCopy(key), cached);
    } else withinLimit(cached.length);
    if (detect && block.start < LANGUAGE_SAMPLE) {
      let m = opts.cache ? blockMarkers.get(cached) : undefined;
      if (!m) {
        m = countMarkers(text, block.start, block.end);
        if (opts.cache) blockMarkers.set(cached, m);
      }
      nbMarkers += m.nb;
      nnMarkers += m.nn;
    }
    if (sumBlockWords) {
      let n = blockWords.get(cached);
      if (n === undefined) blockWords.set(cached, (n = wordsOfBlock(text, block, cached)));
      wordsInBlocks += n;
    }
    for (const c of cached) emit(c, base);
  }

  const content = excluded.length === 0 ? sentences : sentences.filter((s) => !s.excluded);
  const words = sumBlockWords ? wordsInBlocks : countWordsExcluding(text, excluded);
  const categories = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  for (const s of content) {
    if (s.directive) categories.directive++;
    if (s.framing === 'enabling') categories.enabling++;
    if (s.innovation) categories.innovation++;
    if (s.cocreation) categories.cocreation++;
    if (s.collaboration) categories.collaboration++;
    if (s.control) categories.control++;
    if (s.district !== 'none') categories.district++;
  }
  const language = detect ? languageOfCounts(nbMarkers, nnMarkers) : (opts.language as 'nb' | 'nn');
  const district = districtSummary(content);
  const score = scoreDocument(content, words, stance);
  return {
    file: opts.file,
    format: doc.format,
    pages: doc.pages,
    words,
    extractedWords: sumBlockWords ? wordsInBlocks : countWords(text),
    sentences,
    sections,
    score,
    counts: { exact, inflected },
    categories,
    district,
    findings,
    language,
    stance: { writerLevel: ['', 'local', 'agency', 'state'][stance.writerLevel], kind: stance.kind, evidence: stance.evidence },
    warnings: doc.warnings,
  };
}

/**
 * The findings of a sentence: every lexicon match, with the deontic cue named by what it turned out to be
 * (a «skal» that binds an actor is a directive; a «kan» that only says «may be» is no finding at all).
 */
function findingsOf(s: SentenceAnalysis, entries: Map<string, { cue?: string; subtype?: string }>): Finding[] {
  const out: Finding[] = [];
  for (const m of s.matches) {
    const e = entries.get(m.entry);
    let category: Category = m.category;
    let subtype = m.negated ? 'reduced-control' : e?.subtype;
    if (e?.cue) {
      const decisive = s.cue && s.cue.start === m.start && s.cue.end === m.end;
      if (!decisive) continue;
      if (s.deontic === 'obligation' || s.deontic === 'prohibition') category = 'directive';
      else if (s.deontic === 'recommendation' || s.deontic === 'permission') category = 'enabling';
      else continue; // intentions are reported on the sentence, not highlighted as steering
      subtype = s.deontic;
    }
    out.push({ start: m.start, end: m.end, page: s.page, category, subtype, entry: m.entry, text: m.text, sentence: s.index });
  }
  return out;
}

function districtSummary(sentences: SentenceAnalysis[]): DistrictSummary {
  const roles = { obligated: 0, enabled: 0, involved: 0, mentioned: 0 };
  let mentions = 0;
  let innovationSentences = 0;
  let innovationWithDistrictRole = 0;
  const gap: number[] = [];
  for (const s of sentences) {
    // (counted, not filtered: no array per sentence per edit)
    for (const m of s.matches) if (m.category === 'district') mentions++;
    if (s.district !== 'none') roles[s.district]++;
    if (s.innovation || s.cocreation) {
      innovationSentences++;
      if (s.district !== 'none' && s.district !== 'mentioned') innovationWithDistrictRole++;
      else gap.push(s.index);
    }
  }
  return { mentions, roles, innovationSentences, innovationWithDistrictRole, gap };
}

/** Analyses text already in memory (Markdown or plain text). */
export function analyzeText(text: string, opts: AnalyzeOptions & { format?: 'txt' | 'md' } = {}): DocumentAnalysis {
  return analyzeExtracted(extractText(text, opts.format ?? 'txt'), opts);
}

/** The labels of one sentence, with what decided them. */
export interface SentenceClassification extends SentenceLabels {
  /** What decided the deontic label and the framing, in one short phrase («deontic: …; framing: …»). */
  reason: string;
  /** With `lemmas`: every token with its word class (UD UPOS) and lemma. */
  lemmas?: { text: string; upos: string; lemma: string }[];
}

/**
 * Classifies one sentence on its own (the `classify` command and the gold evaluation). A «sentence» longer than
 * MAX_SENTENCE_CHARS is refused with a RangeError (running text goes through `analyzeText`, which cuts it).
 */
export function classifySentence(sentence: string, opts: { lexicon?: Lexicon; lemmas?: boolean } = {}): SentenceClassification {
  if (sentence.length > MAX_SENTENCE_CHARS) throw new RangeError(sentenceTooLong(sentence.length));
  const compiled = compileLexicon(opts.lexicon ?? builtinLexicon());
  const tokens = tokenize(sentence);
  const matches = matchTokens(sentence, tokens, compiled);
  const facts = sentenceFacts(sentence, tokens, matches, compiled);
  const c = decide(facts, sentence);
  const out: SentenceClassification = { ...labelsOf(c), reason: reasonOf(c.reason) };
  if (opts.lemmas) out.lemmas = facts.words.map((w) => ({ text: w.text, upos: w.upos, lemma: w.lemma }));
  return out;
}

/** One phrase for the reasons of the deontic label and the framing. */
export function reasonOf(r: { deontic: string; framing: string }): string {
  return `deontic: ${r.deontic}; framing: ${r.framing}`;
}

/** Exactly the gold fields of a classification, in the gold files' order. */
export function labelsOf(l: SentenceLabels): SentenceLabels {
  return {
    deontic: l.deontic,
    directive: l.directive,
    actor: l.actor,
    district: l.district,
    innovation: l.innovation,
    cocreation: l.cocreation,
    collaboration: l.collaboration,
    control: l.control,
    framing: l.framing,
  };
}
