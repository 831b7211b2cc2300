/**
 * What the analysis worker does with each message (./analysisWorker.ts wires it to the worker's port; the client
 * runs it in-process when no worker can be started). One block cache per document, so an edit re-analyses only
 * the blocks it touched.
 */
import { analyzeText, sectionProfiles } from '../../core';
import type { Lexicon } from '../../core';
import { PruningCache } from '../engine';
import type { WorkerEndpoint } from '../workers/port';
import type { FromWorker, ToWorker } from './protocol';
import { packAnalysis } from './pack';

/** The worker's side: every message to the runner, every reply back (a worker thread's port, a Web Worker's self). */
export function serveAnalysis(endpoint: WorkerEndpoint): void {
  const runner = new AnalysisRunner(true);
  endpoint.onMessage((msg) => {
    const reply = runner.handle(msg as ToWorker);
    // a packed analysis's rows are moved to the other thread, not copied
    const p = reply?.type === 'result' ? reply.packed : undefined;
    if (reply) endpoint.postMessage(reply, p ? ([p.sentences.buffer, p.matches.buffer, p.weights.buffer, p.findings.buffer] as ArrayBuffer[]) : undefined);
  });
}

export class AnalysisRunner {
  private lexicon: Lexicon | undefined;
  private lexiconVersion = 0;
  private readonly caches = new Map<string, PruningCache>();

  /** @param stripSentenceTexts the results cross a thread boundary: leave the sentences' texts out, and pack them */
  constructor(private readonly stripSentenceTexts: boolean) {}

  handle(msg: ToWorker): FromWorker | undefined {
    switch (msg.type) {
      case 'lexicon':
        this.lexicon = msg.lexicon;
        this.lexiconVersion = msg.version;
        // Cached block results were made with the old lexicon.
        this.caches.clear();
        return undefined;
      case 'forget':
        this.caches.delete(msg.key);
        return undefined;
      case 'analyze':
        try {
          return this.analyze(msg);
        } catch (e) {
          this.caches.delete(msg.key);
          return { type: 'error', id: msg.id, message: e instanceof Error ? e.message : String(e) };
        }
    }
  }

  private analyze(msg: Extract<ToWorker, { type: 'analyze' }>): FromWorker {
    const started = performance.now();
    let cache = this.caches.get(msg.key);
    if (!cache) this.caches.set(msg.key, (cache = new PruningCache()));
    cache.beginRun();
    // A sentence's text is a slice of the text the client sent (unless a byte-order mark, dropped by the reader,
    // moved the offsets): leave it out of the message (the structured clone of thousands of small strings is a large
    // part of the host's cost of receiving a long document's analysis); the client restores it from its copy of the
    // text. (Left out by the engine, not blanked here: a cached analysis shares its sentence objects with the next.)
    const stripped = this.stripSentenceTexts && msg.text.charCodeAt(0) !== 0xfeff;
    const analysis = analyzeText(msg.text, {
      sentenceTexts: !stripped,
      format: msg.options.format,
      ...(msg.options.language ? { language: msg.options.language } : {}),
      ...(msg.options.limits ? { limits: msg.options.limits } : {}),
      ...(this.lexicon ? { lexicon: this.lexicon } : {}),
      cache: cache.asBlockCache(),
    });
    cache.endRun();
    const sections = sectionProfiles(analysis, stripped ? msg.text : undefined);
    // across a thread boundary, packed: a fraction of the structured clone's cost on both sides (./pack.ts)
    const packed = this.stripSentenceTexts ? packAnalysis(analysis) : undefined;
    return {
      type: 'result',
      id: msg.id,
      lexiconVersion: this.lexiconVersion,
      sentenceTextsStripped: stripped,
      ...(packed ? { packed } : { analysis }),
      sections,
      ms: performance.now() - started,
      blocksReused: cache.hits,
      blocksAnalysed: cache.misses,
    };
  }
}
