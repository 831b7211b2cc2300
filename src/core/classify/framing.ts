import type { Deontic, Framing, ActorLevel, TermMatch } from '../types';
import { grammar } from '../lexicon';
import type { SentenceFacts } from './features';
import { asksToHear, NO_DEMAND, passiveStem } from './deontic';
import { firstNonPunct, negatesAt } from './clause';
import type { Categories } from './categories';
import { IMPERATIVES } from './topics';
import { wordAt } from './words';
import type { Word } from './words';

/**
 * Framing by rule: the sentence's effect on the discretion of the units it addresses (labelling guide). The
 * learned layer takes this verdict as one of its facts and may overrule it.
 */

const GRANTS = grammar.resourceGrants;
/** The verbs of receiving among the grants: a negation a few words after them denies the grant. */
const RECEIVING = new Set(['får', 'fått', 'fikk', 'fekk', 'tildeles', 'bevilges']);
const TASK_VERBS = new Set(grammar.infinitiveTaskVerbs);
/** Verbs of meeting a requirement («oppfylle», «innfri», «tilfredsstille», «etterleve»). */
const FULFIL = /^(oppfyl|innfri|tilfredsstil|etterlev)/;
/** Does a verb of meeting it stand right before the requirement (past a determiner or a quantifier: «oppfylle alle krav»)? */
function fulfilled(words: readonly Word[], m: TermMatch): boolean {
  let k = wordAt(words, m.start) - 1;
  if (k >= 0 && /^(alle|de|dei|disse|desse|nye|gjeldende|gjeldande)$/.test(words[k].lower)) k--;
  return k >= 0 && FULFIL.test(words[k].lower);
}

/** Labels that hand a task down («Oppdrag 3: Utrede …»). */
const ASSIGNMENT_LABELS = new Set(grammar.assignmentLabels);
/** A goal or target (not a plan or strategy): «målet», «målene», «delmål», «målsettingen». */
const TARGET = /(^|[a-zæøå])mål(et|ene|a|setting\w*)?$/;
const CUT = new Set(['kutte', 'kutter', 'kuttes', 'kutta', 'spare', 'sparer', 'spares', 'innsparing', 'innsparinger', 'nedbemanne', 'nedbemanner']);
const MONEY = /^(kroner|kr|milliard|milliarder|millioner|mill|mrd)$/;
const LIMIT = /^(maksimalt|maks|minimum|minst|høyst|under|over)$/;

/** A number to meet: «maksimalt fire måneders ventetid», «minst 80 prosent». */
function numericTarget(words: readonly { lower: string; upos: string }[]): boolean {
  for (let i = 0; i + 1 < words.length; i++) {
    if (LIMIT.test(words[i].lower) && (words[i + 1].upos === 'NUM' || /^\d/.test(words[i + 1].lower))) return true;
    if ((words[i].upos === 'NUM' || /^\d/.test(words[i].lower)) && (words[i + 1].lower === 'prosent' || words[i + 1].lower === '%')) return true;
  }
  return false;
}

/** A plan or strategy as a subject («strategien», «handlingsplanen», «folkehelsestrategien»). */
const PLAN = /(plan|planen|strategi|strategien|strategia)$/;
const UNITS = /^(virksomhet|virksomheter|virksomhetene|verksemder|verksemdene|enheter|enhetene|einingar|einingane|etater|etatene|bydeler|bydelene|bydelar|bydelane|avdelinger|avdelingene|tjenesteområder)$/;

/** «alle (kommunens / de) virksomheter»: all the units of the organisation. */
function allUnits(words: readonly { lower: string }[]): boolean {
  for (let i = 0; i < words.length; i++) {
    if (words[i].lower !== 'alle') continue;
    for (let k = i + 1; k <= i + 3 && k < words.length; k++) if (UNITS.test(words[k].lower)) return true;
  }
  return false;
}

