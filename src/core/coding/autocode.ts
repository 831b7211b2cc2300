/**
 * Autocoding: the engine's findings as codings of the default codebook's category codes, at the level the
 * user picks — the match itself, its sentence, or its paragraph (block: paragraph, list item or heading).
 * At sentence and paragraph level one coding per unit and category, whatever the number of findings in it;
 * its memo lists them, for review. Running headers and footers give no findings, so no codings.
 */
import { segmentBlocks } from '../segment/segment';
import type { Category, DocumentAnalysis, Finding, Range, SourceFormat } from '../types';
import { Codebook, categoryCode } from './codebook';
import { AUTOCODER, Coding, CodingUser, codingOfCanonical } from './codings';
import { nameGuid } from './guid';
import { CanonicalText } from './text';

export type CodingLevel = 'match' | 'sentence' | 'paragraph';
export const CODING_LEVELS: readonly CodingLevel[] = ['match', 'sentence', 'paragraph'];

export interface AutocodeSource {
  /** The document's path relative to its coding root (Coding.target.source). */
  source: string;
  /** The analysed text (raw: the engine's offsets point into it). */
  text: string;
  format: SourceFormat;
  analysis: DocumentAnalysis;
}

export interface AutocodeOptions {
  level?: CodingLevel;
  /** Only these categories (default all). */
  categories?: readonly Category[];
  creator?: CodingUser;
  /** ISO time stamp of the codings (default now). */
  created?: string;
}

/**
 * Codings for the findings of `doc`. Coding GUIDs are name-based (source, code, span), so autocoding the
 * same document twice gives the same GUIDs and merging is idempotent.
 */
export function autocode(doc: AutocodeSource, codebook: Codebook, opts: AutocodeOptions = {}): Coding[] {
  const level = opts.level ?? 'sentence';
  const canon = new CanonicalText(doc.text);
  const created = opts.created ?? new Date().toISOString();
  const creator = opts.creator ?? AUTOCODER;
  const cats = opts.categories ? new Set(opts.categories) : undefined;
  const a = doc.analysis;

  let blocks: Range[] | undefined;
  const blockOf = (offset: number): Range | undefined => {
    blocks ??= segmentBlocks(doc.text, doc.format);
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (blocks[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    const b = blocks[lo];
    return b && b.start <= offset && offset < b.end ? b : undefined;
  };

  // unit key → (span, category, findings)
  const units = new Map<string, { span: Range; category: Category; findings: Finding[] }>();
  for (const f of a.findings) {
    if (cats && !cats.has(f.category)) continue;
    let span: Range;
    if (level === 'match') span = { start: f.start, end: f.end };
    else if (level === 'sentence') {
      const s = a.sentences[f.sentence];
      span = s ? { start: s.start, end: s.end } : { start: f.start, end: f.end };
    } else {
      const b = blockOf(f.start);
      span = b ? { start: b.start, end: b.end } : { start: f.start, end: f.end };
    }
    const key = `${f.category}:${span.start}:${span.end}`;
    const u = units.get(key);
    if (u) u.findings.push(f);
    else units.set(key, { span, category: f.category, findings: [f] });
  }

  const out: Coding[] = [];
  for (const u of [...units.values()].sort((x, y) => x.span.start - y.span.start || x.span.end - y.span.end)) {
    const code = categoryCode(codebook, u.category);
    if (!code) continue;
    const span = { start: canon.fromRaw(u.span.start), end: canon.fromRaw(u.span.end) };
    if (span.end <= span.start) continue;
    const memo =
      `Autocoded (${level}): ` +
      u.findings
        .map((f) => `«${f.text.replace(/\s+/g, ' ')}» ${f.entry}${f.subtype ? ` (${f.subtype})` : ''}`)
        .join('; ');
    out.push(
      codingOfCanonical(canon, span, {
        id: nameGuid(`autocode:${doc.source}:${code.id}:${span.start}:${span.end}`),
        code: code.id,
        source: doc.source,
        creator,
        origin: 'autocode',
        memo,
        created,
      }),
    );
  }
  return out;
}

/** Adds `extra` codings to `base`, skipping those with an id already present. */
export function mergeCodings(base: readonly Coding[], extra: readonly Coding[]): Coding[] {
  const ids = new Set(base.map((c) => c.id));
  return [...base, ...extra.filter((c) => !ids.has(c.id))];
}
