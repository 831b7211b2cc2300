import type { Deontic, SentenceLabels, TermMatch } from '../types';
import { grammar } from '../lexicon';
import { isAgent } from './actors';
import type { SentenceFacts } from './features';
import { peopleHead } from './subject';
import { TOGETHER_NOT, topicRules } from './topics';
import { wordAt } from './words';
import type { Word } from './words';
import { firstNonPunct } from './clause';

/**
 * The topic categories of a sentence by rule — innovation, co-creation, collaboration, control — as the labelling guide
 * defines them: the lexicon's terms with the exceptions that meaning makes (a term inside a name, an evaluation cited
 * as evidence, people as partners, money for volunteers …), the two-word topic rules (topics.ts), bodies acting
 * together, and for control a date something is due by or a year in a sentence with deontic force.
 */

export type Categories = Pick<SentenceLabels, 'innovation' | 'cocreation' | 'collaboration' | 'control'>;

const STEERING_OBJECT = wordTest(grammar.steeringObjects);
/** A unit named by its topic: «Innovasjonsenheten», «Digitaliseringsavdelingen» (not a fund or a prize). */
const UNIT_NAME = /\p{L}(enheten|eininga|avdelingen|avdelinga|etaten|teamet|seksjonen|kontoret)$/u;
/** One's own («kontroll over eget liv», «over hvem som får se opplysningene dine»). */
const OWN = /^(eget|egen|egne|eige|eiga|eigne|sitt|sin|sine|hvem|kven|hva|kva|egenomsorg)$/;
const YEAR = /^(19|20)\d\d$/;
/** Surveys of residents. */
const SURVEY = /(undersøkelse|undersøking)/i;
/** What a survey measures when it is an instrument of control: satisfaction, quality, indicators. */
const MEASURED = /^(fornøyd\p{L}*|tilfreds\p{L}*|nøgd\p{L}*|kvalitet\p{L}*|indikator\p{L}*|styringskort\p{L}*|målt|måle|måles|måling\p{L}*|score)$/u;
/** Evaluations and surveys, which a sentence may cite as its source. */
const EVIDENCE_TERM = /^(evaluering|brukerundersøk|brukarundersøk|undersøking|undersøkelse)/i;
/** Verbs by which a source shows something. */
const SHOWS = /^(viser|viste|vist|finner|fant|fann|peker|pekte|konkluderer|konkluderte|tyder|dokumenterer|avdekker|avdekket|avdekte)$/;
/** A time frame that is no date: «i løpet av våren», «i løpet av året». */
const SEASON = /^i løpet av (våren|vår|høsten|hausten|sommeren|vinteren|året|helgen)$/i;
/** The head of a body's name («…utvalget», «…rådet», «…kommisjonen»). */
const BODY_HEAD = /(utvalg|utval|råd|kommisjon|direktorat|etat|departement|nettverk|forum|senter|selskap)(et|en|a)?s?$/;
const FULL_DATE = /\b\d{1,2}\.\s*(\d{1,2}\.|januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember)\s*(19|20)\d\d\b/gi;
/** A date that only names a document («svarbrev av 3. mars 2026», «datert …», «lest 15. april 2026»): no due date. */
const DOCUMENT_DATE = /\b(av|datert|dato|lest|publisert|oppdatert)\s*$/i;

/** A date that only says when something was decided or a meeting is held («vedtok 14. november 2024 et budsjett», «vedtok
 * planen 12. juni 2024», «ledermøtet holdes på Rådhuset 12. mars 2025»): no due date. */
const EVENT_HINT = /vedt|hold|arranger/i;
const EVENT_DATE = /(^|[^\p{L}])(vedtok|vedtatt|vedteke|vedtekne|vedtek|holdes|holdast|avholdes|avholdast|holdt|arrangeres|arrangerast)(\s+\p{L}+){0,3}\s*$/iu;

/** A day and month with no year that something is due by («innen 1. mars», «fram til 20. september», «senest 15. mai»);
 * (a day and month alone is often a meeting or an event: «inviterer til åpent møte 12. juni», «i møte 14. november») */
