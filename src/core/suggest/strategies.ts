import type { Classification } from '../classify/sentence';
import type { Reading } from '../classify/deontic';
import { Clause, clauses, NP, npAfter } from '../classify/clause';
import { isAgent } from '../classify/actors';
import { grammar } from '../lexicon';
import type { Word } from '../classify/words';
import type { Standard } from '../tag';
import type { TermMatch } from '../types';
import { appendPoint, casedFor, Draft, endsWithColon, firstWord, keepsCase, matchCase } from './draft';
import { Phrases, phrases } from './phrases';
import { present, sPassive } from './verbs';

/**
 * The rewrite strategies: each reads the sentence through the engine's word classes (src/core/tag) and clause
 * analysis (src/core/classify/clause.ts: a modal's subject, main verb, passive, negation, inverted order) and
 * changes only the steering words. Each returns zero or more candidate texts; src/core/suggest/index.ts keeps the
 * candidates the engine itself classifies as not top-down and that keep the sentence's facts.
 */

export type StrategyId =
  | 'mandate' // «Bydelene skal rapportere …» → «Bydelene rapporterer … og velger selv form»
  | 'active' // «Det skal rapporteres …» → «Bydelene rapporterer … og velger selv form»
  | 'permission' // «skal» → «kan»
  | 'freedom' // «skal» → «står fritt til å»
  | 'room' // «skal» → «får handlingsrom til å»
  | 'advice' // «skal/må» → «bør»
  | 'trust' // «forutsetter at» → «har tillit til at»
  | 'invite' // «ber om at X gjør» → «inviterer X til å gjøre»; «bes om å» → «inviteres til å»
  | 'wish' // «ber om at» → «ønsker at»
  | 'recommend' // «ber om at» → «anbefaler at»; «bes» → «oppfordres til å»
  | 'desirable' // «Det bes om en rapport» → «Det er ønskelig med en rapport»; «er nødvendig at» → «er ønskelig at»
  | 'opportunity' // «gis i oppdrag å» → «gis anledning til å»
  | 'optional' // «bes oversendt» → «kan oversendes»
  | 'funds' // «Bevilgningen benyttes til å» → «Bevilgningen gir rom for å»
  | 'judgement' // «- Vurdere behov for …» → «- Vurdere, etter eget skjønn, behov for …»
  | 'deadline'; // «Frist 1.10.2026» → «Frist 1.10.2026, som kan justeres i dialog»

/** Preference among candidates that change the score equally (the order: a mandate with room first). */
export const STRATEGY_ORDER: readonly StrategyId[] = [
  'mandate',
  'active',
  'permission',
  'freedom',
  'room',
  'trust',
  'invite',
  'wish',
  'recommend',
  'advice',
  'desirable',
  'opportunity',
  'optional',
  'funds',
  'judgement',
  'deadline',
];

export interface Parsed {
  text: string;
  words: readonly Word[];
  matches: readonly TermMatch[];
  readings: readonly Reading[];
  classification: Classification;
  std: Standard;
}

export interface Candidate {
  text: string;
  strategy: StrategyId;
  /** One line: what changed and why it opens room. */
  reason: string;
  /** An actor the rewrite names that the sentence did not (the letter's addressee), lower case. */
  addedActor?: string;
}

export interface StrategyOptions {
  /** The body the document is written to: a passive that leaves the actor out may name it. */
  addressee?: string;
}

const PARTICLES = new Set(['opp', 'ut', 'inn', 'fram', 'frem', 'ned', 'igjen', 'sammen', 'saman', 'tilbake', 'over', 'av']);
const DISTRICT = /^(bydel|bydelar)/i;
const VERBAL = new Set(['VERB', 'AUX']);

/** The word indexes of a lexicon match. */
function span(words: readonly Word[], m: TermMatch): [number, number] | undefined {
  let first = -1;
  let last = -1;
  for (let i = 0; i < words.length; i++) {
    if (words[i].start >= m.start && words[i].end <= m.end) {
      if (first < 0) first = i;
      last = i;
    }
  }
  return first < 0 ? undefined : [first, last];
}

const q = (s: string) => `«${s}»`;

/**
 * Punctuation that ends a phrase a strategy scans: not a comma, a hyphen of «Barne-, ungdoms- og …», or the points
 * of a date or an abbreviation («1.5.2026», «ev.»).
 */
function hardBreak(w: readonly Word[], i: number): boolean {
  const x = w[i];
  if (!x.punct) return false;
  if (x.text === ',' || x.text === '-' || x.text === '/') return false;
  if (x.text === '.') {
    const next = w[i + 1];
    return !next || (next.start > x.end && /^\p{Lu}/u.test(next.text));
  }
  return true;
}

