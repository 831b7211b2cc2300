/**
 * A document with its analysed text and its analysis: what the concordance, the autocoding and the
 * REFI-QDA export need (the audit rows alone do not carry the text).
 */
import { promises as fsp } from 'fs';
import { analyzeExtracted } from '../analyze';
import type { AnalyzeOptions } from '../analyze';
import { checkFileSize, extractText, formatOf } from '../extract';
import { extractBuffer } from '../extract/file';
import { limitsOf } from '../limits';
import { DocumentAnalysis, ExtractionError, PageSpan, Range, SourceFormat } from '../types';

export interface LoadedDocument {
  file: string;
  format: SourceFormat;
  /** The analysed text (ExtractedDocument.text); every offset of `analysis` points into it. */
  text: string;
  pageSpans: PageSpan[];
  /** Running headers, footers and page numbers. */
  excluded: Range[];
  analysis: DocumentAnalysis;
  /** The file's bytes, when asked for (the REFI-QDA export ships the original PDF). */
  bytes?: Uint8Array;
}

/** Reads, extracts and analyses a file. Throws ExtractionError for unreadable files, as `analyzeFile` does. */
export async function loadDocument(file: string, opts: AnalyzeOptions & { keepBytes?: boolean } = {}): Promise<LoadedDocument> {
  const format = formatOf(file);
  if (!format) {
    throw new ExtractionError(`${file}: not a supported document type (use .pdf, .docx, .md or .txt).`, 'unsupported', file);
  }
  let data: Buffer;
  try {
    const st = await fsp.stat(file);
    // Before reading: the file size (and a text file's size) against the limits.
    checkFileSize(file, format, st.size, limitsOf(opts));
    data = await fsp.readFile(file);
  } catch (e) {
    if (e instanceof ExtractionError) throw e;
    throw new ExtractionError(`${file}: cannot be read (${(e as Error).message}).`, 'io', file);
  }
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const doc = await extractBuffer(bytes, format, { ...opts, file });
  const analysis = analyzeExtracted(doc, { ...opts, file });
  return {
    file,
    format,
    text: doc.text,
    pageSpans: doc.pageSpans,
    excluded: doc.excluded,
    analysis,
    ...(opts.keepBytes ? { bytes } : {}),
  };
}

/** The same for text in memory (Markdown or plain text). */
export function loadText(file: string, text: string, opts: AnalyzeOptions & { format?: 'txt' | 'md' } = {}): LoadedDocument {
  const doc = extractText(text, opts.format ?? (formatOf(file) === 'md' ? 'md' : 'txt'));
  const analysis = analyzeExtracted(doc, { ...opts, file });
  return { file, format: doc.format, text: doc.text, pageSpans: doc.pageSpans, excluded: doc.excluded, analysis };
}
