/**
 * How the extension asks the engine (src/core) to analyse an open document. Everything the analysis says comes
 * from there; the extension only maps documents to text and findings to editor ranges.
 */
import type * as vscode from 'vscode';
import type { AnalyzeOptions, DocumentAnalysis, Lexicon, Limits } from '../core';
import type { AnalyzeRequestOptions } from './worker/protocol';

export type { DocumentAnalysis };
/** The engine's per-document cache of block results (incremental re-analysis while typing). */
export type BlockCache = NonNullable<AnalyzeOptions['cache']>;

/** The engine's source format for an open document. */
export function formatOf(doc: Pick<vscode.TextDocument, 'languageId' | 'fileName'>): 'md' | 'txt' {
  if (doc.languageId === 'markdown') return 'md';
  return /\.(md|markdown)$/i.test(doc.fileName) ? 'md' : 'txt';
}

/**
 * Analysis options for a document: the same for the extension and for anyone checking its output (the cache
 * only saves work; results are the same with or without it). `language` is the `policyLens.language` setting.
 */
export function optionsFor(
  doc: Pick<vscode.TextDocument, 'languageId' | 'fileName'>,
  extra: { lexicon?: Lexicon; cache?: BlockCache; language?: 'auto' | 'nb' | 'nn' } = {},
): AnalyzeOptions & { format: 'md' | 'txt' } {
  const opts: AnalyzeOptions & { format: 'md' | 'txt' } = { format: formatOf(doc) };
  if (extra.lexicon) opts.lexicon = extra.lexicon;
  if (extra.cache) opts.cache = extra.cache;
  if (extra.language && extra.language !== 'auto') opts.language = extra.language;
  return opts;
}

/** What the analysis worker needs besides the text (the lexicon is sent to it separately). */
export function requestOptions(
  doc: Pick<vscode.TextDocument, 'languageId' | 'fileName'>,
  language: 'auto' | 'nb' | 'nn',
  limits?: Partial<Limits>,
): AnalyzeRequestOptions {
  const o: AnalyzeRequestOptions = language === 'auto' ? { format: formatOf(doc) } : { format: formatOf(doc), language };
  if (limits) o.limits = limits;
  return o;
}

/**
 * A block cache that forgets what the last run did not use, so that it does not grow while someone types.
 * `beginRun()` before an analysis, `endRun()` after it. Each entry holds the number of the last run that used it
 * (no set of used keys built per run: one more hash insert per block per keystroke).
 */
export class PruningCache extends Map<string, unknown> {
  private run = 0;
  /** Blocks found in / added to the cache since `beginRun()`. */
  hits = 0;
  misses = 0;
  override get(key: string): unknown {
    const slot = super.get(key) as Slot | undefined;
    if (slot === undefined) return undefined;
    slot.run = this.run;
    this.hits++;
    return slot.value;
  }
  override set(key: string, value: unknown): this {
    this.misses++;
    const slot: Slot = { value, run: this.run };
    return super.set(key, slot);
  }
  beginRun(): void {
    this.run++;
    this.hits = 0;
    this.misses = 0;
  }
  endRun(): void {
    // (deleting the entry just visited is safe while iterating a Map)
    super.forEach((slot, k) => {
      if ((slot as Slot).run !== this.run) this.delete(k);
    });
  }
  asBlockCache(): BlockCache {
    return this as unknown as BlockCache;
  }
}

interface Slot {
  value: unknown;
  run: number;
}
