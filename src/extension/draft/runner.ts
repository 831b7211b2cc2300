/**
 * What the drafting worker does with each message (./worker.ts and ../web/draftWorker.ts wire it to their thread;
 * the client runs it in-process when no worker can be started). The work is the engine's: suggestRewrites and
 * compareVersions. No `vscode` import, no Node built-ins.
 */
import { analyzeText, compareVersions, inferStance, suggestRewrites } from '../../core';
import type { Lexicon } from '../../core';
import type { WorkerEndpoint } from '../workers/port';
import type { FromDraft, ToDraft } from './protocol';

export class DraftRunner {
  private lexicon: Lexicon | undefined;
  /** The last document's stance, kept while its opening is the same (the code actions ask sentence by sentence). */
  private stance: { head: string; length: number; value: ReturnType<typeof inferStance> } | undefined;

  handle(msg: ToDraft): FromDraft | undefined {
    if (msg.type === 'lexicon') {
      this.lexicon = msg.lexicon;
      return undefined;
    }
    try {
      if (msg.type === 'suggest') {
        const head = msg.text.slice(0, 4000);
        if (!this.stance || this.stance.head !== head || this.stance.length !== msg.text.length) this.stance = { head, length: msg.text.length, value: inferStance(msg.text) };
        const result = suggestRewrites(msg.sentence, { lexicon: this.lexicon, stance: this.stance.value, labels: msg.labels, addressee: msg.addressee, standard: msg.language });
        return { type: 'suggest', id: msg.id, result };
      }
      const t0 = performance.now();
      const opts = { ...(this.lexicon ? { lexicon: this.lexicon } : {}), ...(msg.language && msg.language !== 'auto' ? { language: msg.language } : {}) };
      const a = analyzeText(msg.old.text, { ...opts, format: msg.old.format, file: msg.old.file });
      const b = analyzeText(msg.new.text, { ...opts, format: msg.new.format, file: msg.new.file });
      return { type: 'compare', id: msg.id, result: { comparison: compareVersions(a, b), oldText: msg.old.text, newText: msg.new.text, ms: performance.now() - t0 } };
    } catch (e) {
      return { type: 'error', id: msg.id, message: e instanceof Error ? e.message : String(e) };
    }
  }
}

/** Serves the drafting messages on a worker's endpoint, one at a time, in order. */
export function serveDraft(endpoint: WorkerEndpoint): void {
  const runner = new DraftRunner();
  endpoint.onMessage((msg) => {
    const reply = runner.handle(msg as ToDraft);
    if (reply) endpoint.postMessage(reply);
  });
}
