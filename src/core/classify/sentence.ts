import type { ActorLevel, Deontic, DistrictRole, Range, SentenceLabels, TermMatch, Token } from '../types';
import type { LexiconEntry } from '../lexicon';
import type { CompiledLexicon } from '../match/matcher';
import type { Standard } from '../tag';
import { DocumentStance, levelOf, Level } from './actors';
import { ORDER_VERBS, readCues, Reading } from './deontic';
import { deonticFeatures, SentenceFacts } from './features';
import { classifierModels, ClassifierModels } from './models';
import { explainEvidence } from './explain';
import { districtRole } from './district';
import { ruleFraming } from './framing';
import { plainWords, standardOf, toWords } from './words';
import { topicRules } from './topics';
import { accountsPresented, measurableTarget, ruleCategories } from './categories';
import { plainSpacing } from '../tokenize/chars';

/**
 * Sentence classification: deontic force, the actor it binds, topic categories, district role and framing, as
 * defined in the labelling guide (test/fixtures/gold/GUIDE.md).
 *
 *   tokens → word classes (tag/) → clauses and cue readings by rule (clause.ts, deontic.ts)
 *          → the learned layer weighs the rules' facts and the sentence's verbs (learned.ts, model.json)
 *          → topic categories by rule (categories.ts, topics.ts), district role (district.ts), framing (framing.ts)
 *          → labels, each with the reason that decided it.
 *
 * The rules own the rare forces (prohibition, permission) and the topic categories; the learned layer may overrule
 * a soft deontic verdict (none, intention, obligation, recommendation) when it is sure. Framing is the rules'.
 */

export interface ClassifyContext {
  /** What the document is and who writes it (only in document analysis; `classify` reads sentences alone). */
  stance?: DocumentStance;
  /** Written standard; detected from the sentence when absent. */
  standard?: Standard;
  /** The learned models; `null` = rules only; default: the shipped models. */
  models?: ClassifierModels | null;
}

export interface Classification extends SentenceLabels {
  cue?: TermMatch;
  actorRange?: Range;
  actorLevel: ActorLevel;
  /** What decided the deontic label and the framing, in one short phrase each. */
  reason: { deontic: string; framing: string };
}

const RULE_ONLY: ReadonlySet<Deontic> = new Set(['prohibition', 'permission']);

/** How sure the learned layer must be (score margin over the rules' label) to overrule the rules. */
export const MARGIN = { deontic: 1 };
const SELF_NAMES = /^(vi|me|oss)$/i;

/**
 * The facts of a sentence. Only a sentence with a deontic cue is tagged and read clause by clause; the others
 * keep their word forms (their topics and framing need no word classes), which keeps a long document fast.
 */
export function sentenceFacts(text: string, tokens: Token[], found: TermMatch[], compiled: CompiledLexicon, standard?: Standard): SentenceFacts {
  const entry = (id: string): LexiconEntry | undefined => compiled.byId.get(id);
  // the rules read a match's words with single spaces and without invisible format characters («i  løpet av våren»,
  // «oppfø\u00adlging» from a word processor or a web page); its offsets stay the source's
  let matches = found;
  for (let k = 0; k < found.length; k++) {
    const plain = plainSpacing(found[k].text);
    if (plain === found[k].text) continue;
    if (matches === found) matches = found.slice();
    matches[k] = { ...found[k], text: plain };
  }
  const tagged = matches.some((m) => entry(m.entry)?.cue !== undefined);
  const words = tagged ? toWords(tokens, standard ?? standardOf(tokens)) : plainWords(tokens);
  const readings = tagged ? readCues(text, words, matches, entry) : [];
  return { words, tagged, readings, matches, entry };
}

/**
 * The reading that carries the sentence's force: of the modals with that force, the first that binds a body or people
 * (it has an actor), else the first: «Brukarane og pårørande skal vere med og utforme tenestene, og kommunen vil nytte
 * erfaringane …» (the users' «skal» is a vision that binds no one; the commitment is the municipality's), «Midlene kan
 * benyttes fritt …, og bydelene kan selv velge …».
 */
function chosenReading(readings: readonly Reading[], deontic: Deontic, words: SentenceFacts['words']): Reading | undefined {
  let first: Reading | undefined;
  // (items of a list run together, «… til rett tid - Kommunen skal ha oversikt … - Sykehus og kommune skal …», have
  // a subject each and no single actor: the first item's reading stands)
  const list = words.some((w, i) => i > 0 && (w.text === '-' || w.text === '–' || w.text === '•') && /^\p{Lu}/u.test(words[i + 1]?.text ?? ''));
  for (const r of readings) {
    if (r.force !== deontic) continue;
    // (a body or people, not a thing whose «bør være» names no one, and not words quoted as words: «Formuleringen
    // «kommunen skal sørge for» bør erstattes …»)
    const agent = r.actor !== undefined && (r.subject?.kind === 'org' || r.subject?.kind === 'self' || r.subject?.kind === 'people');
    if (agent && !list && !insideQuotes(words, r.cue.start)) return r;
    first ??= r;
  }
  return first ?? (deontic === 'none' ? undefined : readings[0]);
}

