import { Category, TermMatch, Token } from '../types';
import { Lexicon, LexiconEntry, grammar, LIGHT_ADVERBS } from '../lexicon';
import { stem } from './stem';
import { MONTHS } from '../util/months';
import { ownCopy } from '../util/strings';
import { tokenize } from '../tokenize/tokenize';

/**
 * Lexicon matching over tokens. Each term is compiled once into word patterns:
 *   word    whole word               pre*   prefix (compound modifier: «innovasjon*»)
 *   *end    ending + inflection      *mid*  inside a compound
 *   ~word   same Norwegian stem      =Word  case-sensitive
 *   phrase  words separated by spaces; «…» = up to four words; «#» = a number or a month name
 * Hyphenated compounds are matched whole and part by part.
 *
 * One pass over the tokens. The lexicon is compiled once (and cached per lexicon object) into a word index: a hash
 * map for whole words, a trie of prefixes, a trie of reversed endings and a trie of infixes (walked from every
 * position of the word), a map of stems. The index answers, for one word form, every single-word term and every
 * phrase whose first word it matches, in time linear in the form's length (times the longest pattern); the answer is
 * remembered per form. A token then costs one map lookup, and only the phrases that can start at it are tried.
 */

type WordPat =
  | { kind: 'exact'; s: string; cs: boolean }
  | { kind: 'prefix'; s: string; cs: boolean }
  | { kind: 'suffix'; s: string; cs: boolean }
  | { kind: 'contains'; s: string; cs: boolean }
  | { kind: 'stem'; s: string }
  | { kind: 'number' }
  | { kind: 'gap' };

/**
 * What the matcher reads of a lexicon entry, in one object shape for every entry (entries themselves have optional
 * fields in any combination; reading them in the per-token loop would make it polymorphic).
 */
interface EntryInfo {
  id: string;
  category: Category;
  weight: number;
  context: string | undefined;
  /** Its `except` phrases, compiled. */
  except: WordPat[][] | undefined;
  /** Its number (CompiledLexicon.entryIndex). */
  ei: number;
  /** An enabling term that a word of taking away before it takes away (room, trust). */
  reducible: boolean;
}

interface CompiledTerm {
  entry: EntryInfo;
  words: WordPat[];
  /** Where the old per-token scan met the term: 0 whole words, 1 other single words, 2 case-sensitive; phrases 0/1. */
  group: number;
  /** Position in the lexicon (entries, then terms): ties between matches of one span keep this order. */
  ord: number;
  /** More than one word: matched from here with matchPhrase. */
  phrase: boolean;
}

const INFLECTIONS = ['', 'e', 'en', 'et', 'a', 'er', 'ene', 'ar', 'ane', 'ne', 's', 'es', 't', 'te', 'r', 'ens', 'ets', 'enes'];
const INFLECTION_SET = new Set(INFLECTIONS);
const MAX_INFLECTION = Math.max(...INFLECTIONS.map((e) => e.length));
const REDUCERS = new Set(grammar.reducers);
/** Passives after a control term that make it less control («Kravet om rapportering fjernes»). */
const REDUCERS_AFTER = new Set(grammar.reducersAfter);
/** grammar.json `adverbialPhrases` as sequences of the matcher's words («blant annet»; «bl.a.» is «bl», «a»: the
 * matcher's words leave punctuation out), longest first. */
const ADVERBIAL_PHRASES: readonly string[][] = grammar.adverbialPhrases
  .map((p) => tokenize(p).filter((t) => t.kind !== 'punct').map((t) => t.lower))
  .filter((seq) => seq.length > 1)
  .sort((a, b) => b.length - a.length);
