import {
  ActorLevel,
  Deontic,
  DistrictRole,
  Framing,
  Range,
  SentenceLabels,
  TermMatch,
  Token,
} from '../types';
import { grammar } from '../lexicon';
import { CompiledLexicon } from '../match/matcher';
import { isAgent, levelOf, DocumentStance, Level } from './actors';

/**
 * Sentence classification: deontic force, the actor it binds, categories, district role and framing,
 * as defined in the labelling guide (test/fixtures/gold/GUIDE.md). Rules work on tokens with offsets and on
 * the lexicon's matches; word classes come from lexicon/grammar.json.
 */

export interface ClassifyContext {
  /** What the document is and who writes it (affects framing of obligations and the actor's level). */
  stance?: DocumentStance;
}

export interface Classification extends SentenceLabels {
  cue?: TermMatch;
  actorRange?: Range;
  actorLevel: ActorLevel;
}

const G = {
  neg: new Set(grammar.negations),
  pron: new Set(grammar.pronounSubjects),
  self: new Set(grammar.selfSubjects),
  generic: new Set(grammar.genericSubjects),
  expletive: new Set(grammar.expletiveSubjects),
  epiKan: new Set(grammar.epistemicAfterKan),
  epiMaa: new Set(grammar.epistemicAfterMaa),
  stative: new Set(grammar.statives),
  futVil: new Set(grammar.futureAfterVil),
  goal: new Set(grammar.goalSubjects),
  prep: new Set(grammar.prepositions),
  advStart: new Set(grammar.adverbialStarters.filter((a) => !a.includes(' '))),
  passiveExc: new Set(grammar.passiveExceptions),
  taskVerbs: new Set(grammar.infinitiveTaskVerbs),
  vision: new Set(grammar.visionVerbs),
  permPassive: new Set(grammar.permissionPassives),
  grants: grammar.resourceGrants,
};

const SUBORDINATORS = new Set(['at', 'som', 'hvor', 'der', 'når', 'dersom', 'hvis', 'fordi', 'mens', 'ettersom', 'fordi', 'om', 'da', 'så', 'kor', 'viss', 'sidan', 'siden']);
const BOUNDARY_PUNCT = new Set([',', ';', ':', '(', ')', '–', '—', '•', '?', '!', '-']);
const SKIP_AFTER_VERB = new Set([
  'også', 'ikke', 'ikkje', 'derfor', 'difor', 'likevel', 'dessuten', 'særlig', 'bare', 'berre', 'gjerne', 'alltid', 'nå', 'no',
  'fortsatt', 'framleis', 'først', 'heller', 'dermed', 'snarest', 'raskt', 'primært', 'fortrinnsvis', 'i', 'større', 'grad', 'blant',
  'annet', 'anna', 'ved', 'behov', 'med', 'dette', 'som', 'hovedregel', 'utgangspunktet', 'selv', 'sjølv', 'da', 'videre', 'vidare',
  'samtidig', 'også', 'snart', 'mulig', 'så',
]);
const DETERMINERS = new Set([
  'den', 'det', 'de', 'dei', 'en', 'et', 'ei', 'ein', 'eit', 'nye', 'ny', 'nytt', 'alle', 'hver', 'kvar', 'ulike', 'flere', 'fleire', 'mange',
  'disse', 'desse', 'denne', 'dette', 'dagens', 'framtidens', 'fremtidens', 'følgende', 'følgjande', 'samtlige', 'enkelte', 'andre',
  'offentlige', 'offentleg', 'kommunale', 'statlige', 'regionale', 'moderne', 'sentrale', 'lokale', 'aktuelle', 'relevante', 'berørte',
  'øvrige', 'nasjonale', 'store', 'små', 'gode', 'egne', 'sine', 'sin', 'sitt', 'våre', 'vår', 'vårt', 'deres', 'hele', 'heile',
]);
const PASSIVE_AUX = new Set(['bli', 'blir', 'bli', 'verte', 'vert', 'blitt', 'vorte']);
/** Cues whose complement clause takes their force: «ønsker at det skal …» is a recommendation. */
const GOVERNING_CONTEXT = ['ønsker at', 'ønskjer at', 'anbefaler at', 'anbefales at', 'foreslår at', 'foreslås at', 'ønskelig at', 'ønskjeleg at', 'oppfordrer til'];
const NONDEONTIC_CONTEXT = ['medføre at', 'føre til at', 'medfører at', 'fører til at', 'for at', 'slik at', 'så at', 'dersom', 'hvis', 'viss', 'opplever å', 'tror at', 'mener at'];
const SHORT_PASSIVES = new Set(['ses', 'sees', 'gis', 'tas', 'fås', 'nås', 'sås', 'bes', 'sies', 'gjøres']);
const SELF_NAMES = new Set(['vi', 'me', 'oss']);

