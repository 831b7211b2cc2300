/**
 * A document analysis packed for the trip from the analysis worker to the extension host. No `vscode` import.
 *
 * Why: the structured clone of Meld. St. 9's analysis (5,000 sentences, 8,000 matches, 3,400 findings) is 2.7 MB:
 * every object carries its key names and every label its string, and the host spends 25–40 ms rebuilding the object
 * graph — on every keystroke. Packed, the sentences, matches and findings are rows of integers in typed arrays
 * (cloned as one block of memory each) and every string is sent once, in a table the rows point into; the host
 * rebuilds the objects in one tight loop. The rest of the analysis (score, sections, summaries) is small and is sent
 * as it is.
 *
 * The rebuilt analysis is exactly the one the worker made (same keys, same order, `undefined` where it was
 * undefined): test/unit/worker-pack.test.ts compares them over every fixture and the corpus.
 */
import type { DocumentAnalysis, Finding, SentenceAnalysis, TermMatch } from '../../core';

/** Ints per sentence row. */
const S = 19;
/** Ints per match row: start, end, text, entry, category, negated (the weight is in `weights`). */
const M = 6;
/** Ints per finding row. */
const F = 8;

// sentence row
const S_INDEX = 0;
const S_START = 1;
const S_END = 2;
const S_TEXT = 3;
const S_DEONTIC = 4;
const S_FLAGS = 5;
const S_ACTOR = 6;
const S_DISTRICT = 7;
const S_FRAMING = 8;
const S_CUE = 9;
const S_ACTOR_START = 10;
const S_ACTOR_END = 11;
const S_ACTOR_LEVEL = 12;
const S_REASON_DEONTIC = 13;
const S_REASON_FRAMING = 14;
const S_PAGE = 15;
const S_SECTION = 16;
const S_MATCHES = 17;
const S_MATCH_COUNT = 18;

// sentence flags
const DIRECTIVE = 1;
const INNOVATION = 2;
const COCREATION = 4;
const COLLABORATION = 8;
const CONTROL = 16;
const EXCLUDED = 32;
const CUT = 64;
const HAS_ACTOR_RANGE = 128;

// `negated` of a match: the key absent, undefined, true, false
const NEG_ABSENT = 0;
const NEG_UNDEFINED = 1;
const NEG_TRUE = 2;
const NEG_FALSE = 3;

/** An absent value in a string column (`actor: null`, no cue, `subtype` undefined / absent). */
const NONE = -1;
const ABSENT = -2;

export interface PackedAnalysis {
  /** The analysis without its sentences and findings. */
  rest: Omit<DocumentAnalysis, 'sentences' | 'findings'>;
  /** The analysis's keys in their order. */
  keys: string[];
  strings: string[];
  sentences: Int32Array;
  matches: Int32Array;
  /** A match's weight (not an integer), by match row. */
  weights: Float64Array;
  findings: Int32Array;
}

/**
 * Packs an analysis. Returns undefined for an analysis it was not made for (an actor that is neither a name nor
 * null): the caller then sends the analysis as it is.
 */
export function packAnalysis(a: DocumentAnalysis): PackedAnalysis | undefined {
  const table = new Map<string, number>();
  const strings: string[] = [];
  const str = (s: string): number => {
    let k = table.get(s);
    if (k === undefined) {
      k = strings.length;
      strings.push(s);
      table.set(s, k);
    }
    return k;
  };
  // (the rows are counted first: every array is made at its size)
  let matchCount = 0;
  for (const s of a.sentences) matchCount += s.matches.length + (s.cue ? 1 : 0);
  const sRows = new Int32Array(a.sentences.length * S);
  const mRows = new Int32Array(matchCount * M);
  const weights = new Float64Array(matchCount);
  let matchRows = 0;
  const match = (m: TermMatch): number => {
    const row = matchRows++;
    const o = row * M;
    mRows[o] = m.start;
    mRows[o + 1] = m.end;
    mRows[o + 2] = str(m.text);
    mRows[o + 3] = str(m.entry);
    mRows[o + 4] = str(m.category);
    mRows[o + 5] = !('negated' in m) ? NEG_ABSENT : m.negated === undefined ? NEG_UNDEFINED : m.negated ? NEG_TRUE : NEG_FALSE;
    weights[row] = m.weight;
    return row;
  };
  for (let i = 0; i < a.sentences.length; i++) {
    const s = a.sentences[i];
    if (typeof s.actor !== 'string' && s.actor !== null) return undefined;
    const o = i * S;
    sRows[o + S_INDEX] = s.index;
    sRows[o + S_START] = s.start;
    sRows[o + S_END] = s.end;
    sRows[o + S_TEXT] = str(s.text);
    sRows[o + S_DEONTIC] = str(s.deontic);
    sRows[o + S_FLAGS] =
      (s.directive ? DIRECTIVE : 0) |
      (s.innovation ? INNOVATION : 0) |
      (s.cocreation ? COCREATION : 0) |
      (s.collaboration ? COLLABORATION : 0) |
      (s.control ? CONTROL : 0) |
      (s.excluded ? EXCLUDED : 0) |
      (s.cut ? CUT : 0) |
      (s.actorRange ? HAS_ACTOR_RANGE : 0);
    sRows[o + S_ACTOR] = s.actor === null ? NONE : str(s.actor);
    sRows[o + S_DISTRICT] = str(s.district);
    sRows[o + S_FRAMING] = str(s.framing);
    if (s.actorRange) {
      sRows[o + S_ACTOR_START] = s.actorRange.start;
      sRows[o + S_ACTOR_END] = s.actorRange.end;
    }
    sRows[o + S_ACTOR_LEVEL] = str(s.actorLevel);
    sRows[o + S_REASON_DEONTIC] = str(s.reason.deontic);
    sRows[o + S_REASON_FRAMING] = str(s.reason.framing);
    sRows[o + S_PAGE] = s.page;
    sRows[o + S_SECTION] = s.section;
    sRows[o + S_MATCHES] = matchRows;
    sRows[o + S_MATCH_COUNT] = s.matches.length;
    for (const m of s.matches) match(m);
    sRows[o + S_CUE] = s.cue ? match(s.cue) : NONE;
  }
  const fRows = new Int32Array(a.findings.length * F);
  for (let i = 0; i < a.findings.length; i++) {
    const f = a.findings[i];
    const o = i * F;
    fRows[o] = f.start;
    fRows[o + 1] = f.end;
    fRows[o + 2] = f.page;
    fRows[o + 3] = str(f.category);
    fRows[o + 4] = !('subtype' in f) ? ABSENT : f.subtype === undefined ? NONE : str(f.subtype);
    fRows[o + 5] = str(f.entry);
    fRows[o + 6] = str(f.text);
    fRows[o + 7] = f.sentence;
  }
  const { sentences: _s, findings: _f, ...rest } = a;
  return { rest, keys: Object.keys(a), strings, sentences: sRows, matches: mRows, weights, findings: fRows };
}