/** The flags of a matcher's word (matchTokens' `broken`): punctuation that breaks a phrase stands before it; it may be skipped inside a phrase. */
const BREAK = 1;
const SKIPPABLE = 2;
/** The first words of the adverbial phrases. */
const PHRASE_STARTS = new Set(ADVERBIAL_PHRASES.map((seq) => seq[0]));
/** The token index after an adverbial phrase that starts at ti (no phrase-breaking punctuation in or before it), or ti. */
function afterAdverbialPhrase(wt: readonly Token[], broken: Uint8Array, ti: number): number {
  for (const seq of ADVERBIAL_PHRASES) {
    if (wt[ti]?.lower !== seq[0] || ti + seq.length >= wt.length || (broken[ti] & BREAK) === 1) continue;
    let k = 1;
    while (k < seq.length && wt[ti + k].lower === seq[k] && (broken[ti + k] & BREAK) === 0) k++;
    if (k === seq.length) return ti + k;
  }
  return ti;
}
/** «talet på», «antallet», «omfanget av» between a reducer and the control term it reduces. */
const QUANTITY_OF = new Set(['talet på', 'tallet på', 'antallet på', 'antall på', 'omfanget av', 'mengden av', 'mengda av', 'antallet av']);
/** Words across which a passive reducer does not reach back to a control term: subordinators and negations. */
const AFTER_STOP = new Set(['at', 'som', 'hvordan', 'korleis', 'om', 'når', 'hvis', 'dersom', 'fordi', 'hvor', 'der', 'ikke', 'ikkje', 'aldri']);
/** How many words after a control term a passive reducer may stand («rapporteringen skal etter dette forenkles»). */
const REDUCER_AFTER_WINDOW = 4;
/** Enabling subtypes that a verb of taking away takes away (room and trust; not the resource entry, whose
 * «øremerking» is itself a constraint). */
const TAKEN_AWAY = /^(discretion|trust)$/;
/** Words that take room or trust away («reduserer handlingsrommet», «svekker tilliten», «mindre frihet»); not the
 * reducers of control that also mean «less control» («forenkle», «fjerne», «unngå», «uten»). */
const TAKE_AWAY = new Set(grammar.takeAway);

function compileWord(w: string): WordPat {
  if (w === '…' || w === '...') return { kind: 'gap' };
  if (w === '#') return { kind: 'number' };
  if (w.startsWith('~')) return { kind: 'stem', s: stem(w.slice(1).toLowerCase()) };
  let cs = false;
  if (w.startsWith('=')) {
    cs = true;
    w = w.slice(1);
  }
  const norm = (x: string) => (cs ? x : x.toLowerCase());
  const lead = w.startsWith('*');
  const trail = w.endsWith('*') && w.length > 1;
  const core = norm(w.replace(/^\*/, '').replace(/\*$/, ''));
  if (lead && trail) return { kind: 'contains', s: core, cs };
  if (lead) return { kind: 'suffix', s: core, cs };
  if (trail) return { kind: 'prefix', s: core, cs };
  return { kind: 'exact', s: core, cs };
}

function wordMatches(p: WordPat, tok: Token): boolean {
  if (p.kind === 'number') return tok.kind === 'number' || MONTHS.has(tok.lower);
  if (p.kind === 'gap') return true;
  if (tok.kind === 'punct') return false;
  if (p.kind === 'stem') return stem(tok.lower) === p.s;
  const t = p.cs ? tok.text : tok.lower;
  switch (p.kind) {
    case 'exact':
      return t === p.s;
    case 'prefix':
      return t.startsWith(p.s);
    case 'contains':
      return t.includes(p.s);
    case 'suffix':
      return suffixMatches(t, p.s);
  }
}

/** «*end»: the word ends with `s` (its last occurrence) plus an inflection. */
function suffixMatches(t: string, s: string): boolean {
  const i = t.lastIndexOf(s);
  return i >= 0 && INFLECTION_SET.has(t.slice(i + s.length));
}

// ───────────────────────────── the word index ─────────────────────────────

interface TrieNode {
  next: Map<number, TrieNode>;
  terms: CompiledTerm[] | undefined;
}

const newNode = (): TrieNode => ({ next: new Map(), terms: undefined });

function trieAdd(root: TrieNode, key: string, reversed: boolean, term: CompiledTerm): number {
  let n = root;
  for (let k = 0; k < key.length; k++) {
    const c = key.charCodeAt(reversed ? key.length - 1 - k : k);
    let m = n.next.get(c);
    if (!m) n.next.set(c, (m = newNode()));
    n = m;
  }
  (n.terms ??= []).push(term);
  return key.length;
}

/**
 * Single-word patterns of one case (lower-case forms, or the original spelling for `=Word` patterns), answering
 * «which patterns match this form» without trying them one by one.
 */
