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
} from './types';
import { extractText, ExtractOptions } from './extract';
import { segmentBlocks, sectionsFrom, splitSentences } from './segment/segment';
import { tokenize } from './tokenize/tokenize';
import { countWords, countWordsExcluding } from './tokenize/words';
import { builtinLexicon, Lexicon } from './lexicon';
import { compileLexicon, matchTokens, CompiledLexicon } from './match/matcher';
import { classifyTokens, decide, sentenceFacts } from './classify/sentence';
import { inferStance, DocumentStance } from './classify/actors';
import { scoreDocument } from './score/score';
import { addStudyCounts, emptyCounts, STUDY_TERMS } from './report/counts';
import { detectLanguage } from './report/language';

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
  /** Cache of block results, reused between analyses of the same document (incremental re-analysis). */
  cache?: BlockCache;
}

/** A block's sentences, with offsets relative to the block's start, keyed by the block's text. */
export type BlockCache = Map<string, CachedSentence[]>;

interface CachedSentence {
  rel: Range;
  exact: Record<StudyTerm, number>;
  inflected: Record<StudyTerm, number>;
  labels: ReturnType<typeof classifyTokens>;
  matches: SentenceAnalysis['matches'];
}

function shiftRange<T extends Range>(r: T, d: number): T {
  return { ...r, start: r.start + d, end: r.end + d };
}

function analyzeBlock(
  text: string,
  block: Block,
  compiled: CompiledLexicon,
  stance: DocumentStance,
): CachedSentence[] {
  const ranges = block.kind === 'heading' ? [{ start: block.start, end: block.end }] : splitSentences(text, block.start, block.end);
  return ranges.map((r) => {
    const tokens = tokenize(text, r.start, r.end);
    const matches = matchTokens(text, tokens, compiled);
    const labels = classifyTokens(text, tokens, matches, compiled, { stance });
    const exact = emptyCounts();
    const inflected = emptyCounts();
    addStudyCounts(tokens, exact, inflected);
    return {
      rel: { start: r.start - block.start, end: r.end - block.start },
      exact,
      inflected,
      labels: {
        ...labels,
        cue: labels.cue && shiftRange(labels.cue, -block.start),
        actorRange: labels.actorRange && shiftRange(labels.actorRange, -block.start),
      },
      matches: matches.map((m) => shiftRange(m, -block.start)),
    };
  });
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

function insideExcluded(excluded: Range[], r: Range): boolean {
  return excluded.some((e) => e.start <= r.start && e.end >= r.end);
}

// ── Incremental re-analysis: the whole-text passes, made cheap when a block cache is given ──────────────
// With `opts.cache`, an edit re-analyses only the blocks it touched; what is left of an incremental run is the
// passes over the whole text. These memos make them cheap too, with the same results (test/unit/incremental.test.ts
// checks cached against uncached analyses after edits):
//  - words: summed from per-block counts (blocks are whitespace-trimmed and a word never spans white space), when
//    no range is excluded and every gap between blocks is white space; otherwise counted over the whole text;
//  - language: detected from the first LANGUAGE_SAMPLE characters, reused while those are unchanged;
//  - stance: reused while the document's opening (STANCE_HEAD characters, the part inferStance reads titles from)
//    is unchanged and the stance was decided by a title there (its first evidence line); after an edit in the
//    opening, inferred from the opening alone when a title decides it there; a stance inferred from
//    steering-phrase density over the whole text is inferred again on every run.
const LANGUAGE_SAMPLE = 200_000;
const STANCE_HEAD = 4000;
const blockWords = new WeakMap<CachedSentence[], number>();
const wholeTextMemo = new WeakMap<BlockCache, { sample?: string; language?: 'nb' | 'nn'; head?: string; stance?: DocumentStance }>();

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

function languageOf(text: string, cache: BlockCache | undefined): 'nb' | 'nn' {
  const memo = memoOf(cache);
  const sample = text.length > LANGUAGE_SAMPLE ? text.slice(0, LANGUAGE_SAMPLE) : text;
  if (memo?.language && memo.sample === sample) return memo.language;
  const language = detectLanguage(sample, LANGUAGE_SAMPLE).language;
  if (memo) {
    memo.sample = sample;
    memo.language = language;
  }
  return language;
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
  const language = opts.language && opts.language !== 'auto' ? opts.language : languageOf(text, opts.cache);
  const lexicon = forLanguage(opts.lexicon ?? builtinLexicon(), opts.language ?? 'auto');
  const compiled = compileLexicon(lexicon);
  const stance = stanceOf(text, opts.cache);
  const blocks = segmentBlocks(text, doc.format);
  const sections = sectionsFrom(text, blocks);
  const excluded = [...doc.excluded].sort((a, b) => a.start - b.start);
  const stanceKey = `${stance.kind}|${stance.writer}|`;

  const sentences: SentenceAnalysis[] = [];
  const exact = emptyCounts();
  const inflected = emptyCounts();
  let sectionIdx = 0;
  const entries = new Map(lexicon.entries.map((e) => [e.id, e]));
  const findings: Finding[] = [];
  const sumBlockWords = excluded.length === 0 && gapsAreBlank(text, blocks);
  let wordsInBlocks = 0;

  for (const block of blocks) {
    const key = stanceKey + text.slice(block.start, block.end) + '|' + block.kind;
    let cached = opts.cache?.get(key);
    if (!cached) {
      cached = analyzeBlock(text, block, compiled, stance);
      opts.cache?.set(key, cached);
    }
    if (sumBlockWords) {
      let n = blockWords.get(cached);
      if (n === undefined) blockWords.set(cached, (n = countWords(text, block.start, block.end)));
      wordsInBlocks += n;
    }
    while (sectionIdx + 1 < sections.length && sections[sectionIdx + 1].start <= block.start) sectionIdx++;
    for (const c of cached) {
      const r = shiftRange(c.rel, block.start);
      const isExcluded = excluded.length > 0 && insideExcluded(excluded, r);
      const matches = c.matches.map((m) => shiftRange(m, block.start));
      const l = c.labels;
      const s: SentenceAnalysis = {
        index: sentences.length,
        start: r.start,
        end: r.end,
        text: text.slice(r.start, r.end),
        ...labelsOf(l),
        cue: l.cue && shiftRange(l.cue, block.start),
        actorRange: l.actorRange && shiftRange(l.actorRange, block.start),
        actorLevel: l.actorLevel,
        reason: l.reason,
        matches,
        page: pageAt(doc, r.start),
        section: sections[sectionIdx]?.index ?? 0,
        excluded: isExcluded,
      };
      sentences.push(s);
      if (isExcluded) continue;
      for (const k of STUDY_TERMS) {
        exact[k] += c.exact[k];
        inflected[k] += c.inflected[k];
      }
      findings.push(...findingsOf(s, entries));
    }
  }

  const content = sentences.filter((s) => !s.excluded);
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
    mentions += s.matches.filter((m) => m.category === 'district').length;
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

/** Classifies one sentence on its own (the `classify` command and the gold evaluation). */
export function classifySentence(sentence: string, opts: { lexicon?: Lexicon; lemmas?: boolean } = {}): SentenceClassification {
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
