import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { parseLexicon } from '../../../src/core';
import { addTermToLexicon, lexiconPlan } from '../../../src/extension/workspaceLexicon';
import { api, closeAllEditors, EXTENSION_ID, fixture, HOD_MD, open, waitFor } from './helpers';
import { log } from './log';

function workspaceFolder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the harness opens a workspace folder');
  return f.uri;
}

describe('Policy Lens: workspace lexicon', () => {
  let dir: string;
  let file: string;
  before(() => {
    dir = path.join(workspaceFolder().fsPath, '.policylens');
    file = path.join(dir, 'lexicon.json');
    fs.rmSync(dir, { recursive: true, force: true });
  });
  after(async () => {
    await closeAllEditors();
    fs.rmSync(dir, { recursive: true, force: true });
    const pl = await api();
    await waitFor('workspace lexicon unloaded', () => !pl.lexicons().loaded.includes(file), 10_000);
  });

  it('«Open Workspace Lexicon» creates .policylens/lexicon.json with its $schema', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('policyLens.openLexicon', workspaceFolder());
    assert.strictEqual(uri?.fsPath, file);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, file, 'the lexicon is opened');
    const text = fs.readFileSync(file, 'utf8');
    const json = JSON.parse(text) as { $schema: string; version: string; entries: unknown[] };
    assert.strictEqual(json.$schema, './lexicon.schema.json');
    assert.deepStrictEqual(json.entries, []);
    // The $schema resolves: the engine's schema, beside the file.
    const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    assert.strictEqual(
      fs.readFileSync(path.join(dir, 'lexicon.schema.json'), 'utf8'),
      fs.readFileSync(path.join(root, 'src', 'core', 'lexicon', 'lexicon.schema.json'), 'utf8'),
    );
    assert.deepStrictEqual(parseLexicon(text, file).errors.map(String), [], 'the engine accepts the new file');
    const pl = await api();
    await waitFor('the workspace lexicon is loaded', () => pl.lexicons().loaded.includes(file));
  });

  it('«Add Selection to Workspace Lexicon» writes a valid entry that the analysis uses', async () => {
    const editor = await open(HOD_MD);
    const pl = await api();
    const before = await pl.whenAnalyzed(editor.document);
    // Select «Helsenorge» in the letter, as a user would, and add it as an innovation term.
    const at = editor.document.getText().indexOf('Helsenorge');
    editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at + 'Helsenorge'.length));
    assert.ok(!before.findings.some((f) => f.text === 'Helsenorge'));
    const res = await vscode.commands.executeCommand<{ file: string; id: string }>('policyLens.addToLexicon', { category: 'innovation', folder: workspaceFolder() });
    assert.ok(res, 'the command added the term');
    assert.strictEqual(res.file, file);
    const text = fs.readFileSync(file, 'utf8');
    const parsed = parseLexicon(text, file);
    assert.deepStrictEqual(parsed.errors.map(String), [], 'the engine accepts the file');
    const entry = parsed.entries.find((e) => e.id === res.id)!;
    assert.deepStrictEqual([entry.category, entry.terms], ['innovation', ['Helsenorge']]);
    assert.strictEqual(JSON.parse(text).$schema, './lexicon.schema.json', 'the $schema stays');
    const after = await waitFor('re-analysis with the workspace lexicon', () => {
      const a = pl.getAnalysis(editor.document.uri);
      return a && a.findings.some((f) => f.entry === res.id) ? a : undefined;
    });
    assert.ok(after.findings.filter((f) => f.entry === res.id).length >= 3, '«Helsenorge» is now an innovation finding');
    // The same term again: nothing is written.
    assert.strictEqual(await vscode.commands.executeCommand('policyLens.addToLexicon', { term: 'helsenorge', category: 'innovation', folder: workspaceFolder() }), undefined);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), text);
  });

  it('a term typed into the open workspace lexicon is used when the file is saved', async () => {
    const pl = await api();
    const editor = await open(HOD_MD);
    const letter = editor.document.uri;
    await pl.whenAnalyzed(editor.document);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    const added = addTermToLexicon(doc.getText(), file, 'tildelingsbrev', 'control');
    assert.ok(added.ok, 'the term is new');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), added.text);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await doc.save(), 'saved');
    await waitFor('the saved term is used', () => pl.getAnalysis(letter)?.findings.some((f) => f.entry === added.id), 10_000);
  });

  it('VS Code validates the file against the schema (contributes.jsonValidation)', async () => {
    const bad = JSON.stringify({ $schema: './lexicon.schema.json', version: '1.0.0', entries: [{ id: 'x', category: 'nonsense', terms: ['pilot'] }] }, null, 2);
    // Without $schema too: the association by file name.
    const noSchema = bad.replace('"$schema": "./lexicon.schema.json",\n  ', '');
    for (const content of [bad, noSchema]) {
      fs.writeFileSync(file, content + '\n');
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      await vscode.window.showTextDocument(doc);
      if (doc.getText() !== content + '\n') await vscode.commands.executeCommand('workbench.action.files.revert');
      const line = doc.getText().split('\n').findIndex((l) => l.includes('nonsense'));
      const diags = await waitFor('schema diagnostics', () => {
        const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.source !== 'Policy Lens' && x.range.start.line === line);
        return d.length > 0 ? d : undefined;
      }, 20_000);
      log(`schema validation: ${diags.map((d) => `${d.source ?? ''} ${d.message}`).join(' | ')}`);
    }
  });

  it('a broken workspace lexicon: diagnostics in the file, the status links to it, the built-in lexicon keeps working', async () => {
    fs.writeFileSync(file, JSON.stringify({ version: '1.0.0', entries: [{ id: 'x', category: 'innovation', terms: ['a*b'] }] }, null, 2) + '\n');
    const editor = await open(HOD_MD);
    const pl = await api();
    const s = await waitFor('lexicon error', () => (pl.status().state === 'lexicon-error' && pl.status().detail.includes('a*b') ? pl.status() : undefined));
    assert.strictEqual(s.command, 'policyLens.showLexiconProblem');
    assert.ok(s.detail.includes('lexicon.json'), s.detail);
    const ours = await waitFor('Policy Lens diagnostics in the lexicon', () => {
      const d = vscode.languages.getDiagnostics(vscode.Uri.file(file)).filter((x) => x.source === 'Policy Lens' && x.message.includes('a*b'));
      return d.length > 0 ? d : undefined;
    });
    const a = await pl.whenAnalyzed(editor.document);
    assert.ok(a.findings.some((f) => f.category === 'directive'), 'still analysed with the built-in lexicon');
    // The status item's link opens the file at the problem.
    const line = ours[0].range.start.line;
    await vscode.commands.executeCommand('policyLens.showLexiconProblem', file, line + 1, 1);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, file);
    assert.strictEqual(vscode.window.activeTextEditor?.selection.active.line, line);
    // Fixed and saved: reloaded, the error is gone.
    const doc = vscode.window.activeTextEditor!.document;
    // The earlier test left this file open with other content; VS Code may not have read the new content from disk yet.
    if (!doc.getText().includes('a*b')) await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor('the editor holds the file as written', () => doc.getText().includes('a*b') || undefined);
    const edit = new vscode.WorkspaceEdit();
    const at = doc.getText().indexOf('a*b');
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + 3)), 'pilot*');
    assert.ok(await vscode.workspace.applyEdit(edit), 'the fix is applied');
    assert.ok(await doc.save(), 'the fixed lexicon is saved');
    await waitFor('error cleared on save', () => pl.status().state !== 'lexicon-error');
  });

  it('is not loaded in an untrusted workspace (the plan), and the manifest restricts the setting', () => {
    assert.deepStrictEqual(lexiconPlan(false, ['/w/.policylens/lexicon.json']), { load: [], skipped: ['/w/.policylens/lexicon.json'] });
    assert.deepStrictEqual(lexiconPlan(true, ['/w/.policylens/lexicon.json']), { load: ['/w/.policylens/lexicon.json'], skipped: [] });
    // The harness starts VS Code with --disable-workspace-trust: this workspace is trusted, and its lexicon loads.
    assert.strictEqual(vscode.workspace.isTrusted, true);
  });

  it('adds terms only as entries the engine accepts', () => {
    const base = '{\n  // a comment the edit keeps\n  "version": "1.0.0",\n  "entries": []\n}\n';
    const ok = addTermToLexicon(base, 'x.json', 'tjenestedesign', 'innovation');
    assert.ok(ok.ok);
    if (ok.ok) {
      assert.ok(ok.text.includes('// a comment the edit keeps'));
      assert.deepStrictEqual(parseLexicon(ok.text, 'x.json').entries.map((e) => [e.id, e.terms]), [['innovation.tjenestedesign', ['tjenestedesign']]]);
    }
    const refused = addTermToLexicon(base, 'x.json', '**', 'innovation');
    assert.ok(!refused.ok && refused.reason === 'invalid', 'a pattern the engine refuses is not written');
    const broken = addTermToLexicon('{ "version": "1.0.0", "entries": [ ', 'x.json', 'pilot', 'innovation');
    assert.ok(!broken.ok && broken.reason === 'invalid', 'a file with a syntax error is not edited');
  });
});

