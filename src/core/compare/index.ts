import type { Category, DistrictRole, DocumentAnalysis, Framing, SentenceAnalysis, StudyTerm } from '../types';
import { DISTRICT_ROLES } from '../types';
import type { DocumentKind } from '../classify/actors';
import { STUDY_TERMS } from '../report/counts';
import { sentenceScore } from '../suggest';

/**
 * Two versions of a document compared: the score and its axes and components, the sentences that became more
 * top-down or more enabling (matched across the versions also when moved or lightly edited), the sentences added
 * and removed, the districts' roles gained and lost, and the study's terms added and removed.
 *
 * Matching: identical sentences (after normalising white space, case and list markers) first, nearest position
 * first; then, among the rest, pairs whose word overlap (Dice over word multisets) reaches SIMILAR, best pair
 * first, looked up through shared rare words so that it stays fast on long documents. A matched sentence that kept
 * its text is unchanged (or moved, when it left the order of the others); one whose text changed is edited, and its
 * steering is compared through the sentence score (src/core/suggest: the sentence scored as a document of its own).
 */

/** Word overlap from which two sentences are one sentence edited. */
export const SIMILAR = 0.6;
/** A change of the sentence score smaller than this is no change of steering. */
const SCORE_EPSILON = 1;
/** At most this many candidate partners are compared per sentence. */
const MAX_CANDIDATES = 60;

export interface SentenceRef {
  index: number;
  text: string;
  start: number;
  end: number;
  framing: Framing;
  deontic: string;
  district: DistrictRole;
  /** Sentence score, −100 … +100. */
  score: number;
}

export type Direction = 'more-top-down' | 'more-enabling' | 'same';

export interface SentencePair {
  old: SentenceRef;
  new: SentenceRef;
  /** 1 for identical text. */
  similarity: number;
  /** The sentence's place changed relative to the others. */
  moved: boolean;
  direction: Direction;
  /** new score − old score. */
  delta: number;
}

export interface VersionComparison {
  score: { old: number; new: number; delta: number; oldLabel: string; newLabel: string };
  axes: { id: 'directive' | 'enabling'; old: number; new: number; delta: number }[];
  components: { id: string; label: string; old: number; new: number; delta: number }[];
  sentences: {
    moreTopDown: SentencePair[];
    moreEnabling: SentencePair[];
    /** Edited without a change of steering. */
    edited: SentencePair[];
    moved: SentencePair[];
    unchanged: number;
    added: SentenceRef[];
    removed: SentenceRef[];
  };
  districts: {
    roles: { role: Exclude<DistrictRole, 'none'>; old: number; new: number; delta: number }[];
    /** Sentences that give a district a role (or a better one) in the new version. */
    gained: { role: DistrictRole; from: DistrictRole; new: SentenceRef; old?: SentenceRef }[];
    /** Sentences whose district role is gone (or worse) in the new version. */
    lost: { role: DistrictRole; to: DistrictRole; old: SentenceRef; new?: SentenceRef }[];
  };
  terms: {
    counts: { term: StudyTerm; oldExact: number; newExact: number; oldInflected: number; newInflected: number }[];
    /** Innovation, co-creation and collaboration terms (as the lexicon found them) new in this version. */
    added: { term: string; category: Category; count: number; sentences: number[] }[];
    removed: { term: string; category: Category; count: number; sentences: number[] }[];
  };
}

const TERM_CATEGORIES: readonly Category[] = ['innovation', 'cocreation', 'collaboration'];
const FRAMING_RANK: Record<Framing, number> = { 'top-down': -1, neutral: 0, enabling: 1 };
/** District roles from the districts' point of view: obligated < mentioned < involved < enabled. */
const ROLE_RANK: Record<DistrictRole, number> = { none: 0, obligated: 0.5, mentioned: 1, involved: 2, enabled: 3 };

function normalise(s: string): string {
  return s
    .toLowerCase()
    .replace(/^[\s\-–•*o\d.)]+(?=\p{L})/u, '')
    .replace(/[\s«»"“”]+/gu, ' ')
    .replace(/[\s.:;!?]+$/u, '')
    .trim();
}

function wordsOf(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\d]+/gu) ?? [];
}