function candidate(d: Draft, strategy: StrategyId, reason: string, addedActor?: string): Candidate[] {
  const text = d.apply();
  return text && text !== d.text ? [{ text, strategy, reason, addedActor }] : [];
}

/** A present-tense finite verb the engine can turn back into its infinitive («utarbeider» → «utarbeide»). */
function infinitiveOf(w: Word, std: Standard): string | undefined {
  const lower = w.lower;
  const lemma = w.lemma.toLowerCase();
  if (lemma !== lower && present(lemma, std) === lower) return lemma;
  for (const cut of [1, 2]) {
    const stem = lower.slice(0, -cut);
    for (const inf of [stem, stem + 'e', stem + 'a']) if (inf.length > 1 && present(inf, std) === lower) return inf;
  }
  return undefined;
}

/** The lemma of a passive verb («rapporteres», «rapporterast», «levert»), also where the tagger kept the form. */
function passiveLemma(w: Word, std: Standard): string {
  const lemma = w.lemma.toLowerCase();
  const lower = w.lower;
  if (lemma !== lower && !lemma.endsWith('s')) return lemma;
  if (std === 'nn' && lower.endsWith('ast')) return lower.slice(0, -3) + 'e';
  if (lower.endsWith('es')) return lower.slice(0, -1);
  return lemma;
}

/** Is the word an infinitive verb (the main verb after a modal, a task list item's verb)? */
function isInfinitive(w: Word): boolean {
  return w.upos === 'VERB' && w.lower === w.lemma.toLowerCase();
}

/**
 * Where «og velger selv form» can go: at the end of the sentence, when the clause of the main verb is the last
 * main clause with a verb (so the phrase shares its subject); with a comma when a subordinate clause comes between.
 */
function roomPoint(p: Parsed, main: number): { at: number; comma: boolean } | undefined {
  if (endsWithColon(p.text)) return undefined;
  const structure = clauses(p.words);
  const own = structure.of[main];
  let comma = false;
  for (let k = own + 1; k < structure.list.length; k++) {
    const c = structure.list[k];
    if (c.type !== 'main') {
      comma = true;
      continue;
    }
    for (let i = c.start; i < c.end; i++) {
      const w = p.words[i];
      if (VERBAL.has(w.upos) && !(i > 0 && p.words[i - 1].lower === 'å') && w.lower !== w.lemma.toLowerCase()) return undefined;
    }
  }
  return { at: appendPoint(p.text), comma };
}

function addRoom(d: Draft, p: Parsed, ph: Phrases, main: number): boolean {
  const point = roomPoint(p, main);
  if (!point) return false;
  d.insert(point.at, `${point.comma ? ',' : ''} ${ph.chooseForm}`);
  return true;
}

function text(p: Parsed, i: number, j: number): string {
  return p.text.slice(p.words[i].start, p.words[j].end);
}

// ─────────────────────────────── modal readings («skal», «må») ───────────────────────────────

/**
 * A present «skal»/«må» that steers: a binding reading in a sentence the engine calls directive, or the cue that
 * decided a top-down sentence. It needs a verb after it in its clause («hva som skal til» has none).
 */
function steeringModal(p: Parsed, r: Reading): boolean {
  const c = p.classification;
  if (r.kind !== 'modal' || !r.pred) return false;
  if (r.lemma !== 'skulle' && r.lemma !== 'måtte') return false;
  if (r.cue.text.toLowerCase() !== 'skal' && r.cue.text.toLowerCase() !== 'må') return false;
  const binding = (r.force === 'obligation' || r.force === 'prohibition') && c.directive;
  const decisive = c.cue?.start === r.cue.start && c.framing === 'top-down';
  if (!binding && !decisive) return false;
  if (r.pred.main !== undefined) return true;
  const clause = r.pred.clause;
  for (let i = r.pred.finite + 1; i < Math.min(clause.end, r.pred.finite + 8); i++) {
    const w = p.words[i];
    if (w.upos === 'VERB' || (/(es|ast)$/.test(w.lower) && w.lower.length > 4)) return true;
  }
  return false;
}

const STATIVES = new Set(grammar.statives);
const TASK_VERBS = new Set(grammar.infinitiveTaskVerbs);

function agentSubject(r: Reading): boolean {
  const k = r.subject?.kind;
  return k === 'org' || k === 'people';
}

