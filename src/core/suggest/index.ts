import type { Deontic, DocumentAnalysis, Framing, SentenceAnalysis, SentenceLabels, ActorLevel } from '../types';
import { builtinLexicon, Lexicon } from '../lexicon';
import { compileLexicon, CompiledLexicon, matchTokens } from '../match/matcher';
import { tokenize } from '../tokenize/tokenize';
import { MAX_SENTENCE_CHARS, sentenceTooLong } from '../segment/segment';
import { countWords } from '../tokenize/words';
import { decide, sentenceFacts } from '../classify/sentence';
import { standardOf, toWords } from '../classify/words';
import type { DocumentKind, DocumentStance } from '../classify/actors';
import { scoreDocument } from '../score/score';
import type { Standard } from '../tag';
import { checkFacts, factsOf, retention } from './facts';
import { legalBasis } from './legal';
import { Candidate, Parsed, rewritesOf, sentenceRewrites, steerable, STRATEGY_ORDER, StrategyId, StrategyOptions } from './strategies';

/**
 * The drafting assistant: rewrites of a top-down sentence toward enabling forms that keep its facts (numbers,
 * dates, amounts, months, actors, and at least MIN_RETENTION of its content words) and change only the steering —
 * an order becomes a mandate with room, a permission, a freedom, an invitation, a wish or advice; a passive order
 * names the one who acts. Every candidate is classified by the engine itself and kept only when it is not
 * top-down; the rest are ranked by how much they move the score. A sentence that states a legal duty is not
 * softened: it gets a note.
 */

export type { StrategyId } from './strategies';
export { legalBasis } from './legal';
export { factsOf, checkFacts, retention } from './facts';
export type { SentenceFactSet } from './facts';

/** A rewrite keeps at least this share of the original's content words. */
export const MIN_RETENTION = 0.6;
/** At most this many sentences are classified per sentence suggested for (candidates and their refinements). */
const BUDGET = 48;
const DEBUG: ((s: string) => void) | undefined = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.POLICY_LENS_DEBUG_SUGGEST ? (s) => console.error(s) : undefined;

export interface SuggestContext {
  /** The document the sentence belongs to (`index` in its sentences): `documentDelta` is then the document's score change. */
  analysis: DocumentAnalysis;
  index: number;
}

export interface SuggestOptions {
  lexicon?: Lexicon;
  /** Written standard; detected from the sentence when absent. */
  standard?: Standard;
  /** The document's stance (who writes, what kind of document): the sentence is classified as part of it. */
  stance?: DocumentStance;
  /** The body the document is written to: a passive order may name it as the one who acts. */
  addressee?: string;
  /** The document, for the document-level score change of each suggestion (and the sentence's labels there). */
  context?: SuggestContext;
  /**
   * The sentence's labels as its document's analysis gave them (they may draw on more than the sentence); default:
   * those of `context`, else the sentence classified on its own.
   */
  labels?: Scored['labels'];
  /** At most this many suggestions (default 5). */
  max?: number;
}

export interface Suggestion {
  text: string;
  framing: Framing;
  deontic: Deontic;
  /** Change of the sentence score (the sentence scored as a document of its own), −100 … +100 scale. */
  scoreDelta: number;
  /** With a context: change of the document's score if the sentence is replaced by this one. */
  documentDelta?: number;
  reason: string;
  strategy: StrategyId;
  /** Share of the original's content words the rewrite keeps. */
  retention: number;
  /** The engine's labels of the rewrite (for a document-level score change computed elsewhere: documentScoreChange). */
  labels: SentenceLabels & { actorLevel: ActorLevel };
}

export interface SentenceSuggestions {
  text: string;
  framing: Framing;
  deontic: Deontic;
  /** The sentence score (−100 top-down … +100 enabling). */
  score: number;
  /** Set when the sentence states a legal duty: the phrase that makes it one. */
  legal?: string;
  /** Why there are no suggestions although the sentence is top-down (a legal duty). */
  note?: string;
  suggestions: Suggestion[];
}

interface Scored {
  labels: SentenceLabels & { actorLevel: ActorLevel };
}

const NN_MARK = /^(innan|ikkje|frå|eit|ein|òg|vert|vart|korleis|kva|kven|berre|dei|desse|sjølv|saman|mykje|noko|nokre|meir|heile|eg|me|ho|fleire|medan)$|\p{L}{3}(ast|ane|inga)$/u;
const NB_MARK = /^(innen|ikke|fra|et|en|også|blir|ble|hvordan|hva|hvem|bare|de|disse|selv|sammen|mye|noe|noen|mer|hele|jeg|vi|hun|flere|mens)$|\p{L}{3}(ene|elsen|elser|ingen)$/u;

