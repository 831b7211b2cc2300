import { grammar, LIGHT_ADVERBS } from '../lexicon';
import { LABEL_REACH, openingOf, Word } from './words';
import { MONTHS } from '../util/months';
import { isAgent } from './actors';

/**
 * Clause structure over a tagged sentence, without a parser: where each clause begins and ends and what
 * introduces it, and for a finite verb (a modal such as «skal»), its grammatical subject (also after the verb,
 * in inverted order: «Innen 1. mars skal bydelene …»), its main verb, and whether the clause is passive
 * («-s» forms, «bli»/«verte» + participle) or negated. Every scan stays inside one clause or a bounded window,
 * so the work per sentence is linear in its length.
 */

export type ClauseType =
  | 'main'
  | 'complement' // «at …»
  | 'relative' // «som …», «der …»
  | 'question' // «hva …», «hvordan …», «om …» after a verb of asking
  | 'conditional' // «dersom», «hvis», «om»
  | 'temporal' // «når», «før», «etter at», «mens»
  | 'causal' // «fordi», «ettersom», «siden»
  | 'purpose' // «for at», «slik at»
  | 'concessive' // «selv om»
  | 'comparative'; // «enn», «som» comparing

export interface Clause {
  start: number;
  /** Exclusive. */
  end: number;
  type: ClauseType;
  /** Index of the word that introduces the clause (subordinator, relative, wh-word), if any. */
  intro?: number;
  /** Lemmas of up to three words before the subordinator («legge til grunn», «mål om», «ønske»). */
  governor: string[];
  /**
   * A clause that resumes after a relative clause with no comma («Tiltak som implementeres bredt bør …»): where the
   * words before that clause's «som» begin and the «som» (the subject is among them).
   */
  resumes?: { from: number; to: number };
}

export interface NP {
  start: number;
  /** Inclusive. */
  end: number;
  /** The head noun; for a coordination, the first. */
  head: number;
  /** All coordinated heads («Sykehuset og bydelene»). */
  heads: number[];
}

export interface Predication {
  /** The finite verb (the cue). */
  finite: number;
  clause: Clause;
  subject?: NP;
  /** The subject follows the finite verb. */
  inverted: boolean;
  /** The subject is the antecedent of «som». */
  relativeSubject: boolean;
  /** A cleft names who is responsible: «det er kommunen som skal …», «er det bydelene som må …». */
  cleft: boolean;
  main?: number;
  /** Lemmas of the verbs between the finite verb and the main verb («kunne», «bli», «være»). */
  chain: string[];
  passive: boolean;
  negated: boolean;
  /** A hedge in the clause («kanskje», «kan hende»). */
  hedged: boolean;
  /** An adverbial of present practice in the clause («i dag», «ofte»): the clause may describe, not demand. */
  habitual?: string;
  /** «ta høyde (for)», «regne med», «belage seg»: the verb phrase means «expect». */
  expects?: string;
  /** A deadline in the clause («innen fristen», «innen 1. mars», «senest»). */
  deadline: boolean;
  /** A year as the time frame of the clause, not a deadline: «i 2025», «fra 2026», «i løpet av 2025». */
  planYear: boolean;
  /**
   * A state to be reached by a year: a perfect infinitive after the verb and «innen»/«innan» a year, no date
   * («Kommunen skal innan 2027 ha teke i bruk …», «… skal innen utgangen av 2026 ha redusert …»): a target.
   */
  yearTarget: boolean;
}

/** How many adverbs the search for the main verb passes without counting them toward its reach. */
const MAX_SKIPPED_ADVERBS = 4;

/** Verbs of becoming or being: a state to be reached («skal bli klimanøytral innen 2030»). */
const BECOME = /^(bli|verte|være|vere)$/;
const DEADLINES = new Set(['frist', 'fristen', 'senest', 'seinast']);
/** «innen»/«innan» marks a deadline only before a time («innen 1. mars», «innen utgangen av året»), not a field («innen systemutvikling»). */
const WITHIN = new Set(['innen', 'innan']);
const TIME_AFTER_WITHIN = new Set([...MONTHS, 'utgangen', 'utgang', 'slutten', 'enden', 'fristen', 'årsskiftet', 'sommeren', 'høsten', 'hausten', 'våren', 'vinteren', 'neste', 'denne', 'dette', 'utløpet', 'dato', 'datoen', 'kort', 'rimelig', 'få', 'ett', 'to', 'tre', 'fire', 'fem', 'seks']);
/** Prepositions that make a year a time frame («i 2025», «fra 2026», «i løpet av 2025»), not a date of the past or a name. */
const YEAR_FRAME = new Set(['i', 'fra', 'frå', 'av', 'gjennom']);
const YEAR = /^20\d\d$/;
const HEDGES = new Set(['kanskje', 'trolig', 'antakelig', 'antageleg', 'sannsynligvis', 'truleg', 'muligens', 'moglegvis', 'hende']);
/** «i verste fall», «i beste fall»: a hedge in three words (at k, its last). */
function worstCase(words: readonly { lower: string }[], k: number): boolean {
  return words[k].lower === 'fall' && k >= 2 && words[k - 2].lower === 'i' && (words[k - 1].lower === 'verste' || words[k - 1].lower === 'beste');
}
const HABITUAL = new Set(grammar.habitualAdverbs);
/** Verbs of saying and thinking that take a clause without «at» («KS mener staten må …»). */
const SAYING = new Set(grammar.sayingVerbs);
/** The last words of the multi-word adverbials («i dag»: «dag»). */
const HABITUAL_LAST = new Set(grammar.habitualAdverbs.filter((a) => a.includes(' ')).map((a) => a.slice(a.lastIndexOf(' ') + 1)));
const EXPECT: [string, string?][] = [['ta', 'høyde'], ['regne', 'med'], ['rekne', 'med'], ['belage', 'seg'], ['påregne'], ['forvente'], ['vente']];

/** «ikke minst», «ikke bare», «ikke lenger bare»: fixed phrases that do not negate the verb. */
const NOT_NEGATING = new Set(['minst', 'bare', 'berre', 'kun', 'uten', 'utan']);
/** Words that negate (grammar.json `negations`, which the district rules read too). */
const NEGATIONS = new Set(grammar.negations);
/** Does word k negate («ikke», «aldri», «ingen» …), not as part of «ikke bare», «ikke minst», «ikke uten»? */
export function negatesAt(words: readonly { lower: string }[], k: number): boolean {
  return NEGATIONS.has(words[k].lower) && !NOT_NEGATING.has(words[k + 1]?.lower ?? '');
}
const BREAK_PUNCT = new Set([',', ';', ':', '(', ')', '[', ']', '–', '—', '•', '!', '?', '«', '»', '"', '“', '”', '/']);
const SUBORDINATORS = new Map<string, ClauseType>(Object.entries({
  at: 'complement',
  dersom: 'conditional', hvis: 'conditional', viss: 'conditional', ifall: 'conditional',
  når: 'temporal', før: 'temporal', mens: 'temporal', medan: 'temporal', inntil: 'temporal', idet: 'temporal',
  fordi: 'causal', ettersom: 'causal', siden: 'causal', sidan: 'causal', da: 'causal',
  enn: 'comparative',
} as Record<string, ClauseType>));
const WH = new Set(['hva', 'hvordan', 'hvem', 'hvilke', 'hvilken', 'hvilket', 'hvorfor', 'hvorvidt', 'kva', 'korleis', 'kven', 'kvifor', 'kva for', 'kor']);
const RELATIVE = new Set(['som', 'der', 'hvor', 'kor']);
/** After «hvor» / «kor»: a question of degree («hvor mange», «hvor lenge», «kor mykje»). */
const HOW_MUCH = /^(mange|mye|mykje|lenge|ofte|stor|store|stort|godt|langt|raskt|fort)$/;
const NOMINAL = new Set(['NOUN', 'PROPN', 'PRON']);
const NP_WORD = new Set(['NOUN', 'PROPN', 'PRON', 'ADJ', 'DET', 'NUM']);
const VERBAL = new Set(['VERB', 'AUX']);
const AUXILIARIES = new Set(['kunne', 'måtte', 'skulle', 'ville', 'vilje', 'burde', 'bli', 'verte', 'være', 'vere', 'ha', 'få']);
const PASSIVE_AUX = new Set(['bli', 'verte']);
/** Verbs that end in -s in every form (deponents), and -st participles: not passives. */
// («kjennes» and «minnes» only as whole words: «godkjennes», «anerkjennes», «erkjennes», «påminnes» are passives)
const DEPONENT = /(synes|syntes|finnes|fantes|lykkes|lyktes|trives|møtes|skjønnes|svettes|eldes|mislykkes|undres|slåss|fins)$|^(kjennes|minnes)$/;

