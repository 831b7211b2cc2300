/**
 * What the drafting worker does with each message (./worker.ts wires it to the thread; the client runs it
 * in-process when no worker can be started). The work is the engine's: suggestRewrites and compareVersions.
 */
import { analyzeExtracted, compareVersions, extractBuffer, extractText, inferStance, suggestRewrites } from '../../core';
import type { ExtractedDocument, Lexicon } from '../../core';
import type { FromDraft, ToDraft, VersionInput } from './protocol';

export class DraftRunner {
  private lexicon: Lexicon | undefined;
  /** The last document's stance, kept while its opening is the same (the code actions ask sentence by sentence). */
  private stance: { head: string; length: number; value: ReturnType<typeof inferStance> } | undefined;

  /** @param pdfjsDir pdf.js' fonts and CMaps for PDFs (the copy next to the bundle) */
  constructor(private readonly pdfjsDir?: string) {}

  async handle(msg: ToDraft): Promise<FromDraft | undefined> {
    if (msg.type === 'lexicon') {
      this.lexicon = msg.lexicon;
      return undefined;
    }
    try {
      if (msg.type === 'suggest') {
        const head = msg.text.slice(0, 4000);
        if (!this.stance || this.stance.head !== head || this.stance.length !== msg.text.length) this.stance = { head, length: msg.text.length, value: inferStance(msg.text) };
        const result = suggestRewrites(msg.sentence, { lexicon: this.lexicon, stance: this.stance.value, addressee: msg.addressee, standard: msg.language });
        return { type: 'suggest', id: msg.id, result };
      }
      const t0 = performance.now();
      const [a, b] = [await this.extract(msg.old), await this.extract(msg.new)];
      const opts = { ...(this.lexicon ? { lexicon: this.lexicon } : {}), ...(msg.language && msg.language !== 'auto' ? { language: msg.language } : {}) };
      const comparison = compareVersions(analyzeExtracted(a, { ...opts, file: msg.old.file }), analyzeExtracted(b, { ...opts, file: msg.new.file }));
      return { type: 'compare', id: msg.id, result: { comparison, oldText: a.text, newText: b.text, ms: performance.now() - t0 } };
    } catch (e) {
      return { type: 'error', id: msg.id, message: e instanceof Error ? e.message : String(e) };
    }
  }

  private extract(v: VersionInput): Promise<ExtractedDocument> {
    if ('text' in v) return Promise.resolve(extractText(v.text, v.format));
    return extractBuffer(v.bytes, v.format, { file: v.file, pdfjsDir: this.pdfjsDir });
  }
}