/** Are units named right by the control term m (one word before it, or three after), and not as the subject of the plan? */
function unitsControlled(facts: SentenceFacts, m: { start: number; end: number }): boolean {
  const words = facts.words;
  const i = wordAt(words, m.start);
  if (i < 0) return false;
  const subject = facts.readings.find((r) => r.force === 'intention')?.subject;
  for (let k = Math.max(0, i - 1); k <= Math.min(words.length - 1, i + 4); k++) {
    // (not past a comma: «… gjennom en evaluering, og bydelene vil bli involvert»)
    if (k > i && words[k].punct) break;
    if (k === i || !CONTROLLED_UNITS.test(words[k].lower)) continue;
    // (units in the subject plan for themselves, unless in the genitive: «Bydelenes tertialrapportering skal …»)
    if (subject && words[k].start >= subject.start && words[k].end <= subject.end && !/s$/.test(words[k].lower)) continue;
    return true;
  }
  return false;
}

/** Units a plan may follow up or control: the districts, the agencies, the municipalities, the services' units. */
const CONTROLLED_UNITS = /^(bydel\p{L}*|virksomhetene|verksemdene|enhetene|einingane|etatene|etatane|kommunene|kommunane|tjenestestedene|tenestestadene|helseforetakene|helseføretaka)$/u;
const INVITATION = new Set(['invitere', 'inviterer', 'invitert', 'inviteres', 'velkommen', 'velkomne']);
/** Input, which invites only when it is asked for («ønsker dine innspill», «ber om innspill», «Kom med innspel»). */
const INPUT = new Set(['innspill', 'innspel']);
/** Words of wanting or asking for input a few words before it, or of being able or allowed to give it («barn og unge selv kan gi innspill», «får komme med innspill»). */
const ASK_FOR = new Set(['ønsker', 'ønskjer', 'ønsket', 'ber', 'bes', 'trenger', 'treng', 'etterlyser', 'inviterer', 'invitere', 'inviteres', 'tar', 'tek', 'kan', 'får', 'få']);
const TAKE_AWAY = new Set(grammar.takeAway);
const UNIT_OR_STAFF = /^(bydel|bydelar|kommun|virksomhet|verksemd|etat|enhet|eining|ansatte|tilsette|medarbeider|medarbeidar|leder|leiar|fagfolk|profesjon|sektor)/;
const GIVE = /^(gi|gir|gis|gitt|ga|gav|gje|gjev|gjeve|får|fått|fikk|fekk|åpne|åpner|åpnes)$/;
/** Verbs of giving or getting in an order: «må gis», «må få», «skal gi», «må tilføres», «må sikres». */
const GIVEN = /^(gi|gis|gitt|gje|gjevast|gjeve|få|fått|tilføres|tilførast|tildeles|tildelast|sikres|sikrast)$/;
const GRANTED_MEANS = new Set(grammar.grantedMeans);
/** Verbs that give, keep, delegate or allot room or means («gis stor frihet», «opprettholdes handlingsrommet», «avsetter midler»). */
const GIVE_KEEP = /^(gi|gir|gis|gitt|ga|gav|gje|gjev|gjeve|gjevast|får|få|fått|fikk|fekk|deleger\p{L}*|avset\p{L}*|bevilg\p{L}*|tildel\p{L}*|løyv\p{L}*|stille|stiller|stilles|søke|søkje|søker|søkjer|søkes|søkast|oppretthold\p{L}*|behold\p{L}*|behald\p{L}*|vidareføre\p{L}*|videreføre\p{L}*|videreført|vidareført|flytte|flyttes|flyttast)$/u;
/** The word before a term, past one adjective («ingen nye krav»: «ingen»), for NO_DEMAND (deontic.ts). */
function wordBefore(words: SentenceFacts['words'], m: { start: number }): string {
  const k = wordAt(words, m.start);
  if (k <= 0) return '';
  const before = words[k - 1].lower;
  return /^(nye|flere|fleire|egne|eigne|særskilte|særskilde)$/.test(before) && k >= 2 ? words[k - 2].lower : before;
}

/** Verbs that allot money: they reach further back («er det bevilget 21 mill. kroner til tilskuddsordningen»). */
const ALLOT = /^(bevilg\p{L}*|tildel\p{L}*|avset\p{L}*|løyv\p{L}*)$/u;

/** Words that widen what follows («større handlingsrom», «økt frihet», «meir tillit»). */
const WIDER = /^(større|stor|mer|meir|økt|økte|auka|utvidet|utvidede|utvida|betydelig|betydeleg|full|fullt)$/;

