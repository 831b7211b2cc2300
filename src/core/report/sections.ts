import { DocumentAnalysis } from '../types';
import { countWords } from '../tokenize/words';

export interface SectionProfile {
  index: number;
  title: string;
  level: number;
  start: number;
  end: number;
  page: number;
  words: number;
  sentences: number;
  directive: number;
  control: number;
  enabling: number;
  innovation: number;
  /** Directive sentences per 1,000 words (0 for sections under 20 words). */
  directiveDensity: number;
  /** Enabling sentences per 1,000 words. */
  enablingDensity: number;
}

/**
 * Heading by heading: where the document is most directive. Sentences in running headers and footers are
 * left out; sections without sentences are kept (with zeros) so the strip shows the whole outline. `text`: the
 * analysed text, for an analysis made without the sentences' texts (AnalyzeOptions.sentenceTexts).
 */
export function sectionProfiles(a: DocumentAnalysis, text?: string): SectionProfile[] {
  const out: SectionProfile[] = a.sections.map((s) => ({
    index: s.index,
    title: s.title || '(start)',
    level: s.level,
    start: s.start,
    end: s.end,
    page: 1,
    words: 0,
    sentences: 0,
    directive: 0,
    control: 0,
    enabling: 0,
    innovation: 0,
    directiveDensity: 0,
    enablingDensity: 0,
  }));
  const counted = a.sections.every((s) => s.words !== undefined);
  if (counted) a.sections.forEach((s, i) => (out[i].words = s.words!));
  const seenPage = new Set<number>();
  for (const s of a.sentences) {
    const p = out[s.section];
    if (!p || s.excluded) continue;
    if (!seenPage.has(p.index)) {
      p.page = s.page;
      seenPage.add(p.index);
    }
    p.sentences++;
    // counted by the analysis (Section.words); else over the sentence's text
    if (!counted) p.words += text === undefined ? countWords(s.text) : countWords(text, s.start, s.end);
    if (s.directive) p.directive++;
    if (s.control) p.control++;
    if (s.framing === 'enabling') p.enabling++;
    if (s.innovation || s.cocreation) p.innovation++;
  }
  for (const p of out) {
    if (p.words >= 20) {
      p.directiveDensity = Math.round((p.directive / p.words) * 10000) / 10;
      p.enablingDensity = Math.round((p.enabling / p.words) * 10000) / 10;
    }
  }
  return out;
}