function modalStrategies(p: Parsed, r: Reading, ph: Phrases, opts: StrategyOptions): Candidate[] {
  const out: Candidate[] = [];
  const pred = r.pred!;
  const f = pred.finite;
  const m = pred.main;
  const w = p.words;
  const modal = w[f].text;
  const prohibition = pred.negated || r.force === 'prohibition';
  // advice: «bør» (also for «skal ikke» → «bør ikke»)
  out.push(...candidate(new Draft(p.text, w).word(f, matchCase(ph.should, modal)), 'advice', `${q(modal)} → ${q(ph.should)}: advice instead of an order`));
  if (prohibition) return out;
  // permission: «kan»
  out.push(...candidate(new Draft(p.text, w).word(f, matchCase(ph.may, modal)), 'permission', `${q(modal)} → ${q(ph.may)}: a permission instead of an order`));
  if (m === undefined || pred.clause.type !== 'main') return out;
  const active = !pred.passive && pred.chain.length === 0 && agentSubject(r) && isInfinitive(w[m]) && !STATIVES.has(w[m].lemma.toLowerCase());
  if (active) {
    // freedom and room: «står fritt til å», «får handlingsrom til å» (in inverted order the subject stays between)
    out.push(
      ...candidate(
        new Draft(p.text, w).word(f, matchCase(ph.freeVerb, modal)).insert(w[m].start, ph.freeRest + ' '),
        'freedom',
        `${q(modal)} → ${q(ph.freeVerb + ' ' + ph.freeRest)}: ${r.subject!.text} is free to act`,
      ),
      ...candidate(
        new Draft(p.text, w).word(f, matchCase(ph.roomVerb, modal)).insert(w[m].start, ph.roomRest + ' '),
        'room',
        `${q(modal)} → ${q(ph.roomVerb + ' ' + ph.roomRest)}: the task comes with room to act`,
      ),
    );
    // mandate with room: «Bydelene rapporterer … og velger selv form»
    const form = present(w[m].lemma, p.std);
    const d = form ? new Draft(p.text, w).word(f, matchCase(form, modal)).removeWords(m, m) : undefined;
    // coordinated infinitives share the modal: «skal følge opp … og rapportere» → «følger opp … og rapporterer»
    for (let k = m + 1; d && k + 1 < w.length; k++) {
      if (hardBreak(w, k) || w[k].lower === 'som' || w[k].lower === 'at') break;
      if (!/^(og|samt|eller)$/.test(w[k].lower) || !isInfinitive(w[k + 1])) continue;
      const other = present(w[k + 1].lemma, p.std);
      if (other) d.word(k + 1, other);
      else return out;
    }
    if (form && d) {
      if (addRoom(d, p, ph, m))
        out.push(...candidate(d, 'mandate', `an order becomes a mandate: ${r.subject!.text} ${form} and chooses the form itself`));
    }
  }
  if (pred.passive) out.push(...activeStrategy(p, groupOf(r, m), ph, opts));
  return out;
}

/**
 * A passive order («Det skal rapporteres …», «Forslaget skal sendes på høring») made active, with an actor: the
 * agent of an «av»-phrase, the districts where the sentence names them in a prepositional phrase, or the
 * document's addressee. Coordinated passives follow («vurderes og beskrives» → «vurderer og beskriver»); a bare
 * receiver after the verb («oversendes departementet») gets «til».
 */
interface VerbGroup {
  /** The first word of the passive verb group («skal», «bes», or the s-passive itself). */
  f: number;
  /** The passive verb (s-passive or participle). */
  m: number;
  subject?: NP;
  expletive: boolean;
  clause: Clause;
}

function groupOf(r: Reading, m: number): VerbGroup {
  const pred = r.pred!;
  return { f: pred.finite, m, subject: pred.subject, expletive: r.subject?.kind === 'expletive', clause: pred.clause };
}