const DUE_DAY = /(^|[^\p{L}])(innen|innan|senest|seinast|frist|fristen\s+er|fram\s+til|frem\s+til)\s+(\p{L}+\s+)?\d{1,2}\.\s*(januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember)(?!\p{L})/iu;

const DAY_MONTH = /\d\.\s*\p{Ll}/u;

/** A day and month (no year) that no verb of deciding or holding dates: «Fra 1. januar skal …», «før hovedopptaket 1. mars». */
const DAY_MONTH_DATE = /(^|[^\p{L}\d])\d{1,2}\.\s*(januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember)(?!\p{L})/giu;

/**
 * Does the text hold a full date that is not only a document's date, or a day something is due by? In an order
 * (`ordered`), any day and month is when it is due or takes effect («Fra 1. januar skal alle byggesøknader sendes
 * digitalt», «… før hovedopptaket 1. mars»).
 */
function dueDate(text: string, ordered = false): boolean {
  FULL_DATE.lastIndex = 0;
  for (let m = FULL_DATE.exec(text); m; m = FULL_DATE.exec(text)) if (!datesRecord(text, m.index)) return true;
  // (most sentences have no «12. mars»: a cheap test first)
  if (!DAY_MONTH.test(text)) return false;
  if (DUE_DAY.test(text)) return true;
  if (!ordered) return false;
  DAY_MONTH_DATE.lastIndex = 0;
  for (let m = DAY_MONTH_DATE.exec(text); m; m = DAY_MONTH_DATE.exec(text)) if (!datesRecord(text, m.index + m[1].length)) return true;
  return false;
}

/** Does the date at `at` only name a document («av 3. mars 2026») or date a decision or a meeting («vedtok 14. november …»)? */
function datesRecord(text: string, at: number): boolean {
  if (DOCUMENT_DATE.test(text.slice(Math.max(0, at - 12), at))) return true;
  // (most dates follow none of these verbs: a plain substring test first)
  const before = text.slice(Math.max(0, at - 40), at);
  return EVENT_HINT.test(before) && EVENT_DATE.test(before);
}

/** The words of working with someone: «sammen med», «i samarbeid med», «samarbeider med», «i dialog med», «i samråd med». */
const WORK_WITH = /^(sammen|saman|samarbeid|i dialog|i samråd)/i;
/** What people who are no organisation do: use the services, live somewhere («de som bruker dem», «dei som bur her»). */
const USERS_VERB = /^(bruker|brukar|bruke|brukte|bor|bur|bo|mottar|får)$/;
/** Money given: grants, means, support («tilskudd til», «midlene til», «tilskuddsordningen for»). */
const FUNDS = /^(tilskudd|tilskot|midler$|midlene|midla|støtte|driftsstøtte|driftstilskudd|bevilgning|løyving|penger|pengar)/;
/** Determiners before the partners named after «sammen med», «i samarbeid med». */
const DETERMINERS = new Set(['de', 'dei', 'våre', 'sine', 'egne', 'eigne', 'alle', 'flere', 'fleire', 'mange']);
/** Partners that are people's heads in `peopleHeads` but organised (volunteers, business owners) or everyone. */
const NOT_PEOPLE_PARTNERS = new Set(['frivillige', 'frivillig', 'næringsdrivende', 'næringsdrivande', 'alle']);
/** An organisation's noun after a people word («frivillige organisasjoner», «pasientforeninger»). */
const ORGANISATION = /^(organisasjon|lag$|laget|foreining|forening|forbund|råd$|rådet|representant)/;

/** The dashes between the years of a period («2021–2040»). */
const DASH = new Set(['–', '-', '—']);

