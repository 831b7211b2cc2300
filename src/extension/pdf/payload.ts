/**
 * From the engine's extraction and analysis of a PDF to what the viewer needs: the findings, score and sections of
 * every viewer (../viewer/payload.ts), and the item map in a compact typed array (a 500-page document has tens of
 * thousands of items). Pure functions, no `vscode`: the analysis worker runs them.
 */
import type { DocumentAnalysis, ExtractedDocument, Section } from '../../core';
import { basePayload, findingBuffers } from '../viewer/payload';
import { AnalysisPayload, ITEM_STRIDE } from './protocol';

export function buildPayload(
  doc: ExtractedDocument,
  analysis: DocumentAnalysis,
  generation: number,
  analysisId: number,
  phase: 'preview' | 'final',
  sectionsFrom: 'outline' | 'headings',
): AnalysisPayload {
  const src = doc.items ?? [];
  const items = new Int32Array(src.length * ITEM_STRIDE);
  src.forEach((s, i) => {
    const k = i * ITEM_STRIDE;
    items[k] = s.page;
    items[k + 1] = s.item;
    items[k + 2] = s.itemOffset;
    items[k + 3] = s.start;
    items[k + 4] = s.end;
  });
  const excluded = new Int32Array(doc.excluded.length * 2);
  doc.excluded.forEach((r, i) => {
    excluded[2 * i] = r.start;
    excluded[2 * i + 1] = r.end;
  });
  return {
    ...basePayload(doc, analysis, generation, analysisId, phase),
    items,
    excluded,
    pages: doc.pages,
    pagesRead: doc.pageSpans.length,
    pageStarts: new Int32Array(doc.pageSpans.map((p) => p.start)),
    sectionsFrom,
  };
}

/** The typed arrays of a payload, to transfer them instead of copying. */
export function payloadBuffers(p: AnalysisPayload): ArrayBuffer[] {
  return [...findingBuffers(p), ...[p.items, p.excluded, p.pageStarts].map((a) => a.buffer as ArrayBuffer)];
}

const norm = (s: string) => s.replace(/[\s\u00AD]+/g, ' ').trim().toLocaleLowerCase('nb');

/**
 * When the PDF has an outline (bookmarks, two or more), its entries become the analysis' sections (so the strip
 * of the viewer and of the Framing sidebar follows the document's own structure); otherwise the headings the
 * engine detected stay. A bookmark starts where its title appears on its page, else at the top of the page.
 * Sentences get the index of the section they fall in. Returns where the sections come from.
 */
export function applyOutlineSections(doc: ExtractedDocument, analysis: DocumentAnalysis): 'outline' | 'headings' {
  const outline = doc.outline ?? [];
  if (outline.length === 0) return 'headings';
  const text = doc.text;
  const starts: { title: string; level: number; start: number }[] = [];
  for (const o of outline) {
    const span = doc.pageSpans.find((p) => p.page === o.page);
    if (!span) continue; // a page that was not read (a preview)
    const pageText = text.slice(span.start, span.end);
    let start = span.start;
    const at = findTitle(pageText, o.title);
    if (at >= 0) start = span.start + at;
    starts.push({ title: o.title, level: o.level, start });
  }
  starts.sort((a, b) => a.start - b.start);
  const uniq = starts.filter((s, i) => i === 0 || s.start !== starts[i - 1].start);
  // A one-entry outline (a title bookmark, as Word often writes) says less than the headings.
  if (uniq.length < 2) return 'headings';
  if (uniq[0].start > 0 && /\S/.test(text.slice(0, uniq[0].start))) uniq.unshift({ title: '', level: 1, start: 0 });
  const sections: Section[] = uniq.map((s, i) => ({
    index: i,
    title: s.title,
    level: s.level,
    start: s.start,
    end: i + 1 < uniq.length ? uniq[i + 1].start : text.length,
  }));
  let k = 0;
  for (const s of analysis.sentences) {
    while (k + 1 < sections.length && sections[k + 1].start <= s.start) k++;
    s.section = sections[k].index;
  }
  analysis.sections = sections;
  return 'outline';
}

/** Where a bookmark title occurs in a page's text (white space and soft hyphens relaxed), or -1. */
function findTitle(pageText: string, title: string): number {
  const t = norm(title);
  if (!t) return -1;
  // Map from the normalised page text back to offsets in the page text.
  let flat = '';
  const back: number[] = [];
  let space = false;
  for (let i = 0; i < pageText.length; i++) {
    const c = pageText[i];
    if (/[\s\u00AD]/.test(c)) {
      if (!space && flat.length) {
        flat += ' ';
        back.push(i);
      }
      space = true;
      continue;
    }
    space = false;
    const lc = c.toLocaleLowerCase('nb');
    flat += lc;
    for (let j = 0; j < lc.length; j++) back.push(i);
  }
  const at = flat.indexOf(t);
  return at >= 0 ? back[at] : -1;
}
