/**
 * The DOCX viewer's pure parts and the shared viewer layer's: the webview messages it accepts, its page's CSP, the
 * analysis jobs (DOCX: the text first, then the findings; text files for coding's export), and the engine's
 * URI-friendly codings helpers the web extension stores codings with.
 */
import * as assert from 'assert';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { strToU8, zipSync } from 'fflate';
import { analyzeExtracted, codingFileText, createCoding, CanonicalText, emptyCodingFile, extractBuffer, parseCodingFile, relativeSourcePath } from '../../src/core/node';
import { docxHtml, DOCX_STRINGS } from '../../src/extension/docx/html';
import { parseWebviewMessage } from '../../src/extension/docx/protocol';
import type { DocxPayload } from '../../src/extension/docx/protocol';
import { JobReply, runDocumentJob } from '../../src/extension/viewer/jobs';
import type { DocumentJob } from '../../src/extension/viewer/jobs';
import { CATEGORY_IDS } from '../../src/extension/viewer/protocol';
import { extractOnDisk } from '../../src/extension/workers/documentWorker';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const HARSTAD = path.join(ROOT, 'test', 'fixtures', 'docx', 'harstad_kommune_handlingsplan_likestilling_mangfold.docx');
const ENCRYPTED = path.join(ROOT, 'test', 'fixtures', 'docx-viewer', 'encrypted-password.docx');

function job(format: DocumentJob['format'], bytes: Uint8Array, file = 'doc'): DocumentJob {
  return { type: 'job', id: 1, format, bytes, file, previewPages: 0, generation: 3, previewId: 5, finalId: 6 };
}

async function replies(j: DocumentJob): Promise<JobReply<DocxPayload>[]> {
  const out: JobReply<DocxPayload>[] = [];
  await runDocumentJob(j, extractOnDisk, (r) => out.push(r as JobReply<DocxPayload>), () => false);
  return out;
}

describe('DOCX viewer: webview messages', () => {
  const report = {
    generation: 1,
    phase: 'final',
    placedFindings: 34,
    unplacedFindings: 0,
    drawnFindings: 34,
    hiddenDrawn: 0,
    textMismatches: 0,
    full: true,
    findMatches: 0,
    findIndex: -1,
    revealed: 0,
    revealFlashed: 0,
    drawnCodings: 0,
    flashing: 0,
    selection: '',
    message: '',
    tooltip: '',
    blocks: 75,
    tables: 20,
    headings: 0,
    listItems: 44,
    theme: 'dark',
    scroll: 0.5,
  };

  it('accepts the known messages with well-formed fields', () => {
    for (const m of [
      { type: 'ready' },
      { type: 'explain', id: 7, finding: 0, analysisId: 2 },
      { type: 'selection', id: 3, analysisId: 2, start: 10, end: 42 },
      { type: 'viewState', scroll: 0.25 },
      { type: 'report', report },
    ]) {
      assert.deepStrictEqual(parseWebviewMessage(m), m, JSON.stringify(m).slice(0, 80));
    }
  });

  it('drops unknown types, extra or missing fields, wrong types and out-of-range values', () => {
    for (const m of [
      { type: 'openLink', url: 'https://www.ks.no/' }, // a PDF viewer message, not the DOCX viewer's
      { type: 'askPassword' },
      { type: 'explain', id: 7, finding: -1, analysisId: 2 },
      { type: 'explain', id: 7, finding: 0 },
      { type: 'explain', id: 7, finding: 0, analysisId: 2, html: '<img>' },
      { type: 'selection', id: 3, analysisId: 2, start: 42, end: 10 },
      { type: 'viewState', scroll: 1.5 },
      { type: 'report', report: { ...report, theme: 'neon' } },
      { type: 'report', report: { ...report, blocks: -1 } },
      { type: 'report', report: { ...report, extra: 1 } },
      Object.assign(Object.create({ polluted: true }), { type: 'ready' }),
      ['ready'],
      'ready',
      null,
    ]) {
      assert.strictEqual(parseWebviewMessage(m), undefined, JSON.stringify(m)?.slice(0, 80));
    }
  });
});

describe('DOCX viewer: the page', () => {
  const html = docxHtml({
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    nonce: 'bm9uY2Vub25jZQ==',
    script: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/docx-viewer/viewer.js',
    styles: ['https://file+.vscode-resource.vscode-cdn.net/ext/media/viewer/viewer.css', 'https://file+.vscode-resource.vscode-cdn.net/ext/media/docx/viewer.css'],
    strings: { find: 'Søk i dokumentet' },
    lang: 'nb',
  });
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1].replace(/&#39;|&apos;/g, "'");

  it('has a strict CSP: its one nonce’d script and its stylesheets, nothing pdf.js needs', () => {
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-bm9uY2Vub25jZQ=='/);
    assert.doesNotMatch(csp, /unsafe-eval|unsafe-inline|worker-src|connect-src|img-src|font-src/);
    assert.strictEqual((html.match(/<script /g) ?? []).length, 2, 'the config (JSON) and the viewer');
    assert.ok(html.includes('nonce="bm9uY2Vub25jZQ==" src="https://file+.vscode-resource.vscode-cdn.net/ext/dist/docx-viewer/viewer.js"'));
    assert.ok(!html.includes('type="module"'), 'a classic script');
  });

  it('is keyboard-reachable and translated', () => {
    assert.match(html, /<div id="viewer" tabindex="0" role="document" aria-label="Word document">/);
    assert.ok(html.includes(`aria-label="${DOCX_STRINGS.nextFinding}"`));
    assert.ok(html.includes('placeholder="Søk i dokumentet"'));
    assert.match(html, /<div id="tooltip" role="tooltip" aria-live="polite" hidden>/);
  });
});

