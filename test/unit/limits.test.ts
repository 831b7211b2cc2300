/**
 * Resource limits (src/core/limits.ts, src/core/extract/zip.ts): every limit refuses a document before the work it
 * guards, with one line that names the file, the limit and how to raise it; raising it lets the document through;
 * the rest of a batch is still analysed and the exit code is 1. The zip bomb is generated here (test/unit/support/
 * zip.ts), never committed.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cli } from './support/cli';
import { parseArgs, UsageError } from '../../src/cli/args';
import { analyzeFile, analyzeText, extractBuffer, extractFile } from '../../src/core/node';
import { extractDocx } from '../../src/core/extract/docx';
import { readZip, zipEntries } from '../../src/core/extract/zip';
import { DEFAULT_LIMITS, LIMIT_INFO, LIMIT_NAMES, LimitError, resolveLimits } from '../../src/core/limits';
import type { LimitName } from '../../src/core/limits';
import { ExtractionError } from '../../src/core/types';
import { docxWith, writeZip, zipBombDocx } from './support/zip';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const HARSTAD = path.join(ROOT, 'test', 'fixtures', 'docx', 'harstad_kommune_handlingsplan_likestilling_mangfold.docx');
const PDF = path.join(ROOT, 'test', 'fixtures', 'pdf', 'kommunedirektorforum_notat_2025-10.pdf');
const TEXT = path.join(ROOT, 'test', 'fixtures', 'corpus', 'kommunedirektorforum_notat_2025-10.txt');
const DIST_CLI = path.join(ROOT, 'dist', 'cli.js');

/** The CLI in a process of its own (the bundle, as a user runs it): exit code, output, peak memory and wall time. */
function cliProcess(args: string[]): { code: number; stdout: string; stderr: string; peakMB: number; ms: number } {
  const report = path.join(os.tmpdir(), `policy-lens-rss-${process.pid}-${Date.now()}.json`);
  const script =
    `const { main } = require(${JSON.stringify(DIST_CLI)});` +
    `main(${JSON.stringify(args)}).then((code) => {` +
    `require('fs').writeFileSync(${JSON.stringify(report)}, JSON.stringify({ code, peakMB: process.resourceUsage().maxRSS / 1024 }));` +
    `process.exitCode = code; });`;
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Date.now() - t0;
  const m = JSON.parse(fs.readFileSync(report, 'utf8')) as { code: number; peakMB: number };
  fs.rmSync(report, { force: true });
  return { code: m.code, stdout: r.stdout, stderr: r.stderr, peakMB: m.peakMB, ms };
}

/** Asserts a LimitError for `limit`: one line, naming the file, the limit's flag and setting. */
function assertRefused(e: unknown, limit: LimitName, file: string): void {
  assert.ok(e instanceof LimitError, `expected a LimitError, got ${String(e)}`);
  assert.strictEqual(e.code, 'too-large');
  assert.strictEqual(e.limit, limit);
  assert.ok(!e.message.includes('\n'), 'one line');
  assert.ok(e.message.includes(file), `names the file: ${e.message}`);
  assert.ok(e.message.includes(LIMIT_INFO[limit].flag) && e.message.includes(LIMIT_INFO[limit].setting), `says how to raise it: ${e.message}`);
}

async function rejects(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  assert.fail('expected a refusal');
}

function throws(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  assert.fail('expected a refusal');
}

