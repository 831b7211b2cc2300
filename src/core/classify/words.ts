import { grammar, LIGHT_ADVERBS } from '../lexicon';
import type { Token } from '../types';
import { Standard, tagWords } from '../tag';
import { MONTHS } from '../util/months';
import { tokenize } from '../tokenize/tokenize';

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

/** Bullets that open a list item. */
const BULLETS = new Set(['-', '–', '—', '•', '*', '·', '▪', '◦', '►', '➢', '→', '', '']);
/** Opening quotation marks and brackets: a quoted or bracketed sentence starts after them. */
const OPENERS = new Set(['«', '"', '“', '„', '‘', "'", '(', '[']);
/** A list item's letter or Roman number, before «)»: «a)», «iii)». */
const ITEM_LETTER = /^([a-zæøå]|i{1,3}|iv|vi{0,3}|ix|x)$/;

/**
 * Where the sentence's own words begin: past opening quotation marks, bullets and list numbering («- », «2. », «3) »,
 * «b) », «iii) », a PDF list's «o »). A list item's first word is capitalised as a sentence's first word is, and is no
 * proper name for it
 * («2. Prosjektgruppen skal …»). A number before a month is a date («1. mars skal …»), and a number before a word is
 * part of the sentence («2 kommuner …»): both kept.
 */
export function openingOf(items: readonly { text: string; lower: string }[], isPunct: (k: number) => boolean): number {
  let k = 0;
  while (k < items.length && k < 8) {
    const t = items[k];
    const next = items[k + 1];
    if (isPunct(k)) {
      if (BULLETS.has(t.text) || OPENERS.has(t.text) || t.text === ')' || t.text === '.') {
        k++;
        continue;
      }
      return k;
    }
    // «2.», «3)», «b)»: a number or a letter closed by a full stop or a parenthesis, not a date
    const closed = next !== undefined && isPunct(k + 1) && (next.text === '.' || next.text === ')');
    if (closed && /^\d{1,3}$/.test(t.text) && !MONTHS.has(items[k + 2]?.lower ?? '')) {
      k += 2;
      continue;
    }
    if (closed && next.text === ')' && ITEM_LETTER.test(t.lower)) {
      k += 2;
      continue;
    }
    // «o Frist 1.11.2026»: a bullet drawn as the letter o
    if (k === 0 && t.text === 'o' && /^\p{Lu}/u.test(next?.text ?? '')) {
      k++;
      continue;
    }
    // «Merknad: Prosjektgruppen skal …», «Tiltak 3: Bydelene skal …»: a label before a colon, then the sentence
    const label = labelEnd(items, k, isPunct);
    if (label > k) {
      k = label;
      continue;
    }
    return k;
  }
  return k;
}

/** Words that make what stands before a colon a clause, not a label («Vi ber om følgende:», «Målet er:»; grammar.json). */
const NOT_LABEL: ReadonlySet<string> = new Set(grammar.notLabelWords);

/** How far after its first word a label's colon may stand («Tiltak 3.2.1:»); clause.ts firstNonPunct looks as far. */
export const LABEL_REACH = 9;

/**
 * The index after a label that opens a sentence at k: one to three words, the first capitalised, none a verb or a
 * pronoun, and numbers («Tiltak 3», «Mål 2.1»), then a colon and a capitalised word; else k.
 */
function labelEnd(items: readonly { text: string; lower: string }[], k: number, isPunct: (k: number) => boolean): number {
  if (!/^\p{Lu}/u.test(items[k].text)) return k;
  let c = k + 1;
  let wordCount = 1;
  while (c < items.length && items[c].text !== ':') {
    // (a number's full stops may stand in it: «Mål 2.1:», «Tiltak 3.2.1:»)
    if (isPunct(c) ? items[c].text !== '.' || !/^\d/.test(items[c + 1]?.text ?? '') : ++wordCount > 3 && !/^\d+$/.test(items[c].text)) return k;
    if (c - k >= LABEL_REACH) return k;
    c++;
  }
  if (items[c]?.text !== ':' || !/^\p{Lu}/u.test(items[c + 1]?.text ?? '') || isPunct(c + 1)) return k;
  for (let x = k; x < c; x++) if (NOT_LABEL.has(items[x].lower)) return k;
  return c + 1;
}