/** The analysis `packAnalysis` packed; with `text`, each sentence's text is sliced from it (a packed '' otherwise stays ''). */
export function unpackAnalysis(p: PackedAnalysis, text?: string): DocumentAnalysis {
  const str = p.strings;
  const mr = p.matches;
  const match = (row: number): TermMatch => {
    const o = row * M;
    const neg = mr[o + 5];
    const m = { start: mr[o], end: mr[o + 1], text: str[mr[o + 2]], entry: str[mr[o + 3]], category: str[mr[o + 4]], weight: p.weights[row] } as TermMatch;
    if (neg !== NEG_ABSENT) m.negated = neg === NEG_TRUE ? true : neg === NEG_FALSE ? false : undefined;
    return m;
  };
  const sr = p.sentences;
  const n = sr.length / S;
  const sentences: SentenceAnalysis[] = [];
  for (let i = 0; i < n; i++) {
    const o = i * S;
    const flags = sr[o + S_FLAGS];
    const from = sr[o + S_MATCHES];
    const count = sr[o + S_MATCH_COUNT];
    const matches: TermMatch[] = [];
    for (let k = 0; k < count; k++) matches.push(match(from + k));
    const start = sr[o + S_START];
    const end = sr[o + S_END];
    const actor = sr[o + S_ACTOR];
    const cue = sr[o + S_CUE];
    const s = {
      index: sr[o + S_INDEX],
      start,
      end,
      text: text === undefined ? str[sr[o + S_TEXT]] : text.slice(start, end),
      deontic: str[sr[o + S_DEONTIC]],
      directive: (flags & DIRECTIVE) !== 0,
      actor: actor === NONE ? null : str[actor],
      district: str[sr[o + S_DISTRICT]],
      innovation: (flags & INNOVATION) !== 0,
      cocreation: (flags & COCREATION) !== 0,
      collaboration: (flags & COLLABORATION) !== 0,
      control: (flags & CONTROL) !== 0,
      framing: str[sr[o + S_FRAMING]],
      cue: cue === NONE ? undefined : match(cue),
      actorRange: flags & HAS_ACTOR_RANGE ? { start: sr[o + S_ACTOR_START], end: sr[o + S_ACTOR_END] } : undefined,
      actorLevel: str[sr[o + S_ACTOR_LEVEL]],
      reason: { deontic: str[sr[o + S_REASON_DEONTIC]], framing: str[sr[o + S_REASON_FRAMING]] },
      matches,
      page: sr[o + S_PAGE],
      section: sr[o + S_SECTION],
      excluded: (flags & EXCLUDED) !== 0,
    } as SentenceAnalysis;
    if (flags & CUT) s.cut = true;
    sentences.push(s);
  }
  const fr = p.findings;
  const findings: Finding[] = [];
  for (let o = 0; o < fr.length; o += F) {
    const sub = fr[o + 4];
    const f = { start: fr[o], end: fr[o + 1], page: fr[o + 2], category: str[fr[o + 3]] } as Finding;
    if (sub !== ABSENT) f.subtype = sub === NONE ? undefined : str[sub];
    f.entry = str[fr[o + 5]];
    f.text = str[fr[o + 6]];
    f.sentence = fr[o + 7];
    findings.push(f);
  }
  // the keys in the analysis's own order
  const out: Record<string, unknown> = {};
  const rest = p.rest as Record<string, unknown>;
  for (const k of p.keys) out[k] = k === 'sentences' ? sentences : k === 'findings' ? findings : rest[k];
  return out as unknown as DocumentAnalysis;
}