describe('limits: the zip bomb (1.5 MB DOCX whose document part inflates to 1.5 GB)', function () {
  this.timeout(60_000);
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-limits-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('is what it claims: about 1.5 MB, declaring 1.5 GB for word/document.xml', () => {
    const bomb = zipBombDocx();
    assert.ok(bomb.bytes.length > 1_000_000 && bomb.bytes.length < 2_000_000, `${bomb.bytes.length} bytes`);
    const doc = zipEntries(new Uint8Array(bomb.bytes), { limits: resolveLimits() }).find((e) => e.name === 'word/document.xml')!;
    assert.strictEqual(doc.size, 1.5 * 1024 ** 3);
  });

  it('is refused by the engine before inflating: the part size, then (limit raised) the compression ratio', () => {
    const bytes = new Uint8Array(zipBombDocx().bytes);
    const t0 = Date.now();
    assertRefused(throws(() => extractDocx(bytes, { file: 'bomb.docx' })), 'zipPartMB', 'bomb.docx');
    const e = throws(() => extractDocx(bytes, { file: 'bomb.docx', limits: { zipPartMB: 4096, zipTotalMB: 4096 } }));
    assertRefused(e, 'zipRatio', 'bomb.docx');
    assert.match((e as Error).message, /word\/document\.xml would inflate 10\d\d×/);
    assert.ok(Date.now() - t0 < 1000, 'no inflating happened');
  });

  it('the CLI refuses it within 10 s with < 600 MB peak and one line, analyses the next file, exit code 1', () => {
    const file = path.join(tmp, 'bomb.docx');
    fs.writeFileSync(file, zipBombDocx().bytes);
    const r = cliProcess(['analyze', file, TEXT, '--format', 'csv']);
    assert.strictEqual(r.code, 1);
    const lines = r.stderr.trim().split('\n');
    assert.strictEqual(lines.length, 1, r.stderr);
    assert.match(lines[0], /^policy-lens: .*bomb\.docx: refused: word\/document\.xml would inflate to 1\.5 GB, over the limit of 128 MB .*--max-zip-part-mb.*policyLens\.limits\.zipPartMB/);
    assert.ok(r.stdout.includes(path.basename(TEXT)), 'the next document is analysed');
    assert.ok(r.ms < 10_000, `${r.ms} ms`);
    assert.ok(r.peakMB < 600, `${r.peakMB} MB`);
  });

  it('lying about its size (declares 100 MB) it is stopped as soon as it inflates past it: < 10 s, < 600 MB', () => {
    const file = path.join(tmp, 'lying.docx');
    fs.writeFileSync(file, zipBombDocx(100 * 1024 * 1024).bytes);
    const r = cliProcess(['analyze', file, '--format', 'json']);
    assert.strictEqual(r.code, 1);
    assert.strictEqual(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /lying\.docx is damaged: word\/document\.xml inflates to more than the 100 MB its header declares/);
    assert.ok(r.ms < 10_000, `${r.ms} ms`);
    assert.ok(r.peakMB < 600, `${r.peakMB} MB`);
  });

  it('lying small (declares 10 KB), it never inflates more than one chunk', () => {
    const bytes = new Uint8Array(zipBombDocx(10 * 1024).bytes);
    const t0 = Date.now();
    assert.throws(() => extractDocx(bytes, { file: 'small.docx' }), (e: ExtractionError) => e.code === 'corrupt' && /more than the 10 KB/.test(e.message));
    assert.ok(Date.now() - t0 < 2000);
  });
});

