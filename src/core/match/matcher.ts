import { Category, TermMatch, Token } from '../types';
import { Lexicon, LexiconEntry, grammar } from '../lexicon';
import { stem } from './stem';

/**
 * Lexicon matching over tokens. Each term is compiled once into word patterns:
 *   word    whole word               pre*   prefix (compound modifier: «innovasjon*»)
 *   *end    ending + inflection      *mid*  inside a compound
 *   ~word   same Norwegian stem      =Word  case-sensitive
 *   phrase  words separated by spaces; «…» = up to four words; «#» = a number or a month name
 * Hyphenated compounds are matched whole and part by part.
 */

type WordPat =
  | { kind: 'exact'; s: string; cs: boolean }
  | { kind: 'prefix'; s: string; cs: boolean }
  | { kind: 'suffix'; s: string; cs: boolean }
  | { kind: 'contains'; s: string; cs: boolean }
  | { kind: 'stem'; s: string }
  | { kind: 'number' }
  | { kind: 'gap' };

interface CompiledTerm {
  entry: LexiconEntry;
  words: WordPat[];
}

const INFLECTIONS = ['', 'e', 'en', 'et', 'a', 'er', 'ene', 'ar', 'ane', 'ne', 's', 'es', 't', 'te', 'r', 'ens', 'ets', 'enes'];
const MONTHS = new Set(['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember']);

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
      return t.includes(p.s) && t !== p.s ? true : t === p.s;
    case 'suffix': {
      const i = t.lastIndexOf(p.s);
      if (i < 0) return false;
      return INFLECTIONS.includes(t.slice(i + p.s.length));
    }
  }
}

export interface CompiledLexicon {
  lexicon: Lexicon;
  /** Single-word exact terms by their lower-case form. */
  exact: Map<string, CompiledTerm[]>;
  /** Other single-word terms. */
  other: CompiledTerm[];
  /** Phrases by their first word when it is exact, else in `phrasesOther`. */
  phrases: Map<string, CompiledTerm[]>;
  phrasesOther: CompiledTerm[];
  excepts: Map<string, WordPat[][]>;
  byId: Map<string, LexiconEntry>;
  /** Memo: lower-case word → the non-exact single-word terms it matches (case-insensitive ones). */
  memo: Map<string, CompiledTerm[]>;
  /** Case-sensitive single-word terms (checked on every token). */
  caseSensitive: CompiledTerm[];
}

const compiledCache = new WeakMap<Lexicon, CompiledLexicon>();

export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const hit = compiledCache.get(lexicon);
  if (hit) return hit;
  const c: CompiledLexicon = { lexicon, exact: new Map(), other: [], phrases: new Map(), phrasesOther: [], excepts: new Map(), byId: new Map(lexicon.entries.map((e) => [e.id, e])), memo: new Map(), caseSensitive: [] };
  for (const entry of lexicon.entries) {
    if (entry.disabled) continue;
    for (const term of entry.terms) {
      const words = term.trim().split(/\s+/).map(compileWord);
      const ct: CompiledTerm = { entry, words };
      if (words.length === 1) {
        const w = words[0];
        if (w.kind === 'exact' && !w.cs) push(c.exact, w.s, ct);
        else if ('cs' in w && w.cs) c.caseSensitive.push(ct);
        else c.other.push(ct);
      } else {
        const w = words[0];
        if (w.kind === 'exact' && !w.cs) push(c.phrases, w.s, ct);
        else c.phrasesOther.push(ct);
      }
    }
    if (entry.except?.length) {
      c.excepts.set(entry.id, entry.except.map((x) => x.trim().split(/\s+/).map(compileWord)));
    }
  }
  compiledCache.set(lexicon, c);
  return c;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}

/** Tries to match the phrase `words` starting at word index `i` of `wt`; returns the last word index or -1. */
function matchPhrase(words: WordPat[], wt: Token[], i: number): number {
  const rec = (wi: number, ti: number): number => {
    if (wi === words.length) return ti - 1;
    const p = words[wi];
    if (p.kind === 'gap') {
      for (let g = 0; g <= 4 && ti + g <= wt.length; g++) {
        const r = rec(wi + 1, ti + g);
        if (r >= 0) return r;
      }
      return -1;
    }
    if (ti >= wt.length) return -1;
    if (!wordMatches(p, wt[ti])) return -1;
    return rec(wi + 1, ti + 1);
  };
  return rec(0, i);
}

