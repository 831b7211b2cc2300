/**
 * Every stage linear in its input (issue 10): over-long sentences are cut (segment.ts, MAX_SENTENCE_CHARS), the
 * tokenizer follows the word definition with one scan, the matcher's word index finds exactly what trying every
 * term on every token finds, and doubling the input at most about doubles the time — for one long line, for a line
 * without white space and for many ordinary sentences.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { Readable } from 'stream';
import { run, CliIO } from '../../src/cli/main';
import { analyzeText, builtinLexicon } from '../../src/core';
import type { Lexicon, LexiconEntry } from '../../src/core';
import { compileLexicon, matchTokens } from '../../src/core/match/matcher';
import { stem } from '../../src/core/match/stem';
import { grammar } from '../../src/core/lexicon';
import { MAX_SENTENCE_CHARS, segmentBlocks, sentencesOf, splitSentences } from '../../src/core/segment/segment';
import { tokenize } from '../../src/core/tokenize/tokenize';
import { countWords, WORD_RE } from '../../src/core/tokenize/words';
import { classOf, compute, LATIN1 } from '../../src/core/tokenize/chars';
import type { TermMatch, Token } from '../../src/core/types';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');
const CORPUS = path.join(FIXTURES, 'corpus');
const corpusTexts = () =>
  fs
    .readdirSync(CORPUS)
    .filter((f) => /\.(txt|md)$/.test(f) && !/^(SOURCES|README)\./.test(f))
    .map((f) => fs.readFileSync(path.join(CORPUS, f), 'utf8'));
const PROBE = 'Bydelene skal ikke kan må innovasjon og samskaping, ';

function piecesOf(text: string) {
  return splitSentences(text, 0, text.length);
}

describe('segmentation bounds every sentence (MAX_SENTENCE_CHARS)', () => {
  it('leaves real sentences alone: none of the corpus fixtures has a cut sentence', () => {
    for (const text of corpusTexts()) {
      for (const b of segmentBlocks(text)) for (const s of sentencesOf(text, b)) assert.ok(!s.cut, text.slice(s.start, s.start + 80));
    }
  });

  it('cuts a long line at clause punctuation, into pieces of at most the maximum, marked cut, with exact offsets', () => {
    const text = PROBE.repeat(100); // 5 200 characters, commas every 52
    const pieces = piecesOf(text);
    assert.ok(pieces.length >= 6, `${pieces.length} pieces`);
    for (const p of pieces) {
      assert.ok(p.cut, 'marked cut');
      assert.ok(p.end - p.start <= MAX_SENTENCE_CHARS);
      assert.strictEqual(text.slice(p.start, p.end), text.slice(p.start, p.end).trim());
    }
    for (const p of pieces.slice(0, -1)) assert.ok(text.slice(p.start, p.end).endsWith(','), 'cut after a comma');
    // nothing lost: the pieces and the white space between them are the whole line
    assert.strictEqual(pieces.map((p) => text.slice(p.start, p.end)).join(' '), text.trim());
  });

  it('prefers a line break, then a clause mark, then a comma, then a space', () => {
    const line = 'ord '.repeat(40).trim(); // 159 characters without punctuation
    const rows = Array.from({ length: 20 }, () => line).join('\n'); // a table pasted as one paragraph
    for (const p of piecesOf(rows).slice(0, -1)) assert.strictEqual(rows[p.end], '\n', 'cut at a line end');
    const clause = ('a '.repeat(150) + 'slik; ').repeat(8) + ('b, '.repeat(100) + 'c ').repeat(4);
    const first = piecesOf(clause)[0];
    assert.ok(clause.slice(first.start, first.end).endsWith(';'), clause.slice(first.end - 10, first.end));
    const spaces = 'ord '.repeat(600);
    for (const p of piecesOf(spaces)) assert.ok(/^(ord ?)+$/.test(spaces.slice(p.start, p.end)), 'cut between words');
  });

  it('cuts text without white space hard, never inside a surrogate pair; headings are cut too', () => {
    const x = 'x'.repeat(2500);
    assert.deepStrictEqual(piecesOf(x).map((p) => p.end - p.start), [1000, 1000, 500]);
    const astral = '𝐀'.repeat(1500); // 3000 code units
    for (const p of piecesOf(astral)) assert.ok(p.start % 2 === 0 && p.end % 2 === 0, `${p.start}–${p.end}`);
    const heading = '# ' + 'Overskrift '.repeat(200);
    const [block] = segmentBlocks(heading, 'md');
    assert.strictEqual(block.kind, 'heading');
    const hs = sentencesOf(heading, block);
    assert.ok(hs.length > 1 && hs.every((s) => s.cut && s.end - s.start <= MAX_SENTENCE_CHARS));
  });

  it('the analysis marks the pieces and keeps every finding inside its sentence', () => {
    const text = PROBE.repeat(400);
    const a = analyzeText(text);
    assert.ok(a.sentences.length > 20 && a.sentences.every((s) => s.cut && s.text.length <= MAX_SENTENCE_CHARS));
    assert.ok(a.findings.length > 1000);
    for (const f of a.findings) {
      const s = a.sentences[f.sentence];
      assert.ok(s.start <= f.start && f.end <= s.end);
      assert.strictEqual(text.slice(f.start, f.end), f.text);
    }
    assert.strictEqual(a.counts.exact.samskaping, 400);
  });

  it('counts the same words as countWords over the text, with and without cut sentences', () => {
    const texts = [...corpusTexts(), PROBE.repeat(100), 'abcdefghij'.repeat(300) + ' og mer. Neste setning.', 'Ord-og-ord '.repeat(200)];
    for (const t of texts) {
      const a = analyzeText(t);
      assert.strictEqual(a.words, countWords(t));
      assert.strictEqual(a.extractedWords, countWords(t));
    }
  });

  it('the CLI says so on each finding of a cut sentence (sentenceCut), and not on others', async () => {
    const io = () => {
      const out = { stdout: '', stderr: '' };
      const cio: CliIO = { stdout: { write: (s: string) => (out.stdout += s) }, stderr: { write: (s: string) => (out.stderr += s) }, stdin: Readable.from(['']), env: {} };
      return { out, cio };
    };
    const tmp = fs.mkdtempSync(path.join(require('os').tmpdir(), 'policy-lens-linear-'));
    try {
      const long = path.join(tmp, 'long.txt');
      fs.writeFileSync(long, PROBE.repeat(100));
      const { out, cio } = io();
      assert.strictEqual(await run(['analyze', long, path.join(CORPUS, 'sunnmore_regionrad_innspel_2026_nn.txt'), '--format', 'json'], cio), 0, out.stderr);
      // the CLI lists documents in path order, which depends on where the checkout is: pick them by name
      const docs = JSON.parse(out.stdout) as { file: string; findings: { sentenceCut?: boolean; sentence: string }[] }[];
      const cut = docs.find((d) => d.file.endsWith('long.txt'))!;
      const normal = docs.find((d) => !d.file.endsWith('long.txt'))!;
      assert.ok(cut.findings.length > 0 && cut.findings.every((f) => f.sentenceCut === true && f.sentence.length <= MAX_SENTENCE_CHARS));
      assert.ok(normal.findings.length > 0 && normal.findings.every((f) => !('sentenceCut' in f)));
      // classify takes sentences: a longer line is refused with a message, the next line is still classified
      const c = io();
      const cio2 = { ...c.cio, stdin: Readable.from([`${'ord '.repeat(400)}\nBydelene skal rapportere.\n`]) };
      assert.strictEqual(await run(['classify'], cio2), 1);
      assert.match(c.out.stderr, /^policy-lens: stdin:1: cannot classify: the sentence has 1599 characters, more than the 1000/);
      assert.strictEqual(c.out.stdout.trim().split('\n').length, 1);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('tokenizer: one scan that follows the word definition (WORD_RE)', () => {
  it('the written-out Latin-1 table agrees with the Unicode property escapes', () => {
    for (let c = 0; c < 256; c++) assert.strictEqual(classOf(c), compute(c), `U+${c.toString(16)}`);
    assert.ok(LATIN1.length > 5);
  });

  const byRegex = (t: string) => [...t.matchAll(new RegExp(WORD_RE.source, 'gu'))].map((m) => [m.index!, m.index! + m[0].length]);
  const byTokens = (t: string) => tokenize(t).filter((k) => k.kind !== 'punct').map((k) => [k.start, k.end]);

  it('finds the same words as the regular expression, in the corpus fixtures and in random strings', () => {
    for (const text of corpusTexts()) {
      assert.deepStrictEqual(byTokens(text), byRegex(text));
      assert.strictEqual(countWords(text), byRegex(text).length);
    }
    const alphabet = ['a', 'Ø', 'å', '7', '-', '‐', "'", '’', ' ', '\n', '.', 'é', '\u0301', '²', '𝐀', '😀', '\u00a0', '«', 'İ', 'Σ', '\u00ad', '\u200b'];
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    for (let k = 0; k < 20_000; k++) {
      let t = '';
      for (let i = rnd(16); i > 0; i--) t += alphabet[rnd(alphabet.length)];
      assert.deepStrictEqual(byTokens(t), byRegex(t), JSON.stringify(t));
      for (const tok of tokenize(t)) {
        // (less the invisible format characters: a soft hyphen, a zero-width space; and a footnote's digits run on)
        const written = t.slice(tok.start, tok.end).replace(/[\u00ad\u200b-\u200d\u2060]/g, '');
        assert.strictEqual(/^\p{Lu}?\p{Ll}{3,}\d{1,3}$/u.test(written) ? written.replace(/\d+$/, '') : written, tok.text);
        assert.strictEqual(tok.lower, tok.text.toLowerCase());
      }
    }
  });
});

// ── A reference matcher: every term tried on every token (the definition the word index must agree with) ──────

type Pat = { kind: 'exact' | 'prefix' | 'suffix' | 'contains'; s: string; cs: boolean } | { kind: 'stem'; s: string } | { kind: 'number' } | { kind: 'gap' };
const INFL = ['', 'e', 'en', 'et', 'a', 'er', 'ene', 'ar', 'ane', 'ne', 's', 'es', 't', 'te', 'r', 'ens', 'ets', 'enes'];
const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

function pat(w: string): Pat {
  if (w === '…' || w === '...') return { kind: 'gap' };
  if (w === '#') return { kind: 'number' };
  if (w.startsWith('~')) return { kind: 'stem', s: stem(w.slice(1).toLowerCase()) };
  const cs = w.startsWith('=');
  if (cs) w = w.slice(1);
  const lead = w.startsWith('*');
  const trail = w.endsWith('*') && w.length > 1;
  const core = w.replace(/^\*/, '').replace(/\*$/, '');
  const s = cs ? core : core.toLowerCase();
  return { kind: lead && trail ? 'contains' : lead ? 'suffix' : trail ? 'prefix' : 'exact', s, cs };
}

