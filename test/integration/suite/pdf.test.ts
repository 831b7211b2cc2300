/**
 * The PDF viewer (src/extension/pdf/) in the real VS Code: the custom editor, the webview's highlights against
 * the CLI, the Findings tree and the Framing view on a PDF, reveal and flash, find, toggles, hover explanations,
 * reload on change (page and zoom kept), links, and bad input (password, damaged, scanned, not a PDF, too large).
 * The bad PDFs are made here with pdf-lib; the real ones are copies from the corpus (test/fixtures/pdf).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import * as vscode from 'vscode';
import { CATEGORIES } from '../../../src/core';
import { codingFilePath, CodingFile, keyGuid } from '../../../src/core/workspace';
import type { Category, Finding } from '../../../src/core';
import { deonticLabel } from '../../../src/extension/labels';
import type { PdfState } from '../../../src/extension/pdf/pdfEditor';
import type { RenderReport } from '../../../src/extension/pdf/protocol';
import { api, assertCustomEditor, cliAnalysis, closeAllEditors, fixture, freshReport, hoverUntilShown as shownHover, screenshot, setSetting, sleep, waitFor } from './helpers';
import { log } from './log';

const VIEW_TYPE = 'policyLens.pdfViewer';
const STORBY = 'pdf/ks_storbynettverk_innspill_2026.pdf';
const TANNHELSE = 'pdf/ks_fylkesordforerkollegiet_tannhelse_innspill_2026.pdf';
const ENCRYPTED = 'pdf/encrypted-user-pw.pdf';
/** 30 pages, 634 findings, a running header (test/fixtures/pdf-viewer/SOURCES.md). */
const KS_DIGITAL = 'pdf-viewer/ks_helsereform_digitalisering_2026.pdf';

interface CliFinding {
  start: number;
  end: number;
  page: number;
  category: Category;
  text: string;
}

/** What the command line finds in a PDF (`policy-lens analyze FILE --format json`). */
const cliFindings = (file: string) => cliAnalysis<CliFinding>(file).findings;

async function openPdf(uri: vscode.Uri): Promise<void> {
  await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE, { preview: false, viewColumn: vscode.ViewColumn.One });
}

const pdfApi = async () => (await api()).pdf;
const ready = (s: PdfState) => s.state === 'ready' && s.phase === 'final';

async function whenReady(uri: vscode.Uri, timeoutMs = 30_000): Promise<PdfState> {
  return (await pdfApi()).whenState(uri, ready, timeoutMs);
}

/** Asks the viewer for a fresh full report and returns the first one after it that passes `pred`. */
const report = async (uri: vscode.Uri, pred: (r: RenderReport) => boolean = () => true, timeoutMs = 20_000) => freshReport(await pdfApi(), uri, pred, timeoutMs);

/** Moves the mouse over finding `k` until the viewer shows its explanation (see ../../shared/wait.ts). */
const hoverUntilShown = async (uri: vscode.Uri, k: number, pred: (r: RenderReport) => boolean = () => true) => shownHover(await pdfApi(), uri, k, pred);

/** Waits until the viewer's zoom and painted pages stay the same over two reports a moment apart (layout settled). */
async function settled(uri: vscode.Uri, pred: (r: RenderReport) => boolean, timeoutMs = 60_000): Promise<RenderReport> {
  const deadline = Date.now() + timeoutMs;
  let prev: RenderReport | undefined;
  while (Date.now() < deadline) {
    const r = await report(uri, pred, Math.max(1, deadline - Date.now()));
    if (prev && prev.scale === r.scale && prev.currentPage === r.currentPage && prev.renderedPages.join() === r.renderedPages.join()) return r;
    prev = r;
    await sleep(300);
  }
  throw new Error(`the viewer's layout did not settle; last ${JSON.stringify(prev)}`);
}

let tmp: string;
const tmpFile = (name: string) => path.join(tmp, name);