export function toWords(tokens: readonly Token[], standard: Standard): Word[] {
  // a list item is tagged from its first word, as a sentence is (the tagger read «2. Prosjektgruppen» as a name)
  const open = openingOf(tokens, (k) => tokens[k].kind === 'punct');
  const shift = open > 0 && open < tokens.length ? open : 0;
  const phrases = phraseLengths(tokens);
  const input = taggerInput(tokens, shift, phrases);
  const tags = tagWords(input.words, standard);
  const out: Word[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const punct = t.kind === 'punct';
    if (i < shift) {
      out.push({ text: t.text, lower: t.lower, upos: punct ? 'PUNCT' : t.kind === 'number' ? 'NUM' : 'X', lemma: punct ? t.text : t.lower, start: t.start, end: t.end, punct });
      continue;
    }
    // (a word the tagger did not read is an adverb: a light adverb, or a further word of an adverbial phrase, which
    // adverbialPhrases marks as such)
    const g = input.at[i] >= 0 ? tags[input.at[i]] : undefined;
    out.push({ text: t.text, lower: t.lower, upos: punct ? 'PUNCT' : g ? g.upos : 'ADV', lemma: punct || !g ? t.lower : g.lemma, start: t.start, end: t.end, punct });
  }
  adverbialPhrases(out, phrases);
  afterModals(out);
  bodiesAsNouns(out);
  openingInfinitive(out, open);
  return out;
}

/** Light adverbs that are never anything else: the tagger does not read them (they are adverbs; grammar.json). */
const UNREAD_ADVERBS: ReadonlySet<string> = new Set([...LIGHT_ADVERBS].filter((w) => !grammar.taggedLightAdverbs.includes(w)));

/** What the tagger reads in place of an adverbial phrase: an adverb of one word, which may stand where it stands. */
const STAND_IN = 'også';

/**
 * The token texts the tagger reads, from `from` on, and where each token's tag is in its output (-1: not read): an
 * adverbial of several words or an abbreviation («blant annet», «bl.a.») is read as one «også», so that the words
 * around it are tagged as around an adverb (after «kan blant annet» the tagger read «forstås» as a noun and «skape»
 * as an adjective: «annet» is most often a pronoun); a light adverb that is never anything else is not read at all
 * (after «skal også hovedsakelig» it read «støtte» as a noun).
 */
function taggerInput(tokens: readonly Token[], from: number, phrases: Uint8Array): { words: string[]; at: Int32Array } {
  const words: string[] = [];
  const at = new Int32Array(tokens.length).fill(-1);
  for (let i = from; i < tokens.length; i++) {
    if (i > from && UNREAD_ADVERBS.has(tokens[i].lower)) continue;
    at[i] = words.length;
    if (!phrases[i]) {
      words.push(tokens[i].text);
      continue;
    }
    words.push(i === from && /^\p{Lu}/u.test(tokens[i].text) ? 'Også' : STAND_IN);
    i += phrases[i] - 1;
  }
  return { words, at };
}

/**
 * The adverbial phrases of a sentence (grammar.json `adverbialPhrases`, the longest at each place, left to right, none
 * overlapping): at the index each starts, its length in tokens; 0 elsewhere. Found once, read by the tagger's input and
 * by adverbialPhrases.
 */
function phraseLengths(tokens: readonly Token[]): Uint8Array {
  const out = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const cands = ADVERBIAL_PHRASES.get(tokens[i].lower);
    if (!cands) continue;
    for (const seq of cands) {
      if (i + seq.length > tokens.length) continue;
      let k = 1;
      while (k < seq.length && tokens[i + k].lower === seq[k]) k++;
      if (k < seq.length) continue;
      out[i] = seq.length;
      i += seq.length - 1;
      break;
    }
  }
  return out;
}

