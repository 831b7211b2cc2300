import { isAgent } from '../classify/actors';
import type { Word } from '../classify/words';
import { MONTHS } from '../util/months';

/**
 * The facts of a sentence that a rewrite must keep: its numbers (dates, amounts, deadlines, paragraph numbers),
 * its month names, its actors (bodies and groups that can act, proper names), and its content words. A rewrite
 * changes the steering only: it may not lose or add a number, a month or an actor, and it keeps most content
 * words (the cue it replaces is the usual loss).
 */

const STRONG_HEAD = /(direktorat|departement|etat|kommun|bydel|foretak|institutt|tilsyn|vegvesen|statsforvalter|helsenett|sekretariat|utvalg|utval|regjering)/;
/** Word classes that carry content; modal and auxiliary verbs (AUX) do not. */
const CONTENT = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM']);
/** Verb lemmas that only steer or carry tense: what rewrites swap («skal» → «kan», «bes» → «inviteres»). */
const FUNCTION_VERBS = new Set(['skulle', 'måtte', 'kunne', 'burde', 'ville', 'bli', 'verte', 'være', 'vere', 'ha', 'få']);

export interface SentenceFactSet {
  /** Every number as written, in order («1.10.2026», «56,601», «45»). */
  numbers: string[];
  months: string[];
  /** Actors, lower case, each once. */
  actors: string[];
  /** Content-word lemmas, lower case (a multiset: repeated words count each time). */
  content: string[];
  /** Every word, lower case (an actor is only new or lost when its word is). */
  words: string[];
}

function isNumber(w: Word): boolean {
  return /\d/.test(w.text);
}

function isActor(w: Word): boolean {
  if (w.punct || isNumber(w)) return false;
  // a verb that looks like an agent noun («utarbeide», «utarbeider»: «arbeid») is not one, but a body the tagger
  // took for a verb is («velferdsdirektoratet»)
  if ((w.upos === 'VERB' || w.upos === 'AUX') && !STRONG_HEAD.test(w.lower)) return false;
  if (isAgent(w.lower, w.text)) return true;
  // a proper name inside the sentence (not just a capitalised first word)
  return w.upos === 'PROPN' && /^\p{Lu}/u.test(w.text);
}

/**
 * The facts of a tagged sentence. Words inside `steering` ranges (the deontic cues: «ber om», «bes», «forutsetter
 * at») are steering, not content: a rewrite replaces them.
 */
export function factsOf(words: readonly Word[], steering: readonly { start: number; end: number }[] = []): SentenceFactSet {
  const numbers: string[] = [];
  const months: string[] = [];
  const actors = new Set<string>();
  const content: string[] = [];
  const all: string[] = [];
  for (const w of words) {
    if (w.punct) continue;
    all.push(w.lower);
    if (isNumber(w)) numbers.push(w.text.replace(/[.,]$/, ''));
    else if (MONTHS.has(w.lower)) months.push(w.lower);
    if (isActor(w)) actors.add(w.lower);
    const lemma = w.lemma.toLowerCase();
    if (steering.some((r) => w.start >= r.start && w.end <= r.end)) continue;
    if ((CONTENT.has(w.upos) || isNumber(w)) && !FUNCTION_VERBS.has(lemma)) content.push(isNumber(w) ? w.text : lemma);
  }
  return { numbers, months, actors: [...actors].sort(), content, words: all };
}

function multiset(xs: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

function sameMultiset(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const m = multiset(a);
  for (const x of b) {
    const n = m.get(x);
    if (!n) return false;
    m.set(x, n - 1);
  }
  return true;
}

/** Share of the original's content words (a multiset) that the rewrite still has. 1 when there were none. */
export function retention(original: SentenceFactSet, rewrite: SentenceFactSet): number {
  if (original.content.length === 0) return 1;
  const have = multiset(rewrite.content);
  let kept = 0;
  for (const c of original.content) {
    const n = have.get(c);
    if (n) {
      kept++;
      have.set(c, n - 1);
    }
  }
  return kept / original.content.length;
}

export interface FactCheck {
  ok: boolean;
  /** What was lost or added, for the tests and the reason («lost 1.10.2026», «added Helsedirektoratet»). */
  problems: string[];
}

/**
 * Are the rewrite's facts those of the original? Numbers and months the same (same multiset); actors the same,
 * except `allowedActors` (lower case) may be added (the letter's addressee, named where a passive left it out).
 */
export function checkFacts(original: SentenceFactSet, rewrite: SentenceFactSet, allowedActors: readonly string[] = []): FactCheck {
  const problems: string[] = [];
  if (!sameMultiset(original.numbers, rewrite.numbers)) problems.push(`numbers ${original.numbers.join(' ')} → ${rewrite.numbers.join(' ')}`);
  if (!sameMultiset(original.months, rewrite.months)) problems.push(`months ${original.months.join(' ')} → ${rewrite.months.join(' ')}`);
  // the tagger may read the same word differently in the two sentences: an actor is lost or added only when its
  // word is
  const before = new Set(original.actors);
  const after = new Set(rewrite.actors);
  const wordsBefore = new Set(original.words);
  const wordsAfter = new Set(rewrite.words);
  for (const a of before) if (!after.has(a) && !wordsAfter.has(a)) problems.push(`lost ${a}`);
  for (const a of after) if (!before.has(a) && !wordsBefore.has(a) && !allowedActors.includes(a)) problems.push(`added ${a}`);
  return { ok: problems.length === 0, problems };
}