/** A PDF with the given lines per page (Helvetica), made with pdf-lib. */
async function makePdf(pages: string[][], opts: { textless?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage([595, 842]);
    if (opts.textless) {
      // A «scan»: shapes only, no text layer.
      for (let k = 0; k < 30; k++) page.drawRectangle({ x: 60, y: 760 - k * 22, width: 300 + (k % 5) * 30, height: 9, borderWidth: 0 });
      continue;
    }
    lines.forEach((l, i) => page.drawText(l, { x: 60, y: 780 - i * 18, size: 11, font }));
  }
  return doc.save();
}

describe('Policy Lens: PDF viewer', function () {
  this.timeout(120_000);

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-pdf-'));
  });
  afterEach(async () => {
    const pdf = await pdfApi();
    pdf.setPasswordPrompt(undefined);
    pdf.setLinkHandlers(undefined);
    await setSetting('categories.directive', undefined);
    await setSetting('pdf.maxFileSizeMB', undefined);
  });
  after(async () => {
    await closeAllEditors();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('is a custom editor for *.pdf with priority option, and «Open with Policy Lens» opens it', async () => {
    const uri = fixture(STORBY);
    await assertCustomEditor(VIEW_TYPE, '*.pdf', 'policyLens.openPdf', uri);
    await whenReady(uri);
  });

  it('highlights exactly the findings the CLI finds in the PDF, over the words of the text layer', async () => {
    const uri = fixture(STORBY);
    const cli = cliFindings(uri.fsPath);
    assert.ok(cli.length > 10, `the CLI finds ${cli.length} findings`);
    await closeAllEditors();
    await sleep(500);
    const t0 = Date.now();
    await openPdf(uri);
    const pdf = await pdfApi();
    const first = await pdf.whenReport(uri, (r) => r.firstHighlightedAt !== undefined, 30_000);
    log(`first highlighted page ${first.firstHighlightedAt! - t0} ms after vscode.openWith (webview timeline ${JSON.stringify(first.timeline)})`);
    const s = await whenReady(uri);
    // The same analysis as the CLI's: same offsets, pages and categories.
    const mine = s.analysis!.findings.map((f: Finding) => [f.start, f.end, f.page, f.category, f.text]);
    assert.deepStrictEqual(mine, cli.map((f) => [f.start, f.end, f.page, f.category, f.text]));

    // Every page visited: every finding drawn on its page, none whose words could not be placed.
    await pdf.post(uri, { type: 'scroll', to: 'all' });
    const r = await pdf.whenReport(uri, (x) => x.visits > 0 && x.phase === 'final', 60_000);
    log(`webview: ${r.pages} pages, ${r.placedFindings} placed, ${r.drawnFindings} drawn, ${r.unplacedFindings} unplaced, ${r.textMismatches} mismatches, canvases ${r.canvases}`);
    assert.strictEqual(r.placedFindings, cli.length, 'findings placed on the text layer = CLI findings');
    assert.strictEqual(r.drawnFindings, cli.length, 'findings drawn on the pages = CLI findings');
    assert.strictEqual(r.unplacedFindings, 0);
    assert.strictEqual(r.textMismatches, 0, "the webview's text items are the host extractor's");
    assert.strictEqual(r.hiddenDrawn, 0);
    assert.ok(r.canvases <= 6, `pages far from the view give their canvas back (${r.canvases} canvases)`);
  });

  it('a 30-page PDF: every finding the CLI finds is drawn on its page, canvases released behind', async () => {
    const uri = fixture(KS_DIGITAL);
    const cli = cliFindings(uri.fsPath);
    await openPdf(uri);
    const s = await whenReady(uri, 60_000);
    assert.strictEqual(s.analysis!.findings.length, cli.length);
    const pdf = await pdfApi();
    await pdf.post(uri, { type: 'scroll', to: 'all' });
    const r = await pdf.whenReport(uri, (x) => x.visits > 0 && x.phase === 'final', 90_000);
    log(`30 pages: ${r.drawnFindings} of ${cli.length} findings drawn, ${r.textMismatches} mismatches, ${r.canvases} canvases at the end`);
    assert.strictEqual(r.pages, 30);
    assert.strictEqual(r.drawnFindings, cli.length);
    assert.strictEqual(r.textMismatches, 0);
    assert.ok(r.canvases <= 6, `${r.canvases} canvases`);
  });

  it('feeds the Findings tree and the Framing view, and a click jumps to the page and flashes the words', async () => {
    const uri = fixture(STORBY);
    await openPdf(uri);
    const pl = await api();
    const s = await whenReady(uri);
    const view = await waitFor('tree shows the PDF', () => {
      const f = pl.findings();
      return f.document?.toString() === uri.toString() && f.categories.length > 0 ? f : undefined;
    });
    for (const c of CATEGORIES) {
      assert.strictEqual(view.categories.find((x) => x.category === c)?.count, s.analysis!.findings.filter((f) => f.category === c).length, c);
    }
    assert.strictEqual(pl.focus.source?.kind, 'pdf');
    assert.ok(pl.focus.source?.where(s.analysis!.findings[0].start).startsWith('page '), 'the tree says where: «page N»');

    // The Framing view shows the PDF's score.
    await vscode.commands.executeCommand('policyLens.showFraming');
    await waitFor('framing model of the PDF', () => pl.framing.current && Math.abs(pl.framing.current.score.value - Math.round(s.analysis!.score.value)) <= 1);

    // «Click» the last directive finding in the tree.
    const provider = pl.findingsProvider;
    const roots = (await provider.getChildren()) ?? [];
    const directive = roots.find((n) => n.kind === 'category' && n.category === 'directive')!;
    const children = (await provider.getChildren(directive)) ?? [];
    const last = children[children.length - 1];
    const item = await provider.getTreeItem(last);
    assert.ok(String(item.description).startsWith('page '), `tree item says the page: ${item.description}`);
    const before = (await report(uri)).revealed;
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const f = last.kind === 'finding' ? last.span.finding : undefined;
    // Revealed and flashed (the flash lasts a moment from when the words are shown: the report says how many
    // flash marks were drawn rather than hoping to catch them).
    const r = await report(uri, (x) => x.revealed > before, 30_000);
    assert.ok(r.revealFlashed > 0, 'the finding’s words were flashed');
    assert.strictEqual(r.currentPage, f!.page, 'the viewer is on the finding’s page');
    assert.strictEqual(r.selection.replace(/\s+/g, ''), f!.text.replace(/\s+/g, ''), 'the finding’s words are selected');
    await report(uri, (x) => x.flashing === 0, 30_000); // the flash goes away
  });

  it('shows the hover explanation of a finding, like the text editors', async () => {
    const uri = fixture(STORBY);
    await openPdf(uri);
    const s = await whenReady(uri);
    const a = s.analysis!;
    const k = a.findings.findIndex((f) => f.category === 'directive' && a.sentences[f.sentence].deontic !== 'none');
    assert.ok(k >= 0);
    const r = await hoverUntilShown(uri, k);
    const sentence = a.sentences[a.findings[k].sentence];
    assert.ok(r.tooltip.includes(a.findings[k].text), `tooltip quotes the finding: ${r.tooltip}`);
    assert.ok(r.tooltip.includes(deonticLabel(sentence.deontic)), `tooltip names the deontic force: ${r.tooltip}`);
    assert.ok(r.tooltip.includes('Document score'), r.tooltip);
  });

  it('switching a category off removes its highlights in the PDF, and on again restores them', async () => {
    const uri = fixture(STORBY);
    await openPdf(uri);
    const s = await whenReady(uri);
    const pdf = await pdfApi();
    await pdf.post(uri, { type: 'scroll', to: 'all' });
    const all = await pdf.whenReport(uri, (x) => x.visits > 0 && x.phase === 'final', 60_000);
    const directive = s.analysis!.findings.filter((f) => f.category === 'directive').length;
    assert.ok(directive > 0);
    await vscode.commands.executeCommand('policyLens.toggleHighlights', 'directive');
    await pdf.post(uri, { type: 'scroll', to: 'all' });
    const off = await report(uri, (x) => x.visits > all.visits);
    assert.strictEqual(off.drawnFindings, all.drawnFindings - directive, 'the directive findings are not drawn');
    assert.strictEqual(off.hiddenDrawn, 0, 'no highlight of a switched-off category in the DOM');
    await vscode.commands.executeCommand('policyLens.toggleHighlights', 'directive');
    await pdf.post(uri, { type: 'scroll', to: 'all' });
    await report(uri, (x) => x.visits > off.visits && x.drawnFindings === all.drawnFindings);
  });

  it('finds text in the document (matches counted in the extracted text)', async () => {
    const uri = fixture(STORBY);
    await openPdf(uri);
    // The text the host extracted (pdf.js cannot be loaded in the extension host's own thread: the viewer runs it in
    // a worker thread).
    const text = (await whenReady(uri)).text!;
    const expected = (text.match(/kommune/giu) ?? []).length;
    assert.ok(expected > 1);
    const pdf = await pdfApi();
    await pdf.post(uri, { type: 'find', query: 'kommune' });
    const r = await report(uri, (x) => x.findMatches === expected);
    assert.strictEqual(r.findIndex, 0);
    await pdf.post(uri, { type: 'find', query: '' });
    await report(uri, (x) => x.findMatches === 0);
  });

  it('reloads when the file changes on disk, keeping the page and the zoom', async () => {
    const file = tmpFile('changing.pdf');
    fs.copyFileSync(fixture(TANNHELSE).fsPath, file);
    const uri = vscode.Uri.file(file);
    await openPdf(uri);
    const pdf = await pdfApi();
    const first = await whenReady(uri);
    await report(uri, (x) => x.pages === 3);
    await pdf.post(uri, { type: 'setView', page: 2, scale: 1.5 });
    await report(uri, (x) => x.currentPage === 2 && Math.abs(x.scale - 1.5) < 1e-6);
    // The view state reaches the host (debounced in the webview).
    await waitFor('the host has the page and zoom', () => pdf.state(uri)?.viewStates.some((v) => v.page === 2 && v.scale === 1.5), 30_000);

    // Another document with at least two pages replaces the file.
    fs.copyFileSync(fixture('pdf/troms_fylkeskommune_saksprotokoll_2026.pdf').fsPath, file);
    const second = await pdf.whenState(uri, (s) => ready(s) && s.analysis !== first.analysis && s.analysis!.findings.length !== first.analysis!.findings.length, 30_000);
    assert.deepStrictEqual(
      second.analysis!.findings.map((f) => [f.start, f.end, f.category]),
      cliFindings(file).map((f) => [f.start, f.end, f.category]),
      'the new content is analysed',
    );
    const r = await report(uri, (x) => x.phase === 'final' && x.renderedPages.length > 0);
    assert.strictEqual(r.currentPage, 2, 'the page is kept');
    assert.ok(Math.abs(r.scale - 1.5) < 1e-6, `the zoom is kept (${r.scale})`);
  });

  it('asks for the password of an encrypted PDF (again when it is wrong) and analyses the decrypted text', async () => {
    const file = tmpFile('encrypted.pdf');
    fs.copyFileSync(fixture(ENCRYPTED).fsPath, file);
    const uri = vscode.Uri.file(file);
    const pdf = await pdfApi();
    const asked: boolean[] = [];
    pdf.setPasswordPrompt(async (_f, wrong) => {
      asked.push(wrong);
      return asked.length === 1 ? 'not-the-password' : 'user';
    });
    await openPdf(uri);
    const s = await whenReady(uri);
    assert.deepStrictEqual(asked, [false, true], 'asked, then asked again after a wrong password');
    assert.ok(s.analysis!.findings.some((f) => f.text === 'skal'), 'the decrypted text is analysed');
    const r = await report(uri, (x) => x.renderedPages.length > 0 && x.drawnFindings > 0);
    assert.strictEqual(r.message, '');
  });

  it('an encrypted PDF whose password prompt is cancelled says so, with a button to try again', async () => {
    const file = tmpFile('encrypted-cancel.pdf');
    fs.copyFileSync(fixture(ENCRYPTED).fsPath, file);
    const uri = vscode.Uri.file(file);
    const pdf = await pdfApi();
    pdf.setPasswordPrompt(async () => undefined);
    await openPdf(uri);
    const s = await pdf.whenState(uri, (x) => x.state === 'error' && x.code === 'password');
    assert.match(s.message!, /password/);
    await report(uri, (x) => /password/.test(x.message));
    // The button: asks again.
    pdf.setPasswordPrompt(async () => 'user');
    assert.ok(await pdf.receive(uri, { type: 'askPassword' }));
    await whenReady(uri);
  });

  it('a PDF without a text layer (scanned) says that OCR is needed, and still shows its pages', async () => {
    const file = tmpFile('scanned.pdf');
    fs.writeFileSync(file, await makePdf([[], []], { textless: true }));
    const uri = vscode.Uri.file(file);
    await openPdf(uri);
    const pdf = await pdfApi();
    const s = await pdf.whenState(uri, (x) => x.state === 'error' && x.code === 'no-text');
    assert.match(s.message!, /OCR/);
    const r = await report(uri, (x) => x.renderedPages.length > 0 && x.message.includes('OCR'));
    assert.strictEqual(r.pages, 2);
  });

  it('a damaged PDF and a truncated one get a clear message, nothing else breaks', async () => {
    const good = await makePdf([['Kommunen skal rapportere innen fristen.', 'Bydelene kan prøve ut nye løsninger.']]);
    // Damaged: a PDF header and then garbage.
    const damaged = tmpFile('damaged.pdf');
    fs.writeFileSync(damaged, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4000, 0x41), Buffer.from('\n%%EOF\n')]));
    await openPdf(vscode.Uri.file(damaged));
    const pdf = await pdfApi();
    const d = await pdf.whenState(vscode.Uri.file(damaged), (x) => x.state === 'error');
    assert.strictEqual(d.code, 'corrupt');
    assert.match(d.message!, /damaged|cannot be read/);
    await report(vscode.Uri.file(damaged), (x) => x.message.length > 0);

    // Truncated: the last third cut off. pdf.js reads what it can; either way the user is told.
    const truncated = tmpFile('truncated.pdf');
    fs.writeFileSync(truncated, Buffer.from(good.slice(0, Math.floor(good.length * 0.66))));
    await openPdf(vscode.Uri.file(truncated));
    const t = await pdf.whenState(vscode.Uri.file(truncated), (x) => x.state === 'error' || ready(x));
    if (t.state === 'ready') assert.ok(t.warnings.some((w) => /truncated/.test(w)), `a warning says it is truncated: ${t.warnings}`);
    else assert.match(t.message!, /damaged|incomplete|cannot be read/);
    await report(vscode.Uri.file(truncated), (x) => x.message.length > 0);

    // The viewer still works for a good PDF.
    const fine = tmpFile('fine.pdf');
    fs.writeFileSync(fine, good);
    await openPdf(vscode.Uri.file(fine));
    const f = await whenReady(vscode.Uri.file(fine));
    assert.ok(f.analysis!.findings.some((x) => x.text === 'skal'));
  });

  it('a file that is not a PDF, and one over the size limit, are refused with a message', async () => {
    const notPdf = tmpFile('notes.pdf');
    fs.writeFileSync(notPdf, 'Kommunen skal rapportere.\nThis is a text file with a .pdf name.\n');
    await openPdf(vscode.Uri.file(notPdf));
    const pdf = await pdfApi();
    const n = await pdf.whenState(vscode.Uri.file(notPdf), (x) => x.state === 'error');
    assert.strictEqual(n.code, 'unsupported');
    assert.match(n.message!, /not a PDF/);
    const nr = await report(vscode.Uri.file(notPdf), (x) => x.message.length > 0);
    assert.strictEqual(nr.pages, 0, 'nothing rendered');

    await setSetting('pdf.maxFileSizeMB', 1);
    const big = tmpFile('big.pdf');
    // A valid PDF padded past the limit with a comment after its end (the size is checked before it is read).
    const small = await makePdf([['Kommunen skal rapportere innen fristen.']]);
    const bytes = Buffer.concat([Buffer.from(small), Buffer.from('\n%' + 'x'.repeat(1200 * 1024) + '\n')]);
    fs.writeFileSync(big, bytes);
    await openPdf(vscode.Uri.file(big));
    const b = await pdf.whenState(vscode.Uri.file(big), (x) => x.state === 'error');
    assert.strictEqual(b.code, 'too-large');
    assert.match(b.message!, /MB/);
    await report(vscode.Uri.file(big), (x) => x.message.includes('MB') && x.pages === 0);
  });

  it('checks every message from the webview; links open only after the user confirms', async () => {
    const uri = fixture(STORBY);
    await openPdf(uri);
    await whenReady(uri);
    const pdf = await pdfApi();
    const before = pdf.rejected();
    for (const bad of [
      { type: 'openLink', url: 'javascript:alert(1)' },
      { type: 'openLink', url: 'file:///etc/passwd' },
      { type: 'openLink', url: 'https://user:secret@example.org/' },
      { type: 'explain', id: 1, finding: -1, analysisId: 1 },
      { type: 'viewState', page: 1, scale: 1, extra: 'x' },
      { type: 'runCommand', command: 'workbench.action.quit' },
      'ready',
      null,
    ]) {
      assert.strictEqual(await pdf.receive(uri, bad), false, JSON.stringify(bad));
    }
    assert.strictEqual(pdf.rejected(), before + 8);

    const opened: string[] = [];
    const confirmed: string[] = [];
    pdf.setLinkHandlers({
      confirm: async (u) => {
        confirmed.push(u);
        return confirmed.length > 1; // the first one is declined
      },
      open: async (u) => {
        opened.push(u.toString());
        return true;
      },
    });
    assert.ok(await pdf.receive(uri, { type: 'openLink', url: 'https://www.ks.no/' }));
    assert.deepStrictEqual(opened, [], 'declined: not opened');
    assert.ok(await pdf.receive(uri, { type: 'openLink', url: 'https://www.ks.no/' }));
    assert.deepStrictEqual(confirmed, ['https://www.ks.no/', 'https://www.ks.no/']);
    assert.deepStrictEqual(opened, ['https://www.ks.no/'], 'confirmed: opened');
  });

  it('links in the PDF: a web link opens only after the user confirms, a link inside the document goes to its page', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const p1 = doc.addPage([595, 842]);
    const p2 = doc.addPage([595, 842]);
    p1.drawText('Se www.ks.no for mer. Kommunen skal rapportere.', { x: 60, y: 760, size: 12, font });
    p1.drawText('Til side 2', { x: 60, y: 700, size: 12, font });
    p1.drawText('Skript', { x: 60, y: 640, size: 12, font });
    p2.drawText('Side 2: Bydelene kan prøve ut nye løsninger.', { x: 60, y: 760, size: 12, font });
    const annot = (rect: number[], extra: Record<string, unknown>) =>
      doc.context.register(doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: rect, Border: [0, 0, 0], ...extra }));
    p1.node.set(
      PDFName.of('Annots'),
      doc.context.obj([
        annot([60, 755, 300, 775], { A: { Type: 'Action', S: 'URI', URI: PDFString.of('https://www.ks.no/') } }),
        annot([60, 695, 200, 715], { Dest: [p2.ref, PDFName.of('XYZ'), null, null, null] }),
        annot([60, 635, 200, 655], { A: { Type: 'Action', S: 'URI', URI: PDFString.of('javascript:app.alert(1)') } }),
      ]),
    );
    const file = tmpFile('links.pdf');
    fs.writeFileSync(file, await doc.save());
    const uri = vscode.Uri.file(file);
    const pdf = await pdfApi();
    const confirmed: string[] = [];
    const opened: string[] = [];
    pdf.setLinkHandlers({
      confirm: async (u) => (confirmed.push(u), true),
      open: async (u) => (opened.push(u.toString()), true),
    });
    await openPdf(uri);
    await whenReady(uri);
    await pdf.post(uri, { type: 'setView', page: 1, scale: 1 });
    // pdf.js gives no URL for the javascript: link; the two others are on the page.
    const r = await report(uri, (x) => x.links === 2 && x.renderedPages.includes(1));
    assert.strictEqual(r.links, 2);
    await pdf.post(uri, { type: 'clickLink', index: 0 });
    await waitFor('the web link is confirmed and opened', () => opened.length === 1);
    assert.deepStrictEqual(confirmed, ['https://www.ks.no/']);
    assert.deepStrictEqual(opened, ['https://www.ks.no/']);
    await pdf.post(uri, { type: 'clickLink', index: 1 });
    await report(uri, (x) => x.currentPage === 2);
    assert.strictEqual(confirmed.length, 1, 'an internal link asks nothing');
  });

  it('codes words selected in the viewer: stored against the extracted text, drawn in the code’s colour; autocoding too', async () => {
    // A copy outside the workspace: its codings go to its own folder's .policylens (the default codebook).
    const file = tmpFile('coding.pdf');
    fs.copyFileSync(fixture(STORBY).fsPath, file);
    const uri = vscode.Uri.file(file);
    await openPdf(uri);
    const pdf = await pdfApi();
    const COCREATION = keyGuid('category:cocreation');
    // The file was just copied: the viewer may read it once more when the file watcher reports it, which paints the
    // pages anew (and drops a selection on them). Select and apply until the viewer has kept the selection.
    let text = '';
    let words = '';
    let coding: { id: string } | undefined;
    for (let attempt = 1; attempt <= 5 && !coding; attempt++) {
      const s = await whenReady(uri);
      text = s.text!;
      // A sentence of the body of the first page (it ends with a full stop: not the letterhead's fields, laid out in
      // columns) over more than one line of the text layer (several pdf.js items).
      const sentence =
        s.analysis!.sentences.find((x) => x.page === 1 && x.end - x.start > 60 && x.end - x.start < 300 && text.slice(x.start, x.end).includes('\n') && /[.!?]$/.test(text.slice(x.start, x.end))) ??
        s.analysis!.sentences.find((x) => x.page === 1 && x.end - x.start > 30)!;
      words = text.slice(sentence.start, sentence.end);
      // The viewer (not only the host) has the analysis and has painted the first page.
      await report(uri, (x) => x.phase === 'final' && x.renderedPages.includes(1), 60_000);
      // Selected on the text layer as the mouse would; the viewer maps the selection back to offsets of the text.
      await pdf.post(uri, { type: 'select', start: sentence.start, end: sentence.end });
      let r: RenderReport;
      try {
        r = await report(uri, (x) => x.selection.length > 0, 10_000);
      } catch (e) {
        log(`selection not shown (attempt ${attempt}): ${(e as Error).message.slice(0, 1200)}`);
        continue;
      }
      assert.strictEqual(r.selection.replace(/\s+/g, ''), words.replace(/\s+/g, ''), 'the words are selected in the viewer');
      coding = await vscode.commands.executeCommand<{ id: string } | undefined>('policyLens.applyCode', COCREATION);
    }
    assert.ok(coding, 'Apply Code to Selection coded the viewer’s selection');
    const stored = JSON.parse(fs.readFileSync(codingFilePath(tmp, file), 'utf8')) as CodingFile;
    assert.strictEqual(stored.source, 'coding.pdf');
    assert.strictEqual(stored.codings.length, 1);
    const c = stored.codings[0];
    assert.strictEqual(c.code, COCREATION);
    assert.strictEqual(c.origin, 'manual');
    assert.strictEqual(c.target.selector[0].exact, words, 'the quote is the selected words of the extracted text');
    // Drawn in the viewer, in the code's colour.
    const drawn = await report(uri, (x) => x.drawnCodings === 1, 30_000);
    assert.strictEqual(drawn.drawnCodings, 1);

    // Autocode This Document: the findings of the PDF, coded against the same text and drawn.
    const n = await vscode.commands.executeCommand<number | undefined>('policyLens.autocodeDocument', 'match');
    assert.ok(n && n > 0, `autocoding added codings (${n})`);
    const after = JSON.parse(fs.readFileSync(codingFilePath(tmp, file), 'utf8')) as CodingFile;
    assert.strictEqual(after.codings.length, 1 + n);
    for (const x of after.codings.filter((k) => k.origin === 'autocode').slice(0, 20)) {
      const sel = x.target.selector[0].exact;
      assert.ok(text.includes(sel), `an autocoded quote is in the extracted text: ${sel}`);
    }
    await pdf.post(uri, { type: 'scroll', to: 'all' });
    await report(uri, (x) => x.drawnCodings > 1, 60_000);

    // Closing the viewer lets go of the PDF's codings (saved already): the Codes tree no longer lists them.
    await closeAllEditors();
    const pl = await api();
    await waitFor('the closed PDF’s codings let go', () => !pl.coding.store.peek(uri), 30_000);
  });

  it('screenshot: a highlighted page with its hover explanation, the Findings view beside it', async function () {
    if (!process.env.VSX_SCREENSHOT_DIR) this.skip();
    await closeAllEditors();
    await vscode.commands.executeCommand('workbench.action.closePanel').then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar').then(undefined, () => undefined);
    const uri = fixture(KS_DIGITAL);
    await openPdf(uri);
    const s = await whenReady(uri, 60_000);
    const pl = await api();
    await vscode.commands.executeCommand('policyLens.showSidebar');
    await waitFor('tree shows the PDF', () => pl.findings().document?.toString() === uri.toString());
    await vscode.commands.executeCommand('list.focusFirst').then(undefined, () => undefined);
    await vscode.commands.executeCommand('list.expand').then(undefined, () => undefined);
    await openPdf(uri); // focus back on the viewer
    const pdf = await pdfApi();
    await pdf.post(uri, { type: 'setView', page: 1, scale: 'fit' });
    // The side bar just opened: the viewer is resized and re-fits its pages; hover once that has settled.
    await settled(uri, (x) => x.phase === 'final' && x.currentPage === 1 && x.renderedPages.includes(1));
    // The hover on a directive finding of the first page's opening paragraphs.
    const a = s.analysis!;
    const k = a.findings.findIndex((f) => f.page === 1 && (f.category === 'directive' || f.category === 'enabling'));
    // The screenshot must show the explanation: taken while it is shown, and checked to be still shown after
    // (a late re-layout hides it: then hover and take it again).
    let file: string | undefined;
    let shown = false;
    for (let attempt = 1; attempt <= 5 && !shown; attempt++) {
      await hoverUntilShown(uri, k >= 0 ? k : 0, (x) => x.renderedPages.includes(1));
      file = await screenshot('pdf-viewer.png');
      shown = (await report(uri)).tooltip.length > 0;
      if (!shown) log(`pdf viewer screenshot: the explanation was hidden meanwhile (attempt ${attempt}), again`);
    }
    log(`pdf viewer screenshot: ${file}`);
    assert.ok(file);
    assert.ok(shown, 'the hover explanation was shown while the screenshot was taken');
  });
});
