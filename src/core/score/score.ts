import { ActorLevel, DocumentAnalysis, Score, ScoreComponent, SentenceAnalysis } from '../types';
import { countWords } from '../tokenize/words';
import { DocumentKind, DocumentStance } from '../classify/actors';

/**
 * The document score, −100 (top-down) … +100 (enabling): a sum of named components, each a saturating
 * function of a measured quantity, so that the contributions add up to the score exactly. The formula is
 * documented in docs/scoring.md; keep both in step.
 */

/**
 * How much an obligation counts, by the kind of document and where the obliged actor stands relative to the
 * writer. A steering letter's «skal» binds its addressee (agentless «Det skal rapporteres» too); a
 * consultation response's «må» is mostly a demand on the state — advocacy, not steering of anyone below.
 */
export const ACTOR_WEIGHT: Record<DocumentKind, Record<ActorLevel, number>> = {
  steering: { subordinate: 1, unknown: 1, peer: 0.5, self: 0.25, superior: 0.15 },
  plan: { subordinate: 1, unknown: 0.7, peer: 0.5, self: 0.5, superior: 0.15 },
  'white-paper': { subordinate: 1, unknown: 0.5, peer: 0.4, self: 0.25, superior: 0.15 },
  report: { subordinate: 0.8, unknown: 0.4, peer: 0.4, self: 0.25, superior: 0.15 },
  consultation: { subordinate: 0.6, unknown: 0.2, peer: 0.3, self: 0.2, superior: 0.1 },
  unknown: { subordinate: 1, unknown: 0.5, peer: 0.5, self: 0.25, superior: 0.15 },
};

/** How much a control sentence counts when it is not itself an obligation (a mention of reporting). */
export const CONTROL_MENTION_WEIGHT: Record<DocumentKind, number> = {
  steering: 0.7,
  plan: 0.6,
  'white-paper': 0.4,
  report: 0.4,
  consultation: 0.3,
  unknown: 0.5,
};

export const SCORE_PARAMS = {
  directive: { max: 40, half: 6 },
  control: { max: 20, half: 4 },
  enabling: { max: 40, half: 6 },
  balance: { max: 10, half: 4 },
  district: { max: 10, half: 2 },
};

const sat = (x: number, half: number) => (x <= 0 ? 0 : x / (x + half));
const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;

export function obligationWeight(s: SentenceAnalysis, stance: Pick<DocumentStance, 'kind'>): number {
  if (!s.directive) return 0;
  let w = ACTOR_WEIGHT[stance.kind][s.actorLevel];
  if (s.framing === 'enabling') w *= 0.3;
  return w;
}

export function labelFor(value: number): string {
  if (value <= -40) return 'strongly top-down';
  if (value <= -15) return 'top-down';
  if (value < 15) return 'balanced';
  if (value < 40) return 'enabling';
  return 'strongly enabling';
}

export function scoreDocument(sentences: SentenceAnalysis[], words: number, stance: Pick<DocumentStance, 'kind'>): Score {
  return scoreWith(sentences, words, stance).score;
}