function activeStrategy(p: Parsed, g: VerbGroup, ph: Phrases, opts: StrategyOptions): Candidate[] {
  const w = p.words;
  const { f, m, clause } = g;
  if (clause.type !== 'main') return [];
  const form = present(passiveLemma(w[m], p.std), p.std);
  if (!form) return [];
  const d = new Draft(p.text, w);
  // the actor
  let agent: string | undefined;
  let added: string | undefined;
  let end = m; // the last word the rewrite of the verb group covers
  for (let k = m + 1; k < clause.end && !agent; k++) {
    const prep = w[k].lower;
    if (prep !== 'av' && !(DISTRICT.test(w[k + 1]?.lower ?? '') && /^(i|for|blant)$/.test(prep))) continue;
    const np = npAfter(w, k + 1, clause.end);
    if (!np) continue;
    const head = w[np.head];
    if (!(prep === 'av' ? isAgent(head.lower, head.text) : DISTRICT.test(head.lower))) continue;
    agent = text(p, np.start, np.end);
    d.removeWords(k, np.end);
  }
  if (!agent && opts.addressee) {
    agent = opts.addressee;
    added = opts.addressee.toLowerCase();
  }
  if (!agent) return [];
  // a receiver right after the verb («oversendes departementet») → «til departementet» after the object
  let receiver = '';
  const io = /^(NOUN|PROPN|DET)$/.test(w[m + 1]?.upos ?? '') ? npAfter(w, m + 1, clause.end) : undefined;
  if (io && io.start === m + 1 && /^(NOUN|PROPN)$/.test(w[io.head].upos)) {
    if (!isAgent(w[io.head].lower, w[io.head].text)) return [];
    receiver = 'til ' + text(p, io.start, io.end);
    end = io.end;
  }
  const expletive = g.expletive;
  const first = firstWord(w);
  /** Words [from, to) as written, the first one in lower case unless it is a name. */
  const phrase = (from: number, to: number) => {
    if (from >= to) return '';
    let i = from;
    if (expletive && w[i].lower === 'det') i++;
    if (i >= to) return '';
    return casedFor(p.text.slice(w[i].start, w[to - 1].end), false, keepsCase(w[i]));
  };
  const subj = g.subject;
  let parts: string[];
  let from: number;
  if (subj && subj.start < f) {
    // «[S …] skal [adv] V-s REST» → «AGENT V [adv] [S …] REST»: the subject is all of the clause before the verb
    from = Math.max(clause.start, first);
    if (from > subj.start || (from > first && w[from - 1].upos === 'CCONJ')) return [];
    parts = [casedFor(agent, from === first, true), form, phrase(f + 1, m), phrase(from, f), receiver];
  } else {
    // «[PRE] skal [S] [adv] V-s REST» → «[PRE] V AGENT [S] [adv] REST»
    from = f;
    parts = [casedFor(form, f === first, false), casedFor(agent, false, true), phrase(f + 1, m), receiver];
  }
  d.replace(w[from].start, w[end].end, parts.filter(Boolean).join(' '));
  // coordinated passives: «vurderes og beskrives» → «vurderer og beskriver»
  for (let k = end + 1; k + 1 < w.length; k++) {
    if (hardBreak(w, k) || w[k].lower === 'som' || w[k].lower === 'at') break;
    if (!/^(og|samt|eller)$/.test(w[k].lower)) continue;
    const v = w[k + 1];
    // the tagger may call a coordinated s-passive an adjective; a genitive («kommunes») has a noun after it
    if (!/\p{L}{3}(es|ast)$/u.test(v.lower) || !/^(VERB|ADJ|NOUN)$/.test(v.upos) || w[k + 2]?.upos === 'NOUN') continue;
    const other = present(passiveLemma(v, p.std), p.std);
    if (!other) return [];
    d.word(k + 1, other);
  }
  const withRoom = addRoom(d, p, ph, m);
  return candidate(d, 'active', `active: ${agent} is named as the one who acts${withRoom ? ' and chooses the form itself' : ''}`, added);
}

// ─────────────────────────────── steering phrases («ber om», «bes», «forutsetter at» …) ───────────────────────────────

