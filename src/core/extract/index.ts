import { promises as fs } from 'fs';
import * as path from 'path';
import { ExtractedDocument, ExtractionError, SourceFormat } from '../types';
import { formatBytes, LimitError, Limits, limitsOf, MB } from '../limits';
import { extractPlain } from './text';
import { extractPdf } from './pdf';
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
  /** PDF only: where pdf.js' standard fonts and CMaps are (default: the pdfjs-dist package's). */
  pdfjsDir?: string;
}

/** Refuses a file (before reading it) that is over the file size limit, or for plain text over the text size limit. */
export function checkFileSize(file: string, format: SourceFormat, size: number, limits: Limits): void {
  if (size > limits.fileMB * MB) throw new LimitError(file, `the file is ${formatBytes(size)}`, 'fileMB', limits.fileMB, file);
  if ((format === 'txt' || format === 'md') && size > limits.textMB * MB) {
    throw new LimitError(file, `the text file is ${formatBytes(size)}`, 'textMB', limits.textMB, file);
  }
}

/** The format of a file, from its name; undefined when Policy Lens does not read it. */
export function formatOf(file: string): SourceFormat | undefined {
  const ext = path.extname(file).toLowerCase();
  switch (ext) {
    case '.txt':
    case '.text':
      return 'txt';
    case '.md':
    case '.markdown':
      return 'md';
    case '.pdf':
      return 'pdf';
    case '.docx':
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
    case 'pdf': {
      // pdf.js itself is loaded on the first PDF (pdf.ts), not when the engine starts.
      return extractPdf(data, { file: opts.file, password: opts.password, maxPages: opts.maxPages, pdfjsDir: opts.pdfjsDir, limits });
    }
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

/**
 * Reads and extracts a file; throws ExtractionError with a message for the user. The file's size is checked against
 * the limits before it is read.
 */
export async function extractFile(file: string, opts: ExtractOptions = {}): Promise<ExtractedDocument> {
  const format = formatOf(file);
  if (!format) {
    throw new ExtractionError(`${file}: not a supported document type (use .pdf, .docx, .md or .txt).`, 'unsupported', file);
  }
  const limits = limitsOf(opts);
  let data: Buffer;
  try {
    // One open, one fstat, one read: few round trips to the thread pool (they are slow on a busy machine).
    const fh = await fs.open(file, 'r');
    try {
      const stat = await fh.stat();
      checkFileSize(file, format, stat.size, limits);
      data = Buffer.allocUnsafe(stat.size);
      let got = 0;
      while (got < stat.size) {
        const { bytesRead } = await fh.read(data, got, stat.size - got, got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      if (got < stat.size) data = data.subarray(0, got);
    } finally {
      await fh.close();
    }
  } catch (e) {
    if (e instanceof ExtractionError) throw e;
    throw new ExtractionError(`${file}: cannot be read (${(e as Error).message}).`, 'io', file);
  }
  return extractBuffer(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), format, { ...opts, limits, file });
}