/** The lexicon's phrases of giving input («gi innspill», «kom med innspel», «sende innspill»). */
const INPUT_GIVEN = /^(gi|gir|ga|gav|gitt|gje|gjev|komme|kommer|kom|kome|sende|sender)( med)? (innspill|innspel)$/i;
/** Asked or invited to («invitert til å», «bedt om å»). */
const ASKED = /^(invitert|invitera|bedt|oppfordret|oppfordra|oppmoda|oppmodet)$/;
/** Prepositions: a noun right after one is no giver («Innbyggerne i bydelen»). */
const PREPOSITIONS = new Set(['i', 'på', 'fra', 'frå', 'til', 'av', 'for', 'med', 'om', 'ved', 'hos', 'mot', 'under', 'over', 'etter']);
/** Givers of input that are people or their councils («du», «ungdomsrådet», «innbyggerne»). */
const OUTSIDE_GIVERS = new Set(['du', 'dere', 'de', 'dei', 'deg', 'alle', 'ungdomsrådet', 'ungdomsråd', 'eldrerådet', 'brukerrådet', 'brukarrådet', 'rådet']);

/** Past forms of strong verbs: a year right before one («I 2023 fikk …») dates what was done, not what is due. */
const PAST_STRONG = new Set(['fikk', 'fekk', 'ble', 'blei', 'vart', 'var', 'kom', 'gikk', 'gjekk', 'ga', 'gav', 'tok', 'la', 'vedtok', 'sa', 'fant', 'fann']);

/** Is the year at i part of a name («Bærum 2040») or the date of something already done («I 2023 fikk …»)? */
function pastOrName(words: readonly { lower: string; upos: string; punct: boolean }[], i: number): boolean {
  // (also «fikk i 2023 i oppdrag»: the past verb two words before)
  // (and «fikk i foretaksmøtet i januar 2025 i oppgave å»: the past verb a few words before, the year in its adverbial)
  if (words[i - 1]?.upos === 'PROPN' || PAST_STRONG.has(words[i + 1]?.lower ?? '')) return true;
  // (a period, «kommuneplanen for 2021–2040», «Meld. St. 7 (2019–2020)»: a plan's or a document's years, no due date)
  if (DASH.has(words[i + 1]?.lower ?? '') && YEAR.test(words[i + 2]?.lower ?? '')) return true;
  if (DASH.has(words[i - 1]?.lower ?? '') && YEAR.test(words[i - 2]?.lower ?? '')) return true;
  for (let k = i - 1; k >= Math.max(0, i - 6) && !words[k].punct; k--) if (PAST_STRONG.has(words[k].lower)) return true;
  return false;
}

/** The indefinite noun of following up («oppfølging»): not the verb («følge opp», «følges opp»), nor the definite
 * «oppfølgingen», which may refer back («… at vedtakene blir gjennomført, og rapporterer om oppfølgingen»). */
const FOLLOW_UP_NOUN = /^oppfølging$/i;
/** How many words after «oppfølging» its object may stand («oppfølging av tiltak i Opptrappingsplan …»). */
const FOLLOW_UP_REACH = 6;
/** Pronouns that refer back to what was named («oppfølging av disse»). */
const ANAPHOR = new Set(['disse', 'desse', 'dette', 'denne', 'dem']);

/** Words as patterns: «rapport*» a prefix, «*forsøket» the head of a compound (a suffix), else the word itself. */
function wordTest(patterns: readonly string[]): (w: string) => boolean {
  const exact = new Set(patterns.filter((p) => !p.endsWith('*') && !p.startsWith('*')));
  const prefixes = patterns.filter((p) => p.endsWith('*')).map((p) => p.slice(0, -1));
  const suffixes = patterns.filter((p) => p.startsWith('*')).map((p) => p.slice(1));
  return (w) => exact.has(w) || prefixes.some((p) => w.startsWith(p)) || suffixes.some((p) => w.endsWith(p));
}

/**
 * The rules' verdict on the topic categories: the lexicon's terms (not when they only occur inside a name,
 * «Innovasjons- og samskapingsutvalget»), the two-word topic rules (topics.ts), and for control, a date, or a
 * year in a sentence with deontic force («I 2026 skal kommunen …»); «oppfølging» is a control instrument only
 * when the sentence names what a body follows up (an assignment, a plan, a measure, an adverse event: `steeringObjects`),
 * not the follow-up of patients («tilstrekkelig oppfølging i kommunene»).
 */