class WordIndex {
  readonly exact = new Map<string, CompiledTerm[]>();
  readonly prefix = newNode();
  readonly suffix = newNode();
  readonly contains = newNode();
  readonly stems = new Map<string, CompiledTerm[]>();
  readonly numbers: CompiledTerm[] = [];
  readonly always: CompiledTerm[] = [];
  private containsDepth = 0;
  private hasPrefix = false;
  private hasSuffix = false;
  size = 0;

  add(p: WordPat, term: CompiledTerm): void {
    this.size++;
    switch (p.kind) {
      case 'exact':
        push(this.exact, p.s, term);
        break;
      case 'prefix':
        trieAdd(this.prefix, p.s, false, term);
        this.hasPrefix = true;
        break;
      case 'suffix':
        trieAdd(this.suffix, p.s, true, term);
        this.hasSuffix = true;
        break;
      case 'contains':
        this.containsDepth = Math.max(this.containsDepth, trieAdd(this.contains, p.s, false, term));
        break;
      case 'stem':
        push(this.stems, p.s, term);
        break;
      case 'number':
        this.numbers.push(term);
        break;
      case 'gap':
        this.always.push(term);
        break;
    }
  }

  /** Every term whose first word matches the form `t` (unsorted, without duplicates). */
  lookup(t: string, out: CompiledTerm[]): void {
    if (this.size === 0) return;
    const exact = this.exact.get(t);
    if (exact) out.push(...exact);
    if (this.hasPrefix) {
      let n: TrieNode | undefined = this.prefix;
      for (let k = 0; n; k++) {
        if (n.terms) out.push(...n.terms);
        if (k >= t.length) break;
        n = n.next.get(t.charCodeAt(k));
      }
    }
    if (this.hasSuffix) {
      // t = X + s + inflection, with s at its last occurrence in t
      for (let e = Math.min(MAX_INFLECTION, t.length); e >= 0; e--) {
        const q = t.length - e;
        if (e > 0 && !INFLECTION_SET.has(t.slice(q))) continue;
        let n: TrieNode | undefined = this.suffix;
        for (let k = q; n; k--) {
          if (n.terms) for (const term of n.terms) if (t.lastIndexOf((term.words[0] as { s: string }).s) === k) out.push(term);
          if (k <= 0) break;
          n = n.next.get(t.charCodeAt(k - 1));
        }
      }
    }
    if (this.containsDepth > 0) {
      let found: Set<CompiledTerm> | undefined;
      for (let i = 0; i < t.length || i === 0; i++) {
        let n: TrieNode | undefined = this.contains;
        for (let k = i; n; k++) {
          if (n.terms) for (const term of n.terms) (found ??= new Set()).add(term);
          if (k >= t.length) break;
          n = n.next.get(t.charCodeAt(k));
        }
      }
      if (found) out.push(...found);
    }
    if (this.stems.size) {
      const s = this.stems.get(stem(t));
      if (s) out.push(...s);
    }
    if (this.numbers.length && (isDigits(t) || MONTHS.has(t))) out.push(...this.numbers);
    if (this.always.length) out.push(...this.always);
  }
}

