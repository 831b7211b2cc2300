import { ExtractedDocument, ExtractionError } from '../types';

/** PLACEHOLDER until the DOCX extractor lands. */
export function extractDocx(_data: Uint8Array, opts: { file?: string } = {}): ExtractedDocument {
  throw new ExtractionError('DOCX extraction is not available yet.', 'unsupported', opts.file);
}