export function ruleCategories(facts: SentenceFacts, text = '', deontic: Deontic = 'none'): Categories {
  // (a list item's first word after its bullet or numbering: «2. Piloten ble gjennomført …»)
  const firstWord = facts.words[firstNonPunct(facts.words)] as Word | undefined;
  const words = facts.words;
  /** The index of the first word after the match, or -1. */
  const wordAfter = (m: TermMatch) => wordAt(words, m.end);
  /** The index of the word that holds the match, or -1. */
  const holding = (m: TermMatch) => words.findIndex((w) => w.start <= m.start && w.end >= m.end);
  // a term inside a name: capitalised inside the sentence («Samarbeidsrådet for Sunnmøre»), the second part of a name
  // that shares its head with a capitalised first («Innovasjons- og samskapingsutvalget»), or that first part
  const inName = (m: TermMatch) => {
    // the name of a body that opens the sentence: two capitalised words («Innovasjon Norge tildeles …») or a unit named
    // by its topic («Innovasjonsenheten flyttet …»)
    if (m.start === firstWord?.start && /^\p{Lu}/u.test(m.text)) {
      const k = wordAfter(m);
      // (not a heading run into its text: «Samhandling Samhandlingen mellom …», whose next word is a term itself)
      if (k >= 0 && /^\p{Lu}\p{Ll}+$/u.test(words[k].text) && !facts.matches.some((x) => x.start === words[k].start)) return true;
      if (UNIT_NAME.test(m.text.toLowerCase())) return true;
    }
    // (an acronym, also in mixed case, is no name: «FoU-prosjekter», «FoUI»)
    const i = holding(m);
    // (a capital after a colon or a bullet opens a heading's text or an item: «Satsingsområde 1: Kvardagsinnovasjon og …»)
    const opensItem = i > 0 && /^[:•▪–]$/.test(words[i - 1].text);
    if (/^\p{Lu}/u.test(m.text) && m.start !== firstWord?.start && !opensItem && !/^\p{Lu}\p{Ll}?\p{Lu}/u.test(m.text)) return true;
    // (the second part names a body only when its head does: «Innovasjons- og samskapingsutvalget», not «Endrings- og
    // innovasjonsprosesser»)
    if (i >= 3 && (words[i - 1].lower === 'og' || words[i - 1].lower === 'eller') && words[i - 2].text === '-' && /^\p{Lu}/u.test(words[i - 3].text) && BODY_HEAD.test(words[i].lower)) return true;
    return i >= 0 && words[i + 1]?.text === '-' && (words[i + 2]?.lower === 'og' || words[i + 2]?.lower === 'eller') && i + 3 < words.length && BODY_HEAD.test(words[i + 3].lower);
  };
  let steeringMemo: boolean | undefined;
  const steeringObject = () => (steeringMemo ??= facts.words.some((w) => STEERING_OBJECT(w.lower)));
  // the noun «oppfølging» names what is followed up after it («oppfølging av oppdraget», «oppfølgingen av tiltakene»); a
  // steering object elsewhere in the sentence is no object of it («Innspill til meldingen viser til mangelfull oppfølging»)
  const steeringObjectAfter = (m: TermMatch) => {
    // (follow-up as an instrument of steering: «styring i form av krav, insentiver og oppfølging»)
    if (words.some((w) => w.lower.startsWith('styring'))) return true;
    const k = wordAfter(m);
    if (k < 0) return false;
    for (let j = k; j < Math.min(words.length, k + FOLLOW_UP_REACH); j++) if (STEERING_OBJECT(words[j].lower)) return true;
    // «oppfølging av disse»: the measures just named
    return words[k].lower === 'av' && ANAPHOR.has(words[k + 1]?.lower ?? '');
  };
  const hit = (cat: keyof Categories) => {
    const m = facts.matches.find((x) => {
      // a control term made less («færre rapporteringskrav», «rapporteringen skal reduseres») still speaks of control
      const reducedControl = cat === 'control' && (x.negated || facts.entry(x.entry)?.subtype === 'reduced-control');
      if (!reducedControl && (x.category !== cat || x.negated)) return false;
      if (facts.entry(x.entry)?.signal === 'weak') return false;
      if (cat !== 'control' && inName(x)) return false;
      if (cat === 'control' && x.entry === 'oppfolging' && !/styring|møte/i.test(x.text) && !(FOLLOW_UP_NOUN.test(x.text) ? steeringObjectAfter(x) : steeringObject()) && !followsUpThat(x)) return false;
      // a season or «året» only dates a commitment or a report («Byrådsavdelingen vil i løpet av våren invitere
      // bydelene …», «har i løpet av året styrket …»); it is a due time with «skal» or in an order («Planen skal leveres
      // i løpet av våren», «Oslo kommune skal i løpet av året bli …»)
      if (cat === 'control' && x.entry === 'frist' && SEASON.test(x.text) && deontic !== 'obligation' && deontic !== 'prohibition' && !facts.readings.some((r) => r.lemma === 'skulle' && r.force === deontic)) return false;
      // an evaluation or a survey cited as evidence («evalueringer viser at …», «Brukerundersøkelser viser at …», «Et
      // sentralt funn i evalueringen er …») is a source, not an instrument of steering
      if (cat === 'control' && !x.negated && citedAsEvidence(x)) return false;
      // a survey of residents that measures their satisfaction or the services' quality («for å kartlegge hvor fornøyde
      // innbyggerne er», «brukes som en av indikatorene») is measurement, not participation
      if (cat === 'cocreation' && SURVEY.test(x.text) && words.some((w) => MEASURED.test(w.lower))) return false;
      // money for voluntary organisations («tilskudd til frivillige organisasjoner», «tilskuddsordningen for frivillige
      // organisasjoner») funds them; it does not involve them
      if (cat === 'cocreation' && /^frivillig/i.test(x.text) && fundsFor(x)) return false;
      // input that bodies give («Byrådsavdelingen ber om at bydelene … gir innspill», «overfor andre aktører som gir
      // innspill») is consultation between organisations, not people taking part
      if (cat === 'cocreation' && INPUT_GIVEN.test(x.text) && bodyGives(x)) return false;
      // control of one's own life or data, a parent's supervision of children: no instrument of steering
      if (cat === 'control' && !x.negated && ownControl(x)) return false;
      // working with people («sammen med innbyggerne», «i samarbeid med brukeren», «i dialog med pasientene») is
      // participation, not cooperation between organisations
      if (cat === 'collaboration' && withPeople(x)) return false;
      // «henger sammen med», «slått sammen med», «til sammen med»: connected or merged, no joint work
      if (cat === 'collaboration' && /^(sammen|saman) med$/i.test(x.text) && TOGETHER_NOT.test(words[wordAt(words, x.start) - 1]?.lower ?? '')) return false;
      return true;
    });
    return m !== undefined;
  };
  const citedAsEvidence = (m: TermMatch) => {
    if (!EVIDENCE_TERM.test(m.text)) return false;
    const k = wordAfter(m);
    if (k < 0) return false;
    // «evalueringen viser», «evalueringer fra 2023 viser», «Forskningsrådets evaluering fra 2023 viser», past a
    // footnote's number («Evalueringer[15] viser at …»)
    let j = k;
    if (words[j]?.text === '[' && /^\d+$/.test(words[j + 1]?.text ?? '') && words[j + 2]?.text === ']') j += 3;
    for (const end = Math.min(words.length, j + 4); j < end && !words[j].punct; j++) if (SHOWS.test(words[j].lower)) return true;
    const i = holding(m);
    // inverted after a fronted adverbial: «Blant annet viser evalueringen av fastlegeordningen at …»
    if (i >= 1 && SHOWS.test(words[i - 1].lower)) return true;
    // «funn i evalueringen», «resultatene fra brukerundersøkelsen»
    return i >= 2 && /^(i|fra|frå)$/.test(words[i - 1].lower) && /^(funn|funnet|funna|funnene|resultat|resultatet|resultatene|resultata|tall|tala|tallene)$/.test(words[i - 2].lower);
  };
  // «følge opp at tilskuddsmidlene går til formålet»: follow-up that something is done (compliance), not of patients
  const followsUpThat = (m: TermMatch) => {
    const k = wordAfter(m);
    return k >= 0 && words[k].lower === 'at';
  };
  // the giver of input: the nearest noun or pronoun before the phrase in its clause, past nouns in a prepositional
  // phrase («Innbyggerne i bydelen har gitt innspill»), a body that is no council of people
  const bodyGives = (m: TermMatch) => {
    const i = wordAt(words, m.start);
    for (let k = i - 1; k >= Math.max(0, i - 8); k--) {
      const w = words[k];
      // (past the point of a date: «bydelene innen 1. mai gir innspill»)
      if (w.punct && w.text !== '-' && !(w.text === '.' && /^\d+$/.test(words[k - 1]?.text ?? ''))) return false;
      // an infinitive's giver is who was asked («bydelene vil bli invitert til å gi innspill») or whose purpose it is («gir
      // oss et grunnlag for å komme med innspill»), not who invites («Utvalget har en åpen invitasjon om å gi innspill»)
      if (w.lower === 'å') {
        if (words[k - 1]?.lower !== 'for' && !ASKED.test(words[k - 2]?.lower ?? '')) return false;
        continue;
      }
      if (PREPOSITIONS.has(words[k - 1]?.lower ?? '')) continue;
      if (peopleHead(w.lower) || OUTSIDE_GIVERS.has(w.lower)) return false;
      if (isAgent(w.lower, w.text)) return true;
    }
    return false;
  };
  const fundsFor = (m: TermMatch) => {
    const i = wordAt(words, m.start);
    return i >= 2 && /^(til|for)$/.test(words[i - 1].lower) && FUNDS.test(words[i - 2].lower);
  };
  const withPeople = (m: TermMatch) => {
    // (not «samhandling med innbyggerne»: the word itself names cooperation)
    if (!WORK_WITH.test(m.text)) return false;
    let k = wordAfter(m);
    if (k < 0) return false;
    if (!/(^|\s)med$/i.test(m.text)) {
      if (words[k].lower !== 'med') return false;
      k++;
    }
    // «sammen med dem som skal bruke dem», «saman med dei som bur her»: the users, the residents
    if (/^(de|dei|dem)$/.test(words[k]?.lower ?? '') && words[k + 1]?.lower === 'som') {
      for (let j = k + 2; j < Math.min(words.length, k + 5); j++) if (USERS_VERB.test(words[j].lower)) return true;
    }
    if (k < words.length && DETERMINERS.has(words[k].lower)) k++;
    const partner = words[k];
    // the first partner named: people, not volunteers or business (organisations of a kind), not the first part of a
    // compound («Barne-, ungdoms- og familiedirektoratet»), not people's organisations («brukerorganisasjonene»)
    return partner !== undefined && !partner.punct && peopleHead(partner.lower) && !NOT_PEOPLE_PARTNERS.has(partner.lower) && words[k + 1]?.text !== '-' && !ORGANISATION.test(words[k + 1]?.lower ?? '');
  };
  const ownControl = (m: TermMatch) => {
    const k = wordAfter(m);
    if (k < 0) return false;
    const next = words[k].lower;
    const after = words[k + 1]?.lower ?? '';
    if (/^kontroll/i.test(m.text) && next === 'over' && OWN.test(after)) return true;
    return /^tilsyn/i.test(m.text) && next === 'med' && /^(barn|barna|borna|ungane|ungene|eleven|elevane|elevene)$/.test(/^(dei|de|sine|sitt|sin)$/.test(after) ? (words[k + 2]?.lower ?? '') : after);
  };
  const topics = topicRules(facts.words);
  const innovation = hit('innovation') || topics.innovation !== undefined;
  const cocreation = hit('cocreation') || topics.cocreation !== undefined;
  const collaboration = hit('collaboration') || jointly(words);
  // a date in this sentence (the analysis passes the whole document as `text`, with the tokens' offsets into it), or a
  // year in a sentence with deontic force
  const control =
    hit('control') ||
    // (the date expressions take any white space: «1.  mars», «innen\u00a01. mars» from a PDF or a word processor)
    (words.length > 0 && dueDate(text.slice(words[0].start, words[words.length - 1].end), deontic === 'obligation')) ||
    (deontic !== 'none' && deontic !== 'recommendation' && deontic !== 'permission' && words.some((w, i) => YEAR.test(w.text) && !pastOrName(words, i))) ||
    measurableTarget(words, deontic) ||
    accountsPresented(words) ||
    ((deontic === 'obligation' || deontic === 'prohibition') && periodic(facts, deontic));
  return { innovation, cocreation, collaboration, control };
}

