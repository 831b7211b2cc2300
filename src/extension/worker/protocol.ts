/**
 * Messages between the extension host and the analysis worker (worker_threads). No `vscode` import: the worker,
 * the client and the benchmark use this module.
 */
import type { DocumentAnalysis, Lexicon, Limits, SectionProfile } from '../../core';
import type { PackedAnalysis } from './pack';

export interface AnalyzeRequestOptions {
  format: 'md' | 'txt';
  language?: 'auto' | 'nb' | 'nn';
  /** Resource limits (the text size: a longer document is refused with a message). */
  limits?: Partial<Limits>;
}

export type ToWorker =
  /** The lexicon every following analysis uses (undefined: the built-in one). Drops every block cache. */
  | { type: 'lexicon'; version: number; lexicon?: Lexicon }
  /** Analyse `text` as the document `key`, reusing that document's block cache. */
  | { type: 'analyze'; id: number; key: string; text: string; options: AnalyzeRequestOptions }
  /** The document is closed: drop its block cache. */
  | { type: 'forget'; key: string };

export interface WorkerResult {
  analysis: DocumentAnalysis;
  /** The engine's heading-by-heading profile (computed in the worker: it counts every sentence's words). */
  sections: SectionProfile[];
  /** Engine time in the worker, ms. */
  ms: number;
  /** Blocks taken from the cache / analysed in this run. */
  blocksReused: number;
  blocksAnalysed: number;
  /** The lexicon generation it was made with (`lexicon` message). */
  lexiconVersion: number;
}

export type FromWorker =
  | ({
      type: 'result';
      id: number;
      /** The sentences' texts are '' (the client slices them from the text it sent). */
      sentenceTextsStripped: boolean;
      /** Across a thread boundary: the analysis packed (./pack.ts), and `analysis` left out. */
      packed?: PackedAnalysis;
    } & Omit<WorkerResult, 'analysis'> & { analysis?: DocumentAnalysis })
  | { type: 'error'; id: number; message: string };
