import type { Deontic, DistrictRole } from '../types';
import type { SentenceFacts } from './features';
import { grammar, isMeansNoun, isRoomNoun } from '../lexicon';
import { firstNonPunct } from './clause';
import { ordersMeans } from './framing';
import { wordAt } from './words';

/**
 * The role a sentence gives the city districts, where a district term occurs (labelling guide): obligated
 * (subject of an obligation, receiver of an order), enabled (discretion, permission, resources, trust), involved
 * (partners, consulted), or only mentioned.
 */

/** What is designed or set up: a model, a scheme, its establishment («modeller for bydelsutvalg», «etablering av bydelsutvalg»). */
const DESIGNED = /^(modell|modellar|modellane|ordning|ordninger|ordningar|etablering|etableringen|innføring|innføringen|organisering|organiseringen|rammer|rammene)/;
const DISTRICT = /^(bydel|bydelar)/i;
const ORDER = /^(ber|bes|pålegges|pålegger|pålegg|pålagt|pålagd|bedt|bedne)$/;
const GRANT_TO = /^(til|for)$/;
/** What a district may receive besides room and means: tasks, responsibility, compensation, room in a compound. */
const RESOURCE_EXTRA = /^(ansvar|ansvaret|oppgaver|oppgåver|tildeles|kompensert|kompensasjon|makt|\p{L}*(handlingsrom|handlingsrommet|frihet|friheten|fridom|fridomen))$/u;
const isResource = (w: string) => isRoomNoun(w) || isMeansNoun(w) || RESOURCE_EXTRA.test(w);
/** Verbs of granting money: the means are given («avsatt», «tildelt», «bevilget»), not spent or cut. */
const GRANT_VERB = /^(avsatt|avsett|avsettes|satt|settes|tildelt|tildeles|tildelte|bevilget|bevilga|bevilges|bevilger|fordelt|fordeles|gis|gitt|får|fått|fikk|fekk)$/;
/** How many words (punctuation included) from a district term a co-operation or participation term may stand: «samarbeidet mellom fastleger, BUP og bydeler». */
const NEAR = 6;
/** Verbs by which a district receives something: «får», «skal få», «har fått», «gis», «tildeles». */
const RECEIVE = /^(få|får|fått|fikk|gis|gitt|tildeles|tildelt|tilføres|tilført|motta|mottar|mottok)$/;
/** A district in the genitive: «bydelenes», «bydelens», «bydelane sine» is left out (two words). */
const DISTRICT_GENITIVE = /^(bydel|bydelar)\p{L}*s$/u;
/** Room, means or freedom of their own (not their duties: «bydelenes ansvar», «bydelenes oppgaver»). */
const isOwnRoom = (w: string) => isRoomNoun(w) || isMeansNoun(w);
const NEGATION = new Set(grammar.negations);
/** Words that take room or means away («mindre frihet for bydelene»). */
const TAKE_AWAY = new Set(grammar.takeAway);
/** Verbs that strengthen or give. */
const STRENGTHEN = /^(styrke|styrker|styrkes|styrket|styrka|styrkje|styrkjer|øke|øker|økes|økt|auke|aukar|auka|utvide|utvider|utvides|utvidet|utvida|gi|gir|gis|gje|gjev|tilføre|tilfører|sikre|sikrer|trygge|utvikle)$/;
const INVOLVED = /^(involvere|involverer|involvert|involverte|involveres|involverast|høres|høyrast|konsulteres|innspill|innspel|dialog)$/;
/** The districts' own staff and services («ansatte i bydelene», «tjenestene i bydelen»). */
const OWN_PEOPLE = /^(ansatte|tilsette|medarbeider|medarbeidar|leder|leiar|tjenest|tenest|enhet|eining|fagfolk|helsestasjon|hjemmetjenest|heimetenest)/;
/** Verbs of saying: a district that opens the sentence as their subject speaks («Bydelen mener at …»). */
const SAYS = /^(mener|meiner|påpeker|understreker|viser|peker|foreslår|ønsker|ønskjer|støtter|er)$/;
/** Verbs of a district that organises participation: it has (a council), asks, invites, holds or carries out. */
const ORGANISE = /^(har|hadde|ber|søker|søkjer|ønsker|ønskjer|inviterer|inviterte|gjennomfører|gjennomførte|arrangerer|arrangerte|holder|held|oppfordrer|lanserer|starter)$/;
/** Taking part: the districts involved when they are the ones taking part («bydeler som deltar i …»). */
const TAKES_PART = /^(deltar|deltek|deltok|deltatt|delta)$/;
/** «selv» after a district's modal: the districts decide for themselves («Bydelane skal sjølve prioritere»). */
const SELF = /^(selv|sjølv|sjølve)$/;
const DECIDE = /^(velge|velje|bestemme|prioritere|vurdere|organisere|avgjøre|avgjere|definere)$/;

