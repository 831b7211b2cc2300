/// <reference types="mocha" />
/**
 * Policy Lens in the browser: the web extension (package.json `browser`, dist/web/extension.js) in VS Code's web
 * worker extension host, in code-server's web UI shown in Chromium. What the command line says about the same files
 * (`web-expected.json`, written into the workspace by the harness with `policy-lens analyze --format json`: the
 * test itself cannot start processes) is what the browser must show: highlights and score in a text editor, the DOCX
 * and PDF viewers' findings (pdf.js in a Web Worker), hovers, the Framing and Findings views, a workspace lexicon
 * file, coding and the REFI-QDA export through `vscode.workspace.fs`; the features that need Node are hidden.
 */
import * as assert from './assert';
import * as vscode from 'vscode';
import { CATEGORIES, CodingFile, codingFileRelativePath, keyGuid } from '../../../src/core';
import type { Category } from '../../../src/core';
import type { DocxReport } from '../../../src/extension/docx/protocol';
import type { PolicyLensApi } from '../../../src/extension/extension';
import type { RenderReport } from '../../../src/extension/pdf/protocol';
import { freshReport, hoverUntilShown, sleep, waitFor } from '../../shared/wait';
import { log } from './log';

const EXTENSION_ID = 'policy-lens.policy-lens';
const MD = 'tildelingsbrev-helsedirektoratet-2026-utdrag.md';
const DOCX = 'docx/harstad_kommune_handlingsplan_likestilling_mangfold.docx';
const PDF = 'pdf/ks_storbynettverk_innspill_2026.pdf';

interface Expected {
  score: number;
  findings: [number, number, Category, string][];
}

function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'a workspace folder is open');
  return f.uri;
}

const fixture = (name: string) => vscode.Uri.joinPath(folder(), ...name.split('/'));