describe('limits: DOCX archives', () => {
  const harstad = new Uint8Array(fs.readFileSync(HARSTAD));

  it('entry count: checked from the end record before the directory is read; raising it lets the document through', () => {
    const n = zipEntries(harstad, { limits: resolveLimits() }).length;
    assertRefused(throws(() => extractDocx(harstad, { file: HARSTAD, limits: { zipEntries: n - 1 } })), 'zipEntries', HARSTAD);
    assert.ok(extractDocx(harstad, { file: HARSTAD, limits: { zipEntries: n } }).text.length > 1000);
    // 10 001 empty entries: over the default of 10 000
    const many = writeZip(Array.from({ length: 10_001 }, (_, i) => ({ name: `word/media/x${i}.bin`, data: new Uint8Array(0), method: 0 as const, size: 0 })));
    assertRefused(throws(() => extractDocx(new Uint8Array(many), { file: 'many.docx' })), 'zipEntries', 'many.docx');
  });

  it('total size of the parts read, before inflating', () => {
    assertRefused(throws(() => extractDocx(harstad, { file: HARSTAD, limits: { zipTotalMB: 0.05 } })), 'zipTotalMB', HARSTAD);
    assert.ok(extractDocx(harstad, { file: HARSTAD, limits: { zipTotalMB: 1 } }).text.length > 1000);
  });

  it('one part over its size limit; a ratio above the limit only counts above 1 MB uncompressed', () => {
    const xml = Buffer.from(`<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>${'Bydelene skal samarbeide. '.repeat(60_000)}</w:t></w:r></w:p></w:body></w:document>`);
    const deflated = require('zlib').deflateRawSync(xml) as Buffer;
    const docx = new Uint8Array(docxWith({ name: 'word/document.xml', data: deflated, method: 8, size: xml.length }));
    const ratio = xml.length / deflated.length;
    assert.ok(xml.length > 1024 * 1024 && ratio > 100, `${xml.length} bytes at ${ratio.toFixed(0)}×`);
    assertRefused(throws(() => extractDocx(docx, { file: 'r.docx' })), 'zipRatio', 'r.docx');
    assertRefused(throws(() => extractDocx(docx, { file: 'r.docx', limits: { zipRatio: 5000, zipPartMB: 1 } })), 'zipPartMB', 'r.docx');
    const ok = extractDocx(docx, { file: 'r.docx', limits: { zipRatio: 5000 } });
    assert.strictEqual(ok.text.length, 'Bydelene skal samarbeide. '.length * 60_000 - 1);
  });

  it('paragraphs: more paragraphs standing apart than the sentence limit are refused while the part is read; a table cell’s paragraphs count once', () => {
    const para = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
    const docxOf = (body: string) => {
      const xml = Buffer.from(`<w:document xmlns:w="w"><w:body>${body}</w:body></w:document>`);
      return new Uint8Array(docxWith({ name: 'word/document.xml', data: xml, method: 0, size: xml.length }));
    };
    const paras = docxOf(Array.from({ length: 40 }, (_, i) => para(`Avsnitt ${i + 1}.`)).join(''));
    assertRefused(throws(() => extractDocx(paras, { file: 'p.docx', limits: { sentences: 39 } })), 'sentences', 'p.docx');
    assert.strictEqual(analyzeText(extractDocx(paras, { limits: { sentences: 40 } }).text).sentences.length, 40);
    // 40 paragraphs in one table cell: one line each, not a sentence each («Ja» without a full stop), never refused
    const cell = docxOf(`<w:tbl><w:tr><w:tc>${Array.from({ length: 40 }, () => para('Ja')).join('')}</w:tc></w:tr></w:tbl>`);
    assert.strictEqual(extractDocx(cell, { limits: { sentences: 1 } }).text, Array(40).fill('Ja').join('\n'));
  });

  it('paragraphs: a DOCX of 2.5 million paragraphs (111 MB of XML, 7 MB on disk) is refused in one line within 10 s and 600 MB', function () {
    this.timeout(60_000);
    // before: every paragraph was kept before the text was analysed: 6.9 s and 1 GB, then refused for its sentences
    const words = ['bydel', 'skal', 'plan', 'tiltak', 'ansvar', 'midler', 'samarbeid', 'innbygger'];
    const body = Array.from({ length: 2_500_000 }, (_, i) => `<w:p><w:r><w:t>${words[i % 8]}${i}.</w:t></w:r></w:p>`).join('');
    const xml = Buffer.from(`<w:document xmlns:w="w"><w:body>${body}</w:body></w:document>`);
    const deflated = require('zlib').deflateRawSync(xml) as Buffer;
    const file = path.join(os.tmpdir(), `policy-lens-paragraphs-${process.pid}.docx`);
    fs.writeFileSync(file, docxWith({ name: 'word/document.xml', data: deflated, method: 8, size: xml.length }));
    try {
      const r = cliProcess(['analyze', file, '--format', 'json']);
      assert.strictEqual(r.code, 1);
      assert.strictEqual(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, /refused: its text has more than 200,000 sentences, .*--max-sentences/);
      assert.ok(r.ms < 10_000 && r.peakMB < 600, `${r.ms} ms, ${Math.round(r.peakMB)} MB`);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it('reads only the parts asked for and gives them whole (stored and deflated)', () => {
    const files = readZip(harstad, { limits: resolveLimits(), filter: (n) => n === 'word/document.xml' || n === '_rels/.rels' });
    assert.deepStrictEqual(Object.keys(files).sort(), ['_rels/.rels', 'word/document.xml']);
    assert.ok(Buffer.from(files['word/document.xml']).toString('utf8').includes('<w:body'));
  });
});

describe('limits: PDF, text and file size', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-limits-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('PDF pages: refused before the pages are read; raising it reads the document', async function () {
    this.timeout(30_000);
    const bytes = new Uint8Array(fs.readFileSync(PDF));
    const doc = await extractBuffer(bytes, 'pdf', { file: PDF });
    assert.ok(doc.pages >= 2);
    assertRefused(await rejects(extractBuffer(bytes, 'pdf', { file: PDF, limits: { pdfPages: doc.pages - 1 } })), 'pdfPages', PDF);
    assert.strictEqual((await extractBuffer(bytes, 'pdf', { file: PDF, limits: { pdfPages: doc.pages } })).pages, doc.pages);
  });

  it('PDF text size: the reading stops at the limit', async function () {
    this.timeout(30_000);
    const e = await rejects(extractBuffer(new Uint8Array(fs.readFileSync(PDF)), 'pdf', { file: PDF, limits: { textMB: 0.001 } }));
    assertRefused(e, 'textMB', PDF);
    assert.match((e as Error).message, /by page 1\b/);
  });

  it('text file: refused from its size before it is read (a 40 MB sparse file, default 32 MB)', async () => {
    const big = path.join(tmp, 'big.txt');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 40 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    const t0 = Date.now();
    assertRefused(await rejects(extractFile(big)), 'textMB', big);
    assert.ok(Date.now() - t0 < 500 && process.memoryUsage().rss - before < 20 * 1024 * 1024, 'not read');
    // …and a text in memory is checked before the analysis
    assertRefused(throws(() => analyzeText('Bydelene skal samarbeide. '.repeat(100), { file: 'inline.txt', limits: { textMB: 0.001 } })), 'textMB', 'inline.txt');
  });

  it('file size: any format, before reading (a 300 MB sparse PDF, default 200 MB); raising it reaches the next check', async () => {
    const big = path.join(tmp, 'big.pdf');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 300 * 1024 * 1024);
    const t0 = Date.now();
    assertRefused(await rejects(analyzeFile(big)), 'fileMB', big);
    assert.ok(Date.now() - t0 < 500, 'not read');
    const small = path.join(tmp, 'small.pdf');
    fs.writeFileSync(small, '');
    fs.truncateSync(small, 1024 * 1024);
    assertRefused(await rejects(analyzeFile(small, { limits: { fileMB: 0.5 } })), 'fileMB', small);
    const e = await rejects(analyzeFile(small, { limits: { fileMB: 2 } }));
    assert.ok(e instanceof ExtractionError && e.code === 'unsupported', String(e)); // read, and found not to be a PDF
  });

  it('sentences: a document with more is refused before they are classified, in one block or in many; the limit itself passes', () => {
    // many blocks (one sentence each), one block of many sentences, one line of many «sentences»
    const shapes = [
      Array.from({ length: 40 }, (_, i) => `Bydelene skal samarbeide om tiltak ${i + 1}.`).join('\n\n'),
      Array.from({ length: 40 }, (_, i) => `Bydelene skal samarbeide om tiltak ${i + 1}.`).join(' '),
      Array.from({ length: 40 }, () => 'Ja.').join('\n'),
    ];
    for (const text of shapes) {
      const all = analyzeText(text, { file: 'many.txt' });
      assert.strictEqual(all.sentences.length, 40, text.slice(0, 60));
      assertRefused(throws(() => analyzeText(text, { file: 'many.txt', limits: { sentences: 39 } })), 'sentences', 'many.txt');
      assert.deepStrictEqual(analyzeText(text, { file: 'many.txt', limits: { sentences: 40 } }).sentences, all.sentences);
    }
    const e = throws(() => analyzeText(shapes[0], { file: 'many.txt', limits: { sentences: 39 } })) as Error;
    assert.match(e.message, /^many\.txt: refused: its text has more than 39 sentences, over the limit of 39 sentences \(sentences in one document\); raise it with --max-sentences .*policyLens\.limits\.sentences/);
    // the editor's incremental analysis: blocks taken from the cache count too
    const cache = new Map();
    analyzeText(shapes[0], { cache });
    assertRefused(throws(() => analyzeText(shapes[0], { file: 'many.txt', cache, limits: { sentences: 39 } })), 'sentences', 'many.txt');
  });

  it('sentences: 31 MB of «1. 1. 1. …» (ten million «sentences», under the text limit) is refused within 10 s and 600 MB, not a crash; 31 MB of blank lines is analysed', function () {
    this.timeout(60_000);
    // before: segmentation kept an object per line and the analysis one per sentence: 4.6 GB, then Node aborted
    // after 58 s (heap out of memory); 31 MB of blank lines took 4 s and 2.2 GB to find nothing
    const numbers = path.join(tmp, 'numbers.txt');
    fs.writeFileSync(numbers, '1. '.repeat(10_400_000));
    const r = cliProcess(['analyze', numbers, TEXT, '--format', 'json']);
    assert.strictEqual(r.code, 1);
    assert.strictEqual(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /numbers\.txt: refused: its text has more than 200,000 sentences, over the limit of 200,000 sentences .*--max-sentences/);
    assert.deepStrictEqual((JSON.parse(r.stdout) as { file: string }[]).map((d) => path.basename(d.file)), [path.basename(TEXT)], 'the next file is analysed');
    assert.ok(r.ms < 10_000 && r.peakMB < 600, `${r.ms} ms, ${Math.round(r.peakMB)} MB`);
    const blank = path.join(tmp, 'blank.txt');
    fs.writeFileSync(blank, '\n'.repeat(31_000_000));
    const b = cliProcess(['analyze', blank, '--format', 'json']);
    assert.strictEqual(b.code, 0, b.stderr);
    assert.strictEqual((JSON.parse(b.stdout) as { sentences: number }[])[0].sentences, 0);
    assert.ok(b.ms < 10_000 && b.peakMB < 600, `${b.ms} ms, ${Math.round(b.peakMB)} MB`);
  });

  it('defaults: resolveLimits fills in what is not given and ignores what is not a positive number', () => {
    assert.deepStrictEqual(resolveLimits(), { ...DEFAULT_LIMITS });
    assert.deepStrictEqual(resolveLimits({ textMB: 2, pdfPages: -1, zipRatio: NaN }), { ...DEFAULT_LIMITS, textMB: 2 });
  });
});

describe('limits: the command line', () => {
  it('each limit has a flag (analyze, audit, export); a bad value is a usage error', () => {
    for (const k of LIMIT_NAMES) {
      const cmd = parseArgs(['analyze', 'x.txt', LIMIT_INFO[k].flag, '7']);
      assert.deepStrictEqual(cmd.kind === 'analyze' && cmd.limits, { [k]: 7 });
    }
    const audit = parseArgs(['audit', 'd', '--max-text-mb=1.5']);
    assert.deepStrictEqual(audit.kind === 'audit' && audit.limits, { textMB: 1.5 });
    assert.throws(() => parseArgs(['analyze', 'x', '--max-text-mb', 'lots']), UsageError);
    assert.throws(() => parseArgs(['analyze', 'x', '--max-text-mb', '0']), UsageError);
    assert.throws(() => parseArgs(['classify', '--max-text-mb', '3']), UsageError);
  });

  it('a document over a limit is refused in one line; the others are analysed; exit code 1; the flag raises it', async () => {
    const r = await cli(['analyze', HARSTAD, TEXT, '--max-zip-total-mb', '0.05', '--format', 'json']);
    assert.strictEqual(r.code, 1);
    assert.strictEqual(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /harstad_kommune_handlingsplan_likestilling_mangfold\.docx: refused: its parts would inflate to .* in all, over the limit of 0\.05 MB/);
    const docs = JSON.parse(r.stdout) as { file: string }[];
    assert.deepStrictEqual(docs.map((d) => path.basename(d.file)), [path.basename(TEXT)]);
    const raised = await cli(['analyze', HARSTAD, TEXT, '--max-zip-total-mb', '1', '--format', 'json']);
    assert.strictEqual(raised.code, 0, raised.stderr);
    assert.strictEqual((JSON.parse(raised.stdout) as unknown[]).length, 2);
  });

  it('audit applies the limits in its workers and lists the refused document', async function () {
    this.timeout(30_000);
    const r = await cli(['audit', HARSTAD, TEXT, '--max-text-mb', '0.005', '--format', 'json', '--workers', '1']);
    assert.strictEqual(r.code, 1);
    assert.match(r.stderr, /refused: .*over the limit of 0\.005 MB \(text size\).*--max-text-mb/);
  });
});

describe('limits: the VS Code settings', () => {
  it('every limit has a setting in the manifest, with the engine’s default, described in both languages', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { default: number; markdownDescription: string }> } };
    };
    const props = pkg.contributes.configuration.properties;
    for (const k of LIMIT_NAMES) {
      const p = props[LIMIT_INFO[k].setting];
      assert.ok(p, LIMIT_INFO[k].setting);
      assert.strictEqual(p.default, DEFAULT_LIMITS[k], k);
      const key = p.markdownDescription.replace(/%/g, '');
      for (const f of ['package.nls.json', 'package.nls.nb.json']) {
        const nls = JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8')) as Record<string, string>;
        assert.ok(nls[key]?.includes(LIMIT_INFO[k].flag), `${f}: ${key} names the flag`);
      }
    }
  });
});
