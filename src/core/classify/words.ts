import { grammar } from '../lexicon';
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

/**
 * The index of the first word that starts at or after `offset` (a match's first word, or the word after it), -1 when
 * none does. Words are in text order: a binary search, not a scan per match.
 */
export function wordAt(words: readonly Pick<Word, 'start'>[], offset: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < words.length ? lo : -1;
}

/** Words that are Nynorsk and not Bokmål. */
const NN_ONLY = new Set([
  'ikkje', 'eg', 'kva', 'korleis', 'kven', 'kvifor', 'dei', 'vere', 'ein', 'eit', 'frå', 'berre', 'vert', 'vart', 'difor', 'medan',
  'dessutan', 'kommunane', 'bydelane', 'bydelar', 'tenester', 'tenesta', 'tenestene', 'mogleg', 'òg', 'saman', 'meir', 'mykje',
  'sjølv', 'verksemd', 'verksemder', 'verksemdene', 'høve', 'utval', 'fylkeskommunane', 'heile', 'noko', 'nokre', 'korleis',
  'kvar', 'kvart', 'fleire', 'eigne', 'eigen', 'eige', 'sjølve', 'sidan', 'kjem', 'kome', 'leggje', 'gje', 'gjev', 'heime',
  'ønskjer', 'dømes', 'vore', 'innbyggjar', 'innbyggjarar', 'innbyggjarane', 'løysing', 'løysingar', 'løysingane',
  'erfaringar', 'organisasjonar', 'deltakarar', 'handsame', 'handsamast', 'tilsette', 'frivilligheita',
  'meiner', 'treng', 'fekk', 'tek', 'gjer', 'oppgåve', 'oppgåver', 'oppgåvene', 'tilbod', 'tilbodet', 'midlar', 'midlane',
  'ressursar', 'føringar', 'utfordringar', 'moglegheit', 'moglegheiter', 'framleis', 'innan', 'handsaming', 'tidleg',
  'særleg', 'vanleg', 'kvarandre', 'vedteke', 'utvalet', 'bydelsutvalet', 'høyring', 'naudsynt', 'bede', 'bedne',
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
  // built by push, not map: arrays of one elements kind whether this code runs optimised or not (an array from an
  // optimised map can differ in kind, and the rules optimised for one kind would be deoptimised by the other)
  const out: Word[] = [];
  for (const t of tokens) {
    const punct = t.kind === 'punct';
    out.push({ text: t.text, lower: t.lower, upos: punct ? 'PUNCT' : '', lemma: punct ? t.text : t.lower, start: t.start, end: t.end, punct });
  }
  return out;
}

export function toWords(tokens: readonly Token[], standard: Standard): Word[] {
  const tags = tagTokens(tokens, standard);
  const out: Word[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const punct = t.kind === 'punct';
    out.push({ text: t.text, lower: t.lower, upos: punct ? 'PUNCT' : tags[i].upos, lemma: punct ? t.text : tags[i].lemma, start: t.start, end: t.end, punct });
  }
  afterModals(out);
  bodiesAsNouns(out);
  return out;
}

/** The names of bodies in the grammar's actor lists («direktoratet», «departementet», «bydelene», «kommunen»). */
const BODIES = new Set([...grammar.superiorActors, ...grammar.agencyActors, ...grammar.localActors].filter((a) => !a.includes(' ')));

/**
 * A body's name that the tagger took for a verb, an adjective or an adverb («Departementet ber direktoratet/VERB utrede
 * …») is a noun: the lists name bodies only, and no verb has these forms.
 */
function bodiesAsNouns(words: Word[]): void {
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.punct || !(w.upos === 'VERB' || w.upos === 'ADJ' || w.upos === 'ADV' || w.upos === 'X') || !BODIES.has(w.lower)) continue;
    words[i] = { ...w, upos: /^\p{Lu}/u.test(w.text) && i > 0 ? 'PROPN' : 'NOUN', lemma: w.lower };
  }
}

const MODALS = new Set(['skal', 'må', 'kan', 'bør', 'skulle', 'måtte', 'kunne', 'burde', 'vil']);
/** Words that may stand between a modal and its verb («skal ikke lenger», «må også», «kan alltid»). */
const BETWEEN = new Set(['ikke', 'ikkje', 'lenger', 'lengre', 'også', 'òg', 'alltid', 'heller', 'fortsatt', 'framleis', 'derfor', 'likevel', 'snarest', 'raskt']);
/** An «-s» passive of a verb the tagger has rarely seen («detaljstyres», «samordnast»): 6+ letters, «-es» or «-ast». */
const S_PASSIVE = /^\p{Ll}{4,}(es|ast)$/u;
/** A present-tense or plural form: «-er»/«-ar» after at least three letters. */
const ER_FORM = /^\p{Ll}{3,}(er|ar)$/u;

/**
 * The word right after each modal (a few adverbs between), where the tagger's word class is corrected by its form:
 * - a rare «-s» passive taken for a pronoun, a noun or an adjective is a verb («Bydelene skal ikke lenger
 *   detaljstyres»: PRON): nothing else of that form can stand there;
 * - a form in «-er»/«-ar» taken for a verb is the inverted subject, a plural noun («Samtidig må virkemidler målrettes»,
 *   «Fra 2024 skal derfor brukererfaringsundersøkelser … settes i system»): a modal is followed by an infinitive, and
 *   no infinitive ends so.
 */
function afterModals(words: Word[]): void {
  for (let i = 0; i < words.length; i++) {
    if (!MODALS.has(words[i].lower)) continue;
    let k = i + 1;
    while (k < words.length && k <= i + 3 && BETWEEN.has(words[k].lower)) k++;
    const w = words[k];
    if (!w || w.punct) continue;
    if (S_PASSIVE.test(w.text) && (w.upos === 'PRON' || w.upos === 'NOUN' || w.upos === 'ADJ' || w.upos === 'X' || w.upos === 'PROPN'))
      words[k] = { ...w, upos: 'VERB', lemma: w.lower.replace(/(es|ast)$/, 'e') };
    else if (w.upos === 'VERB' && ER_FORM.test(w.text)) words[k] = { ...w, upos: 'NOUN', lemma: w.lower };
  }
}
