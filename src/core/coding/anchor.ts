/**
 * Re-anchoring codings after the document changed, in the spirit of the W3C TextQuoteSelector (and of
 * Hypothesis's anchoring):
 *
 *   1. exact    the stored position still holds the quoted text;
 *   2. moved    the quote occurs elsewhere and its context (prefix/suffix) or the position hint picks one
 *               occurrence;
 *   3. fuzzy    the quote was edited: the passage between the unchanged prefix and suffix, or the best
 *               approximate match (edit distance) near the old position, similar enough to the quote;
 *   4. orphaned nothing convincing: the coding is kept, unchanged, and flagged — never dropped.
 *
 * All searching is done in the canonical text (UTF-16); positions are stored in code points.
 */
import type { AnchorStatus, Coding, TextQuoteSelector } from './codings';
import { selectorsFor } from './codings';
import { CanonicalText, Span } from './text';

export interface AnchorOptions {
  /** Minimum similarity (1 − edit distance / length) of a fuzzy match without both context sides. Default 0.75. */
  minSimilarity?: number;
  /** Minimum similarity when the unchanged prefix and suffix bracket the passage. Default 0.5. */
  minBracketedSimilarity?: number;
}

export interface AnchorResult {
  status: AnchorStatus;
  /** Canonical UTF-16 span (undefined when orphaned). */
  span?: Span;
  similarity: number;
}

// ───────────────────────────── string helpers ─────────────────────────────

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

function occurrences(text: string, s: string, limit = 2000): number[] {
  const out: number[] = [];
  if (!s) return out;
  let i = text.indexOf(s);
  while (i >= 0 && out.length < limit) {
    out.push(i);
    i = text.indexOf(s, i + 1);
  }
  return out;
}

/** Levenshtein distance of a and b, or `max + 1` when it exceeds `max` (banded). */
export function editDistance(a: string, b: string, max = Infinity): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0) return m;
  if (m === 0) return n;
  const band = Math.min(Math.max(n, m), Number.isFinite(max) ? max : Math.max(n, m));
  const BIG = 1e9;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j <= band ? j : BIG;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - band);
    const hi = Math.min(m, i + band);
    cur.fill(BIG);
    cur[0] = i <= band ? i : BIG;
    let rowMin = cur[0];
    const ac = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const cost = ac === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j - 1] + cost, prev[j] + 1, cur[j - 1] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(prev[m], max + 1);
}

export function similarity(a: string, b: string): number {
  const len = Math.max(a.length, b.length);
  if (len === 0) return 1;
  return 1 - editDistance(a, b) / len;
}

/**
 * Aligns all of `pattern` against a prefix of `text` (fixed start, free end).
 * Returns the prefix length with the smallest edit distance (ties: closest to the pattern's length).
 */
function alignFixedStart(pattern: string, text: string, maxExtra: number): { len: number; dist: number } {
  const m = pattern.length;
  const L = Math.min(text.length, m + maxExtra);
  let prev = new Int32Array(L + 1);
  let cur = new Int32Array(L + 1);
  for (let j = 0; j <= L; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const pc = pattern.charCodeAt(i - 1);
    for (let j = 1; j <= L; j++) {
      const cost = pc === text.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j - 1] + cost, prev[j] + 1, cur[j - 1] + 1);
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  let best = { len: 0, dist: prev[0] };
  for (let j = 1; j <= L; j++) {
    if (prev[j] < best.dist || (prev[j] === best.dist && Math.abs(j - m) < Math.abs(best.len - m))) best = { len: j, dist: prev[j] };
  }
  return best;
}

function reverse(s: string): string {
  let r = '';
  for (let i = s.length - 1; i >= 0; i--) r += s[i];
  return r;
}

/**
 * Approximate search (Sellers' algorithm with Ukkonen's cut-off): the ends of substrings of `text` within
 * edit distance `k` of `pattern`, with their distances. Runs in about O(k · n).
 */
function approximateEnds(pattern: string, text: string, k: number): { end: number; dist: number }[] {
  const m = pattern.length;
  const INF = k + 1;
  const C = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) C[i] = Math.min(i, INF);
  let lact = Math.min(m, k);
  const out: { end: number; dist: number }[] = [];
  for (let j = 0; j < text.length; j++) {
    const tc = text.charCodeAt(j);
    const top = Math.min(m, lact + 1);
    let diag = 0;
    let left = 0;
    for (let i = 1; i <= top; i++) {
      const up = C[i];
      const v = Math.min(diag + (pattern.charCodeAt(i - 1) === tc ? 0 : 1), up + 1, left + 1, INF);
      diag = up;
      C[i] = v;
      left = v;
    }
    const wasTop = top;
    lact = top;
    while (lact > 0 && C[lact] > k) lact--;
    for (let i = lact + 1; i <= wasTop; i++) C[i] = INF;
    if (lact === m) out.push({ end: j + 1, dist: C[m] });
  }
  return out;
}

