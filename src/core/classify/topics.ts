import { grammar } from '../lexicon';
import type { Word } from './words';

/**
 * Topic rules that need two words together, over a sentence's words (word sets in lexicon/grammar.json,
 * `topicWords`): a sentence speaks of innovation when it names something new and what is new («nye
 * løsninger», «ny organisering») or develops or takes up digital solutions («utvikle digitale tjenester»); of
 * co-creation when it names people outside the administration and their taking part («dialog med innbyggerne»,
 * «engasjere befolkningen»). One pass over the words.
 */

interface WordSet {
  exact: Set<string>;
  prefixes: string[];
  phrases: string[][];
}

function compile(patterns: readonly string[]): WordSet {
  const s: WordSet = { exact: new Set(), prefixes: [], phrases: [] };
  for (const p of patterns) {
    if (p.includes(' ')) s.phrases.push(p.split(' '));
    else if (p.endsWith('*')) s.prefixes.push(p.slice(0, -1));
    else s.exact.add(p);
  }
  return s;
}

const T = grammar.topicWords;
const SETS = {
  novelty: compile(T.novelty),
  renewalObject: compile(T.renewalObject),
  developVerb: compile(T.developVerb),
  digital: compile(T.digital),
  outsideActor: compile(T.outsideActor),
  participation: compile(T.participation),
};
type SetName = keyof typeof SETS;

function hitAt(set: WordSet, words: readonly Word[], i: number): boolean {
  const w = words[i].lower;
  if (set.exact.has(w)) return true;
  for (const p of set.prefixes) if (w.startsWith(p)) return true;
  for (const ph of set.phrases) {
    if (ph[0] !== w) continue;
    let ok = true;
    for (let k = 1; k < ph.length && ok; k++) ok = words[i + k]?.lower === ph[k];
    if (ok) return true;
  }
  return false;
}

export interface TopicEvidence {
  innovation?: string[];
  cocreation?: string[];
}

/** The two-word topic rules that fire in the sentence, with the words that made them fire. */
export function topicRules(words: readonly Word[]): TopicEvidence {
  const first: Partial<Record<SetName, string>> = {};
  for (let i = 0; i < words.length; i++) {
    if (words[i].punct) continue;
    for (const name of Object.keys(SETS) as SetName[]) {
      if (first[name] === undefined && hitAt(SETS[name], words, i)) first[name] = words[i].text;
    }
  }
  const out: TopicEvidence = {};
  if (first.novelty && first.renewalObject && first.novelty !== first.renewalObject) out.innovation = [first.novelty, first.renewalObject];
  else if (first.developVerb && first.digital && first.developVerb !== first.digital) out.innovation = [first.developVerb, first.digital];
  if (first.outsideActor && first.participation && first.outsideActor !== first.participation) out.cocreation = [first.outsideActor, first.participation];
  return out;
}