function isDigits(t: string): boolean {
  if (!t.length) return false;
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** What one word form starts: single-word terms (in scan order) and the phrases whose first word it matches. */
interface FormHits {
  singles: CompiledTerm[];
  phrases: CompiledTerm[];
}

const NO_HITS: FormHits = { singles: [], phrases: [] };
/** Forms longer than this are not remembered (the memo's memory stays bounded). */
const MEMO_MAX_FORM = 64;
const MEMO_MAX_SIZE = 100_000;

const byScanOrder = (a: CompiledTerm, b: CompiledTerm) => a.group - b.group || a.ord - b.ord;

export interface CompiledLexicon {
  lexicon: Lexicon;
  byId: Map<string, LexiconEntry>;
  /** First words of the terms (single words and phrases), case-insensitive: looked up by lower-case form. */
  index: WordIndex;
  /** The same for case-sensitive first words (`=Word`), looked up by the original spelling. */
  indexCS: WordIndex;
  /** Memo: lower-case form → hits; original spelling → case-sensitive hits. */
  memo: Map<string, FormHits>;
  memoCS: Map<string, FormHits>;
  /**
   * First characters of the case-sensitive patterns that start with a fixed letter (whole words and prefixes); `null`
   * when one of them can match any word (endings, infixes): then every token is looked up in the case-sensitive index.
   */
  csFirst: Set<number> | null;
  /** Entry ids → small numbers, and per entry the last token that matched it (so a token matches an entry once). */
  entryIndex: Map<string, number>;
  seenAt: Int32Array;
  stamp: number;
}

const compiledCache = new WeakMap<Lexicon, CompiledLexicon>();

/** Compiles a lexicon into its word index (once per lexicon object; later calls return the cached index). */
export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const hit = compiledCache.get(lexicon);
  if (hit) return hit;
  const c: CompiledLexicon = {
    lexicon,
    byId: new Map(lexicon.entries.map((e) => [e.id, e])),
    index: new WordIndex(),
    indexCS: new WordIndex(),
    memo: new Map(),
    memoCS: new Map(),
    csFirst: new Set(),
    entryIndex: new Map(),
    seenAt: new Int32Array(0),
    stamp: 0,
  };
  let ord = 0;
  for (const e of lexicon.entries) if (!c.entryIndex.has(e.id)) c.entryIndex.set(e.id, c.entryIndex.size);
  for (const e of lexicon.entries) {
    if (e.disabled) continue;
    const entry: EntryInfo = {
      id: e.id,
      category: e.category,
      weight: e.weight ?? 1,
      context: e.context,
      except: e.except?.length ? e.except.map((x) => x.trim().split(/\s+/).map(compileWord)) : undefined,
      ei: c.entryIndex.get(e.id)!,
      reducible: e.category === 'enabling' && TAKEN_AWAY.test(e.subtype ?? ''),
    };
    for (const term of e.terms) {
      const words = term.trim().split(/\s+/).map(compileWord);
      const w = words[0];
      const cs = 'cs' in w && w.cs;
      if (cs) {
        if ((w.kind === 'exact' || w.kind === 'prefix') && w.s.length > 0) c.csFirst?.add(w.s.charCodeAt(0));
        else c.csFirst = null;
      }
      if (words.length === 1) {
        const group = w.kind === 'exact' && !cs ? 0 : cs ? 2 : 1;
        (cs ? c.indexCS : c.index).add(w, { entry, words, group, ord: ord++, phrase: false });
      } else {
        const group = w.kind === 'exact' && !cs ? 0 : 1;
        (cs ? c.indexCS : c.index).add(w, { entry, words, group, ord: ord++, phrase: true });
      }
    }
  }
  c.seenAt = new Int32Array(c.entryIndex.size).fill(-1);
  compiledCache.set(lexicon, c);
  return c;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}

function hitsOf(index: WordIndex, memo: Map<string, FormHits>, form: string): FormHits {
  let h = memo.get(form);
  if (h) return h;
  const all: CompiledTerm[] = [];
  index.lookup(form, all);
  if (all.length === 0) h = NO_HITS;
  else {
    all.sort(byScanOrder);
    h = { singles: all.filter((t) => !t.phrase), phrases: all.filter((t) => t.phrase) };
  }
  if (form.length <= MEMO_MAX_FORM) {
    if (memo.size >= MEMO_MAX_SIZE) memo.clear();
    // A copy as the key: a slice would keep the whole document's text alive as long as the lexicon.
    memo.set(ownCopy(form), h);
  }
  return h;
}

/** The hits of a token (or part): case-insensitive ones, then the case-sensitive ones. */
function tokenHits(c: CompiledLexicon, u: Token): FormHits {
  const h = hitsOf(c.index, c.memo, u.lower);
  if (c.indexCS.size === 0) return h;
  if (c.csFirst && !c.csFirst.has(u.text.charCodeAt(0))) return h;
  const cs = hitsOf(c.indexCS, c.memoCS, u.text);
  if (cs === NO_HITS) return h;
  return { singles: [...h.singles, ...cs.singles], phrases: [...h.phrases, ...cs.phrases].sort(byScanOrder) };
}