// ───────────────────────────── anchoring ─────────────────────────────

function contextScore(text: string, at: number, q: TextQuoteSelector): number {
  const total = q.prefix.length + q.suffix.length;
  if (total === 0) return 1;
  const before = text.slice(Math.max(0, at - q.prefix.length), at);
  const after = text.slice(at + q.exact.length, at + q.exact.length + q.suffix.length);
  // An empty stored prefix means the passage began the text: that context holds when it still does.
  const p = q.prefix.length ? commonSuffix(q.prefix, before) : 0;
  const s = q.suffix.length ? commonPrefix(q.suffix, after) : 0;
  return (p + s) / total;
}

/** Like contextScore, for a span whose text differs from the quote. */
function spanContextScore(text: string, start: number, end: number, q: TextQuoteSelector): number {
  const total = q.prefix.length + q.suffix.length;
  if (total === 0) return 1;
  const p = q.prefix.length ? commonSuffix(q.prefix, text.slice(Math.max(0, start - q.prefix.length), start)) : 0;
  const s = q.suffix.length ? commonPrefix(q.suffix, text.slice(end, end + q.suffix.length)) : 0;
  return (p + s) / total;
}

/** Nearest occurrence (by `key`) of any of the needles, longest needle first; undefined when none. */
function nearest(text: string, needles: string[], key: (at: number, needle: string) => number): { at: number; needle: string } | undefined {
  for (const n of needles) {
    if (!n) continue;
    const occ = occurrences(text, n);
    if (occ.length === 0) continue;
    let best = occ[0];
    for (const o of occ) if (key(o, n) < key(best, n)) best = o;
    return { at: best, needle: n };
  }
  return undefined;
}