/**
 * The written standard of one sentence: the engine's marker words (classify/words.ts), then a count of Nynorsk and
 * Bokmål function words and endings («innan», «-ast» passives, «-ane» plurals against «innen», «-ene»).
 */
export function standardOfSentence(sentence: string): Standard {
  const tokens = tokenize(sentence);
  if (standardOf(tokens) === 'nn') return 'nn';
  let nn = 0;
  let nb = 0;
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    if (NN_MARK.test(t.lower)) nn++;
    else if (NB_MARK.test(t.lower)) nb++;
  }
  return nn > nb ? 'nn' : 'nb';
}

function parse(text: string, compiled: CompiledLexicon, std: Standard, stance: DocumentStance | undefined): Parsed {
  const tokens = tokenize(text);
  const matches = matchTokens(text, tokens, compiled);
  const facts = sentenceFacts(text, tokens, matches, compiled, std);
  const classification = decide(facts, text, { stance, standard: std });
  // the classifier tags only a sentence with a deontic cue; the rewrites and the fact checks read every sentence's
  // word classes and lemmas (a rewrite usually has no cue left)
  const words = facts.words.every((w) => w.punct || w.upos) ? facts.words : toWords(tokens, std);
  return { text, words, matches, readings: facts.readings, classification, std };
}

function asSentence(labels: Scored['labels'], text: string, index = 0): SentenceAnalysis {
  return {
    ...labels,
    index,
    start: 0,
    end: text.length,
    text,
    actorLevel: labels.actorLevel,
    reason: { deontic: '', framing: '' },
    matches: [],
    page: 1,
    section: 0,
    excluded: false,
  };
}

/**
 * The sentence score: the sentence scored as a document of its own (the engine's score formula, docs/scoring.md,
 * with the words of a short document), −100 (top-down) … +100 (enabling). A binding order scores about −27, a
 * permission about +27, a description 0.
 */
export function sentenceScore(labels: Scored['labels'], text: string, kind: DocumentKind = 'steering'): number {
  return scoreDocument([asSentence(labels, text)], countWords(text), { kind }).value;
}

/** The document's score before and after replacing sentence `index` by a sentence with `labels` and `text`. */
export function documentScoreChange(analysis: DocumentAnalysis, index: number, labels: Scored['labels'], text: string): { before: number; after: number; delta: number } {
  const kind = analysis.stance.kind as DocumentKind;
  const content = analysis.sentences.filter((s) => !s.excluded);
  const old = analysis.sentences[index];
  const before = scoreDocument(content, analysis.words, { kind }).value;
  if (!old || old.excluded) return { before, after: before, delta: 0 };
  const replaced = content.map((s) => (s.index === index ? { ...asSentence(labels, text, index), start: s.start, end: s.end } : s));
  const words = analysis.words - countWords(old.text) + countWords(text);
  const after = scoreDocument(replaced, words, { kind }).value;
  return { before, after, delta: Math.round((after - before) * 10) / 10 };
}

/**
 * The body a document addresses: the actor it obliges most often among bodies below its writer (at least twice),
 * as written; undefined when there is none.
 */
