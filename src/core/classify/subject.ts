import { grammar } from '../lexicon';
import { plainSpacing } from '../tokenize/chars';
import { hasActorHead, isAgent, levelOf } from './actors';
import { firstNonPunct, isShortenedPart, isTruncated, type NP } from './clause';
import type { Word } from './words';

/**
 * What kind of thing a subject is: the writer («vi»), a generic «man», an expletive «det», people who benefit
 * (innbyggerne, barn og unge, alle), an organisation or office that can be instructed (bydelene, Helsedirektoratet,
 * prosjektgruppen, lederne), or a thing (a plan, a service, money, a goal). Word lists live in lexicon/grammar.json.
 */
export type SubjectKind = 'self' | 'generic' | 'expletive' | 'people' | 'org' | 'goal' | 'thing' | 'none';

export interface SubjectInfo {
  kind: SubjectKind;
  /** Plural (definite plural «-ene/-ane», «-er/-ar»), from the head's form. */
  plural: boolean;
  proper: boolean;
  /** State 3, agency 2, local 1, when known. */
  level?: 1 | 2 | 3;
  /** The head's lemma, lower case. */
  lemma: string;
  /** The actor as written: the head, a proper name with its parts («Oslo kommune»), or coordinated heads. */
  text: string;
  start: number;
  end: number;
}

const SELF = new Set(grammar.selfSubjects);
const GENERIC = new Set(grammar.genericSubjects);
const PEOPLE = grammar.peopleHeads;
const GOALS = new Set(grammar.goalSubjects.filter((g) => !['den', 'dette', 'det'].includes(g)));
const NAME_PARTS = /^(kommune|fylkeskommune|vegvesen|helsenett|sf|hf|kommunes|origo|helseforetak|helseføretak)$/;

export function peopleHead(lower: string): boolean {
  return PEOPLE.some((p) => lower === p || (lower.startsWith(p) && lower.length - p.length <= 3) || (p.length > 5 && lower.endsWith(p)));
}

/** The text of an actor: heads joined as written, with a preceding proper-name part («Oslo kommune», «Statens vegvesen»). */
function actorSpan(words: readonly Word[], np: NP): { start: number; end: number } {
  const first = np.heads[0];
  const last = np.heads[np.heads.length - 1];
  let s = first;
  if (s > np.start && /^(sf|hf|rhf)$/.test(words[s].lower) && /^\p{Lu}+$/u.test(words[s].text)) {
    // a company's name before its form: «Norsk helsenett SF», «Helse Sør-Øst RHF», «Oslo universitetssykehus HF»
    for (let k = s - 1; k >= np.start && k >= s - 3 && !words[k].punct; k--) if (/^\p{Lu}/u.test(words[k].text)) s = k;
  } else if (s > np.start && NAME_PARTS.test(words[s].lower) && (words[s - 1].upos === 'PROPN' || /^\p{Lu}/u.test(words[s - 1].text))) s--;
  // «Bydel Stovner», «Bydel Gamle Oslo»: the district's name with its «Bydel»
  else if (/^\p{Lu}/u.test(words[s].text)) {
    let b = s;
    while (b > np.start && b > s - 3 && words[b - 1].lower !== 'bydel' && /^\p{Lu}/u.test(words[b - 1].text)) b--;
    if (b > np.start && words[b - 1].lower === 'bydel') s = b - 1;
  }
  // «Endrings- og innovasjonsprosesser»: the truncated first part of a compound belongs to the actor
  // (and a list of them: «Barne-, ungdoms- og familiedirektoratet»)
  if (s - 3 >= np.start && isTruncated(words, s - 3)) {
    s -= 3;
    while (s - 3 >= np.start && isShortenedPart(words, s - 3) && words[s - 1].text === ',') s -= 3;
  }
  return { start: words[s].start, end: words[last].end };
}

/** The definite endings of a noun («-et», «-en», «-a», «-ene», «-ane»). */
const DEFINITE = /\p{L}{3}(et|en|a|ene|ane)$/u;
/** A person named by a pronoun (exactly: «han» opens «handel»). */
const PERSONAL = /^(han|hun|ho|hen)$/;
/** Nynorsk feminines, by their lemma: their definite singular ends in «-a». */
const FEMININE = /(ing|teneste|semd|heit|eining|kommune|kommun)$/;

export function subjectInfo(words: readonly Word[], np: NP | undefined, text: string): SubjectInfo | undefined {
  if (!np) return undefined;
  const h = words[np.head];
  const lower = h.lower;
  const lemma = h.lemma.toLowerCase();
  const span = actorSpan(words, np);
  // (a Nynorsk feminine in the definite singular ends in «-a» too: «tenesta», «ordninga», «regjeringa», «verksemda»)
  const plural = /(ene|ane|er|ar|a)$/.test(lower) && lower !== lemma && !/(er|ar)$/.test(lemma) && !(lower.endsWith('a') && FEMININE.test(lemma));
  // (capitalised after the sentence's opening: a list item's first word is no name, «2. Prosjektgruppen»)
  // (nor is a body's common name in the definite that opens the sentence, which the tagger reads as a name there:
  // «Kontrollutvalet skal føre tilsyn …», «Prosjektgruppa skal …»)
  const open = firstNonPunct(words);
  const commonAtStart = np.head === open && h.upos === 'PROPN' && DEFINITE.test(lower) && hasActorHead(lower);
  const proper = (h.upos === 'PROPN' && !commonAtStart) || (/^\p{Lu}/u.test(h.text) && np.head > open);
  // (the text as written, its white space made single spaces and invisible format characters left out: the actor's
  // name, «Oslo kommune» also from «Oslo\u00a0 kommune»; its offsets are the source's)
  const base = { plural, proper, lemma, text: plainSpacing(text.slice(span.start, span.end)), start: span.start, end: span.end };
  const single = np.heads.length === 1;
  let kind: SubjectKind;
  if (single && SELF.has(lower)) kind = 'self';
  else if (single && (lower === 'du' || lower === 'dere')) kind = 'people'; // the reader, a resident: «Du kan gi innspill»
  else if (single && PERSONAL.test(lower) && h.upos === 'PRON') kind = 'people'; // a person: «Hun ba om ordet», «Ho bad om ordet»
  else if (single && GENERIC.has(lower) && h.upos === 'PRON') kind = 'generic';
  else if (single && (lower === 'det' || lower === 'her' || lower === 'der') && np.start === np.end) kind = 'expletive';
  else if (single && GOALS.has(lower)) kind = 'goal';
  else if (np.heads.some((k) => isAgent(words[k].lower, words[k].text))) kind = 'org';
  else if (np.heads.some((k) => peopleHead(words[k].lower)) || lower === 'alle') kind = 'people';
  else if (h.upos === 'PROPN' && !/^\p{Lu}{2,}$/u.test(h.text)) kind = 'org'; // a named body («Origo»); acronyms only when known (KS, not KI)
  else if (h.upos === 'PRON' && (lower === 'de' || lower === 'dei')) kind = 'org';
  else kind = 'thing';
  const level = kind === 'org' ? levelOf(base.text) : undefined;
  return { kind, level, ...base };
}
