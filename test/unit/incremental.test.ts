/**
 * Incremental re-analysis (the extension's path: one block cache per document, an analysis per edit) must give
 * exactly what a fresh analysis of the same text gives: the block results, the word counts summed per block, and
 * the memoised language and stance (src/core/analyze.ts).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeText, DocumentAnalysis } from '../../src/core/node';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures');

function fixtures(): { name: string; text: string; format: 'md' | 'txt' }[] {
  const out: { name: string; text: string; format: 'md' | 'txt' }[] = [];
  for (const dir of [FIXTURES, path.join(FIXTURES, 'corpus')]) {
    for (const f of fs.readdirSync(dir)) {
      if (!/\.(md|txt)$/.test(f) || /^SOURCES/.test(f)) continue;
      out.push({ name: f, text: fs.readFileSync(path.join(dir, f), 'utf8'), format: f.endsWith('.md') ? 'md' : 'txt' });
    }
  }
  return out;
}

/** A deterministic sequence of edits: typing and deleting in the opening, the middle and the end. */
function edits(text: string): ((t: string) => string)[] {
  const at = (frac: number) => (t: string) => Math.min(t.length, Math.max(0, Math.floor(t.length * frac)));
  const insert = (where: (t: string) => number, s: string) => (t: string) => t.slice(0, where(t)) + s + t.slice(where(t));
  const remove = (where: (t: string) => number, n: number) => (t: string) => t.slice(0, where(t)) + t.slice(where(t) + n);
  return [
    insert(at(0.5), 'x'),
    insert(at(0.5), ' skal'),
    remove(at(0.5), 1),
    insert(at(0.02), 'e'),
    // A title in the opening changes the stance (and with it every block's key).
    insert(() => 0, 'Tildelingsbrev\n\n'),
    remove(() => 0, 'Tildelingsbrev\n\n'.length),
    insert(() => 0, 'Innspill til høringen\n\n'),
    insert(at(0.9), '\n\nBydelene skal rapportere innen 1. mars.\n\n'),
    remove(at(0.3), Math.min(200, text.length >> 3)),
    insert(at(1), '\nKommunane kan prøve ut nye løysingar saman med innbyggjarane.\n'),
  ];
}

function comparable(a: DocumentAnalysis): DocumentAnalysis {
  return JSON.parse(JSON.stringify(a)) as DocumentAnalysis;
}

describe('incremental analysis (block cache)', () => {
  for (const { name, text, format } of fixtures()) {
    it(`equals a fresh analysis after each edit: ${name}`, () => {
      const cache = new Map();
      let t = text;
      assert.deepStrictEqual(comparable(analyzeText(t, { format, cache })), comparable(analyzeText(t, { format })));
      for (const edit of edits(text)) {
        t = edit(t);
        const incremental = analyzeText(t, { format, cache });
        const fresh = analyzeText(t, { format });
        assert.deepStrictEqual(comparable(incremental), comparable(fresh));
      }
    });
  }

  it('a change of the language option (the lexicon) does not reuse blocks analysed with the other lexicon', () => {
    const text = 'Kommunane skal samarbeide om tenestene.\n\nKvardagsinnovasjon er viktig for kommunane.\n';
    const cache = new Map();
    const nn = analyzeText(text, { cache, language: 'nn' });
    assert.ok(nn.findings.some((f) => f.entry === 'nn-innovasjon'), 'the Nynorsk entry matches with nn');
    const nb = analyzeText(text, { cache, language: 'nb' });
    assert.deepStrictEqual(comparable(nb), comparable(analyzeText(text, { language: 'nb' })));
    assert.ok(!nb.findings.some((f) => f.entry === 'nn-innovasjon'), 'not with nb');
  });

  it('sums words per block only when the text between blocks is blank (a PDF-like excluded range is not)', () => {
    const text = 'Overskrift\n\nKommunen skal rapportere.   \n\n  Bydelene kan prøve ut nye løsninger.\n';
    const cache = new Map();
    const a = analyzeText(text, { format: 'txt', cache });
    const b = analyzeText(text, { format: 'txt' });
    assert.strictEqual(a.words, b.words);
    assert.strictEqual(a.words, 10);
    assert.strictEqual(a.extractedWords, b.extractedWords);
  });
});
