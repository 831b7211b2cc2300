/**
 * From the engine's extraction and analysis of a document to what every viewer needs: the findings in compact
 * typed arrays (a long document has thousands), the score and the sections for the strip. Pure functions, no
 * `vscode`: the analysis workers run them. Each viewer adds its own placement data (../pdf/payload.ts,
 * ../docx/payload.ts).
 */
import { sectionProfiles } from '../../core';
import type { DocumentAnalysis, ExtractedDocument } from '../../core';
import { BasePayload, CATEGORY_IDS, FindingColumns } from './protocol';

export function basePayload(doc: ExtractedDocument, analysis: DocumentAnalysis | undefined, generation: number, analysisId: number, phase: 'preview' | 'final'): BasePayload {
  const list = analysis?.findings ?? [];
  const n = list.length;
  const findings: FindingColumns = {
    start: new Int32Array(n),
    end: new Int32Array(n),
    category: new Uint8Array(n),
    page: new Int32Array(n),
    sentence: new Int32Array(n),
  };
  list.forEach((f, i) => {
    findings.start[i] = f.start;
    findings.end[i] = f.end;
    findings.category[i] = CATEGORY_IDS.indexOf(f.category);
    findings.page[i] = f.page;
    findings.sentence[i] = f.sentence;
  });
  const sections = analysis
    ? sectionProfiles(analysis).map((p) => ({
        title: p.title,
        page: p.page,
        level: p.level,
        start: p.start,
        directiveDensity: p.directiveDensity,
        enablingDensity: p.enablingDensity,
      }))
    : [];
  return {
    generation,
    analysisId,
    phase,
    text: doc.text,
    findings,
    score: analysis ? { value: analysis.score.value, label: analysis.score.label } : { value: 0, label: '' },
    sections,
    warnings: [...doc.warnings],
  };
}

/** The typed arrays of a payload's findings, to transfer them instead of copying. */
export function findingBuffers(p: BasePayload): ArrayBuffer[] {
  const f = p.findings;
  return [f.start, f.end, f.category, f.page, f.sentence].map((a) => a.buffer as ArrayBuffer);
}