/** Punctuation that ends a phrase: two words of a phrase do not stand on either side of it («henge sammen, med»). */
const PHRASE_BREAK = new Set([',', ';', ':', '(', ')', '[', ']', '!', '?']);

/**
 * Tries to match the phrase `words` starting at word index `i` of `wt`; returns the last word index or -1. `broken[k]`
 * says that phrase-breaking punctuation stands between words k − 1 and k (a gap «…» may still cross it).
 */
function matchPhrase(words: WordPat[], wt: Token[], broken: Uint8Array, i: number): number {
  return matchFrom(words, 0, wt, broken, i);
}

function matchFrom(words: WordPat[], wi: number, wt: Token[], broken: Uint8Array, ti: number): number {
  for (;;) {
    if (wi === words.length) return ti - 1;
    const p = words[wi];
    if (p.kind === 'gap') {
      for (let g = 0; g <= 4 && ti + g <= wt.length; g++) {
        const r = matchFrom(words, wi + 1, wt, broken, ti + g);
        if (r >= 0) return r;
      }
      return -1;
    }
    if (ti >= wt.length) return -1;
    if (!wordMatches(p, wt[ti])) {
      // inside a phrase (not before its first word), adverbs may stand between its words
      if (wi === 0 || words[wi - 1].kind === 'gap' || (broken[ti] & SKIPPABLE) === 0) return -1;
      ti = pastAdverbs(p, wt, broken, ti);
      if (ti < 0) return -1;
    }
    if (wi > 0 && words[wi - 1].kind !== 'gap' && (broken[ti] & BREAK) === 1) return -1;
    wi++;
    ti++;
  }
}

/**
 * Where the phrase word `p` stands past up to two light adverbs, or one adverbial phrase of several words, at ti («er
 * derfor nødvendig at», «gis også anledning til», «er i tillegg nødvendig at», «skal bl.a. selv velge»); -1 when it
 * does not. Kept out of matchFrom, which runs for every phrase tried: most words that fail are no adverb.
 */
function pastAdverbs(p: WordPat, wt: Token[], broken: Uint8Array, ti: number): number {
  let k = ti;
  while (k < wt.length && k < ti + 2 && LIGHT_ADVERBS.has(wt[k].lower) && (broken[k] & BREAK) === 0) k++;
  if (k === ti) k = afterAdverbialPhrase(wt, broken, ti);
  if (k === ti || k >= wt.length || (broken[k] & BREAK) === 1 || !wordMatches(p, wt[k])) return -1;
  return k;
}

function newMatch(start: number, end: number, text: string, entry: string, category: Category, weight: number, negated: true | undefined): TermMatch {
  // `negated` always present (undefined unless a reducer flipped the match): every match has one object shape
  return { start, end, text, entry, category, weight, negated };
}

function makeMatch(entry: EntryInfo, text: string, start: number, end: number): TermMatch {
  return newMatch(start, end, text.slice(start, end), entry.id, entry.category, entry.weight, undefined);
}

// Both kinds of `negated` once when the module loads, so that the matches' shape is settled before the matcher's
// code is optimised (a first `true` later would change the shape under optimised code and deoptimise it).
newMatch(0, 0, '', '', 'enabling', 1, true);
newMatch(0, 0, '', '', 'control', 1, undefined);

interface Found {
  m: TermMatch;
  entry: EntryInfo;
  ti: number;
}

/**
 * Matches the lexicon against the tokens of one sentence. Returns matches sorted by start; within a
 * category, a match inside a longer one is dropped (longest match: «Bydel Søndre Nordstrand» over
 * «Nordstrand»). Control terms after a reducer («redusert detaljstyring») or before a passive one in the same clause
 * («Kravet om rapportering fjernes») become enabling and `negated`;
 * room and trust after a word of taking away («reduserer handlingsrommet») are no enabling term.
 * Time: linear in the number of tokens (each tries only the phrases its form can start), plus a sort of the matches.
 */