describe('viewer jobs: DOCX and text', () => {
  it('a DOCX: first its text and layout without findings, then the analysis on the same text', async () => {
    const bytes = new Uint8Array(fs.readFileSync(HARSTAD));
    const [pre, fin, ...rest] = await replies(job('docx', bytes, 'harstad.docx'));
    assert.strictEqual(rest.length, 0);
    assert.ok(pre.phase === 'preview' && fin.phase === 'final');
    if (pre.phase !== 'preview' || fin.phase !== 'final') return;
    assert.strictEqual(pre.analysis, undefined);
    assert.strictEqual(pre.payload.findings.start.length, 0);
    assert.strictEqual(pre.payload.analysisId, 5);
    assert.strictEqual(fin.payload.analysisId, 6);
    assert.strictEqual(pre.payload.text, fin.payload.text);
    assert.deepStrictEqual(pre.payload.layout, fin.payload.layout);
    const doc = await extractBuffer(bytes, 'docx', { file: 'harstad.docx' });
    const analysis = analyzeExtracted(doc, { file: 'harstad.docx' });
    assert.strictEqual(fin.payload.text, doc.text);
    assert.deepStrictEqual([...fin.payload.findings.start], analysis.findings.map((f) => f.start));
    assert.deepStrictEqual([...fin.payload.findings.category].map((c) => CATEGORY_IDS[c]), analysis.findings.map((f) => f.category));
    assert.strictEqual(fin.payload.score.value, analysis.score.value);
    assert.ok(fin.payload.sections.length >= 1);
  });

  it('an encrypted DOCX, a damaged one and one without text are errors with the engine’s codes', async () => {
    const enc = await replies(job('docx', new Uint8Array(fs.readFileSync(ENCRYPTED)), 'enc.docx'));
    assert.deepStrictEqual(enc.map((r) => (r.phase === 'error' ? r.error.code : r.phase)), ['unsupported']);
    const cut = new Uint8Array(fs.readFileSync(HARSTAD)).slice(0, 20_000);
    const damaged = await replies(job('docx', cut, 'cut.docx'));
    assert.deepStrictEqual(damaged.map((r) => (r.phase === 'error' ? r.error.code : r.phase)), ['corrupt']);
    const empty = zipSync({
      '_rels/.rels': strToU8('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'),
      'word/document.xml': strToU8('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>'),
    });
    const none = await replies(job('docx', empty, 'tom.docx'));
    assert.deepStrictEqual(none.map((r) => (r.phase === 'error' ? r.error.code : r.phase)), ['no-text']);
  });

  it('a text file: one final answer with the engine’s analysis (coding’s export loads closed documents so)', async () => {
    const text = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'tildelingsbrev-helsedirektoratet-2026-utdrag.md'));
    const r = await replies(job('md', new Uint8Array(text), 'brev.md'));
    assert.deepStrictEqual(r.map((x) => x.phase), ['final']);
    const fin = r[0];
    assert.ok(fin.phase === 'final' && fin.analysis);
    if (fin.phase === 'final') assert.strictEqual(fin.analysis!.findings.length, fin.payload.findings.start.length);
  });
});

describe('codings without file paths (the extension stores them through workspace.fs)', () => {
  it('relativeSourcePath on URI paths equals path.relative on the same POSIX paths', () => {
    for (const [root, doc] of [
      ['/work/ws', '/work/ws/docx/a.docx'],
      ['/work/ws/', '/work/ws/a.md'],
      ['/work/ws', '/work/other/b.pdf'],
      ['/', '/x/y.txt'],
      ['/work/ws', '/work/ws/æøå/planen 2026.docx'],
    ]) {
      assert.strictEqual(relativeSourcePath(root, doc), path.posix.relative(root, doc), `${root} → ${doc}`);
    }
  });

  it('a codings file’s text round-trips; its text hash is the SHA-256 Node computes', () => {
    const text = 'Bydelene skal samskape med innbyggerne.\nKommunen kan prøve ut nye løsninger.';
    const canon = new CanonicalText(text);
    const data = { ...emptyCodingFile('brev.md'), codings: [createCoding(canon, { start: 0, end: 39 }, { code: '6F9619FF-8B86-D011-B42D-00C04FC964FF', source: 'brev.md' })] };
    const written = codingFileText(data, canon.text);
    const back = parseCodingFile(written, 'brev.json');
    assert.deepStrictEqual(back.codings, data.codings);
    assert.strictEqual(back.textSha256, crypto.createHash('sha256').update(canon.text, 'utf8').digest('hex'));
    assert.throws(() => parseCodingFile('{ "format": "policy-lens-codings", "version": 1, "source": "x", "codings": [{}] }', 'broken.json'), /broken\.json: coding 1/);
  });
});
