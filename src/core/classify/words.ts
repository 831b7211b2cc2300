import type { Token } from '../types';
import { Standard, tagTokens } from '../tag';

/**
 * A sentence as the classifier reads it: each token with its word class (UD UPOS) and lemma from the
 * word-class layer (src/core/tag), its offsets and its lower-cased form.
 */
export interface Word {
  text: string;
  lower: string;
  upos: string;
  lemma: string;
  start: number;
  end: number;
  punct: boolean;
}

/** Words that are Nynorsk and not Bokmål. */
const NN_ONLY = new Set([
  'ikkje', 'eg', 'kva', 'korleis', 'kven', 'kvifor', 'dei', 'vere', 'ein', 'eit', 'frå', 'berre', 'vert', 'vart', 'difor', 'medan',
  'dessutan', 'kommunane', 'bydelane', 'bydelar', 'tenester', 'tenesta', 'tenestene', 'mogleg', 'òg', 'saman', 'meir', 'mykje',
  'sjølv', 'verksemd', 'verksemder', 'verksemdene', 'høve', 'utval', 'fylkeskommunane', 'heile', 'noko', 'nokre', 'korleis',
]);

/** Bokmål or Nynorsk, from marker words (for one sentence on its own; documents are detected whole). */
export function standardOf(tokens: readonly Token[]): Standard {
  let nn = 0;
  for (const t of tokens) if (NN_ONLY.has(t.lower)) nn++;
  return nn >= 2 || (nn === 1 && tokens.length < 12) ? 'nn' : 'nb';
}

/**
 * Words without word classes (a sentence with no deontic cue needs none: its topics are read from the word forms):
 * `upos` is empty and the lemma is the lower-cased form.
 */
export function plainWords(tokens: readonly Token[]): Word[] {
  return tokens.map((t) => ({ text: t.text, lower: t.lower, upos: t.kind === 'punct' ? 'PUNCT' : '', lemma: t.kind === 'punct' ? t.text : t.lower, start: t.start, end: t.end, punct: t.kind === 'punct' }));
}

export function toWords(tokens: readonly Token[], standard: Standard): Word[] {
  const tags = tagTokens(tokens, standard);
  return tokens.map((t, i) => ({
    text: t.text,
    lower: t.lower,
    upos: t.kind === 'punct' ? 'PUNCT' : tags[i].upos,
    lemma: t.kind === 'punct' ? t.text : tags[i].lemma,
    start: t.start,
    end: t.end,
    punct: t.kind === 'punct',
  }));
}