function makeMatch(entry: LexiconEntry, text: string, start: number, end: number): TermMatch {
  return {
    start,
    end,
    text: text.slice(start, end),
    entry: entry.id,
    category: entry.category,
    weight: entry.weight ?? 1,
  };
}

/**
 * Matches the lexicon against the tokens of one sentence. Returns matches sorted by start; within a
 * category, a match inside a longer one is dropped (longest match: «Bydel Søndre Nordstrand» over
 * «Nordstrand»). Control terms after a reducer («redusert detaljstyring») become enabling and `negated`.
 */
export function matchTokens(text: string, tokens: Token[], compiled: CompiledLexicon): TermMatch[] {
  const wt = tokens.filter((t) => t.kind !== 'punct');
  const found: { m: TermMatch; entry: LexiconEntry; ti: number }[] = [];
  const seen = new Set<string>();
  const add = (entry: LexiconEntry, start: number, end: number, ti: number) => {
    const key = `${entry.id}:${start}:${end}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push({ m: makeMatch(entry, text, start, end), entry, ti });
  };
  for (let i = 0; i < wt.length; i++) {
    const tok = wt[i];
    // single words: the whole token, then its hyphen parts
    const units = tok.parts ? [tok, ...tok.parts] : [tok];
    const matchedEntries = new Set<string>();
    for (const u of units) {
      for (const ct of compiled.exact.get(u.lower) ?? []) {
        if (matchedEntries.has(ct.entry.id)) continue;
        matchedEntries.add(ct.entry.id);
        add(ct.entry, u.start, u.end, i);
      }
      let hits = compiled.memo.get(u.lower);
      if (!hits) {
        hits = compiled.other.filter((ct) => wordMatches(ct.words[0], u));
        if (compiled.memo.size > 100_000) compiled.memo.clear();
        compiled.memo.set(u.lower, hits);
      }
      for (const ct of hits.length || compiled.caseSensitive.length ? [...hits, ...compiled.caseSensitive] : hits) {
        if (matchedEntries.has(ct.entry.id)) continue;
        if (wordMatches(ct.words[0], u)) {
          matchedEntries.add(ct.entry.id);
          // a pattern that matched the whole hyphenated token covers it whole
          add(ct.entry, u.start, u.end, i);
        }
      }
    }
    // phrases
    const cands = [...(compiled.phrases.get(tok.lower) ?? []), ...compiled.phrasesOther];
    for (const ct of cands) {
      const last = matchPhrase(ct.words, wt, i);
      if (last >= 0) add(ct.entry, tok.start, wt[last].end, i);
    }
  }
  // except phrases
  let out = found.filter(({ entry, ti, m }) => {
    const ex = compiled.excepts.get(entry.id);
    if (!ex) return true;
    for (let s = Math.max(0, ti - 3); s <= ti; s++) {
      for (const words of ex) {
        const last = matchPhrase(words, wt, s);
        if (last >= 0 && wt[s].start <= m.start && wt[last].end >= m.end) return false;
      }
    }
    return true;
  });
  // district context
  const hasDistrict = out.some(({ entry }) => entry.category === 'district' && !entry.context);
  out = out.filter(({ entry }) => entry.context !== 'district' || hasDistrict);
  // reducers flip control terms
  const reducers = new Set(grammar.reducers);
  for (const f of out) {
    if (f.m.category !== 'control') continue;
    const prev = wt.slice(Math.max(0, f.ti - 2), f.ti).map((t) => t.lower);
    if (prev.some((p) => reducers.has(p))) {
      f.m.category = 'enabling';
      f.m.negated = true;
    }
  }
  // longest match within a category
  const ms = out.map((f) => f.m);
  const kept = ms.filter(
    (a) =>
      !ms.some(
        (b) => b !== a && b.category === a.category && b.start <= a.start && b.end >= a.end && b.end - b.start > a.end - a.start,
      ),
  );
  kept.sort((a, b) => a.start - b.start || b.end - a.end);
  return kept;
}

export function categoryMatches(matches: TermMatch[], category: Category): TermMatch[] {
  return matches.filter((m) => m.category === category);
}