function test(p: Pat, t: Token): boolean {
  if (p.kind === 'number') return t.kind === 'number' || MONTHS.includes(t.lower);
  if (p.kind === 'gap') return true;
  if (p.kind === 'stem') return stem(t.lower) === p.s;
  const w = p.cs ? t.text : t.lower;
  if (p.kind === 'exact') return w === p.s;
  if (p.kind === 'prefix') return w.startsWith(p.s);
  if (p.kind === 'contains') return w.includes(p.s);
  const i = w.lastIndexOf(p.s);
  return i >= 0 && INFL.includes(w.slice(i + p.s.length));
}

/** Two words of a phrase never stand on either side of one of these (a gap «…» may cross them). */
const BREAKS = [',', ';', ':', '(', ')', '[', ']', '!', '?'];

function phraseEnd(words: Pat[], wt: Token[], broken: boolean[], wi: number, ti: number): number {
  if (wi === words.length) return ti - 1;
  if (words[wi].kind === 'gap') {
    for (let g = 0; g <= 4 && ti + g <= wt.length; g++) {
      const r = phraseEnd(words, wt, broken, wi + 1, ti + g);
      if (r >= 0) return r;
    }
    return -1;
  }
  if (ti < wt.length && test(words[wi], wt[ti])) return wi > 0 && words[wi - 1].kind !== 'gap' && broken[ti] ? -1 : phraseEnd(words, wt, broken, wi + 1, ti + 1);
  // inside a phrase (not before its first word, nor after a gap), up to two light adverbs or one adverbial phrase of
  // several words may stand between two of its words («er derfor nødvendig at», «bes i tillegg om»)
  if (wi === 0 || words[wi - 1].kind === 'gap') return -1;
  let k = ti;
  while (k < wt.length && k < ti + 2 && LIGHT.has(wt[k].lower) && !broken[k]) k++;
  if (k === ti && !broken[ti]) {
    for (const seq of PHRASES) {
      if (ti + seq.length < wt.length && seq.every((w, j) => wt[ti + j].lower === w && !broken[ti + j])) {
        k = ti + seq.length;
        break;
      }
    }
  }
  if (k === ti || k >= wt.length || broken[k] || !test(words[wi], wt[k])) return -1;
  return phraseEnd(words, wt, broken, wi + 1, k + 1);
}
const LIGHT = new Set(grammar.lightAdverbs);
const PHRASES = grammar.adverbialPhrases.map((p) => tokenize(p).filter((t) => t.kind !== 'punct').map((t) => t.lower)).filter((seq) => seq.length > 1).sort((a, b) => b.length - a.length);

