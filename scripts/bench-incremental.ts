/**
 * `npm run bench -- --only incremental`: typing into Meld. St. 9 (660 KB), measured on the path the extension uses.
 *
 * 200 single-character edits — 10 places spread over the document (the first one in its opening, where the
 * document's stance is read) × 20 keystrokes each, 3 of them backspaces — and after each edit the incremental
 * re-analysis:
 *   - in-process, as the analysis worker runs it: analyzeText with the document's block cache (PruningCache);
 *     `incrementalMedianMs` / `incrementalP99Ms` per update (aim: < 16 ms / < 50 ms);
 *   - through the analysis worker the extension uses (src/extension/worker/client.ts): the round trip per update,
 *     including the worker's sectionProfiles, packing the analysis (src/extension/worker/pack.ts), the transfer and
 *     the unpacking (`incrementalWorker…`), and the stalls of the host's event loop meanwhile
 *     (`incrementalHostStall…`): receiving a result — unpacking it into the ~50,000 objects of this document's
 *     analysis, and their young-generation GC — is all the host does. (The extension host is not the renderer: a
 *     host stall delays hovers and other extensions, not the keystrokes themselves.)
 * beside the full re-analysis without a cache (`incrementalFullMs`) and the first analysis that fills the cache
 * (`incrementalColdMs`). Falls back to the allocation letter in test/fixtures when the corpus is missing.
 */
import * as fs from 'fs';
import * as path from 'path';
import { monitorEventLoopDelay, performance } from 'perf_hooks';
import { analyzeText } from '../src/core/node';
import { PruningCache } from '../src/extension/engine';
import { AnalysisWorkerClient } from '../src/extension/worker/client';
import { nodeWorkers } from '../src/extension/workers/node';

type Metric = number | string | boolean | null;
interface Ctx {
  corpus: string;
  fallback: boolean;
  notes: string[];
}

const FALLBACK = 'test/fixtures/corpus/hod_supplerende_tildelingsbrev_nr2_2026_helsedirektoratet.md';
const TYPED = ' nye tiltak skal prøves ut';

/** The 200 edits, applied one after the other (a generator: one text in memory at a time, as in an editor). */
export function* typingSession(text: string, places = 10, keystrokes = 20): Generator<string> {
  let cur = text;
  for (let p = 0; p < places; p++) {
    // The first place lies in the opening (inside the first 4,000 characters); the others spread over the rest.
    const frac = p === 0 ? Math.min(0.5, 1500 / cur.length) : p / places;
    let at = cur.indexOf(' ', Math.floor(cur.length * frac));
    if (at < 0) at = cur.length;
    let typed = 0;
    for (let k = 0; k < keystrokes; k++) {
      if (k % 7 === 6 && typed > 0) {
        cur = cur.slice(0, at - 1) + cur.slice(at); // backspace
        at--;
        typed--;
      } else {
        cur = cur.slice(0, at) + TYPED[typed % TYPED.length] + cur.slice(at);
        at++;
        typed++;
      }
      yield cur;
    }
  }
}

function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

export function incrementalCase(
  meldSt9: string,
  root: string,
  util: { median(xs: readonly number[]): number; round(n: number, d?: number): number },
): { name: string; description: string; run(ctx: Ctx): Promise<Record<string, Metric>> } {
  const { median, round } = util;
  return {
    name: 'incremental',
    description:
      '200 single-character edits typed into Meld. St. 9, each followed by the incremental re-analysis (block cache), in-process and through the analysis worker; the full re-analysis beside it',
    async run(ctx): Promise<Record<string, Metric>> {
      let file = path.join(ctx.corpus, meldSt9);
      if (!fs.existsSync(file)) {
        file = path.join(root, FALLBACK);
        ctx.notes.push(`incremental: ${meldSt9} is not in ${ctx.corpus}; typing into ${FALLBACK} instead (numbers are not comparable).`);
      }
      const text = fs.readFileSync(file, 'utf8');
      const format = /\.(md|markdown)$/i.test(file) ? 'md' : 'txt';

      // Full re-analysis, no cache: one warm-up, median of 3.
      analyzeText(text, { format });
      const full: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        analyzeText(text, { format });
        full.push(performance.now() - t0);
      }

      // In-process, the worker's code path: a PruningCache per document, begin/end around each run, and the
      // sentences' texts left out (the worker's client slices them from its copy of the text).
      const cache = new PruningCache();
      let t0 = performance.now();
      cache.beginRun();
      analyzeText(text, { format, cache: cache.asBlockCache(), sentenceTexts: false });
      cache.endRun();
      const cold = performance.now() - t0;
      const inc: number[] = [];
      for (const t of typingSession(text)) {
        t0 = performance.now();
        cache.beginRun();
        analyzeText(t, { format, cache: cache.asBlockCache(), sentenceTexts: false });
        cache.endRun();
        inc.push(performance.now() - t0);
      }

      // Through the worker, as the extension does it (tsc build of the worker; the extension runs the esbuild one).
      const script = path.join(root, 'out', 'src', 'extension', 'worker', 'analysisWorker.js');
      const client = new AnalysisWorkerClient(nodeWorkers(script), { log: (m) => ctx.notes.push(`incremental: ${m}`) });
      const round1: number[] = [];
      let stallMax: number | null = null;
      let stallP99: number | null = null;
      try {
        await client.analyze('meld', text, { format }).promise; // fills the worker's cache
        const stall = monitorEventLoopDelay({ resolution: 2 });
        stall.enable();
        for (const t of typingSession(text)) {
          t0 = performance.now();
          await client.analyze('meld', t, { format }).promise;
          round1.push(performance.now() - t0);
        }
        stall.disable();
        stallMax = round(stall.max / 1e6, 1);
        stallP99 = round(stall.percentile(99) / 1e6, 1);
        if (client.spawned === 0) ctx.notes.push('incremental: no worker thread could be started; the worker figures are in-process.');
      } finally {
        client.dispose();
      }

      return {
        incrementalDocument: path.basename(file),
        incrementalEdits: inc.length,
        incrementalMedianMs: round(median(inc), 1),
        incrementalP99Ms: round(percentile(inc, 99), 1),
        incrementalFullMs: round(median(full), 1),
        incrementalColdMs: round(cold, 1),
        incrementalWorkerMedianMs: round(median(round1), 1),
        incrementalWorkerP99Ms: round(percentile(round1, 99), 1),
        incrementalHostStallP99Ms: stallP99,
        incrementalHostStallMaxMs: stallMax,
      };
    },
  };
}
