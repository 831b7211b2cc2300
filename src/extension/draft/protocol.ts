/**
 * Messages between the extension host and the drafting worker (./worker.ts, dist/draftWorker.js): suggestions for a
 * sentence and the comparison of two versions of a document, both off the extension host's thread. No `vscode`
 * import.
 */
import type { Lexicon, SentenceSuggestions, VersionComparison } from '../../core';

/** A version of a document: its text (Markdown, plain text) or its bytes (PDF, DOCX). */
export type VersionInput = { format: 'md' | 'txt'; text: string; file: string } | { format: 'pdf' | 'docx'; bytes: Uint8Array; file: string };

export type ToDraft =
  /** The lexicon of every later request (undefined: the built-in one). */
  | { type: 'lexicon'; lexicon?: Lexicon }
  /** Suggestions for `sentence` of the document `text` (its stance: who writes to whom). */
  | { type: 'suggest'; id: number; sentence: string; text: string; addressee?: string; language?: 'nb' | 'nn' }
  | { type: 'compare'; id: number; old: VersionInput; new: VersionInput; language?: 'auto' | 'nb' | 'nn' };

export interface CompareResult {
  comparison: VersionComparison;
  /** The analysed text of each version (a PDF's or DOCX's extracted text): the report's offsets are into these. */
  oldText: string;
  newText: string;
  ms: number;
}

export type FromDraft =
  | { type: 'suggest'; id: number; result: SentenceSuggestions }
  | { type: 'compare'; id: number; result: CompareResult }
  | { type: 'error'; id: number; message: string };
