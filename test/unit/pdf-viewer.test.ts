/**
 * The PDF viewer's pure parts: the webview message check, the page's CSP, the payload (item map, findings,
 * outline sections) made by the analysis worker, the worker's preview, and the extractor's `maxPages`.
 * The viewer itself runs in the integration tests (test/integration/suite/pdf.test.ts).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { analyzeExtracted, extractBuffer } from '../../src/core/node';
import { DocumentAnalyzer } from '../../src/extension/viewer/analyzer';
import { JobReply, runDocumentJob } from '../../src/extension/viewer/jobs';
import type { DocumentJob } from '../../src/extension/viewer/jobs';
import { extractOnDisk } from '../../src/extension/workers/documentWorker';
import { nodeWorkers } from '../../src/extension/workers/node';
import type { AnalysisPayload } from '../../src/extension/pdf/protocol';
import { viewerHtml, VIEWER_STRINGS } from '../../src/extension/pdf/html';
import { applyOutlineSections, buildPayload } from '../../src/extension/pdf/payload';
import { CATEGORY_IDS, externalLink, ITEM_STRIDE, parseWebviewMessage } from '../../src/extension/pdf/protocol';

type PdfJobReply = JobReply<AnalysisPayload>;
/** The viewers' job runner on a PDF job, with the desktop worker's extraction (fonts from disk). */
const runPdfJob = (job: Omit<DocumentJob, 'format'>, reply: (r: PdfJobReply) => void, cancelled: () => boolean) =>
  runDocumentJob({ ...job, format: 'pdf' }, extractOnDisk, (r) => reply(r as PdfJobReply), cancelled);

const ROOT = path.resolve(__dirname, '..', '..', '..');
const STORBY = path.join(ROOT, 'test', 'fixtures', 'pdf', 'ks_storbynettverk_innspill_2026.pdf');
const ENCRYPTED = path.join(ROOT, 'test', 'fixtures', 'pdf', 'encrypted-user-pw.pdf');
const read = (f: string) => new Uint8Array(fs.readFileSync(f));

async function makePdf(pages: number, linesPerPage = 20): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([595, 842]);
    page.drawText('Handlingsplan 2026', { x: 60, y: 805, size: 9, font });
    for (let l = 0; l < linesPerPage; l++) page.drawText(`Bydelene skal rapportere (side ${p + 1}, linje ${l + 1}).`, { x: 60, y: 760 - l * 18, size: 11, font });
  }
  return doc.save();
}

describe('PDF viewer: webview messages', () => {
  it('accepts the known messages with well-formed fields', () => {
    for (const m of [
      { type: 'ready' },
      { type: 'askPassword' },
      { type: 'viewState', page: 3, scale: 1.25 },
      { type: 'viewState', page: 1, scale: 'fit' },
      { type: 'explain', id: 7, finding: 0, analysisId: 2 },
      { type: 'openLink', url: 'https://www.regjeringen.no/no/dokumenter/' },
      { type: 'openLink', url: 'mailto:postmottak@ks.no' },
      { type: 'loadFailed', generation: 1, name: 'InvalidPDFException', message: 'Invalid PDF structure.' },
      { type: 'selection', id: 3, analysisId: 2, start: 10, end: 42 },
      { type: 'selection', id: 4, analysisId: 2, start: 0, end: 0 },
    ]) {
      assert.deepStrictEqual(parseWebviewMessage(m), m, JSON.stringify(m));
    }
  });

  it('drops everything else: unknown types, extra or missing fields, wrong types, unsafe links', () => {
    for (const m of [
      null,
      'ready',
      42,
      [],
      {},
      { type: 'runCommand', command: 'workbench.action.quit' },
      { type: 'ready', extra: 1 },
      { type: 'viewState', page: 0, scale: 1 },
      { type: 'viewState', page: 1.5, scale: 1 },
      { type: 'viewState', page: 1, scale: 100 },
      { type: 'viewState', page: 1, scale: 'huge' },
      { type: 'viewState', page: 1 },
      { type: 'explain', id: 1, finding: -1, analysisId: 1 },
      { type: 'explain', id: '1', finding: 0, analysisId: 1 },
      { type: 'openLink', url: 'javascript:alert(1)' },
      { type: 'openLink', url: 'file:///etc/passwd' },
      { type: 'openLink', url: 'command:workbench.action.quit' },
      { type: 'openLink', url: 'vscode://settings' },
      { type: 'openLink', url: 'https://user:pw@example.org/' },
      { type: 'openLink', url: 'https://example.org/\u0000' },
      { type: 'openLink', url: 'https://' + 'a'.repeat(3000) + '.no/' },
      { type: 'loadFailed', generation: 1, name: 'X', message: 'x'.repeat(5000) },
      { type: 'report', report: { generation: 1 } },
      { type: 'selection', id: 1, analysisId: 1, start: 5, end: 2 },
      { type: 'selection', id: 1, analysisId: 1, start: -1, end: 2 },
      { type: 'selection', id: 1, analysisId: 1, start: 0, end: 2, text: 'injected' },
      { type: 'selection', id: 1, analysisId: 1, start: 0 },
    ]) {
      assert.strictEqual(parseWebviewMessage(m), undefined, JSON.stringify(m).slice(0, 120));
    }
  });

  it('externalLink keeps http(s) and mailto only', () => {
    assert.strictEqual(externalLink('https://www.ks.no'), 'https://www.ks.no/');
    assert.strictEqual(externalLink('http://example.org/a?b=c'), 'http://example.org/a?b=c');
    assert.strictEqual(externalLink('data:text/html,<script>alert(1)</script>'), undefined);
    assert.strictEqual(externalLink('ftp://example.org/'), undefined);
    assert.strictEqual(externalLink('not a url'), undefined);
  });
});

