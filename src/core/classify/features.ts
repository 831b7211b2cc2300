import type { TermMatch } from '../types';
import type { LexiconEntry } from '../lexicon';
import type { Reading } from './deontic';
import type { Word } from './words';
import { MONTHS } from '../util/months';
import { firstNonPunct } from './clause';

/**
 * Features of a sentence for the learned layer (learned.ts): the facts the rules established (the cue, its
 * subject, main verb, clause, passive and negation; the rule's own verdict), the sentence's verbs and a few facts
 * about the whole sentence. Feature names are readable, since the strongest of them explain a label.
 */

export interface SentenceFacts {
  words: readonly Word[];
  /** The words carry word classes and lemmas (only sentences with a deontic cue are tagged). */
  tagged: boolean;
  readings: readonly Reading[];
  matches: readonly TermMatch[];
  entry: (id: string) => LexiconEntry | undefined;
}


const YEAR = /^(19|20)\d\d$/;
function reading(r: Reading, tag: string): string[] {
  const L = `${tag}${r.lemma}`;
  const s = r.subject;
  const p = r.pred;
  const f: string[] = [L, `${L}>${r.force}`];
  f.push(`${L}|subj:${s?.kind ?? 'none'}`);
  if (s) {
    f.push(`${L}|subj:${s.kind}|${s.plural ? 'pl' : 'sg'}`, `${L}|subjlemma:${s.lemma}`);
    if (s.proper) f.push(`${L}|subj:proper`);
    if (s.level) f.push(`${L}|subjlevel:${s.level}`);
  }
  if (p) {
    f.push(`${L}|clause:${p.clause.type}`);
    if (p.passive) f.push(`${L}|passive`, `${L}|passive|subj:${s?.kind ?? 'none'}`);
    if (p.negated) f.push(`${L}|neg`);
    if (p.inverted) f.push(`${L}|inverted`);
    if (p.hedged) f.push(`${L}|hedged`);
    if (p.expects) f.push(`${L}|expects`);
    if (p.relativeSubject) f.push(`${L}|relative-subject`);
    for (const g of p.clause.governor) f.push(`${L}|gov:${g}`);
    for (const c of p.chain) f.push(`${L}|chain:${c}`);
    if (r.mainLemma) f.push(`${L}|verb:${r.mainLemma}`, `${L}|verb:${r.mainLemma}|subj:${s?.kind ?? 'none'}`);
    else f.push(`${L}|noverb`);
  }
  return f;
}

const MONTH_WORDS = new Set([...MONTHS, 'våren', 'høsten', 'sommeren', 'vinteren', 'våres', 'haustes', 'hausten']);
const DEADLINE_WORDS = new Set(['innen', 'innan', 'frist', 'fristen', 'senest', 'seinast', 'tidligst', 'tidlegast']);
const WE = new Set(['vi', 'me', 'vår', 'våre', 'oss']);
const MONEY = new Set(['kr', 'kroner', 'mill', 'millioner', 'mrd', 'milliarder']);

/** Facts about the whole sentence (one pass over its words). */
function sentenceFeatures(facts: SentenceFacts): string[] {
  const w = facts.words;
  const f: string[] = ['bias'];
  let first: Word | undefined;
  let n = 0;
  let question = false;
  let colon = false;
  let quote = false;
  let year = false;
  let month = false;
  let deadline = false;
  let iLopet = false;
  let we = false;
  let money = false;
  let verb = false;
  // (a quotation mark inside the sentence, not one around it: a whole sentence quoted says what it says)
  const opening = firstNonPunct(w);
  let lastWord = w.length - 1;
  while (lastWord > 0 && w[lastWord].punct) lastWord--;
  for (let i = 0; i < w.length; i++) {
    const x = w[i];
    const t = x.text;
    const l = x.lower;
    if (!x.punct) n++;
    if (t === '?') question = true;
    else if (t === ':') colon = true;
    else if ((t === '«' || t === '"' || t === '“') && i > opening && i < lastWord) quote = true;
    if (t.length === 4 && YEAR.test(t)) year = true;
    if (MONTH_WORDS.has(l)) month = true;
    if (DEADLINE_WORDS.has(l)) deadline = true;
    if (l === 'i' && w[i + 1]?.lower === 'løpet') iLopet = true;
    if (WE.has(l)) we = true;
    if (MONEY.has(l)) money = true;
    if (x.upos === 'VERB' || x.upos === 'AUX') verb = true;
  }
  // (the first word after a list item's numbering or bullet: «2. Det sistnevnte skal …» opens with «det»)
  first = w[opening];
  if (first) {
    f.push(`first:${first.lemma.toLowerCase()}`);
    if (facts.tagged) f.push(`first-pos:${first.upos}`);
    if (first.upos === 'VERB' && /^\p{Lu}/u.test(first.text) === false) f.push('first:lower-verb');
    if (first.upos === 'VERB') f.push('first:verb');
  }
  f.push(`len:${n < 8 ? 'short' : n < 25 ? 'mid' : n < 45 ? 'long' : 'xlong'}`);
  if (question) f.push('question-mark');
  if (colon) f.push('colon');
  if (quote) f.push('quote');
  if (year) f.push('year');
  if (month) f.push('month');
  if (deadline) f.push('deadline');
  if (iLopet) f.push('deadline');
  if (we) f.push('we');
  if (money) f.push('money');
  if (!facts.readings.length) f.push('no-cue');
  if (facts.tagged && !verb) f.push('no-verb');
  return f;
}

/** Features for the deontic decision. */
export function deonticFeatures(facts: SentenceFacts): string[] {
  const f = sentenceFeatures(facts);
  const top = facts.readings[0];
  f.push(`rule:${top?.force ?? 'none'}`);
  if (top) f.push(...reading(top, 'cue:'));
  for (const r of facts.readings.slice(1, 3)) f.push(`other:${r.lemma}>${r.force}`);
  for (const r of facts.readings) f.push(`any:${r.lemma}>${r.force}`);
  for (const x of facts.words) if (x.upos === 'VERB' || x.upos === 'AUX') f.push(`v:${x.lemma.toLowerCase()}`);
  return f;
}