/** The score, and the components' contributions before rounding (for sentence impacts). */
function scoreWith(sentences: SentenceAnalysis[], words: number, stance: Pick<DocumentStance, 'kind'>): { score: Score; exact: number[] } {
  const k = Math.max(words, 100) / 1000;
  const P = SCORE_PARAMS;

  const dirSent = sentences.filter((s) => s.directive);
  const dirWeight = dirSent.reduce((a, s) => a + obligationWeight(s, stance), 0);
  const D = dirWeight / k;

  const ctlSent = sentences.filter((s) => s.control && s.framing !== 'enabling');
  const ctlWeight = ctlSent.reduce((a, s) => a + (s.directive ? obligationWeight(s, stance) : CONTROL_MENTION_WEIGHT[stance.kind]), 0);
  const C = ctlWeight / k;

  const enaSent = sentences.filter((s) => s.framing === 'enabling');
  const E = enaSent.length / k;

  const deonticSent = sentences.filter((s) => s.deontic !== 'none' && s.deontic !== 'intention');
  const soft = deonticSent.filter((s) => s.deontic === 'permission' || s.deontic === 'recommendation');
  const share = deonticSent.length ? soft.length / deonticSent.length : 0.5;

  const distSent = sentences.filter((s) => s.district === 'obligated' || s.district === 'enabled' || s.district === 'involved');
  const good = distSent.filter((s) => s.district !== 'obligated').length;
  const R = distSent.length ? (good - (distSent.length - good)) / distSent.length : 0;

  const components: ScoreComponent[] = [
    {
      id: 'directive',
      label: 'Directive density (obligations per 1,000 words, weighted by who is obliged)',
      value: round1(D),
      unit: 'per 1,000 words',
      contribution: round1(-P.directive.max * sat(D, P.directive.half)),
      sentences: dirSent.map((s) => s.index),
    },
    {
      id: 'control',
      label: 'Control density (reporting, deadlines, indicators per 1,000 words, weighted)',
      value: round1(C),
      unit: 'per 1,000 words',
      contribution: round1(-P.control.max * sat(C, P.control.half)),
      sentences: ctlSent.map((s) => s.index),
    },
    {
      id: 'enabling',
      label: 'Enabling density (discretion, trust, resources, participation, advice per 1,000 words)',
      value: round1(E),
      unit: 'per 1,000 words',
      contribution: round1(P.enabling.max * sat(E, P.enabling.half)),
      sentences: enaSent.map((s) => s.index),
    },
    {
      id: 'balance',
      label: 'Share of permissions and recommendations among deontic sentences',
      value: round1(share * 100),
      unit: '%',
      contribution: round1(2 * P.balance.max * (share - 0.5) * (deonticSent.length / (deonticSent.length + P.balance.half))),
      sentences: soft.map((s) => s.index),
    },
    {
      id: 'district',
      label: "Districts' roles: enabled or involved versus obligated",
      value: round1(R * 100),
      unit: '% (net)',
      contribution: round1(P.district.max * R * (distSent.length / (distSent.length + P.district.half))),
      sentences: distSent.map((s) => s.index),
    },
  ];
  const exact = [
    -P.directive.max * sat(D, P.directive.half),
    -P.control.max * sat(C, P.control.half),
    P.enabling.max * sat(E, P.enabling.half),
    2 * P.balance.max * (share - 0.5) * (deonticSent.length / (deonticSent.length + P.balance.half)),
    P.district.max * R * (distSent.length / (distSent.length + P.district.half)),
  ];
  const value = round1(components.reduce((a, c) => a + c.contribution, 0));
  const directiveAxis = (P.directive.max * sat(D, P.directive.half) + P.control.max * sat(C, P.control.half)) / (P.directive.max + P.control.max);
  const enablingAxis = sat(E, P.enabling.half);
  return {
    score: {
      value,
      label: labelFor(value),
      axes: { directive: Math.round(directiveAxis * 100), enabling: Math.round(enablingAxis * 100) },
      components,
    },
    exact,
  };
}

export interface SentenceImpact {
  /** How much the score moves because of this sentence (score with it − score without it). */
  delta: number;
  /** The same, per component. */
  components: { id: string; delta: number }[];
}

/**
 * How much one sentence moved the score: the document scored with and without it. Used by hovers and the
 * sidebar to say «this sentence: −1.2».
 */
export function sentenceImpact(analysis: DocumentAnalysis, index: number): SentenceImpact {
  const kind = analysis.stance.kind as DocumentKind;
  const content = analysis.sentences.filter((s) => !s.excluded);
  const without = content.filter((s) => s.index !== index);
  const wordsOf = (s: SentenceAnalysis) => countWords(s.text);
  const target = analysis.sentences[index];
  const words = target && !target.excluded ? analysis.words - wordsOf(target) : analysis.words;
  // from the unrounded contributions: in a document dense with obligations, one more moves a saturated
  // component by less than the score's 0.1 rounding, and the reader should still see its sign
  const a = scoreWith(content, analysis.words, { kind });
  const b = scoreWith(without, words, { kind });
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  return {
    delta: round2(sum(a.exact) - sum(b.exact)),
    components: a.score.components.map((c, i) => ({ id: c.id, delta: round2(a.exact[i] - b.exact[i]) })),
  };
}