function referenceMatch(text: string, tokens: Token[], lexicon: Lexicon): TermMatch[] {
  const terms: { e: LexiconEntry; words: Pat[]; group: number }[] = [];
  for (const e of lexicon.entries) {
    if (e.disabled) continue;
    for (const term of e.terms) {
      const words = term.trim().split(/\s+/).map(pat);
      const w = words[0];
      const cs = 'cs' in w && w.cs;
      terms.push({ e, words, group: words.length === 1 ? (w.kind === 'exact' && !cs ? 0 : cs ? 2 : 1) : w.kind === 'exact' && !cs ? 3 : 4 });
    }
  }
  const singles = [0, 1, 2].flatMap((g) => terms.filter((t) => t.group === g));
  const phrases = [3, 4].flatMap((g) => terms.filter((t) => t.group === g));
  const wt = tokens.filter((t) => t.kind !== 'punct');
  // broken[k]: a breaking punctuation token stands between word k − 1 and word k
  const broken = wt.map((t, k) => k > 0 && tokens.slice(tokens.indexOf(wt[k - 1]) + 1, tokens.indexOf(t)).some((p) => BREAKS.includes(p.text)));
  const found: { m: TermMatch; e: LexiconEntry; ti: number }[] = [];
  const seen = new Set<string>();
  const add = (e: LexiconEntry, start: number, end: number, ti: number) => {
    const key = `${e.id}:${start}:${end}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push({ m: { start, end, text: text.slice(start, end), entry: e.id, category: e.category, weight: e.weight ?? 1, negated: undefined }, e, ti });
  };
  wt.forEach((tok, i) => {
    const done = new Set<string>();
    for (const u of tok.parts ? [tok, ...tok.parts] : [tok]) {
      for (const t of singles) {
        if (done.has(t.e.id) || !test(t.words[0], u)) continue;
        done.add(t.e.id);
        add(t.e, u.start, u.end, i);
      }
    }
    for (const t of phrases) {
      const last = phraseEnd(t.words, wt, broken, 0, i);
      if (last >= 0) add(t.e, tok.start, wt[last].end, i);
    }
  });
  let out = found.filter(({ e, ti, m }) => {
    for (const ex of e.except ?? []) {
      const words = ex.trim().split(/\s+/).map(pat);
      for (let s = Math.max(0, ti - 3); s <= ti; s++) {
        const last = phraseEnd(words, wt, broken, 0, s);
        if (last >= 0 && wt[s].start <= m.start && wt[last].end >= m.end) return false;
      }
    }
    return true;
  });
  const hasDistrict = out.some(({ e }) => e.category === 'district' && !e.context);
  out = out.filter(({ e }) => e.context !== 'district' || hasDistrict);
  const reducers = new Set(['redusert', 'redusere', 'reduseres', 'reduserer', 'mindre', 'færre', 'forenkle', 'forenklet', 'forenkles', 'forenkling', 'avvikle', 'avvikles', 'fjerne', 'fjernes', 'unngå', 'unngår', 'lette', 'lettere', 'redusera', 'minske', 'begrense', 'uten']);
  for (const f of out) {
    if (f.m.category === 'control' && wt.slice(Math.max(0, f.ti - 2), f.ti).some((t) => reducers.has(t.lower))) {
      f.m.category = 'enabling';
      f.m.negated = true;
    }
  }
  const ms = out.map((f) => f.m);
  return ms
    .filter((a) => !ms.some((b) => b !== a && b.category === a.category && b.start <= a.start && b.end >= a.end && b.end - b.start > a.end - a.start))
    .sort((a, b) => a.start - b.start || b.end - a.end);
}

describe('matcher: the word index agrees with trying every term on every token', () => {
  it('the same matches, in the same order, for every sentence of the corpus fixtures and the gold set', () => {
    const lexicon = builtinLexicon();
    const compiled = compileLexicon(lexicon);
    const gold = fs
      .readFileSync(path.join(FIXTURES, 'gold', 'dev.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { text: string }).text);
    let sentences = 0;
    let matches = 0;
    for (const text of [...corpusTexts(), gold.join('\n\n')]) {
      for (const b of segmentBlocks(text)) {
        for (const s of sentencesOf(text, b)) {
          const tokens = tokenize(text, s.start, s.end);
          const got = matchTokens(text, tokens, compiled);
          assert.deepStrictEqual(got, referenceMatch(text, tokens, lexicon), text.slice(s.start, s.end));
          sentences++;
          matches += got.length;
        }
      }
    }
    assert.ok(sentences > 1000 && matches > 1000, `${sentences} sentences, ${matches} matches`);
  });

  it('compiles a lexicon once and reuses it', () => {
    const lexicon = builtinLexicon();
    assert.strictEqual(compileLexicon(lexicon), compileLexicon(lexicon));
  });
});

describe('growth rate: doubling the input at most ~2.2× the time', function () {
  this.timeout(120_000);

  /** The fastest of `runs` interleaved analyses of each size (robust to a busy machine), after a warm-up. */
  function ratio(make: (n: number) => string, n: number, runs = 5): { ratio: number; ms: number[] } {
    const small = make(n);
    const large = make(2 * n);
    analyzeText(small);
    analyzeText(large);
    const best = [Infinity, Infinity];
    for (let r = 0; r < runs; r++) {
      for (const [k, text] of [small, large].entries()) {
        const t0 = performance.now();
        analyzeText(text);
        best[k] = Math.min(best[k], performance.now() - t0);
      }
    }
    return { ratio: best[1] / best[0], ms: best };
  }

  /**
   * Up to three measurements: a machine shared with other work can slow one round down (the test passes on the
   * first under 2.2); a super-linear stage fails all three (quadratic work gives ~4×).
   */
  const check = (what: string, measure: () => { ratio: number; ms: number[] }) => {
    const seen: string[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const r = measure();
      seen.push(`${r.ms.map((m) => m.toFixed(0)).join(' → ')} ms (×${r.ratio.toFixed(2)})`);
      if (r.ratio <= 2.2) return;
    }
    assert.fail(`${what}: ${seen.join('; ')}`);
  };

  it('one long line with clause punctuation (the issue’s probe), 150 KB → 300 KB', () => {
    check('long line', () => ratio((n) => PROBE.repeat(Math.round(n / PROBE.length)), 150_000));
  });

  it('one line without white space, 500 KB → 1 MB', () => {
    check('no white space', () => ratio((n) => 'abcdefghij'.repeat(n / 10), 500_000));
  });

  it('many ordinary sentences (the corpus fixtures, repeated), 250 KB → 500 KB', () => {
    const base = corpusTexts().join('\n\n');
    check('sentences', () => ratio((n) => base.repeat(Math.ceil(n / base.length)).slice(0, n), 250_000));
  });

  it('a text made of modals costs about what prose of its length costs (cues read per sentence are bounded)', () => {
    // «skal skal skal …» cut into 1,000-character pieces: each of its 200 modals walked its clause (the square of the
    // piece's length), 6.8× the time of the same length of prose; the first MAX_CUES_PER_SENTENCE are read (1.3×)
    const base = corpusTexts().join('\n\n');
    const prose = base.repeat(Math.ceil(200_000 / base.length)).slice(0, 200_000);
    const modals = 'skal '.repeat(40_000);
    const best = (text: string) => {
      let ms = Infinity;
      for (let r = 0; r < 4; r++) {
        const t0 = performance.now();
        analyzeText(text);
        ms = Math.min(ms, performance.now() - t0);
      }
      return ms;
    };
    analyzeText(prose);
    analyzeText(modals);
    const seen: string[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const [p, m] = [best(prose), best(modals)];
      seen.push(`prose ${p.toFixed(0)} ms, modals ${m.toFixed(0)} ms`);
      if (m <= 3 * p) return;
    }
    assert.fail(seen.join('; '));
  });
});

describe('fixtures name their source by document, never by a local path', () => {
  it('no fixture text contains a machine-specific path (/work/…, a home folder, a drive letter)', () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(d, e.name));
        else if (/\.(md|txt|jsonl|json)$/.test(e.name)) files.push(path.join(d, e.name));
      }
    };
    walk(FIXTURES);
    assert.ok(files.length > 10);
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      assert.ok(!/(?:^|[\s(,;:])(?:\/work\/|\/home\/|\/root\/|\/Users\/|[A-Z]:\\)/.test(text), `${path.relative(ROOT, f)} names a local path`);
    }
  });
});
