import type { Standard } from '../tag';
import forms from './verbs.json';

/**
 * Verb forms the drafting assistant needs, Bokmål and Nynorsk: the present tense of a lemma («rapportere» →
 * «rapporterer», «ta» → «tar»/«tek») and the s-passive after a modal («kan leveres»/«kan leverast»).
 *
 * The present comes from verbs.json (every present form the UD Norwegian treebanks attest; written by
 * `npm run build:verb-forms`); a compound takes its last part's form («utgreie» → «utgreier» from «greie»);
 * Bokmål adds «r» to an infinitive ending in a vowel; Nynorsk adds «r» to «-ere» verbs only. Anything else has no
 * known present, and the strategies that need one are not used (never a guessed form).
 */

const TABLE: Record<Standard, Record<string, string>> = { nb: forms.nb, nn: forms.nn };

/** The table's form for the lemma or for its longest known last part (a compound's head). */
function fromTable(lemma: string, std: Standard): string | undefined {
  const t = TABLE[std];
  if (Object.prototype.hasOwnProperty.call(t, lemma)) return t[lemma];
  for (let i = 1; i <= lemma.length - 3; i++) {
    const head = lemma.slice(i);
    if (Object.prototype.hasOwnProperty.call(t, head)) return lemma.slice(0, i) + t[head];
  }
  return undefined;
}

/** The present tense of a verb lemma (lower case), or undefined when it is not known. */
export function present(lemma: string, std: Standard): string | undefined {
  const l = lemma.toLowerCase();
  if (!/^\p{Ll}+$/u.test(l)) return undefined;
  const known = fromTable(l, std);
  if (known) return known;
  if (std === 'nb') return /[aeiouyæøå]$/.test(l) ? l + 'r' : undefined;
  return /ere$/.test(l) ? l + 'r' : undefined;
}

/** The s-passive infinitive (after «kan», «bør»): «levere» → «leveres» / «leverast». */
export function sPassive(lemma: string, std: Standard): string | undefined {
  const l = lemma.toLowerCase();
  if (!/^\p{Ll}+$/u.test(l) || l.endsWith('s')) return undefined;
  if (std === 'nb') return /[aeiouyæøå]$/.test(l) ? l + 's' : undefined;
  if (/[ea]$/.test(l)) return l.slice(0, -1) + 'ast';
  return undefined;
}
