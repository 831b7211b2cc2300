import { grammar } from '../lexicon';

/**
 * Actors: is a word an agent that can be obliged (an organisation, a body, a group of people), and where
 * does it stand (state 3, agency 2, local 1)? Word lists live in lexicon/grammar.json.
 */

export type Level = 1 | 2 | 3;

const SUPERIOR = new Set(grammar.superiorActors);
const AGENCY = new Set(grammar.agencyActors);
const LOCAL = new Set(grammar.localActors);
const HEADS = grammar.actorHeads;
const ACRONYMS = new Set(grammar.acronymActors);
/** Endings that replace a head's final «-e»: a Nynorsk plural («barnehagar», «skulane») and a feminine definite («prosjektgruppa», «tenesta»). */
const E_DROPPED = ['ar', 'ane', 'a'];
const HEAD_SUFFIX = ['', 'e', 'en', 'n', 'et', 'a', 'er', 'r', 'ene', 'ar', 'ane', 'ne', 's', 'ens', 'ets', 'ter', 'tene', 'te'];

const STATE_HEADS = ['departement', 'regjering', 'stat', 'storting', 'utvalg', 'utval', 'byråd', 'bystyre', 'myndighet', 'myndigheit', 'styremakt', 'styresmakt'];
const AGENCY_HEADS = ['direktorat', 'etat', 'helseforetak', 'foretak', 'føretak', 'institutt', 'vegvesen', 'statsforvalter', 'statsforvaltar', 'helsenett', 'tilsyn', 'rhf', 'nav', 'senter', 'sykehus', 'sjukehus'];

function headOf(word: string, heads: readonly string[]): string | undefined {
  for (const h of heads) {
    const i = word.lastIndexOf(h);
    if (i < 0) continue;
    // («område», «ansvarsområdet», «fagområdene» end in «råd» but are no council; a municipality's «tjenesteområde» is
    // one of its divisions: «Hvert tjenesteområde skal fastsette …»)
    if (h === 'råd' && word.slice(i - 2, i) === 'om' && !/(tjeneste|teneste)om$/.test(word.slice(0, i))) continue;
    const suffix = word.slice(i + h.length);
    // (a neuter noun in «-e» takes «-t» in the definite: «styret», «kommunestyret», «embetet»)
    if (HEAD_SUFFIX.includes(suffix) || (suffix === 't' && h.endsWith('e'))) return h;
  }
  // a Nynorsk plural drops a head's final «-e»: «barnehagar», «skulane», «sjukeheimane» (not «barnehagen»: «-en» keeps
  // it); so does a feminine definite: «prosjektgruppa», «arbeidsgruppa», «tenesta»
  for (const h of heads) {
    if (!h.endsWith('e') || h.length < 5) continue;
    const stem = h.slice(0, -1);
    const i = word.lastIndexOf(stem);
    if (i >= 0 && E_DROPPED.includes(word.slice(i + stem.length))) return h;
  }
  return undefined;
}

/** True when `lower` (with original spelling `orig`) names an agent. */
export function isAgent(lower: string, orig: string = lower): boolean {
  if (!lower) return false;
  if (SUPERIOR.has(lower) || AGENCY.has(lower) || LOCAL.has(lower)) return true;
  if (grammar.selfSubjects.includes(lower)) return true;
  // KS, NAV, RHF, OUS, RHF-ene (not KI, IKT); a compound's head decides after a hyphen: «NAV-kontoret», «IKT-avdelingen»
  // (a word that opens with a lower-case ASCII letter is no acronym: most words, without the Unicode expression)
  const c0 = orig.charCodeAt(0);
  if (!(c0 >= 0x61 && c0 <= 0x7a) && /^\p{Lu}{2,}(-\p{L}+)?$/u.test(orig)) return ACRONYMS.has(lower) || (lower.includes('-') && hasActorHead(lower.slice(lower.indexOf('-') + 1)));
  return hasActorHead(lower);
}

/** headOf(lower, HEADS) !== undefined, remembered per form (a pure function of it; bounded memo). */
const actorHeadMemo = new Map<string, boolean>();
export function hasActorHead(lower: string): boolean {
  let r = actorHeadMemo.get(lower);
  if (r === undefined) {
    if (actorHeadMemo.size >= 50_000) actorHeadMemo.clear();
    actorHeadMemo.set(lower, (r = headOf(lower, HEADS) !== undefined));
  }
  return r;
}

/** Level of an actor phrase (its last word decides), or undefined when unknown. */
export function levelOf(actor: string, stance?: DocumentStance): Level | undefined {
  const lower = actor.toLowerCase();
  if (stance?.isWriter(actor)) return stance.writerLevel;
  if (SUPERIOR.has(lower)) return 3;
  if (AGENCY.has(lower)) return 2;
  if (LOCAL.has(lower)) return 1;
  const last = lower.split(/\s+/).pop() ?? lower;
  if (SUPERIOR.has(last)) return 3;
  if (AGENCY.has(last)) return 2;
  if (LOCAL.has(last)) return 1;
  if (headOf(last, STATE_HEADS)) return 3;
  if (headOf(last, AGENCY_HEADS)) return 2;
  if (isAgent(last, actor.split(/\s+/).pop())) return 1;
  return undefined;
}

