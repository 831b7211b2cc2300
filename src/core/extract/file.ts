/**
 * Extraction from files, for Node (the CLI, the audit and the extension's worker threads): reads the file, and
 * tells pdf.js where its standard fonts and CMaps are (the pdfjs-dist package, or the copy a bundle ships next to
 * itself when there are no node_modules). The extraction itself is ./index.ts, which has no file access.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ExtractedDocument, ExtractionError, SourceFormat } from '../types';
import { installDOMMatrix } from './domMatrix';
import { limitsOf } from '../limits';
import { checkFileSize, extractBuffer as extractBytes, ExtractOptions, formatOf } from './index';
import { extractPdf as extractPdfBytes, PdfAssets, PdfExtractOptions, setPdfJsPreload } from './pdf';

export interface NodeExtractOptions extends ExtractOptions {
  /** PDF only: the folder with pdf.js' `standard_fonts/` and `cmaps/` (default: the pdfjs-dist package's, else the copy next to the bundle). */
  pdfjsDir?: string;
}

// Without node_modules (the packaged extension) pdf.js finds no @napi-rs/canvas for its DOMMatrix: ours stands in.
setPdfJsPreload(() => {
  if (!hasCanvasPackage()) installDOMMatrix();
});

function hasCanvasPackage(): boolean {
  try {
    require.resolve('@napi-rs/canvas');
    return true;
  } catch {
    return false;
  }
}

/**
 * Where pdf.js' standard fonts and CMaps are: the pdfjs-dist package in node_modules, or — in the bundles of
 * the packaged extension, which has no node_modules — the copy next to the bundle (dist/pdf-viewer/pdfjs).
 */
function findPdfjsDir(): string | undefined {
  try {
    return path.dirname(require.resolve('pdfjs-dist/package.json'));
  } catch {
    for (const d of [path.join(__dirname, 'pdf-viewer', 'pdfjs'), path.join(__dirname, '..', 'pdf-viewer', 'pdfjs')]) {
      if (fs.existsSync(path.join(d, 'standard_fonts'))) return d;
    }
    return undefined;
  }
}

let defaultAssets: PdfAssets | undefined;
/** The folders of pdf.js' standard fonts and CMaps (in `dir`, else found as above). */
export function nodePdfAssets(dir?: string): PdfAssets {
  const at = (root: string): PdfAssets => ({
    standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep,
    cMapUrl: path.join(root, 'cmaps') + path.sep,
  });
  if (dir) return at(dir);
  if (!defaultAssets) {
    const root = findPdfjsDir();
    defaultAssets = root ? at(root) : {};
  }
  return defaultAssets;
}

/** `extractBuffer` with pdf.js' assets found on disk. */
export function extractBuffer(
  data: Uint8Array,
  format: SourceFormat,
  opts: NodeExtractOptions & { file?: string } = {},
): Promise<ExtractedDocument> {
  const { pdfjsDir, ...rest } = opts;
  return extractBytes(data, format, format === 'pdf' ? { ...rest, pdfAssets: rest.pdfAssets ?? nodePdfAssets(pdfjsDir) } : rest);
}

/** `extractPdf` with pdf.js' assets found on disk. */
export function extractPdf(data: Uint8Array, opts: PdfExtractOptions & { pdfjsDir?: string } = {}): Promise<ExtractedDocument> {
  const { pdfjsDir, ...rest } = opts;
  return extractPdfBytes(data, { ...rest, assets: rest.assets ?? nodePdfAssets(pdfjsDir) });
}

/**
 * Reads and extracts a file; throws ExtractionError with a message for the user. The file's size is checked against
 * the limits before it is read.
 */
export async function extractFile(file: string, opts: NodeExtractOptions = {}): Promise<ExtractedDocument> {
  const format = formatOf(file);
  if (!format) {
    throw new ExtractionError(`${file}: not a supported document type (use .pdf, .docx, .md or .txt).`, 'unsupported', file);
  }
  const limits = limitsOf(opts);
  let data: Buffer;
  try {
    // One open, one fstat, one read: few round trips to the thread pool (they are slow on a busy machine).
    const fh = await fs.promises.open(file, 'r');
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
