/**
 * Documents that are not open, read and analysed for coding's REFI-QDA export and agreement: the file's bytes read
 * with `vscode.workspace.fs`, extracted and analysed in the document viewers' worker (a worker thread on the desktop,
 * a Web Worker on the web) — the same extraction as the CLI's and the viewers'. Kept while the file's modification
 * time and size stay the same.
 */
import * as vscode from 'vscode';
import { formatOf } from '../core';
import type { DocumentAnalysis, Limits, SourceFormat } from '../core';
import type { DocumentAnalyzer } from './viewer/analyzer';

export interface LoadedText {
  format: SourceFormat;
  /** The analysed text (the extraction's); every offset of `analysis` points into it. */
  text: string;
  analysis: DocumentAnalysis;
  /** The file's bytes, when asked for (the export ships an original PDF or DOCX). */
  bytes?: Uint8Array;
}

export class DocumentLoader {
  private readonly cache = new Map<string, { mtime: number; size: number; doc: LoadedText }>();

  constructor(
    private readonly analyzer: DocumentAnalyzer,
    private readonly language: () => 'auto' | 'nb' | 'nn',
    private readonly limits: () => Partial<Limits> | undefined = () => undefined,
  ) {}

  async load(uri: vscode.Uri, opts: { keepBytes?: boolean } = {}): Promise<LoadedText> {
    const format = formatOf(uri.path);
    if (!format) throw new Error(`${uri.path}: not a supported document type (use .pdf, .docx, .md or .txt).`);
    const stat = await vscode.workspace.fs.stat(uri);
    const key = uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.mtime === stat.mtime && hit.size === stat.size && (!opts.keepBytes || hit.doc.bytes)) return hit.doc;
    const bytes = new Uint8Array(await vscode.workspace.fs.readFile(uri));
    const r = await this.analyzer.runToEnd({
      format,
      bytes,
      file: uri.path.slice(uri.path.lastIndexOf('/') + 1),
      language: this.language(),
      limits: this.limits(),
      previewPages: 0,
      generation: 0,
      previewId: 0,
      finalId: 0,
    });
    if (r.phase === 'error') throw new Error(r.error.message);
    if (!r.analysis) throw new Error(`${uri.path}: no analysis`);
    const doc: LoadedText = { format, text: r.payload.text, analysis: r.analysis, ...(opts.keepBytes ? { bytes } : {}) };
    this.cache.set(key, { mtime: stat.mtime, size: stat.size, doc });
    return doc;
  }

  dispose(): void {
    this.cache.clear();
  }
}
