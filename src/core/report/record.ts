/**
 * The JSON record of one analysed document: what `policy-lens analyze FILE --format json` prints for each file and
 * what the extension's «Export Report…» writes as JSON. One definition in the engine, two adapters (src/cli,
 * src/extension). The key order is fixed (it is part of the format).
 */
import { ordered, scoreComponent, scoreSummary } from '../audit/row';
import type { DocumentAnalysis } from '../types';
import { CATEGORIES, DISTRICT_ROLES } from '../types';
import { STUDY_TERMS } from './counts';

export function documentRecord(file: string, a: DocumentAnalysis): Record<string, unknown> {
  return { ...documentRecordHead(file, a), findings: a.findings.map((f) => findingRecord(a, f)) };
}

/** The record without its last key, `findings` (the CLI writes the findings piece by piece after it). */
export function documentRecordHead(file: string, a: DocumentAnalysis): Record<string, unknown> {
  return {
    file,
    pages: a.pages,
    words: a.words,
    extractedWords: a.extractedWords,
    sentences: a.sentences.length,
    score: {
      ...scoreSummary(a.score), // value, label, axes
      components: a.score.components.map((c) => ({ ...scoreComponent(c), sentences: c.sentences })),
    },
    counts: {
      exact: ordered(STUDY_TERMS, a.counts.exact),
      inflected: ordered(STUDY_TERMS, a.counts.inflected),
    },
    categories: ordered(CATEGORIES, a.categories),
    district: {
      mentions: a.district.mentions,
      roles: ordered(DISTRICT_ROLES, a.district.roles),
      innovationSentences: a.district.innovationSentences,
      innovationWithDistrictRole: a.district.innovationWithDistrictRole,
      gap: a.district.gap,
    },
  };
}

/** One finding of the record; a finding in a piece of an over-long sentence says so (`sentenceCut`). */
export function findingRecord(a: DocumentAnalysis, f: DocumentAnalysis['findings'][number]): Record<string, unknown> {
  const s = a.sentences[f.sentence];
  return {
    start: f.start,
    end: f.end,
    page: f.page,
    category: f.category,
    subtype: f.subtype ?? null,
    entry: f.entry,
    text: f.text,
    sentence: s?.text ?? null,
    ...(s?.cut ? { sentenceCut: true } : {}),
  };
}
