import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyzeText, classifySentence } from '../../src/core/node';
import { cli } from './support/cli';
import { parseCsv } from './support/csv';
import { csvField } from '../../src/cli/format';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const LETTER = path.join(ROOT, 'samples', 'hod_supplerende_tildelingsbrev_nr2_2026_helsedirektoratet.md');
const OSLO = path.join(ROOT, 'samples', 'helsefellesskap_oslo_innsiktsrapport_psykisk_helse_barn_unge_2025_EXCERPT.md');

describe('policy-lens CLI', function () {
  let tmp: string;
  let letterText: string;

  before(function () {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-cli-'));
    letterText = fs.readFileSync(LETTER, 'utf8');
  });
  after(function () {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  function dir(name: string, files: Record<string, string | Buffer>): string {
    const d = path.join(tmp, name);
    for (const [rel, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(d, rel)), { recursive: true });
      fs.writeFileSync(path.join(d, rel), content);
    }
    return d;
  }

  describe('analyze --format json', function () {
    it('prints an array of documents with exactly the documented keys, and the engine’s counts', async function () {
      const d = dir('json', { 'letter.txt': letterText });
      const file = path.join(d, 'letter.txt');
      const r = await cli(['analyze', file, '--format', 'json']);
      assert.strictEqual(r.code, 0, r.stderr);
      assert.strictEqual(r.stderr, '');
      const docs = JSON.parse(r.stdout);
      assert.ok(Array.isArray(docs));
      assert.strictEqual(docs.length, 1);
      const doc = docs[0];
      assert.deepStrictEqual(Object.keys(doc), [
        'file',
        'pages',
        'words',
        'extractedWords',
        'sentences',
        'score',
        'counts',
        'categories',
        'district',
        'findings',
      ]);
      assert.strictEqual(doc.file, file);
      assert.deepStrictEqual(Object.keys(doc.score), ['value', 'label', 'axes', 'components']);
      assert.deepStrictEqual(Object.keys(doc.counts), ['exact', 'inflected']);
      assert.strictEqual(typeof doc.sentences, 'number');

      // The numbers are the engine's own: compare with analyzeText on the same text.
      const a = await analyzeText(letterText);
      assert.ok(a.counts.exact.skal > 0, 'the allocation letter uses «skal»');
      assert.strictEqual(doc.counts.exact.skal, a.counts.exact.skal);
      assert.strictEqual(doc.counts.inflected.innovasjon, a.counts.inflected.innovasjon);
      assert.strictEqual(doc.sentences, a.sentences.length);
      assert.strictEqual(doc.words, a.words);
      assert.strictEqual(doc.score.value, a.score.value);
      assert.strictEqual(doc.findings.length, a.findings.length);

      assert.ok(doc.findings.length > 0);
      for (const f of doc.findings) {
        assert.deepStrictEqual(Object.keys(f), ['start', 'end', 'page', 'category', 'subtype', 'entry', 'text', 'sentence']);
        assert.strictEqual(typeof f.sentence, 'string', 'sentence is the text of the sentence, not its index');
      }
      // A finding lies in its sentence.
      const f0 = a.findings[0];
      assert.strictEqual(doc.findings[0].sentence, a.sentences[f0.sentence].text);
      assert.ok(r.stdout.startsWith('[\n  {\n    "file": '), 'pretty-printed with 2 spaces');
    });
  });

  describe('analyze --format csv', function () {
    it('writes a header and one RFC 4180 row per document, quoting names with commas and quotes', async function () {
      const d = dir('csv', { 'a, "quoted" name.txt': letterText, 'b.md': fs.readFileSync(OSLO, 'utf8') });
      const r = await cli(['analyze', d, '--format=csv']);
      assert.strictEqual(r.code, 0, r.stderr);
      assert.ok(r.stdout.includes(`"${path.join(d, 'a, ""quoted"" name.txt')}"`), 'file name quoted, quotes doubled');
      const rows = parseCsv(r.stdout);
      assert.strictEqual(rows.length, 3);
      const [header, first, second] = rows;
      assert.deepStrictEqual(header.slice(0, 6), ['file', 'score', 'label', 'axis_directive', 'axis_enabling', 'directive_per_1000_words']);
      for (const col of ['exact_skal', 'exact_må', 'inflected_innovasjon', 'inflected_samskaping', 'district_mentions', 'innovation_sentences', 'innovation_with_district_role', 'sentences_directive']) {
        assert.ok(header.includes(col), `column ${col}`);
      }
      assert.ok(header.some((h) => h.startsWith('component_')), 'score components by id');
      assert.strictEqual(first.length, header.length);
      assert.strictEqual(second.length, header.length);
      assert.strictEqual(first[0], path.join(d, 'a, "quoted" name.txt'));
      assert.strictEqual(second[0], path.join(d, 'b.md'));
      const a = await analyzeText(letterText);
      assert.strictEqual(Number(first[header.indexOf('exact_skal')]), a.counts.exact.skal);
      assert.strictEqual(Number(first[header.indexOf('score')]), Math.round(a.score.value * 1000) / 1000);
    });

    it('quotes fields as RFC 4180 says', function () {
      assert.strictEqual(csvField('plain'), 'plain');
      assert.strictEqual(csvField('a,b'), '"a,b"');
      assert.strictEqual(csvField('say "hi"'), '"say ""hi"""');
      assert.strictEqual(csvField('two\nlines'), '"two\nlines"');
      assert.strictEqual(csvField(1.23456), '1.235');
    });
  });

  describe('folder walk', function () {
    it('finds documents recursively, skips node_modules, dot-folders and other types, sorts by path', async function () {
      const d = dir('walk', {
        'z.txt': 'Kommunen skal rapportere.',
        'sub/deeper/b.markdown': 'Bydelene kan selv velge tiltak.',
        'a.md': 'Departementet ber Helsedirektoratet om å utrede saken.',
        'node_modules/pkg/x.txt': 'skal',
        '.git/x.txt': 'skal',
        'notes.xyz': 'skal',
        'image.png': 'not a document',
      });
      const r = await cli(['analyze', d, '--format', 'json']);
      assert.strictEqual(r.code, 0, r.stderr);
      const files = JSON.parse(r.stdout).map((x: { file: string }) => path.relative(d, x.file));
      assert.deepStrictEqual(files, ['a.md', path.join('sub', 'deeper', 'b.markdown'), 'z.txt']);
    });

    it('prints scorecards and a comparison table for several documents', async function () {
      const d = dir('table', { 'one.txt': letterText, 'two.md': fs.readFileSync(OSLO, 'utf8') });
      const r = await cli(['analyze', d]);
      assert.strictEqual(r.code, 0, r.stderr);
      assert.ok(!r.stdout.includes('\x1b['), 'no colour when not a terminal');
      assert.match(r.stdout, /-100 \[[-|O]+\] \+100/);
      assert.match(r.stdout, /innovation\/co-creation sentences: \d+, with a district role: \d+/);
      assert.match(r.stdout, /Comparison of 2 documents/);
      const a = await analyzeText(letterText);
      const row = r.stdout.split('\n').find((l) => l.includes('one.txt') && !l.startsWith('=='));
      assert.ok(row, 'a comparison row for one.txt');
      assert.ok(row!.split(/\s+/).includes(String(a.counts.exact.skal)));
    });
  });

  describe('errors', function () {
    it('reports a broken file on one line naming it, still analyses the others, exits 1', async function () {
      const d = dir('broken', {
        'a-good.txt': letterText,
        'broken.pdf': crypto.randomBytes(4096),
        'c-good.md': 'Bydelene skal rapportere innen 1. mars.',
      });
      const r = await cli(['analyze', d, '--format', 'json']);
      assert.strictEqual(r.code, 1);
      const lines = r.stderr.trim().split('\n');
      assert.strictEqual(lines.length, 1, r.stderr);
      assert.ok(lines[0].includes(path.join(d, 'broken.pdf')), lines[0]);
      const docs = JSON.parse(r.stdout);
      assert.deepStrictEqual(
        docs.map((x: { file: string }) => path.basename(x.file)),
        ['a-good.txt', 'c-good.md'],
      );
    });

    it('reports a missing path and exits 1', async function () {
      const r = await cli(['analyze', path.join(tmp, 'nope.pdf'), '--format', 'json']);
      assert.strictEqual(r.code, 1);
      assert.ok(r.stderr.includes('nope.pdf'));
      assert.deepStrictEqual(JSON.parse(r.stdout), []);
    });

    it('prints FILE:LINE:COL for a broken lexicon and still analyses with the built-in one', async function () {
      const d = dir('lexicon', { 'doc.txt': letterText, 'bad.json': '{\n  "entries": [\n    oops\n  ]\n}\n' });
      const lex = path.join(d, 'bad.json');
      const r = await cli(['analyze', path.join(d, 'doc.txt'), '--lexicon', lex, '--format', 'json']);
      assert.strictEqual(r.code, 1);
      const m = r.stderr.match(/^(.+):(\d+):(\d+): (.+)$/m);
      assert.ok(m, r.stderr);
      assert.strictEqual(m![1], lex);
      assert.strictEqual(Number(m![2]), 3, 'the line of the error');
      const docs = JSON.parse(r.stdout);
      assert.strictEqual(docs.length, 1);
      const a = await analyzeText(letterText);
      assert.strictEqual(docs[0].counts.exact.skal, a.counts.exact.skal, 'built-in lexicon still used');
    });

    it('exits 2 with the usage for usage errors; --help and --version exit 0', async function () {
      for (const argv of [[], ['frobnicate'], ['analyze'], ['analyze', 'x', '--format', 'xml'], ['analyze', 'x', '--bogus'], ['classify', 'x']]) {
        const r = await cli(argv);
        assert.strictEqual(r.code, 2, argv.join(' '));
        assert.match(r.stderr, /Usage:/);
      }
      const h = await cli(['--help']);
      assert.strictEqual(h.code, 0);
      assert.match(h.stdout, /policy-lens analyze PATH/);
      const v = await cli(['--version']);
      assert.strictEqual(v.code, 0);
      const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
      assert.strictEqual(v.stdout.trim(), `policy-lens ${pkg.version}`);
    });
  });

  describe('classify', function () {
    it('prints one JSON object per non-blank line with exactly the gold fields, in order', async function () {
      const sentences = [
        'Helsedirektoratet skal rapportere på måloppnåelse innen 1. mars 2026.',
        'Bydelene kan selv velge hvordan de organiserer samskapingen med innbyggerne.',
      ];
      const r = await cli(['classify'], `${sentences[0]}\r\n\n   \n${sentences[1]}\n`);
      assert.strictEqual(r.code, 0, r.stderr);
      const lines = r.stdout.trim().split('\n');
      assert.strictEqual(lines.length, 2);
      for (let i = 0; i < 2; i++) {
        const o = JSON.parse(lines[i]);
        assert.deepStrictEqual(Object.keys(o), [
          'text',
          'deontic',
          'directive',
          'actor',
          'district',
          'innovation',
          'cocreation',
          'collaboration',
          'control',
          'framing',
          'reason',
        ]);
        assert.strictEqual(o.text, sentences[i]);
        assert.match(o.reason, /^deontic: .+; framing: .+$/);
        const labels = await classifySentence(sentences[i]);
        for (const k of Object.keys(o).slice(1)) assert.deepStrictEqual(o[k], (labels as unknown as Record<string, unknown>)[k], k);
      }
    });
  });

  describe('bundled binary', function () {
    it('runs `node bin/policy-lens.js analyze` from dist/cli.js', function () {
      if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) this.skip(); // `npm test` builds it; test:unit does not
      const d = dir('bin', { 'doc.txt': letterText, 'bad.pdf': crypto.randomBytes(2048) });
      const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'policy-lens.js'), 'analyze', d, '--format', 'json'], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
      assert.strictEqual(r.status, 1, r.stderr);
      assert.match(r.stderr, /bad\.pdf/);
      assert.strictEqual(JSON.parse(r.stdout).length, 1);
    });

    it('loads dist/cli.js from the V8 code cache the build wrote, and reads a PDF through it as without the cache', function () {
      if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) this.skip();
      const bundle = path.join(ROOT, 'dist', 'cli.js');
      assert.ok(fs.existsSync(bundle + '.v8cache'), 'esbuild.js writes dist/cli.js.v8cache');
      // V8 accepts it (same source, same Node, default flags) in a fresh process, as the launcher loads it
      const check = spawnSync(
        process.execPath,
        [
          '-e',
          `const fs=require('fs'),vm=require('vm'),M=require('module');const f=${JSON.stringify(bundle)};` +
            `const s=new vm.Script(M.wrap(fs.readFileSync(f,'utf8')),{filename:f,cachedData:fs.readFileSync(f+'.v8cache')});` +
            `process.stdout.write(String(s.cachedDataRejected))`,
        ],
        { encoding: 'utf8' },
      );
      assert.strictEqual(check.stdout, 'false', check.stderr);
      const pdf = path.join(ROOT, 'samples', 'sunnmore_regionrad_innspel_2026_nn.pdf');
      const run = (cache: string) =>
        spawnSync(process.execPath, [path.join(ROOT, 'bin', 'policy-lens.js'), 'analyze', pdf, LETTER, '--format', 'json'], {
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1', POLICY_LENS_CODE_CACHE: cache },
        });
      const cached = run('1');
      const plain = run('0');
      assert.strictEqual(cached.status, 0, cached.stderr);
      assert.strictEqual(cached.stderr, '');
      const docs = JSON.parse(cached.stdout) as { file: string; sentences: number; words: number }[];
      assert.strictEqual(docs.length, 2);
      const fromPdf = docs.find((d) => d.file.endsWith('.pdf'));
      assert.ok(fromPdf && fromPdf.sentences > 10 && fromPdf.words > 300, 'the PDF (pdf.js, an ES module imported through the launcher) was read');
      assert.strictEqual(cached.stdout, plain.stdout);
    });
  });
});
