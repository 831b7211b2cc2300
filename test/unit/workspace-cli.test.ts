import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strFromU8, unzipSync } from 'fflate';
import {
  auditFiles,
  AuditRow,
  CanonicalText,
  codingFilePath,
  createCoding,
  defaultCodebook,
  emptyCodingFile,
  nameGuid,
  parseXml,
  XmlElement,
  writeCodingFile,
} from '../../src/core/workspace';
import { cli } from './support/cli';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CORPUS = path.join(ROOT, 'test', 'fixtures', 'corpus');
const PDF = path.join(ROOT, 'samples', 'ks_storbynettverk_innspill_2026.pdf');
const LETTER = 'hod_supplerende_tildelingsbrev_nr2_2026_helsedirektoratet.md';
const hasXmllint = !spawnSync('xmllint', ['--version']).error;

function all(e: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (x: XmlElement) => {
    if (x.name === name) out.push(x);
    x.children.forEach(walk);
  };
  walk(e);
  return out;
}

describe('policy-lens audit and export (end to end)', function () {
  this.timeout(120_000);
  let tmp: string;
  before(function () {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-wcli-'));
  });
  after(function () {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  describe('audit', function () {
    it('prints the rows as JSON, the same as the engine’s audit', async function () {
      const r = await cli(['audit', CORPUS, '--format', 'json', '--workers', '2']);
      assert.strictEqual(r.code, 0, r.stderr);
      assert.strictEqual(r.stderr, '');
      const rows = JSON.parse(r.stdout) as AuditRow[];
      const files = fs.readdirSync(CORPUS).filter((f) => f !== 'SOURCES.md').sort().map((f) => path.join(CORPUS, f));
      assert.deepStrictEqual(rows.map((x) => x.file), files);
      assert.deepStrictEqual(rows, (await auditFiles(files, { workers: 0 })).rows);
    });

    it('keeps a cache with --cache that the next run (and the engine) reads', async function () {
      const cache = path.join(tmp, 'cache');
      const first = await cli(['audit', CORPUS, '--cache', cache]);
      assert.strictEqual(first.code, 0, first.stderr);
      assert.match(first.stdout, /^Comparison of 11 documents/);
      assert.match(first.stdout, /hod_supplerende_tildelingsbrev_nr2_2026_helsedirektoratet\.md\s+-\d+\s+(strongly )?top-down/);
      assert.strictEqual(fs.readdirSync(cache).length, 11);
      const second = await cli(['audit', CORPUS, '--cache', cache]);
      assert.strictEqual(second.stdout, first.stdout);
      const files = fs.readdirSync(CORPUS).filter((f) => f !== 'SOURCES.md').map((f) => path.join(CORPUS, f));
      const again = await auditFiles(files, { cacheDir: cache });
      assert.strictEqual(again.stats.analysed, 0);
      assert.strictEqual(again.stats.workersStarted, 0);
    });

    it('writes CSV and a Markdown report; a broken file is reported on stderr and gives exit code 1', async function () {
      const dir = path.join(tmp, 'mixed');
      fs.mkdirSync(dir);
      fs.copyFileSync(path.join(CORPUS, LETTER), path.join(dir, LETTER));
      fs.writeFileSync(path.join(dir, 'broken.pdf'), fs.readFileSync(PDF).subarray(0, 3000));
      const csv = await cli(['audit', dir, '--format', 'csv']);
      assert.strictEqual(csv.code, 1);
      assert.match(csv.stderr, /broken\.pdf/);
      assert.strictEqual(csv.stderr.trim().split('\n').length, 1);
      const lines = csv.stdout.split('\r\n');
      assert.ok(lines[0].startsWith('file,score,label,axis_directive,'));
      assert.strictEqual(lines.length, 3); // header, one row, and the empty string after the last CRLF
      const md = await cli(['audit', dir, '--format', 'md']);
      assert.match(md.stdout, /## Not analysed\n\n- broken\.pdf: /);
      assert.match(md.stdout, /\| hod_supplerende_tildelingsbrev_nr2_2026_helsedirektoratet\.md \| -\d+ \| (strongly )?top-down \|/);
    });

    it('refuses bad command lines with the usage (exit 2)', async function () {
      for (const argv of [
        ['audit', CORPUS, '--format', 'qdpx'],
        ['audit', CORPUS, '--workers', 'many'],
        ['audit', CORPUS, '--level', 'match'],
        ['analyze', CORPUS, '--cache', 'x'],
        ['export', CORPUS, '--format', 'qdpx'],
        ['export', CORPUS, '-o', 'x.qdpx'],
        ['export', CORPUS, '--format', 'csv', '-o', 'x.qdpx'],
        ['export', CORPUS, '--format', 'qdpx', '-o', 'x.qdpx', '--level', 'chapter'],
        ['audit'],
      ]) {
        const r = await cli(argv);
        assert.strictEqual(r.code, 2, argv.join(' '));
        assert.match(r.stderr, /Usage:/);
      }
      const help = await cli(['--help']);
      assert.match(help.stdout, /policy-lens audit PATH\.\.\./);
      assert.match(help.stdout, /policy-lens export PATH\.\.\. --format qdpx -o FILE\.qdpx/);
    });
  });

  describe('export --format qdpx', function () {
    let dir: string;
    let out: string;
    let edited: string;
    const QUOTE = 'Helsedirektoratet skal samarbeide med Folkehelseinstituttet og Norsk helsenett SF.';

    before(async function () {
      dir = path.join(tmp, 'project');
      fs.mkdirSync(path.join(dir, 'brev'), { recursive: true });
      const letterPath = path.join(dir, 'brev', LETTER);
      const original = fs.readFileSync(path.join(CORPUS, LETTER), 'utf8');
      fs.writeFileSync(letterPath, original);
      fs.copyFileSync(PDF, path.join(dir, 'ks.pdf'));
      // a researcher codes the letter, then the letter is edited (text inserted before the passage, and a
      // coded sentence deleted)
      const canon = new CanonicalText(original);
      const at = original.indexOf(QUOTE);
      const gone = 'Frist for deloppdraget er 15.6.2026.';
      const goneAt = original.indexOf(gone);
      assert.ok(at > 0 && goneAt > 0);
      const cb = defaultCodebook();
      const promoter = cb.codes.find((c) => c.key === 'study:organisation:promoter')!.id;
      const ada = { id: nameGuid('user:ada'), name: 'Ada' };
      const codings = [
        createCoding(canon, { start: at, end: at + QUOTE.length }, { code: promoter, source: `brev/${LETTER}`, creator: ada, memo: 'Samarbeid på tvers' }),
        createCoding(canon, { start: goneAt, end: goneAt + gone.length }, { code: promoter, source: `brev/${LETTER}`, creator: ada }),
      ];
      await writeCodingFile(codingFilePath(dir, letterPath), { ...emptyCodingFile(`brev/${LETTER}`), codings }, canon.text);
      edited = 'Ny innledning om bydelene 🚀.\n\n' + original.replace(gone, '');
      fs.writeFileSync(letterPath, edited);
      out = path.join(tmp, 'prosjekt.qdpx');
    });

    it('writes a project with both documents, the autocoded findings and the stored codings re-anchored', async function () {
      const r = await cli(['export', dir, '--format', 'qdpx', '-o', out]);
      assert.strictEqual(r.code, 0, r.stderr);
      assert.match(r.stdout, /wrote .*prosjekt\.qdpx: 2 sources, \d+ codings in \d+ passages \(\d+ autocoded at sentence level, 2 stored, 1 orphaned kept as notes\)/);
      assert.match(r.stderr, /1 stored coding\(s\) no longer match the text; they are kept in the project as a note/);
      const files = unzipSync(fs.readFileSync(out));
      const xml = strFromU8(files['project.qde']);
      if (hasXmllint) {
        const qde = path.join(tmp, 'project.qde');
        fs.writeFileSync(qde, xml);
        const v = spawnSync('xmllint', ['--noout', '--schema', path.join(ROOT, 'test', 'fixtures', 'refi-qda', 'Project.xsd'), qde], { encoding: 'utf8' });
        assert.strictEqual(v.status, 0, v.stderr);
      } else console.log('      (xmllint not found — install libxml2-utils — XSD validation skipped)');
      const root = parseXml(xml);
      assert.strictEqual(root.attrs.name, 'prosjekt');
      const text = all(root, 'TextSource')[0];
      assert.strictEqual(text.attrs.name, `brev/${LETTER}`);
      const body = strFromU8(files[`sources/${text.attrs.plainTextPath.slice('internal://'.length)}`]);
      assert.strictEqual(body, edited);
      const cps = [...body];
      // the researcher's coding, found again after the insertion (with an emoji) before it
      const ada = nameGuid('user:ada');
      const hers = all(text, 'PlainTextSelection').filter((s) => all(s, 'Coding').some((c) => c.attrs.creatingUser === ada));
      assert.strictEqual(hers.length, 1);
      assert.strictEqual(cps.slice(Number(hers[0].attrs.startPosition), Number(hers[0].attrs.endPosition)).join(''), QUOTE);
      // the deleted passage's coding is a note, not a selection
      assert.ok(all(root, 'Note').some((n) => /orphaned codings/.test(n.attrs.name) && /Frist for deloppdraget er 15\.6\.2026\./.test(all(n, 'PlainTextContent')[0].text)));
      // the PDF and its text
      const pdf = all(root, 'PDFSource')[0];
      assert.strictEqual(pdf.attrs.name, 'ks.pdf');
      assert.ok(all(pdf, 'Representation')[0].children.length > 0);
      assert.deepStrictEqual(Buffer.from(files[`sources/${pdf.attrs.path.slice('internal://'.length)}`]), fs.readFileSync(PDF));
      // document variables with the score
      assert.ok(all(root, 'Variable').some((v) => v.attrs.name === 'Policy Lens score' && v.attrs.typeOfVariable === 'Float'));
    });

    it('codes the matches with --level match (more, shorter passages than sentences)', async function () {
      const r = await cli(['export', path.join(dir, 'ks.pdf'), '--format', 'qdpx', '-o', path.join(tmp, 'm.qdpx'), '--level', 'match', '--name', 'Treff']);
      assert.strictEqual(r.code, 0, r.stderr);
      const s = await cli(['export', path.join(dir, 'ks.pdf'), '--format', 'qdpx', '-o', path.join(tmp, 's.qdpx')]);
      const count = (f: string) => {
        const root = parseXml(strFromU8(unzipSync(fs.readFileSync(f))['project.qde']));
        return { name: root.attrs.name, sel: all(root, 'PlainTextSelection'), codings: all(root, 'Coding').length };
      };
      const m = count(path.join(tmp, 'm.qdpx'));
      const sen = count(path.join(tmp, 's.qdpx'));
      assert.strictEqual(s.code, 0);
      assert.strictEqual(m.name, 'Treff');
      assert.ok(m.codings > sen.codings, `${m.codings} > ${sen.codings}`);
      const len = (x: XmlElement[]) => x.reduce((n, e) => n + Number(e.attrs.endPosition) - Number(e.attrs.startPosition), 0) / x.length;
      assert.ok(len(m.sel) < len(sen.sel));
    });

    it('reports a broken codings file and a broken document, still writes the rest, exit code 1', async function () {
      const bad = path.join(tmp, 'bad');
      fs.mkdirSync(bad);
      fs.copyFileSync(path.join(CORPUS, LETTER), path.join(bad, LETTER));
      fs.writeFileSync(path.join(bad, 'broken.pdf'), fs.readFileSync(PDF).subarray(0, 3000));
      fs.mkdirSync(path.join(bad, '.policylens', 'codings'), { recursive: true });
      fs.writeFileSync(codingFilePath(bad, path.join(bad, LETTER)), '{ broken');
      const r = await cli(['export', bad, '--format', 'qdpx', '-o', path.join(tmp, 'bad.qdpx')]);
      assert.strictEqual(r.code, 1);
      assert.match(r.stderr, /broken\.pdf/);
      assert.match(r.stderr, /not valid JSON/);
      assert.match(r.stdout, /1 source,/);
      // the broken codings file is left as it was
      assert.strictEqual(fs.readFileSync(codingFilePath(bad, path.join(bad, LETTER)), 'utf8'), '{ broken');
    });
  });

  describe('bundled binary (dist/cli.js + dist/audit-worker.js)', function () {
    it('audits with worker threads from the esbuild bundle', async function () {
      if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js')) || !fs.existsSync(path.join(ROOT, 'dist', 'audit-worker.js'))) this.skip(); // `npm test` builds them
      const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'policy-lens.js'), 'audit', CORPUS, '--format', 'json', '--workers', '2'], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
      assert.strictEqual(r.status, 0, r.stderr);
      assert.doesNotMatch(r.stderr, /worker script/);
      const rows = JSON.parse(r.stdout) as AuditRow[];
      const files = rows.map((x) => x.file);
      assert.strictEqual(files.length, 11);
      assert.deepStrictEqual(rows, (await auditFiles(files, { workers: 0 })).rows);
      const e = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'policy-lens.js'), 'export', PDF, '--format', 'qdpx', '-o', path.join(tmp, 'bin.qdpx')], { encoding: 'utf8' });
      assert.strictEqual(e.status, 0, e.stderr);
      assert.ok(unzipSync(fs.readFileSync(path.join(tmp, 'bin.qdpx')))['project.qde']);
    });
  });
});