/** The index of the «)» that closes a parenthesis opened at i within six words with no verb in it, else -1. */
function shortParenthesis(words: readonly Word[], i: number): number {
  for (let k = i + 1; k < words.length && k <= i + 7; k++) {
    const x = words[k];
    if (x.text === ')') return k > i + 1 ? k : -1;
    if (VERBAL.has(x.upos) || x.text === '(' || x.text === ',' || x.text === ';' || x.text === ':') return -1;
  }
  return -1;
}

function isBreakPunct(w: Word, next?: Word, prev?: Word): boolean {
  if (!w.punct) return false;
  if (BREAK_PUNCT.has(w.text)) return true;
  // a full stop inside a «sentence» (a list run together, «… 15.6.2026. - 2)») ends a clause; one in a number,
  // a date («1. mars») or an abbreviation followed by a small letter does not
  if (w.text === '.') return next === undefined || (next.start > w.end && !/^\p{Ll}/u.test(next.text));
  // a dash with space after it; not the hyphen of «Arbeids- og velferdsdirektoratet»
  if (w.text === '-') return next === undefined || (next.start > w.end && !(prev && !prev.punct && prev.end === w.start));
  return false;
}

/** Does a noun phrase start at k (a noun, a name, a pronoun or a determiner)? */
function startsNP(words: readonly Word[], k: number): boolean {
  const u = words[k]?.upos;
  return u === 'NOUN' || u === 'PROPN' || u === 'PRON' || u === 'DET';
}

/** A colon among the first words: a label may open the sentence («Merknad: …», «Tiltak 3.2: …»; words.ts labelEnd). */
function labelColon(words: readonly Word[]): boolean {
  for (let k = 1; k < words.length && k <= LABEL_REACH; k++) if (words[k].text === ':') return true;
  return false;
}

/** The index of the sentence's first word that is not punctuation. */
export function firstNonPunct(words: readonly Word[]): number {
  // (most sentences open with a word that is no numbering: answered without a scan; this runs for every noun phrase)
  const w0 = words[0];
  if (w0 !== undefined && !w0.punct && words[1]?.text !== ')' && words[1]?.text !== '.' && w0.text !== 'o' && !labelColon(words)) return 0;
  // past punctuation and a list item's bullet or numbering («- », «2. », «b) »)
  return openingOf(words, (k) => words[k].punct);
}

/** Does the sentence open with a noun phrase (not a preposition or an adverb)? */
function openingNoun(words: readonly Word[]): boolean {
  const first = firstNonPunct(words);
  const u = words[first]?.upos;
  // (also «Alle som …», «De som …», «Dei som …»: a pronoun that heads a relative clause)
  return u === 'NOUN' || u === 'PROPN' || u === 'DET' || u === 'NUM' || u === 'ADJ' || (u === 'PRON' && /^(alle|de|dei)$/.test(words[first].lower) && words[first + 1]?.lower === 'som');
}

/** Is the clause a noun phrase only (an apposition between commas: «…, investeringslederen, …»), with another before it? */
function appositionBefore(words: readonly Word[], c: Clause): boolean {
  if (c.type !== 'main' || c.start === 0 || words[c.start - 1]?.text !== ',') return false;
  for (let k = c.start; k < c.end; k++) if (!NP_WORD.has(words[k].upos) && !(words[k].punct && words[k].text === ',')) return false;
  return c.end > c.start;
}

/** A finite verb or auxiliary within four words from k, after noun-phrase words only. */
/** Verbs of weighing or asking that take an «om»-clause (lemmas; the passive's lemma may keep its «-s»). */
const WEIGH = /^(vurdere|vurderes|avklare|avklares|undersøke|undersøkes|spørre|spørres|avgjøre|avgjøres|drøfte|drøftes|utrede|utredes|kartlegge|kartlegges|vite|lure|se|sjå|usikker|vurdera|avklara|greie|greia)$/;

function verbSoonAfter(words: readonly Word[], k: number): boolean {
  for (let j = k; j < Math.min(words.length, k + 5); j++) {
    const u = words[j].upos;
    if (u === 'AUX' || u === 'VERB') return j > k;
    if (!NP_WORD.has(u)) return false;
  }
  return false;
}

/** A comma inside a list of nouns («bydeler, etater og skoler»): no clause boundary. */
function isListComma(words: readonly Word[], i: number): boolean {
  const prev = words[i - 1];
  const next = words[i + 1];
  if (!prev || !next || !NOMINAL.has(prev.upos) || !(NOMINAL.has(next.upos) || next.upos === 'ADJ' || next.upos === 'DET')) return false;
  for (let k = i + 1; k < Math.min(words.length, i + 6); k++) {
    const w = words[k];
    if (w.upos === 'CCONJ') return k + 1 < words.length && NP_WORD.has(words[k + 1].upos);
    if (w.text === ',') continue;
    if (!NP_WORD.has(w.upos)) return false;
  }
  return false;
}

function subordinatorType(words: readonly Word[], i: number): ClauseType | undefined {
  const w = words[i];
  const prev = words[i - 1];
  if (w.lower === 'at') {
    // «for at», «slik at», «så at»: purpose or result; «etter at»: temporal
    if (prev && (prev.lower === 'for' || prev.lower === 'slik' || prev.lower === 'så')) return 'purpose';
    if (prev && prev.lower === 'etter') return 'temporal';
    // «uten at pasienten nødvendigvis må til sykehus»: a circumstance that does not hold, no demand
    if (prev && (prev.lower === 'uten' || prev.lower === 'utan')) return 'concessive';
    return 'complement';
  }
  if (w.lower === 'om') {
    // «selv om»: concessive; «om» as a subordinator (not «om dette», «ber om»)
    if (prev && (prev.lower === 'selv' || prev.lower === 'sjølv')) return 'concessive';
    if (w.upos === 'SCONJ') return prev && VERBAL.has(prev.upos) ? 'question' : 'conditional';
    // the tagger's «om» as a preposition after a verb of weighing or asking, with a clause after it, asks whether
    // («Det bør vurderes om bydelene skal få ansvar», «avklare om kommunene skal …»)
    if (prev && WEIGH.test(prev.lemma.toLowerCase()) && verbSoonAfter(words, i + 1)) return 'question';
    return undefined;
  }
  if (w.lower === 'da' && w.upos !== 'SCONJ') return undefined;
  if (w.lower === 'før' && w.upos === 'ADP') return undefined;
  // «inntil 5 prosent», «inntil 50 000 kroner», «inntil tre år»: «up to» an amount, a preposition
  if ((w.lower === 'inntil' || w.lower === 'opptil') && words[i + 1]?.upos === 'NUM') return undefined;
  // «i større grad enn i dag må …», «mer enn før skal …»: «enn» with a time adverbial and the outer clause's verb right
  // after it compares a phrase, it opens no clause
  if (w.lower === 'enn' && shortComparand(words, i + 1)) return undefined;
  const t = SUBORDINATORS.get(w.lower);
  if (t) return t;
  // «en tilskuddsordning der kommuner kan søke»: a relative «der»/«hvor» after a noun, not a temporal clause
  // (also after a year that ends a noun phrase: «tildelingsbrev for 2026 hvor direktoratet er bedt om å …»)
  if (RELATIVE.has(w.lower) && prev && (NOMINAL.has(prev.upos) || (isYear(prev) && w.lower !== 'som'))) return undefined;
  if (w.upos === 'SCONJ' && w.lower !== 'som' && w.lower !== 'å') return 'temporal';
  return undefined;
}