async function api(): Promise<PolicyLensApi> {
  const ext = vscode.extensions.getExtension<PolicyLensApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is loaded`);
  return ext.isActive ? ext.exports : await ext.activate();
}

let expected: Record<string, Expected>;

export function webTests(): void {
  describe('Policy Lens in the browser (web worker extension host)', function () {
    this.timeout(120_000);

    before(async () => {
      const bytes = await vscode.workspace.fs.readFile(fixture('web-expected.json'));
      expected = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, Expected>;
    });
    after(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('runs the browser bundle in the web worker extension host (no Node)', async () => {
      assert.strictEqual(typeof (globalThis as { process?: unknown }).process, 'undefined', 'no Node `process`: a web worker host');
      assert.strictEqual(typeof (globalThis as { require?: unknown }).require === 'function' && !!(globalThis as { Buffer?: unknown }).Buffer, false);
      const pl = await api();
      assert.strictEqual(pl.platform, 'web');
      assert.strictEqual(pl.audit, undefined, 'no workspace audit on the web');
      const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
      assert.ok(String((ext.packageJSON as { browser?: string }).browser).endsWith('dist/web/extension.js'));
      log(`web host: ${vscode.env.appName} ${vscode.version}, uiKind ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'}, ${folder().scheme}: workspace`);
    });

    it('highlights a Markdown document in the editor: findings and score = the CLI’s', async () => {
      const want = expected[MD];
      assert.ok(want && want.findings.length > 10);
      const doc = await vscode.workspace.openTextDocument(fixture(MD));
      const editor = await vscode.window.showTextDocument(doc, { preview: false });
      const pl = await api();
      const t0 = Date.now();
      const a = await pl.whenAnalyzed(doc, 60_000);
      log(`analysed in the web worker in ${Date.now() - t0} ms (engine ${Math.round(pl.timing(doc.uri).engineMs ?? 0)} ms, mode ${pl.engine().mode})`);
      assert.strictEqual(pl.engine().mode, 'worker', 'the engine runs in a Web Worker');
      assert.deepStrictEqual(
        a.findings.map((f) => [f.start, f.end, f.category, f.text]),
        want.findings,
      );
      assert.strictEqual(a.score.value, want.score);
      const painted = await waitFor('decorations', () => {
        const d = pl.decorations(editor);
        return CATEGORIES.some((c) => d[c].length > 0) ? d : undefined;
      });
      for (const c of CATEGORIES) {
        assert.strictEqual(painted[c].length, want.findings.filter((f) => f[2] === c).length, `${c} highlights`);
      }
      const v = Math.round(want.score);
      const shown = v > 0 ? `+${v}` : v < 0 ? `\u2212${-v}` : '0';
      const status = await waitFor('the score in the status item', () => (pl.status().state === 'ready' ? pl.status() : undefined));
      assert.ok(status.text.includes(shown), `the status item shows the score ${shown}: ${status.text}`);
    });

    it('explains a finding on hover; the Framing and Findings views show the document', async () => {
      const doc = await vscode.workspace.openTextDocument(fixture(MD));
      await vscode.window.showTextDocument(doc, { preview: false });
      const pl = await api();
      const a = await pl.whenAnalyzed(doc);
      const f = a.findings.find((x) => x.category === 'directive')!;
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(f.start + 1))) ?? [];
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
      assert.ok(text.includes('Policy Lens') && text.includes('Directive'), `hover: ${text.slice(0, 300)}`);

      await vscode.commands.executeCommand('policyLens.showFraming');
      await waitFor('the Framing view shows the score', () => pl.framing.current && Math.abs(pl.framing.current.score.value - Math.round(a.score.value)) <= 1);
      const view = await waitFor('the Findings view shows the document', () => {
        const s = pl.findings();
        return s.document?.toString() === doc.uri.toString() && s.categories.length ? s : undefined;
      });
      for (const c of CATEGORIES) assert.strictEqual(view.categories.find((x) => x.category === c)?.count, a.findings.filter((x) => x.category === c).length, c);
    });

    it('loads the workspace lexicon file (read with workspace.fs) and re-analyses when it is created in VS Code', async () => {
      const doc = await vscode.workspace.openTextDocument(fixture(MD));
      await vscode.window.showTextDocument(doc, { preview: false });
      const pl = await api();
      const before = await pl.whenAnalyzed(doc);
      const term = 'forvaltningsmodell';
      assert.ok(doc.getText().includes(term), `the letter says «${term}»`);
      assert.ok(!before.findings.some((f) => f.text.toLowerCase() === term));
      const lexicon = vscode.Uri.joinPath(folder(), '.policylens', 'lexicon.json');
      const entry = { $schema: './lexicon.schema.json', name: 'web', version: '1.0.0', entries: [{ id: 'enabling.forvaltningsmodell', category: 'enabling', weight: 1, terms: [term] }] };
      // created and saved as a user does it (the Explorer, the editor): the extension hears of it at once, without
      // waiting for the file watcher, which on the web's remote file system takes seconds
      const create = new vscode.WorkspaceEdit();
      create.createFile(lexicon, { contents: new TextEncoder().encode(JSON.stringify(entry, null, 2)) });
      assert.ok(await vscode.workspace.applyEdit(create), 'the lexicon file is created');
      try {
        const after = await waitFor('the lexicon is used', async () => {
          const x = await pl.whenAnalyzed(doc);
          return x.findings.some((f) => f.text.toLowerCase() === term && f.category === 'enabling') ? x : undefined;
        });
        assert.ok(pl.lexicons().loaded.some((l) => l.endsWith('.policylens/lexicon.json')), JSON.stringify(pl.lexicons()));
        assert.ok(after.findings.length > before.findings.length);
      } finally {
        const remove = new vscode.WorkspaceEdit();
        remove.deleteFile(lexicon, { ignoreIfNotExists: true });
        await vscode.workspace.applyEdit(remove);
        await waitFor('the lexicon is gone', () => pl.lexicons().loaded.length === 0);
      }
    });

    it('the DOCX viewer: the structured document with the CLI’s findings on its words', async () => {
      const uri = fixture(DOCX);
      const want = expected[DOCX];
      const pl = await api();
      const t0 = Date.now();
      await vscode.commands.executeCommand('vscode.openWith', uri, 'policyLens.docxViewer');
      const s = await pl.docx.whenState(uri, (x) => x.state === 'ready' && x.phase === 'final', 60_000);
      assert.deepStrictEqual(s.analysis!.findings.map((f) => [f.start, f.end, f.category, f.text]), want.findings);
      const r = await freshReport<DocxReport>(pl.docx, uri, (x) => x.drawnFindings === want.findings.length);
      log(`DOCX in the browser: ready ${Date.now() - t0} ms after openWith; ${r.blocks} blocks, ${r.tables} tables, ${r.drawnFindings} findings drawn, ${r.textMismatches} mismatches`);
      assert.strictEqual(r.placedFindings, want.findings.length);
      assert.strictEqual(r.textMismatches, 0);
      const h = await hoverUntilShown<DocxReport>(pl.docx, uri, 0);
      assert.ok(h.tooltip.includes(want.findings[0][3]), h.tooltip);
    });

    it('the PDF viewer: pdf.js extracts in a Web Worker the text the CLI extracts; findings drawn on the pages', async () => {
      const uri = fixture(PDF);
      const want = expected[PDF];
      const pl = await api();
      const t0 = Date.now();
      await vscode.commands.executeCommand('vscode.openWith', uri, 'policyLens.pdfViewer');
      const s = await pl.pdf.whenState(uri, (x) => x.state === 'ready' && x.phase === 'final', 90_000);
      assert.deepStrictEqual(s.analysis!.findings.map((f) => [f.start, f.end, f.category, f.text]), want.findings);
      const loaded = await pl.pdf.whenReport(uri, (x: RenderReport) => x.pages > 0 || !!x.error, 60_000).catch(() => pl.pdf.state(uri)?.reports[0]);
      assert.ok(loaded && loaded.pages > 0, `the viewer draws the pages with pdf.js: ${JSON.stringify(loaded)}`);
      await pl.pdf.post(uri, { type: 'scroll', to: 'all' });
      const r = await pl.pdf.whenReport(uri, (x: RenderReport) => x.visits > 0 && x.phase === 'final', 90_000);
      log(`PDF in the browser: ready ${Date.now() - t0} ms after openWith; ${r.pages} pages, ${r.drawnFindings} findings drawn, ${r.textMismatches} mismatches`);
      assert.strictEqual(r.drawnFindings, want.findings.length);
      assert.strictEqual(r.textMismatches, 0, "the webview's pdf.js gives the web worker's items");
    });

    it('codes a passage and exports a REFI-QDA project, through workspace.fs', async () => {
      const doc = await vscode.workspace.openTextDocument(fixture(MD));
      const editor = await vscode.window.showTextDocument(doc, { preview: false });
      const pl = await api();
      const a = await pl.whenAnalyzed(doc);
      const sentence = a.sentences.find((x) => x.end - x.start > 40)!;
      editor.selection = new vscode.Selection(doc.positionAt(sentence.start), doc.positionAt(sentence.end));
      const code = keyGuid('category:cocreation');
      const coding = await vscode.commands.executeCommand<{ id: string } | undefined>('policyLens.applyCode', code);
      assert.ok(coding, 'the selection is coded');
      const file = vscode.Uri.joinPath(folder(), codingFileRelativePath(MD));
      const stored = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as CodingFile;
      assert.strictEqual(stored.codings.at(-1)!.target.selector[0].exact, doc.getText().slice(sentence.start, sentence.end));
      const target = vscode.Uri.joinPath(folder(), 'web-project.qdpx');
      const out = await vscode.commands.executeCommand<vscode.Uri | undefined>('policyLens.exportQdpx', target);
      assert.ok(out);
      const zip = await vscode.workspace.fs.readFile(target);
      assert.strictEqual(zip[0], 0x50, 'a ZIP package');
      assert.ok(zip.length > 500);
    });

    it('the drafting assistant in the browser: the light bulb’s rewrites and a comparison, from a Web Worker', async () => {
      const doc = await vscode.workspace.openTextDocument(fixture(MD));
      await vscode.window.showTextDocument(doc, { preview: false });
      const pl = await api();
      const a = await pl.whenAnalyzed(doc, 60_000);
      const target = a.sentences.find((x) => x.text === 'Helsedirektoratet skal samarbeide med Folkehelseinstituttet.' && x.framing === 'top-down');
      assert.ok(target, 'a top-down sentence');
      const pos = doc.positionAt(target.start + 5);
      const kind = 'refactor.rewrite.policyLens';
      const actions = await waitFor('the rewrites', async () => {
        const all = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(pos, pos), kind)) ?? [];
        const ours = all.filter((x) => x.kind?.value === kind);
        return ours.length ? ours : undefined;
      }, 60_000);
      const edit = actions[0].edit!.get(doc.uri)[0];
      assert.strictEqual(doc.getText(edit.range), target.text);
      assert.ok(edit.newText !== target.text, 'a rewrite');
      assert.strictEqual(pl.drafting.engine().mode, 'worker', 'the rewrites come from a Web Worker');
      log(`web light bulb: ${actions.length} rewrites, first «${edit.newText}»`);
      // compare the hand-edited letter with the corpus letter (text versions, in the drafting worker)
      const v2 = await vscode.workspace.openTextDocument(fixture('compare/hod_supplerende_tildelingsbrev_nr2_2026_helsedirektoratet_v2.md'));
      await vscode.window.showTextDocument(v2, { preview: false });
      const r = await vscode.commands.executeCommand<{ model: number }>('policyLens.compareWith', v2.uri, { against: 'file', file: fixture('corpus/hod_supplerende_tildelingsbrev_nr2_2026_helsedirektoratet.md') });
      assert.ok(r, 'a report');
      await waitFor('the report is drawn', () => pl.drafting.report.lastRendered?.model === r.model, 60_000);
      const groups = pl.drafting.report.current!.model.groups;
      assert.strictEqual(groups.find((g) => g.id === 'more-enabling')!.items.length, 2);
      assert.strictEqual(groups.find((g) => g.id === 'added')!.items.length, 1);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('hides what needs Node: the audit, comparison, concordance and thread', async () => {
      const commands = await vscode.commands.getCommands(true);
      // Run anyway (from a palette shown before the extension set its context key), they say why and do nothing.
      const before = await vscode.workspace.fs.readDirectory(folder());
      await vscode.commands.executeCommand('policyLens.auditWorkspace');
      const after = await vscode.workspace.fs.readDirectory(folder());
      assert.deepStrictEqual(after.map(([n]) => n).sort(), before.map(([n]) => n).sort(), 'no audit ran');
      const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
        contributes: { menus: { commandPalette: { command: string; when?: string }[] }; views: { policyLens: { id: string; when?: string }[] } };
      };
      for (const c of ['policyLens.auditWorkspace', 'policyLens.concordance', 'policyLens.thread']) {
        const entry = pkg.contributes.menus.commandPalette.find((m) => m.command === c);
        assert.strictEqual(entry?.when, '!policyLens.web', `${c} is hidden by a when clause`);
      }
      assert.strictEqual(pkg.contributes.views.policyLens.find((v) => v.id === 'policyLens.concordance')?.when, '!policyLens.web');
      for (const c of ['policyLens.applyCode', 'policyLens.autocodeDocument', 'policyLens.exportQdpx', 'policyLens.openPdf', 'policyLens.openDocx', 'policyLens.openLexicon']) {
        assert.ok(commands.includes(c), `${c} works on the web`);
      }
    });

    it('screenshot: a highlighted Markdown document and a DOCX side by side, in the browser', async function () {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar').then(undefined, () => undefined);
      await vscode.commands.executeCommand('workbench.action.closePanel').then(undefined, () => undefined);
      const doc = await vscode.workspace.openTextDocument(fixture(MD));
      await vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.One });
      const pl = await api();
      await pl.whenAnalyzed(doc);
      const uri = fixture(DOCX);
      await vscode.commands.executeCommand('vscode.openWith', uri, 'policyLens.docxViewer', { viewColumn: vscode.ViewColumn.Two, preview: false });
      await pl.docx.whenState(uri, (x) => x.state === 'ready' && x.phase === 'final', 60_000);
      await vscode.commands.executeCommand('policyLens.showSidebar');
      await vscode.commands.executeCommand('vscode.openWith', uri, 'policyLens.docxViewer', { viewColumn: vscode.ViewColumn.Two, preview: false });
      const a = pl.docx.state(uri)!.analysis!;
      const k = a.findings.findIndex((f) => f.category === 'directive' && a.sentences[f.sentence].deontic === 'obligation');
      await hoverUntilShown<DocxReport>(pl.docx, uri, Math.max(0, k));
      log('[[vsx-screenshot:web-extension.png]]');
      await sleep(3000);
    });
  });
}

