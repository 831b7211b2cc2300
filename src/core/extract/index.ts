/**
 * Extraction from bytes or text: no file access (the web extension and its workers use this). Reading files is
 * ./file.ts (Node), which also tells pdf.js where its fonts and CMaps are.
 */
import { ExtractedDocument, SourceFormat } from '../types';
import { formatBytes, LimitError, Limits, limitsOf, MB } from '../limits';
import { extractPlain } from './text';
import { extractPdf, PdfAssets } from './pdf';
import { extractDocx } from './docx';

export interface ExtractOptions {
  /** Password for an encrypted PDF. */
  password?: string;
  /** Resource limits (limits.ts); each one not given is its default. */
  limits?: Partial<Limits>;
  /** Refuse files larger than this many bytes (older name of `limits.fileMB`; `limits` wins). */
  maxBytes?: number;
  /** PDF only: read only the first N pages (a quick preview; see PdfExtractOptions). */
  maxPages?: number;
  /** PDF only: where pdf.js' standard fonts and CMaps are (see PdfExtractOptions.assets). */
  pdfAssets?: PdfAssets;
}

/** Refuses a file (before reading it) that is over the file size limit, or for plain text over the text size limit. */
export function checkFileSize(file: string, format: SourceFormat, size: number, limits: Limits): void {
  if (size > limits.fileMB * MB) throw new LimitError(file, `the file is ${formatBytes(size)}`, 'fileMB', limits.fileMB, file);
  if ((format === 'txt' || format === 'md') && size > limits.textMB * MB) {
    throw new LimitError(file, `the text file is ${formatBytes(size)}`, 'textMB', limits.textMB, file);
  }
}

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

/** Extracts text from text already in memory (no limit: the caller holds the text already; the analysis checks it). */
export function extractText(text: string, format: 'txt' | 'md' = 'txt'): ExtractedDocument {
  return extractPlain(text, format);
}

/** Extracts a document from its bytes, within `opts.limits`. */
export async function extractBuffer(
  data: Uint8Array,
  format: SourceFormat,
  opts: ExtractOptions & { file?: string } = {},
): Promise<ExtractedDocument> {
  const limits = limitsOf(opts);
  const label = opts.file ?? `The ${format.toUpperCase()} file`;
  switch (format) {
    case 'pdf':
      return extractPdf(data, { file: opts.file, password: opts.password, maxPages: opts.maxPages, assets: opts.pdfAssets, limits });
    case 'docx':
      return extractDocx(data, { file: opts.file, limits });
    case 'txt':
    case 'md': {
      if (data.length > limits.textMB * MB) {
        throw new LimitError(label, `the text is ${formatBytes(data.length)}`, 'textMB', limits.textMB, opts.file);
      }
      return extractPlain(new TextDecoder('utf-8').decode(data), format);
    }
  }
}