export function addresseeOf(analysis: DocumentAnalysis): string | undefined {
  const counts = new Map<string, { n: number; text: string }>();
  for (const s of analysis.sentences) {
    if (s.excluded || !s.directive || !s.actor || s.actorLevel !== 'subordinate') continue;
    if (/\s/.test(s.actor.trim()) && !/^\p{Lu}/u.test(s.actor)) continue;
    const key = s.actor.toLowerCase();
    const c = counts.get(key) ?? { n: 0, text: s.actor };
    c.n++;
    counts.set(key, c);
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  return best && best.n >= 2 ? best.text : undefined;
}

function legalNote(phrase: string): string {
  return `a legal duty («${phrase}»): the duty comes from the law, so the sentence is kept as it is`;
}

/** The next fix of a candidate that is still top-down: the same kind of change first, then any. */
function nextFix(p: Parsed, prefer: StrategyId, opts: StrategyOptions): Candidate | undefined {
  const all: Candidate[] = [];
  for (const r of steerable(p)) all.push(...rewritesOf(p, r, opts));
  all.push(...sentenceRewrites(p));
  const rank = (c: Candidate) => (c.strategy === prefer ? -1 : STRATEGY_ORDER.indexOf(c.strategy));
  return all.sort((a, b) => rank(a) - rank(b))[0];
}

/** Suggestions for one sentence (the text of one sentence, as written). */
export function suggestRewrites(sentence: string, opts: SuggestOptions = {}): SentenceSuggestions {
  // a longer «sentence» is running text (and rewriting it would cost the square of its length)
  if (sentence.length > MAX_SENTENCE_CHARS) throw new RangeError(sentenceTooLong(sentence.length));
  const compiled = compileLexicon(opts.lexicon ?? builtinLexicon());
  const std: Standard = opts.standard ?? opts.context?.analysis.language ?? standardOfSentence(sentence);
  const stance = opts.stance;
  const kind: DocumentKind = stance?.kind ?? (opts.context?.analysis.stance.kind as DocumentKind | undefined) ?? 'steering';
  const orig = parse(sentence, compiled, std, stance);
  const inDocument = opts.context?.analysis.sentences[opts.context.index];
  const c0: Scored['labels'] = opts.labels ?? (inDocument && inDocument.text === sentence ? inDocument : orig.classification);
  const score0 = sentenceScore(c0, sentence, kind);
  const base = { text: sentence, framing: c0.framing, deontic: c0.deontic, score: score0 };
  if (c0.framing !== 'top-down') return { ...base, suggestions: [] };
  const legal = legalBasis(sentence, orig.matches);
  if (legal) return { ...base, legal, note: legalNote(legal), suggestions: [] };

  const strategyOpts: StrategyOptions = { addressee: opts.addressee };
  const candidates: Candidate[] = [];
  for (const r of steerable(orig).slice(0, 2)) candidates.push(...rewritesOf(orig, r, strategyOpts));
  candidates.push(...sentenceRewrites(orig));

  const cues = (p: Parsed) => p.matches.filter((m) => compiled.byId.get(m.entry)?.cue);
  const facts0 = factsOf(orig.words, cues(orig));
  let budget = BUDGET;
  const seen = new Set<string>([sentence]);
  const out: Suggestion[] = [];
  for (const first of candidates) {
    if (budget <= 0) break;
    if (seen.has(first.text)) continue;
    let cand = first;
    let parsed = parse(cand.text, compiled, std, stance);
    budget--;
    // a sentence with two orders («skal utpeke … som skal delta») or an order and a deadline needs more than one change
    for (let round = 0; round < 2 && parsed.classification.framing === 'top-down' && budget > 0; round++) {
      const next = nextFix(parsed, first.strategy, strategyOpts);
      if (!next || seen.has(next.text)) break;
      cand = { ...cand, text: next.text, reason: round === 0 ? `${cand.reason}; ${next.reason}` : `${cand.reason}; …`, addedActor: cand.addedActor ?? next.addedActor };
      parsed = parse(cand.text, compiled, std, stance);
      budget--;
    }
    if (seen.has(cand.text)) continue;
    seen.add(cand.text);
    const c = parsed.classification;
    if (DEBUG) DEBUG(`${c.framing} ${c.deontic} ${cand.strategy}: ${cand.text}`);
    if (c.framing === 'top-down') continue;
    const facts = factsOf(parsed.words, cues(parsed));
    const check = checkFacts(facts0, facts, cand.addedActor ? [cand.addedActor] : []);
    const kept = retention(facts0, facts);
    if (DEBUG) DEBUG(`   facts ${check.problems.join(', ') || 'ok'}; retention ${kept.toFixed(2)}`);
    if (!check.ok) continue;
    if (kept < MIN_RETENTION) continue;
    const score = sentenceScore(c, cand.text, kind);
    if (score < score0) continue; // never a rewrite that makes the score worse
    const s: Suggestion = {
      text: cand.text,
      framing: c.framing,
      deontic: c.deontic,
      scoreDelta: Math.round((score - score0) * 10) / 10,
      reason: cand.reason,
      strategy: cand.strategy,
      retention: Math.round(kept * 1000) / 1000,
      labels: {
        deontic: c.deontic,
        directive: c.directive,
        actor: c.actor,
        district: c.district,
        innovation: c.innovation,
        cocreation: c.cocreation,
        collaboration: c.collaboration,
        control: c.control,
        framing: c.framing,
        actorLevel: c.actorLevel,
      },
    };
    if (opts.context) s.documentDelta = documentScoreChange(opts.context.analysis, opts.context.index, c, cand.text).delta;
    out.push(s);
  }
  const rank = (s: Suggestion) => STRATEGY_ORDER.indexOf(s.strategy);
  out.sort((a, b) => (b.documentDelta ?? b.scoreDelta) - (a.documentDelta ?? a.scoreDelta) || b.scoreDelta - a.scoreDelta || rank(a) - rank(b) || b.retention - a.retention || a.text.length - b.text.length);
  return { ...base, suggestions: out.slice(0, opts.max ?? 5) };
}
