/**
 * Extraction from bytes or text: no file access (the web extension and its workers use this). Reading files is
 * ./file.ts (Node), which also tells pdf.js where its fonts and CMaps are.
 */
import { ExtractedDocument, SourceFormat } from '../types';
import { extractPlain } from './text';
import { extractPdf, PdfAssets } from './pdf';
import { extractDocx } from './docx';

export interface ExtractOptions {
  /** Password for an encrypted PDF. */
  password?: string;
  /** Refuse files larger than this many bytes (default 200 MB). */
  maxBytes?: number;
  /** PDF only: read only the first N pages (a quick preview; see PdfExtractOptions). */
  maxPages?: number;
  /** PDF only: where pdf.js' standard fonts and CMaps are (see PdfExtractOptions.assets). */
  pdfAssets?: PdfAssets;
}

export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

/** The format of a file, from its name (a path or a URI path); undefined when Policy Lens does not read it. */
export function formatOf(file: string): SourceFormat | undefined {
  // As path.extname: the base name's last dot, not a leading one (".md" has no extension).
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  switch (dot > 0 ? base.slice(dot + 1).toLowerCase() : '') {
    case 'txt':
    case 'text':
      return 'txt';
    case 'md':
    case 'markdown':
      return 'md';
    case 'pdf':
      return 'pdf';
    case 'docx':
      return 'docx';
    default:
      return undefined;
  }
}

/** Extracts text from text already in memory. */
export function extractText(text: string, format: 'txt' | 'md' = 'txt'): ExtractedDocument {
  return extractPlain(text, format);
}

/** Extracts a document from its bytes. */
export async function extractBuffer(
  data: Uint8Array,
  format: SourceFormat,
  opts: ExtractOptions & { file?: string } = {},
): Promise<ExtractedDocument> {
  switch (format) {
    case 'pdf':
      return extractPdf(data, { file: opts.file, password: opts.password, maxPages: opts.maxPages, assets: opts.pdfAssets });
    case 'docx':
      return extractDocx(data, { file: opts.file });
    case 'txt':
    case 'md':
      return extractPlain(new TextDecoder('utf-8').decode(data), format);
  }
}