interface Ctx {
  text: string;
  tokens: Token[];
  /** Word-or-punct tokens in order. */
  t: Token[];
  lower: string[];
  stance?: DocumentStance;
}

function idxAt(ctx: Ctx, offset: number): number {
  for (let i = 0; i < ctx.t.length; i++) if (ctx.t[i].start >= offset) return i;
  return ctx.t.length;
}

function isBoundary(ctx: Ctx, i: number): boolean {
  const tok = ctx.t[i];
  // «Som følge av …», «Som ledd i …» open an adverbial, not a relative clause
  if (tok.lower === 'som' && (i === 0 || ctx.t[i - 1].kind === 'punct') && /^(følge|ledd|en|et|del)$/.test(ctx.lower[i + 1] ?? '')) return false;
  if (tok.kind === 'punct') {
    // a period inside a date or number («28.05.2014», «kap. 3») is no clause boundary
    if (tok.text === '.') return i + 1 >= ctx.t.length || ctx.t[i + 1].start > tok.end && /\p{Lu}/u.test(ctx.t[i + 1].text[0]);
    if (tok.text === '-') return i + 1 >= ctx.t.length || ctx.t[i + 1].start > tok.end;
    return BOUNDARY_PUNCT.has(tok.text);
  }
  return SUBORDINATORS.has(tok.lower);
}

/** Index of the first token of the clause that contains token i. */
function clauseStart(ctx: Ctx, i: number): number {
  let s = i - 1;
  while (s >= 0 && !isBoundary(ctx, s)) s--;
  return s + 1;
}

function looksPassive(ctx: Ctx, vi: number): boolean {
  const w = ctx.lower[vi];
  if (!w || ctx.t[vi].kind !== 'word') return false;
  if (PASSIVE_AUX.has(w)) return true;
  if (G.passiveExc.has(w)) return false;
  if (SHORT_PASSIVES.has(w)) return true;
  if (/(es|ast|st)$/.test(w) && w.length > 4 && !/(ss|nes)$/.test(w)) return true;
  if (/[^aeiouyæøå]s$/.test(w) && w.length > 4 && /(ts|ks|ps|gs|ds|ls|ms|ns|rs|vs)$/.test(w) && !/(ss|ns)$/.test(w)) return true;
  return false;
}

/** Skips adverbs after a verb; returns the index of the next content token. */
function skipAdverbs(ctx: Ctx, i: number): number {
  while (i < ctx.t.length && (SKIP_AFTER_VERB.has(ctx.lower[i]) || ctx.t[i].kind === 'punct' && ctx.t[i].text !== '.')) {
    if (ctx.t[i].kind === 'punct' && BOUNDARY_PUNCT.has(ctx.t[i].text) && ctx.t[i].text !== ',') break;
    i++;
  }
  return i;
}

interface NP {
  head: number;
  start: number;
  end: number; // token index, inclusive
  text: string;
}

function npText(ctx: Ctx, s: number, e: number): string {
  return ctx.text.slice(ctx.t[s].start, ctx.t[e].end);
}

