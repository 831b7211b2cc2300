/**
 * Incremental re-analysis (the extension's path: one block cache per document, an analysis per edit) must give
 * exactly what a fresh analysis of the same text gives: the block results, the word counts summed per block, and
 * the memoised language and stance (src/core/analyze.ts).
 */
import * as assert from 'assert';
import { analyzeText, DocumentAnalysis, sectionProfiles, STUDY_TERMS } from '../../src/core/node';
import { addCounts, emptyCounts } from '../../src/core/report/counts';
import { PruningCache } from '../../src/extension/engine';
import { textFixtures } from './support/texts';

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
  for (const { name, text, format } of textFixtures()) {
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

  // A document on one line (white space collapsed), a Nynorsk one, and a line without white space around a
  // sentence: blocks longer than 16 KB are cached sentence by sentence.
  const all = textFixtures();
  const oneLine = all.map((f) => f.text).join(' ').replace(/\s+/g, ' ');
  const nynorsk = all.find((f) => f.name.startsWith('innspel-sunnmore') || f.name.startsWith('sunnmore'))!;
  const longBlocks = [
    { name: 'every fixture on one line', text: oneLine },
    { name: 'a Nynorsk text on one line', text: Array(Math.ceil(24_000 / nynorsk.text.length)).fill(nynorsk.text).join(' ').replace(/\s+/g, ' ') },
    { name: 'a line without white space, then sentences', text: `${'abcdefghij'.repeat(3000)} Bydelene skal samarbeide. ${'ord '.repeat(5000)}` },
  ];
  for (const { name, text } of longBlocks) {
    it(`equals a fresh analysis after each edit, in a block longer than 16 KB: ${name}`, () => {
      assert.ok(text.length > 20_000 && !text.includes('\n'));
      const cache = new Map();
      let t = text;
      assert.deepStrictEqual(comparable(analyzeText(t, { cache })), comparable(analyzeText(t)));
      for (const edit of edits(text)) {
        t = edit(t);
        assert.deepStrictEqual(comparable(analyzeText(t, { cache })), comparable(analyzeText(t)));
      }
    });
  }

  it('an edit inside a long block analyses the sentence it touched, not the block (a document on one line)', () => {
    const text = oneLine;
    /** Counts the sentences analysed: each entry set holds the sentences of what was analysed. */
    class Counting<K, V extends readonly unknown[]> extends Map<K, V> {
      sets = 0;
      override set(k: K, v: V): this {
        this.sets += v.length;
        return super.set(k, v);
      }
    }
    const cache = new Counting<string, never[]>();
    const first = analyzeText(text, { cache });
    assert.ok(first.sentences.length > 100);
    cache.sets = 0;
    const at = text.indexOf('. ', text.length >> 1) + 2;
    const edited = text.slice(0, at) + 'Bydelene skal samarbeide. ' + text.slice(at);
    const a = analyzeText(edited, { cache });
    assert.strictEqual(a.sentences.length, first.sentences.length + 1);
    assert.strictEqual(cache.sets, 1, 'one sentence analysed: the one typed');
  });

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

  it('a sentence before the edit keeps the object the last analysis made of it; the edited one and those after are new', () => {
    const { text, format } = all.find((f) => f.name.startsWith('hod_supplerende'))!;
    const cache = new Map();
    const first = analyzeText(text, { format, cache });
    // a new paragraph before one in the middle (the blocks around it are unchanged; an edited block is analysed anew)
    const at = first.sentences.find((s, i) => i >= first.sentences.length / 2 && text.slice(s.start - 2, s.start) === '\n\n')!.start;
    const edited = text.slice(0, at) + 'Ny setning.\n\n' + text.slice(at);
    const second = analyzeText(edited, { format, cache });
    const k = second.sentences.findIndex((s) => s.start >= at);
    assert.ok(k > 10);
    // (a block whose text occurs twice, «Nye tildelinger:», is one cache entry emitted at two offsets: rebuilt)
    const seen = new Map<string, number>();
    for (const s of first.sentences) seen.set(s.text, (seen.get(s.text) ?? 0) + 1);
    let reused = 0;
    for (let i = 0; i < k; i++) {
      if (seen.get(first.sentences[i].text) !== 1) continue;
      assert.strictEqual(second.sentences[i], first.sentences[i], `sentence ${i} reused`);
      reused++;
    }
    assert.ok(reused > 10);
    // the findings of a reused sentence are reused with it, and are still the fresh analysis's findings
    assert.ok(second.findings.some((f) => f.sentence < k && first.findings.includes(f)));
    for (let i = k; i < second.sentences.length; i++) assert.ok(!first.sentences.includes(second.sentences[i]), `sentence ${i} new`);
    assert.deepStrictEqual(comparable(second), comparable(analyzeText(edited, { format })));
    // the first analysis is left as it was
    assert.deepStrictEqual(comparable(first), comparable(analyzeText(text, { format })));
  });

  it('without the sentences\' texts (the worker\'s option), the rest of the analysis and the section profiles are the same', () => {
    const { text, format } = all.find((f) => f.name.startsWith('hod_supplerende'))!;
    const cache = new Map();
    const full = analyzeText(text, { format });
    for (let run = 0; run < 2; run++) {
      const bare = analyzeText(text, { format, cache, sentenceTexts: false });
      assert.ok(bare.sentences.every((s) => s.text === ''));
      const filled = comparable(bare);
      for (const s of filled.sentences) s.text = text.slice(s.start, s.end);
      assert.deepStrictEqual(filled, comparable(full));
      assert.deepStrictEqual(sectionProfiles(bare, text), sectionProfiles(full));
    }
    // the same cache with the texts: no sentence object without its text is reused
    assert.ok(analyzeText(text, { format, cache }).sentences.every((s) => s.text === text.slice(s.start, s.end)));
  });

  it('sums the study counts term by term, every term', () => {
    for (const t of STUDY_TERMS) {
      const into = emptyCounts();
      const one = emptyCounts();
      one[t] = 2;
      addCounts(into, one);
      addCounts(into, one);
      assert.deepStrictEqual(into, { ...emptyCounts(), [t]: 4 }, t);
    }
  });

  it('the pruning cache keeps what the last run used and forgets the rest', () => {
    const cache = new PruningCache();
    const text = 'Kommunen skal rapportere.\n\nBydelene kan prøve ut nye løsninger.\n';
    cache.beginRun();
    analyzeText(text, { cache: cache.asBlockCache() });
    cache.endRun();
    assert.strictEqual(cache.size, 2);
    assert.strictEqual(cache.misses, 2);
    cache.beginRun();
    const edited = text.replace('rapportere', 'samarbeide');
    const a = analyzeText(edited, { cache: cache.asBlockCache() });
    cache.endRun();
    assert.deepStrictEqual([cache.hits, cache.misses, cache.size], [1, 1, 2], 'the edited block replaced, the other kept');
    assert.deepStrictEqual(comparable(a), comparable(analyzeText(edited)));
    assert.ok(cache.has('Bydelene kan prøve ut nye løsninger.') && !cache.has('Kommunen skal rapportere.'));
  });
});
