/**
 * The DOCX viewer (src/extension/docx/ over src/extension/viewer/) in the real VS Code: the custom editor, its
 * highlights against the CLI, the document's structure (headings, lists, tables), the Findings tree and the Framing
 * view on a DOCX, reveal and flash, hover and F8 explanations, toggles, find, coding and autocoding against the
 * extracted text, the REFI-QDA export with the DOCX as a source, reload on change, dark and light themes, the
 * message check, and bad input (encrypted, damaged, truncated, not a DOCX, empty, too large).
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import * as vscode from 'vscode';
import { CATEGORIES } from '../../../src/core';
import type { Category, Finding } from '../../../src/core';
import { codingFilePath, CodingFile, keyGuid } from '../../../src/core/workspace';
import type { DocxState } from '../../../src/extension/docx/docxEditor';
import type { DocxReport } from '../../../src/extension/docx/protocol';
import { deonticLabel } from '../../../src/extension/labels';
import { api, assertCustomEditor, cliAnalysis, closeAllEditors, EXTENSION_ID, fixture, freshReport, hoverUntilShown, screenshot, setSetting, sleep, waitFor } from './helpers';
import { log } from './log';

const VIEW_TYPE = 'policyLens.docxViewer';
const HARSTAD = 'docx/harstad_kommune_handlingsplan_likestilling_mangfold.docx';
const ENCRYPTED = 'docx-viewer/encrypted-password.docx';
/** The largest corpus DOCX (not in a fresh clone): 3.3 MB, 89,000 words. */
const MELD_ST_9 = '/work/shared/corpus/orig/meld_st_9_2023-2024_nasjonal_helse_og_samhandlingsplan.docx';

interface CliFinding {
  start: number;
  end: number;
  page: number;
  category: Category;
  text: string;
}

/** What the command line finds in a document (`policy-lens analyze FILE --format json`). */
const cli = (file: string) => cliAnalysis<CliFinding>(file);

async function openDocx(uri: vscode.Uri): Promise<void> {
  await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE, { preview: false, viewColumn: vscode.ViewColumn.One });
}

const docxApi = async () => (await api()).docx;
const ready = (s: DocxState) => s.state === 'ready' && s.phase === 'final';
const whenReady = async (uri: vscode.Uri, timeoutMs = 30_000) => (await docxApi()).whenState(uri, ready, timeoutMs);

/** Asks the viewer for a fresh full report and returns the first one after it that passes `pred`. */
const report = async (uri: vscode.Uri, pred: (r: DocxReport) => boolean = () => true, timeoutMs = 20_000) => freshReport(await docxApi(), uri, pred, timeoutMs);

let tmp: string;
const tmpFile = (name: string) => path.join(tmp, name);