/** Words of a period that recurs («årlig», «månedlig», «kvartalsvis»). */
const RECURRING = new Set(['årlig', 'årleg', 'årlige', 'årlege', 'månedlig', 'månedlige', 'månadleg', 'månadlege', 'kvartalsvis', 'halvårlig', 'halvårlige', 'halvårleg', 'ukentlig', 'vekentleg']);
/** Words after «årlig» that leave it an adverb of time («rapporterer årlig til …», «… årlig.»); before a noun it is an
 * adjective of a thing («et samlet årlig beløp»). */
const AFTER_ADVERB = new Set(['til', 'på', 'om', 'og', 'i', 'for', 'med', 'fra', 'frå', 'innen', 'innan', 'eller', 'ved', 'som']);
/** «hvert år», «hver måned», «kvart år», «kvar månad»: each of a period. */
const EACH = new Set(['hvert', 'hver', 'kvart', 'kvar']);
const PERIOD = new Set(['år', 'halvår', 'kvartal', 'tertial', 'måned', 'månad', 'uke', 'veke']);

/**
 * A recurring time («hvert år», «hver måned», «årlig» as an adverb) in the clause of an order is a due date that comes
 * back («Parkeringstillatelsen må fornyes hvert år», «Bydelene plikter å melde inn … hver måned»).
 */
