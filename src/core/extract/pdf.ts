import { ExtractedDocument, ExtractionError } from '../types';

export interface PdfExtractOptions {
  file?: string;
  password?: string;
}

/** PLACEHOLDER until the pdf.js extractor lands. */
export async function extractPdf(_data: Uint8Array, opts: PdfExtractOptions = {}): Promise<ExtractedDocument> {
  throw new ExtractionError('PDF extraction is not available yet.', 'unsupported', opts.file);
}