export function matchTokens(text: string, tokens: Token[], compiled: CompiledLexicon): TermMatch[] {
  const wt: Token[] = [];
  const broken = new Uint8Array(tokens.length);
  let pendingBreak = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind === 'punct') {
      if (PHRASE_BREAK.has(t.text)) pendingBreak = 1;
      continue;
    }
    // bit 1: phrase-breaking punctuation before the word; bit 2: the word may be skipped inside a phrase (a light
    // adverb, or the first word of an adverbial phrase): looked up once per word, not per phrase tried
    broken[wt.length] = pendingBreak | (LIGHT_ADVERBS.has(t.lower) || PHRASE_STARTS.has(t.lower) ? SKIPPABLE : 0);
    pendingBreak = 0;
    wt.push(t);
  }
  const found: Found[] = [];
  let tokenFrom = 0; // found[tokenFrom…] were added for the current token: duplicates can only be among them
  const add = (entry: EntryInfo, start: number, end: number, ti: number) => {
    for (let k = tokenFrom; k < found.length; k++) {
      const f = found[k];
      if (f.entry === entry && f.m.start === start && f.m.end === end) return;
    }
    found.push({ m: makeMatch(entry, text, start, end), entry, ti });
  };
  const seenAt = compiled.seenAt;
  for (let i = 0; i < wt.length; i++) {
    const tok = wt[i];
    tokenFrom = found.length;
    // a token matches an entry once (the whole token first, then its hyphen parts): seenAt[entry] === stamp
    const stamp = (compiled.stamp = (compiled.stamp + 1) | 0);
    const whole = tokenHits(compiled, tok);
    const nParts = tok.parts ? tok.parts.length : 0;
    for (let ui = -1; ui < nParts; ui++) {
      const u = ui < 0 ? tok : tok.parts![ui];
      const singles = (ui < 0 ? whole : tokenHits(compiled, u)).singles;
      for (let k = 0; k < singles.length; k++) {
        const ct = singles[k];
        if (seenAt[ct.entry.ei] === stamp) continue;
        seenAt[ct.entry.ei] = stamp;
        // a pattern that matched the whole hyphenated token covers it whole
        add(ct.entry, u.start, u.end, i);
      }
    }
    // phrases that can start here
    const phrases = whole.phrases;
    for (let k = 0; k < phrases.length; k++) {
      const ct = phrases[k];
      const last = matchPhrase(ct.words, wt, broken, i);
      if (last >= 0) add(ct.entry, tok.start, wt[last].end, i);
    }
  }
  if (found.length === 0) return [];
  // except phrases
  let out = found.filter(({ entry, ti, m }) => {
    const ex = entry.except;
    if (!ex) return true;
    for (let s = Math.max(0, ti - 3); s <= ti; s++) {
      for (const words of ex) {
        const last = matchPhrase(words, wt, broken, s);
        if (last >= 0 && wt[s].start <= m.start && wt[last].end >= m.end) return false;
      }
    }
    return true;
  });
  // district context
  const hasDistrict = out.some(({ entry }) => entry.category === 'district' && !entry.context);
  if (!hasDistrict) out = out.filter(({ entry }) => entry.context !== 'district');
  // reducers flip control terms; room or trust after a verb of taking away is taken away, not given («reduserer
  // handlingsrommet», «svekker tilliten», «mindre frihet»): no enabling term
  let reducible = false;
  for (let k = 0; k < out.length && !reducible; k++) reducible = out[k].entry.reducible;
  if (reducible) {
    out = out.filter((f) => {
      if (!f.entry.reducible) return true;
      for (let k = Math.max(0, f.ti - 2); k < f.ti; k++) if (TAKE_AWAY.has(wt[k].lower)) return false;
      return true;
    });
  }
  for (const f of out) {
    // (follow-up made less is mostly care made less, «sendt hjem uten oppfølging», not room: not flipped)
    if (f.m.category !== 'control' || f.m.entry === 'oppfolging') continue;
    let reduced = false;
    // («ingen» only where something is had or set: «har ingen rapporteringsplikt», «stilles ingen krav», not «sikre at
    // ingen frister overskrides»)
    for (let k = Math.max(0, f.ti - 2); k < f.ti && !reduced; k++)
      reduced = REDUCERS.has(wt[k].lower) || (wt[k].lower === 'ingen' && /^(har|hadde|finnes|fins|er|stilles|stilt|gis|blir)$/.test(wt[k - 1]?.lower ?? ''));
    // the number of them made less: «redusere talet på måleindikatorar», «færre i antall rapporteringskrav» (a reducer
    // before «talet på», «antallet», «omfanget av»)
    if (!reduced && f.ti >= 3 && QUANTITY_OF.has(`${wt[f.ti - 2].lower} ${wt[f.ti - 1].lower}`))
      for (let k = Math.max(0, f.ti - 4); k < f.ti - 2 && !reduced; k++) reduced = REDUCERS.has(wt[k].lower);
    // a passive reducer a few words on, in the same phrase («Kravet om månedlig rapportering fjernes»)
    let j = f.ti;
    while (j < wt.length && wt[j].start < f.m.end) j++;
    // (not across a full stop, which is no phrase break because of abbreviations; not when denied: «fjernes ikke»)
    // (nor into another clause: «rapportere på hvordan ventetiden reduseres», «viser at sykefraværet reduseres»; nor
    // past a negation: «kan ikke reduseres»)
    // (a light adverb does not count: «rapporteringen fra bydelene skal også forenkles»)
    let window = REDUCER_AFTER_WINDOW;
    for (let k = j; k < wt.length && k < j + window && (broken[k] & BREAK) === 0 && !/[.!?]/.test(text.slice(wt[k - 1].end, wt[k].start)); k++) {
      const w = wt[k].lower;
      if (LIGHT_ADVERBS.has(w) && window < REDUCER_AFTER_WINDOW + 2) window++;
      if (AFTER_STOP.has(w)) break;
      if (REDUCERS_AFTER.has(w)) {
        // (a participle reduces only as the predicate, «er redusert», «har blitt forenklet»; attributive it describes
        // something else: «rapportere på redusert ventetid»)
        if (/(t|a)$/.test(w) && !/^(er|blir|ble|vart|blei|har|hadde|blitt|vorte|vore|være|vere)$/.test(wt[k - 1]?.lower ?? '')) continue;
        reduced = !/^(ikke|ikkje)$/.test(wt[k + 1]?.lower ?? '');
        break;
      }
    }
    // a new object rather than writes into the match (which would change its shape)
    if (reduced) f.m = newMatch(f.m.start, f.m.end, f.m.text, f.m.entry, 'enabling', f.m.weight, true);
  }
  const ms: TermMatch[] = [];
  for (const f of out) ms.push(f.m);
  const kept = longestPerCategory(ms);
  kept.sort((a, b) => a.start - b.start || b.end - a.end);
  return kept;
}

