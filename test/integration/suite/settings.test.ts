import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, closeAllEditors, fixture, HOD_MD, open, setSetting, sleep, waitFor } from './helpers';

describe('Policy Lens: settings', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-it-'));
  });
  afterEach(async () => {
    await setSetting('analyzeOn', undefined);
    await setSetting('lexiconFiles', undefined);
    await setSetting('publishDiagnostics', undefined);
    await setSetting('limits.textMB', undefined);
    await setSetting('limits.sentences', undefined);
  });
  after(async () => {
    await closeAllEditors();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('has the documented defaults', () => {
    const c = vscode.workspace.getConfiguration('policyLens');
    assert.strictEqual(c.get('analyzeOn'), 'onType');
    assert.strictEqual(c.get('debounceMs'), 400);
    assert.strictEqual(c.get('language'), 'auto');
    assert.strictEqual(c.get('publishDiagnostics'), false);
    assert.deepStrictEqual(c.get('documentSelector'), []);
    assert.deepStrictEqual(c.get('lexiconFiles'), []);
    for (const cat of ['directive', 'enabling', 'innovation', 'cocreation', 'collaboration', 'control', 'district']) {
      assert.strictEqual(c.get(`categories.${cat}`), true, cat);
    }
  });

  it('policyLens.limits.textMB: a document over the limit is refused with the message naming the setting; raising it analyses it', async () => {
    const c = vscode.workspace.getConfiguration('policyLens');
    assert.strictEqual(c.get('limits.textMB'), 32);
    assert.strictEqual(c.get('limits.zipRatio'), 100);
    const editor = await open(HOD_MD);
    const pl = await api();
    const before = await pl.whenAnalyzed(editor.document);
    assert.ok(before.findings.length > 0);
    await setSetting('limits.textMB', 0.001); // about 1 000 characters: the fixture is longer
    const s = await waitFor('refused', () => (pl.status().state === 'error' ? pl.status() : undefined));
    assert.match(s.detail, /refused: its text is .* over the limit of 0\.001 MB \(text size\).*policyLens\.limits\.textMB/);
    await setSetting('limits.textMB', undefined);
    const after = await waitFor('analysed again', () => (pl.status().state === 'ready' ? pl.getAnalysis(editor.document.uri) : undefined));
    assert.strictEqual(after.findings.length, before.findings.length);
  });

  it('policyLens.limits.sentences: a document with more sentences is refused in the editor, naming the setting; raising it analyses it', async () => {
    const c = vscode.workspace.getConfiguration('policyLens');
    assert.strictEqual(c.get('limits.sentences'), 200000);
    const editor = await open(HOD_MD);
    const pl = await api();
    const before = await pl.whenAnalyzed(editor.document);
    assert.ok(before.sentences.length > 10);
    await setSetting('limits.sentences', 10);
    const s = await waitFor('refused', () => (pl.status().state === 'error' ? pl.status() : undefined));
    assert.match(s.detail, /refused: its text has more than 10 sentences, over the limit of 10 sentences \(sentences in one document\).*policyLens\.limits\.sentences/);
    await setSetting('limits.sentences', undefined);
    const after = await waitFor('analysed again', () => (pl.status().state === 'ready' ? pl.getAnalysis(editor.document.uri) : undefined));
    assert.strictEqual(after.sentences.length, before.sentences.length);
  });

  it('manual: analyses only on the command', async () => {
    await setSetting('analyzeOn', 'manual');
    const pl = await api();
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Bydelene skal rapportere innen 1. mars.\n' });
    await vscode.window.showTextDocument(doc);
    await sleep(800);
    assert.strictEqual(pl.getAnalysis(doc.uri), undefined, 'not analysed on open');
    assert.strictEqual(pl.status().state, 'idle');
    const r = await vscode.commands.executeCommand<{ findings: number }>('policyLens.analyze');
    assert.ok(r && r.findings > 0, 'the command analyses');
    assert.ok(pl.getAnalysis(doc.uri));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('onSave: analyses on open and on save, not while typing', async () => {
    await setSetting('analyzeOn', 'onSave');
    const file = path.join(tmp, 'onsave.md');
    fs.writeFileSync(file, 'Kommunen kan prøve ut nye løsninger.\n');
    const pl = await api();
    const editor = await vscode.window.showTextDocument(vscode.Uri.file(file));
    const first = await pl.whenAnalyzed(editor.document);
    await editor.edit((b) => b.insert(new vscode.Position(1, 0), 'Bydelene skal rapportere innen 1. mars.\n'));
    await sleep(900);
    assert.strictEqual(pl.getAnalysis(editor.document.uri), first, 'typing does not re-analyse');
    await editor.document.save();
    const second = await waitFor('analysis after save', () => {
      const a = pl.getAnalysis(editor.document.uri);
      return a !== first ? a : undefined;
    });
    assert.ok(second.findings.some((f) => f.text === 'skal'));
  });

  it('a broken lexicon file gives a lexicon error; the built-in lexicon keeps working', async () => {
    const bad = path.join(tmp, 'broken.lexicon.json');
    fs.writeFileSync(bad, '{ "version": "1.0.0", "entries": [ { "id": "x", "category": "nonsense", "terms": ["pilot"] } ] }\n');
    const editor = await open(HOD_MD);
    const pl = await api();
    await setSetting('lexiconFiles', [bad]);
    const s = await waitFor('lexicon error', () => (pl.status().state === 'lexicon-error' ? pl.status() : undefined));
    assert.strictEqual(s.severity, vscode.LanguageStatusSeverity.Error);
    assert.ok(s.detail.includes('broken.lexicon.json'), `the detail names the file: ${s.detail}`);
    const a = await pl.whenAnalyzed(editor.document);
    assert.ok(a.findings.length > 0, 'still analysed with the built-in lexicon');
    await setSetting('lexiconFiles', undefined);
    await waitFor('error cleared', () => pl.status().state !== 'lexicon-error');
  });

  it('a user lexicon adds findings', async () => {
    const extra = path.join(tmp, 'extra.lexicon.json');
    fs.writeFileSync(
      extra,
      JSON.stringify({ version: '1.0.0', entries: [{ id: 'it-helsenorge', category: 'innovation', weight: 1, terms: ['Helsenorge'] }] }),
    );
    const editor = await open(HOD_MD);
    const pl = await api();
    const before = await pl.whenAnalyzed(editor.document);
    assert.ok(!before.findings.some((f) => f.entry === 'it-helsenorge'));
    await setSetting('lexiconFiles', [extra]);
    const after = await waitFor('re-analysis with the user lexicon', () => {
      const a = pl.getAnalysis(editor.document.uri);
      return a && a.findings.some((f) => f.entry === 'it-helsenorge') ? a : undefined;
    });
    assert.ok(after.findings.filter((f) => f.entry === 'it-helsenorge').length >= 3);
  });

  it('publishDiagnostics is opt-in', async () => {
    const editor = await open(HOD_MD);
    const pl = await api();
    const a = await pl.whenAnalyzed(editor.document);
    const mine = () => vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'Policy Lens');
    assert.strictEqual(mine().length, 0, 'off by default');
    await setSetting('publishDiagnostics', true);
    await waitFor('diagnostics', () => mine().length === a.findings.length);
    await setSetting('publishDiagnostics', false);
    await waitFor('diagnostics cleared', () => mine().length === 0);
  });

  it('the fixtures are the ones the tests expect', () => {
    assert.ok(fs.existsSync(fixture(HOD_MD).fsPath));
  });
});