describe('PDF viewer: the page', () => {
  const html = viewerHtml({
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    nonce: 'bm9uY2Vub25jZW5vbmNl',
    assets: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/pdf-viewer',
    styles: ['https://file+.vscode-resource.vscode-cdn.net/ext/media/viewer/viewer.css', 'https://file+.vscode-resource.vscode-cdn.net/ext/media/pdf/viewer.css'],
    strings: { find: 'Søk i dokumentet' },
    lang: 'nb',
  });
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1].replace(/&#39;|&apos;/g, "'");

  it('has a strict CSP: nonces, a blob worker, no eval, nothing by default', () => {
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-bm9uY2Vub25jZW5vbmNl'(;|$)/);
    assert.match(csp, /worker-src blob:/);
    assert.doesNotMatch(csp, /unsafe-eval/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.doesNotMatch(csp, /script-src[^;]*https:/, 'scripts by nonce only');
  });

  it('every script carries the nonce; the strings are translated and escaped', () => {
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    assert.ok(scripts.length >= 2);
    for (const s of scripts) assert.match(s, /nonce="bm9uY2Vub25jZW5vbmNl"/);
    assert.ok(html.includes('placeholder="Søk i dokumentet"'));
    assert.ok(html.includes(`"fitWidth":"${VIEWER_STRINGS.fitWidth}"`), 'missing strings fall back to English');
    assert.doesNotMatch(html.split('id="config"')[1].split('</script>')[0], /<(?!\/script)/, 'no markup inside the JSON config');
  });
});

describe('PDF viewer: payload and worker', () => {
  it('the item map places every finding on text-layer items whose characters are the finding’s', async () => {
    const doc = await extractBuffer(read(STORBY), 'pdf', { file: 'storby.pdf' });
    const analysis = analyzeExtracted(doc);
    const p = buildPayload(doc, analysis, 1, 7, 'final', 'headings');
    assert.strictEqual(p.analysisId, 7);
    assert.strictEqual(p.items.length, doc.items!.length * ITEM_STRIDE);
    assert.strictEqual(p.findings.start.length, analysis.findings.length);
    assert.deepStrictEqual([...p.pageStarts], doc.pageSpans.map((s) => s.start));
    for (let i = 0; i < analysis.findings.length; i++) {
      const f = analysis.findings[i];
      assert.strictEqual(CATEGORY_IDS[p.findings.category[i]], f.category);
      // The item spans inside the finding: together they are its text without inserted spaces or line breaks.
      let covered = '';
      for (let k = 0; k < p.items.length; k += ITEM_STRIDE) {
        const s = p.items[k + 3];
        const e = p.items[k + 4];
        if (e <= f.start || s >= f.end) continue;
        covered += doc.text.slice(Math.max(s, f.start), Math.min(e, f.end));
      }
      assert.strictEqual(covered.replace(/\s/g, ''), f.text.replace(/\s/g, ''), `finding ${i} «${f.text}»`);
    }
  });

  it('an outline becomes the sections (the strip follows the bookmarks), sentences re-indexed', async () => {
    const doc = await extractBuffer(read(STORBY), 'pdf', { file: 'storby.pdf' });
    const analysis = analyzeExtracted(doc);
    // A made-up outline: two bookmarks on the two pages.
    const title = doc.text.slice(doc.pageSpans[1].start, doc.pageSpans[1].start + 40).split('\n')[0].trim();
    doc.outline = [
      { title: 'Innspill fra KS storbynettverk', page: 1, level: 1 },
      { title, page: 2, level: 1 },
    ];
    assert.strictEqual(applyOutlineSections(doc, analysis), 'outline');
    assert.ok(analysis.sections.length >= 2);
    assert.ok(analysis.sections.some((s) => s.title === title && s.start >= doc.pageSpans[1].start));
    for (const s of analysis.sentences) {
      const sec = analysis.sections[s.section];
      assert.ok(sec.start <= s.start && (s.start < sec.end || sec.index === analysis.sections.length - 1), `sentence ${s.index} in its section`);
    }
    const none = await extractBuffer(await makePdf(1), 'pdf');
    assert.strictEqual(applyOutlineSections(none, analyzeExtracted(none)), 'headings');
    // One bookmark (a title, as Word often writes): the detected headings say more.
    const one = await extractBuffer(read(STORBY), 'pdf');
    const oneA = analyzeExtracted(one);
    const headings = oneA.sections.length;
    one.outline = [{ title: 'Innspill fra KS storbynettverk', page: 1, level: 1 }];
    assert.strictEqual(applyOutlineSections(one, oneA), 'headings');
    assert.strictEqual(oneA.sections.length, headings);
  });

  it('maxPages reads only the first pages; the page count stays the document’s', async () => {
    const data = await makePdf(8);
    const full = await extractBuffer(data, 'pdf');
    const first = await extractBuffer(data, 'pdf', { maxPages: 2 });
    assert.strictEqual(first.pages, 8);
    assert.strictEqual(first.pageSpans.length, 2);
    assert.strictEqual(full.pageSpans.length, 8);
    assert.ok(first.text.length < full.text.length / 3);
    assert.strictEqual(first.text.slice(0, 200), full.text.slice(0, 200));
  });

  it('the worker answers with a preview of a long document, then the whole of it', async () => {
    const data = await makePdf(12);
    const replies: PdfJobReply[] = [];
    await runPdfJob(
      { type: 'job', id: 1, bytes: data, file: 'long.pdf', previewPages: 3, generation: 1, previewId: 1, finalId: 2 },
      (r) => replies.push(r),
      () => false,
    );
    assert.deepStrictEqual(replies.map((r) => r.phase), ['preview', 'final']);
    const [pre, fin] = replies as (Extract<PdfJobReply, { payload: unknown }> & { analysis: NonNullable<Extract<PdfJobReply, { payload: unknown }>['analysis']> })[];
    assert.strictEqual(pre.payload.pagesRead, 3);
    assert.strictEqual(pre.payload.analysisId, 1);
    assert.strictEqual(fin.payload.pagesRead, 12);
    assert.strictEqual(fin.payload.analysisId, 2);
    assert.ok(pre.analysis.findings.length > 0 && fin.analysis.findings.length > pre.analysis.findings.length);
    // The first page's findings are the same in the preview and in the whole document.
    const page1 = (a: typeof pre.analysis) => a.findings.filter((f) => f.page === 1).map((f) => [f.start, f.end, f.category]);
    assert.deepStrictEqual(page1(pre.analysis), page1(fin.analysis));
  });

  it('a short document gets no preview; a password error is the answer for an encrypted one', async () => {
    const replies: PdfJobReply[] = [];
    const reply = (r: PdfJobReply) => replies.push(r);
    await runPdfJob({ type: 'job', id: 1, bytes: read(STORBY), file: 's.pdf', previewPages: 3, generation: 1, previewId: 1, finalId: 2 }, reply, () => false);
    assert.deepStrictEqual(replies.map((r) => r.phase), ['final']);
    replies.length = 0;
    await runPdfJob({ type: 'job', id: 2, bytes: read(ENCRYPTED), file: 'e.pdf', previewPages: 3, generation: 1, previewId: 1, finalId: 2 }, reply, () => false);
    assert.strictEqual(replies.length, 1);
    assert.strictEqual(replies[0].phase, 'error');
    assert.strictEqual(replies[0].phase === 'error' && replies[0].error.code, 'password');
    replies.length = 0;
    await runPdfJob(
      { type: 'job', id: 3, bytes: read(ENCRYPTED), file: 'e.pdf', password: 'user', previewPages: 3, generation: 1, previewId: 1, finalId: 2 },
      reply,
      () => false,
    );
    assert.strictEqual(replies[0].phase, 'final');
  });

  it('runs in a worker thread (the tsc build of documentWorker.ts), and a cancelled job answers nothing more', async function () {
    this.timeout(30_000);
    const analyzer = new DocumentAnalyzer(nodeWorkers(path.join(ROOT, 'out', 'src', 'extension', 'workers', 'documentWorker.js')));
    try {
      const r = await analyzer.runToEnd({ format: 'pdf', bytes: read(STORBY), file: 's.pdf', previewPages: 3, generation: 1, previewId: 1, finalId: 2 });
      assert.strictEqual(r.phase, 'final');
      assert.strictEqual(analyzer.started, 1, 'a worker thread ran it');
      const got: string[] = [];
      const h = analyzer.run({ format: 'pdf', bytes: await makePdf(30), file: 'l.pdf', previewPages: 3, generation: 2, previewId: 3, finalId: 4 }, (x) => got.push(x.phase));
      h.cancel();
      await new Promise((res) => setTimeout(res, 1500));
      assert.ok(!got.includes('final'), `cancelled: ${got}`);
    } finally {
      analyzer.dispose();
    }
  });
});
