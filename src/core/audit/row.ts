/**
 * The compact per-document row of a workspace audit: what the comparison table, its exports and the CLI's
 * `analyze --format csv` show of a document. Pure: built from a DocumentAnalysis, no I/O, no `vscode`.
 *
 * Densities are sentences per 1,000 content words (words without running headers and footers), the same
 * definition the CLI has always used for «directive per 1,000 words».
 */
import type { Category, DistrictRole, DocumentAnalysis, Score, ScoreComponent, SourceFormat, StudyTerm } from '../types';
import { CATEGORIES, DISTRICT_ROLES } from '../types';
import { STUDY_TERMS } from '../report/counts';

export interface AuditRowComponent {
  id: string;
  label: string;
  value: number;
  unit: string;
  contribution: number;
}

export interface AuditRow {
  /** The document's path as it was given to the audit. */
  file: string;
  format: SourceFormat;
  /** Written standard, Bokmål or Nynorsk (detected or set). */
  language: string;
  pages: number;
  /** Content words. */
  words: number;
  extractedWords: number;
  sentences: number;
  /** What kind of document the engine took it for, and who writes it (drives the relative-actor scoring). */
  stance: { kind: string; writerLevel: string };
  score: { value: number; label: string; axes: { directive: number; enabling: number } };
  components: AuditRowComponent[];
  /** Sentences per 1,000 content words. */
  density: { directive: number; control: number; enabling: number };
  /** The study's word counts: whole words (`exact`) and with inflections and compounds (`inflected`). */
  counts: { exact: Record<StudyTerm, number>; inflected: Record<StudyTerm, number> };
  /** Sentences per category. */
  categories: Record<Category, number>;
  /** Sentences about innovation (= categories.innovation). */
  innovationSentences: number;
  /** Sentences about co-creation (= categories.cocreation). */
  cocreationSentences: number;
  district: {
    mentions: number;
    roles: Record<Exclude<DistrictRole, 'none'>, number>;
    /** Sentences about innovation or co-creation (either). */
    innovationOrCocreationSentences: number;
    /** … of which give a district a role (obligated, enabled or involved). */
    withRole: number;
    /** … of which give the districts none: the district-role gap. */
    gap: number;
  };
  warnings: string[];
}

/** `rec` with `keys` first, in their order (0 when missing); keys the engine adds later are kept after them. */
export function ordered<K extends string>(keys: readonly K[], rec: Partial<Record<K, number>> | undefined): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const k of keys) out[k] = rec?.[k] ?? 0;
  if (rec) for (const k of Object.keys(rec) as K[]) if (!(k in out)) out[k] = rec[k] as number;
  return out;
}

/** The score without its components: value, label and both axes (the row's `score`; the JSON record's starts so). */
export function scoreSummary(s: Score): AuditRow['score'] {
  return { value: s.value, label: s.label, axes: { directive: s.axes.directive, enabling: s.axes.enabling } };
}

/** A component of the score without its sentences (the row's; the JSON record's adds them). */
export function scoreComponent(c: ScoreComponent): AuditRowComponent {
  return { id: c.id, label: c.label, value: c.value, unit: c.unit, contribution: c.contribution };
}

const per1000 = (n: number, words: number): number => (words > 0 ? (n * 1000) / words : 0);

/** -0 → 0 everywhere (JSON has no negative zero: a cached row must equal a fresh one). */
function noNegativeZero<T>(x: T): T {
  if (typeof x === 'number') return (Object.is(x, -0) ? 0 : x) as T;
  if (Array.isArray(x)) return x.map(noNegativeZero) as T;
  if (x && typeof x === 'object') {
    for (const k of Object.keys(x)) (x as Record<string, unknown>)[k] = noNegativeZero((x as Record<string, unknown>)[k]);
  }
  return x;
}

/** The audit row of one analysed document. */
export function auditRow(file: string, a: DocumentAnalysis): AuditRow {
  return noNegativeZero(buildRow(file, a));
}

function buildRow(file: string, a: DocumentAnalysis): AuditRow {
  const categories = ordered(CATEGORIES, a.categories);
  const d = a.district;
  return {
    file,
    format: a.format,
    language: a.language ?? 'nb',
    pages: a.pages,
    words: a.words,
    extractedWords: a.extractedWords,
    sentences: a.sentences.length,
    stance: { kind: a.stance?.kind ?? 'unknown', writerLevel: a.stance?.writerLevel ?? '' },
    score: scoreSummary(a.score),
    components: a.score.components.map(scoreComponent),
    density: {
      directive: per1000(categories.directive, a.words),
      control: per1000(categories.control, a.words),
      enabling: per1000(categories.enabling, a.words),
    },
    counts: { exact: ordered(STUDY_TERMS, a.counts.exact), inflected: ordered(STUDY_TERMS, a.counts.inflected) },
    categories,
    innovationSentences: categories.innovation,
    cocreationSentences: categories.cocreation,
    district: {
      mentions: d.mentions,
      roles: ordered(DISTRICT_ROLES, d.roles),
      innovationOrCocreationSentences: d.innovationSentences,
      withRole: d.innovationWithDistrictRole,
      gap: d.gap.length,
    },
    warnings: [...(a.warnings ?? [])],
  };
}

/** True when `x` has the shape of an AuditRow (used to reject stale or foreign cache entries). */
export function isAuditRow(x: unknown): x is AuditRow {
  if (!x || typeof x !== 'object') return false;
  const r = x as Partial<AuditRow>;
  return (
    typeof r.file === 'string' &&
    typeof r.words === 'number' &&
    !!r.score &&
    typeof r.score.value === 'number' &&
    !!r.counts &&
    !!r.counts.exact &&
    !!r.counts.inflected &&
    !!r.categories &&
    !!r.district &&
    typeof r.district.gap === 'number' &&
    !!r.density &&
    Array.isArray(r.components)
  );
}
