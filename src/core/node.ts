/**
 * The engine for Node adapters (the CLI, the audit, the desktop extension's worker threads, scripts and tests):
 * everything in ./index.ts, plus what reads files — extraction from a path (and pdf.js' fonts and CMaps found on
 * disk), lexicon files, `analyzeFile`, and the workspace features (./workspace.ts: the audit's worker threads and
 * cache, codings and codebooks on disk). ./index.ts itself has no Node built-ins: the web extension bundles it.
 */
import { analyzeExtracted } from './analyze';
import type { AnalyzeOptions } from './analyze';
import { extractFile } from './extract/file';
import type { NodeExtractOptions } from './extract/file';
import type { DocumentAnalysis } from './types';

export * from './index';
export { extractBuffer, extractFile, extractPdf, nodePdfAssets } from './extract/file';
export type { NodeExtractOptions } from './extract/file';
export { loadLexicon } from './lexicon/file';
export { setModuleImporter } from './extract/pdf';
export * from './workspace';

/** Reads, extracts and analyses a file (.txt, .md, .pdf, .docx). Throws ExtractionError for unreadable files. */
export async function analyzeFile(file: string, opts: AnalyzeOptions & NodeExtractOptions = {}): Promise<DocumentAnalysis> {
  const doc = await extractFile(file, opts);
  return analyzeExtracted(doc, { ...opts, file: opts.file ?? file });
}
