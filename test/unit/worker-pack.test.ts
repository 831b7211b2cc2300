/**
 * The analysis packed for the trip from the analysis worker to the extension host (src/extension/worker/pack.ts)
 * must come back exactly as the worker made it, and the worker thread the extension uses must give exactly the
 * engine's analysis, edit after edit.
 */
import * as assert from 'assert';
import * as path from 'path';
import { deserialize, serialize } from 'v8';
import { analyzeText, DocumentAnalysis } from '../../src/core/node';
import { packAnalysis, unpackAnalysis } from '../../src/extension/worker/pack';
import { AnalysisWorkerClient } from '../../src/extension/worker/client';
import { nodeWorkers } from '../../src/extension/workers/node';
import { textFixtures } from './support/texts';

const WORKER = path.resolve(__dirname, '..', '..', 'src', 'extension', 'worker', 'analysisWorker.js');

/** What crosses a thread boundary: the structured clone (the serializer the worker threads use). */
function clone<T>(x: T): T {
  return deserialize(serialize(x)) as T;
}

describe('analysis worker: the packed analysis', () => {
  for (const { name, text, format } of textFixtures()) {
    it(`comes back as the worker made it, keys in the same order: ${name}`, () => {
      const a = analyzeText(text, { format, sentenceTexts: false });
      const packed = packAnalysis(a);
      assert.ok(packed, 'packed');
      const back = unpackAnalysis(clone(packed));
      assert.deepStrictEqual(back, clone(a));
      assert.strictEqual(JSON.stringify(back), JSON.stringify(a));
      // with the text, each sentence gets its own again
      const filled = unpackAnalysis(clone(packed), text);
      assert.deepStrictEqual(filled, clone(analyzeText(text, { format })));
    });
  }

  it('keeps what the labels and matches hold at their edges: a cut sentence, a negated match, no actor, an actor range', () => {
    const text = `Kravet om rapportering fjernes. Kommunen skal rapportere. Det kan være behov for nye tiltak. ${'ord '.repeat(3000)}slutt.`;
    const a = analyzeText(text, { sentenceTexts: false });
    assert.ok(a.sentences.some((s) => s.cut));
    assert.ok(a.sentences.some((s) => s.matches.some((m) => m.negated === true)));
    assert.ok(a.sentences.some((s) => s.actor === null) && a.sentences.some((s) => s.actorRange !== undefined));
    assert.deepStrictEqual(unpackAnalysis(clone(packAnalysis(a)!)), clone(a));
  });

  it('is a fraction of the size of the analysis as it is (Meld. St. 9 excerpt: the fixtures on one page)', () => {
    const text = textFixtures()
      .map((d) => d.text)
      .join('\n\n');
    const a = analyzeText(text, { sentenceTexts: false });
    const plain = serialize(a).length;
    const packed = serialize(packAnalysis(a)).length;
    assert.ok(packed < plain / 2, `${packed} bytes packed, ${plain} as it is`);
  });

  it('the worker thread gives the engine\'s analysis, texts included, for a first analysis and after edits', async function () {
    this.timeout(60_000);
    const client = new AnalysisWorkerClient(nodeWorkers(WORKER), { terminateAfterMs: 60_000 });
    try {
      const { text, format } = textFixtures().find((d) => d.name.startsWith('tildelingsbrev'))!;
      let t = text;
      for (const edit of [(s: string) => s, (s: string) => s.replace('skal', 'skal ikke'), (s: string) => 'Tildelingsbrev\n\n' + s + '\nBydelene kan prøve ut nye løsninger.\n']) {
        t = edit(t);
        const r = await client.analyze('doc', t, { format }).promise;
        assert.strictEqual(client.mode, 'worker');
        const expected: DocumentAnalysis = analyzeText(t, { format });
        assert.deepStrictEqual(r.analysis, clone(expected));
      }
    } finally {
      client.dispose();
    }
  });
});