describe('Policy Lens: export report', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-export-'));
  });
  after(async () => {
    await closeAllEditors();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('JSON: the CLI’s record of the same file', async () => {
    const editor = await open(HOD_MD);
    const pl = await api();
    await pl.whenAnalyzed(editor.document);
    const target = vscode.Uri.file(path.join(tmp, 'report.json'));
    const written = await vscode.commands.executeCommand<vscode.Uri>('policyLens.exportReport', target);
    assert.strictEqual(written?.fsPath, target.fsPath);
    const ours = JSON.parse(fs.readFileSync(target.fsPath, 'utf8')) as Record<string, unknown>;
    const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    const cli = JSON.parse(
      execFileSync(process.execPath, [path.join(root, 'bin', 'policy-lens.js'), 'analyze', fixture(HOD_MD).fsPath, '--format', 'json'], {
        encoding: 'utf8',
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      }),
    )[0] as Record<string, unknown>;
    delete ours.file;
    delete cli.file;
    assert.deepStrictEqual(ours, cli);
  });

  it('Markdown and CSV', async () => {
    const editor = await open(HOD_MD);
    const pl = await api();
    const a = await pl.whenAnalyzed(editor.document);
    const mdFile = vscode.Uri.file(path.join(tmp, 'report.md'));
    await vscode.commands.executeCommand('policyLens.exportReport', mdFile);
    const md = fs.readFileSync(mdFile.fsPath, 'utf8');
    assert.ok(md.startsWith(`# Policy Lens report: ${HOD_MD.replace(/_/g, '\\_')}`), md.slice(0, 120));
    assert.ok(md.includes(`**Score ${a.score.value < 0 ? '\u2212' : '+'}${Math.abs(Math.round(a.score.value))}**`));
    assert.ok(md.includes('## What makes up the score') && md.includes('District-role gap'));
    const csvFile = vscode.Uri.file(path.join(tmp, 'report.csv'));
    await vscode.commands.executeCommand('policyLens.exportReport', csvFile);
    const rows = fs.readFileSync(csvFile.fsPath, 'utf8').trimEnd().split('\n');
    assert.ok(rows[0].startsWith('file,where,start,end,category'));
    assert.strictEqual(rows.length, a.findings.length + 1, 'one row per finding');
  });
});
