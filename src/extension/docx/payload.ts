/**
 * From the engine's extraction and analysis of a DOCX to what the DOCX viewer needs: the findings, score and
 * sections of every viewer (../viewer/payload.ts) and the layout blocks the viewer draws the text with. Pure, no
 * `vscode`: the analysis worker runs it. Without an analysis (the text as soon as it is read) there are no findings.
 */
import type { DocumentAnalysis, ExtractedDocument } from '../../core';
import { basePayload } from '../viewer/payload';
import type { DocxPayload } from './protocol';

export function buildDocxPayload(doc: ExtractedDocument, analysis: DocumentAnalysis | undefined, generation: number, analysisId: number, phase: 'preview' | 'final'): DocxPayload {
  return { ...basePayload(doc, analysis, generation, analysisId, phase), layout: doc.layout ?? [] };
}