/** Where a stored coding's passage is in `doc` now. */
export function anchorQuote(doc: CanonicalText, quote: TextQuoteSelector, hintCp: Span, opts: AnchorOptions = {}): AnchorResult {
  const text = doc.text;
  const exact = quote.exact;
  const minSim = opts.minSimilarity ?? 0.75;
  const minBracket = opts.minBracketedSimilarity ?? 0.5;
  const hint = doc.index.spanToUtf16({
    start: Math.min(hintCp.start, doc.index.length),
    end: Math.min(hintCp.end, doc.index.length),
  });

  // 1. exact: the position still holds the quote
  if (exact && text.slice(hint.start, hint.start + exact.length) === exact && hint.end - hint.start === exact.length) {
    return { status: 'exact', span: { start: hint.start, end: hint.start + exact.length }, similarity: 1 };
  }
  if (!exact) return { status: 'orphaned', similarity: 0 };

  // 2. moved: the quote elsewhere, picked by its context and the position hint
  const occ = occurrences(text, exact);
  if (occ.length) {
    let best = occ[0];
    let bestCtx = -1;
    for (const o of occ) {
      const ctx = contextScore(text, o, quote);
      if (ctx > bestCtx || (ctx === bestCtx && Math.abs(o - hint.start) < Math.abs(best - hint.start))) {
        best = o;
        bestCtx = ctx;
      }
    }
    const unique = occ.length === 1;
    const near = Math.abs(best - hint.start) <= 256;
    if (bestCtx >= 0.5 || (bestCtx > 0 && (unique || near)) || (unique && (exact.length >= 24 || near))) {
      return { status: best === hint.start ? 'exact' : 'moved', span: { start: best, end: best + exact.length }, similarity: 1 };
    }
  }

  // 3. fuzzy
  const m = exact.length;
  const slack = Math.max(64, m);
  const prefixes = quote.prefix ? [quote.prefix, ...(quote.prefix.length > 12 ? [quote.prefix.slice(-12)] : [])] : [];
  const suffixes = quote.suffix ? [quote.suffix, ...(quote.suffix.length > 12 ? [quote.suffix.slice(0, 12)] : [])] : [];
  const pre = quote.prefix
    ? nearest(text, prefixes, (at, n) => Math.abs(at + n.length - hint.start))
    : hint.start <= slack
      ? { at: 0, needle: '' }
      : undefined;
  const suf = quote.suffix
    ? nearest(text, suffixes, (at) => Math.abs(at - hint.end))
    : text.length - hint.end <= slack
      ? { at: text.length, needle: '' }
      : undefined;
  const preEnd = pre ? pre.at + pre.needle.length : undefined;

  // 3a. the unchanged prefix and suffix bracket the edited passage
  if (preEnd !== undefined && suf && suf.at >= preEnd && suf.at - preEnd <= 2 * m + slack) {
    const candidate = text.slice(preEnd, suf.at);
    const sim = candidate.trim() ? similarity(exact, candidate) : 0;
    if (sim >= minBracket) return { status: 'fuzzy', span: { start: preEnd, end: suf.at }, similarity: sim };
  }
  // 3b. one side holds: align the quote from the prefix's end, or up to the suffix's start
  const maxExtra = Math.ceil(m * (1 - minSim)) + 8;
  if (preEnd !== undefined) {
    const r = alignFixedStart(exact, text.slice(preEnd, preEnd + m + maxExtra), maxExtra);
    const sim = r.len > 0 ? 1 - r.dist / Math.max(m, r.len) : 0;
    if (sim >= minSim) return { status: 'fuzzy', span: { start: preEnd, end: preEnd + r.len }, similarity: sim };
  }
  if (suf) {
    const from = Math.max(0, suf.at - m - maxExtra);
    const r = alignFixedStart(reverse(exact), reverse(text.slice(from, suf.at)), maxExtra);
    const sim = r.len > 0 ? 1 - r.dist / Math.max(m, r.len) : 0;
    if (sim >= minSim) return { status: 'fuzzy', span: { start: suf.at - r.len, end: suf.at }, similarity: sim };
  }
  // 3c. approximate match near the old position (long enough quotes only: short ones are ambiguous)
  if (m >= 16) {
    const k = Math.floor(m * (1 - minSim));
    const piece = m > 512 ? exact.slice(0, 256) : exact;
    const kp = m > 512 ? Math.floor(piece.length * (1 - minSim)) : k;
    const w = Math.max(512, 2 * m);
    const from = Math.max(0, hint.start - w);
    const to = Math.min(text.length, hint.end + w);
    const ends = approximateEnds(piece, text.slice(from, to), kp);
    if (ends.length) {
      let best = ends[0];
      for (const e of ends) {
        if (e.dist < best.dist || (e.dist === best.dist && Math.abs(from + e.end - hint.start) < Math.abs(from + best.end - hint.start))) best = e;
      }
      const pieceEnd = from + best.end;
      // start of the piece: align it backwards from its end
      const back = alignFixedStart(reverse(piece), reverse(text.slice(Math.max(0, pieceEnd - piece.length - kp), pieceEnd)), kp);
      const start = pieceEnd - back.len;
      let end = pieceEnd;
      if (piece.length < m) {
        const fwd = alignFixedStart(exact, text.slice(start, start + m + maxExtra), maxExtra);
        end = start + fwd.len;
      }
      const sim = similarity(exact, text.slice(start, end));
      // Without either context side a merely similar passage is not enough (a deleted sentence must not
      // jump to its neighbour): ask for some context, or a near-identical quote.
      const ctx = spanContextScore(text, start, end, quote);
      if (sim >= minSim && (ctx >= 0.25 || sim >= 0.9)) return { status: 'fuzzy', span: { start, end }, similarity: sim };
    }
  }
  return { status: 'orphaned', similarity: 0 };
}

export interface ReanchorReport {
  exact: number;
  moved: number;
  fuzzy: number;
  orphaned: number;
}

/**
 * Re-anchors codings against the document's current canonical text. Returns new coding objects (the
 * inputs are not changed): selectors updated for moved and fuzzy ones, `anchor` set on all; orphaned
 * codings keep their old selectors.
 */
export function reanchorCodings(
  doc: CanonicalText,
  codings: readonly Coding[],
  opts: AnchorOptions & { now?: string } = {},
): { codings: Coding[]; report: ReanchorReport } {
  const now = opts.now ?? new Date().toISOString();
  const report: ReanchorReport = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  const out = codings.map((c) => {
    const [quote, pos] = c.target.selector;
    const r = anchorQuote(doc, quote, { start: pos.start, end: pos.end }, opts);
    report[r.status]++;
    if (r.status === 'orphaned' || !r.span) {
      return { ...c, anchor: { status: 'orphaned' as const, similarity: 0, checked: now } };
    }
    const selector = selectorsFor(doc, r.span);
    const anchor: NonNullable<Coding['anchor']> = { status: r.status, similarity: r.similarity, checked: now };
    if (r.status === 'fuzzy') anchor.previousExact = quote.exact;
    return { ...c, target: { ...c.target, selector }, anchor, ...(r.status === 'fuzzy' ? { modified: now } : {}) };
  });
  return { codings: out, report };
}