function periodic(facts: SentenceFacts, deontic: Deontic): boolean {
  const words = facts.words;
  for (let i = 0; i < words.length; i++) {
    const w = words[i].lower;
    const next = words[i + 1];
    const adverb = RECURRING.has(w) && (next === undefined || next.punct || AFTER_ADVERB.has(next.lower));
    if (!adverb && !(EACH.has(w) && PERIOD.has(next?.lower ?? ''))) continue;
    // (in the clause of the order, not beside it: «Ungdomsrådet får hvert år 300 000 kroner …, og ungdommene har selv
    // ansvar for å …»)
    if (facts.readings.some((r) => r.force === deontic && r.pred !== undefined && i >= r.pred.clause.start && i < r.pred.clause.end)) return true;
  }
  return false;
}

/** Forms of «legge fram» (to present to a body). */
const PRESENT = new Set(['legge', 'legger', 'legges', 'lagt', 'la', 'leggje', 'leggjast', 'legg', 'leggast']);
/** What is accounted for when presented: results, a budget, an economic plan, accounts. */
const ACCOUNTS = /^(resultat|budsjett|økonomiplan|regnskap|årsrapport|årsmelding|tertialrapport)/;
/** How many words apart «legge fram» and what it presents may stand. */
const PRESENT_REACH = 8;