/** The words of adverbial phrases found by adverbialPhrases (the rules look past them as past a light adverb). */
const PHRASE_WORDS = new WeakSet<Word>();
/** Is the word part of an adverbial of several words or an abbreviation («blant annet», «bl.a.»)? */
export function inAdverbialPhrase(w: Word): boolean {
  return PHRASE_WORDS.has(w);
}
/** grammar.json `adverbialPhrases` as word sequences (the tokenizer's: «bl.a.» is «bl», «.», «a», «.»), by first word. */
const ADVERBIAL_PHRASES = new Map<string, string[][]>();
for (const p of grammar.adverbialPhrases) {
  const seq = tokenize(p).map((t) => t.lower);
  const list = ADVERBIAL_PHRASES.get(seq[0]) ?? [];
  list.push(seq);
  list.sort((a, b) => b.length - a.length);
  ADVERBIAL_PHRASES.set(seq[0], list);
}
/**
 * An adverbial of several words or an abbreviation («blant annet», «bl.a.», «i tillegg») is one adverb: every word
 * of it ADV, an abbreviation's full stops no punctuation (they end no clause). Else «skal bl.a. rapportere» loses its
 * verb behind a full stop, and «skal blant annet …» reads «annet» as an inverted subject.
 */
function adverbialPhrases(words: Word[], phrases: Uint8Array): void {
  for (let i = 0; i < words.length; i++) {
    const n = phrases[i];
    if (!n) continue;
    for (let j = i; j < i + n; j++) {
      words[j] = { ...words[j], upos: 'ADV', lemma: words[j].lower, punct: false };
      PHRASE_WORDS.add(words[j]);
    }
    i += n - 1;
  }
}

/** Infinitives that open an assignment list's items («Vurdere om …», «Utarbeide en plan …»; grammar.json). */
const TASK_INFINITIVES = new Set(grammar.infinitiveTaskVerbs);
/**
 * An item that opens with a task verb («Vurdere om det skal utredes …», «- Etablere et team …») opens with the verb:
 * the tagger, which learnt from sentences, reads a capitalised first word as a noun or a name. Not when a verb follows
 * it, which makes it the subject («Styrke er …»).
 */
function openingInfinitive(words: Word[], open: number): void {
  const w = words[open];
  if (!w || w.upos === 'VERB' || !/^\p{Lu}\p{Ll}+$/u.test(w.text) || !TASK_INFINITIVES.has(w.lower)) return;
  const next = words[open + 1];
  if (next && (next.upos === 'VERB' || next.upos === 'AUX')) return;
  words[open] = { ...w, upos: 'VERB', lemma: w.lower };
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
/** A past form or a participle in the plural: «-te»/«-de» after at least four letters («standardiserte», «vedtatte»). */
const PAST_FORM = /^\p{Ll}{4,}(te|de)$/u;
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
    // (an adverbial phrase's words, however many, and up to three of the words of BETWEEN)
    while (k < words.length && (PHRASE_WORDS.has(words[k]) || (k <= i + 3 && BETWEEN.has(words[k].lower)))) k++;
    const w = words[k];
    if (!w || w.punct) continue;
    if (S_PASSIVE.test(w.text) && (w.upos === 'PRON' || w.upos === 'NOUN' || w.upos === 'ADJ' || w.upos === 'X' || w.upos === 'PROPN'))
      words[k] = { ...w, upos: 'VERB', lemma: w.lower.replace(/(es|ast)$/, 'e') };
    else if (w.upos === 'VERB' && ER_FORM.test(w.text)) words[k] = { ...w, upos: 'NOUN', lemma: w.lower };
    // a past form before a noun is an adjective of the inverted subject («For eksempel skal standardiserte
    // grensesnitt … bidra»): a modal takes an infinitive
    // (a past form is not its own lemma: «utrede», «lede», «sette», «møte» are infinitives)
    else if (w.upos === 'VERB' && PAST_FORM.test(w.text) && w.lemma.toLowerCase() !== w.lower && words[k + 1]?.upos === 'NOUN') words[k] = { ...w, upos: 'ADJ', lemma: w.lower };
  }
}