/** Whether an offset lies inside «…» (more opening than closing guillemets before it). */
function insideQuotes(words: SentenceFacts['words'], offset: number): boolean {
  let open = 0;
  for (const w of words) {
    if (w.start >= offset) break;
    if (w.text === '«') open++;
    else if (w.text === '»' && open > 0) open--;
  }
  return open > 0;
}

export function decide(facts: SentenceFacts, text: string, context: ClassifyContext = {}): Classification {
  // a sentence with no cue, no lexicon term and no topic rule says nothing the labels count: the defaults, at once
  if (!facts.tagged && facts.matches.length === 0) {
    const topics = topicRules(facts.words);
    // (a measurable target needs no lexicon term: «Ventetiden er redusert til 19 dager, og målet er dermed nådd»)
    if (!topics.innovation && !topics.cocreation && !measurableTarget(facts.words, 'none') && !accountsPresented(facts.words)) {
      // (an infinitive task in a steering letter is still top-down)
      const f = ruleFraming({ facts, deontic: 'none', categories: PLAIN, districtEnabled: false, actorLevel: 'unknown', documentKind: context.stance?.kind });
      return f.framing === 'neutral' ? PLAIN : { ...PLAIN, framing: f.framing, reason: { deontic: PLAIN.reason.deontic, framing: f.reason } };
    }
  }
  const models = context.models === undefined ? classifierModels() : context.models;
  const readings = facts.readings;
  const rule = readings[0]?.force ?? 'none';

  // ── deontic force ──
  let deontic: Deontic = rule;
  let deonticReason = readings[0]?.reason ?? 'no deontic cue';
  // the learned layer may overrule a soft verdict (who a subject is, what a modal means there) when it is sure;
  // structural verdicts (governors, negation, steering phrases, prohibition, permission) stay
  if (models && !RULE_ONLY.has(rule) && !(readings[0]?.hard ?? false)) {
    const p = models.deontic.predict(deonticFeatures(facts), (c) => !RULE_ONLY.has(c as Deontic) && (readings.length > 0 || c === 'intention' || c === 'none'));
    if (p.label !== rule && p.margin >= MARGIN.deontic) {
      deontic = p.label as Deontic;
      deonticReason = explainEvidence(p);
    }
  }
  let reading = chosenReading(readings, deontic, facts.words);

  // document context: the writer's own «skal» is a plan; in a steering letter an agentless «skal» is an order, in a
  // white paper an agentless passive «skal» the government's plan
  const stance = context.stance;
  if (stance && reading?.lemma === 'skulle' && !reading.pred?.negated) {
    const subj = reading.subject;
    if (deontic === 'obligation' && subj && stance.isWriter(subj.text)) {
      deontic = 'intention';
      deonticReason = `«skal» with the writer (${subj.text}) as subject: own plan`;
    } else if (deontic === 'intention' && stance.kind === 'steering' && (!subj || subj.kind === 'thing' || subj.kind === 'expletive' || subj.kind === 'org') && !(subj && stance.isWriter(subj.text))) {
      deontic = 'obligation';
      deonticReason = 'in a steering letter, «skal» without the writer as subject: an order';
    } else if (
      deontic === 'obligation' &&
      stance.kind === 'white-paper' &&
      reading.pred?.passive &&
      !reading.pred.deadline &&
      !(reading.mainLemma !== undefined && ORDER_VERBS.test(reading.mainLemma)) &&
      !facts.matches.some((m) => m.category === 'control') &&
      (!subj || subj.kind === 'thing' || subj.kind === 'expletive')
    ) {
      // a white paper states what the government will do: «Forløpene skal forenkles», «Data skal deles og brukes slik
      // at …» (an order to someone else names them, or a deadline, a delivery or a report: «Rapporten skal oversendes»). (Not a plan: a unit's action plan instructs its own
      // staff with the same words, «Stillingsutlysninger skal utformes bredt».)
      deontic = 'intention';
      deonticReason = "in a white paper, an agentless passive «skal»: the government's own plan";
    }
    reading = chosenReading(readings, deontic, facts.words);
  }
  // a «skal» or «må» read as a body's own plan or a purpose is a legal duty when the sentence cites the law it follows
  // from («Kommunen skal legge til rette for medvirkning, jf. plan- og bygningsloven § 5-1», «Kontrollutvalet skal føre
  // tilsyn … etter kommunelova»)
  if (deontic === 'intention' && reading && (reading.lemma === 'skulle' || reading.lemma === 'måtte') && !reading.pred?.negated && citesLaw(facts.words)) {
    deontic = 'obligation';
    deonticReason = `«${reading.cue.text.toLowerCase()}» with a law cited: a legal duty`;
  }
  const directive = deontic === 'obligation' || deontic === 'prohibition';
  // the actor: the reading's own when its force was kept; when the learned layer changed the force, the reading's
  // subject if it is a body (an intention keeps the body that commits itself)
  let actorInfo: Reading['actor'];
  if (deontic !== 'none' && reading) {
    if (reading.force === deontic) actorInfo = reading.actor;
    else if (deontic === 'intention') actorInfo = reading.actor ?? agentOf(reading);
    else actorInfo = reading.pred?.passive ? undefined : agentOf(reading);
  }
  const actor = actorInfo ? actorInfo.text : null;
  const actorRange = actorInfo ? { start: actorInfo.start, end: actorInfo.end } : undefined;

  // ── topic categories: by rule (learned models for them did no better, cross-validated by document) ──
  const categories = ruleCategories(facts, text, deontic);

  // ── actor level, district role, framing ──
  const level: Level | undefined = actor ? levelOf(actor, stance) : undefined;
  const actorLevel: ActorLevel = !actor
    ? 'unknown'
    : SELF_NAMES.test(actor) || stance?.isWriter(actor)
      ? 'self'
      : stance
        ? relative(level, stance.writerLevel)
        : 'unknown';
  const district: DistrictRole = districtRole(facts, deontic, actor, categories.collaboration);
  // framing is the rules' alone (framing.ts), from everything decided above
  const { framing, reason: framingReason } = ruleFraming({ facts, deontic, categories, districtEnabled: district === 'enabled', actorLevel, documentKind: stance?.kind });
  return {
    deontic,
    directive,
    actor,
    district,
    ...categories,
    framing,
    cue: reading?.cue,
    actorRange,
    actorLevel,
    reason: { deontic: deonticReason, framing: framingReason },
  };
}