/** A district invited, heard or let take part: the verb of the subject it opens («… vil bli invitert», «… får delta»). */
const INVITED = /^(inviteres|inviterast|invitert|involveres|involverast|involvert|høres|høyrast|hørt|konsulteres|konsultert|delta)$/;
/** Auxiliaries before the main verb of a subject: «vil bli», «skal», «har blitt», «får». */
const AUXILIARY = /^(vil|skal|må|bør|kan|bli|blir|vert|verte|er|har|blitt|vorte|får|få)$/;
/** Words of the rest of a subject: the list it opens, a place after it («bydelene i Groruddalen»). */
const SUBJECT_REST = /^(og|eller|samt|i|på)$/;

/**
 * The index of the main verb of the subject that the word at i opens: past the rest of a list of nouns («bydelene,
 * etatene og brukerorganisasjonene»), a place after it («i Groruddalen») and the auxiliaries; -1 when there is none
 * within ten words.
 */
function verbIndexOfSubject(words: SentenceFacts['words'], i: number): number {
  let k = i + 1;
  const limit = Math.min(words.length, i + 10);
  while (k < limit && (words[k].text === ',' || SUBJECT_REST.test(words[k].lower) || (/^(NOUN|PROPN|ADJ|DET|NUM)$/.test(words[k].upos) && !AUXILIARY.test(words[k].lower)))) k++;
  while (k < limit && AUXILIARY.test(words[k].lower)) k++;
  return k < limit ? k : -1;
}

/**
 * Room or means of their own within `reach` words after the verb at j (or `extra`'s words: a say), not denied right
 * after it: «Bydelene skal ha større frihet til å …», «skal ha reell innflytelse på …».
 */
function roomAfter(lower: readonly string[], j: number, reach: number, extra?: RegExp): boolean {
  return lower.slice(j + 1, j + 1 + reach).some((w) => isOwnRoom(w) || (extra !== undefined && extra.test(w))) && !lower.slice(j + 1, j + 3).some((w) => NEGATION.has(w));
}

/** Say over something: «innflytelse», «innverknad», «medbestemmelse», «(få) meir å seie». */
const SAY = /^(innflytelse|innflytelsen|innverknad|innverknaden|medbestemmelse|medråderett|påvirkning|seie|si)$/;

/**
 * What a district told to act is told to have: permission («får prøve ut», «får delta»: involved) or room and say of its
 * own («skal ha reell innflytelse på …», «må ha tid og rom til å eksperimentere», «må få meir å seie over …»).
 */
function grantedByOrder(words: SentenceFacts['words'], lower: readonly string[], i: number): DistrictRole | undefined {
  const k = verbIndexOfSubject(words, i);
  if (k < 0) return undefined;
  const chain = lower.slice(i + 1, k);
  // (an order that they receive something is left to the rules of receiving: «skal få tildelt midler»)
  if (chain.some((w) => w === 'får' || w === 'få') && words[k].upos === 'VERB' && !RECEIVE.test(lower[k]) && lower[k] !== 'ha') return lower[k] === 'delta' ? 'involved' : 'enabled';
  if (/^(ha|få|får)$/.test(lower[k]) && roomAfter(lower, k, 4, SAY)) return 'enabled';
  return undefined;
}