function dice(a: readonly string[], b: readonly string[]): number {
  if (a.length + b.length === 0) return 1;
  const m = new Map<string, number>();
  for (const x of a) m.set(x, (m.get(x) ?? 0) + 1);
  let shared = 0;
  for (const x of b) {
    const n = m.get(x);
    if (n) {
      shared++;
      m.set(x, n - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

/** Indexes (into `xs`) of a longest strictly increasing subsequence. */
function lis(xs: readonly number[]): Set<number> {
  const tails: number[] = [];
  const prev = new Array<number>(xs.length).fill(-1);
  for (let i = 0; i < xs.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[tails[mid]] < xs[i]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const out = new Set<number>();
  for (let k = tails.length ? tails[tails.length - 1] : -1; k >= 0; k = prev[k]) out.add(k);
  return out;
}

function refOf(s: SentenceAnalysis, kind: DocumentKind): SentenceRef {
  return {
    index: s.index,
    text: s.text.replace(/\s+/g, ' ').trim(),
    start: s.start,
    end: s.end,
    framing: s.framing,
    deontic: s.deontic,
    district: s.district,
    score: sentenceScore(s, s.text, kind),
  };
}

function usable(a: DocumentAnalysis): SentenceAnalysis[] {
  return a.sentences.filter((s) => !s.excluded && /\p{L}/u.test(s.text));
}

/** Pairs of (old index, new index, similarity) matching the two versions' sentences. */
export function matchSentences(oldS: readonly SentenceAnalysis[], newS: readonly SentenceAnalysis[]): { o: number; n: number; similarity: number }[] {
  const pairs: { o: number; n: number; similarity: number }[] = [];
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  // 1. identical text, nearest position first
  const byKey = new Map<string, number[]>();
  oldS.forEach((s, i) => {
    const k = normalise(s.text);
    const list = byKey.get(k);
    if (list) list.push(i);
    else byKey.set(k, [i]);
  });
  newS.forEach((s, j) => {
    const list = byKey.get(normalise(s.text));
    if (!list) return;
    let best = -1;
    for (const i of list) if (!usedOld.has(i) && (best < 0 || Math.abs(i - j) < Math.abs(best - j))) best = i;
    if (best < 0) return;
    usedOld.add(best);
    usedNew.add(j);
    pairs.push({ o: best, n: j, similarity: 1 });
  });
  // 2. lightly edited: word overlap, candidates through shared rare words
  const oldWords = oldS.map((s) => wordsOf(s.text));
  const newWords = newS.map((s) => wordsOf(s.text));
  const df = new Map<string, number>();
  for (const ws of [...oldWords, ...newWords]) for (const w of new Set(ws)) df.set(w, (df.get(w) ?? 0) + 1);
  const index = new Map<string, number[]>();
  oldWords.forEach((ws, i) => {
    if (usedOld.has(i)) return;
    for (const w of new Set(ws)) {
      let l = index.get(w);
      if (!l) index.set(w, (l = []));
      l.push(i);
    }
  });
  const fuzzy: { o: number; n: number; similarity: number }[] = [];
  newWords.forEach((ws, j) => {
    if (usedNew.has(j) || ws.length === 0) return;
    const shared = new Map<number, number>();
    // the rarest words first: they find the sentence's old version without scanning every sentence
    const rare = [...new Set(ws)].sort((a, b) => (df.get(a) ?? 0) - (df.get(b) ?? 0)).slice(0, 8);
    for (const w of rare) for (const i of index.get(w) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    const candidates = [...shared.entries()].sort((a, b) => b[1] - a[1]).slice(0, MAX_CANDIDATES);
    for (const [i] of candidates) {
      const sim = dice(oldWords[i], ws);
      if (sim >= SIMILAR) fuzzy.push({ o: i, n: j, similarity: sim });
    }
  });
  fuzzy.sort((a, b) => b.similarity - a.similarity || Math.abs(a.o - a.n) - Math.abs(b.o - b.n));
  for (const p of fuzzy) {
    if (usedOld.has(p.o) || usedNew.has(p.n)) continue;
    usedOld.add(p.o);
    usedNew.add(p.n);
    pairs.push({ ...p, similarity: Math.round(p.similarity * 1000) / 1000 });
  }
  return pairs.sort((a, b) => a.n - b.n);
}

function termsOf(sentences: readonly SentenceAnalysis[]): Map<string, { category: Category; count: number; sentences: number[] }> {
  const out = new Map<string, { category: Category; count: number; sentences: number[] }>();
  for (const s of sentences) {
    for (const m of s.matches) {
      if (!TERM_CATEGORIES.includes(m.category) || m.negated) continue;
      const term = m.text.toLowerCase().replace(/\s+/g, ' ');
      let t = out.get(term);
      if (!t) out.set(term, (t = { category: m.category, count: 0, sentences: [] }));
      t.count++;
      if (!t.sentences.includes(s.index)) t.sentences.push(s.index);
    }
  }
  return out;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function compareVersions(oldA: DocumentAnalysis, newA: DocumentAnalysis): VersionComparison {
  const kind = (newA.stance.kind || oldA.stance.kind) as DocumentKind;
  const oldS = usable(oldA);
  const newS = usable(newA);
  const matches = matchSentences(oldS, newS);
  const inOrder = lis(matches.map((p) => p.o));

  const pairs: SentencePair[] = matches.map((p, k) => {
    const o = refOf(oldS[p.o], kind);
    const n = refOf(newS[p.n], kind);
    const delta = round1(n.score - o.score);
    const rank = FRAMING_RANK[n.framing] - FRAMING_RANK[o.framing];
    const direction: Direction =
      p.similarity === 1 ? 'same' : rank < 0 || (rank === 0 && delta <= -SCORE_EPSILON) ? 'more-top-down' : rank > 0 || (rank === 0 && delta >= SCORE_EPSILON) ? 'more-enabling' : 'same';
    return { old: o, new: n, similarity: p.similarity, moved: !inOrder.has(k), direction, delta };
  });
  const matchedOld = new Set(matches.map((p) => p.o));
  const matchedNew = new Set(matches.map((p) => p.n));
  const added = newS.filter((_, j) => !matchedNew.has(j)).map((s) => refOf(s, kind));
  const removed = oldS.filter((_, i) => !matchedOld.has(i)).map((s) => refOf(s, kind));

  // districts
  const gained: VersionComparison['districts']['gained'] = [];
  const lost: VersionComparison['districts']['lost'] = [];
  for (const p of pairs) {
    const a = ROLE_RANK[p.old.district];
    const b = ROLE_RANK[p.new.district];
    if (b > a && p.new.district !== 'mentioned') gained.push({ role: p.new.district, from: p.old.district, new: p.new, old: p.old });
    else if (b < a && p.old.district !== 'mentioned') lost.push({ role: p.old.district, to: p.new.district, old: p.old, new: p.new });
  }
  for (const s of added) if (s.district !== 'none' && s.district !== 'mentioned') gained.push({ role: s.district, from: 'none', new: s });
  for (const s of removed) if (s.district !== 'none' && s.district !== 'mentioned') lost.push({ role: s.district, to: 'none', old: s });

  // terms
  const oldTerms = termsOf(oldS);
  const newTerms = termsOf(newS);
  const termsAdded = [...newTerms.entries()].filter(([t]) => !oldTerms.has(t)).map(([term, v]) => ({ term, ...v }));
  const termsRemoved = [...oldTerms.entries()].filter(([t]) => !newTerms.has(t)).map(([term, v]) => ({ term, ...v }));

  const comp = (id: string) => ({ old: oldA.score.components.find((c) => c.id === id), new: newA.score.components.find((c) => c.id === id) });
  const componentIds = [...new Set([...oldA.score.components, ...newA.score.components].map((c) => c.id))];
  return {
    score: { old: oldA.score.value, new: newA.score.value, delta: round1(newA.score.value - oldA.score.value), oldLabel: oldA.score.label, newLabel: newA.score.label },
    axes: (['directive', 'enabling'] as const).map((id) => ({ id, old: oldA.score.axes[id], new: newA.score.axes[id], delta: newA.score.axes[id] - oldA.score.axes[id] })),
    components: componentIds.map((id) => {
      const c = comp(id);
      const o = c.old?.contribution ?? 0;
      const n = c.new?.contribution ?? 0;
      return { id, label: (c.new ?? c.old)!.label, old: o, new: n, delta: round1(n - o) };
    }),
    sentences: {
      moreTopDown: pairs.filter((p) => p.direction === 'more-top-down'),
      moreEnabling: pairs.filter((p) => p.direction === 'more-enabling'),
      edited: pairs.filter((p) => p.similarity < 1 && p.direction === 'same'),
      moved: pairs.filter((p) => p.moved && p.similarity === 1),
      unchanged: pairs.filter((p) => p.similarity === 1).length,
      added,
      removed,
    },
    districts: {
      roles: DISTRICT_ROLES.map((role) => ({ role, old: oldA.district.roles[role], new: newA.district.roles[role], delta: newA.district.roles[role] - oldA.district.roles[role] })),
      gained,
      lost,
    },
    terms: {
      counts: STUDY_TERMS.map((term) => ({
        term,
        oldExact: oldA.counts.exact[term],
        newExact: newA.counts.exact[term],
        oldInflected: oldA.counts.inflected[term],
        newInflected: newA.counts.inflected[term],
      })),
      added: termsAdded,
      removed: termsRemoved,
    },
  };
}
