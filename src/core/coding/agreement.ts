/**
 * Inter-coder agreement: Cohen's kappa per code between two coders (or the autocoding and a researcher)
 * over the same documents, with the table of disagreements to review.
 *
 * The unit of analysis is the sentence, the paragraph (block) or the character (code point), as in NVivo's
 * coding comparison. For sentences and paragraphs a coder "applied" a code to a unit when one of the coder's
 * codings with that code overlaps the unit (by at least `minOverlap` of the unit, default: any overlap).
 * Per code this gives a 2×2 table (both, only A, only B, neither) and
 *
 *     κ = (p_o − p_e) / (1 − p_e)           (Cohen 1960)
 *
 * with p_o the observed agreement and p_e the agreement expected from the coders' marginal rates.
 */
import { segmentBlocks, sentencesOf } from '../segment/segment';
import type { Range, SourceFormat } from '../types';
import type { Coding } from './codings';
import { CanonicalText, Span } from './text';

export interface KappaResult {
  n: number;
  /** Observed agreement. */
  po: number;
  /** Agreement expected by chance. */
  pe: number;
  /** null when there are no units; 1 when p_e = 1 (both coders put every unit in the same category). */
  kappa: number | null;
}

/** Cohen's kappa of a k×k agreement table (rows: coder A's category, columns: coder B's), counts or proportions. */
export function cohenKappa(table: readonly (readonly number[])[]): KappaResult {
  const k = table.length;
  if (table.some((r) => r.length !== k)) throw new Error('The agreement table must be square.');
  let n = 0;
  for (const r of table) for (const v of r) n += v;
  if (n <= 0) return { n: 0, po: 0, pe: 0, kappa: null };
  let diag = 0;
  let pe = 0;
  for (let i = 0; i < k; i++) {
    diag += table[i][i];
    let row = 0;
    let col = 0;
    for (let j = 0; j < k; j++) {
      row += table[i][j];
      col += table[j][i];
    }
    pe += (row / n) * (col / n);
  }
  const po = diag / n;
  // p_e = 1 only when every unit sits in one diagonal cell, i.e. p_o = 1 too: complete agreement
  const kappa = pe >= 1 - 1e-12 ? 1 : (po - pe) / (1 - pe);
  return { n, po, pe, kappa };
}

export type AgreementUnit = 'sentence' | 'paragraph' | 'character';

export interface AgreementDocument {
  /** Matches Coding.target.source. */
  source: string;
  /** The document's analysed (or canonical) text. */
  text: string;
  format?: SourceFormat;
  /** Units to use instead of the segmenter's (canonical code point spans). */
  units?: Span[];
}

export interface AgreementOptions {
  unit?: AgreementUnit;
  /** Codes to compare (default: every code either coder used). */
  codes?: readonly string[];
  /** Share of a sentence/paragraph a coding must cover to count (default 0: any overlap). */
  minOverlap?: number;
  /** Cap on the disagreement rows kept per code (default 500). */
  maxDisagreements?: number;
}

export interface TwoByTwo {
  both: number;
  onlyA: number;
  onlyB: number;
  neither: number;
}

export interface Disagreement {
  source: string;
  /** Code points over the canonical text. */
  start: number;
  end: number;
  text: string;
  /** The coder who applied the code (the other did not). */
  coder: 'A' | 'B';
}

export interface CodeAgreement extends KappaResult {
  code: string;
  table: TwoByTwo;
  disagreements: Disagreement[];
  /** True when `maxDisagreements` cut the list. */
  truncated: boolean;
}

export interface AgreementResult {
  unit: AgreementUnit;
  perCode: CodeAgreement[];
  /** All codes' tables added up. */
  pooled: KappaResult & { table: TwoByTwo };
  /** Mean of the defined per-code kappas (null when none is defined). */
  meanKappa: number | null;
  /** Orphaned codings and codings of documents not in `docs` (not counted). */
  skipped: { A: number; B: number };
}

function kappa2(t: TwoByTwo): KappaResult {
  return cohenKappa([
    [t.both, t.onlyA],
    [t.onlyB, t.neither],
  ]);
}

/** Sorted, merged intervals. */
function union(spans: Span[]): Span[] {
  const s = spans.filter((x) => x.end > x.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const x of s) {
    const last = out[out.length - 1];
    if (last && x.start <= last.end) last.end = Math.max(last.end, x.end);
    else out.push({ ...x });
  }
  return out;
}

function length(spans: Span[]): number {
  return spans.reduce((n, s) => n + s.end - s.start, 0);
}

function intersect(a: Span[], b: Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i].start, b[j].start);
    const e = Math.min(a[i].end, b[j].end);
    if (e > s) out.push({ start: s, end: e });
    if (a[i].end < b[j].end) i++;
    else j++;
  }
  return out;
}

