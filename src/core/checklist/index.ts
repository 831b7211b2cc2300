import type { DocumentAnalysis, SentenceAnalysis } from '../types';
import { tokenize } from '../tokenize/tokenize';
import { toWords } from '../classify/words';
import { isAgent } from '../classify/actors';

/**
 * A checklist drawn from the study's conclusions (shared/domain §4), for a document being drafted. Each item is
 * ticked or not, with the sentences that decide it:
 *
 *  - district-role (C1, C12): an innovation or co-creation sentence gives the districts a role;
 *  - resources (C5): innovation demands come with resources (funds, earmarked means, time and room);
 *  - trust (C7, trust-based management): trust and room for professional judgement («tillit», «handlingsrom»,
 *    «skjønn», «redusert detaljstyring»);
 *  - bottom-up (C4): a channel for ideas from below («innspill fra bydelene», «ideer fra medarbeiderne»,
 *    «søke innovasjonsmidler», «lokale initiativ»);
 *  - no-empty-terms (C9): no «empty» innovation term — one in a sentence with no actor, no action, no resource and
 *    no measure («Innovasjon er viktig.»).
 *
 * The phrases are flags, as the study says: a channel may live in another document, so «not found in this
 * document» is what an unticked item means.
 */

export type ChecklistId = 'district-role' | 'resources' | 'trust' | 'bottom-up' | 'no-empty-terms';
export const CHECKLIST: readonly ChecklistId[] = ['district-role', 'resources', 'trust', 'bottom-up', 'no-empty-terms'];

export interface ChecklistItem {
  id: ChecklistId;
  ok: boolean;
  /**
   * The sentences that decide the item (indexes into the analysis): for a ticked item, the sentences that tick it
   * (for no-empty-terms: none); for an unticked one, the sentences that fall short (innovation sentences without a
   * district role, innovation demands without resources, the empty terms), or none when nothing was found at all.
   */
  sentences: number[];
  /** How many innovation or co-creation sentences the document has (the items about innovation need some). */
  innovationSentences: number;
}

/** Idea channels from below, Bokmål and Nynorsk (study §1.4, §1.5, C4). */
const BOTTOM_UP = new RegExp(
  [
    String.raw`(innspill|innspel|ideer|idear|idéer|forslag|initiativ)\s+(fra|frå)\s+(bydel\p{L}*|medarbeider\p{L}*|medarbeidar\p{L}*|ansatte|tilsette|innbygger\p{L}*|innbyggjar\p{L}*|brukere|brukarar|førstelinje\p{L}*|tjenestene|tenestene|de ansatte|dei tilsette)`,
    String.raw`lokale?\s+initiativ\p{L}*`,
    String.raw`(nedenfra og opp|nedanfrå og opp|bottom-up|grasrot\p{L}*)`,
    String.raw`(medarbeiderdrevet|medarbeidardriven|brukerdrevet|brukardriven)\s+innovasjon`,
    String.raw`(søke|søkje|søker|søkjer)\s+(om\s+)?(innovasjonsmidl\p{L}*|midler|midlar|tilskudd|tilskot)`,
    String.raw`(innovasjonsmidl\p{L}*|innovasjonsfond\p{L}*|forslagsordning\p{L}*|idébank\p{L}*|idebank\p{L}*|innovasjonslab\p{L}*|innovasjonskaf\p{L}*|endringsagent\p{L}*|ildsjel\p{L}*|sektordirektørmøte\p{L}*|idémyldring|idemyldring)`,
    String.raw`fange\s+opp\s+(ideer|idear|idéer|initiativ\p{L}*|innspill|innspel|forslag)`,
    String.raw`ordning(en|a)?\s+for\s+(ideer|idear|idéer|innspill|innspel|forslag|initiativ\p{L}*)`,
  ].join('|'),
  'iu',
);
const RESOURCE_SUBTYPES = /resources/;
const TRUST_SUBTYPES = /trust|discretion|reduced-control/;
const MONEY = /\b(kroner|kr\.?|mill\.?|millioner|mrd\.?|midler|midlar|bevilgning\p{L}*|løyving\p{L}*|tilskudd\p{L}*|tilskot\p{L}*|budsjett\p{L}*|ressurs\p{L}*|årsverk|stilling\p{L}*|frikjøp\p{L}*)\b/iu;
/** Verbs that do not act: being, having, becoming. */
const NOT_ACTION = new Set(['være', 'vere', 'ha', 'bli', 'verte', 'finnes', 'gjelde', 'handle', 'dreie']);