function steeringStrategies(p: Parsed, r: Reading, ph: Phrases, opts: StrategyOptions): Candidate[] {
  const w = p.words;
  const s = span(w, r.cue);
  if (!s) return [];
  const [first, last] = s;
  const words = w.slice(first, last + 1).map((x) => x.lower);
  const phrase = words.join(' ');
  const inverted = r.pred?.inverted ?? false;
  const out: Candidate[] = [];
  const next = w[last + 1];
  const infinitiveBefore = first > 0 && /^(vil|skal|kan|må|bør|å)$/.test(w[first - 1].lower);

  switch (r.entry) {
    case 'ber-om': {
      // «ber om at X …»
      if ((words[0] === 'ber' || words[0] === 'be') && words[1] === 'om' && last === first + 1 && next?.lower === 'at') {
        const inf = words[0] === 'be' || infinitiveBefore;
        const cue = text(p, first, last + 1);
        out.push(
          ...candidate(new Draft(p.text, w).replace(w[first].start, next.end, matchCase(inf ? ph.wishInfinitive : ph.wish, w[first].text)), 'wish', `${q(cue)} → ${q(inf ? ph.wishInfinitive : ph.wish)}: a wish instead of an order`),
          ...candidate(new Draft(p.text, w).replace(w[first].start, next.end, matchCase(inf ? ph.adviseInfinitive : ph.advise, w[first].text)), 'recommend', `${q(cue)} → ${q(inf ? ph.adviseInfinitive : ph.advise)}: advice instead of an order`),
          ...inviteFromThat(p, first, last + 1, inf, ph),
        );
        return out;
      }
      // «ber om en rapport» → «ønsker en rapport»
      if ((words[0] === 'ber' || words[0] === 'be') && words[1] === 'om' && last === first + 1 && next && !/^(å|at)$/.test(next.lower) && !next.punct) {
        const inf = words[0] === 'be' || infinitiveBefore;
        const to = inf ? ph.wishObjectInfinitive : ph.wishObject;
        out.push(...candidate(new Draft(p.text, w).replace(w[first].start, w[last].end, matchCase(to, w[first].text)), 'wish', `${q(text(p, first, last))} → ${q(to)}: a wish instead of an order`));
        return out;
      }
      // «ber X gjøre …» (a body asked to act, without «om») → «inviterer X til å gjøre …», «oppfordrer X til å …»
      if ((words[0] === 'ber' || words[0] === 'be') && !(words[1] === 'om' && last === first + 1)) {
        const np = npAfter(w, first + 1, Math.min(w.length, first + 8));
        const v = np ? np.end + 1 : -1;
        if (np && isAgent(w[np.head].lower, w[np.head].text) && v < w.length && isInfinitive(w[v])) {
          const inf = words[0] === 'be' || infinitiveBefore;
          for (const [verb, id] of [
            [inf ? ph.inviteInfinitive : ph.invite, 'invite'],
            [inf ? ph.encourageInfinitive : ph.encourage, 'recommend'],
          ] as const)
            out.push(...candidate(new Draft(p.text, w).word(first, matchCase(verb, w[first].text)).insert(w[v].start, 'til å '), id, `${q(w[first].text + ' … ' + w[v].text)} → ${q(verb + ' … til å ' + w[v].text)}: an invitation instead of an order`));
          return out;
        }
      }
      // «ber X om å» → «inviterer X til å», «oppfordrer X til å»
      if ((words[0] === 'ber' || words[0] === 'be' || words[0] === 'anmoder') && words[words.length - 1] === 'om' && last > first + 1 && next?.lower === 'å') {
        const inf = words[0] === 'be' || infinitiveBefore;
        for (const [verb, id] of [
          [inf ? ph.inviteInfinitive : ph.invite, 'invite'],
          [inf ? ph.encourageInfinitive : ph.encourage, 'recommend'],
        ] as const) {
          out.push(...candidate(new Draft(p.text, w).word(first, matchCase(verb, w[first].text)).word(last, 'til'), id, `${q(w[first].text + ' … om å')} → ${q(verb + ' … til å')}: an invitation instead of an order`));
        }
        return out;
      }
      // «bes (om) å», «bes V», «Det bes om X», «anmodes om å»
      const b = w.findIndex((x, i) => i >= first && i <= last && (x.lower === 'bes' || x.lower === 'anmodes'));
      if (b >= 0) return out.concat(passiveAsk(p, r, b, ph));
      // «er/ble/blir bedt om å» → «er/ble/blir invitert til å»
      const bedt = w.findIndex((x, i) => i >= first && i <= last && x.lower === 'bedt');
      if (bedt >= 0 && w[bedt + 1]?.lower === 'om' && w[bedt + 2]?.lower === 'å') {
        for (const [part, id] of [
          [ph.invitedParticiple, 'invite'],
          [ph.encourageParticiple, 'recommend'],
        ] as const)
          out.push(...candidate(new Draft(p.text, w).word(bedt, part).word(bedt + 1, 'til'), id, `${q('bedt om å')} → ${q(part + ' til å')}: an invitation instead of an order`));
        return out;
      }
      // «får/gis/fikk … i oppdrag å» → «… anledning til å»
      const oppdrag = w.findIndex((x, i) => i >= first - 1 && i <= last + 1 && x.lower === 'oppdrag');
      if (oppdrag > 0 && w[oppdrag - 1].lower === 'i' && w[oppdrag + 1]?.lower === 'å') {
        out.push(...candidate(new Draft(p.text, w).replace(w[oppdrag - 1].start, w[oppdrag + 1].end, ph.opportunity), 'opportunity', `${q('i oppdrag å')} → ${q(ph.opportunity)}: an opportunity instead of an assignment`));
      }
      return out;
    }
    case 'forutsetter-at':
    case 'forventer-at': {
      if (/^(forutsetter|legger til grunn|forventer) at$/.test(phrase)) {
        const cue = text(p, first, last);
        out.push(...candidate(new Draft(p.text, w).replace(w[first].start, w[last].end, ph.trust), 'trust', `${q(cue)} → ${q(ph.trust)}: trust instead of a demand`));
        if (words[0] === 'forventer')
          out.push(...candidate(new Draft(p.text, w).replace(w[first].start, w[last].end, ph.wish), 'wish', `${q(cue)} → ${q(ph.wish)}: a wish instead of a demand`));
      } else if (/^(det )?forventes at$/.test(phrase) || (words[0] === 'forventes' && next?.lower === 'at')) {
        const k = w.findIndex((x, i) => i >= first && x.lower === 'forventes');
        out.push(...candidate(new Draft(p.text, w).word(k, `er ${ph.desirableAdjective}`), 'desirable', `${q('forventes at')} → ${q('er ' + ph.desirableAdjective + ' at')}: a wish instead of a demand`));
      }
      return out;
    }
    case 'pålegg': {
      const k = w.findIndex((x, i) => i >= first && i <= last && /^(pålegges|plikter|pliktar|pålagt|pliktig|forpliktet|plikt)$/.test(x.lower));
      if (k < 0) return out;
      const word = w[k].lower;
      if ((word === 'pålegges' || word === 'plikter' || word === 'pliktar') && w[k + 1]?.lower === 'å' && !inverted)
        out.push(...candidate(new Draft(p.text, w).word(k, ph.encouragePassive + ' til'), 'recommend', `${q(w[k].text + ' å')} → ${q(ph.encouragePassive + ' til å')}: encouraged instead of ordered`));
      else if ((word === 'pålagt' || word === 'pliktig' || word === 'forpliktet') && /^(å|til)$/.test(w[k + 1]?.lower ?? ''))
        out.push(...candidate(new Draft(p.text, w).word(k, ph.encourageParticiple + (w[k + 1].lower === 'å' ? ' til' : '')), 'recommend', `${q(w[k].text)} → ${q(ph.encourageParticiple)}: encouraged instead of ordered`));
      else if (word === 'plikt' && w[k + 1]?.lower === 'til' && w[k - 1]?.lower === 'har')
        out.push(...candidate(new Draft(p.text, w).replace(w[k].start, w[k + 1].end, ph.opportunity.replace(/ å$/, '')), 'opportunity', `${q('har plikt til')} → ${q('har ' + ph.opportunity.replace(/ å$/, ''))}: an opportunity instead of a duty`));
      return out;
    }
    case 'har-ansvar-for': {
      const k = w.findIndex((x, i) => i >= first && i <= last && /^ansvar(et)?$/.test(x.lower));
      if (k > 0 && w[k - 1].lower === 'har' && w[k + 1]?.lower === 'for' && w[k + 2]?.lower === 'å')
        out.push(...candidate(new Draft(p.text, w).replace(w[k - 1].start, w[k + 1].end, ph.responsibilityAndRoom.replace(/ til å$/, ' til').replace(/^har ansvar/, 'har ' + w[k].text)), 'room', `${q('har ansvar for å')} → ${q(ph.responsibilityAndRoom)}: responsibility with room to act`));
      return out;
    }
    case 'nødvendig-at': {
      const k = w.findIndex((x, i) => i >= first && i <= last && x.lower === 'nødvendig');
      if (k < 0) return out;
      if (w[k + 1]?.lower === 'at')
        out.push(...candidate(new Draft(p.text, w).word(k, ph.desirableAdjective), 'desirable', `${q('nødvendig at')} → ${q(ph.desirableAdjective + ' at')}: a wish instead of a demand`));
      else if (w[k + 1]?.lower === 'å')
        out.push(...candidate(new Draft(p.text, w).word(k, ph.useful), 'desirable', `${q('nødvendig å')} → ${q(ph.useful + ' å')}: advice instead of a demand`));
      return out;
    }
    case 'ønskes-utredet': {
      if (inverted) return out;
      // «ønskes vurdert», «bes oversendt» → «kan vurderes», «kan oversendes»
      if (/^(ønskes|bes)$/.test(words[0]) && last > first) {
        const passive = sPassive(w[last].lemma, p.std);
        if (passive)
          out.push(...candidate(new Draft(p.text, w).replace(w[first].start, w[last].end, matchCase(`${ph.may} ${passive}`, w[first].text)), 'optional', `${q(text(p, first, last))} → ${q(ph.may + ' ' + passive)}: an option instead of an order`));
        if (r.pred) out.push(...activeStrategy(p, groupOf(r, last), ph, opts));
        return out;
      }
      // «leveres innen», «oversendes innen», «sendes … innen» → «kan leveres innen», «Helsedirektoratet leverer … innen»
      if (/(es|ast)$/.test(words[0])) {
        out.push(...candidate(new Draft(p.text, w).insert(w[first].start, matchCase(ph.may, w[first].text) + ' ').word(first, w[first].lower), 'optional', `${q(w[first].text)} → ${q(ph.may + ' ' + w[first].lower)}: an option instead of an order`));
        if (r.pred && r.pred.finite === first) out.push(...activeStrategy(p, groupOf(r, first), ph, opts));
      }
      return out;
    }
    case 'midler-benyttes': {
      if (inverted || words.length !== 2 || words[1] !== 'til') return out;
      const to = next?.lower === 'å' ? ph.givesRoomFor : ph.mayGoTo;
      out.push(...candidate(new Draft(p.text, w).replace(w[first].start, w[last].end, to), 'funds', `${q(text(p, first, last))} → ${q(to)}: the funds open room instead of binding their use`));
      return out;
    }
    case 'prohibition': {
      if (phrase === 'ikke tillatt') out.push(...candidate(new Draft(p.text, w).replace(w[first].start, w[last].end, ph.notRecommended), 'advice', `${q('ikke tillatt')} → ${q(ph.notRecommended)}: advice instead of a ban`));
      else if (phrase === 'forbudt') out.push(...candidate(new Draft(p.text, w).word(first, ph.discouraged), 'advice', `${q('forbudt')} → ${q(ph.discouraged)}: advice instead of a ban`));
      return out;
    }
  }
  return out;
}