/**
 * `collaboration`: the sentence's category as decided (categories.ts), not any co-operation word: working «sammen med
 * beboere» is participation, which a district that organises it does not take part in.
 */
export function districtRole(facts: SentenceFacts, deontic: Deontic, actor: string | null, collaboration: boolean): DistrictRole {
  const dm = facts.matches.filter((m) => m.category === 'district');
  if (dm.length === 0) return 'none';
  const words = facts.words;
  const lower = words.map((w) => w.lower);
  const directive = deontic === 'obligation' || deontic === 'prohibition';
  const actorIsDistrict = actor !== null && actor.split(/\s+/).some((a) => DISTRICT.test(a));
  if (directive && actorIsDistrict) {
    // «Bydelene skal selv prioritere …»: what they are told is to decide for themselves
    // (not a burden of their own: «skal selv dekke kostnadene»)
    for (let i = 0; i + 2 < lower.length; i++) if ((lower[i] === 'skal' || lower[i] === 'må') && SELF.test(lower[i + 1]) && DECIDE.test(lower[i + 2])) return 'enabled';
    for (let i = 0; i < lower.length; i++) {
      if (!DISTRICT.test(lower[i])) continue;
      const granted = grantedByOrder(words, lower, i);
      if (granted) return granted;
    }
    return 'obligated';
  }
  // an order that the districts be given means or room («bydelene må sikres tilstrekkelige midler», «Bydelane må få
  // meir handlingsrom»): they receive, whoever is to give
  // («byrådet må gi bydelene større innflytelse»: the districts named after the verb of giving)
  if (deontic === 'obligation' && ordersMeans(facts, deontic)) {
    const cue = facts.readings.find((r) => r.force === deontic)?.cue;
    const k = cue ? wordAt(words, cue.start) : -1;
    if (k > 0 && lower.slice(Math.max(0, k - 4), k + 4).some((w) => DISTRICT.test(w))) return 'enabled';
  }
  // a permission of the districts in another clause than the one that decides the sentence («Bystyret ber byrådet
  // vurdere en ordning der bydelene får beholde en større del av gevinstene»)
  if (facts.readings.some((r) => r.force === 'permission' && r.actor !== undefined && r.actor.text.split(/\s+/).some((a) => DISTRICT.test(a)))) return 'enabled';
  // let act: «Byrådet må la bydelene beholde gevinstene», «lar bydelsutvalget selv fordele midlene» (not when denied:
  // «vil ikke la bydelene …»)
  for (let i = 0; i + 2 < lower.length; i++) {
    if (!/^(la|lar|lot|lét|late)$/.test(lower[i])) continue;
    const d = /^(de|dei|alle)$/.test(lower[i + 1]) ? i + 2 : i + 1;
    if (DISTRICT.test(lower[d] ?? '') && !lower.slice(Math.max(0, i - 3), i).some((w) => NEGATION.has(w))) return 'enabled';
  }
  // given authority or means outright, no modal: «Byrådet gir bydelsutvalgene myndighet til å fordele midlene»
  for (let i = 0; i + 2 < lower.length; i++) {
    if (!/^(gi|gje|gir|gis|ga|gav|gjev|gjevast|gitt)$/.test(lower[i]) || !DISTRICT.test(lower[i + 1])) continue;
    // (not when denied: «Bystyret kan ikke gi bydelsutvalgene myndighet til …»)
    if (lower.slice(Math.max(0, i - 3), i).some((w) => NEGATION.has(w))) continue;
    if (lower.slice(i + 2, i + 5).some(isResource)) return 'enabled';
  }

  if (directive && actor === null) {
    // «… ber bydelene om …», «bydelene pålegges …»: an order within a few words of a district term (not when the
    // order names someone else: «ber byrådet om å foreslå modeller for bydelsutvalg»)
    for (let i = 0; i < lower.length; i++) {
      // (not an order denied: «Bydelene skal ikke pålegges nye oppgaver» spares them)
      if (!ORDER.test(lower[i]) || NEGATION.has(lower[i - 1] ?? '')) continue;
      // (not the district that asks: «slik bydelsutvalget har bedt om», «Bydelsutvalget ber byrådet …»)
      const active = /^(ber|bedt|pålegger|pålagt|pålagd)$/.test(lower[i]);
      const asker = active && (DISTRICT.test(lower[i - 1] ?? '') || (/^(har|hadde)$/.test(lower[i - 1] ?? '') && DISTRICT.test(lower[i - 2] ?? '')));
      if (asker) continue;
      for (let j = Math.max(0, i - 3); j < Math.min(lower.length, i + 6); j++) if (DISTRICT.test(lower[j])) return 'obligated';
    }
  }
  if ((deontic === 'permission' || deontic === 'recommendation') && actorIsDistrict) return 'enabled';
  // resources, responsibility or discretion given to the districts
  let granted: boolean | undefined;
  for (let i = 0; i + 1 < lower.length; i++) {
    // «til/for bydelene», and «fordeles mellom bydelene»
    if (!GRANT_TO.test(lower[i]) && !(lower[i] === 'mellom' && /^fordel/.test(lower[i - 1] ?? ''))) continue;
    const next = lower[i + 1] === 'de' || lower[i + 1] === 'dei' ? i + 2 : lower[i + 1] === 'ut' ? i + 2 : i + 1;
    // the resource a few words before «til/for» («midler til bydelene», «større handlingsrom for bydelene»), not
    // anywhere in the sentence («rammer for etablering …, modeller for bydelsutvalg»)
    const before = lower.slice(Math.max(0, i - 4), i);
    if (!before.some((w) => isResource(w)) || before.some((w) => TAKE_AWAY.has(w))) continue;
    if (next < lower.length && DISTRICT.test(lower[next])) return 'enabled';
    // «midler til innovasjonstiltak i bydelene»: what the means are for, in the districts (a few words on, no comma)
    // (means, not duties: «ansvar for helsestasjonene i bydelen» is no grant)
    if (!before.some(isMeansNoun) || !(granted ??= lower.some((w) => GRANT_VERB.test(w)))) continue;
    for (let k = next + 1; k < Math.min(lower.length, next + 4) && !words[k - 1].punct; k++) if (DISTRICT.test(lower[k]) && lower[k - 1] === 'i') return 'enabled';
  }
  // their own room or means strengthened or given («styrke bydelenes mulighet til å prøve ut …», «øke bydelenes
  // handlingsrom»): a verb of strengthening or giving a few words before a district in the genitive and its room
  for (let i = 0; i + 1 < lower.length; i++) {
    if (!DISTRICT_GENITIVE.test(lower[i]) || !isOwnRoom(lower[i + 1])) continue;
    if (lower.slice(Math.max(0, i - 3), i).some((w) => STRENGTHEN.test(w))) return 'enabled';
  }
  // what is received within a few words of the verb, over an amount's decimal comma («har fått innvilget 1,5 mill.
  // kroner», «mottok i 2024 3,2 mill. kroner»), not past a clause's comma
  const received = (j: number): boolean => {
    for (let k = j + 1, n = 0; k < lower.length && n < 5; k++) {
      if (words[k].punct) {
        if (words[k].text === ',' && /^\d/.test(lower[k - 1] ?? '') && /^\d/.test(lower[k + 1] ?? '')) continue;
        if (words[k].text !== '.' || lower[k - 1] !== 'mill') return false;
        continue;
      }
      // (means taken away: «får redusert rammen med 14,2 mill. kroner»)
      if (TAKE_AWAY.has(lower[k]) || /^(kuttet|kutta|mindre|lavere|lågare)$/.test(lower[k])) return false;
      if (isResource(lower[k])) return true;
      if (!/^\d/.test(lower[k])) n++;
    }
    return false;
  };
  // the districts receive it («Bydelene har fått større ansvar for …», «Bydelene får økte rammer»)
  for (let i = 0; i < lower.length; i++) {
    if (!DISTRICT.test(lower[i])) continue;
    // (from the district term's last word: «Bydel Gamle Oslo har fått …»)
    // (not when denied: «Bydelen har ikke hatt mulighet til …», «ingen bydel har øremerkede midler»)
    if (NEGATION.has(lower[i - 1] ?? '')) continue;
    // (in inverted order, the verb before the district: «I stedet får bydelene en fast ramme»)
    // (not when denied: «Fra 2026 får bydelene ikke lenger egne midler»)
    if (RECEIVE.test(lower[i - 1] ?? '') && !lower.slice(i + 1, i + 4).some((w) => NEGATION.has(w)) && received(i)) return 'enabled';
    for (let j = i + 1; j < Math.min(lower.length, i + 6); j++) {
      if (NEGATION.has(lower[j])) break;
      if (RECEIVE.test(lower[j]) && received(j)) return 'enabled';
      // «Bydelene skal ha større frihet til å …»: room of their own (not «ha ansvar for»)
      if ((lower[j] === 'ha' || lower[j] === 'har') && roomAfter(lower, j, 3)) return 'enabled';
    }
  }
  const districtIdx = lower.map((w, i) => (DISTRICT.test(w) || dm.some((m) => m.start === words[i].start) ? i : -1)).filter((i) => i >= 0);
  const near = (i: number) => districtIdx.some((d) => Math.abs(d - i) <= NEAR);
  // room, trust, means or less control near the districts («tillit til bydelene», «Detaljstyringen av bydelene skal
  // reduseres»), not anywhere in the sentence («evaluere ordningen med tillitsbasert oppfølging av bydelene» is near,
  // «invitere bydelene til et dialogmøte om erfaringene med tillitsreformen» is not)
  const enablingTerm = facts.matches.some((m) => {
    // (a control term made less is reduced control whatever its entry's subtype)
    if (m.category !== 'enabling' || !(m.negated || /discretion|trust|resources|reduced-control/.test(facts.entry(m.entry)?.subtype ?? ''))) return false;
    const i = wordAt(words, m.start);
    // (room denied is none: «Bydelen har ikke hatt mulighet til …», «ingen bydel har øremerkede midler»)
    if (!m.negated && lower.slice(Math.max(0, i - 4), i).some((w) => NEGATION.has(w))) return false;
    // (not a district named only as the place of what gets the means: «Tilskuddet til Frivilligsentralen i bydelen»)
    return i >= 0 && districtIdx.some((d) => Math.abs(d - i) <= NEAR && !/^(i|på|rundt)$/.test(lower[d - 1] ?? ''));
  });
  // a district that takes part («Bydel Gamle Oslo er en av fire bydeler som deltar i …», «forsøk med tillitsbasert
  // ledelse, der Bydel Sagene deltar»: its part, before what the work is about), not people in it («Over 200 barn i
  // bydelen deltar i fritidsklubbene»: the district follows «i», a place)
  for (const d of districtIdx) {
    if (/^(i|på|fra|frå)$/.test(lower[d - 1] ?? '')) continue;
    for (let j = d + 1; j <= d + 3 && j < lower.length; j++) if (TAKES_PART.test(lower[j])) return 'involved';
  }
  // (a district that only speaks, opening the sentence, is mentioned: «Bydelen mener at rapporteringskravene bør
  // forenkles»)
  const speakerOnly = districtIdx.length === 1 && districtIdx[0] <= firstNonPunct(words) + 1 && SAYS.test(lower[wordAt(words, dm[0].end)] ?? '');
  // (an order to someone else, or to no one named, that reduces the districts' control or gives them room enables them:
  // «Bystyret ber byrådet sikre at bydelenes rapportering forenkles», «Detaljstyringen av bydelene skal reduseres»)
  if (enablingTerm && !speakerOnly && !(deontic === 'obligation' && actorIsDistrict)) return 'enabled';
  // partners or consulted: a co-operation or participation term close to a district term («i samarbeid med
  // bydelene», «bydelene skal involveres»); a district named as a place in a sentence about something else is mentioned
  // (a district named as a place, «i bydelen», «på Stovner», is where the co-operation happens, not a partner in it)
  // (but staff or services «i bydelene» are the districts' own: «ansatte i bydelene hospiterer …»)
  // («i to bydeler», «i alle bydelene»: a number or a determiner between)
  const placeAt = (d: number) => {
    const k = /^(\d+|to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|alle|flere|fleire|noen|nokre|enkelte|de|dei|disse|desse|våre|vår|sine|sin|sitt|din|ditt|deres|dykkar)$/.test(lower[d - 1] ?? '') ? d - 1 : d;
    return /^(i|på|fra|frå|rundt)$/.test(lower[k - 1] ?? '') && !OWN_PEOPLE.test(lower[k - 2] ?? '');
  };
  // (a district body as the subject of a design is an institution, no partner: «ulike modeller for bydelsutvalg og
  // innbyggerinvolvering», «etablering av bydelsutvalg»)
  const designed = (d: number) => /^(for|av)$/.test(lower[d - 1] ?? '') && DESIGNED.test(lower[d - 2] ?? '');
  const actorIdx = districtIdx.filter((d) => !placeAt(d) && !designed(d));
  const partner = facts.matches.some((m) => {
    if (m.category !== 'collaboration' && m.category !== 'cocreation') return false;
    const i = wordAt(words, m.start);
    return i >= 0 && actorIdx.some((d) => Math.abs(d - i) <= NEAR);
  });
  // (a district that opens the sentence as the subject of a participation activity organises it: «Bydel Gamle Oslo
  // ønsker innspill fra alle som bruker parken», «Bydelen inviterer til folkemøte» — it involves others, it is not
  // involved; not when it is involved itself: «Bydelene skal involveres»)
  const organiser = () => {
    const first = firstNonPunct(words);
    const d0 = districtIdx[0];
    // (not when a district is also a partner, «med bydelen», «og bydelene»; a district named as a place of the people
    // asked, «fra deg som bor i bydelen», leaves the organiser one)
    if (d0 === undefined || d0 > first + 2 || districtIdx.some((d) => /^(med|fra|frå|og)$/.test(lower[d - 1] ?? ''))) return false;
    if (collaboration || !facts.matches.some((m) => m.category === 'cocreation')) return false;
    // the verb right after the district's name («Bydel Gamle Oslo ønsker …»), or right before it in inverted order
    // («Nå ønsker Bydel Søndre Nordstrand dine innspill»)
    const v = wordAt(words, dm[0].end);
    return (d0 <= first + 1 && v >= 0 && ORGANISE.test(lower[v])) || (d0 > first && ORGANISE.test(lower[d0 - 1]) && lower[d0 - 1] !== 'har');
  };
  if ((partner || lower.some((w, i) => INVOLVED.test(w) && near(i))) && !organiser()) return 'involved';
  // invited: «invitere bydelene til et dialogmøte», «bydelene inviteres til …» (not a district that invites others)
  for (let i = 0; i + 1 < lower.length; i++) {
    if (/^(invitere|inviterer|inviterte|invitert)$/.test(lower[i]) && DISTRICT.test(lower[i + 1])) return 'involved';
    if (!DISTRICT.test(lower[i])) continue;
    // the verb of the subject the district opens, past the rest of a list and the auxiliaries: «bydelene blir
    // invitert», «bydelene, etatene og brukerorganisasjonene vil bli invitert til å delta», «de fire bydelene i
    // Groruddalen får delta i arbeidet»
    // (not a district named as the place of those invited: «Befolkningen og foreninger i Bydel Søndre Nordstrand blir
    // invitert»)
    if (!placeAt(i) && INVITED.test(lower[verbIndexOfSubject(words, i)] ?? '')) return 'involved';
  }
  return 'mentioned';
}