/** A year written as a number («2026»): it may end the noun phrase a relative «hvor» / «der» follows. */
function isYear(w: Word): boolean {
  return w.upos === 'NUM' && /^\d{4}$/.test(w.text);
}

/** The copula before a complement clause («Målet er at …»). */
const COPULA = new Set(['være', 'vere']);

/** Time adverbials compared after «enn» («enn i dag», «enn før», «enn tidligere», «enn i 2024»). */
const COMPARED_TIME = new Set(['før', 'tidligere', 'tidlegare', 'nå', 'no', 'i dag', 'i fjor', 'hittil', 'til nå', 'til no']);

/** Does a time adverbial at k end right before a finite verb (the comparand of «enn» is a phrase, not a clause)? */
function shortComparand(words: readonly Word[], k: number): boolean {
  const one = words[k]?.lower ?? '';
  const two = one + ' ' + (words[k + 1]?.lower ?? '');
  let end: number;
  if (COMPARED_TIME.has(two)) end = k + 2;
  else if (COMPARED_TIME.has(one)) end = k + 1;
  else if (one === 'i' && /^(19|20)\d\d$/.test(words[k + 1]?.text ?? '')) end = k + 2;
  else return false;
  return finiteAt(words, end);
}

/** Modals in the present (the verb of a main clause that resumes after a relative clause). */
const MODAL_WORDS = new Set(['skal', 'må', 'bør', 'kan', 'vil']);

/** Is the word at k, past adverbs and a negation, a verb? */
function verbNext(words: readonly Word[], k: number): boolean {
  while (k < words.length && (words[k].upos === 'ADV' || words[k].upos === 'PART') && words[k].lower !== 'å') k++;
  return k < words.length && VERBAL.has(words[k].upos);
}

/** Is the word at k a verb of a clause: a verb or an auxiliary that is no infinitive after «å»? */
function finiteAt(words: readonly Word[], k: number): boolean {
  return k < words.length && VERBAL.has(words[k].upos) && !isInfinitiveAfterAa(words, k);
}