/** «ber om at direktoratet utarbeider … samt anslår …» → «inviterer direktoratet til å utarbeide … samt anslå …» */
function inviteFromThat(p: Parsed, first: number, at: number, inf: boolean, ph: Phrases): Candidate[] {
  const w = p.words;
  const np = npAfter(w, at + 1, Math.min(w.length, at + 9));
  if (!np || !isAgent(w[np.head].lower, w[np.head].text)) return [];
  // the at-clause's finite verb, after adverbs or a prepositional phrase («i samarbeid med Statens vegvesen kommer»)
  let v = np.end + 1;
  let verb: string | undefined;
  for (; v < Math.min(w.length, np.end + 9); v++) {
    if (hardBreak(w, v) || w[v].lower === 'som' || w[v].lower === 'at') return [];
    if (w[v].upos === 'AUX') return [];
    verb = w[v].upos === 'VERB' || /r$/.test(w[v].lower) ? infinitiveOf(w[v], p.std) : undefined;
    if (verb) break;
  }
  if (!verb) return [];
  const d = new Draft(p.text, w)
    .replace(w[first].start, w[at].end, matchCase(inf ? ph.inviteInfinitive : ph.invite, w[first].text))
    .replace(w[v].start, w[v].end, `til å ${verb}`);
  // the coordinated verbs of the same clause: «samt anslår» → «samt anslå»
  for (let k = v + 1; k + 1 < w.length; k++) {
    if (hardBreak(w, k)) break;
    if (/^(og|samt|eller)$/.test(w[k].lower)) {
      const other = infinitiveOf(w[k + 1], p.std);
      if (other && w[k + 1].upos !== 'NOUN' && w[k + 1].upos !== 'ADJ') d.word(k + 1, other);
    }
  }
  return candidate(d, 'invite', `${q(text(p, first, at))} → ${q((inf ? ph.inviteInfinitive : ph.invite) + ' … til å')}: an invitation instead of an order`);
}