/**
 * Results, a budget or the accounts presented to a body («Resultatene fra undersøkelsen legges fram for bydelsutvalget
 * i juni», «Rådmannen legger fram sitt forslag til økonomiplan … for formannskapet 7. juni»): reporting, a control
 * instrument; a case or a proposal presented («Byrådet skal legge fram en egen sak») is not.
 */
export function accountsPresented(words: readonly { lower: string }[]): boolean {
  for (let i = 0; i + 1 < words.length; i++) {
    if (!PRESENT.has(words[i].lower) || (words[i + 1].lower !== 'fram' && words[i + 1].lower !== 'frem')) continue;
    for (let k = Math.max(0, i - PRESENT_REACH); k < Math.min(words.length, i + 2 + PRESENT_REACH); k++) if (ACCOUNTS.test(words[k].lower)) return true;
  }
  return false;
}

/** A number of a measurable unit: a share or a time («80 prosent», «tre uker», «fire måneders ventetid»). */
const AMOUNT = /^(\d+([,.]\d+)?|en|ett|ei|to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|tolv|fjorten)$/;
const MEASURE_UNIT = /^(prosent|%|prosentpoeng|dager|dagers|døgn|uker|ukers|veker|vekers|måneder|måneders|månader|månaders)$/;
/** A goal or a target named: «målet er», «mot et mål på», «med mål om», «målsettingen». */
const TARGET_WORD = /^(mål|målet|måla|målene|målsetting\p{L}*|målsetjing\p{L}*)$/u;
/** A limit set on a number: «maksimalt fire måneder», «minst 80 prosent», «mer enn tre uker», «senest to uker før». */
const LIMIT = /^(maksimalt|maks|minst|høyst|senest|seinast|innen|innan|under|over)$/;