/**
 * Room or means given, kept or widened: a verb of giving, keeping or applying within four words of the term or in it
 * («mulig å søke om tilskudd»), a verb that allots money within eight words before it («er det bevilget 21 mill.
 * kroner til tilskuddsordningen»), or a word that widens it right before it («større handlingsrom»). Named only, the
 * term describes: «der bydelene har handlingsrom».
 */
function roomGiven(words: SentenceFacts['words'], m: { start: number; end: number }): boolean {
  const k = wordAt(words, m.start);
  if (k < 0) return false;
  let last = k;
  while (last + 1 < words.length && words[last + 1].start < m.end) last++;
  // (the term's own words too: «avsetter årlige midler»)
  for (let j = Math.max(0, k - 8); j <= Math.min(words.length - 1, last + 4); j++) {
    const w = words[j].lower;
    if ((j >= k - 4 && GIVE_KEEP.test(w)) || ALLOT.test(w)) return true;
  }
  for (let j = Math.max(0, k - 2); j < k; j++) if (WIDER.test(words[j].lower)) return true;
  return false;
}
/** What makes the thing given a burden, not room («må gis flere oppgaver og krav»). */
const BURDEN = /^(oppgaver|oppgåver|krav|pålegg|ansvar|plikter|plikt|rapportering\p{L}*)$/u;

/**
 * Does the order give a unit means or room? «Helsefellesskapene må gis tilstrekkelige ressurser», «må de få tydeligere
 * mandat», «Staten må gi kommunene bedre rammer»: a verb of giving right after the modal (an adverb or the receiver
 * between) and, within five words, what is given, with no task or demand before it. (The guide's «Ledere må gi
 * medarbeiderne handlingsrom»: the form commands, the content widens room.)
 */
export function ordersMeans(facts: SentenceFacts, deontic: Deontic): boolean {
  const words = facts.words;
  const givesMeans = (k: number): boolean => {
    for (let i = k; i >= 0 && i < Math.min(words.length, k + 4); i++) {
      if (words[i].punct) return false;
      if (!GIVEN.test(words[i].lower)) continue;
      for (let j = i + 1; j < Math.min(words.length, i + 6); j++) {
        const w = words[j].lower;
        if (words[j].punct || BURDEN.test(w) || TAKE_AWAY.has(w)) return false;
        if (GRANTED_MEANS.has(w)) return true;
      }
      return false;
    }
    return false;
  };
  return facts.readings.some((r) => r.force === deontic && givesMeans(wordAt(words, r.cue.end)));
}

/** What «åpne for» opens room for: «forsøk», «unntak», «lokale …», «fleksible …», «utprøving». */
const OPENED_FOR = /^(forsøk\p{L}*|unntak\p{L}*|lokal\p{L}*|fleksib\p{L}*|utprøv\p{L}*|pilot\p{L}*|eksperiment\p{L}*)$/u;
/** An «at»-clause opened for names the units that get the room («åpne for at kommuner kan opprette …»), not costs. */
const OPEN_UNITS = /^(kommun|bydel|fylkeskommun|helseforetak|helseføretak|virksomhet|verksemd|enhet|eining|skole|skule|tjenest|tenest|sykehus|sjukehus|lokal|lag|grendalag|velforening|forening|foreining|frivillig|innbygg|beboer|bebuar|bruker|brukar|ansatte|tilsette)/;
/** Verbs of involving someone (as the main verb of a passive order: «skal involveres», «må høres»). */
const INVOLVED = /^(involvere|involveres|involverast|høre|høres|høyre|høyrast|konsultere|konsulteres)$/;
/** Verbs of steering others: forbidding them protects the units' room. */
const STEER = /^(pålegge|påleggje|instruere|detaljstyre|overstyre|påtvinge|tvinge|kreve|krevje)$/;
/** Verbs of introducing: forbidden to introduce a control instrument («innføres nye rapporteringskrav»). */
const INTRODUCE = /^(innføre|innføres|innførast|etablere|etableres|stille|stilles)$/;
/** Verbs of introducing or tightening control («innføre rapportering», «føre tilsyn», «stille krav», «skjerpe»). */
const IMPOSE = /^(følge|følgje|følges|innføre|innfører|innføres|innførast|innfører|føre|fører|føres|stille|stiller|stilles|skjerpe|skjerper|skjerpes|skjerpast|styrke|styrker|styrkje|styrkjer)$/;
/** Forms of the verb «åpne (opp) for» (not the adjective: «Møtene er åpne for publikum»). */
const OPENS = /^(åpner|åpnes|åpnet|åpna|opnar|opnast|opna|opnes)$/;
/** «åpner for», «åpnes opp for», «å åpne for», «vil åpne for»: a verb of opening before «for». */
function opensFor(words: readonly { lower: string }[]): boolean {
  for (let i = 0; i + 1 < words.length; i++) {
    const w = words[i].lower;
    // (every form starts with «å» or «o»: the regular expressions run on those words only)
    if (w[0] !== 'å' && w[0] !== 'o') continue;
    const verb = OPENS.test(w) || ((w === 'åpne' || w === 'opne') && /^(å|vil|skal|må|bør|kan)$/.test(words[i - 1]?.lower ?? ''));
    if (!verb) continue;
    const k = words[i + 1].lower === 'opp' ? i + 2 : i + 1;
    // what is opened for: an «at»-clause, trials, exceptions, local or flexible ways («åpner for ny behandling» is not room)
    if (words[k]?.lower !== 'for') continue;
    if (OPENED_FOR.test(words[k + 1]?.lower ?? '')) return true;
    if (words[k + 1]?.lower === 'at' && words.slice(k + 2, k + 5).some((x) => OPEN_UNITS.test(x.lower))) return true;
  }
  return false;
}