/** The noun phrase that starts at token i (determiners, adjectives, then the head; coordination with «og»). */
function npAfter(ctx: Ctx, i: number): NP | undefined {
  i = skipAdverbs(ctx, i);
  if (i >= ctx.t.length || ctx.t[i].kind !== 'word') return undefined;
  const start = i;
  if (G.pron.has(ctx.lower[i]) && !DETERMINERS.has(ctx.lower[i]) || ['det', 'den', 'de', 'dei', 'dette'].includes(ctx.lower[i]) && !isNounish(ctx, i + 1)) {
    return { head: i, start: i, end: i, text: ctx.t[i].text };
  }
  let j = i;
  let steps = 0;
  while (j + 1 < ctx.t.length && DETERMINERS.has(ctx.lower[j]) && ctx.t[j + 1].kind === 'word' && steps < 3) {
    j++;
    steps++;
  }
  let end = j;
  // proper names «Harstad kommune», «Statens vegvesen»
  if (j + 1 < ctx.t.length && /^(kommune|fylkeskommune|vegvesen|helsenett|sf|hf|kommunes)$/.test(ctx.lower[j + 1])) end = j + 1;
  // coordination «Sykehuset og bydelene»
  if (end + 2 < ctx.t.length && ctx.lower[end + 1] === 'og' && isAgent(ctx.lower[end + 2], ctx.t[end + 2].text) && isAgent(ctx.lower[end], ctx.t[end].text)) {
    end = end + 2;
  }
  return { head: end === j ? j : end, start, end, text: npText(ctx, start, end) };
}

function isNounish(ctx: Ctx, i: number): boolean {
  if (i >= ctx.t.length || ctx.t[i].kind !== 'word') return false;
  const w = ctx.lower[i];
  return /(en|et|ene|ane|a|er|ar|het|ing|sjon)$/.test(w) && !G.taskVerbs.has(w);
}

/** The noun phrase that ends just before token i, within its clause (head before a postmodifying PP). */
function npBefore(ctx: Ctx, i: number): NP | undefined {
  const cs = clauseStart(ctx, i);
  if (cs >= i) return undefined;
  let s = cs;
  // «… fra 28.05.2014 og målene skal»: an «og» that does not join two actors starts a new clause
  for (let k = i - 1; k > cs; k--) {
    if (ctx.lower[k] === 'og' && !isAgent(ctx.lower[k - 1], ctx.t[k - 1].text)) {
      s = k + 1;
      break;
    }
  }
  // drop leading adverbs
  while (s < i && ['også', 'derfor', 'dermed', 'samtidig', 'likevel'].includes(ctx.lower[s])) s++;
  if (s >= i) return undefined;
  // head region: up to the first preposition after the first word
  let e = i - 1;
  for (let k = s + 1; k < i; k++) {
    if (G.prep.has(ctx.lower[k]) && ctx.t[k].kind === 'word') {
      e = k - 1;
      break;
    }
  }
  while (e > s && ctx.t[e].kind === 'punct') e--;
  if (ctx.t[e].kind !== 'word' && ctx.t[e].kind !== 'number') return undefined;
  let start = e;
  // coordination and proper names
  if (e - 2 >= s && ctx.lower[e - 1] === 'og') start = e - 2;
  else if (e - 1 >= s && /^(kommune|fylkeskommune|vegvesen|helsenett|sf|hf)$/.test(ctx.lower[e]) && /^\p{Lu}/u.test(ctx.t[e - 1].text)) start = e - 1;
  return { head: e, start, end: e, text: npText(ctx, start, e) };
}

/** Is the clause of token i introduced by an adverbial (so the subject follows the finite verb)? */
const FINITE = new Set(['er', 'har', 'blir', 'var', 'hadde', 'ble', 'kan', 'skal', 'må', 'vil', 'bør', 'får', 'gjelder', 'finnes', 'vert', 'vart']);

function invertedClause(ctx: Ctx, verb: number): boolean {
  const cs = clauseStart(ctx, verb);
  if (cs >= verb) return false;
  // «Der det er hensiktsmessig bør …»: a fronted subordinate clause, the subject follows the verb
  if (cs > 0 && /^(der|når|dersom|hvis|om|fordi|ettersom|viss|sidan|siden)$/.test(ctx.lower[cs - 1])) {
    for (let k = cs; k < verb; k++) if (FINITE.has(ctx.lower[k])) return true;
  }
  const first = ctx.lower[cs];
  if (ctx.t[cs].kind === 'number') return true;
  if (G.advStart.has(first)) return true;
  if (cs > 0 && ctx.t[cs - 1].kind === 'punct' && ctx.t[cs - 1].text === ',' && verb - cs <= 1) return false;
  return false;
}

