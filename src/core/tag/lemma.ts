/**
 * Lemmatiser: an exception table (lower-cased form + word class → lemma) and, per word class, longest-suffix
 * rules ("strip k characters, append s") learnt from the treebanks, one table per written standard (Bokmål and
 * Nynorsk spell the same lemma differently: være/vere, bli/verte). Proper nouns keep their form.
 */

/** Tables as stored in the model file. */
export interface LemmaTables {
  /** "form\tUPOS\tlemma" lines: forms the rules get wrong. */
  exceptions: string;
  /** "UPOS\tsuffix\tstrip\tappend" lines: the rule for words of that class ending in that suffix. */
  rules: string;
}

export interface Lemmatizer {
  lemma(form: string, upos: string): string;
}

export const MAX_SUFFIX = 6;

/**
 * Verbs whose «-ast» form is their own lemma (Nynorsk deponents: «lukkast», «synast»), not a passive.
 */
const DEPONENTS = /^(lukkast|lykkast|synast|trivast|finnast|møtast|kjennast|minnast|skiljast|undrast|ottast|eldast|slåst|samast|omgåast|vennast)$/;

/**
 * The lemma of a Nynorsk s-passive («leggjast», «sendast», «greiast») is its active infinitive («leggje», «sende»,
 * «greie»), as the Nynorsk treebank mostly has it. The Bokmål tables never saw the ending and make «leggjase»; the
 * Nynorsk ones keep a few such forms whole. `tables` is what the tables made of the form.
 */
export function sPassiveLemma(lower: string, tables: string): string {
  if (lower.length < 6 || !lower.endsWith('ast')) return tables;
  if (DEPONENTS.test(lower)) return tables.endsWith('ase') ? lower : tables;
  if (tables !== lower && !tables.endsWith('ase')) return tables;
  // («sjåast», «gåast»: the infinitive ends in its «-å»)
  const stem = lower.slice(0, -3);
  return stem.endsWith('å') ? stem : stem + 'e';
}

/** Applies a rule "strip k, append s" to a lower-cased form. */
export function applyRule(lower: string, strip: number, append: string): string {
  if (strip > lower.length) return lower;
  return lower.slice(0, lower.length - strip) + append;
}

/** The rule that turns `form` into `lemma` (both lower case). */
export function ruleOf(form: string, lemma: string): [number, string] {
  let p = 0;
  while (p < form.length && p < lemma.length && form[p] === lemma[p]) p++;
  return [form.length - p, lemma.slice(p)];
}

export function loadLemmatizer(t: LemmaTables): Lemmatizer {
  // per word class: form → lemma (exceptions), suffix → rule
  const exceptions = new Map<string, Map<string, string>>();
  const rules = new Map<string, Map<string, [number, string]>>();
  const tableOf = <V>(m: Map<string, Map<string, V>>, upos: string): Map<string, V> => {
    let table = m.get(upos);
    if (!table) m.set(upos, (table = new Map()));
    return table;
  };
  for (const line of t.exceptions.split('\n')) {
    if (!line) continue;
    const [form, upos, lemma] = line.split('\t');
    tableOf(exceptions, upos).set(form, lemma);
  }
  for (const line of t.rules.split('\n')) {
    if (!line) continue;
    const [upos, suffix, strip, append] = line.split('\t');
    tableOf(rules, upos).set(suffix, [Number(strip), append ?? '']);
  }
  const cache = new Map<string, Map<string, string>>();
  const byTables = (lower: string, upos: string): string => {
    const ex = exceptions.get(upos)?.get(lower);
    if (ex !== undefined) return ex;
    const table = rules.get(upos);
    if (table) {
      for (let n = Math.min(MAX_SUFFIX, lower.length); n >= 0; n--) {
        const r = table.get(lower.slice(lower.length - n));
        if (r) return applyRule(lower, r[0], r[1]);
      }
    }
    return lower;
  };
  const compute = (lower: string, upos: string): string => {
    const l = byTables(lower, upos);
    return upos === 'VERB' ? sPassiveLemma(lower, l) : l;
  };
  let cached = 0;
  return {
    lemma(form: string, upos: string): string {
      if (upos === 'PROPN' || upos === 'X' || upos === 'SYM') return form;
      if (upos === 'PUNCT') return '$' + form;
      const lower = form.toLowerCase();
      if (upos === 'NUM' && /^\d/.test(lower)) return lower;
      const byForm = tableOf(cache, upos);
      let l = byForm.get(lower);
      if (l === undefined) {
        if (cached > 50_000) {
          for (const m of cache.values()) m.clear();
          cached = 0;
        }
        byForm.set(lower, (l = compute(lower, upos)));
        cached++;
      }
      return l;
    },
  };
}

/** Builds the tables from (form, UPOS, lemma) triples of one written standard. */
export function trainLemmatizer(triples: Iterable<{ form: string; upos: string; lemma: string }>): LemmaTables {
  const formLemma = new Map<string, Map<string, number>>();
  const suffixRules = new Map<string, Map<string, number>>();
  const bump = (m: Map<string, Map<string, number>>, k: string, v: string) => {
    let c = m.get(k);
    if (!c) m.set(k, (c = new Map()));
    c.set(v, (c.get(v) ?? 0) + 1);
  };
  for (const t of triples) {
    if (t.upos === 'PROPN' || t.upos === 'PUNCT' || t.upos === 'X' || t.upos === 'SYM') continue;
    const lower = t.form.toLowerCase();
    const lemma = t.lemma.toLowerCase();
    bump(formLemma, lower + '\t' + t.upos, lemma);
    const [strip, append] = ruleOf(lower, lemma);
    for (let n = 0; n <= Math.min(MAX_SUFFIX, lower.length); n++) {
      bump(suffixRules, t.upos + '\t' + lower.slice(lower.length - n), strip + '\t' + append);
    }
  }
  const best = (c: Map<string, number>) => [...c.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
  // Rules, shortest suffix first; a longer suffix is kept only where it changes the rule found by falling back.
  const keys = [...suffixRules.keys()].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  const kept = new Map<string, string>();
  const effective = (upos: string, lower: string): string | undefined => {
    for (let n = Math.min(MAX_SUFFIX, lower.length); n >= 0; n--) {
      const r = kept.get(upos + '\t' + lower.slice(lower.length - n));
      if (r) return r;
    }
    return undefined;
  };
  for (const k of keys) {
    const [upos, suffix] = k.split('\t');
    const counts = suffixRules.get(k)!;
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    if (total < 2 && suffix.length > 0) continue; // a rule seen once is an exception, not a rule
    const b = best(counts);
    if (effective(upos, suffix.slice(1)) !== b || suffix.length === 0) kept.set(k, b);
  }
  const rules = [...kept.entries()].map(([k, v]) => k + '\t' + v).join('\n');
  const lem = loadLemmatizer({ exceptions: '', rules });
  const exceptions: string[] = [];
  for (const [k, counts] of formLemma) {
    const [form, upos] = k.split('\t');
    const b = best(counts);
    if (lem.lemma(form, upos) !== b) exceptions.push(`${form}\t${upos}\t${b}`);
  }
  exceptions.sort();
  return { exceptions: exceptions.join('\n'), rules };
}