/** A verb of a clause in [from, to). */
function finiteBetween(words: readonly Word[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (finiteAt(words, k)) return true;
  return false;
}

/** Is the first comma of the sentence followed by a finite verb (the main clause inverted after a fronted clause)? */
function invertedAfterComma(words: readonly Word[]): boolean {
  for (let k = 1; k < words.length - 1; k++) if (words[k].text === ',') return finiteAt(words, k + 1);
  return false;
}

/** Where a clause starts, while the sentence is read. */
type ClauseStart = { at: number; type: ClauseType; intro?: number; resumes?: Clause['resumes'] };

/**
 * The clauses of a sentence, in order; every word belongs to one (punctuation that breaks clauses belongs to the
 * clause before it).
 */
export function clauses(words: readonly Word[]): { list: Clause[]; of: Int32Array } {
  const n = words.length;
  const starts: ClauseStart[] = [{ at: 0, type: 'main' }];
  // a list item's bullet or numbering, an opening quotation mark: the clause begins after them, whatever the bullet
  // («• I perioden skal det …» as «- I perioden skal det …»)
  const open = firstNonPunct(words);
  for (let i = 0; i < n; i++) {
    const w = words[i];
    if (i < open) {
      if (i + 1 === open && words[i].punct) starts.push({ at: open, type: 'main' });
      continue;
    }
    if (w.text === ',' && isListComma(words, i)) continue;
    // a short parenthesis with no verb after a word («Norsk helsenett SF (NHN) skal …», «Kommunen (ved rådmannen) skal
    // …»): an abbreviation or an apposition inside the clause, no clause of its own
    if (w.text === '(' && i > 0 && !words[i - 1].punct) {
      const close = shortParenthesis(words, i);
      if (close > 0) {
        i = close;
        continue;
      }
    }
    if (isBreakPunct(w, words[i + 1], words[i - 1])) {
      if (i + 1 < n) {
        // «…, og (også) må ta …» after a subordinate clause: the conjunct without a subject of its own stays in it
        // (past a relative clause inside it: «at kommunene må håndtere beslutninger som fattes …, og også må ta …»)
        let o = starts.length - 1;
        while (o > 0 && (starts[o].type === 'relative' || starts[o].type === 'comparative')) o--;
        const next = words[i + 1];
        const conjunct = w.text === ',' && next.upos === 'CCONJ' && (next.lower === 'og' || next.lower === 'eller');
        starts.push(conjunct ? conjunctStart(words, starts[o], i + 1, n) : { at: i + 1, type: 'main' });
      }
      continue;
    }
    if (i === 0) {
      // a sentence that opens with a condition («Dersom privat sektor skal inngå …, må dette skje …»): its modal is
      // hypothetical. (An opening «Siden …» or «Når …» stays in the main clause: its «skal» may state a plan.)
      if (subordinatorType(words, 0) === 'conditional') starts[0] = { at: 0, type: 'conditional', intro: 0 };
      // an opening «Når …» whose comma is followed by the main clause's finite verb («Når ein ny tenestemodell skal
      // prøvast ut, bør dei som …»): the main clause is inverted after it, so it is a clause of time, its «skal» no plan
      else if (w.lower === 'når' && invertedAfterComma(words)) starts[0] = { at: 0, type: 'temporal', intro: 0 };
      continue;
    }
    const sub = subordinatorType(words, i);
    if (sub) {
      const at = sub === 'purpose' || sub === 'concessive' || (sub === 'temporal' && w.lower === 'at') ? i - 1 : i;
      starts.push({ at, type: sub, intro: i });
      continue;
    }
    const prev = words[i - 1];
    // «Kommunen, som eier skolene, må …»: a relative clause set off by a comma after its noun (the comma opened a
    // clause here; it is the relative clause)
    const last = starts[starts.length - 1];
    // «Tiltak som implementeres bredt bør være …»: a modal after the verb of a relative clause with no comma, no
    // conjunction between, is the main clause's verb again (the relative clause has ended)
    // (the clause that resumes is the one the antecedent stands in: «… når barn som har fått helsehjelp, skal flytte»)
    // (with a verb after the modal: «… tjenester skal kommunen tilby …» is a main clause after a fronted adverbial)
    if (last.type === 'relative' && last.intro !== undefined && words[last.intro].lower === 'som' && MODAL_WORDS.has(w.lower) && w.upos === 'AUX' && !prev.punct && prev.upos !== 'CCONJ' && finiteBetween(words, last.intro + 1, i) && verbNext(words, i + 1)) {
      let o = starts.length - 1;
      while (o > 0 && (starts[o].type === 'relative' || starts[o].type === 'comparative')) o--;
      const owner = starts[o];
      starts.push({ at: i, type: owner.type, intro: owner.intro, resumes: { from: owner.intro !== undefined ? owner.intro + 1 : owner.at, to: last.intro } });
      continue;
    }
    if (w.lower === 'som' && prev.text === ',' && i >= 2 && NOMINAL.has(words[i - 2].upos) && last.at === i && last.type === 'main') {
      starts[starts.length - 1] = { at: i, type: 'relative', intro: i };
      continue;
    }
    // «samtidig som»: a subordinator in two words (at the same time as), not a relative clause on «samtidig»
    if (w.lower === 'som' && (prev.lower === 'samtidig' || prev.lower === 'samstundes')) {
      starts.push({ at: i - 1, type: 'temporal', intro: i });
      continue;
    }
    // «hvilke aktiviteter som skal tilbys»: «som» after a wh-phrase continues the embedded question
    if (w.lower === 'som' && last.type === 'question' && last.at >= i - 4) continue;
    // «variasjon i hvor mange pasienter som må …», «hvor lenge …»: a question of degree, not a place
    if ((w.lower === 'hvor' || w.lower === 'kor') && HOW_MUCH.test(words[i + 1]?.lower ?? '') && prev && (!prev.punct || prev.text === ',')) {
      starts.push({ at: i, type: 'question', intro: i });
      continue;
    }
    if (RELATIVE.has(w.lower) && (w.upos === 'PRON' || w.upos === 'SCONJ' || w.upos === 'ADV') && prev && !prev.punct) {
      // (an adjective used as a noun with a verb right after «som» heads a relative clause: «for eldre som mangler
      // digital kompetanse», «unge som står utenfor»)
      if (w.lower === 'som' && w.upos === 'SCONJ' && !NOMINAL.has(prev.upos) && !(prev.upos === 'ADJ' && (words[i + 1]?.upos === 'VERB' || words[i + 1]?.upos === 'AUX'))) {
        starts.push({ at: i, type: 'comparative', intro: i });
      } else if (w.lower === 'som' || NOMINAL.has(prev.upos) || isYear(prev)) {
        starts.push({ at: i, type: 'relative', intro: i });
      }
      continue;
    }
    // «endringer som prosjektet må ta hensyn til»: «som» read as a preposition after a noun, with a verb a few words on,
    // opens an object relative clause («en by som Oslo» has no verb after it)
    if (w.lower === 'som' && w.upos === 'ADP' && NOMINAL.has(prev.upos) && words[i + 1]?.upos !== 'PROPN' && verbSoonAfter(words, i + 1)) {
      starts.push({ at: i, type: 'relative', intro: i });
      continue;
    }
    // (also after a comma: «å regulere, på en enhetlig måte, hvilke vilkår som må være oppfylt»)
    if (WH.has(w.lower) && (!prev.punct || (prev.text === ',' && /^\p{Ll}/u.test(w.text)))) starts.push({ at: i, type: 'question', intro: i });
  }
  // a coordinating conjunction between two clauses that each have a verb starts a new main clause
  const withCoord: typeof starts = [];
  for (let k = 0; k < starts.length; k++) {
    withCoord.push(starts[k]);
    const from = starts[k].at;
    const to = k + 1 < starts.length ? starts[k + 1].at : n;
    let verbBefore = false;
    for (let i = from; i < to; i++) {
      const w = words[i];
      if (w.upos === 'CCONJ' && (w.lower === 'og' || w.lower === 'men' || w.lower === 'eller' || w.lower === 'samt') && verbBefore) {
        let verbAfter = false;
        for (let j = i + 1; j < to && j < i + 12; j++) if (VERBAL.has(words[j].upos) && !isInfinitiveAfterAa(words, j)) verbAfter = true;
        if (verbAfter) {
          // the second conjunct of a subordinate clause with no subject of its own stays in it («at kommunene må
          // håndtere …, og også må ta beslutninger …»); with its own subject it is a new main clause
          withCoord.push(conjunctStart(words, starts[k], i + 1, to));
          verbBefore = false;
          continue;
        }
      }
      // (an infinitive after «å» makes no clause: «For å sikre kvalitet og pasientsikkerhet må sektoren …» is one
      // clause with a fronted adverbial, not two joined by «og»)
      if (VERBAL.has(w.upos) && !isInfinitiveAfterAa(words, i)) verbBefore = true;
    }
  }
  const list: Clause[] = [];
  const of = new Int32Array(n);
  withCoord.sort((a, b) => a.at - b.at);
  for (let k = 0; k < withCoord.length; k++) {
    const s = withCoord[k];
    const end = k + 1 < withCoord.length ? withCoord[k + 1].at : n;
    if (end <= s.at) continue;
    const governor: string[] = [];
    if (s.intro !== undefined) {
      // (past a prepositional phrase before a copula: «Et mål for regjeringen er at …», «Hensikten med ordningen er at …»)
      const copula = s.intro >= 1 && COPULA.has(words[s.intro - 1].lemma.toLowerCase());
      for (let j = s.intro - 1; j >= 0 && governor.length < (copula ? 6 : 3); j--) {
        if (words[j].punct) break;
        governor.unshift(words[j].lemma.toLowerCase());
      }
    }
    // «Målet er at flere skal …, og at de som har behov … skal få …»: a second «at»-clause joined by «og» has the first
    // one's governor
    if (s.type === 'complement' && governor.length === 1 && (governor[0] === 'og' || governor[0] === 'eller')) {
      for (let c = list.length - 1; c >= 0; c--) {
        if (list[c].type !== 'complement') continue;
        if (list[c].governor.length > 0 && list[c].governor[0] !== 'og' && list[c].governor[0] !== 'eller') governor.splice(0, 1, ...list[c].governor);
        break;
      }
    }
    list.push({ start: s.at, end, type: s.type, intro: s.intro, governor, resumes: s.resumes });
    for (let i = s.at; i < end; i++) of[i] = list.length - 1;
  }
  return { list, of };
}

/** «Forbedrings-» in «Forbedrings- og endringsarbeid»: the first part of a compound, its hyphen written on. */
export function isTruncated(words: readonly Word[], k: number): boolean {
  return isShortenedPart(words, k) && words[k + 2].upos === 'CCONJ';
}

/** Is word k a shortened part of a compound: a hyphen right after it, then «og»/«eller» or a list's comma
 * («Barne-, ungdoms- og familiedirektoratet»)? */
export function isShortenedPart(words: readonly Word[], k: number): boolean {
  const h = words[k + 1];
  return h !== undefined && h.text === '-' && h.start === words[k].end && (words[k + 2]?.upos === 'CCONJ' || words[k + 2]?.text === ',');
}

/**
 * Where a conjunct begins a clause at `at` (up to `to`): in the subordinate clause `owner` it continues when it has no
 * subject of its own; otherwise, or after a main clause, it is a main clause.
 */
function conjunctStart(words: readonly Word[], owner: { type: ClauseType; intro?: number }, at: number, to: number): { at: number; type: ClauseType; intro?: number } {
  return owner.type !== 'main' && !ownSubject(words, at, to) ? { at, type: owner.type, intro: owner.intro } : { at, type: 'main' };
}

/** A time after «innen»: a number («1. mars», «2027») or a word of time. */
function isTimeAfterWithin(w: string): boolean {
  return /^\d/.test(w) || TIME_AFTER_WITHIN.has(w);
}

/** Does a conjunct have a subject before its first verb (a noun or pronoun not inside a prepositional phrase)? */
function ownSubject(words: readonly Word[], from: number, to: number): boolean {
  let inPP = false;
  for (let j = from; j < to; j++) {
    const w = words[j];
    if (VERBAL.has(w.upos)) return false;
    if (w.upos === 'ADP') inPP = true;
    else if (NOMINAL.has(w.upos) && !inPP) return true;
    else if (w.punct) inPP = false;
  }
  return false;
}

function isInfinitiveAfterAa(words: readonly Word[], j: number): boolean {
  return j > 0 && words[j - 1].lower === 'å';
}

/** Does the form end in one «s» (/[^s]s$/: «kommunens», «tas»; not «prosess»)? Two character tests, no scan. */
function endsInOneS(l: string): boolean {
  const n = l.length;
  return n >= 2 && l.charCodeAt(n - 1) === 0x73 && l.charCodeAt(n - 2) !== 0x73;
}

/** Is the word a genitive that determines the next noun («kommunens», «Oslos»)? */
function isGenitive(w: Word): boolean {
  return (w.upos === 'PROPN' || w.upos === 'NOUN') && endsInOneS(w.lower) && w.lemma.toLowerCase() !== w.lower;
}

/**
 * A relative clause without «som» («tjenester kommunene kan levere»): the finite verb at f follows a noun that names a
 * body (its subject), which follows a noun in the indefinite (the antecedent), and a finite verb stands earlier in the
 * clause, so the modal cannot be its own verb.
 */
function contactRelative(words: readonly Word[], start: number, f: number): boolean {
  const subj = words[f - 1];
  const antecedent = words[f - 2];
  if (!subj || !antecedent || f - 2 <= start) return false;
  if (subj.upos !== 'NOUN' && subj.upos !== 'PROPN') return false;
  if (antecedent.upos !== 'NOUN') return false;
  // (the subject a body, the antecedent a noun in the indefinite: not a name of two nouns, «Oslo kommune»)
  if (!isAgent(subj.lower, subj.text) || /^\p{Lu}/u.test(antecedent.text) || /(ene|ane|en|et|a)$/.test(antecedent.lower)) return false;
  return finiteBetween(words, start, f - 2);
}

/** The first word of a paired conjunction («både … og», «enten … eller», «verken … eller»). */
const PAIRED = new Set(['både', 'enten', 'verken', 'korkje']);

/** Are the words in [from, to) adverbs only (adverbs, adjectives as adverbs, particles)? True for none. */
function adverbsOnly(words: readonly Word[], from: number, to: number): boolean {
  // (also the first half of a paired conjunction: «som både skal bidra til …», «som enten må …»)
  for (let k = from; k < to; k++) if (words[k].upos !== 'ADV' && words[k].upos !== 'ADJ' && words[k].upos !== 'PART' && !PAIRED.has(words[k].lower)) return false;
  return from <= to;
}

/**
 * The index after a section number at k («1.4», «2.», «3.1.2», tokenised as numbers and full stops) when a capitalised
 * word follows it, else k.
 */
function sectionNumberEnd(words: readonly Word[], k: number): number {
  let j = k;
  while (j < words.length && j - k < 7 && (/^\d{1,2}$/.test(words[j].text) || (words[j].text === '.' && j > k && /^\d{1,2}$/.test(words[j - 1].text)))) j++;
  return j > k && /^\d/.test(words[k].text) && /^\p{Lu}/u.test(words[j]?.text ?? '') ? j : k;
}

/** The noun phrase within [from, to) (inclusive from, exclusive to) that is the subject: its head stops at a preposition. */
function npIn(words: readonly Word[], from: number, to: number): NP | undefined {
  let s = from;
  while (s < to && (words[s].punct || (words[s].upos === 'ADV' && !NOMINAL.has(words[s].upos)) || words[s].upos === 'CCONJ' || words[s].upos === 'SCONJ')) s++;
  // (a list item's numbering is no part of it: «2. Bydelene …»)
  const open = firstNonPunct(words);
  if (s < open && open < to) s = open;
  // a section number that opens the sentence («1.4 Kompetanseutvikling …», «2. Bydelene …») is no part of it
  const afterNumber = s === open ? sectionNumberEnd(words, s) : s;
  const numbered = afterNumber > s && afterNumber < to;
  if (numbered) s = afterNumber;
  if (s >= to) return undefined;
  // the head region: up to the first preposition, relative or verb after the first word, or an adjective after a
  // noun (an adjective does not follow its noun: «Helsereformutvalget særskilt må utrede …», an adverb)
  let e = to - 1;
  for (let k = s + 1; k < to; k++) {
    const u = words[k].upos;
    const afterNoun = u === 'ADJ' && (words[k - 1].upos === 'NOUN' || words[k - 1].upos === 'PROPN') && !(words[k + 1] && NOMINAL.has(words[k + 1].upos));
    if (u === 'ADP' || VERBAL.has(u) || afterNoun || words[k].lower === 'som' || (words[k].punct && words[k].text !== '-' && words[k].text !== ',')) {
      e = k - 1;
      break;
    }
  }
  while (e > s && words[e].punct) e--;
  // a heading run into the sentence («Kompetanse og bærekraft Kommunene vil …»): the subject begins at a capitalised
  // definite or genitive common noun right after a lower-case noun (not a name after «bydel»: «bydel Sagene»)
  for (let k = e; k > s; k--) {
    const w = words[k];
    const prev = words[k - 1];
    if (
      (w.upos === 'NOUN' || w.upos === 'PROPN') &&
      /^\p{Lu}\p{Ll}{4,}(ene|ane|en|et|a|ens|ets|as)$/u.test(w.text) &&
      // (or a capitalised heading word after a section number: «1.4 Kompetanseutvikling Tannhelsetjenesten må …»)
      ((prev.upos === 'NOUN' && /^\p{Ll}/u.test(prev.text)) || (numbered && k - 1 === s && (prev.upos === 'NOUN' || prev.upos === 'PROPN'))) &&
      !/^bydel/.test(prev.lower)
    ) {
      s = k;
      break;
    }
  }
  const heads: number[] = [];
  let last = -1;
  for (let k = s; k <= e; k++) {
    const w = words[k];
    if (NOMINAL.has(w.upos) || (w.upos === 'ADJ' && (k === e || words[k + 1]?.upos === 'CCONJ' || words[k + 1]?.punct))) {
      if (isGenitive(w) && k < e && NOMINAL.has(words[k + 1].upos)) continue;
      last = k;
    }
    if ((w.upos === 'CCONJ' || w.text === ',') && last >= 0) {
      // «Forbedrings- og endringsarbeid»: a truncated compound shares the last head, it is not one of its own
      if (!isTruncated(words, last)) heads.push(last);
      last = -1;
    }
  }
  if (last >= 0) heads.push(last);
  if (!heads.length) {
    // no noun: a lone determiner or numeral («Den skal …», «Alle skal …»)
    for (let k = s; k <= e; k++) if (NP_WORD.has(words[k].upos)) return { start: s, end: k, head: k, heads: [k] };
    return undefined;
  }
  // a coordination of heads keeps them all; the NP ends at the last head
  const end = heads[heads.length - 1];
  return { start: s, end, head: heads[0], heads };
}

/** «de»/«dei»/«disse» that determine the noun after them («de ansatte», «dei tilsette»). */
const PLURAL_DETERMINER = new Set(['de', 'dei', 'disse', 'desse']);
/** Quantifiers that determine a noun («alle bydeler», «begge etatene»). */
const QUANTIFIER = new Set(['alle', 'samtlige', 'begge', 'mange', 'flere', 'fleire', 'noen', 'nokre', 'enkelte', 'ingen']);

/** The noun phrase that begins right after index i (inverted subject, object of «ber»). */
export function npAfter(words: readonly Word[], i: number, limit: number): NP | undefined {
  let s = i;
  while (s < limit && (words[s].upos === 'ADV' || words[s].upos === 'PART' || (words[s].punct && words[s].text === ','))) {
    if (words[s].lower === 'å') return undefined;
    s++;
  }
  if (s >= limit || !NP_WORD.has(words[s].upos)) return undefined;
  // «Arbeids- og velferdsdirektoratet»: the shortened first part of a compound belongs to the noun after «og»; the
  // phrase is read from that noun (its span starts at the first part: actorSpan)
  // («Barne-, ungdoms- og familiedirektoratet»: a list of shortened parts)
  const s0 = s;
  while (s + 3 < limit && isShortenedPart(words, s) && NP_WORD.has(words[s + 3].upos)) s += 3;
  let e = s;
  const heads: number[] = [];
  let k = s;
  while (k < limit) {
    const w = words[k];
    // a pronoun is a whole noun phrase («må vi støtte»); after a common noun, another common noun starts a new
    // phrase («har fastlegen plikt»), but a name goes on («Statens vegvesen», «Oslo kommune»)
    // (a quantifier the tagger read as a pronoun determines the noun after it: «skal alle bydeler bruke …»)
    // («må de ansatte få …», «skal dei tilsette …»: «de» before a noun is its determiner)
    if (k > s && NOMINAL.has(words[k - 1].upos) && NOMINAL.has(w.upos) && !((QUANTIFIER.has(words[k - 1].lower) || (k - 1 === s && PLURAL_DETERMINER.has(words[k - 1].lower))) && w.upos === 'NOUN') && (words[k - 1].upos === 'PRON' || (!/^\p{Lu}/u.test(words[k - 1].text) && !NAME_PART.test(w.lower)))) break;
    // after a name, a lower-case noun goes on only as a part of it («Oslo kommune», «Statens vegvesen», «Oslo
    // universitetssykehus»), not as the object («har Bydel Sagene ansvar for å …»)
    if (k > s && /^\p{Lu}/u.test(words[k - 1].text) && words[k - 1].upos === 'PROPN' && w.upos === 'NOUN' && /^\p{Ll}/u.test(w.text) && !NAME_PART.test(w.lower) && !isGenitive(words[k - 1]) && !isAgent(w.lower)) break;
    // an adjective does not follow its noun: after a noun or a name it begins something else («ber Helsedirektoratet
    // utrede …», an infinitive the tagger read as an adjective)
    if (k > s && (words[k - 1].upos === 'NOUN' || words[k - 1].upos === 'PROPN') && w.upos === 'ADJ') break;
    if (NP_WORD.has(w.upos)) {
      if (NOMINAL.has(w.upos) && !(isGenitive(w) && k + 1 < limit && NOMINAL.has(words[k + 1].upos))) {
        // a noun followed by another word of the name («Statens vegvesen», «Oslo kommune») continues the NP
        e = k;
      } else if (w.upos !== 'NOUN' && w.upos !== 'PROPN' && w.upos !== 'PRON') {
        e = k;
      }
      k++;
      continue;
    }
    // «og», or the comma of a list of names («Statens vegvesen, Helsedirektoratet og Politidirektoratet»)
    if ((w.upos === 'CCONJ' || (w.text === ',' && isListComma(words, k))) && k + 1 < limit && NP_WORD.has(words[k + 1].upos) && NOMINAL.has(words[e].upos)) {
      heads.push(lastNominal(words, s, e));
      k++;
      continue;
    }
    break;
  }
  const h = lastNominal(words, s, e);
  if (h < 0) return undefined;
  // an adjective alone right before a verb, in its adverb form, is an adverb, not the subject («… og skal enkelt kunne
  // finne …»); one in «-e» is a noun («I dag må gravide ha med seg …», «skal eldre få …»)
  // (a comparative in «-ere» is an adverb too: «har tidligere fått i oppdrag»)
  const adverbForm = !words[h].lower.endsWith('e') || words[h].lower.endsWith('ere');
  if (words[h].upos === 'ADJ' && h === e && heads.length === 0 && adverbForm && VERBAL.has(words[e + 1]?.upos ?? '')) return undefined;
  heads.push(h);
  return { start: s0, end: e, head: heads[0], heads: [...new Set(heads.filter((x) => x >= 0))] };
}

function lastNominal(words: readonly Word[], s: number, e: number): number {
  // the head of «de regionale helseforetakene», «Oslo kommune» (the last noun), «alle» (a determiner alone)
  for (let k = e; k >= s; k--) if (NOMINAL.has(words[k].upos)) return k;
  for (let k = e; k >= s; k--) if (words[k].upos === 'ADJ' || words[k].upos === 'DET' || words[k].upos === 'NUM') return k;
  return -1;
}

/** The noun phrase that ends right before index i (antecedent of «som»). */
function npBefore(words: readonly Word[], i: number, limit: number): NP | undefined {
  let e = i - 1;
  while (e >= limit && words[e].punct) e--;
  if (e < limit || !NP_WORD.has(words[e].upos)) return undefined;
  let s = e;
  while (s - 1 >= limit && (NP_WORD.has(words[s - 1].upos) || (words[s - 1].upos === 'CCONJ' && s - 2 >= limit && NOMINAL.has(words[s - 2].upos)))) s--;
  const heads: number[] = [];
  for (let k = s; k <= e; k++) if (NOMINAL.has(words[k].upos) && (k === e || words[k + 1].upos === 'CCONJ')) heads.push(k);
  if (!heads.length) heads.push(e);
  return { start: s, end: e, head: heads[heads.length - 1], heads };
}

const ADVERBIAL_START = new Set(['ADP', 'ADV', 'SCONJ', 'NUM', 'PART', 'INTJ']);
/** Words that open a clause as adverbials whatever the tagger says («Videre skal direktoratet …»). */
const ADVERBIAL_WORDS = new Set(grammar.adverbialStarters.filter((a) => !a.includes(' ')));
const NAME_PART = /^(kommune|fylkeskommune|vegvesen|helsenett|sf|hf|kommunes|origo|helseforetak|helseføretak|universitet|sykehus|sjukehus)$/;
/** Personal pronouns: right after the finite verb, the subject of a clause whose first place holds something else («Det vil vi komme tilbake til»). */
const PERSONAL = new Set(['vi', 'me', 'jeg', 'eg', 'de', 'dei', 'han', 'hun', 'ho', 'man', 'du', 'dere']);

/**
 * Is the verb at k (past adverbs) a passive: «blir/vert + participle» or an «-s/-ast» form? For the subject of an
 * «at»-clause: «forventer at bydelene blir involvert», «ønskjer at helsefellesskapa vert vidareutvikla».
 */
export function passiveVerbAt(words: readonly Word[], k: number): boolean {
  while (k < words.length && words[k].upos === 'ADV') k++;
  const w = words[k];
  if (!w || (w.upos !== 'VERB' && w.upos !== 'AUX')) return false;
  return PASSIVE_AUX.has(w.lemma.toLowerCase()) || isPassiveForm(w);
}

function isPassiveForm(w: Word): boolean {
  if (w.upos !== 'VERB' && w.upos !== 'AUX') return false;
  const l = w.lower;
  if (DEPONENT.test(l)) return false;
  const lemma = w.lemma.toLowerCase();
  // a passive the lemmatiser left as it was («høres»: lemma «høres», not «høre»)
  if (lemma === l && /[^s]es$/.test(l) && l.length > 4) return true;
  if (lemma.endsWith('s')) return false;
  if (/(e|a)st$/.test(l) && l.length > 4) return true; // NN -ast, BM -est (rare)
  if (endsInOneS(l) && l.length >= 3 && l !== lemma) return true; // «tas», «gis», «ses» too
  return false;
}

const PARTICIPLE = /(et|t|d|dd|tt|te|de|a|ert|ete|ede)$/;

/**
 * Analyses the finite verb at index f: its clause, subject, main verb, passive and negation.
 */
export function predication(words: readonly Word[], structure: { list: Clause[]; of: Int32Array }, f: number): Predication {
  const clause = structure.list[structure.of[f]];
  let subject: NP | undefined;
  let inverted = false;
  let relativeSubject = false;
  let cleft = false;
  const introEnd = clause.intro !== undefined ? clause.intro + 1 : clause.start;
  // (adverbs between «som» and the verb leave the antecedent the subject: «arbeidsgiver som løpende vil måtte …»)
  if (clause.type === 'relative' && clause.intro !== undefined && adverbsOnly(words, introEnd, f)) {
    // «… helseforetakene som skal medvirke»: the antecedent; a cleft «det er kommunen som skal»
    subject = npBefore(words, clause.intro, Math.max(0, clause.intro - 8));
    relativeSubject = subject !== undefined;
    if (subject) {
      // (the noun phrase may have taken the «det» of «er det kommunen som»)
      for (const k of [subject.start, subject.head]) {
        const a = words[k - 2]?.lower;
        const b = words[k - 1]?.lower;
        if ((a === 'det' && (b === 'er' || b === 'var')) || ((a === 'er' || a === 'var') && b === 'det')) cleft = true;
        // «Det vil (også) være arbeidsgiver som …»: a cleft in the future
        if (b === 'være' || b === 'vere') {
          let v = k - 2;
          while (v >= 0 && LIGHT_ADVERBS.has(words[v].lower)) v--;
          if (words[v]?.lower === 'vil' && words[v - 1]?.lower === 'det') cleft = true;
        }
      }
    }
  } else if (clause.resumes !== undefined && f === clause.start) {
    // «Tiltak som implementeres bredt bør være …», «Eventuelle behov for tilpasninger for eldre som mangler … skal
    // beskrives»: the subject is the noun phrase the relative clause follows, read from where its clause begins
    subject = npIn(words, clause.resumes.from, clause.resumes.to);
  } else if (clause.type === 'main') {
    let pre = clause.start;
    while (pre < f && (words[pre].upos === 'CCONJ' || words[pre].upos === 'ADV') && words[pre].upos !== 'NOUN') pre++;
    const coordinated = pre >= f && ((pre > 0 && words[pre - 1].upos === 'CCONJ') || words[clause.start].upos === 'CCONJ');
    const ci = structure.of[clause.start];
    // the first word after the verb past adverbs (an inverted pronoun subject: «Det vil også vi …»)
    let pf = f + 1;
    while (pf < clause.end && pf <= f + MAX_SKIPPED_ADVERBS && words[pf].upos === 'ADV') pf++;
    // a subject set off by commas before the verb: only when it opens the sentence as a noun (not a fronted
    // adverbial, «Etter reformen, som …, skal bydelene …») and no subject follows the verb («Neste år, 2026, skal kommunen …»)
    const commaSubject = pre >= f && !coordinated && ci > 0 && words[clause.start - 1]?.text === ',' && !startsNP(words, f + 1) && openingNoun(words);
    if (commaSubject && appositionBefore(words, structure.list[ci - 1]) && ci >= 2 && structure.list[ci - 2].start === 0) {
      // «Én person, investeringslederen, er ansvarlig for …»: a subject with an apposition set off by commas; the
      // apposition names it
      const prevClause = structure.list[ci - 1];
      subject = npIn(words, prevClause.start, prevClause.end);
    } else if (
      commaSubject &&
      structure.list[ci - 1].type === 'relative' &&
      structure.list[ci - 1].intro !== undefined &&
      (words[structure.list[ci - 1].intro! - 1]?.text === ',' ||
        (NOMINAL.has(words[structure.list[ci - 1].intro! - 1]?.upos ?? '') && structure.list[ci - 1].intro! <= firstNonPunct(words) + 4)) &&
      structure.list[ci - 1].start <= firstNonPunct(words) + 9
    ) {
      // «Kommunen, som eier skolene, må sørge for …»: the subject before a relative clause set off by commas; also a
      // restrictive one closed by a comma («Innbyggere som er uenige i vedtaket, kan klage …»); «Alle over 16 år som
      // bor i bydelen, kan …»: «alle» that opens the sentence
      const intro = structure.list[ci - 1].intro!;
      const first = firstNonPunct(words);
      // («Alle tenestestader som tek i bruk …, skal rapportere»: «alle» with its noun)
      const noun = words[first + 1]?.upos === 'NOUN' && first + 1 < intro ? first + 1 : first;
      subject = /^(alle|dei|de)$/.test(words[first]?.lower ?? '') && first < intro ? { start: first, end: noun, head: noun, heads: [noun] } : npBefore(words, intro, Math.max(0, intro - 8));
    } else if (coordinated && ci > 0) {
      // «Satsingen startet i 2007 og skal pågå ut 2017», «…, og skal føre tilsyn»: the coordinated verb shares the
      // first clause's subject, past a relative or comparative clause inside it («Fylkeskommunen skal nytte tilskotet
      // til tiltak som styrkjer rekrutteringa …, og skal ikkje bruke midlane …»)
      // (and past the items of a list the commas split off, which have no verb: «De er samlokalisert med fastlegekontor,
      // legevakt, sykehjem og/eller døgnenhet (KAD), men kan også …»)
      let pc = ci - 1;
      while (pc > 0 && (structure.list[pc].type === 'relative' || structure.list[pc].type === 'comparative' || !finiteBetween(words, structure.list[pc].start, structure.list[pc].end))) pc--;
      const prevClause = structure.list[pc];
      // two modals joined («kan og bør levere»): the second has the first one's subject
      if (f >= 2 && words[f - 1].upos === 'CCONJ' && MODAL_WORDS.has(words[f - 2].lower) && words[f - 2].upos === 'AUX') subject = predication(words, structure, f - 2).subject;
      else subject = npAfter(words, f + 1, clause.end) ?? npIn(words, prevClause.start, prevClause.end);
    } else if (contactRelative(words, clause.start, f)) {
      // «… er i dag tjenester kommunene kan og bør levere», «Dette er oppgaver bydelene skal løse selv»: a relative clause
      // without «som» after the noun a verb before it governs; its subject is the noun right before the modal
      subject = { start: f - 1, end: f - 1, head: f - 1, heads: [f - 1] };
    } else if (
      pre < f &&
      PERSONAL.has(words[pf]?.lower ?? '') &&
      words[pf].upos === 'PRON' &&
      !(f - pre === 1 && PERSONAL.has(words[pre].lower)) &&
      // («kan de regionale helseforetakene få …»: «de» before an adjective or a noun determines it; the phrase is the subject)
      !(/^(de|dei)$/.test(words[pf].lower) && (words[pf + 1]?.upos === 'ADJ' || words[pf + 1]?.upos === 'NOUN'))
    ) {
      // a topicalised object or adverbial before the verb, the pronoun subject after it (past adverbs: «Det vil også vi
      // komme tilbake til»)
      subject = { start: pf, end: pf, head: pf, heads: [pf] };
      inverted = true;
    } else if (pre >= f || ADVERBIAL_WORDS.has(words[pre].lower) || ADVERBIAL_START.has(words[pre].upos) && !(words[pre].upos === 'NUM' && words[pre + 1] && NOMINAL.has(words[pre + 1].upos))) {
      subject = npAfter(words, f + 1, clause.end);
      inverted = subject !== undefined;
      // (a fronted adverb alone is no subject: «Samtidig må …», «Tilsvarende bør …»)
      if (!subject && pre < f && !(pre === f - 1 && ADVERBIAL_WORDS.has(words[pre].lower))) subject = npIn(words, pre, f);
    } else {
      // «KS mener staten må …»: a complement clause without «at» after a verb of saying or thinking; the subject is
      // the noun phrase right before the modal, after that verb
      let said = -1;
      for (let k = pre + 1; k < f - 1; k++) if (words[k].upos === 'VERB' && SAYING.has(words[k].lemma.toLowerCase())) said = k;
      subject = (said >= 0 ? npIn(words, said + 1, f) : undefined) ?? npIn(words, pre, f);
    }
  } else {
    subject = introEnd < f ? npIn(words, introEnd, f) : undefined;
    if (!subject) {
      subject = npAfter(words, f + 1, clause.end);
      inverted = subject !== undefined;
    }
  }
  // the main verb: the first verb after the finite one (and after an inverted subject), across a parenthetical comma
  let j = inverted && subject ? subject.end + 1 : f + 1;
  const chain: string[] = [];
  let main: number | undefined;
  let negated = false;
  for (let k = Math.max(clause.start, clause.intro !== undefined ? clause.intro + 1 : clause.start); k < f; k++) if (negatesAt(words, k)) negated = true;
  // (the adverbs on the way do not count: «vil også i fremtiden, på en helt annen måte enn i dag, være …»)
  let limit = Math.min(words.length, f + 14);
  let adverbs = 0;
  for (; j < limit; j++) {
    const w = words[j];
    if (w.upos === 'ADV' && adverbs < MAX_SKIPPED_ADVERBS && limit < words.length) {
      adverbs++;
      limit++;
    }
    if (negatesAt(words, j)) {
      negated = true;
      continue;
    }
    // (also across the hyphen of a shortened compound: «i den kommunale helse- og omsorgstjenesten settes …»)
    if (w.punct && w.text !== ',' && w.text !== '–' && w.text !== '(' && w.text !== ')' && !(w.text === '-' && isShortenedPart(words, j - 1))) break;
    if (w.lower === 'som' || (w.upos === 'SCONJ' && w.lower !== 'å')) break;
    if (VERBAL.has(w.upos)) {
      const lemma = w.lemma.toLowerCase();
      if (AUXILIARIES.has(lemma) && main === undefined) {
        // «skal kunne gi», «skal bli gjennomført», «skal være nådd»: keep looking for a verb close behind
        let next = -1;
        for (let k = j + 1; k < Math.min(limit, j + 4); k++) {
          // (not into an «at»-clause: «skal være at ingen barn …» negates nothing of the modal)
          if (words[k].lower === 'at' || words[k].upos === 'SCONJ') break;
          if (NEGATIONS.has(words[k].lower)) negated = true;
          if (VERBAL.has(words[k].upos) || (words[k].upos === 'ADJ' && PASSIVE_AUX.has(lemma) && PARTICIPLE.test(words[k].lower))) {
            next = k;
            break;
          }
          if (words[k].punct || words[k].upos === 'NOUN' || words[k].upos === 'PROPN' || words[k].upos === 'DET') break;
        }
        if (next > 0) {
          chain.push(lemma);
          j = next - 1;
          continue;
        }
      }
      main = j;
      break;
    }
  }
  let passive = false;
  if (main !== undefined) {
    passive = isPassiveForm(words[main]) || chain.some((c) => PASSIVE_AUX.has(c));
    if (!passive && chain.some((c) => c === 'være' || c === 'vere') && PARTICIPLE.test(words[main].lower) && words[main].lemma.toLowerCase() !== words[main].lower) passive = true;
  }
  // hedges and adverbials of practice up to the main verb (with none found, the few words after the finite verb:
  // «må vi kanskje …»)
  const upTo = Math.min(clause.end, (main ?? f + 3) + 1);
  let hedged = false;
  for (let k = Math.max(0, clause.start - 3); k < upTo; k++) if (HEDGES.has(words[k].lower) || worstCase(words, k)) hedged = true;
  let habitual: string | undefined;
  for (let k = clause.start; k < upTo && !habitual; k++) {
    const w = words[k].lower;
    const two = k > clause.start && HABITUAL_LAST.has(w) ? `${words[k - 1].lower} ${w}` : '';
    habitual = two && HABITUAL.has(two) ? two : HABITUAL.has(w) ? w : undefined;
  }
  let expects: string | undefined;
  if (main !== undefined) {
    const m = words[main].lemma.toLowerCase();
    const next = words[main + 1]?.lower;
    const hit = EXPECT.find(([v, w]) => v === m && (w === undefined || w === next));
    if (hit) expects = hit.join(' ');
  }
  let deadline = false;
  // what follows «innen»: a year (also through «utgangen av», «slutten av»), or a date, a month, «frist», «senest»
  let withinYear = false;
  let dated = false;
  for (let k = clause.start; k < clause.end; k++) {
    const l = words[k].lower;
    if (DEADLINES.has(l)) {
      deadline = true;
      dated = true;
    } else if (WITHIN.has(l)) {
      if (isTimeAfterWithin(words[k + 1]?.lower ?? '')) deadline = true;
      for (let j = k + 1; j < Math.min(clause.end, k + 5); j++) {
        const w = words[j].lower;
        if (YEAR.test(w)) {
          withinYear = true;
          break;
        }
        if (/^\d/.test(w) || MONTHS.has(w)) dated = true;
      }
    }
  }
  let planYear = false;
  for (let k = Math.max(clause.start, 1); k < clause.end && !planYear; k++)
    planYear = YEAR.test(words[k].text) && YEAR_FRAME.has(words[k - 1].lower) && (words[k - 1].lower !== 'av' || words[k - 2]?.lower === 'løpet');
  // a state to be reached by a year: «innen 2027 ha tatt i bruk …», «bli klimanøytral innen 2030»
  let yearTarget = false;
  if (deadline && withinYear && !dated) {
    yearTarget = main !== undefined && !passive && BECOME.test(words[main].lower);
    for (let k = f + 1; k + 1 < clause.end && !yearTarget; k++) yearTarget = (words[k].lower === 'ha' || words[k].lower === 'hatt') && words[k + 1].upos === 'VERB';
  }
  return { finite: f, clause, subject, inverted, relativeSubject, cleft, main, chain, passive, negated, hedged, habitual, expects, deadline, planYear, yearTarget };
}