export type DocumentKind = 'steering' | 'consultation' | 'white-paper' | 'plan' | 'report' | 'unknown';

export interface DocumentStance {
  kind: DocumentKind;
  writer: string;
  writerLevel: Level;
  evidence: string[];
  isWriter(actor: string): boolean;
}

const WRITER_PATTERNS: { re: RegExp; name: string; level: Level }[] = [
  { re: /\b(\p{Lu}[\p{L}-]+)\s+fylkeskommune\b/u, name: '$1 fylkeskommune', level: 1 },
  { re: /\b(\p{Lu}[\p{L}-]+)\s+kommune\b/u, name: '$1 kommune', level: 1 },
  { re: /\bKS\b/, name: 'KS', level: 1 },
  { re: /\b(regionråd|interkommunalt politisk råd|kommunedirektørforum|samhandlingsledere|helsefellesskap\w*)\b/iu, name: '$1', level: 1 },
  { re: /\bFolkehelseinstituttet\b/u, name: 'Folkehelseinstituttet', level: 2 },
  { re: /\bNorsk helsenett\b/u, name: 'Norsk helsenett', level: 2 },
  { re: /\bHelsedirektoratet\b/u, name: 'Helsedirektoratet', level: 2 },
];

/**
 * Infers what a document is and who writes it, from its opening and from the steering phrases it uses.
 * An allocation letter (tildelingsbrev, oppdragsbrev) is written by a superior to a subordinate; a
 * consultation response (innspill, høringssvar) by a municipality, KS or a county to the state.
 */
export function inferStance(text: string): DocumentStance {
  const head = text.slice(0, 4000);
  const evidence: string[] = [];
  const count = (re: RegExp) => {
    let n = 0;
    while (re.exec(text)) n++;
    return n;
  };
  // Only when no title decides (counted without an array of every word: bounded memory on a long text).
  let steeringPhrases = 0;
  const density = () => (steeringPhrases = count(/\b(bes om|ber om at|ber \p{Lu}\p{L}+ om|bes oversendt|tildeles|frist:?\s*\d)/giu)) / Math.max(1, count(/\p{L}+/gu));
  let kind: DocumentKind = 'unknown';
  let writer = '';
  let writerLevel: Level = 2;
  const found = (re: RegExp, why: string) => {
    const m = re.exec(head);
    if (m) evidence.push(`${why}: «${m[0]}»`);
    return m !== null;
  };
  if (found(/\b(supplerende\s+)?tildelingsbrev|oppdragsbrev|oppdragsdokument|tildelingsbrev til/i, 'title')) {
    kind = 'steering';
  } else if (found(/\b(innspill|innspel|høringsinnspill|høringssvar|høyringsinnspel|notat til|til helsereformutvalget)\b/i, 'title')) {
    kind = 'consultation';
  } else if (found(/\b(Meld\.\s*St\.|stortingsmelding|melding til Stortinget)/i, 'title')) {
    kind = 'white-paper';
  } else if (found(/\b(handlingsplan|strategi|kommuneplan|planstrategi|temaplan|virksomhetsplan)\b/i, 'title')) {
    kind = 'plan';
  } else if (density() > 0.002) {
    kind = 'steering';
    evidence.push(`${steeringPhrases} steering phrases («bes om», «ber … om», «tildeles»)`);
  } else {
    kind = 'report';
  }
  if (kind === 'steering') {
    writerLevel = 3;
    const dep = /\b([\p{Lu}][\p{L}-]*(?:- og [\p{L}-]+)?departementet)\b/u.exec(head);
    writer = dep ? dep[1] : 'departementet';
  } else if (kind === 'white-paper') {
    writerLevel = 3;
    writer = 'regjeringen';
  } else {
    for (const p of WRITER_PATTERNS) {
      const m = p.re.exec(head);
      if (m) {
        writer = m[0].replace(p.re, p.name);
        writerLevel = p.level;
        break;
      }
    }
    if (!writer) writerLevel = kind === 'consultation' || kind === 'plan' ? 1 : 2;
  }
  if (writer) evidence.push(`writer: ${writer}`);
  const writerLower = writer.toLowerCase();
  const writerHead = writerLower.split(/\s+/).pop() ?? '';
  const isWriter = (actor: string) => {
    const a = actor.toLowerCase();
    if (!writerLower) return false;
    if (a === writerLower || a === 'vi' || a === 'me') return true;
    if (kind === 'steering' && /^(departementet|vi)$/.test(a)) return true;
    if (kind === 'white-paper' && /^(regjeringen|regjeringa)$/.test(a)) return true;
    return a.includes(writerLower) || (writerHead.length > 3 && a === writerHead && kind !== 'consultation');
  };
  return { kind, writer, writerLevel, evidence, isWriter };
}
