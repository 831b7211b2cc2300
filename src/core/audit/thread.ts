/**
 * Strategy ↔ letter thread: which of a strategy's innovation, co-creation and district themes reach the
 * allocation letters that should carry the strategy out, and which are lost on the way (the study's finding
 * that «samskaping» is central in the strategy but absent from the letter).
 *
 * A theme is a lexicon entry family: the category plus the entry's subtype, so that the Bokmål and Nynorsk
 * entries of one idea (medvirkning / medverknad: cocreation:participation) are one theme. A theme's weight is
 * its share of the strategy's theme mentions; a letter's coverage is the summed weight of the themes it
 * carries. Rates are mentions per 1,000 content words, so a short letter is not penalised for being short.
 */
import { builtinLexicon } from '../lexicon';
import type { Lexicon } from '../lexicon';
import type { Category, DistrictRole, DocumentAnalysis, Finding } from '../types';

export type ThreadCategory = Extract<Category, 'innovation' | 'cocreation' | 'district' | 'collaboration'>;

export interface ThreadOptions {
  /** Categories whose themes are followed (default innovation, cocreation, district). */
  categories?: ThreadCategory[];
  /** The lexicon the documents were analysed with (to group entries into themes); default the built-in one. */
  lexicon?: Lexicon;
  /** A strategy theme needs at least this many mentions to be followed (default 1). */
  minCount?: number;
  /** A carried theme whose rate in the letter is below this share of its rate in the strategy is `weakened`
   *  (default 0.25). */
  weakenedBelow?: number;
}

export interface ThreadTerm {
  /** Lower-cased surface form. */
  term: string;
  count: number;
}

export interface StrategyTheme {
  key: string;
  category: ThreadCategory;
  /** The strategy's most frequent wording of the theme. */
  label: string;
  entries: string[];
  terms: ThreadTerm[];
  count: number;
  per1000Words: number;
  /** Share of the strategy's theme mentions (all followed themes add up to 1). */
  weight: number;
}

export type ThemeStatus = 'carried' | 'weakened' | 'lost';

export interface LetterTheme {
  key: string;
  label: string;
  category: ThreadCategory;
  status: ThemeStatus;
  count: number;
  per1000Words: number;
  /** Letter rate / strategy rate. */
  ratio: number;
  /** How the letter words it (its own surface forms of the theme). */
  terms: ThreadTerm[];
}

type Roles = Record<Exclude<DistrictRole, 'none'>, number>;

export interface LetterThread {
  file?: string;
  words: number;
  /** Summed weight of carried and weakened themes (0…1). */
  coverage: number;
  /** Summed weight of the carried themes only. */
  strongCoverage: number;
  byCategory: Partial<Record<ThreadCategory, { themes: number; carried: number; lost: number }>>;
  themes: LetterTheme[];
  carried: string[];
  weakened: string[];
  lost: string[];
  /** Themes in the letter the strategy does not have (new on the way). */
  added: { key: string; label: string; category: ThreadCategory; count: number }[];
  districtRoles: { strategy: Roles; letter: Roles };
  /** One line per lost or weakened theme, heaviest first: «samskaping (12× in the strategy) is absent». */
  summary: string[];
}

export interface ThreadResult {
  strategy: { file?: string; words: number; themes: StrategyTheme[] };
  letters: LetterThread[];
}

interface ThemeAcc {
  key: string;
  category: ThreadCategory;
  entries: Set<string>;
  terms: Map<string, number>;
  count: number;
}

function themeKey(f: Finding, entries: Map<string, { subtype?: string }>): string {
  const sub = entries.get(f.entry)?.subtype ?? f.entry;
  return `${f.category}:${sub}`;
}

function collect(a: DocumentAnalysis, cats: readonly ThreadCategory[], entries: Map<string, { subtype?: string }>): Map<string, ThemeAcc> {
  const out = new Map<string, ThemeAcc>();
  for (const f of a.findings) {
    if (!(cats as readonly Category[]).includes(f.category)) continue;
    const key = themeKey(f, entries);
    let t = out.get(key);
    if (!t) {
      t = { key, category: f.category as ThreadCategory, entries: new Set(), terms: new Map(), count: 0 };
      out.set(key, t);
    }
    t.count++;
    t.entries.add(f.entry);
    const term = f.text.toLowerCase().replace(/\s+/g, ' ');
    t.terms.set(term, (t.terms.get(term) ?? 0) + 1);
  }
  return out;
}

/**
 * The theme's name: the lexicon entry's id when that is a plain word found in the document's wordings
 * (entries are named by their lemma: «samskapingskommune», «samskape» → «samskaping»), else the most
 * frequent wording («nye løsninger»).
 */