/** What framing reads: the sentence's facts and what was decided before it. */
export interface FramingInput {
  facts: SentenceFacts;
  deontic: Deontic;
  categories: Categories;
  /** The districts are given room, means or trust (district.ts). */
  districtEnabled: boolean;
  actorLevel: ActorLevel;
  /** The document's kind (its stance), when the sentence is read in its document. */
  documentKind?: string;
}

/**
 * Whether every trial term of the sentence («prøve ut», «pilot», «utprøving») lies in the clause of a reading of `force`
 * whose subject is of one of `kinds` (a body, people, the writer) — the trial is that subject's own task or project —
 * and none is let («får prøve ut», «få delta i utprøvingen»).
 */
function trialsIn(
  facts: SentenceFacts,
  ms: readonly TermMatch[],
  sub: (m: { entry: string }) => string,
  force: Deontic,
  kinds: readonly string[],
): boolean {
  return ms
    .filter((m) => m.category === 'innovation' && sub(m) === 'experiment')
    .every((m) => {
      const w = facts.words.findIndex((x) => x.start >= m.start);
      if (facts.words.slice(Math.max(0, w - 3), w).some((x) => x.lower === 'får' || x.lower === 'få')) return false;
      // (a steering phrase that names its addressee orders what follows it, across the «om å»-clause: «Helsedirektoratet
      // bes om å utvikle og pilotere …», «ber direktoratet om å prøve ut …», «Følgende oppdrag gis til …: utvikle og pilotere»)
      return facts.readings.some(
        (r) =>
          r.force === force &&
          ((kinds.includes(r.subject?.kind ?? '') && r.pred !== undefined && w >= r.pred.clause.start && w < r.pred.clause.end) ||
            (r.kind === 'steering' && r.actor !== undefined && m.start > r.cue.start)),
      );
    });
}

export function ruleFraming(input: FramingInput): { framing: Framing; reason: string } {
  const f = framingByRule(input);
  // the districts given room, means or trust (district.ts): the sentence's effect on their discretion is to widen it,
  // whatever else it only describes
  if (input.districtEnabled && f.framing === 'neutral') return { framing: 'enabling', reason: 'gives the districts room, means or trust' };
  return f;
}

