import { promises as fs } from 'fs';
import * as path from 'path';
import { ExtractedDocument, ExtractionError, SourceFormat } from '../types';
import { extractPlain } from './text';
import { extractPdf } from './pdf';
import { extractDocx } from './docx';

export interface ExtractOptions {
  /** Password for an encrypted PDF. */
  password?: string;
  /** Refuse files larger than this many bytes (default 200 MB). */
  maxBytes?: number;
  /** PDF only: read only the first N pages (a quick preview; see PdfExtractOptions). */
  maxPages?: number;
  /** PDF only: where pdf.js' standard fonts and CMaps are (default: the pdfjs-dist package's). */
  pdfjsDir?: string;
}

const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

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
      return extractPdf(data, { file: opts.file, password: opts.password, maxPages: opts.maxPages, pdfjsDir: opts.pdfjsDir });
    case 'docx':
      return extractDocx(data, { file: opts.file });
    case 'txt':
    case 'md':
      return extractPlain(new TextDecoder('utf-8').decode(data), format);
  }
}

/** Reads and extracts a file; throws ExtractionError with a message for the user. */
export async function extractFile(file: string, opts: ExtractOptions = {}): Promise<ExtractedDocument> {
  const format = formatOf(file);
  if (!format) {
    throw new ExtractionError(`${file}: not a supported document type (use .pdf, .docx, .md or .txt).`, 'unsupported', file);
  }
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (e) {
    throw new ExtractionError(`${file}: cannot be read (${(e as Error).message}).`, 'io', file);
  }
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (stat.size > max) {
    throw new ExtractionError(
      `${file}: ${(stat.size / 1048576).toFixed(0)} MB is larger than the limit of ${(max / 1048576).toFixed(0)} MB.`,
      'too-large',
      file,
    );
  }
  const data = await fs.readFile(file);
  return extractBuffer(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), format, { ...opts, file });
}