describe('Policy Lens: DOCX viewer', function () {
  this.timeout(120_000);

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-docx-'));
  });
  afterEach(async () => {
    await setSetting('categories.directive', undefined);
    await setSetting('docx.maxFileSizeMB', undefined);
  });
  after(async () => {
    await closeAllEditors();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('is a custom editor for *.docx with priority option, and «Open DOCX with Policy Lens» opens it', async () => {
    const uri = fixture(HARSTAD);
    await assertCustomEditor(VIEW_TYPE, '*.docx', 'policyLens.openDocx', uri);
    await whenReady(uri);
  });

  it('highlights exactly the findings the CLI finds, over the words of the document drawn from its structure', async () => {
    const uri = fixture(HARSTAD);
    const expected = cli(uri.fsPath);
    assert.ok(expected.findings.length > 20, `the CLI finds ${expected.findings.length} findings`);
    await closeAllEditors();
    await sleep(300);
    const t0 = Date.now();
    await openDocx(uri);
    const docx = await docxApi();
    const first = await docx.whenReport(uri, (r) => r.firstHighlightedAt !== undefined, 30_000);
    log(`first highlights ${first.firstHighlightedAt! - t0} ms after vscode.openWith (webview timeline ${JSON.stringify(first.timeline)})`);
    const s = await whenReady(uri);
    // The same analysis as the CLI's: same offsets, categories and words.
    assert.deepStrictEqual(
      s.analysis!.findings.map((f: Finding) => [f.start, f.end, f.category, f.text]),
      expected.findings.map((f) => [f.start, f.end, f.category, f.text]),
    );
    assert.strictEqual(s.analysis!.score.value, expected.score.value);
    const r = await report(uri, (x) => x.phase === 'final' && x.drawnFindings === expected.findings.length);
    log(`webview: ${r.blocks} blocks (${r.headings} headings, ${r.listItems} list items, ${r.tables} tables), ${r.placedFindings} placed, ${r.drawnFindings} drawn, ${r.textMismatches} mismatches`);
    assert.strictEqual(r.placedFindings, expected.findings.length, 'findings placed on the words = CLI findings');
    assert.strictEqual(r.unplacedFindings, 0);
    assert.strictEqual(r.textMismatches, 0, 'every paragraph shows exactly its characters of the extracted text');
    assert.strictEqual(r.hiddenDrawn, 0);
    // Harstad's structure: its section titles are 20 one-cell tables, its values and measures bullet lists.
    assert.strictEqual(r.tables, 20);
    assert.ok(r.listItems >= 40, `${r.listItems} list items`);
    assert.strictEqual(r.message, '');
  });

  it('feeds the Findings tree and the Framing view, and a click scrolls to the finding, selects and flashes it', async () => {
    const uri = fixture(HARSTAD);
    await openDocx(uri);
    const pl = await api();
    const s = await whenReady(uri);
    const view = await waitFor('tree shows the DOCX', () => {
      const f = pl.findings();
      return f.document?.toString() === uri.toString() && f.categories.length > 0 ? f : undefined;
    });
    for (const c of CATEGORIES) {
      assert.strictEqual(view.categories.find((x) => x.category === c)?.count, s.analysis!.findings.filter((f) => f.category === c).length, c);
    }
    assert.strictEqual(pl.focus.source?.kind, 'docx');
    assert.match(pl.focus.source!.where(s.analysis!.findings[0].start), /^paragraph \d+$/, 'the tree says where: «paragraph N»');

    await vscode.commands.executeCommand('policyLens.showFraming');
    await waitFor('framing model of the DOCX', () => pl.framing.current && Math.abs(pl.framing.current.score.value - Math.round(s.analysis!.score.value)) <= 1);

    // «Click» the last directive finding in the tree: far down the document.
    const provider = pl.findingsProvider;
    const roots = (await provider.getChildren()) ?? [];
    const directive = roots.find((n) => n.kind === 'category' && n.category === 'directive')!;
    const children = (await provider.getChildren(directive)) ?? [];
    const last = children[children.length - 1];
    const item = await provider.getTreeItem(last);
    assert.match(String(item.description), /^paragraph \d+/);
    const before = (await report(uri)).revealed;
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const f = last.kind === 'finding' ? last.span.finding : undefined;
    const r = await report(uri, (x) => x.revealed > before, 30_000);
    assert.ok(r.revealFlashed > 0, 'the finding’s words were flashed');
    assert.strictEqual(r.selection.replace(/\s+/g, ''), f!.text.replace(/\s+/g, ''), 'the finding’s words are selected');
    assert.ok(r.scroll > 0.5, `scrolled down to the finding (${r.scroll})`);
    await report(uri, (x) => x.flashing === 0, 30_000);

    // A component of the Framing view (a sentence): flashed there too.
    const comp = s.analysis!.score.components.find((c) => c.sentences.length > 0)!;
    const sentence = s.analysis!.sentences[comp.sentences[0]];
    await pl.focus.source!.reveal(sentence.start, sentence.end, 'flash');
    await report(uri, (x) => x.revealed > r.revealed && x.revealFlashed > 0, 30_000);
  });

  it('explains a finding on hover, and F8 goes from finding to finding with the same explanation', async () => {
    const uri = fixture(HARSTAD);
    await openDocx(uri);
    const s = await whenReady(uri);
    const a = s.analysis!;
    const k = a.findings.findIndex((f) => f.category === 'directive' && a.sentences[f.sentence].deontic !== 'none');
    assert.ok(k >= 0);
    const docx = await docxApi();
    const r = await hoverUntilShown(docx, uri, k);
    const sentence = a.sentences[a.findings[k].sentence];
    assert.ok(r.tooltip.includes(a.findings[k].text), `tooltip quotes the finding: ${r.tooltip}`);
    assert.ok(r.tooltip.includes(deonticLabel(sentence.deontic)), `tooltip names the deontic force: ${r.tooltip}`);
    assert.ok(r.tooltip.includes('Document score'), r.tooltip);

    // Keyboard: the first finding in the text, then the next one (F8), then back (Shift+F8).
    const order = a.findings.map((f, i) => [f.start, i]).sort((x, y) => x[0] - y[0] || x[1] - y[1]).map(([, i]) => i);
    const step = async (direction: 1 | -1, expect: number) => {
      const before = (await report(uri)).revealed;
      await docx.post(uri, { type: 'nextFinding', direction });
      const x = await report(uri, (y) => y.revealed > before && y.tooltip.includes(a.findings[expect].text));
      assert.strictEqual(x.selection.replace(/\s+/g, ''), a.findings[expect].text.replace(/\s+/g, ''));
    };
    await step(1, order[0]);
    await step(1, order[1]);
    await step(-1, order[0]);
  });

  it('switching a category off removes its highlights, and on again restores them; find counts matches in the text', async () => {
    const uri = fixture(HARSTAD);
    await openDocx(uri);
    const s = await whenReady(uri);
    const all = await report(uri, (x) => x.phase === 'final' && x.drawnFindings === s.analysis!.findings.length);
    const directive = s.analysis!.findings.filter((f) => f.category === 'directive').length;
    assert.ok(directive > 0);
    await vscode.commands.executeCommand('policyLens.toggleHighlights', 'directive');
    const off = await report(uri, (x) => x.drawnFindings === all.drawnFindings - directive);
    assert.strictEqual(off.hiddenDrawn, 0, 'no highlight of a switched-off category in the DOM');
    await vscode.commands.executeCommand('policyLens.toggleHighlights', 'directive');
    await report(uri, (x) => x.drawnFindings === all.drawnFindings);

    const expected = (s.text!.match(/kommune/giu) ?? []).length;
    assert.ok(expected > 1);
    const docx = await docxApi();
    await docx.post(uri, { type: 'find', query: 'kommune' });
    const r = await report(uri, (x) => x.findMatches === expected);
    assert.strictEqual(r.findIndex, 0);
    await docx.post(uri, { type: 'find', query: '' });
    await report(uri, (x) => x.findMatches === 0);
  });

  it('codes a selection and autocodes, against the extracted text; the REFI-QDA export has the DOCX as a source', async () => {
    // A copy in its own folder: its codings go to that folder's .policylens (the default codebook).
    const file = tmpFile('koding.docx');
    fs.copyFileSync(fixture(HARSTAD).fsPath, file);
    const uri = vscode.Uri.file(file);
    await openDocx(uri);
    const docx = await docxApi();
    const s = await whenReady(uri);
    const text = s.text!;
    await report(uri, (x) => x.phase === 'final');
    // A sentence over more than one paragraph element is not needed: a long one in a list or paragraph.
    const sentence = s.analysis!.sentences.find((x) => x.end - x.start > 60 && x.end - x.start < 300)!;
    const words = text.slice(sentence.start, sentence.end);
    await docx.post(uri, { type: 'select', start: sentence.start, end: sentence.end });
    const r = await report(uri, (x) => x.selection.length > 0);
    assert.strictEqual(r.selection.replace(/\s+/g, ''), words.replace(/\s+/g, ''), 'the words are selected in the viewer');
    const COCREATION = keyGuid('category:cocreation');
    const coding = await vscode.commands.executeCommand<{ id: string } | undefined>('policyLens.applyCode', COCREATION);
    assert.ok(coding, 'Apply Code to Selection coded the viewer’s selection');
    const stored = JSON.parse(fs.readFileSync(codingFilePath(tmp, file), 'utf8')) as CodingFile;
    assert.strictEqual(stored.source, 'koding.docx');
    assert.strictEqual(stored.codings.length, 1);
    assert.strictEqual(stored.codings[0].target.selector[0].exact, words, 'the quote is the selected words of the extracted text');
    await report(uri, (x) => x.drawnCodings === 1, 30_000);

    const n = await vscode.commands.executeCommand<number | undefined>('policyLens.autocodeDocument', 'sentence');
    assert.ok(n && n > 0, `autocoding added codings (${n})`);
    const after = JSON.parse(fs.readFileSync(codingFilePath(tmp, file), 'utf8')) as CodingFile;
    assert.strictEqual(after.codings.length, 1 + n);
    for (const x of after.codings.filter((c) => c.origin === 'autocode').slice(0, 20)) assert.ok(text.includes(x.target.selector[0].exact));
    await report(uri, (x) => x.drawnCodings > 1, 30_000);

    // The REFI-QDA export: the DOCX is a text source whose rich text is the original file and whose plain text is
    // the extracted text the codings refer to (the workspace's codings are exported; this copy is outside it, so
    // its coding file is read from its folder by the export of that folder's codings as the CLI does).
    const target = tmpFile('projekt.qdpx');
    const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    const ex = spawnSync(process.execPath, [path.join(root, 'bin', 'policy-lens.js'), 'export', file, '--format', 'qdpx', '-o', target], {
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    });
    assert.strictEqual(ex.status, 0, ex.stderr);
    checkQdpx(target, fs.readFileSync(file), text, after.codings.find((c) => c.origin === 'manual')!, 'koding.docx');
  });

  it('the extension’s REFI-QDA export of the workspace ships a coded DOCX as a source', async () => {
    const uri = fixture(HARSTAD);
    await openDocx(uri);
    const s = await whenReady(uri);
    await report(uri, (x) => x.phase === 'final');
    const sentence = s.analysis!.sentences.find((x) => x.end - x.start > 40)!;
    const docx = await docxApi();
    await docx.post(uri, { type: 'select', start: sentence.start, end: sentence.end });
    await report(uri, (x) => x.selection.length > 0);
    const coding = await vscode.commands.executeCommand<{ id: string } | undefined>('policyLens.applyCode', keyGuid('category:innovation'));
    assert.ok(coding);
    const target = tmpFile('workspace.qdpx');
    const out = await vscode.commands.executeCommand<vscode.Uri | undefined>('policyLens.exportQdpx', vscode.Uri.file(target));
    assert.ok(out);
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const stored = JSON.parse(fs.readFileSync(codingFilePath(folder, uri.fsPath), 'utf8')) as CodingFile;
    checkQdpx(target, fs.readFileSync(uri.fsPath), s.text!, stored.codings.find((c) => c.id === coding.id)!, stored.source);
    // Leave the workspace's codings as they were.
    await vscode.commands.executeCommand('policyLens.removeCoding', { kind: 'coding', coding: stored.codings.find((c) => c.id === coding.id), doc: (await api()).coding.store.peek(uri) });
  });

  it('reloads when the file changes on disk', async () => {
    const file = tmpFile('endres.docx');
    fs.copyFileSync(fixture(HARSTAD).fsPath, file);
    const uri = vscode.Uri.file(file);
    await openDocx(uri);
    const docx = await docxApi();
    const first = await whenReady(uri);
    fs.writeFileSync(file, makeDocx(['Bydelene skal rapportere innen fristen.', 'Kommunen kan prøve ut samskaping med innbyggerne.']));
    const second = await docx.whenState(uri, (s) => ready(s) && s.text !== first.text, 30_000);
    assert.deepStrictEqual(
      second.analysis!.findings.map((f) => [f.start, f.end, f.category]),
      cli(file).findings.map((f) => [f.start, f.end, f.category]),
      'the new content is analysed',
    );
    await report(uri, (x) => x.phase === 'final' && x.blocks === 2 && x.drawnFindings === second.analysis!.findings.length);
  });

  it('an encrypted, damaged, truncated, empty, too large DOCX or a file that is not one gets a clear message', async () => {
    const docx = await docxApi();
    const expectError = async (name: string, bytes: Uint8Array, code: string, message: RegExp) => {
      const file = tmpFile(name);
      fs.writeFileSync(file, bytes);
      const uri = vscode.Uri.file(file);
      await openDocx(uri);
      const s = await docx.whenState(uri, (x) => x.state === 'error');
      assert.strictEqual(s.code, code, `${name}: ${s.message}`);
      assert.match(s.message!, message, name);
      const r = await report(uri, (x) => x.message.length > 0);
      assert.match(r.message, message, `${name}: the viewer says it`);
      assert.strictEqual(r.blocks, 0, `${name}: nothing drawn`);
      log(`${name}: ${r.message}`);
    };
    await expectError('kryptert.docx', fs.readFileSync(fixture(ENCRYPTED).fsPath), 'unsupported', /encrypted/);
    const real = fs.readFileSync(fixture(HARSTAD).fsPath);
    await expectError('avkortet.docx', real.subarray(0, real.length >> 1), 'corrupt', /damaged/);
    let seed = 7;
    await expectError('tilfeldig.docx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from(new Uint8Array(3000).map(() => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff))]), 'corrupt', /damaged|cannot be read/);
    await expectError('tekst.docx', Buffer.from('Kommunen skal rapportere.\nThis is a text file with a .docx name.\n'), 'corrupt', /not a DOCX/);
    await expectError('tom.docx', makeDocx([]), 'no-text', /no text/);
    await setSetting('docx.maxFileSizeMB', 0.2);
    await expectError('stor.docx', real, 'too-large', /MB/);

    // The viewer still works for a good DOCX.
    await setSetting('docx.maxFileSizeMB', undefined);
    const fine = tmpFile('fin.docx');
    fs.writeFileSync(fine, makeDocx(['Kommunen skal rapportere innen fristen.']));
    await openDocx(vscode.Uri.file(fine));
    const f = await whenReady(vscode.Uri.file(fine));
    assert.ok(f.analysis!.findings.some((x) => x.text === 'skal'));
  });

  it('checks every message from the webview', async () => {
    const uri = fixture(HARSTAD);
    await openDocx(uri);
    const s = await whenReady(uri);
    const docx = await docxApi();
    const before = docx.rejected();
    for (const bad of [
      { type: 'openLink', url: 'https://www.ks.no/' },
      { type: 'explain', id: 1, finding: -1, analysisId: 1 },
      { type: 'explain', id: 1, finding: 0, analysisId: 1, extra: true },
      { type: 'selection', id: 1, analysisId: 1, start: 9, end: 3 },
      { type: 'viewState', scroll: 2 },
      { type: 'runCommand', command: 'workbench.action.quit' },
      'ready',
      null,
    ]) {
      assert.strictEqual(await docx.receive(uri, bad), false, JSON.stringify(bad));
    }
    assert.strictEqual(docx.rejected(), before + 8);
    assert.ok(await docx.receive(uri, { type: 'viewState', scroll: 0.25 }));
    assert.ok(await docx.receive(uri, { type: 'explain', id: 9, finding: 0, analysisId: s.analysis ? 2 : 0 }));
  });

  it('follows the theme: light and dark (screenshots of each)', async () => {
    const uri = fixture(HARSTAD);
    await closeAllEditors();
    await openDocx(uri);
    await whenReady(uri);
    const cfg = vscode.workspace.getConfiguration('workbench');
    try {
      for (const [theme, kind] of [
        ['Default Light Modern', 'light'],
        ['Default Dark Modern', 'dark'],
      ] as const) {
        await cfg.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
        const r = await report(uri, (x) => x.theme === kind && x.phase === 'final', 30_000);
        assert.strictEqual(r.theme, kind);
        if (process.env.VSX_SCREENSHOT_DIR) log(`docx viewer in ${theme}: ${await screenshot(`docx-viewer-${kind}.png`)}`);
      }
    } finally {
      await cfg.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('opens the largest corpus DOCX (Meld. St. 9, 89,000 words): the text first, then its findings (= CLI)', async function () {
    if (!fs.existsSync(MELD_ST_9)) this.skip();
    this.timeout(240_000);
    const uri = vscode.Uri.file(MELD_ST_9);
    const expected = cli(MELD_ST_9);
    await closeAllEditors();
    await sleep(300);
    const docx = await docxApi();
    const t0 = Date.now();
    await openDocx(uri);
    const text = await docx.whenReport(uri, (r) => r.blocks > 0, 60_000);
    const tText = Date.now() - t0;
    const first = await docx.whenReport(uri, (r) => r.firstHighlightedAt !== undefined, 120_000);
    const s = await whenReady(uri, 120_000);
    const tReady = Date.now() - t0;
    assert.strictEqual(s.analysis!.findings.length, expected.findings.length);
    const r = await report(uri, (x) => x.drawnFindings === expected.findings.length, 60_000);
    log(
      `Meld. St. 9: text shown ${tText} ms, first highlights ${first.firstHighlightedAt! - t0} ms, analysed ${tReady} ms after vscode.openWith; ` +
        `${r.blocks} blocks, ${r.headings} headings, ${r.tables} tables, ${r.drawnFindings} findings drawn (CLI ${expected.findings.length}), ${r.textMismatches} mismatches; webview ${JSON.stringify(text.timeline)}`,
    );
    assert.strictEqual(r.placedFindings, expected.findings.length);
    assert.strictEqual(r.textMismatches, 0);
    await closeAllEditors();
  });

  it('screenshot: a DOCX with its findings, a hover explanation and the Findings view', async function () {
    if (!process.env.VSX_SCREENSHOT_DIR) this.skip();
    await closeAllEditors();
    await vscode.commands.executeCommand('workbench.action.closePanel').then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar').then(undefined, () => undefined);
    const uri = fixture(HARSTAD);
    await openDocx(uri);
    const s = await whenReady(uri);
    const pl = await api();
    await vscode.commands.executeCommand('policyLens.showSidebar');
    await waitFor('tree shows the DOCX', () => pl.findings().document?.toString() === uri.toString());
    await openDocx(uri);
    const docx = await docxApi();
    await docx.post(uri, { type: 'scrollTo', fraction: 0 });
    const a = s.analysis!;
    const k = a.findings.findIndex((f) => f.category === 'directive' && a.sentences[f.sentence].deontic === 'obligation');
    let file: string | undefined;
    let shown = false;
    for (let attempt = 1; attempt <= 5 && !shown; attempt++) {
      await hoverUntilShown(docx, uri, Math.max(0, k));
      file = await screenshot('docx-viewer.png');
      shown = (await report(uri)).tooltip.length > 0;
    }
    log(`docx viewer screenshot: ${file}`);
    assert.ok(shown, 'the hover explanation was shown while the screenshot was taken');
  });
});

/** A small DOCX with one paragraph per string. */
function makeDocx(paras: string[]): Uint8Array {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const body = paras.map((t) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`).join('');
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
  });
}

/** A .qdpx has the DOCX as a text source: the original as its rich text, the extracted text as its plain text. */
function checkQdpx(file: string, original: Buffer, text: string, coding: CodingFile['codings'][number], name: string): void {
  const zip = unzipSync(new Uint8Array(fs.readFileSync(file)));
  const qde = new TextDecoder().decode(zip['project.qde']);
  const m = new RegExp(`<TextSource [^>]*name="${name.replace(/[.]/g, '\\.')}"[^>]*>`).exec(qde);
  assert.ok(m, `a TextSource named ${name} in project.qde`);
  const rich = /richTextPath="internal:\/\/([^"]+\.docx)"/.exec(m[0]);
  const plain = /plainTextPath="internal:\/\/([^"]+\.txt)"/.exec(m[0]);
  assert.ok(rich && plain, `richTextPath and plainTextPath: ${m[0]}`);
  assert.ok(Buffer.from(zip[`sources/${rich[1]}`]).equals(original), 'the rich text is the original DOCX, byte for byte');
  assert.strictEqual(new TextDecoder().decode(zip[`sources/${plain[1]}`]), text.replace(/\r\n?/g, '\n'), 'the plain text is the extracted text');
  const source = qde.slice(m.index, qde.indexOf('</TextSource>', m.index));
  const pos = coding.target.selector[1];
  assert.ok(source.includes(`startPosition="${pos.start}" endPosition="${pos.end}"`), `the coded passage ${pos.start}–${pos.end} is a selection of the DOCX's text`);
  assert.ok(source.includes(`targetGUID="${coding.code}"`), 'coded with its code');
}
