import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { countMarkers, NB_MARKERS, NN_MARKERS } from '../../src/core/report/language';

const CORPUS = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'txt');
const GOLD = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'gold', 'dev.jsonl');

/** What countMarkers counts, by its definition: the runs of letters (\p{L}+) of text[start, end), lower-cased. */
function reference(text: string, start: number, end: number): { nb: number; nn: number } {
  let nb = 0;
  let nn = 0;
  for (const run of text.slice(start, end).match(/\p{L}+/gu) ?? []) {
    const w = run.toLowerCase();
    if (NN_MARKERS.has(w)) nn++;
    else if (NB_MARKERS.has(w)) nb++;
  }
  return { nb, nn };
}

describe('written standard of a document (report/language.ts)', () => {
  it('counts marker words as whole runs of letters, in any case, not inside longer words, cut where the range cuts', () => {
    assert.deepStrictEqual(countMarkers('Vi skal ikkje gjere det, men IKKE sammen – eit «ÒG»-ord; etter, ikket, ettersom'), { nb: 3, nn: 3 });
    // a digit or a combining mark ends a run; a letter of another script goes on with it
    assert.deepStrictEqual(countMarkers('et2 vi\u0301 eg𝐀 frå'), { nb: 2, nn: 1 });
    const s = 'ikkjeikke ikke';
    assert.deepStrictEqual(countMarkers(s, 5, s.length), { nb: 2, nn: 0 });
    assert.deepStrictEqual(countMarkers(s, 0, 5), { nb: 0, nn: 1 });
  });

  it('agrees with its definition on the corpus and on random text of letters, marks, digits and surrogates', () => {
    const alphabet = ['et', 'Et', 'ET', 'ikkje', 'IKKE', 'vi', 'me', 'frå', 'òg', 'ÒG', 'e', 't', 'å', 'Ø', 'ß', 'İ', '1', ' ', '-', '\n', '\u0301', '𝐀', '\ud835', '\udc00', 'ª', '«', '–'];
    let seed = 1207;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let k = 0; k < 20_000; k++) {
      let s = '';
      for (let j = rand(10); j > 0; j--) s += alphabet[rand(alphabet.length)];
      const a = rand(s.length + 1);
      const b = a + rand(s.length - a + 1);
      assert.deepStrictEqual(countMarkers(s, a, b), reference(s, a, b), JSON.stringify(s.slice(a, b)));
    }
    const files = fs.existsSync(CORPUS) ? fs.readdirSync(CORPUS).map((f) => path.join(CORPUS, f)) : [];
    for (const f of [...files, GOLD]) {
      const text = fs.readFileSync(f, 'utf8');
      const got = countMarkers(text);
      assert.deepStrictEqual(got, reference(text, 0, text.length), f);
      assert.ok(got.nb + got.nn > 0, f);
      for (let k = 0; k < 50; k++) {
        const a = rand(text.length);
        const b = Math.min(text.length, a + rand(2000));
        assert.deepStrictEqual(countMarkers(text, a, b), reference(text, a, b), `${f} [${a}, ${b})`);
      }
    }
  });
});