export interface CueAnalysis {
  force: Deontic;
  actor: NP | null;
  cue: TermMatch;
  passive: boolean;
}

function inQuote(ctx: Ctx, offset: number): boolean {
  // a cue inside a short quotation («ordet "skal"») is a mention; look only inside the sentence
  if (ctx.t.length === 0) return false;
  const from = ctx.t[0].start;
  const s = ctx.text.slice(from, ctx.t[ctx.t.length - 1].end);
  const rel = offset - from;
  const open = Math.max(s.lastIndexOf('«', rel), rel > 0 ? s.lastIndexOf('"', rel - 1) : -1, s.lastIndexOf('“', rel));
  if (open < 0) return false;
  let close = -1;
  for (const c of ['»', '"', '”']) {
    const k = s.indexOf(c, rel);
    if (k >= 0 && (close < 0 || k < close)) close = k;
  }
  if (close < 0) return false;
  const inner = s.slice(open + 1, close);
  if (/[«»"“”]/.test(inner)) return false;
  return inner.trim().split(/\s+/).length <= 3;
}

function contextBefore(ctx: Ctx, i: number, phrases: string[], within = 12): boolean {
  const from = Math.max(0, i - within);
  const seq = ' ' + ctx.lower.slice(from, i).join(' ') + ' ';
  return phrases.some((p) => seq.includes(' ' + p + ' '));
}

function subjectOfVerb(ctx: Ctx, vi: number): NP | null {
  const cs = clauseStart(ctx, vi);
  // relative clause: «X som skal …» → X; cleft «det er kommunen som skal» → kommunen
  if (cs > 0 && ctx.lower[cs - 1] === 'som' && cs === vi) {
    const np = npBefore(ctx, cs - 1);
    return np ?? null;
  }
  if (cs === vi) {
    // nothing before the verb in its clause: subject after it (question, inverted after a subordinate clause)
    return npAfter(ctx, vi + 1) ?? null;
  }
  if (invertedClause(ctx, vi)) return npAfter(ctx, vi + 1) ?? null;
  // a proper-noun agent right before the verb wins over a longer, merged phrase («… utredninger Helsereformutvalget skal»)
  const p = vi - 1;
  if (p > cs && ctx.t[p].kind === 'word' && /^\p{Lu}/u.test(ctx.t[p].text) && isAgent(ctx.lower[p], ctx.t[p].text) &&
      !G.prep.has(ctx.lower[p - 1]) && !/^\p{Lu}/u.test(ctx.t[p - 1].text)) {
    return { head: p, start: p, end: p, text: ctx.t[p].text };
  }
  return npBefore(ctx, vi) ?? null;
}

function mainVerbAfter(ctx: Ctx, i: number, subj: NP | null): number {
  let j = i + 1;
  if (subj && subj.start > i) j = subj.end + 1;
  j = skipAdverbs(ctx, j);
  return j;
}

function classifyModal(ctx: Ctx, m: TermMatch, mi: number): CueAnalysis | null {
  const w = ctx.lower[mi];
  const subj = subjectOfVerb(ctx, mi);
  const vi = mainVerbAfter(ctx, mi, subj);
  const verb = ctx.lower[vi] ?? '';
  // negation between the modal and the verb
  let negated = false;
  for (let k = mi + 1; k <= Math.min(vi, mi + 4) && k < ctx.t.length; k++) if (G.neg.has(ctx.lower[k])) negated = true;
  const subjWord = subj ? ctx.lower[subj.head] : '';
  const expletive = subj !== null && subj.start === subj.end && G.expletive.has(subjWord);
  let passive = looksPassive(ctx, vi) || (verb === 'bli' || verb === 'blir') || expletive && looksPassive(ctx, vi);
  if (expletive && !passive) {
    // «det skal være», «det må etableres»: look one further
    passive = looksPassive(ctx, skipAdverbs(ctx, vi + 1));
  }
  const generic = subj !== null && G.generic.has(subjWord) && subj.start === subj.end;
  const agent = subj !== null && !expletive && (isAgent(subjWord, ctx.t[subj.head].text) || G.self.has(subjWord));
  const goalSubj = subj !== null && G.goal.has(subjWord) && !expletive;
  const nondeontic = contextBefore(ctx, mi, NONDEONTIC_CONTEXT, 10) || contextBefore(ctx, mi, GOVERNING_CONTEXT, 10);
  const relative = cueIsRelative(ctx, mi);
  const intentionCtx = contextBefore(ctx, mi, grammar.intentionMarkers, 14);
  const actor = (a: NP | null): NP | null => (passive || !a || expletive || generic ? null : a);

  if (w === 'skal' || w === 'skulle') {
    if (w === 'skulle') return null;
    if (nondeontic) return null;
    if (verb === 'kunne') return null;
    if (negated) return { force: 'prohibition', actor: agent ? actor(subj) : null, cue: m, passive };
    if (intentionCtx || goalSubj) return { force: 'intention', actor: agent ? subj : null, cue: m, passive };
    if (subj && SELF_NAMES.has(subjWord)) return { force: 'intention', actor: subj, cue: m, passive };
    if (ctx.stance && subj && ctx.stance.isWriter(subj.text)) return { force: 'intention', actor: subj, cue: m, passive };
    if (G.stative.has(verb) && !passive) return { force: 'intention', actor: agent ? subj : null, cue: m, passive };
    // «… som skal toppfinansieres»: a relative clause describing how something works
    if (relative && !agent) return { force: 'intention', actor: null, cue: m, passive };
    // «Midlene skal understøtte …», «KI skal være nyttig»: a goal; «Rapporten skal inneholde …»: an instruction
    if (!passive && !agent && G.vision.has(verb)) return { force: 'intention', actor: null, cue: m, passive };
    if (!passive && !agent && ctx.stance === undefined && subj && G.pron.has(subjWord)) return { force: 'intention', actor: null, cue: m, passive };
    if (!passive && !agent) return { force: 'obligation', actor: null, cue: m, passive };
    return { force: 'obligation', actor: actor(subj), cue: m, passive };
  }
  if (w === 'må' || w === 'måtte') {
    if (w === 'måtte') return null;
    if (nondeontic) return null;
    if (generic) return null;
    if (G.epiMaa.has(verb)) return null;
    if (goalSubj && (G.stative.has(verb) || subjWord.startsWith('mål'))) return { force: 'intention', actor: null, cue: m, passive };
    if (negated) return { force: 'prohibition', actor: actor(subj), cue: m, passive };
    if ((verb === 'være' || verb === 'vere') && !agent) return null;
    return { force: 'obligation', actor: agent || passive ? actor(subj) : null, cue: m, passive };
  }
  if (w === 'bør' || w === 'burde') {
    if (w === 'burde') return null;
    if (nondeontic && !contextBefore(ctx, mi, ['at'], 3)) return null;
    return { force: 'recommendation', actor: subj && !expletive && !generic && !passive && !G.pron.has(subjWord) ? subj : null, cue: m, passive };
  }
  if (w === 'kan' || w === 'kunne') {
    if (w === 'kunne') return null;
    if (negated) {
      if (agent && !passive && !G.epiKan.has(verb)) return { force: 'prohibition', actor: subj, cue: m, passive };
      if (passive && /^(brukes|benyttes|overføres|omdisponeres|disponeres|dekkes|nyttast|brukast)$/.test(verb)) {
        return { force: 'prohibition', actor: null, cue: m, passive };
      }
      return null;
    }
    if (cueIsRelative(ctx, mi) || nondeontic) return null;
    // «Midlene kan også benyttes til …»: leave to use resources
    if (passive && G.permPassive.has(verb) && !expletive) return { force: 'permission', actor: null, cue: m, passive };
    if (!agent || passive || G.epiKan.has(verb) || G.stative.has(verb)) return null;
    if (subj && G.self.has(subjWord)) return null;
    return { force: 'permission', actor: subj, cue: m, passive };
  }
  if (w === 'vil' || w === 'ville') {
    if (w === 'ville') return null;
    if (negated) return null;
    if (G.futVil.has(verb) || G.futVil.has(ctx.lower[mi + 1] ?? '')) return null;
    if (!subj || expletive || generic) return null;
    if (!agent && !intentionCtx) return null;
    if (cueIsRelative(ctx, mi)) return null;
    return { force: 'intention', actor: subj, cue: m, passive };
  }
  return null;
}

function cueIsRelative(ctx: Ctx, mi: number): boolean {
  const cs = clauseStart(ctx, mi);
  if (!(cs > 0 && ['som', 'der', 'hvor', 'når', 'dersom', 'hvis', 'om'].includes(ctx.lower[cs - 1]))) return false;
  // «behov … som mangler kompetanse skal beskrives»: the relative clause has its own verb; the modal is the main clause's
  if (ctx.lower[cs - 1] === 'som' && cs < mi && /[^n]er$|te$|de$/.test(ctx.lower[cs]) && !isAgent(ctx.lower[cs], ctx.t[cs].text)) return false;
  return true;
}

function classifySteering(ctx: Ctx, m: TermMatch, entryDeontic: Deontic, mi: number, lastIdx: number): CueAnalysis | null {
  const phrase = m.text.toLowerCase();
  // «Det må forventes at …», «kan forventes»: epistemic, not a steering expectation
  if (/^(det )?forvent/.test(phrase) && /^(må|kan|vil|bør|skal)$/.test(ctx.lower[mi - 1] ?? '')) return null;
  let actor: NP | null = null;
  const passiveCue = /\b(bes|bedt|forutsettes|forventes|pålegges|pålagt|ønskes|anbefales|oppfordres|foreslås|foreslått|tillates|tillatt)\b/.test(phrase);
  // an «at»-clause or object after the cue carries the actor: «ber om at direktoratet …», «ber X om å»
  const after = lastIdx + 1;
  if (ctx.lower[after] === 'at' || ctx.lower[lastIdx] === 'at') {
    const s = ctx.lower[after] === 'at' ? after + 1 : after;
    const np = npAfter(ctx, s);
    if (np) {
      const vi = skipAdverbs(ctx, np.end + 1);
      const hw = ctx.lower[np.head];
      const ok = isAgent(hw, ctx.t[np.head].text) && !looksPassive(ctx, vi) && !G.expletive.has(hw);
      actor = ok ? np : null;
    }
  } else if (/^(ber|be|anmoder|oppfordrer|gir)\b/.test(phrase) && /…|\s/.test(phrase)) {
    // «ber Helsedirektoratet om», «oppfordrer kommunene til»
    const np = npAfter(ctx, mi + 1);
    if (np && np.end < lastIdx && isAgent(ctx.lower[np.head], ctx.t[np.head].text)) actor = np;
  } else if (/^oppfordrer$|^anbefaler$/.test(phrase)) {
    const np = npAfter(ctx, after);
    if (np && isAgent(ctx.lower[np.head], ctx.t[np.head].text)) actor = np;
  }
  if (!actor && (passiveCue || /^(har|er|plikter|pliktar|kan|står|gis|får)\b/.test(phrase))) {
    // «Helsedirektoratet bes …», «direktoratet er bedt om», «Harstad kommune har … plikt»
    const subj = subjectOfVerb(ctx, mi);
    if (subj && isAgent(ctx.lower[subj.head], ctx.t[subj.head].text) && !G.expletive.has(ctx.lower[subj.head])) actor = subj;
  }
  if (entryDeontic === 'recommendation' && /^ønsker at$/.test(phrase)) {
    const subj = subjectOfVerb(ctx, mi);
    if (!subj || !isAgent(ctx.lower[subj.head], ctx.t[subj.head].text)) return null;
    actor = null;
  }
  if (entryDeontic === 'intention') {
    const subj = subjectOfVerb(ctx, mi);
    actor = subj && isAgent(ctx.lower[subj.head], ctx.t[subj.head].text) ? subj : null;
  }
  return { force: entryDeontic, actor, cue: m, passive: passiveCue };
}

const PRECEDENCE: Deontic[] = ['prohibition', 'obligation', 'recommendation', 'permission', 'intention', 'none'];

export function classifyTokens(
  text: string,
  tokens: Token[],
  matches: TermMatch[],
  compiled: CompiledLexicon,
  context: ClassifyContext = {},
): Classification {
  const ctx: Ctx = { text, tokens, t: tokens, lower: tokens.map((t) => t.lower), stance: context.stance };
  const entries = compiled.byId;
  const cues: CueAnalysis[] = [];
  for (const m of matches) {
    const e = entries.get(m.entry);
    if (!e?.cue || !e.deontic) continue;
    if (inQuote(ctx, m.start)) continue;
    const mi = idxAt(ctx, m.start);
    let lastIdx = mi;
    while (lastIdx + 1 < ctx.t.length && ctx.t[lastIdx + 1].start < m.end) lastIdx++;
    const r = e.cue === 'modal' ? classifyModal(ctx, m, mi) : classifySteering(ctx, m, e.deontic, mi, lastIdx);
    if (r) cues.push(r);
  }
  cues.sort((a, b) => PRECEDENCE.indexOf(a.force) - PRECEDENCE.indexOf(b.force) || a.cue.start - b.cue.start);
  const best = cues[0];
  const deontic: Deontic = best?.force ?? 'none';
  const directive = deontic === 'obligation' || deontic === 'prohibition';
  const actorNP = deontic === 'none' ? null : best?.actor ?? null;
  const actor = actorNP ? actorNP.text : null;
  const actorRange = actorNP ? { start: ctx.t[actorNP.start].start, end: ctx.t[actorNP.end].end } : undefined;

  const has = (cat: string, pred?: (m: TermMatch) => boolean) =>
    matches.some((m) => m.category === cat && !m.negated && (!pred || pred(m)));
  const innovation = has('innovation', (m) => entries.get(m.entry)?.signal !== 'weak');
  const cocreation = has('cocreation');
  const collaboration = has('collaboration');
  const lowerText = tokens.length ? text.slice(tokens[0].start, tokens[tokens.length - 1].end).toLowerCase() : '';
  const clinical = /(pasient|utskriv|behandling|sykehuset|brukerne|pårørende|eldre|barn|gravide|kvinner)/.test(lowerText);
  const control = has('control', (m) => {
    if (m.entry === 'oppfolging' && /^oppfølging/i.test(m.text) && clinical && !/(rapport|tiltak|anbefaling|oppdrag|reform|tilrådning|hendelse|løsning)/.test(lowerText)) return false;
    return true;
  });

  const level: Level | undefined = actor ? levelOf(actor, context.stance) : undefined;
  const actorLevel: ActorLevel = !actor
    ? 'unknown'
    : SELF_NAMES.has(actor.toLowerCase()) || context.stance?.isWriter(actor)
      ? 'self'
      : context.stance
        ? relative(level, context.stance.writerLevel)
        : 'unknown';

  const district = districtRole(ctx, matches, deontic, actor, entries);
  const framing = framingOf(district === 'enabled', ctx, matches, deontic, actorLevel, control, entries, context);
  return {
    deontic,
    directive,
    actor,
    district,
    innovation,
    cocreation,
    collaboration,
    control,
    framing,
    cue: best?.cue,
    actorRange,
    actorLevel,
  };
}

function relative(level: Level | undefined, writer: Level | undefined): ActorLevel {
  if (level === undefined || writer === undefined) return 'unknown';
  if (level < writer) return 'subordinate';
  if (level > writer) return 'superior';
  return 'peer';
}

const DISTRICT_RE = /\b(bydel\w*|bydelar\w*)\b/i;

function districtRole(
  ctx: Ctx,
  matches: TermMatch[],
  deontic: Deontic,
  actor: string | null,
  entries: Map<string, { subtype?: string }>,
): DistrictRole {
  const dm = matches.filter((m) => m.category === 'district');
  if (dm.length === 0) return 'none';
  const lower = ctx.lower.join(' ');
  if ((deontic === 'obligation' || deontic === 'prohibition') && actor && DISTRICT_RE.test(actor)) return 'obligated';
  if ((deontic === 'obligation' || deontic === 'prohibition') && /\b(ber|bes|pålegges|pålegger)\b[^.]{0,40}\bbydel/.test(lower)) return 'obligated';
  if (deontic === 'permission' && actor && DISTRICT_RE.test(actor)) return 'enabled';
  if (/\b(til|ut til|for)\s+(de\s+)?bydel\w*/.test(lower) && /\b(ansvar|oppgaver|midler|midlar|myndighet|handlingsrom|tillit|frihet|ressurser|tildeles|fullmakt|makt)\b/.test(lower)) return 'enabled';
  if (matches.some((m) => m.category === 'enabling' && /discretion|trust|resources|reduced-control/.test(entries.get(m.entry)?.subtype ?? '')) && deontic !== 'obligation') return 'enabled';
  if (matches.some((m) => m.category === 'collaboration' || m.category === 'cocreation')) return 'involved';
  if (/\b(involveres|høres|gi innspill|konsulteres|involverast)\b/.test(lower)) return 'involved';
  return 'mentioned';
}

function framingOf(
  districtEnabled: boolean,
  ctx: Ctx,
  matches: TermMatch[],
  deontic: Deontic,
  actorLevel: ActorLevel,
  control: boolean,
  entries: Map<string, { subtype?: string; signal?: string; id: string }>,
  context: ClassifyContext,
): Framing {
  const sub = (m: TermMatch) => entries.get(m.entry)?.subtype ?? '';
  const enablingContent = matches.some(
    (m) =>
      (m.category === 'enabling' && /discretion|trust|facilitation|support|resources|reduced-control|opportunity/.test(sub(m))) ||
      m.category === 'cocreation',
  );
  const experiment = matches.some((m) => m.category === 'innovation' && sub(m) === 'experiment');
  const strongEnabling = matches.some(
    (m) => (m.category === 'enabling' && /discretion|resources|reduced-control/.test(sub(m))) || m.negated,
  );
  const lower = ' ' + ctx.lower.join(' ') + ' ';
  const grant = /\b(kroner|kr|mill|millioner|midler|midlar)\b/.test(lower) && G.grants.some((g) => lower.includes(' ' + g + ' '));
  const steeringTerms = matches.some((m) => m.category === 'directive' && /requirement|steering-term/.test(sub(m)));
  const deadline = matches.some((m) => m.category === 'control' && sub(m) === 'deadline');

  const enablingCommand = matches.some(
    (m) => (m.category === 'enabling' && /discretion|trust|facilitation|resources|reduced-control|opportunity/.test(sub(m))) || m.category === 'cocreation',
  );
  if (deontic === 'obligation' || deontic === 'prohibition') {
    if (actorLevel === 'self') return 'neutral';
    if (enablingCommand && !deadline) return 'enabling';
    return 'top-down';
  }
  if (deontic === 'recommendation') return control ? 'neutral' : 'enabling';
  if (deontic === 'permission') return 'enabling';
  if (deontic === 'intention') {
    if (deadline || steeringTerms || (control && matches.some((m) => m.category === 'control' && /measurement/.test(sub(m))))) return 'top-down';
    if (enablingContent || experiment) return 'enabling';
    return 'neutral';
  }
  // no deontic force
  if (grant) return 'enabling';
  const first = ctx.t.find((t) => t.kind === 'word');
  const infinitiveTask = first !== undefined && G.taskVerbs.has(first.lower) && !/^[\p{Lu}]{2,}/u.test(first.text);
  if (infinitiveTask) {
    if (strongEnabling || experiment || districtEnabled) return 'enabling';
    if (context.stance?.kind === 'steering') return 'top-down';
    return 'neutral';
  }
  if (strongEnabling) return 'enabling';
  return 'neutral';
}
