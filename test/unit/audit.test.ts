import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyzeFile } from '../../src/core/node';
import {
  AuditCache,
  auditFiles,
  auditRow,
  AuditRow,
  comparisonCsv,
  comparisonJson,
  comparisonMarkdown,
  resolveWorkerScript,
} from '../../src/core/workspace';
import { cli } from './support/cli';
import { parseCsv } from './support/csv';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CORPUS = path.join(ROOT, 'test', 'fixtures', 'corpus');
const PDF = path.join(ROOT, 'test', 'fixtures', 'pdf', 'ks_storbynettverk_innspill_2026.pdf');
const DOCS = [
  'hod_supplerende_tildelingsbrev_nr2_2026_helsedirektoratet.md',
  'helsefellesskap_oslo_innsiktsrapport_psykisk_helse_barn_unge_2025_EXCERPT.md',
  'sunnmore_regionrad_innspel_2026_nn.txt',
  'finnmark_fylkeskommune_innspill_2026.txt',
  'troms_fylkeskommune_saksprotokoll_2026.txt',
];

describe('workspace audit (worker threads + cache)', function () {
  this.timeout(120_000);
  let tmp: string;
  let docs: string;
  let files: string[];
  let cacheDir: string;
  let first: Awaited<ReturnType<typeof auditFiles>>;

  before(async function () {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-audit-'));
    docs = path.join(tmp, 'docs');
    fs.mkdirSync(docs);
    for (const d of DOCS) fs.copyFileSync(path.join(CORPUS, d), path.join(docs, d));
    fs.copyFileSync(PDF, path.join(docs, path.basename(PDF)));
    files = fs.readdirSync(docs).sort().map((f) => path.join(docs, f));
    cacheDir = path.join(tmp, 'cache');
    first = await auditFiles(files, { cacheDir, workers: 2 });
  });
  after(function () {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('finds its worker script in the tsc output', function () {
    const script = resolveWorkerScript();
    assert.ok(script, 'worker script not found');
    assert.strictEqual(path.relative(path.join(ROOT, 'out'), script!), path.join('src', 'core', 'audit', 'worker.js'));
  });

  it('analyses every document in two worker threads, rows equal to an in-process analysis, in input order', async function () {
    const s = first.stats;
    assert.deepStrictEqual(first.warnings, []);
    assert.strictEqual(s.total, files.length);
    assert.strictEqual(s.analysed, files.length);
    assert.strictEqual(s.failed, 0);
    assert.strictEqual(s.workers, 2);
    assert.strictEqual(s.workersStarted, 2);
    assert.strictEqual(s.perWorker.reduce((a, b) => a + b, 0), files.length);
    assert.ok(s.perWorker.every((n) => n > 0), `both workers analysed documents: ${s.perWorker}`);
    assert.deepStrictEqual(first.entries.map((e) => e.file), files);
    for (const f of files) {
      const row = first.rows.find((r) => r.file === f)!;
      assert.deepStrictEqual(row, auditRow(f, await analyzeFile(f)), f);
    }
    // the PDF went through pdf.js inside a worker thread
    const pdfRow = first.rows.find((r) => r.format === 'pdf')!;
    assert.ok(pdfRow.words > 500 && pdfRow.pages === 2, JSON.stringify(pdfRow.pages));
  });

  it('writes one cache file per document, atomically (no temporary files left)', function () {
    const names = fs.readdirSync(cacheDir);
    assert.strictEqual(names.length, files.length);
    assert.ok(names.every((n) => /^[0-9a-f]{40}\.json$/.test(n)), names.join(' '));
    for (const n of names) {
      const e = JSON.parse(fs.readFileSync(path.join(cacheDir, n), 'utf8'));
      assert.strictEqual(e.format, 'policy-lens-audit-cache');
      assert.match(e.sha256, /^[0-9a-f]{64}$/);
    }
  });

  it('reads every document from the cache on a second run: no worker starts, no analysis runs', async function () {
    const r = await auditFiles(files, { cacheDir, workers: 2 });
    assert.strictEqual(r.stats.analysed, 0);
    assert.strictEqual(r.stats.cached, files.length);
    assert.strictEqual(r.stats.workersStarted, 0);
    assert.ok(r.entries.every((e) => e.status === 'cached' && e.fromCache));
    assert.deepStrictEqual(r.rows, first.rows);
  });

  it('redoes only a changed file', async function () {
    const changed = files.find((f) => f.endsWith('finnmark_fylkeskommune_innspill_2026.txt'))!;
    const before = first.rows.find((r) => r.file === changed)!;
    fs.appendFileSync(changed, '\n\nBydelene skal samskape nye tjenester sammen med innbyggerne.\n');
    const r = await auditFiles(files, { cacheDir, workers: 2 });
    assert.strictEqual(r.stats.analysed, 1);
    assert.strictEqual(r.stats.cached, files.length - 1);
    assert.strictEqual(r.stats.workersStarted, 1, 'one document needs one worker');
    const e = r.entries.find((x) => x.file === changed)!;
    assert.strictEqual(e.status, 'analysed');
    assert.strictEqual(e.row!.words, before.words + 8);
    assert.strictEqual(e.row!.counts.exact.skal, before.counts.exact.skal + 1);
    assert.ok(e.row!.district.mentions > before.district.mentions);
    // and the next run takes the new row from the cache
    const again = await auditFiles(files, { cacheDir, workers: 2 });
    assert.strictEqual(again.stats.analysed, 0);
    assert.deepStrictEqual(again.rows, r.rows);
  });

  it('ignores a corrupt cache file, analyses the document again and rewrites the entry', async function () {
    const victim = files[0];
    const cacheFile = new AuditCache(cacheDir, '', '').pathFor(victim);
    assert.ok(fs.existsSync(cacheFile));
    const good = fs.readFileSync(cacheFile, 'utf8');
    for (const garbage of [good.slice(0, good.length >> 1), '{"format":"something else","version":1}', '']) {
      fs.writeFileSync(cacheFile, garbage);
      const r = await auditFiles(files, { cacheDir, workers: 2 });
      assert.strictEqual(r.stats.corruptCacheEntries, 1, JSON.stringify(garbage.slice(0, 40)));
      assert.strictEqual(r.stats.analysed, 1);
      assert.strictEqual(r.entries[0].status, 'analysed');
      const rewritten = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
      assert.strictEqual(rewritten.format, 'policy-lens-audit-cache');
      assert.deepStrictEqual(rewritten.row, r.entries[0].row);
    }
    const r = await auditFiles(files, { cacheDir, workers: 2 });
    assert.strictEqual(r.stats.analysed, 0);
  });

  it('does not use entries made with another lexicon', async function () {
    const lex = path.join(tmp, 'extra.json');
    fs.writeFileSync(
      lex,
      JSON.stringify({ version: '1.0.0', entries: [{ id: 'test-tjenestedesign', category: 'innovation', weight: 1, terms: ['tjenestedesign*'] }] }),
    );
    const other = path.join(tmp, 'cache-other-lexicon');
    fs.cpSync(cacheDir, other, { recursive: true });
    const r = await auditFiles(files.slice(0, 2), { cacheDir: other, workers: 2, lexiconFiles: [lex] });
    assert.strictEqual(r.stats.analysed, 2);
    assert.deepStrictEqual(r.lexiconErrors, []);
  });

  it('gives an error entry for an unreadable, a missing and a corrupt file, and analyses the rest', async function () {
    const bad = path.join(tmp, 'broken.pdf');
    fs.writeFileSync(bad, fs.readFileSync(PDF).subarray(0, 3000)); // a truncated PDF
    const unsupported = path.join(tmp, 'not-a-pdf.pdf');
    fs.writeFileSync(unsupported, 'this is not a PDF at all');
    const missing = path.join(tmp, 'missing.txt');
    const list = [files[0], missing, bad, unsupported, files[1]];
    const r = await auditFiles(list, { cacheDir, workers: 2 });
    assert.deepStrictEqual(
      r.entries.map((e) => e.status),
      ['cached', 'failed', 'failed', 'failed', 'cached'],
    );
    assert.strictEqual(r.entries[1].error!.code, 'io');
    assert.match(r.entries[1].error!.message, /missing\.txt/);
    assert.strictEqual(r.entries[2].error!.code, 'corrupt');
    assert.strictEqual(r.entries[3].error!.code, 'unsupported');
    assert.strictEqual(r.rows.length, 2);
    assert.strictEqual(r.stats.failed, 3);
    // a corrupt file's failure depends on its bytes only: cached too
    const again = await auditFiles([bad], { cacheDir, workers: 2 });
    assert.strictEqual(again.entries[0].fromCache, true);
    assert.strictEqual(again.entries[0].error!.code, 'corrupt');
    assert.strictEqual(again.stats.workersStarted, 0);
  });

  it('reports progress for every document, done counting up to total', async function () {
    const seen: number[] = [];
    const r = await auditFiles(files, { workers: 2, onProgress: (p) => seen.push(p.done) });
    assert.deepStrictEqual(seen, files.map((_, i) => i + 1));
    assert.strictEqual(r.stats.analysed, files.length);
  });

  it('analyses in the calling thread with workers: 0, with the same rows', async function () {
    const r = await auditFiles(files, { workers: 0 });
    assert.strictEqual(r.stats.workersStarted, 0);
    assert.strictEqual(r.stats.analysed, files.length);
    const withWorkers = await auditFiles(files, { workers: 2 });
    assert.deepStrictEqual(r.rows, withWorkers.rows);
  });

  it('can be cancelled: rejects with an AbortError and stops its workers', async function () {
    const many = Array.from({ length: 6 }, () => files).flat();
    const ac = new AbortController();
    let progress = 0;
    const t0 = Date.now();
    await assert.rejects(
      auditFiles(many, {
        workers: 2,
        signal: ac.signal,
        onProgress: () => {
          progress++;
          if (progress === 2) ac.abort();
        },
      }),
      (e: Error) => e.name === 'AbortError',
    );
    assert.ok(progress < many.length, `stopped early (${progress} of ${many.length})`);
    assert.ok(Date.now() - t0 < 30_000);
    // an already cancelled signal does not start anything
    await assert.rejects(auditFiles(files, { signal: AbortSignal.abort() }), (e: Error) => e.name === 'AbortError');
  });
});

describe('comparison exports and the CLI agree', function () {
  this.timeout(120_000);
  let rows: AuditRow[];
  let files: string[];

  before(async function () {
    files = DOCS.map((d) => path.join(CORPUS, d)).sort();
    rows = (await auditFiles(files, { workers: 2 })).rows;
  });

  it('CSV: RFC 4180, the columns and values of `analyze --format csv` first, then the audit’s', async function () {
    const mine = parseCsv(comparisonCsv(rows));
    const cliOut = await cli(['analyze', ...files, '--format', 'csv']);
    assert.strictEqual(cliOut.code, 0, cliOut.stderr);
    const theirs = parseCsv(cliOut.stdout);
    assert.strictEqual(mine.length, theirs.length);
    const n = theirs[0].length;
    for (let i = 0; i < theirs.length; i++) assert.deepStrictEqual(mine[i].slice(0, n), theirs[i], `row ${i}`);
    assert.deepStrictEqual(mine[0].slice(n), [
      'format',
      'language',
      'kind',
      'writer_level',
      'control_per_1000_words',
      'enabling_per_1000_words',
      'district_role_gap',
      'warnings',
    ]);
    // a file name with a comma and quotes is quoted
    const odd = { ...rows[0], file: 'a, "b".txt' };
    assert.ok(comparisonCsv([odd]).split('\r\n')[1].startsWith('"a, ""b"".txt",'));
  });

  it('JSON: the rows, with the numbers of `analyze --format json`', async function () {
    const mine = JSON.parse(comparisonJson(rows)) as AuditRow[];
    assert.deepStrictEqual(mine, rows);
    const cliOut = await cli(['analyze', ...files, '--format', 'json']);
    const theirs = JSON.parse(cliOut.stdout) as Record<string, any>[];
    for (const t of theirs) {
      const r = mine.find((x) => x.file === t.file)!;
      assert.strictEqual(r.score.value, t.score.value);
      assert.deepStrictEqual(r.score.axes, t.score.axes);
      assert.deepStrictEqual(r.counts, t.counts);
      assert.deepStrictEqual(r.categories, t.categories);
      assert.strictEqual(r.words, t.words);
      assert.strictEqual(r.sentences, t.sentences);
      assert.strictEqual(r.district.mentions, t.district.mentions);
      assert.deepStrictEqual(r.district.roles, t.district.roles);
      assert.strictEqual(r.district.innovationOrCocreationSentences, t.district.innovationSentences);
      assert.strictEqual(r.district.withRole, t.district.innovationWithDistrictRole);
      assert.strictEqual(r.district.gap, t.district.gap.length);
      assert.deepStrictEqual(
        r.components.map((c) => [c.id, c.value, c.contribution]),
        t.score.components.map((c: any) => [c.id, c.value, c.contribution]),
      );
    }
  });

  it('Markdown: the table sorted from top-down to enabling, the gap, the failures, cells escaped', function () {
    const md = comparisonMarkdown([...rows, { ...rows[0], file: path.join(CORPUS, 'a|b.md') }], {
      failures: [{ file: path.join(CORPUS, 'x.pdf'), message: `${path.join(CORPUS, 'x.pdf')}: is encrypted.` }],
    });
    assert.match(md, /^# Policy Lens: comparison of steering language/);
    const tableRows = md.split('\n').filter((l) => l.startsWith('| ') && l.includes('.md |') || l.includes('.txt |'));
    const scores = tableRows.filter((l) => /^\| [^|]+ \| [-+]?\d+ \|/.test(l)).map((l) => Number(l.split(' | ')[1]));
    assert.ok(scores.length >= rows.length);
    for (let i = 1; i < rows.length; i++) assert.ok(scores[i - 1] <= scores[i], scores.join(','));
    assert.match(md, /a\\\|b\.md/);
    assert.match(md, /## District-role gap/);
    assert.match(md, /## Not analysed\n\n- x\.pdf: is encrypted\./);
    const letter = rows.find((r) => r.file.includes('tildelingsbrev'))!;
    assert.ok(md.includes(`| ${letter.counts.exact.skal} | ${letter.counts.exact['må']} |`));
  });
});