/** «Det bes om X» → «Det er ønskelig med X»; «X bes (om) å V» / «X bes V» → «X inviteres til å V». */
function passiveAsk(p: Parsed, r: Reading, b: number, ph: Phrases): Candidate[] {
  const w = p.words;
  const out: Candidate[] = [];
  let om = -1;
  for (let k = b + 1; k < Math.min(w.length, b + 8); k++) {
    if (hardBreak(w, k)) break;
    if (w[k].lower === 'om') {
      om = k;
      break;
    }
  }
  const expletive = r.subject?.kind === 'expletive' || w[b + 1]?.lower === 'det' || (b > 0 && w[b - 1].lower === 'det');
  if (expletive && om > 0 && !/^(å|at)$/.test(w[om + 1]?.lower ?? '') && om <= b + 2) {
    out.push(...candidate(new Draft(p.text, w).word(b, matchCase('er', w[b].text)).word(om, ph.desirable), 'desirable', `${q('bes om')} → ${q('er ' + ph.desirable)}: a wish instead of an order`));
    return out;
  }
  // «Det bes om at X …», «Videre bes det om at X …» → «Det er ønskelig at X …»
  if (expletive && om > 0 && w[om + 1]?.lower === 'at' && om <= b + 2) {
    out.push(...candidate(new Draft(p.text, w).word(b, matchCase('er', w[b].text)).word(om, ph.desirableAdjective), 'desirable', `${q('bes om at')} → ${q('er ' + ph.desirableAdjective + ' at')}: a wish instead of an order`));
    return out;
  }
  if (expletive) return out;
  for (const [verb, id] of [
    [ph.invitePassive, 'invite'],
    [ph.encouragePassive, 'recommend'],
  ] as const) {
    const d = new Draft(p.text, w).word(b, matchCase(verb, w[b].text));
    if (om > 0 && w[om + 1]?.lower === 'å') d.word(om, 'til');
    else if (om > 0) continue;
    else {
      let v = -1;
      for (let k = b + 1; k < w.length; k++) {
        if (isInfinitive(w[k]) && w[k - 1].lower !== 'å') {
          v = k;
          break;
        }
        if (hardBreak(w, k)) break;
      }
      if (v < 0) continue;
      d.insert(w[v].start, 'til å ');
    }
    out.push(...candidate(d, id, `${q(w[b].text)} → ${q(verb + ' til å')}: ${id === 'invite' ? 'an invitation' : 'encouragement'} instead of an order`));
  }
  return out;
}