function framingByRule({ facts, deontic, categories, districtEnabled, actorLevel, documentKind }: FramingInput): { framing: Framing; reason: string } {
  const sub = (m: { entry: string }) => facts.entry(m.entry)?.subtype ?? '';
  const ms = facts.matches;
  const experiment = ms.some((m) => m.category === 'innovation' && sub(m) === 'experiment');
  const strongEnabling = ms.some((m) => (m.category === 'enabling' && /discretion|resources|reduced-control/.test(sub(m))) || m.negated);
  const isRequirement = (m: TermMatch) => m.category === 'directive' && /requirement|steering-term/.test(sub(m));
  const steeringTerms = ms.some(isRequirement);
  // a resource grant: «tildeles … mill. kroner» (looked for only in a sentence without deontic force)
  // a budget line that opens with an amount («- 13,7 mill. kroner til oppgaver innen …», «0,2 mill. kroner RPH
  // tjenestesamhandling»): means allotted (the gold labels these enabling)
  const budgetLine = () => {
    const ws = facts.words.filter((w) => !w.punct || w.text === ',');
    let k = 0;
    while (k < ws.length && (/^\d/.test(ws[k].lower) || ws[k].text === ',')) k++;
    return k > 0 && k <= 3 && /^(mill|millioner|mrd|milliarder|kroner|kr)$/.test(ws[k]?.lower ?? '') && !facts.words.some((w) => TAKE_AWAY.has(w.lower) || CUT.has(w.lower));
  };
  const grant = () => {
    // the money pattern needs one of these in a word (its alternatives have no space): most sentences have none
    if (!facts.words.some((w) => w.lower.includes('kr') || w.lower.includes('mill') || w.lower.includes('midl'))) return false;
    // (not money taken away: «får 5 millioner kroner mindre»; nor denied: «får bydelene ikke lenger egne midler»)
    if (facts.words.some((w) => TAKE_AWAY.has(w.lower) || CUT.has(w.lower))) return false;
    // (clause.ts's negation: «ikke bare», «ikke minst» negate nothing)
    if (facts.words.some((_, i) => negatesAt(facts.words, i) && facts.words.slice(Math.max(0, i - 3), i).some((v) => RECEIVING.has(v.lower)))) return false;
    const lower = ' ' + facts.words.map((w) => w.lower).join(' ') + ' ';
    return /\b(kroner|kr|mill|millioner|midler|midlar)\b/.test(lower) && GRANTS.some((g) => lower.includes(' ' + g + ' '));
  };

  // money that is itself the subject of an order is earmarked, not granted («Tilskuddet skal benyttes til …»)
  const ordered = deontic === 'obligation' ? facts.readings.find((r) => r.force === 'obligation')?.subject : undefined;
  const earmarked = (m: { start: number; end: number }) => ordered !== undefined && m.start >= ordered.start && m.end <= ordered.end;
  const enablingTerms = ms.some((m) => m.negated || (m.category === 'enabling' && /discretion|trust|facilitation|support|resources|reduced-control|opportunity/.test(sub(m)) && !earmarked(m)));
  /** Room, trust or reduced control named in the sentence (whatever is earmarked). */
  const roomTerms = ms.some((m) => m.negated || (m.category === 'enabling' && /discretion|trust|facilitation|support|reduced-control|opportunity/.test(sub(m))));
  /** A control instrument or a requirement named in the sentence (what «innføre», «stille» would introduce). */
  const controlOrRequirement = () => ms.some((m) => m.category === 'control' || (m.category === 'directive' && sub(m) === 'requirement'));
  // control that is only made less («rapporteringen skal forenkles», «færre rapporteringskrav») constrains no one: the
  // sentence is about control (categories.control) but its effect is room
  const reducedOnly =
    categories.control && ms.some((m) => m.negated || sub(m) === 'reduced-control') && !ms.some((m) => m.category === 'control');
  const control = categories.control && !reducedOnly;
  // («vi vil gjerne høre hva du mener», «ønsker å høyre frå deg»: asking the reader)
  // (input invites when it is asked for or the reader is told to give it, «ønsker dine innspill», «ber om innspill», «Kom
  // med innspel»; input given or gathered is described: «over 200 personer kom med innspill», «har gitt innspill»)
  const invitation = () =>
    facts.words.some((w, i) => INVITATION.has(w.lower) || asksToHear(w.lower, facts.words[i + 1]?.lower ?? '') || (INPUT.has(w.lower) && inputAskedFor(facts.words, i)));
  const trustInUnits = () =>
    ms.some((m) => {
      if (m.category !== 'enabling' || sub(m) !== 'trust') return false;
      if (/^tillitsbas/i.test(m.text)) return true;
      const k = wordAt(facts.words, m.end);
      if (k < 0 || facts.words[k].lower !== 'til') return false;
      for (let j = k + 1; j < Math.min(facts.words.length, k + 5); j++) if (UNIT_OR_STAFF.test(facts.words[j].lower)) return true;
      return false;
    });
  const givesOpportunity = () =>
    ms.some((m) => {
      if (m.category !== 'enabling' || sub(m) !== 'opportunity') return false;
      const k = wordAt(facts.words, m.start);
      for (let j = Math.max(0, k - 4); j < k; j++) if (GIVE.test(facts.words[j].lower)) return true;
      return false;
    });
  if (deontic === 'obligation' || deontic === 'prohibition') {
    if (actorLevel === 'self') return { framing: 'neutral', reason: 'an obligation the writer places on itself' };
    // a prohibition of steering protects room («Statsforvalteren skal ikke kunne instruere kommunene», «Frivillige
    // organisasjoner skal ikke pålegges oppgaver», «Det skal ikke innføres nye rapporteringskrav»)
    if (deontic === 'prohibition') {
      const r = facts.readings.find((x) => x.force === 'prohibition');
      const verb = (r?.mainLemma ?? '').toLowerCase();
      const steers = STEER.test(verb) || STEER.test(passiveStem(verb));
      if (steers || (INTRODUCE.test(verb) && controlOrRequirement()))
        return { framing: 'enabling', reason: 'forbids steering: protects room' };
      // a limit on control itself («Rapporteringen skal ikke omfatte mer enn …», «Tilsynet skal ikke gå ut over …»):
      // the control term is the subject of what is forbidden
      const subj = r?.subject;
      if (subj && ms.some((m) => m.category === 'control' && m.start >= subj.start && m.end <= subj.end))
        return { framing: 'enabling', reason: 'limits control' };
      return { framing: 'top-down', reason: 'a prohibition' };
    }
    if (control) return { framing: 'top-down', reason: `${deontic} with a control instrument` };
    // (demands and requirements in the same sentence keep it top-down: «må legges til rette for … strenge krav til standarder»)
    // a trial ordered of a named body is a task it is given («Bydel Stovner skal … prøve ut en ny modell», «Helsedirektoratet
    // bes om å utvikle og pilotere …»), not room: only a trial let («får prøve ut») or one as a way of working
    // («Løsninger skal i større grad testes tidlig») opens room
    const trialOrdered = experiment && trialsIn(facts, ms, sub, 'obligation', ['org', 'people']);
    if ((categories.cocreation || enablingTerms || (experiment && !trialOrdered)) && (!steeringTerms || reducedOnly)) return { framing: 'enabling', reason: 'commands enabling behaviour (participation, room, support)' };
    // an order to involve or hear someone («Bydelene skal involveres tidlig», «dei tilsette må takast med i arbeidet»)
    // widens their say
    if (!control && !steeringTerms && facts.readings.some((r) => r.force === deontic && r.pred?.passive && INVOLVED.test((r.mainLemma ?? '').toLowerCase())))
      return { framing: 'enabling', reason: 'orders that someone be involved or heard' };
    // an order to give a unit means or room widens the receiver's room
    if (deontic === 'obligation' && !steeringTerms && ordersMeans(facts, deontic)) return { framing: 'enabling', reason: 'orders that a unit be given means or room' };
    return { framing: 'top-down', reason: `${deontic} on others` };
  }
  // advice to set requirements («bør omfatte sterkere sentral styring … og krav til felles standarder») narrows the
  // units' room all the same
  const requirements = ms.some((m) => m.category === 'directive' && sub(m) === 'requirement');
  if (deontic === 'recommendation' && requirements && !enablingTerms && !categories.cocreation)
    return { framing: 'top-down', reason: 'advises requirements' };
  // so does advice to introduce or tighten control («anbefaler at bydelene innfører ukentlig rapportering», «bør føre
  // tettere tilsyn med …», «tilrår at direktoratet innfører felles fristar»), not advice about how control is used
  // («ønsker at det skal vektlegges et større virksomhetsperspektiv ved oppfølging av …»)
  // (money whose use is followed up is no room given: «følge opp at tilskuddsmidlene går til formålet»)
  if (deontic === 'recommendation' && control && !roomTerms && !categories.cocreation && facts.words.some((w) => IMPOSE.test(w.lower)))
    return { framing: 'top-down', reason: 'advises more control' };
  if (deontic === 'recommendation') return { framing: 'enabling', reason: 'advises instead of commanding' };
  if (deontic === 'permission') return { framing: 'enabling', reason: 'grants permission' };
  if (deontic === 'intention') {
    // a plan not to steer («Departementet vil ikke stille krav om egen rapportering», «vil ikke pålegge kommunene å slå
    // seg sammen») leaves the units their room, as a prohibition of steering does
    const refrains = facts.readings.find((x) => x.force === 'intention' && x.pred?.negated);
    if (refrains) {
      const verb = (refrains.mainLemma ?? '').toLowerCase();
      if (STEER.test(verb) || (INTRODUCE.test(verb) && controlOrRequirement()))
        return { framing: 'enabling', reason: 'a plan not to steer: leaves room' };
    }
    if (categories.cocreation) return { framing: 'enabling', reason: 'a plan that involves people outside the administration' };
    // a trial opens room when it is a way of working the plan invites («Løsninger skal i større grad testes tidlig»),
    // not when a body plans its own («Bydel Grünerløkka vil i 2025 prøve ut en ny modell …», «Vi vil setje i gang eit
    // pilotprosjekt …»): that is the writer's or the body's own project
    // (the trial in the clause of the body's intention: not «Regjeringen vil støtte kommuner som går foran i utprøving»)
    const ownTrial = trialsIn(facts, ms, sub, 'intention', ['org', 'self']);
    if (enablingTerms || (experiment && !ownTrial) || strongEnabling || opensFor(facts.words)) return { framing: 'enabling', reason: 'a plan that opens room, supports or invites experiment' };
    // (requirements someone is to meet are none the plan sets: «vurdere hvordan tjenestene kan innrette seg for å
    // oppfylle krav om koordineringsordninger»)
    if (!control && ms.some((m) => isRequirement(m) && !fulfilled(facts.words, m)))
      return { framing: 'top-down', reason: 'a plan that sets requirements' };
    // a plan or strategy that is to apply to all the units («Strategien skal gjelde for alle kommunens virksomheter»)
    if (facts.readings.some((r) => r.force === 'intention' && r.subject?.kind === 'goal' && PLAN.test(r.subject.lemma)) && allUnits(facts.words))
      return { framing: 'top-down', reason: 'a plan that binds all the units' };
    const goalSubject = (r: (typeof facts.readings)[number]) => r.force === 'intention' && r.subject?.kind === 'goal' && TARGET.test(r.subject.lemma);
    // a goal with a due date is a detailed target («Målet skal være nådd i løpet av 2029»)
    if (control && facts.readings.some(goalSubject)) return { framing: 'top-down', reason: 'a goal with a due date: a detailed target' };
    // a goal with a number to meet («mål om at det skal være maksimalt fire måneders ventetid»)
    const goalGoverned = (r: (typeof facts.readings)[number]) => r.force === 'intention' && (r.pred?.clause.governor ?? []).some((g) => TARGET.test(g));
    if (facts.readings.some((r) => goalSubject(r) || goalGoverned(r)) && numericTarget(facts.words))
      return { framing: 'top-down', reason: 'a goal with a number to meet: a detailed target' };
    // a cut in money («I 2026 skal kommunen kutte ytterligere 1 milliard»)
    if (facts.words.some((w) => CUT.has(w.lower)) && facts.words.some((w) => MONEY.test(w.lower)))
      return { framing: 'top-down', reason: 'a cut in money' };
    // a plan to follow up, control or ask reports of the units («Byrådsavdelingen vil følge opp bydelenes arbeid gjennom
    // styringsdialogen», «vil i styringsdialogen følge opp hvordan bydelene bruker midlene»)
    // a plan to set requirements or introduce control instruments («Departementet vil stille krav om egen rapportering»,
    // «Kommunedirektøren vil innføre fleire kontrollpunkt»)
    const imposes = facts.readings.find((x) => x.force === 'intention' && !x.pred?.negated && /^(stille|innføre|innføra|skjerpe)$/.test((x.mainLemma ?? '').toLowerCase()));
    // (what is introduced is control or a requirement, not a date: «Kommunen skal innen 2028 ha innført digitale søknader»)
    const imposed = ms.some((m) => (m.category === 'control' && !/deadline|date/.test(sub(m))) || (m.category === 'directive' && sub(m) === 'requirement'));
    if (imposes && control && imposed && !roomTerms) return { framing: 'top-down', reason: 'a plan that imposes requirements or control' };
    // (the units right by the control term, and not the ones who plan: «Kommunene vil understreke … kostnadskontroll»)
    if (control && ms.some((m) => m.category === 'control' && /follow-up|control|reporting/.test(sub(m)) && unitsControlled(facts, m)))
      return { framing: 'top-down', reason: 'a plan to follow up or control the units' };
    return { framing: 'neutral', reason: "the writer's own intention" };
  }
  if (grant() || budgetLine()) return { framing: 'enabling', reason: 'grants resources' };
  // (a list item's first word, past its numbering: «2. Utarbeide en plan …»)
  const first = facts.words[firstNonPunct(facts.words)] as Word | undefined;
  if (first && TASK_VERBS.has(first.lower) && !/^\p{Lu}{2,}/u.test(first.text)) {
    if (strongEnabling || experiment || districtEnabled || categories.cocreation) return { framing: 'enabling', reason: 'a task that opens room or involves people outside the administration' };
    if (documentKind === 'steering') return { framing: 'top-down', reason: 'a task handed down (infinitive list item)' };
    // the item's own label says it is handed down («Oppdrag 2025-04: Utrede en modell …», «Krav: Etablere …»)
    if (first !== facts.words[0] && ASSIGNMENT_LABELS.has(facts.words[0].lower)) return { framing: 'top-down', reason: 'a task handed down (an assignment\'s label)' };
    return { framing: 'neutral', reason: 'an infinitive item' };
  }
  // «Frist: 1.5.2026»: a deadline set
  if (first && (first.lower === 'frist' || first.lower === 'fristen') && facts.words[facts.words.indexOf(first) + 1]?.text === ':')
    return { framing: 'top-down', reason: 'a deadline set' };
  // without deontic force, room or means that are only named («der bydelene har handlingsrom», «Søknadsfristen for
  // tilskudd …», «lite handlingsrom») describe; room given, kept, widened or control reduced enables
  // (a demand denied, «Det stilles ikke krav om …», «ingen nye krav», is control reduced)
  const demandDenied = ms.some((m) => m.category === 'directive' && (/requirement|steering-term/.test(sub(m)) || /^(nn-)?krav-om$/.test(m.entry)) && (/\s(ikke|ikkje)\s/.test(m.text) || NO_DEMAND.test(wordBefore(facts.words, m))));
  if (demandDenied || ms.some((m) => m.negated || (m.category === 'enabling' && (sub(m) === 'reduced-control' || (/discretion|resources/.test(sub(m)) && roomGiven(facts.words, m))))))
    return { framing: 'enabling', reason: 'discretion, resources or reduced control' };
  if (categories.cocreation && invitation()) return { framing: 'enabling', reason: 'invites participation' };
  // «gir beboerne mulighet til å påvirke …», «gis anledning til å …»: room or an opportunity given
  if (givesOpportunity()) return { framing: 'enabling', reason: 'gives room or an opportunity' };
  // trust placed in the units or staff («har tillit til at bydelene …», «tillitsbasert styring»), not the public's trust
  if (trustInUnits()) return { framing: 'enabling', reason: 'trust in the units or staff' };
  // «det åpnes for lokale forsøk», «er positiv til at det blir opna for …»: room opened
  // (only where the lexicon found something: a sentence without any term is read fast, as in sentence.ts)
  if (ms.length > 0 && opensFor(facts.words)) return { framing: 'enabling', reason: 'opens room («åpner for»)' };
  return { framing: 'neutral', reason: 'describes' };
}

/**
 * Is the input at i asked for: a word of wanting, asking or being allowed up to six words before it, in the same phrase
 * («Nå ønsker Bydel Søndre Nordstrand dine innspill»), or an opening imperative («Kom med innspel», «Send innspill»)?
 */
function inputAskedFor(words: SentenceFacts['words'], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 6) && !words[k].punct; k--) if (ASK_FOR.has(words[k].lower)) return true;
  const first = firstNonPunct(words);
  return first < i && IMPERATIVES.has(words[first].lower);
}