const PLAIN: Classification = Object.freeze({
  deontic: 'none',
  directive: false,
  actor: null,
  district: 'none',
  innovation: false,
  cocreation: false,
  collaboration: false,
  control: false,
  framing: 'neutral',
  actorLevel: 'unknown',
  reason: Object.freeze({ deontic: 'no deontic cue', framing: 'no steering, enabling or topic term' }),
}) as Classification;

/** «jf. … § 5-1», «etter kommuneloven», «i medhold av forskrifta», «lovpålagt»: the sentence cites the law a duty follows from. */
const LAW_AFTER = /^(jf|jf\.|jfr|jfr\.|etter|iht\.?|ifølge|ifølgje)$/;
/** The same, in two or three words («i henhold til», «i medhold av», «følger av», «i følge»). */
const LAW_AFTER_PHRASE = /^(i henhold til|i medhald av|i medhold av|følger av|følgjer av|i følge|i følgje)$/;
const LAW = /(loven|lova|lovens|lovas|forskriften|forskrifta|§)$|^§/;
function citesLaw(words: readonly { lower: string; text: string }[]): boolean {
  if (words.some((w) => /^lovpålag/.test(w.lower) || w.text === '§')) return true;
  for (let i = 0; i < words.length; i++) {
    let after = -1;
    if (LAW_AFTER.test(words[i].lower) || (words[i].lower === 'jf' && words[i + 1]?.text === '.')) after = i;
    else if (LAW_AFTER_PHRASE.test(`${words[i].lower} ${words[i + 1]?.lower ?? ''}`)) after = i + 1;
    else if (LAW_AFTER_PHRASE.test(`${words[i].lower} ${words[i + 1]?.lower ?? ''} ${words[i + 2]?.lower ?? ''}`)) after = i + 2;
    if (after < 0) continue;
    for (let k = after + 1; k < Math.min(words.length, after + 6); k++) if (LAW.test(words[k].lower)) return true;
  }
  return false;
}

function agentOf(r: Reading) {
  const s = r.subject;
  return s && (s.kind === 'org' || s.kind === 'self') ? s : undefined;
}

function relative(level: Level | undefined, writer: Level | undefined): ActorLevel {
  if (level === undefined || writer === undefined) return 'unknown';
  if (level < writer) return 'subordinate';
  if (level > writer) return 'superior';
  return 'peer';
}

export function classifyTokens(
  text: string,
  tokens: Token[],
  matches: TermMatch[],
  compiled: CompiledLexicon,
  context: ClassifyContext = {},
): Classification {
  return decide(sentenceFacts(text, tokens, matches, compiled, context.standard), text, context);
}