function subtract(a: Span[], b: Span[]): Span[] {
  const out: Span[] = [];
  let j = 0;
  for (const x of a) {
    let start = x.start;
    while (j < b.length && b[j].end <= start) j++;
    let k = j;
    while (k < b.length && b[k].start < x.end) {
      if (b[k].start > start) out.push({ start, end: b[k].start });
      start = Math.max(start, b[k].end);
      k++;
    }
    if (start < x.end) out.push({ start, end: x.end });
  }
  return out;
}

/** Sentence or paragraph units of a canonical text, as code point spans. */
export function agreementUnits(doc: CanonicalText, unit: 'sentence' | 'paragraph', format: SourceFormat = 'txt'): Span[] {
  const blocks = segmentBlocks(doc.text, format);
  const ranges: Range[] =
    unit === 'paragraph' ? blocks : blocks.flatMap((b) => sentencesOf(doc.text, b).map((r) => ({ start: r.start, end: r.end })));
  return ranges.map((r) => doc.index.spanToCodePoints(r));
}

/** Agreement between coder A's and coder B's codings over `docs`. */
export function codingAgreement(
  docs: readonly AgreementDocument[],
  codingsA: readonly Coding[],
  codingsB: readonly Coding[],
  opts: AgreementOptions = {},
): AgreementResult {
  const unit = opts.unit ?? 'sentence';
  const minOverlap = opts.minOverlap ?? 0;
  const maxRows = opts.maxDisagreements ?? 500;
  const sources = new Set(docs.map((d) => d.source));
  const skipped = { A: 0, B: 0 };
  const usable = (cs: readonly Coding[], who: 'A' | 'B') =>
    cs.filter((c) => {
      const ok = c.anchor?.status !== 'orphaned' && sources.has(c.target.source);
      if (!ok) skipped[who]++;
      return ok;
    });
  const A = usable(codingsA, 'A');
  const B = usable(codingsB, 'B');
  const codes = opts.codes ? [...opts.codes] : [...new Set([...A, ...B].map((c) => c.code))].sort();

  const perCode: CodeAgreement[] = codes.map((code) => ({
    code,
    table: { both: 0, onlyA: 0, onlyB: 0, neither: 0 },
    disagreements: [],
    truncated: false,
    n: 0,
    po: 0,
    pe: 0,
    kappa: null,
  }));
  const byCode = new Map(perCode.map((p) => [p.code, p]));

  for (const d of docs) {
    const canon = new CanonicalText(d.text);
    const spansOf = (cs: Coding[], code: string): Span[] =>
      cs
        .filter((c) => c.code === code && c.target.source === d.source)
        .map((c) => ({ start: c.target.selector[1].start, end: c.target.selector[1].end }));
    const excerpt = (s: Span): string => {
      const u = canon.index.spanToUtf16(s);
      return canon.text.slice(u.start, u.end);
    };
    const units = unit === 'character' ? undefined : (d.units ?? agreementUnits(canon, unit, d.format ?? 'txt'));
    const total = canon.index.length;
    for (const code of codes) {
      const acc = byCode.get(code)!;
      const a = union(spansOf(A, code));
      const b = union(spansOf(B, code));
      const addRow = (s: Span, coder: 'A' | 'B') => {
        if (acc.disagreements.length >= maxRows) {
          acc.truncated = true;
          return;
        }
        acc.disagreements.push({ source: d.source, start: s.start, end: s.end, text: excerpt(s), coder });
      };
      if (!units) {
        const both = length(intersect(a, b));
        const la = length(a);
        const lb = length(b);
        acc.table.both += both;
        acc.table.onlyA += la - both;
        acc.table.onlyB += lb - both;
        acc.table.neither += total - (la + lb - both);
        for (const s of subtract(a, b)) addRow(s, 'A');
        for (const s of subtract(b, a)) addRow(s, 'B');
        continue;
      }
      for (const u of units) {
        const size = u.end - u.start;
        if (size <= 0) continue;
        const need = Math.max(1, Math.ceil(size * minOverlap));
        const inA = length(intersect(a, [u])) >= need;
        const inB = length(intersect(b, [u])) >= need;
        if (inA && inB) acc.table.both++;
        else if (inA) {
          acc.table.onlyA++;
          addRow(u, 'A');
        } else if (inB) {
          acc.table.onlyB++;
          addRow(u, 'B');
        } else acc.table.neither++;
      }
    }
  }

  const pooledTable: TwoByTwo = { both: 0, onlyA: 0, onlyB: 0, neither: 0 };
  for (const p of perCode) {
    Object.assign(p, kappa2(p.table));
    pooledTable.both += p.table.both;
    pooledTable.onlyA += p.table.onlyA;
    pooledTable.onlyB += p.table.onlyB;
    pooledTable.neither += p.table.neither;
  }
  const defined = perCode.map((p) => p.kappa).filter((k): k is number => k !== null);
  return {
    unit,
    perCode,
    pooled: { ...kappa2(pooledTable), table: pooledTable },
    meanKappa: defined.length ? defined.reduce((s, k) => s + k, 0) / defined.length : null,
    skipped,
  };
}
