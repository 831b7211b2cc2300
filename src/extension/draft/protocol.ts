/**
 * Messages between the extension host and the drafting worker (./worker.ts on the desktop, ../web/draftWorker.ts in
 * the browser): suggestions for a sentence, and the comparison of two text versions of a document, both off the
 * extension host's thread. (A PDF or DOCX version is read by the document viewers' worker: ../documents.ts.) No
 * `vscode` import, no Node built-ins.
 */
import type { ActorLevel, Lexicon, SentenceLabels, SentenceSuggestions, VersionComparison } from '../../core';

/** A text version of a document (Markdown, plain text). */
export interface VersionInput {
  format: 'md' | 'txt';
  text: string;
  file: string;
}

export type ToDraft =
  /** The lexicon of every later request (undefined: the built-in one). */
  | { type: 'lexicon'; lexicon?: Lexicon }
  /** Suggestions for `sentence` of the document `text` (its stance: who writes to whom), with its labels there. */
  | { type: 'suggest'; id: number; sentence: string; text: string; labels?: SentenceLabels & { actorLevel: ActorLevel }; addressee?: string; language?: 'nb' | 'nn' }
  | { type: 'compare'; id: number; old: VersionInput; new: VersionInput; language?: 'auto' | 'nb' | 'nn' };

export interface CompareResult {
  comparison: VersionComparison;
  /** The analysed text of each version: the report's offsets are into these. */
  oldText: string;
  newText: string;
  ms: number;
}

export type FromDraft =
  | { type: 'suggest'; id: number; result: SentenceSuggestions }
  | { type: 'compare'; id: number; result: CompareResult }
  | { type: 'error'; id: number; message: string };
