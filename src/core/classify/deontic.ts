import type { Deontic, TermMatch } from '../types';
import { grammar, isMeansNoun, isRoomNoun, LIGHT_ADVERBS } from '../lexicon';
import { clauses, firstNonPunct, npAfter, passiveVerbAt, Predication, predication } from './clause';
import { SubjectInfo, subjectInfo } from './subject';
import { isAgent, levelOf } from './actors';
import { inAdverbialPhrase } from './words';
import type { Word } from './words';

/**
 * Deontic readings of a sentence's cues, by rule. Each cue the lexicon found (a modal such as «skal», or a
 * steering phrase such as «ber … om») is read in its clause: who the subject is, what the main verb is, whether
 * the clause is passive, negated or subordinate, and what governs it. A reading gives the force the rule
 * assigns, the actor it binds, a short reason, and the facts behind it (features for the learned layer).
 */

export interface Reading {
  cue: TermMatch;
  /** Lexicon entry id and its kind. */
  entry: string;
  kind: 'modal' | 'steering';
  /** The modal's lemma (skulle, måtte, burde, kunne, ville) or the steering entry's force. */
  lemma: string;
  force: Deontic;
  actor?: SubjectInfo;
  reason: string;
  /** A structural verdict (a governor, negation, an embedded question, a steering phrase): the learned layer keeps it. */
  hard: boolean;
  pred?: Predication;
  subject?: SubjectInfo;
  mainLemma?: string;
}

const G = {
  epiKan: new Set(grammar.epistemicAfterKan),
  epiMaa: new Set(grammar.epistemicAfterMaa),
  /** Verbs after «vil» that make it a plain future, even with a body as subject. */
  futVil: new Set(grammar.futureAfterVil),
  vision: new Set(grammar.visionVerbs),
  actKan: new Set(grammar.transitiveAfterKan),
  /** Acts a rule allows or forbids («Midlene kan ikke overføres»). */
  regulated: new Set(grammar.regulatedActs),
};

const MODAL_LEMMA: Record<string, string> = {
  skal: 'skulle', skulle: 'skulle', må: 'måtte', måtte: 'måtte', bør: 'burde', burde: 'burde', kan: 'kunne', kunne: 'kunne',
  vil: 'ville', ville: 'ville',
};

/** Governors of deciding: a decision about a subordinate body orders it. */
const DECISION = /^(beslutte|besluttet|bestemme|bestemt|vedta|vedtatt|vedteke)$/;
/** Passive stems of a change in an amount or of reaching a goal («reduseres», «økes», «nås»): what a decided goal says. */
const AMOUNT_CHANGE = /^(reduser|øk|auk|halver|dobl|senk|kutt|oppnå|nå|redusert|økt)/;
/** Governors of an «at»-clause that make it a goal or the writer's own decision. */
const INTENTION_GOVERNORS = /^(mål|målet|målsetting|målsettingen|målsetjing|målsetjinga|ambisjon|ambisjonen|visjon|visjonen|intensjon|intensjonen|hensikt|hensikten|formål|formålet|føremål|føremålet|ville|vilje|forplikte|forpliktet|beslutte|besluttet|bestemme|bestemt|vedta|vedtatt|vedteke|vekt|vektlegge|arbeide|jobbe|sikte|satsing|etterstrebe|tilstrebe|strategi)$/;
/** Governors of an «at»-clause that state a consequence («betyr at», «innebærer at», «medfører at»). */
const CONSEQUENCE_GOVERNORS = /^(bety|betyr|innebære|innebærer|inneber|medføre|medfører|resultere|resulterer)$/;
/** Governors that make the clause a recommendation («ønsker at det skal …»). */
const RECOMMENDATION_GOVERNORS = /^(ønske|ønskje|ønskelig|ønskjeleg|anbefale|tilrå|foreslå|føreslå|oppfordre|oppmode)$/;
/** Governors that make it an order («forventer at», «forutsetter at», «ber om at», «krever at»). */
const OBLIGATION_GOVERNORS = /^(forvente|forventning|forventningen|føring|føringer|føringen|føringene|føringar|føringane|instruks|beskjed|forutsette|føresetje|forutsetning|føresetnad|premiss|premisset|kreve|krevje|krav|pålegge|påleggje|be|bes|sørge|sørgje|syte|påse|sikre|grunn)$/;
/** What sets what others are to do, before an embedded question («føringer for hva …», «bestemmer hvordan …»). */
const STEERS_WHAT = /^(føring|føringer|føringane|føringene|retningslinje|retningslinjer|instruks|beskjed|regel|regler|definere|styre|diktere|pålegge)$/;
/** Changes and needs that «stiller krav» without anyone steering («Demografiske endringer», «utviklingen», «økt behov»). */
const FORCES = /(endring|utvikling|økning|auke|vekst|tendens|trend|behov|utfordring|aldring|teknologi|situasjon)\p{L}*$/u;
/** What is done to a plan (stems of the passive): «revideres», «evalueres», «rulleres», «oppdateres» (not «sendes på høring»: the gold reads that as the writer's plan). */
const PLAN_TASK = /^(revider|evaluer|rullere|oppdater|gjennomgå)/;
/** Governors under which a modal only describes («føre til at», «bidra til at», «mener at»). */
const DESCRIPTIVE_GOVERNORS = /^(føre|medføre|bidra|tro|oppleve|erfare|fortelle|svare|hevde|frykte|risikere|risiko|fare|sannsynlig|mulig|hende)$/;
/** Agency heads: a named agency is instructed by «skal», a municipality or government states its own plan. */
const ADDRESSEE_HEADS = /(direktorat|etat|tilsyn|institutt|helseforetak|helseføretak|vegvesen|statsforvalter|statsforvaltar|fylkesmann|gruppe|gruppa|sekretariat|embete|nav|rhf|hf)(et|en|a|ene|ane|er|ar|a)?$/;
const SELF_LIKE = /^(kommunen|kommuna|fylkeskommunen|regjeringen|regjeringa|departementet|byrådet|bystyret|staten|ks|vi|me)$/;
/** Services, schemes and models as subjects: «skal» says how they are meant to work. */
const SCHEME = /(tjeneste|teneste|ordning|modell|løsning|program|programmet|tilbud|tilbod)$/;
/** Verbs of reporting and delivering: what an addressee is told to do. */
export const ORDER_VERBS = /^(rapportere|levere|sende|oversende|melde|redegjøre|dokumentere|innrapportere|besvare|returnere|fremgå|framgå)$/;
/** A verb of reporting or delivering, or «legge fram» (to submit: «sakene skal leggjast fram for rådet»). */
function delivers(main: string | undefined, tail: string): boolean {
  return main !== undefined && (ORDER_VERBS.test(main) || ((main === 'legge' || main === 'leggje') && /^(fram|frem)( |$)/.test(tail)));
}
/** Money as subject: «Bevilgningen benyttes til …». */
/** Funds (a lemma): «bevilgningen», «midlene», and compounds of a grant («nærmiljøtilskudd», «driftstilskot»). */
const MONEY = /^(bevilgning|løyving|midl|middel|midlar|tilskudd|tilskot|tilsagn|beløp|ramme|post|budsjett|tildeling)|\p{L}(tilskudd|tilskot|tilsagn|midler|midlar|bevilgning|løyving)\p{L}*$/u;

/** Pronouns that a relative clause turns into a group («de som skal ha tilgang», «alle som vil …»). */
const GROUP_HEADS = new Set(['de', 'dei', 'dem', 'alle', 'enhver', 'den']);

function governedBy(p: Predication, re: RegExp): string | undefined {
  if (p.clause.type !== 'complement') return undefined;
  return p.clause.governor.find((g) => re.test(g));
}