/**
 * Within a category, drops a match that lies inside a longer one (another span that starts at or before it and ends
 * at or after it). A sweep over the matches sorted by start: O(m log m), not a comparison of every pair.
 */
function longestPerCategory(ms: TermMatch[]): TermMatch[] {
  if (ms.length < 2) return ms;
  // arrays built by push, not map or filter: one elements kind whether this runs optimised or not
  const order: number[] = [];
  for (let k = 0; k < ms.length; k++) order.push(k);
  order.sort((a, b) => {
    const x = ms[a];
    const y = ms[b];
    return x.category < y.category ? -1 : x.category > y.category ? 1 : x.start - y.start || y.end - x.end;
  });
  const dropped = new Uint8Array(ms.length);
  let k = 0;
  while (k < order.length) {
    const cat = ms[order[k]].category;
    let maxEndBefore = -1; // largest end among matches of this category that start before the current start
    while (k < order.length && ms[order[k]].category === cat) {
      const start = ms[order[k]].start;
      const groupMaxEnd = ms[order[k]].end; // sorted by end descending within one start
      let g = k;
      for (; g < order.length && ms[order[g]].category === cat && ms[order[g]].start === start; g++) {
        const a = ms[order[g]];
        if (maxEndBefore >= a.end || groupMaxEnd > a.end) dropped[order[g]] = 1;
      }
      maxEndBefore = Math.max(maxEndBefore, groupMaxEnd);
      k = g;
    }
  }
  const kept: TermMatch[] = [];
  for (let i = 0; i < ms.length; i++) if (!dropped[i]) kept.push(ms[i]);
  return kept;
}

export function categoryMatches(matches: TermMatch[], category: Category): TermMatch[] {
  return matches.filter((m) => m.category === category);
}