const NEGATION = /(^|[^\p{L}])(ikke|ikkje|ingen|inga|intet|uten|utan|aldri)([^\p{L}]+\p{L}+){0,3}[^\p{L}]*$/iu;

/** A term with a negation shortly before it («ikke lenger er handlingsrom»). */
function negatedInText(s: SentenceAnalysis, m: { start: number; negated?: boolean }): boolean {
  if (m.negated) return true;
  const before = s.text.slice(Math.max(0, m.start - s.start - 40), m.start - s.start);
  return NEGATION.test(before);
}

function isInnovation(s: SentenceAnalysis): boolean {
  return s.innovation || s.cocreation;
}

function hasResource(s: SentenceAnalysis, subtype: (entry: string) => string): boolean {
  return s.matches.some((m) => m.category === 'enabling' && !negatedInText(s, m) && RESOURCE_SUBTYPES.test(subtype(m.entry))) || MONEY.test(s.text);
}

/**
 * An innovation or co-creation term «with no actor or resource»: nobody acts (no actor and no agent noun), nothing is
 * done (no verb but being or having), nothing is given (no resource) and nothing is measured (no control term).
 */
function isEmptyTerm(s: SentenceAnalysis, a: DocumentAnalysis, subtype: (entry: string) => string): boolean {
  if (!isInnovation(s) || s.actor || hasResource(s, subtype) || s.control) return false;
  if (s.matches.some((m) => m.category === 'district')) return false;
  const words = toWords(tokenize(s.text), a.language);
  if (words.some((w) => !w.punct && isAgent(w.lower, w.text))) return false;
  return !words.some((w) => w.upos === 'VERB' && !NOT_ACTION.has(w.lemma.toLowerCase()));
}

/**
 * The checklist of a document. `subtypeOf` gives a lexicon entry's subtype (the analysis names entries by id);
 * without it the built-in lexicon's ids are read by their names.
 */
export function checklist(a: DocumentAnalysis, subtypeOf: (entry: string) => string | undefined = () => undefined): ChecklistItem[] {
  const content = a.sentences.filter((s) => !s.excluded);
  const subtype = (entry: string) => subtypeOf(entry) ?? BUILTIN_SUBTYPES[entry] ?? '';
  const innovation = content.filter(isInnovation);
  const n = innovation.length;
  const idx = (xs: SentenceAnalysis[]) => xs.map((s) => s.index);

  const withRole = innovation.filter((s) => s.district === 'obligated' || s.district === 'enabled' || s.district === 'involved');
  const resourced = innovation.filter((s) => hasResource(s, subtype));
  const demands = innovation.filter((s) => s.directive && !hasResource(s, subtype));
  // trust and discretion, or a control term reduced («redusert detaljstyring», «færre rapporteringskrav»)
  const trust = content.filter((s) => s.matches.some((m) => (m.category === 'enabling' && !negatedInText(s, m) && TRUST_SUBTYPES.test(subtype(m.entry))) || (m.category === 'control' && m.negated)));
  const bottomUp = content.filter((s) => BOTTOM_UP.test(s.text));
  const empty = innovation.filter((s) => isEmptyTerm(s, a, subtype));

  return [
    { id: 'district-role', ok: withRole.length > 0, sentences: idx(withRole.length ? withRole : innovation), innovationSentences: n },
    { id: 'resources', ok: resourced.length > 0, sentences: idx(resourced.length ? resourced : demands.length ? demands : innovation), innovationSentences: n },
    { id: 'trust', ok: trust.length > 0, sentences: idx(trust), innovationSentences: n },
    { id: 'bottom-up', ok: bottomUp.length > 0, sentences: idx(bottomUp), innovationSentences: n },
    { id: 'no-empty-terms', ok: empty.length === 0, sentences: idx(empty), innovationSentences: n },
  ];
}

/** Subtypes of the built-in lexicon's enabling entries the checklist reads (for callers without the lexicon). */
const BUILTIN_SUBTYPES: Record<string, string> = {
  ressurser: 'resources',
  tillit: 'trust',
  handlingsrom: 'discretion',
  'redusert-kontroll': 'reduced-control',
  'nn-tillit': 'discretion',
};