function quoteMention(words: readonly Word[], i: number): boolean {
  // a cue inside a short quotation («ordet "skal"») is a mention
  const w = words[i];
  const before = words[i - 1];
  const after = words[i + 1];
  const q = /^[«»"“”'‘’„]$/;
  return before !== undefined && after !== undefined && q.test(before.text) && q.test(after.text) && before.end === w.start && after.start === w.end;
}

/** The first word from k on (step 1) or back (step -1) that is not a light adverb. */
export function skipLight(words: readonly Word[], k: number, step: 1 | -1): number {
  while (k >= 0 && k < words.length && (LIGHT_ADVERBS.has(words[k].lower) || inAdverbialPhrase(words[k]))) k += step;
  return k;
}

/** Reads a modal verb at word index i. */
function readModal(text: string, words: readonly Word[], structure: ReturnType<typeof clauses>, i: number, cue: TermMatch): Reading | undefined {
  const lower = words[i].lower;
  const lemma = MODAL_LEMMA[lower];
  if (!lemma) return undefined;
  const p = predication(words, structure, i);
  const subject = subjectInfo(words, p.subject, text);
  const mainWord = p.main !== undefined ? words[p.main] : undefined;
  const mainLemma = mainWord?.lemma.toLowerCase();
  const mainLower = mainWord?.lower ?? '';
  const tail = p.main !== undefined ? words.slice(p.main + 1, p.main + 6).map((w) => w.lower).join(' ') : '';
  // (past a light adverb: «Det skal også være lov å feile»)
  const be = skipLight(words, i + 1, 1);
  const beAdjInf = /^(være|vere)$/.test(words[be]?.lower ?? '') && words[be + 1]?.upos === 'ADJ' && (words[be + 2]?.lower === 'å' || words[be + 3]?.lower === 'å');
  const bePermitted = /^(være|vere)$/.test(words[be]?.lower ?? '') && /^(lov|tillatt|tillate)$/.test(words[be + 1]?.lower ?? '');
  // (both matter only for a negated modal: looked for only then)
  let alone = false;
  if (p.negated) for (let k = p.clause.start; k < p.clause.end && !alone; k++) alone = ALONE.test(words[k].lower);
  const noneSubject = p.negated && p.subject !== undefined && /^(ingen|inga|ingi)$/.test(words[p.subject.start].lower);
  // «Skal de ha reell betydning, må de få …», «Skal vi lykkes, må vi …»: a modal that opens the sentence and a clause
  // that a comma closes, with the main clause's verb right after it, is a condition (verb first, no «hvis»)
  let verbFirst = false;
  if (i === firstNonPunct(words) && /^\p{Lu}/u.test(words[i].text) && words[words.length - 1]?.text !== '?')
    for (let k = i + 2; k < words.length - 1 && !verbFirst; k++) verbFirst = words[k].text === ',' && (words[k + 1].upos === 'AUX' || words[k + 1].upos === 'VERB') && MODAL_FORMS.test(words[k + 1].lower);
  // «må gjennom», «skal til for å», «det som må til»: what is needed (not «skal til politisk behandling»)
  const needed = (p.main === undefined && words[i + 1]?.lower === 'gjennom') || (words[i + 1]?.lower === 'til' && (words[i + 2] === undefined || words[i + 2].punct || words[i + 2].lower === 'for'));
  const verdict = decideModal(lemma, lower, p, subject, mainLemma, mainLower, p.main !== undefined ? (words[p.main + 1]?.lower ?? '') : '', tail, { beAdjInf, bePermitted, alone, noneSubject, meansFirst: /^(slik|dermed|derved|sånn|således)$/.test(words[i - 1]?.lower ?? ''), verbFirst, needed, ...subjectShape(words, p), question: words[words.length - 1]?.text === '?' || (words[words.length - 1]?.punct && words[words.length - 2]?.text === '?') });
  // the actor of a permission may be people («Du kan gi innspill»); of the other forces, a body or the writer
  const agent = subject && (subject.kind === 'org' || subject.kind === 'self' || (verdict.force === 'permission' && subject.kind === 'people')) ? subject : undefined;
  let actor = verdict.force === 'none' ? undefined : verdict.actor === 'none' ? undefined : verdict.actor === 'any' ? subject : agent;
  // a passive that names who is to act («Innbyggerforslag … skal behandles av bydelsutvalget»): the body after «av»
  if (!actor && (verdict.force === 'obligation' || verdict.force === 'prohibition') && p.passive && p.main !== undefined) {
    // («av» right after the verb or its particle: not «sees i lys av», «brukes ved samordning av»)
    // (also after «tas i bruk»: «må tas i bruk av alle aktører»)
    const inUse = words[p.main + 1]?.lower === 'i' && words[p.main + 2]?.lower === 'bruk';
    const k = words.findIndex((w, j) => j > p.main! && j <= p.main! + (inUse ? 3 : 2) && w.lower === 'av');
    const by = k > 0 && (k === p.main + 1 || words[k - 1].upos === 'ADV' || words[k - 1].upos === 'ADP' || (inUse && k === p.main + 3)) && words[k - 1].lower !== 'i' ? subjectInfo(words, npAfter(words, k + 1, p.clause.end), text) : undefined;
    if (by && by.kind === 'org') actor = by;
  }
  // (a passive that names its doer is an instruction to it: structural, the learned layer keeps it)
  const named = actor !== undefined && verdict.actor === 'none';
  return { cue, entry: cue.entry, kind: 'modal', lemma, pred: p, subject, mainLemma, force: verdict.force, reason: named ? `${verdict.reason}, to ${actor!.text}` : verdict.reason, hard: verdict.hard === true || named, actor };
}

/** The shape of a modal's subject that the verdicts read: a noun (or a name), and bare (nothing before its head). */
function subjectShape(words: readonly Word[], p: Predication): Pick<ModalContext, 'nounSubject' | 'bareSubject'> {
  if (!p.subject) return { nounSubject: false, bareSubject: false };
  const head = words[p.subject.head];
  return {
    nounSubject: head.upos === 'NOUN' || head.upos === 'PROPN',
    bareSubject: p.subject.start === p.subject.head && !/^(DET|PRON|ADJ|NUM)$/.test(words[p.subject.head - 1]?.upos ?? ''),
  };
}

type Verdict = { force: Deontic; reason: string; actor?: 'agent' | 'any' | 'none'; hard?: boolean };

interface ModalContext {
  /** The modal is followed by «være» + an adjective + «å» («skal være enkelt å …»). */
  beAdjInf: boolean;
  /** The modal is followed by «være lov / tillatt» («Det skal være lov å feile»). */
  bePermitted: boolean;
  /** «alene», «aleine», «åleine» in the clause: what a body cannot do on its own. */
  alone: boolean;
  /** The subject opens with «ingen» / «inga» («Ingen barn skal …»). */
  noneSubject: boolean;
  /** The sentence is a direct question (it ends in «?»). */
  question?: boolean;
  /** The clause opens with «Slik», «Dermed», «Derved», «Da», «På den måten» before the modal. */
  meansFirst?: boolean;
  /** The modal opens a verb-first condition («Skal de ha reell betydning, må de …»). */
  verbFirst?: boolean;
  /** «må til (for å)», «skal til for å», «må gjennom» with no verb: what is needed, what one must go through (not «skal til
   * politisk behandling»: where it goes). */
  needed?: boolean;
  /** The subject's head is a noun or a name (not a pronoun, not an adjective the parser took for a subject: «Kort sagt så må …»). */
  nounSubject?: boolean;
  /** The subject is a noun with no determiner, possessive or adjective before it («kommuner som skal …»). */
  bareSubject?: boolean;
}
const NO_CONTEXT: ModalContext = { beAdjInf: false, bePermitted: false, alone: false, noneSubject: false };

/** Modals and finite verbs that start the main clause after a verb-first condition. */
const MODAL_FORMS = /^(må|skal|bør|kan|vil|er|blir|har|gjelder|trengs|kreves|krever)$/;

/** Verbs of hearing from someone: «høre (fra deg)», «høyre (frå deg)». */
const HEAR = /^(høre|høyre)$/;
/** What follows «høre» when it asks the reader: «hva du mener», «fra deg», «om dine erfaringer». */
const HEARD_FROM = /^(hva|kva|fra|frå|om|deg|dykk|dere)$/;
/** «høre hva du mener», «høyre frå deg»: asking the reader (a call for input; framing.ts reads it as an invitation). */
export function asksToHear(verb: string, next: string): boolean {
  return HEAR.test(verb) && HEARD_FROM.test(next);
}

/** A structural «none» (the learned layer keeps it). */
function sub(why: string): Verdict {
  return { force: 'none', reason: why, actor: 'none', hard: true };
}

/** Verbs of involving people: people as their passive subject are involved by someone, who is instructed. */
const INVOLVE = new Set(['involvere', 'høre', 'høyre', 'konsultere', 'invitere']);
/** The verb of a passive form: «høres» → «høre», «høyrast» → «høyre», «involverast» → «involvere», «pålegges» → «pålegge». */
export function passiveStem(form: string): string {
  return form.replace(/(ast|es|s)$/, (m) => (m === 's' ? '' : 'e'));
}

const PERMISSION_PASSIVES = new Set(grammar.permissionPassives);
/** Funds sent back: «tilbakeføres», «tilbakebetales», «betales tilbake». */
const RETURNED = /^(tilbakeføres|tilbakeførast|tilbakebetales|tilbakebetalast|refunderes|refunderast)$/;
const MODAL_BEFORE = /^(kan|ikke|ikkje)$/;

/** Verbs of what a document holds: «Søknaden skal inneholde …», «Rapporten skal omfatte …». */
const CONTENT_VERBS = /^(inneholde|innehalde|omfatte|beskrive|angi)$/;
/** Documents a unit submits: what they are to hold is required of it. */
const SUBMITTED = /^(søknad|søknaden|rapport|rapporten|årsrapport|tertialrapport|redegjørelse|innspill|innspel|klage|klagen|høringssvar|høyringssvar)$/;
/** An article: a noun phrase follows («skal være et grunnlag»), not a description («skal være skriftlig»). */
const ARTICLE = /^(en|et|ei|ein|eit|den|det|de|dei)$/;
/** «alene», «aleine», «åleine» in the clause: what a body cannot do on its own. */
const ALONE = /^(alene|aleine|åleine)$/;
/** Verbs of influencing: a say for people, an ability for bodies. */
const INFLUENCE = /^(påvirke|påverke)$/;
/** Verbs whose subject receives («få», «motta»): the one obliged to give is someone else. */
const RECEIVES = new Set(['få', 'motta']);
/** Verbs of which a thing is no doer: it happens, follows, lies, goes on or is part of something («Midlene må komme tidlig»). */
const NON_AGENTIVE = new Set(grammar.nonAgentive);
/** Room held after «ha»: «ha (større / nødvendig) handlingsrom», «ha frihet til». */
const roomHeld = (tail: string) => tail.split(' ').slice(0, 2).some(isRoomNoun);
/** Participles of giving after «få»: «få tilført», «få tildelt», «få overført». */
const GIVEN = /^(tilført|tildelt|gitt|overført|bevilget|bevilga|delegert|tilbudt|tilbode)$/;
/** What one gets to experience, not to do («få oppleve», «få kjenne på»). */
const EXPERIENCE = /^(oppleve|erfare|føle|kjenne|merke|nyte|leve|bo|vokse|møte)$/;
/** What follows «få» when it means «make happen», not «receive». */
const GET_DONE = /^(til|på plass|oversikt|innsikt|gjort|ordnet|orden)(\s|$)/;
/** Room to act: «få større frihet til å …» receives it; «få flere unge til å …» makes them act. */
/** (also a compound's head: «handlefrihet», «arbeidstid»: the last room word in it) */
const roomTo = (w: string) => isRoomNoun(w) || isMeansNoun(w) || /(frihet|fridom|handlingsrom|rom|tid)$/.test(w);

/** Does «få» with these words after it mean «make happen» rather than «receive»? */
function getsDone(tail: string): boolean {
  if (GET_DONE.test(tail)) return true;
  const w = tail.split(' ');
  const k = w.indexOf('til');
  return k > 0 && w[k + 1] === 'å' && !roomTo(w[k - 1]);
}

/** A «none» the learned layer may overrule. */
function soft(why: string): Verdict {
  return { force: 'none', reason: why, actor: 'none' };
}

function decideModal(
  lemma: string,
  lower: string,
  p: Predication,
  s: SubjectInfo | undefined,
  main: string | undefined,
  mainLower: string,
  afterMain: string,
  /** The five words after the main verb, lower case, space-separated. */
  tail = '',
  /** Facts of the clause around the modal that the word lists above cannot see. */
  cx: ModalContext = NO_CONTEXT,
): Verdict {
  const { beAdjInf, bePermitted, alone, noneSubject } = cx;
  // «må få», «skal få»: the subject is to receive — unless «få» makes something happen («få på plass», «få oversikt
  // over», «få til», «få flere unge til å …»), or a deadline makes it an order
  const receives =
    !p.deadline &&
    ((main !== undefined && RECEIVES.has(main) && !(main === 'få' && getsDone(tail))) ||
      // «må få tilført ressursar», «skal få tildelt midler»
      (p.chain.includes('få') && GIVEN.test(mainLower)) ||
      // «Medarbeiderne skal ha handlingsrom til å …»: to hold room of one's own
      (main === 'ha' && roomHeld(tail)));
  const kind = s?.kind ?? 'none';
  const t = p.clause.type;
  // a thing or people named by a noun that do something themselves (not happen, come, follow or be part of; not a
  // document's content or money): the one a demand or a prohibition binds, as the guide says of «Finansieringsmodellen
  // må skilje …»; «Løsninger … skal ikke medføre unødvendig tidsbruk»
  const acting =
    (kind === 'thing' || kind === 'people') && cx.nounSubject === true && main !== undefined && !p.passive && !NON_AGENTIVE.has(main) && !CONTENT_VERBS.test(main) && !MONEY.test(s!.lemma);
  // (not what others are told to do: «føringer for hva bydelene skal prioritere», «definerer hva kommunen skal gjøre»,
  // a reported instruction the guide labels by its form)
  if (t === 'question' && !p.clause.governor.some((g) => STEERS_WHAT.test(g))) return sub(`«${lower}» in an embedded question`);
  // a direct question asks, it orders no one («Hvordan skal kommunene kunne rekruttere nok …?», «Skal bydelene …?»)
  if (cx.question) return sub(`«${lower}» in a question`);
  if (cx.verbFirst) return sub(`«${lower}» opens a condition (verb first)`);
  if (lemma !== 'skulle' && lemma !== 'måtte' && lower !== 'bør' && lower !== 'kan' && lower !== 'vil' && lower !== 'må' && lower !== 'skal')
    return sub(`past «${lower}» reports`);
  const desc = governedBy(p, DESCRIPTIVE_GOVERNORS);
  if (desc) return sub(`«${lower}» under «${desc} at» describes`);
  if (t === 'purpose') return sub(`«${lower}» in a purpose clause`);
  // «de som skal bruke tenesta», «alle som vil arbeide med …»: the relative clause names a group of people by what they
  // are to do; it binds no one («bør dei som skal bruke tenesta vere med»: the «bør» carries the sentence)
  if (t === 'relative' && p.relativeSubject && s && GROUP_HEADS.has(s.text.toLowerCase())) return sub(`«${s.text} som ${lower}» names a group`);
  // so does a bare indefinite plural («kommuner som skal anskaffe helseteknologi», «bydeler som skal delta i piloten»):
  // which ones, not who is told
  // (a thing's purpose stays its own reading: «organisasjonsformer som skal bidra til …»; so does a reported «bør»)
  if (lemma === 'skulle' && t === 'relative' && p.relativeSubject && s && (s.kind === 'org' || s.kind === 'people') && s.plural && !s.proper && /(er|ar)$/.test(s.text) && !/\s/.test(s.text) && cx.bareSubject)
    return sub(`«${s.text} som ${lower}» names which ones`);

  if (lemma === 'skulle') {
    // «den modenheten som skal til for å …»: what is needed
    if (cx.needed) return soft('«skal til»: what is needed');
    if (lower === 'skulle') return sub('past «skulle» reports');
    // («Når ein ny tenestemodell skal prøvast ut, bør …»: a time, not an order; structural)
    if (t === 'temporal') return sub('«skal» in a temporal clause describes');
    if (t === 'causal' || t === 'comparative' || t === 'conditional') return soft(`«skal» in a ${t} clause describes`);
    // (a passive names who is spared, not who is forbidden: «Kommunane skal ikkje påleggjast nye oppgåver»)
    // «Ingen skal måtte vente mer enn tre uker», «skal ingen innbyggere bli stående utenfor»: a guarantee to people,
    // the negative of «Alle skal …» (a vision); no body is forbidden anything («Ingen bydel skal …» still forbids)
    const nobody = s !== undefined && /^(ingen|inga)$/i.test(s.text);
    // (also people who «skal ikke oppleve …»: «Brukerne skal ikke oppleve å måtte gjenta historien sin»)
    // (and «Ingen kommuner skal måtte søke om midler til lovpålagte oppgåver»: spared a burden)
    if (p.negated && s && ((noneSubject || nobody) && (kind === 'people' || nobody || UNDERGO.test(main ?? '') || p.chain.includes('måtte')) || (kind === 'people' && EXPERIENCE.test(main ?? ''))))
      return { force: 'intention', reason: `«${s.text} skal …»: a guarantee to people`, actor: 'none', hard: true };
    if (p.negated) return { force: 'prohibition', reason: '«skal ikke»: a prohibition', actor: p.passive ? 'none' : acting ? 'any' : 'agent', hard: true };
    // «skal få + verb» grants a right: «Innbyggjarane skal få vere med og påverke», «(vedtok at) innbyggjarane skal få
    // medverke», «Bydelene skal få beholde mindreforbruket» (not what is given: «skal få tildelt midler», «skal få et
    // tilbud»)
    // (nor what people are to experience: «Pasientene skal få oppleve trygghet», a vision)
    if (p.chain.includes('få') && main !== undefined && main !== 'få' && !GIVEN.test(mainLower) && !EXPERIENCE.test(main) && !p.passive && s && (kind === 'people' || kind === 'org'))
      return { force: 'permission', reason: `«skal få ${mainLower}»: ${s.text} is to be allowed`, actor: 'agent', hard: true };
    const rec = governedBy(p, RECOMMENDATION_GOVERNORS);
    if (rec) return { force: 'recommendation', reason: `«${rec} at … skal»: a wish`, actor: 'none', hard: true };
    const goal = governedBy(p, INTENTION_GOVERNORS);
    // a decision that a subordinate body «skal» act reports an order («Bystyret har vedtatt at bydelene skal
    // finansiere …»); a decision about a goal or the deciding body's own plan is a goal
    if (goal && DECISION.test(goal) && s && s.kind === 'org' && (ADDRESSEE_HEADS.test(s.text.toLowerCase()) || /^bydel/i.test(s.text)) && !p.passive)
      return { force: 'obligation', reason: `«${goal} at ${s.text} skal»: a decision that orders`, actor: 'agent', hard: true };
    // so does a body's decision that something be done («Bydelsutvalget har vedtatt at det skal etableres et
    // innbyggerpanel», «Kommunestyret har vedteke at innbyggjarforslag skal handsamast innan seks månader»), not one that
    // an amount change or a goal be reached («vedtatt at utslippene skal reduseres med 95 prosent»: a goal), nor the
    // writer's own agentless decision («er det besluttet at forvaltningsansvaret skal overføres»: its plan)
    const agentless = p.clause.governor.some((g) => g === 'det' || g === 'være' || g === 'vere' || g === 'bli');
    if (goal && DECISION.test(goal) && !agentless && p.passive && (!s || s.kind === 'expletive' || s.kind === 'thing') && !AMOUNT_CHANGE.test(passiveStem(mainLower)))
      return { force: 'obligation', reason: `«${goal} at … skal» + passive: a decision that orders`, actor: 'none', hard: true };
    if (goal) return { force: 'intention', reason: `«${goal} … at … skal»: a goal`, actor: 'agent', hard: true };
    const ord = governedBy(p, OBLIGATION_GOVERNORS);
    if (ord) return { force: 'obligation', reason: `«${ord} at … skal»: an order`, actor: 'agent', hard: true };
    // something to be sent, delivered or done by a deadline is an order whatever the subject
    // («Høringsnotatet skal oversendes departementet innen 1. mars»)
    // (a goal with a date stays a goal: «målene skal oppnås innen 31.12.2016»)
    if (kind !== 'self' && kind !== 'people' && kind !== 'org' && kind !== 'goal' && (p.deadline || delivers(main, tail)))
      return { force: 'obligation', reason: `«skal${main ? ' ' + main : ''}» with a deadline or a delivery: an order`, actor: 'agent', hard: true };
    if (kind === 'self') return { force: 'intention', reason: '«skal» with the writer as subject: own plan', actor: 'any' };
    // what bodies are to experience is a vision, as what people are to experience («alle aktører skal oppleve ryddige og
    // forutsigbare rammebetingelser», «Bydelene skal oppleve større handlingsrom»)
    if (kind === 'org' && !p.passive && main !== undefined && /^(oppleve|erfare)$/.test(main))
      return { force: 'intention', reason: `«skal ${mainLower}»: what ${s!.text} is to experience, a vision`, actor: 'none' };
    // a plan or strategy to be revised, evaluated or followed up is a task, not a goal («Planen skal revideres siste
    // halvår før utløp»)
    if (kind === 'goal' && p.passive && s && /(plan|planen|strategi|strategien|handlingsplan\p{L}*)$/u.test(s.lemma) && PLAN_TASK.test(passiveStem(mainLower)))
      return { force: 'obligation', reason: `«skal ${mainLower}» with a plan as subject: a task`, actor: 'none' };
    if (kind === 'goal') return { force: 'intention', reason: '«skal» states a goal', actor: 'none' };
    if (kind === 'people' && p.relativeSubject) return soft('«som skal» about people: what they are to do');
    // a thing described by what is to be done with it («Alle saker som skal behandles, står i sakskartet», «forslag til
    // saker som skal handsamast i kommunestyret»): the main clause says what the sentence does
    if (p.relativeSubject && p.passive && !p.deadline && kind === 'thing') return soft('«som skal» + passive describes a thing');
    // people acted on are no vision («Brukerne skal involveres i utformingen»): an instruction with no actor named
    // (people given something are a vision: «Alle skal gis like muligheter»)
    if (kind === 'people' && p.passive && ((main !== undefined && INVOLVE.has(main)) || INVOLVE.has(passiveStem(mainLower))))
      return { force: 'obligation', reason: `«skal» + passive «${mainLower}» with people as subject: an instruction`, actor: 'none' };
    if (kind === 'people') return { force: 'intention', reason: '«skal» with people as subject: a vision', actor: 'none' };
    // «Det skal være lov / tillatt å …»: the permission is what is stated (its steering phrase reads it)
    if (kind === 'expletive' && bePermitted) return sub('«det skal være lov»: a permission, not an instruction');
    // funds that «skal benyttes til …», «skal tilbakeføres»: earmarked, an order to whoever holds them (the guide: how
    // funds are used, in an allocation letter)
    if (p.passive && s && MONEY.test(s.lemma) && (PERMISSION_PASSIVES.has(mainLower) || RETURNED.test(mainLower)))
      return { force: 'obligation', reason: `«skal ${mainLower}» with funds as subject: earmarked`, actor: 'none', hard: true };
    if (p.passive) return { force: 'obligation', reason: 'passive «skal»: an instruction', actor: 'none' };
    // and funds that «skal gå til …» are earmarked likewise («Midlene til Aldersvennlig by skal gå til tiltak som …»)
    if (s && MONEY.test(s.lemma) && (main === 'gå' || mainLower === 'gå') && afterMain === 'til')
      return { force: 'obligation', reason: '«skal gå til» with funds as subject: earmarked', actor: 'none', hard: true };
    // «Det skal være enkelt å finne fram»: how things are meant to be, not an instruction
    if (kind === 'expletive' && beAdjInf)
      return { force: 'intention', reason: '«det skal være lett å …»: how things are meant to be', actor: 'none', hard: true };
    if (kind === 'expletive') return { force: 'obligation', reason: '«det skal …»: an instruction', actor: 'none' };
    if (kind === 'org') {
      // (to be done by a date is a delivery: «Kommunen skal være ferdig med planen innen 1. mars»)
      if (main && (main === 'være' || main === 'vere') && !p.chain.length && !(p.deadline && !p.yearTarget))
        return { force: 'intention', reason: '«skal være»: how the body is meant to be', actor: 'agent' };
      // what a body or its staff are to mirror is how they are meant to be, no act («Medarbeiderne skal gjenspeile
      // befolkningen», «… skal reflektere mangfoldet»)
      if (main && MIRROR.test(main) && !p.chain.length && !p.passive) return { force: 'intention', reason: `«skal ${mainLower}»: how ${s!.text} is meant to be`, actor: 'agent' };
      // a municipality or a named body states its own plan («Kommunen skal legge vekt på …»), unless it is told to
      // report or deliver, or by a deadline («Kommunen skal rapportere innen fristen»)
      // (delivering its own product by a date is its plan, not an order: «Utvalget skal levere sin innstilling i 2027»)
      const ownProduct = !p.deadline && !s!.plural && /^(sin|sitt|sine)$/.test(afterMain);
      // (a state to be reached by a year is a target the body sets itself: «Kommunen skal innan 2027 ha teke i bruk …»)
      const ordered = (delivers(main, tail) && !ownProduct) || (p.deadline && !p.yearTarget);
      if (p.cleft) return { force: 'obligation', reason: `«det er ${s!.text} som skal»: names who is responsible`, actor: 'agent', hard: true };
      if (!ordered && !s!.plural) {
        const name = s!.text.toLowerCase();
        // a single service or unit that «skal bidra til …» states its purpose («Tjenesten skal bidra til at flere kan bo hjemme»);
        // a named agency is told to contribute («Helsedirektoratet skal bidra til at kommunene tar i bruk …»)
        if (main === 'bidra' && afterMain === 'til' && !ADDRESSEE_HEADS.test(name)) return { force: 'intention', reason: `«${s!.text} skal bidra til»: its purpose`, actor: 'none' };
        // a single service, scheme or model: «skal» says how it is meant to work («Tjenesten skal koordinere tiltak på tvers»)
        if (SCHEME.test(s!.lemma)) return { force: 'intention', reason: `«skal» with ${s!.text} as subject: how it is meant to work`, actor: 'none' };
        // (a named district is an addressee: «Bydel Stovner skal prøve ut …»; not in its vision: «Bydel Sagene skal bli …»)
        if (!ADDRESSEE_HEADS.test(name) && (!/^bydel /.test(name) || /^(bli|verte|være|vere)$/.test(main ?? '')) && (SELF_LIKE.test(name) || / kommune$/.test(name) || s!.proper || ownProduct))
          return { force: 'intention', reason: `«skal» with ${s!.text} as subject: the body's own plan`, actor: 'agent' };
        // a body's own reported plan with a year (the guide: «I 2026 skal kommunen kutte …»): «Bydel Ullern skal i 2026
        // ta i bruk …», «I 2025 skal bydelen etablere …» (not a named agency, two bodies, an «at»-clause under a decision, or a deadline)
        if (!ADDRESSEE_HEADS.test(name) && (p.planYear || p.yearTarget) && p.clause.type === 'main' && p.subject?.heads.length === 1)
          return { force: 'intention', reason: `«skal» with ${s!.text} as subject and a year: the body's own plan`, actor: 'agent' };
      }
      if (receives && !ordered) return { force: 'obligation', reason: `«skal ${mainLower}»: ${s!.text} is to receive`, actor: 'none' };
      return { force: 'obligation', reason: `«skal» binds ${s!.text}`, actor: 'agent', hard: ordered };
    }
    if (kind === 'thing') {
      // a thing to be sent, delivered or done by a deadline is an instruction («… skal oversendes departementet»,
      // «Behandling av et forslag skal skje senest 6 måneder etter …»); otherwise «skal» states its purpose
      if (p.deadline || delivers(main, tail)) return { force: 'obligation', reason: `«skal${main ? ' ' + main : ''}» with a deadline or a delivery: an instruction`, actor: 'none' };
      // what a document is to contain is a requirement («Søknaden skal inneholde et budsjett»)
      // (and what it is to be like: «Klagen skal være skriftlig og begrunnet»; not what it is: «… skal være et grunnlag for …»)
      const isLike = (main === 'være' || main === 'vere') && afterMain !== '' && !ARTICLE.test(afterMain);
      if (main !== undefined && (CONTENT_VERBS.test(main) || isLike) && !p.relativeSubject && SUBMITTED.test(s!.lemma)) return { force: 'obligation', reason: `«skal ${main}»: a requirement on its content`, actor: 'none' };
      return { force: 'intention', reason: `«skal${main ? ' ' + main : ''}» with a thing as subject: its purpose`, actor: 'none' };
    }
    return { force: 'obligation', reason: '«skal»: an instruction', actor: 'none' };
  }

  if (lemma === 'måtte') {
    if (lower === 'måtte') return sub('past «måtte» reports');
    if (p.negated) return { force: 'prohibition', reason: '«må ikke»: a prohibition', actor: p.passive ? 'none' : acting ? 'any' : 'agent', hard: true };
    if (main && (G.epiMaa.has(main) || G.epiMaa.has(mainLower))) return sub(`«må ${mainLower}»: epistemic`);
    if (p.hedged) return sub('hedged «må» («kanskje», «kan hende»): epistemic');
    // «det som må til», «omstillingsprosessen tjenestene må gjennom»: a necessity, no one's act
    if (cx.needed) return soft('«må til / må gjennom»: what is needed');
    // things «som må» be done for a purpose: a necessity described, no one's act («prioriteringer og valg som må tas for å
    // møte dagens utfordringer», «utfordringer som må overvinnes for at teknologien skal kunne bidra»)
    if (p.relativeSubject && p.passive && kind === 'thing' && /^(\S+ )?for (å|at)( |$)/.test(tail)) return soft('«som må» + passive + «for å / for at»: a necessity described');
    if (p.expects) return sub(`«må ${p.expects}»: must expect`);
    // advice that something must be («Helsedirektoratet anbefaler at behovet … må inngå», «KS anbefaler at staten må …»):
    // the governing verb's force, as for «skal»
    const advised = governedBy(p, RECOMMENDATION_GOVERNORS);
    if (advised && !p.negated) return { force: 'recommendation', reason: `«${advised} at … må»: advice`, actor: 'none', hard: true };
    if (p.habitual && kind === 'people') return soft(`«må» with ${s!.text} and «${p.habitual}»: describes present practice`);
    // («må sees i sammenheng med …» is a demand: the adjudicated real sentences label it an obligation, six of six)
    if (t === 'temporal' || t === 'causal' || t === 'conditional' || t === 'concessive') return soft(`«må» in a ${t} clause describes a necessity`);
    if (kind === 'goal') return { force: 'intention', reason: '«må» states a goal', actor: 'none' };
    // what something means for anyone («For pasienten betyr det at man må fortelle historien sin på nytt»): a
    // consequence described, no demand
    const consequence = kind === 'generic' ? governedBy(p, CONSEQUENCE_GOVERNORS) : undefined;
    if (consequence) return soft(`«${consequence} at man må»: a consequence`);
    if (kind === 'generic') return { force: 'obligation', reason: '«man må»: a demand', actor: 'none' };
    if (kind === 'thing' && (main === 'være' || main === 'vere')) return { force: 'obligation', reason: '«må være»: a requirement on a thing', actor: 'none' };
    // a body that «må pålegges» a duty is the one obliged («Helsefellesskapene må pålegges et større ansvar»)
    if (p.passive && kind === 'org' && /^(pålegges|påleggast|påleggjast)$/.test(mainLower)) return { force: 'obligation', reason: `«må ${mainLower}»: ${s!.text} is to bear the duty`, actor: 'agent' };
    // a body as the subject of a passive is acted on, not obliged («Tenestene må utviklast i samarbeid med brukarane»)
    if (p.passive && kind === 'org') return { force: 'obligation', reason: '«må» + passive: a demand', actor: 'none' };
    // «Tannhelsetjenesten må få en tydeligere plass»: the subject is to receive; who is to give is not named
    if (kind === 'org' && receives) return { force: 'obligation', reason: `«må ${mainLower}»: ${s!.text} is to receive`, actor: 'none' };
    if (kind === 'org' || kind === 'self') return { force: 'obligation', reason: `«må» demands of ${s!.text}`, actor: 'agent' };
    // people told what to do («Du må melde fra til sekretariatet», «alle som ønsker plass, må registrere seg»)
    if (kind === 'people' && !p.passive && !receives && /^(du|dere|de|alle)$/i.test(s!.text)) return { force: 'obligation', reason: `«må» demands of ${s!.text}`, actor: 'any' };
    // a thing that acts is the one the demand binds («teknologien må frigjøre tid»); a thing that is to happen, follow
    // or be somewhere names no one («Midlene må komme tidlig», «Tannhelse må inngå som …», «dette må skje innenfor …»)
    if (kind === 'thing' && acting)
      return { force: 'obligation', reason: `«må ${mainLower}»: a demand on ${s!.text}`, actor: 'any' };
    return { force: 'obligation', reason: '«må»: a demand', actor: 'none' };
  }

  if (lemma === 'burde') {
    if (lower === 'burde' && t !== 'main') return sub('«burde» reports');
    // (a passive names no one advised: «Reformen bør prøves ut i noen regioner»)
    return { force: 'recommendation', reason: '«bør»: advice', actor: p.passive ? 'none' : 'agent', hard: true };
  }

  if (lemma === 'kunne') {
    if (lower === 'kunne') return sub('«kunne»: possibility');
    const actorSubject = kind === 'org' || kind === 'self' || kind === 'people';
    // «kan ikke» is a prohibition when a body is denied an act («Midlene kan ikke benyttes til …»); «kan ikke løses
    // alene» is inability
    if (p.negated && p.passive && main !== undefined && (G.regulated.has(main) || G.regulated.has(passiveStem(mainLower))))
      return { force: 'prohibition', reason: `«kan ikke ${mainLower}»: not allowed`, actor: 'none', hard: true };
    // funds that «kan benyttes til …», «kan omdisponeres»: whoever holds them may use them so
    if (!p.negated && p.passive && PERMISSION_PASSIVES.has(mainLower) && s && MONEY.test(s.lemma))
      return { force: 'permission', reason: `«kan ${mainLower}» with funds as subject: a permission`, actor: 'none' };
    // (people who «kan påvirke» have a say; a body that «kan påvirke» others is able to: «Staten kan påvirke
    // kommunesektoren ved insentiver»)
    const acts = G.actKan.has(main ?? '') && !(INFLUENCE.test(main ?? '') && kind !== 'people');
    // «kan ha nytte av», «kan ha glede av»: what may benefit someone, no permission
    // (the tagger may read «ha nytte» as a perfect: «ha» an auxiliary, «nytte» the main verb)
    const benefit = main === 'ha' ? /^(?:(?:stor|god|mye|mykje) )?(nytte|glede|fordel|effekt|betydning|interesse)(?: |$)/.exec(tail)?.[1] : p.chain.includes('ha') && /^(nytte|glede)$/.test(mainLower) ? mainLower : undefined;
    if (benefit) return soft(`«kan ha ${benefit}»: possibility`);
    if (main && (G.epiKan.has(main) || G.epiKan.has(mainLower)) && !(actorSubject && !p.passive && acts)) {
      return soft(`«kan ${mainLower}»: possibility`);
    }
    // a «kan ikke» in a subordinate clause describes («fordi de ikke kan eller vil bruke digitale løsninger», «selv om
    // de ikke kan …»)
    if (p.negated && (t === 'causal' || t === 'temporal' || t === 'conditional' || t === 'comparative' || t === 'concessive'))
      return sub(`«kan ikke» in a ${t} clause`);
    // («Kommunen kan ikke løse utfordringene alene»: what a body cannot do on its own)
    // (the reader told what is not allowed: «Du kan ikke søke om plass i en annen bydel»)
    const reader = kind === 'people' && s !== undefined && /^(du|dere|de|man)$/i.test(s.text) && main !== undefined && !G.epiKan.has(main);
    if (p.negated) return (kind === 'org' || reader) && !p.passive && !alone ? { force: 'prohibition', reason: '«kan ikke»: not allowed', actor: reader ? 'any' : 'agent' } : soft('«kan ikke»: inability');
    if (t !== 'main' && t !== 'relative') return sub(`«kan» in a ${t} clause`);
    // «Slik kan vi utnytte ressursene bedre», «Dermed kan kommunene …»: what a way of doing things makes possible
    if (cx.meansFirst) return soft('«slik / dermed kan»: what it makes possible');
    if (p.passive) return soft('«kan» + passive: an option');
    // «kan i verste fall trekke ressurser ut», «kan kanskje søke»: a hedge makes it a possibility
    if (p.hedged) return soft('hedged «kan»: possibility');
    // «personer som kan ta på seg oppgaver»: a relative clause says who is able, it grants nothing
    if (p.relativeSubject && !p.cleft) return soft('«som kan»: what someone is able to do');
    if (kind === 'org' || kind === 'self' || kind === 'people') return { force: 'permission', reason: `«kan»: ${s!.text} may act`, actor: 'agent' };
    return soft('«kan»: possibility');
  }

  // ville
  if (lower === 'ville') return sub('«ville»: conditional');
  // «vil måtte»: will have to, a duty foreseen for its subject («Det vil være arbeidsgiver som løpende vil måtte vurdere
  // og godkjenne kompetansemålene»; also in the cleft's «som»-clause, which names who is responsible)
  if (p.chain.includes('måtte') && !p.negated && (t === 'main' || t === 'complement' || p.cleft))
    return { force: 'obligation', reason: '«vil måtte»: a duty foreseen', actor: kind === 'org' || kind === 'self' ? 'agent' : 'none' };
  if (t !== 'main' && t !== 'complement') return sub(`«vil» in a ${t} clause: future`);
  // «vil … kunne» forecasts a possibility, whoever the subject («Evalueringen vil ikke kunne si …», «vil det kunne medføre»)
  if (p.chain.includes('kunne')) return soft('«vil … kunne»: a possibility');
  // «Vi vil gjerne høre hva du synes»: a call for input from the reader, as «ber om innspill» (the guide: none)
  if (kind === 'self' && main !== undefined && asksToHear(main, afterMain)) return sub(`«vil ${mainLower}»: a call for input`);
  if (kind === 'self' || kind === 'org') {
    // («føre» forecasts only as «føre til» / «føre med seg»: «Regjeringen vil føre en politikk …», «føre tilsyn» commit)
    // («få på plass», «få til» and «ha dialog» are acts a body commits to: «Regjeringen vil få på plass en ordning»,
    // «Departementet vil ha dialog med direktoratet»; «vil få ansvar», «vil ha betydning» forecast)
    const commits = (main === 'få' && /^(på plass|til)( |$)/.test(tail)) || (main === 'ha' && /^((tett|tettere|jevnlig|løpende|god|nær) )?(dialog|dialogmøte\p{L}*|samtaler|møter)( |$)/u.test(tail));
    const leads = !commits && (main !== 'føre' || afterMain === 'til' || afterMain === 'med');
    if (main && leads && (G.futVil.has(main) || G.futVil.has(mainLower))) return soft(`«vil ${mainLower}»: future`);
    // «Kommunen vil gjøre oppmerksom på at …»: a stock phrase that points something out, no commitment
    if ((main === 'gjøre' || main === 'gjere') && (afterMain === 'oppmerksom' || afterMain === 'merksam')) return sub('«vil gjøre oppmerksom på»: points out');
    return { force: 'intention', reason: `«vil» with ${s!.text} as subject: a commitment`, actor: 'agent' };
  }
  if (kind === 'expletive' && p.passive) return { force: 'intention', reason: '«det vil bli …»: a commitment', actor: 'none' };
  if (kind === 'goal' && main && G.vision.has(main) && !G.futVil.has(main)) return { force: 'intention', reason: `«vil ${main}» with a plan as subject: how it is meant to work`, actor: 'none' };
  // (a thing that «vil gi», «vil bidra til», «vil legge til rette for» is forecast, not committed: «Færre og tydeligere mål
  // vil gi ledere mer rom», «Innsikten som er innhentet vil bidra til …»; a plan or a strategy states how it is meant
  // to work, above)
  return soft('«vil»: future');
}

/** Auxiliaries before the participle of a passive or a perfect («ble bedt om», «har fått i oppdrag», «vil bli bedt om»). */
const PARTICIPLE_AUX = new Set(['ble', 'blir', 'blei', 'vart', 'vert', 'er', 'var', 'har', 'hadde', 'bli']);

/** A steering phrase's reading (one object shape with the modals' readings). */
function steeringReading(cue: TermMatch, pred: Predication, subject: SubjectInfo | undefined, force: Deontic, reason: string, actor?: SubjectInfo): Reading {
  return { cue, entry: cue.entry, kind: 'steering', lemma: cue.entry, pred, subject, mainLemma: undefined, force, reason, hard: true, actor };
}

/** Reads a steering phrase (its lexicon entry gives the force). */
/** «kan be (om)», «kan det be», «kan også be»: «kan» right before the infinitive «be», or one pronoun or adverb between. */
function mayAsk(words: readonly Word[], be: number): boolean {
  const kan = (w: Word | undefined) => w !== undefined && /^(kan|kunne)$/.test(w.lower);
  return kan(words[be - 1]) || (kan(words[be - 2]) && /^(det|de|dei|den|vi|me|også|òg|selv|sjølv|alltid|likevel)$/.test(words[be - 1]?.lower ?? ''));
}

function readSteering(
  text: string,
  words: readonly Word[],
  structure: ReturnType<typeof clauses>,
  first: number,
  last: number,
  cue: TermMatch,
  entryForce: Exclude<Deontic, 'none'>,
): Reading {
  // the clause's finite verb: the cue's first word when it is a verb («forventer at», «bes om»), else the nearest
  // verb before it in the clause («fikk X i oppdrag å», «har X plikt til»)
  let f = first;
  if (words[first].upos !== 'VERB' && words[first].upos !== 'AUX') {
    const c = structure.list[structure.of[first]];
    for (let k = first - 1; k >= c.start; k--) {
      if (words[k].upos === 'VERB' || words[k].upos === 'AUX') {
        f = k;
        break;
      }
    }
  }
  // a participle that opens the phrase («bedt om», «fått i oppdrag») has its auxiliary a few words before, the
  // subject between or before them («I 2024 ble statsforvalterne bedt om …», «For 2024 har de fått i oppdrag …»)
  // (Nynorsk «bede», «bedne»: «I 2024 vart bydelane bede om …»)
  if (words[f].upos === 'VERB' && /(t|d|bede|bedne|beden)$/.test(words[f].lower)) {
    const c = structure.list[structure.of[f]];
    for (let k = f - 1; k >= Math.max(c.start, f - 5); k--) {
      if (PARTICIPLE_AUX.has(words[k].lower)) {
        f = k;
        break;
      }
      if (words[k].upos === 'VERB' || words[k].punct) break;
    }
  }
  const p = predication(words, structure, f);
  const subject = subjectInfo(words, p.subject, text);
  const phrase = words.slice(first, last + 1).map((w) => w.lower).join(' ');
  // a steering phrase in a condition states no demand, plan or advice of its own («Dersom målet er å styrke …, tilsier
  // dette …», «Hvis departementet ber om det, …»)
  if (p.clause.type === 'conditional') return steeringReading(cue, p, subject, 'none', `«${phrase}» in a condition`);
  // «plikter» as the plural noun names duties, it lays none on anyone («ikke innebære utvidede plikter for kommuner»):
  // the verb has «å» after it or stands as a verb
  if ((phrase === 'plikter' || phrase === 'pliktar') && words[last + 1]?.lower !== 'å' && (words[first].upos === 'NOUN' || words[first - 1]?.upos === 'ADJ' || words[first - 1]?.upos === 'DET'))
    return steeringReading(cue, p, subject, 'none', `«${phrase}» is the noun: duties named`);
  const agent = subject && (subject.kind === 'org' || subject.kind === 'self') ? subject : undefined;
  let actor: SubjectInfo | undefined = agent;
  /** The actor is the one addressed (an object or the subject of the «at»-clause), not the writer of the phrase. */
  let addressed = false;
  /** The phrase governs an «at»-clause (whose subject, if a body, is the actor). */
  let atClause = false;
  /** A body or people named between words from and to are the ones addressed. */
  const addressTo = (from: number, to: number) => {
    let np = npAfter(words, from, to);
    // in inverted order the subject stands first after the verb, the one addressed after it («I 2023 ga regjeringen
    // Helsedirektoratet i oppdrag å …»)
    if (np && p.inverted && p.subject && np.start === p.subject.start) np = npAfter(words, np.end + 1, to) ?? np;
    const obj = subjectInfo(words, np, text);
    if (obj && (obj.kind === 'org' || obj.kind === 'people')) {
      actor = obj;
      addressed = true;
    }
  };
  // «ber Helsedirektoratet om», «gir X i oppdrag», «oppfordrer kommunene til»: the object is the actor
  if (/^((har|hadde) )?(ber|be|bed|bedt|bede|ba|bad|anmoder|oppfordrer|oppmodar|gir|gi|gje|gjev|gitt|gjeve|ga|gav|pålegger|pålagt|pålagd)\b/.test(phrase)) {
    // the object between «ber» and «om» («ber Helsedirektoratet om», «har bedt bydelene om»), or after a lone «ber»
    // («ber byrådet legge frem»)
    const verb = /^(har|hadde) /.test(phrase) ? first + 1 : first;
    const end = last > verb ? last : structure.list[structure.of[first]].end;
    addressTo(verb + 1, end);
  }
  // «oppdraget til Origo er å …», «Litt mer konkret er oppdraget til Origo å …»: the one the assignment is given to
  if (/^(er )?oppdraget til /.test(phrase)) {
    let k = first;
    while (k < last && words[k].lower !== 'til') k++;
    addressTo(k + 1, last + 1);
  }
  // «Følgende oppdrag gis til Helsedirektoratet: …»: the one the assignment is given to
  if (/(gis|gjevast|er gitt|blir gitt)$/.test(phrase) && /^(til|åt)$/.test(words[last + 1]?.lower ?? '')) {
    addressTo(last + 2, Math.min(words.length, last + 8));
  }
  // «ansvaret legges på KUB», «stiller krav til oss»: the one the responsibility or the demand is placed on
  if (/(legges på|leggjast på|lagt på|krav til)$/.test(phrase)) {
    const obj = subjectInfo(words, npAfter(words, last + 1, Math.min(words.length, last + 8)), text);
    if (obj && obj.kind !== 'expletive' && obj.kind !== 'goal' && obj.kind !== 'generic') actor = obj;
  }
  // «Det er ikke tillatt for bydelene å …», «forbode for kommunane å …»: the one not allowed (or allowed)
  if (/(tillatt|tillate|forbudt|forbode|lov)$/.test(phrase) && words[last + 1]?.lower === 'for') {
    const np = npAfter(words, last + 2, Math.min(words.length, last + 8));
    if (np && words[np.end + 1]?.lower === 'å') addressTo(last + 2, np.end + 1);
  }
  // «det er opp til den enkelte bydel å …»: the one it is left to («er opp til 50 plasser» is an amount)
  if (/opp til$/.test(phrase)) {
    const obj = subjectInfo(words, npAfter(words, last + 1, Math.min(words.length, last + 8)), text);
    if (!obj || (obj.kind !== 'org' && obj.kind !== 'people' && obj.kind !== 'self')) return steeringReading(cue, p, subject, 'none', '«er opp til» with no body: an amount or a limit');
    actor = obj;
    addressed = true;
  }
  // «ber om at direktoratet …», «forventer at kommunene …»: the subject of the «at»-clause (not for «har ansvar for at»,
  // whose actor is its own subject)
  // (also over «det om» after a passive: «Videre bes det om at Helsedirektoratet gjennomfører …»)
  let atAt = words[last]?.lower === 'at' ? last : skipLight(words, last + 1, 1);
  if (words[atAt]?.lower === 'det') atAt++;
  if (words[atAt]?.lower === 'om' && atAt > last + 1) atAt++;
  // (in inverted order over the subject that stands between: «I dag anbefaler KS at kommunene …»)
  if (words[atAt]?.lower !== 'at' && p.inverted && p.subject && p.subject.start === last + 1 && words[p.subject.end + 1]?.lower === 'at') atAt = p.subject.end + 1;
  if (words[atAt]?.lower === 'at' && ADDRESSEE_CUES.has(cue.entry)) {
    const k = atAt + 1;
    const np = npAfter(words, k, Math.min(words.length, k + 8));
    const obj = subjectInfo(words, np, text);
    // the subject of a passive «at»-clause is acted on, not addressed («ønskjer at helsefellesskapa vert vidareutvikla»)
    actor = obj && obj.kind === 'org' && !(np && passiveVerbAt(words, np.end + 1)) ? obj : undefined;
    // (a need that a body be able to act is no duty: «behov for at kommunene kan samarbeide»)
    if (cue.entry === 'behov-at' && np && /^(kan|kunne|får|fær)$/.test(words[np.end + 1]?.lower ?? '')) actor = undefined;
    addressed = actor !== undefined;
    atClause = true;
    // what a thing «vil» do or «kommer til å» do is expected to happen, not demanded of anyone («Landsstyret forventer
    // at de varslede endringene … vil gi bedre rammer»)
    if (!addressed && (cue.entry === 'forventer-at' || cue.entry === 'nn-forventar-at') && np && obj?.kind !== 'people') {
      // (the at-clause's verb: the first after its subject, past the subject's own phrases)
      let v = np.end + 1;
      while (v < Math.min(words.length, np.end + 12) && words[v].upos !== 'AUX' && words[v].upos !== 'VERB' && !words[v].punct) v++;
      if (/^(vil|kommer|kjem)$/.test(words[v]?.lower ?? '')) return steeringReading(cue, p, subject, 'none', `«${phrase} … ${words[v].lower}»: an expectation of what will happen`);
    }
    // a body asked in the passive is the one asked, whatever its «at»-clause names («Direktoratet bes om at arbeidet
    // prioriteres»)
    if (!addressed && /^(bes|bedes|bedast)( |$)/.test(phrase) && agent && agent.kind === 'org') {
      actor = agent;
      addressed = true;
    }
  }
  // a need is a duty only of a body that is to act, as «det er nødvendig at X gjør» (the guide): «det er behov for at
  // direktoratet bidrar», «Trondheim kommune trenger å eksperimentere»; not a need of a thing or of people («behov for at
  // videreutdanninger kan standardiseres», «Pasientene trenger å få hjelp»)
  if (cue.entry === 'behov-at') {
    if (atClause) {
      if (!addressed) return steeringReading(cue, p, subject, 'none', `«${phrase}» with no body to act: a need`);
    } else {
      const verb = words[last + 1];
      if (!agent || verb?.upos !== 'VERB' || UNDERGO.test(verb.lower)) return steeringReading(cue, p, subject, 'none', `«${phrase}» with no body to act: a need`);
    }
  }
  // «Vi ønsker å høre hva du mener»: a call for input from the reader (the guide: «nå ønsker vi deres innspill», none)
  if (/^(ønsker|ønskjer) å$/.test(phrase) && asksToHear(words[last + 1]?.lower ?? '', words[last + 2]?.lower ?? '') && subject?.kind === 'self')
    return steeringReading(cue, p, subject, 'none', `«${phrase} ${words[last + 1].lower}»: a call for input`);
  if (entryForce === 'obligation') {
    // a demand denied places none («stiller ingen nye krav til», «forventer ikke at», «er ikke pålagt å»)
    for (let k = Math.max(0, first - 1); k <= last; k++) if (NO_DEMAND.test(words[k].lower)) return steeringReading(cue, p, subject, 'none', `«${phrase}» denied: no demand`);
    // «krever at» with a thing as subject: requires («Dette krever at kommunene har kapasitet»)
    // «har forpliktet seg til»: a body's commitment, its own plan («Regjeringen har forpliktet seg til at kommunal sektor
    // skal sikres innflytelse»)
    if (/forplikt/.test(phrase) && /^(seg|oss|meg)$/.test(words[last + 1]?.lower ?? ''))
      return steeringReading(cue, p, subject, 'intention', `«${phrase} ${words[last + 1].lower}»: a commitment`, agent);
    // a responsibility for something (no «å»/«at») that a relative clause or a degree describes: «15 bydeler som har
    // ansvar for mange av tjenestene», «har eit stort ansvar for velferdstenestene»
    if (cue.entry === 'har-ansvar-for' && /ansvar/.test(phrase) && !/ (å|at)$/.test(phrase) && (p.clause.type === 'relative' || /\b(stort|større|mye|mykje|eit|et|hovedansvar|stor)\b/.test(phrase)))
      return steeringReading(cue, p, subject, 'none', `«${phrase}» describes a responsibility`);
    // (so does «stiller (nye) krav til» with a thing as subject: «Demografiske endringer stiller nye krav til tjenesten»)
    // (a change or a need, not a plan that sets demands: «Bærum 2040 stiller krav til oss» steers)
    // (the change may head a longer subject: «Demografiske endringer, særlig økt andel eldre med egne tenner, stiller …»)
    // (before the phrase, a change and no body: the appositive's commas may split the clause)
    const forcesBefore = () => {
      let force = false;
      for (let k = 0; k < first; k++) {
        if (isAgent(words[k].lower, words[k].text)) return false;
        if (FORCES.test(words[k].lower)) force = true;
      }
      return force;
    };
    if (/^stiller /.test(phrase) && /krav/.test(phrase) && (!subject || (subject.kind !== 'org' && subject.kind !== 'self'))) {
      const change = subject && FORCES.test(subject.lemma) ? subject.text : forcesBefore() ? 'a change' : undefined;
      if (change) return steeringReading(cue, p, subject, 'none', `«${phrase}» with ${change} as subject: requires`);
    }
    if (/^(krever|krev)( |$)/.test(phrase) && subject && subject.kind !== 'org' && subject.kind !== 'self') return steeringReading(cue, p, subject, 'none', `«${phrase}» with ${subject.text} as subject: requires`);
    // a request upward is no order («KS ber departementet se nærmere på …», «Vi vil be departementet om å trekke
    // forslaget»): «ber om» orders only when a steering body addresses a unit (the guide)
    if (/^((har|hadde) )?(ber|be|bed|bedt|ba)( |$)/.test(phrase) && actor && actor !== agent && (actor.level ?? levelOf(actor.text)) === 3 && askerLevel(agent) !== 3)
      return steeringReading(cue, p, subject, 'none', `«${phrase}» to ${actor.text}: a request, not an order`);
    // a district body asks anyone outside the district, it orders no one («Bydelen ber Bymiljøetaten om å prioritere …»,
    // «Bydelsutvalget ber om at kommunen utreder …», «… ber om at de fire bydelene får delta»); its own administration it
    // orders («Bydelsutvalget ber bydelsdirektøren legge fram en sak»)
    if (ASKS.test(phrase) && agent && /^bydel/i.test(agent.text) && actor && actor !== agent && !DISTRICT_ADMINISTRATION.test(actor.text.toLowerCase()))
      return steeringReading(cue, p, subject, 'none', `«${phrase}» by ${agent.text} to ${actor.text}: a request, not an order`);
    if (p.clause.type === 'question' || p.clause.type === 'purpose') return steeringReading(cue, p, subject, 'none', `«${phrase}» in a ${p.clause.type} clause`);
    // a list item that opens with an infinitive («Gi de regionale helseforetakene i oppdrag å vurdere …») names a
    // measure; without a modal it orders no one (the guide: list items without a modal are none)
    if (f === firstNonPunct(words) && TASK_VERBS.has(words[f].lower) && !/^\p{Lu}{2,}/u.test(words[f].text))
      return steeringReading(cue, p, subject, 'none', `«${words[f].lower} … ${phrase}»: a list item naming a measure`);
    // «ber om innspill» from the public is an invitation, not an order
    // («ber om innspill», «ba om innspill», «har bedt innbyggerne om innspill»)
    if (ASKING.has(cue.entry) && / om$/.test(phrase) && /^(innspill|innspel|tilbakemelding|synspunkt|forslag)/.test(words[last + 1]?.lower ?? ''))
      return steeringReading(cue, p, subject, 'none', '«ber om innspill»: an invitation');
    // a district or a municipality that asks with no one addressed asks upward, it orders no one («Bydelen ber om at
    // fristen forlenges», «Kommunen ber om at ordningen videreføres»)
    if (ASKING.has(cue.entry) && ASKS.test(phrase) && !addressed && askerLevel(agent) === 1)
      return steeringReading(cue, p, subject, 'none', `«${phrase}» by ${agent!.text}: a request, not an order`);
    // the one who asks is not the one asked: «Departementet ber om en vurdering» names no addressee
    if (ASKING.has(cue.entry) && ASKS.test(phrase) && !addressed) actor = undefined;
    // a body that «kan be om» may ask (a right, read by «kan»), it asks no one yet: «Komiteen kan be om en orientering»,
    // «kan det be bydelsdirektøren om å legge fram en ny sak»
    if (ASKING.has(cue.entry) && /^(be|bede)( |$)/.test(phrase) && mayAsk(words, first))
      return steeringReading(cue, p, subject, 'none', `«kan ${phrase}»: may ask`);
    // people who ask («Innbyggere … kan be om å få ordet») make a request, not an order
    if (ASKING.has(cue.entry) && ASKS.test(phrase) && subject?.kind === 'people') return steeringReading(cue, p, subject, 'none', `«${phrase}» by ${subject.text}: a request`);
    // «X forutsetter at …» with a thing as subject: presupposes (a grant sets a condition: «Tilsagnet forutsetter at
    // kommunen stiller med en egenandel»)
    if (/^(forutsetter|føreset)/.test(phrase) && subject && subject.kind === 'thing' && !GRANT_LEMMAS.has(subject.lemma)) return steeringReading(cue, p, subject, 'none', `«${phrase}» with a thing as subject: presupposes`);
    // a body that «forutsettes å» act is expected to («Bydelene forutsettes å samordne sin innsats med Helseetaten»)
    if (/^forutsettes$/.test(phrase) && words[last + 1]?.lower === 'å' && agent && agent.kind === 'org' && words[last + 2]?.upos === 'VERB' && !UNDERGO.test(words[last + 2].lower))
      return steeringReading(cue, p, subject, 'obligation', `«${agent.text} forutsettes å»: an expectation placed on a body`, agent);
    // «forutsettes det å gi mer legitimitet»: is presumed to (an infinitive, no «at»-clause), no one is told anything
    if (/^forutsettes$/.test(phrase) && (words[last + 1]?.lower === 'å' || (words[last + 1]?.lower === 'det' && words[last + 2]?.lower === 'å')))
      return steeringReading(cue, p, subject, 'none', '«forutsettes (det) å»: presumed');
    // «Kostnadene forventes å øke»: a forecast; a body expected to act is told to («Bydelene forventes å holde seg
    // innenfor rammen»), not one expected to undergo something («Kommunene forventes å få økte utgifter»)
    if (/^(forventes|forventast) å/.test(phrase)) {
      const verb = words[last + 1]?.lower ?? '';
      if (agent && agent.kind === 'org' && words[last + 1]?.upos === 'VERB' && !UNDERGO.test(verb))
        return steeringReading(cue, p, subject, 'obligation', `«${subject!.text} forventes å»: an expectation placed on a body`, agent);
      return steeringReading(cue, p, subject, 'none', '«forventes å»: a forecast');
    }
    // «Det må forventes at kostnadene øker»: a modal before the passive makes it a forecast
    // (also inverted: «Etter utvalgets vurdering må det forventes at …»)
    // (past a light adverb: «Det må også forventes», «må derfor det forventes»)
    const b = skipLight(words, first - 1, -1);
    const modalBefore = /^(må|kan|vil|skal|bør)$/.test(words[b]?.lower ?? '') || (words[b]?.lower === 'det' && /^(må|kan|vil|skal|bør)$/.test(words[skipLight(words, b - 1, -1)]?.lower ?? ''));
    if (/^(det )?(forventes|forventast)/.test(phrase) && modalBefore) return steeringReading(cue, p, subject, 'none', `«må/kan … ${phrase}»: a forecast`);
    // «ber» without «om»: only with a body as object («Bystyret ber byrådet legge frem …»)
    if ((phrase === 'ber' || phrase === 'bed') && !(actor && actor !== agent)) return steeringReading(cue, p, subject, 'none', `«${phrase}» with no addressee`);
    // (the funds may open the sentence before a budget reference: «Bevilgningen på kap. 761, post 21 benyttes til …»)
    const opensWithFunds = MONEY.test((words[firstNonPunct(words)]?.lemma ?? '').toLowerCase());
    if (cue.entry === 'midler-benyttes' && !(subject && MONEY.test(subject.lemma)) && !opensWithFunds) return steeringReading(cue, p, subject, 'none', `«${phrase}» not about allocated funds`);
    // «kan (ikke) benyttes til»: the modal decides (a permission, or a prohibition)
    // («kan også benyttes til», «kan fortsatt nyttast til»: an adverb between)
    const before = words[first - 1]?.lower === 'også' || words[first - 1]?.lower === 'òg' || words[first - 1]?.lower === 'fortsatt' ? first - 2 : first - 1;
    if (cue.entry === 'midler-benyttes' && MODAL_BEFORE.test(words[before]?.lower ?? '')) return steeringReading(cue, p, subject, 'none', `«${words[before].lower} ${phrase}»: the modal decides`);
  }
  // a demand («stiller krav om rapportering») binds the subject of its «at»-clause, not the one who sets it
  if (DEMAND_CUES.has(cue.entry) && !atClause) actor = undefined;
  // what something means or entails grants nothing («Medvirkning betyr at du får mulighet til å påvirke …»)
  if (entryForce === 'permission' && p.clause.governor.some((g) => /^(bety|innebære|innebere)$/.test(g))) return steeringReading(cue, p, subject, 'none', `«${phrase}» says what something means`);
  if (entryForce === 'permission') actor = agent ?? (subject?.kind === 'people' ? subject : actor);
  // advice is about the one advised («Vi anbefaler at departementet …», «oppfordrer kommunene til …»), else its giver
  // (an «at»-clause that names no body — «ønsker at det skal vektlegges …», a passive — advises no one named)
  if (entryForce === 'recommendation' && !addressed && !atClause) actor = agent ?? actor;
  if (entryForce === 'intention') {
    actor = agent;
    if (/^ønsk/.test(phrase) && subject && subject.kind !== 'org' && subject.kind !== 'self' && subject.kind !== 'generic') return steeringReading(cue, p, subject, 'none', `«${phrase}» without a body as subject`);
  }
  return steeringReading(cue, p, subject, entryForce, `«${phrase}»: ${entryForce}`, actor);
}

const TASK_VERBS = new Set(grammar.infinitiveTaskVerbs);
/** The level of the body that asks (a district body is local, whatever its head: «Bydelsutvalget»). */
function askerLevel(agent: SubjectInfo | undefined): number | undefined {
  if (!agent) return undefined;
  // (the district council is the district administration's political master: its requests order)
  if (/^bydelsutval/i.test(agent.text)) return 2;
  if (/^bydel/i.test(agent.text)) return 1;
  return agent.level ?? levelOf(agent.text);
}
/** A grant that sets conditions («Tilsagnet forutsetter at …»; not «Budsjettet forutsetter at …», which presupposes). */
const GRANT_LEMMAS = new Set(['tilsagn', 'tilskudd', 'tilskot', 'bevilgning', 'løyving', 'tildeling', 'tildelingen', 'tildelinga', 'tilsagnet', 'tilskuddet', 'tilskotet', 'bevilgningen', 'løyvinga']);
/** A district's own administration, which its council may order. */
const DISTRICT_ADMINISTRATION = /^(bydelsdirektør|bydelsadministrasjon|administrasjonen|direktøren|bydelsdirektørar)/;
/** The active verbs of asking: their subject asks, their object is asked. */
const ASKS = /^((har|hadde) )?(ber|be|bed|ba|bad|bedt|bede|anmoder)( |$)/;
/** A steering phrase denied: «ingen (nye) krav», «ikke pålagt». */
export const NO_DEMAND = /^(ingen|inga|ikke|ikkje|verken|korkje)$/;
/** Verbs of undergoing, not acting: a body «forventes å få / bli / øke» is forecast, not instructed. */
const UNDERGO = /^(få|bli|verte|være|vere|ha|øke|auke|gå|falle|synke|vokse|stige|oppleve|merke|møte|trenge|måtte|kunne|tape|miste|lykkes|havne|ende|komme)$/;

/** Verbs of mirroring: what a body «skal gjenspeile» is how it is meant to be. */
const MIRROR = /^(gjenspeile|gjenspegle|speile|spegle|reflektere)$/;
/** The entries of asking («ber … om», Nynorsk «bed … om»): one set of rules reads both. */
const ASKING = new Set(['ber-om', 'nn-bed-om']);
/** Cues whose «at»-clause names the actor («forventer at kommunene …»). */
const ADDRESSEE_CUES = new Set(['forventer-at', 'forutsetter-at', 'krav-om', 'ber-om', 'anbefale', 'nødvendig-at', 'behov-at', 'nn-anbefale', 'nn-bed-om', 'nn-forventar-at', 'nn-krav-om']);
/** Demands: the one who sets one is not the one it binds. */
const DEMAND_CUES = new Set(['krav-om', 'nn-krav-om']);

export const PRECEDENCE: Deontic[] = ['prohibition', 'obligation', 'recommendation', 'permission', 'intention', 'none'];

/**
 * The most cues read in one sentence. Each reading walks the cue's clause, so a «sentence» made of cues (a 1,000-character
 * piece of «skal skal skal …», segment.ts MAX_SENTENCE_CHARS) would cost the square of its length; real sentences have
 * at most five (the shared corpus: 8,900 sentences, 2 with five). Cues after these are not read.
 */
export const MAX_CUES_PER_SENTENCE = 12;

/** Readings of every cue in the sentence (the first MAX_CUES_PER_SENTENCE), strongest force first. */
export function readCues(
  text: string,
  words: readonly Word[],
  matches: readonly TermMatch[],
  entryOf: (id: string) => { cue?: 'modal' | 'steering'; deontic?: Exclude<Deontic, 'none'> } | undefined,
): Reading[] {
  const structure = clauses(words);
  const out: Reading[] = [];
  let w = 0;
  let read = 0;
  for (const m of [...matches].sort((a, b) => a.start - b.start)) {
    const e = entryOf(m.entry);
    if (!e?.cue || !e.deontic) continue;
    if (read++ === MAX_CUES_PER_SENTENCE) break;
    while (w < words.length && words[w].start < m.start) w++;
    if (w >= words.length) break;
    let last = w;
    while (last + 1 < words.length && words[last + 1].start < m.end) last++;
    if (quoteMention(words, w)) continue;
    const r = e.cue === 'modal' ? readModal(text, words, structure, w, m) : readSteering(text, words, structure, w, last, m, e.deontic);
    if (r) out.push(r);
  }
  out.sort((a, b) => PRECEDENCE.indexOf(a.force) - PRECEDENCE.indexOf(b.force) || a.cue.start - b.cue.start);
  return out;
}