/**
 * A measurable target or limit (the guide's «måltall», «resultatmål», «measurable targets»): a share or a time with a
 * goal named in the sentence («Målet er at minst 80 prosent av brukarane skal vere nøgde», «… mot et mål på 8,5
 * prosent»), or set as a limit in a sentence with deontic force («Ingen skal måtte vente mer enn tre uker»). A share
 * only described («87 prosent av innbyggerne er fornøyde») or allowed («kan omdisponere inntil 5 prosent») is none.
 */
export function measurableTarget(words: readonly { lower: string; punct: boolean }[], deontic: Deontic): boolean {
  let goal: boolean | undefined;
  for (let i = 1; i < words.length; i++) {
    if (!MEASURE_UNIT.test(words[i].lower) || !AMOUNT.test(words[i - 1].lower)) continue;
    goal ??= words.some((w) => TARGET_WORD.test(w.lower));
    if (goal) return true;
    if (deontic === 'none' || deontic === 'permission') continue;
    // the limit right before the number, or «mer/mindre enn» before it
    const before = words[i - 2]?.lower ?? '';
    if (LIMIT.test(before) || (before === 'enn' && /^(mer|meir|mindre|lenger|lengre)$/.test(words[i - 3]?.lower ?? ''))) return true;
  }
  return false;
}

/**
 * Bodies that act together: «Helsedirektoratet og Arbeids- og velferdsdirektoratet skal sammen utarbeide …»,
 * «Utdanningsetaten og bydelene skal sammen …» — «sammen» right after the verb, with bodies (not people) joined by
 * «og» before it.
 */
function jointly(words: readonly { lower: string; text: string; upos: string; punct: boolean }[]): boolean {
  for (let i = 2; i < words.length; i++) {
    if (words[i].lower !== 'sammen' && words[i].lower !== 'saman') continue;
    if (!JOINT_VERBS.test(words[i - 1].lower)) continue;
    let bodies = 0;
    let and = false;
    // (across the hyphen of a shortened compound: «Arbeids- og velferdsdirektoratet»)
    for (let k = i - 2; k >= Math.max(0, i - 10) && (!words[k].punct || words[k].text === '-'); k--) {
      if (words[k].lower === 'og') and = true;
      else if (isAgent(words[k].lower, words[k].text)) bodies++;
    }
    if (and && bodies >= 2) return true;
  }
  return false;
}
/** Modals and finite verbs that «sammen» follows when bodies act together. */
const JOINT_VERBS = /^(skal|må|vil|bør|kan|har|hadde|er|ble|jobber|arbeider|utarbeider|utvikler|lager|eier|driver|står)$/;
