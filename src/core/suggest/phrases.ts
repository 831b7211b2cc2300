import type { Standard } from '../tag';

/**
 * The words the rewrites put in, in each written standard. A rewrite is written in the sentence's own standard:
 * a Nynorsk sentence gets «og vel sjølv form», a Bokmål one «og velger selv form».
 */
export interface Phrases {
  /** Room appended to a mandate («Bydelene rapporterer … og velger selv form»). */
  chooseForm: string;
  may: string;
  should: string;
  /** «står fritt til å»: split around the subject in inverted order («står X fritt til å»). */
  freeVerb: string;
  freeRest: string;
  /** «får handlingsrom til å» */
  roomVerb: string;
  roomRest: string;
  /** «ønsker at», «anbefaler at», «har tillit til at» */
  wish: string;
  advise: string;
  trust: string;
  /** The same after «vil», «kan»: «ønske at», «anbefale at» */
  wishInfinitive: string;
  adviseInfinitive: string;
  /** «inviterer X til å», «inviteres til å», «invitert til å», «invitere» */
  invite: string;
  invitePassive: string;
  invitedParticiple: string;
  inviteInfinitive: string;
  /** «oppfordrer», «oppfordres», «oppfordret», «oppfordre» */
  encourage: string;
  encouragePassive: string;
  encourageParticiple: string;
  encourageInfinitive: string;
  /** «ønsker» + object («ber om en rapport» → «ønsker en rapport») */
  wishObject: string;
  wishObjectInfinitive: string;
  /** «ønskelig» («er nødvendig at» → «er ønskelig at») */
  desirableAdjective: string;
  /** «er … ønskelig med» («Det bes om X» → «Det er ønskelig med X») */
  desirable: string;
  /** «anledning til å» («i oppdrag å» → «anledning til å») */
  opportunity: string;
  useful: string;
  /** «gir rom for å» («Bevilgningen benyttes til å …» → «Bevilgningen gir rom for å …») */
  givesRoomFor: string;
  /** «kan gå til» (funds) */
  mayGoTo: string;
  /** «, etter eget skjønn,» after a task's verb */
  ownJudgement: string;
  /** «(kan justeres i dialog)» after a deadline's date */
  adjustableDeadline: string;
  /** «Veiledende frist» */
  guidingDeadline: string;
  responsibilityAndRoom: string;
  notRecommended: string;
  discouraged: string;
}

const NB: Phrases = {
  chooseForm: 'og velger selv form',
  may: 'kan',
  should: 'bør',
  freeVerb: 'står',
  freeRest: 'fritt til å',
  roomVerb: 'får',
  roomRest: 'handlingsrom til å',
  wish: 'ønsker at',
  advise: 'anbefaler at',
  trust: 'har tillit til at',
  wishInfinitive: 'ønske at',
  adviseInfinitive: 'anbefale at',
  invite: 'inviterer',
  invitePassive: 'inviteres',
  invitedParticiple: 'invitert',
  inviteInfinitive: 'invitere',
  encourage: 'oppfordrer',
  encouragePassive: 'oppfordres',
  encourageParticiple: 'oppfordret',
  encourageInfinitive: 'oppfordre',
  wishObject: 'ønsker',
  wishObjectInfinitive: 'ønske',
  desirableAdjective: 'ønskelig',
  desirable: 'ønskelig med',
  opportunity: 'anledning til å',
  useful: 'nyttig',
  givesRoomFor: 'gir rom for',
  mayGoTo: 'kan gå til',
  ownJudgement: 'etter eget skjønn',
  adjustableDeadline: 'kan justeres i dialog',
  guidingDeadline: 'Veiledende frist',
  responsibilityAndRoom: 'har ansvar og handlingsrom til å',
  notRecommended: 'ikke anbefalt',
  discouraged: 'frarådet',
};

const NN: Phrases = {
  chooseForm: 'og vel sjølv form',
  may: 'kan',
  should: 'bør',
  freeVerb: 'står',
  freeRest: 'fritt til å',
  roomVerb: 'får',
  roomRest: 'handlingsrom til å',
  wish: 'ønskjer at',
  advise: 'tilrår at',
  trust: 'har tillit til at',
  wishInfinitive: 'ønskje at',
  adviseInfinitive: 'tilrå at',
  invite: 'inviterer',
  invitePassive: 'inviterast',
  invitedParticiple: 'invitert',
  inviteInfinitive: 'invitere',
  encourage: 'oppmodar',
  encouragePassive: 'oppmodast',
  encourageParticiple: 'oppmoda',
  encourageInfinitive: 'oppmode',
  wishObject: 'ønskjer',
  wishObjectInfinitive: 'ønskje',
  desirableAdjective: 'ønskjeleg',
  desirable: 'ønskjeleg med',
  opportunity: 'høve til å',
  useful: 'nyttig',
  givesRoomFor: 'gjev rom for',
  mayGoTo: 'kan gå til',
  ownJudgement: 'etter eige skjønn',
  adjustableDeadline: 'kan justerast i dialog',
  guidingDeadline: 'Rettleiande frist',
  responsibilityAndRoom: 'har ansvar og handlingsrom til å',
  notRecommended: 'ikkje tilrådd',
  discouraged: 'frårådd',
};

export function phrases(std: Standard): Phrases {
  return std === 'nn' ? NN : NB;
}