function themeLabel(t: ThemeAcc, terms: ThreadTerm[]): string {
  const top = terms[0]?.term;
  if (!top) return t.key;
  const entries = [...t.entries].sort();
  for (const e of entries) if (/^\p{L}+$/u.test(e) && terms.some((x) => x.term.includes(e))) return e;
  return top;
}

function sortedTerms(m: Map<string, number>): ThreadTerm[] {
  return [...m].map(([term, count]) => ({ term, count })).sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : 1));
}

const rate = (n: number, words: number): number => (words > 0 ? (n * 1000) / words : 0);

function roles(a: DocumentAnalysis): Roles {
  const r = a.district.roles;
  return { obligated: r.obligated ?? 0, enabled: r.enabled ?? 0, involved: r.involved ?? 0, mentioned: r.mentioned ?? 0 };
}

/** Follows the strategy's themes into each letter. */
export function threadThemes(strategy: DocumentAnalysis, letters: readonly DocumentAnalysis[], opts: ThreadOptions = {}): ThreadResult {
  const cats = opts.categories ?? ['innovation', 'cocreation', 'district'];
  const lexicon = opts.lexicon ?? builtinLexicon();
  const entries = new Map(lexicon.entries.map((e) => [e.id, e]));
  const minCount = opts.minCount ?? 1;
  const weakenedBelow = opts.weakenedBelow ?? 0.25;

  const acc = [...collect(strategy, cats, entries).values()].filter((t) => t.count >= minCount);
  const sum = acc.reduce((s, t) => s + t.count, 0);
  const themes: StrategyTheme[] = acc
    .map((t) => {
      const terms = sortedTerms(t.terms);
      return {
        key: t.key,
        category: t.category,
        label: themeLabel(t, terms),
        entries: [...t.entries].sort(),
        terms,
        count: t.count,
        per1000Words: rate(t.count, strategy.words),
        weight: sum > 0 ? t.count / sum : 0,
      };
    })
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));

  const out: LetterThread[] = letters.map((letter) => {
    const found = collect(letter, cats, entries);
    const lt: LetterTheme[] = themes.map((t) => {
      const f = found.get(t.key);
      const count = f?.count ?? 0;
      const per = rate(count, letter.words);
      const ratio = t.per1000Words > 0 ? per / t.per1000Words : 0;
      const status: ThemeStatus = count === 0 ? 'lost' : ratio < weakenedBelow ? 'weakened' : 'carried';
      return { key: t.key, label: t.label, category: t.category, status, count, per1000Words: per, ratio, terms: f ? sortedTerms(f.terms) : [] };
    });
    const weightOf = new Map(themes.map((t) => [t.key, t.weight]));
    const coverage = lt.filter((x) => x.status !== 'lost').reduce((s, x) => s + (weightOf.get(x.key) ?? 0), 0);
    const strongCoverage = lt.filter((x) => x.status === 'carried').reduce((s, x) => s + (weightOf.get(x.key) ?? 0), 0);
    const byCategory: LetterThread['byCategory'] = {};
    for (const x of lt) {
      const c = (byCategory[x.category] ??= { themes: 0, carried: 0, lost: 0 });
      c.themes++;
      if (x.status === 'lost') c.lost++;
      else c.carried++;
    }
    const strategyKeys = new Set(themes.map((t) => t.key));
    const added = [...found.values()]
      .filter((f) => !strategyKeys.has(f.key))
      .map((f) => ({ key: f.key, label: sortedTerms(f.terms)[0]?.term ?? f.key, category: f.category, count: f.count }))
      .sort((a, b) => b.count - a.count);
    const summary: string[] = [];
    for (const x of lt) {
      const t = themes.find((s) => s.key === x.key)!;
      if (x.status === 'lost') summary.push(`«${t.label}» (${t.count}× in the strategy, ${fmt(t.per1000Words)} per 1,000 words) is absent from the letter.`);
      else if (x.status === 'weakened') {
        summary.push(`«${t.label}» is weakened: ${fmt(t.per1000Words)} → ${fmt(x.per1000Words)} per 1,000 words (${x.count}×).`);
      }
    }
    return {
      file: letter.file,
      words: letter.words,
      coverage,
      strongCoverage,
      byCategory,
      themes: lt,
      carried: lt.filter((x) => x.status === 'carried').map((x) => x.key),
      weakened: lt.filter((x) => x.status === 'weakened').map((x) => x.key),
      lost: lt.filter((x) => x.status === 'lost').map((x) => x.key),
      added,
      districtRoles: { strategy: roles(strategy), letter: roles(letter) },
      summary,
    };
  });
  return { strategy: { file: strategy.file, words: strategy.words, themes }, letters: out };
}

function fmt(n: number): string {
  return n >= 10 ? n.toFixed(0) : n.toFixed(1);
}