// ─────────────────────────────── the sentence as a whole (task items, deadlines) ───────────────────────────────

/** «- Vurdere behov for …» (a task handed down) → «- Vurdere, etter eget skjønn, behov for …». */
function judgementStrategy(p: Parsed, ph: Phrases): Candidate[] {
  const w = p.words;
  const i = firstWord(w);
  if (i >= w.length) return [];
  // a task: an infinitive first (the tagger may miss one at the start of a list item; the engine's task verbs count)
  if (!isInfinitive(w[i]) && !TASK_VERBS.has(w[i].lower)) return [];
  if (w.slice(i + 1).some((x) => (x.upos === 'AUX' || x.upos === 'VERB') && /^(skal|må|bør|kan|vil)$/.test(x.lower) && x.start < (w[i + 4]?.start ?? Infinity))) return [];
  let k = i;
  if (PARTICLES.has(w[k + 1]?.lower ?? '')) k++;
  const after = w[k + 1];
  if (!after || after.punct) return [];
  return candidate(new Draft(p.text, w).insert(w[k].end, `, ${ph.ownJudgement},`), 'judgement', `the task leaves the how to professional judgement (${q(ph.ownJudgement)})`);
}

/** The end of the date or number group that starts at word i («1.10.2026», «15. april 2026»). */
function dateEnd(w: readonly Word[], i: number): number {
  let e = i;
  while (e + 1 < w.length) {
    const n = w[e + 1];
    const glued = n.start === w[e].end;
    if ((glued && (n.text === '.' || n.text === '/' || /^\d/.test(n.text))) || (/^\d/.test(n.text) && w[e].text === '.')) e++;
    else if (/^(januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember)$/.test(n.lower) || (/^\d{4}$/.test(n.text) && /^\p{L}/u.test(w[e].text))) e++;
    else break;
  }
  // a full stop that ends the sentence is not part of the date
  if (w[e].text === '.' && e === w.length - 1) e--;
  return e;
}

/**
 * A deadline («Frist 1.10.2026», «innen 15.10.2026», «senest innen 1.11.2026») stays, marked as open to
 * adjustment in dialogue; a «Frist:» label before a clause becomes a guide.
 */
function deadlineStrategy(p: Parsed, ph: Phrases): Candidate[] {
  const w = p.words;
  const out: Candidate[] = [];
  const deadlines = p.matches.filter((m) => m.entry === 'frist');
  const last = deadlines[deadlines.length - 1];
  if (last && !p.text.includes(ph.adjustableDeadline)) {
    const s = span(w, last);
    if (s) {
      let n = s[0];
      while (n < w.length && !/^\d/.test(w[n].text)) {
        if (n > s[1] + 6 || VERBAL.has(w[n].upos)) break;
        n++;
      }
      if (n < w.length && /^\d/.test(w[n].text)) {
        const e = dateEnd(w, n);
        out.push(...candidate(new Draft(p.text, w).insert(w[e].end, ` (${ph.adjustableDeadline})`), 'deadline', `the deadline stays, open to adjustment in dialogue (${q(ph.adjustableDeadline)})`));
      }
    }
  }
  const k = firstWord(w);
  if (k < w.length && w[k].lower === 'frist' && w[k + 1]?.text === ':' && w.slice(k + 2).some((x) => VERBAL.has(x.upos)))
    out.push(...candidate(new Draft(p.text, w).word(k, ph.guidingDeadline), 'deadline', `${q('Frist')} → ${q(ph.guidingDeadline)}: a guide rather than a hard deadline`));
  return out;
}

// ─────────────────────────────── all strategies ───────────────────────────────

/** The readings a rewrite can soften: binding modals and steering phrases, strongest first. */
export function steerable(p: Parsed): Reading[] {
  return p.readings.filter((r) => (r.kind === 'modal' ? steeringModal(p, r) : r.force === 'obligation' || r.force === 'prohibition'));
}

/** Every candidate rewrite of one reading. */
export function rewritesOf(p: Parsed, r: Reading, opts: StrategyOptions): Candidate[] {
  const ph = phrases(p.std);
  return r.kind === 'modal' ? modalStrategies(p, r, ph, opts) : steeringStrategies(p, r, ph, opts);
}

/** Candidates that work on the sentence as a whole. */
export function sentenceRewrites(p: Parsed): Candidate[] {
  const ph = phrases(p.std);
  return [...judgementStrategy(p, ph), ...deadlineStrategy(p, ph)];
}

export { phrases };
