import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { addresseeOf, analyzeText, checklist, compareVersions, documentScoreChange, inferStance, suggestRewrites } from '../../../src/core';
import { formatDelta } from '../../../src/extension/labels';
import { SUGGEST_KIND } from '../../../src/extension/draft/codeActions';
import { optionsFor } from '../../../src/extension/engine';
import { api, closeAllEditors, fixture, HOD_MD, open, screenshot, sleep, waitFor } from './helpers';
import { log } from './log';

const LETTER = 'corpus/hod_supplerende_tildelingsbrev_nr2_2026_helsedirektoratet.md';
const LETTER_V2 = 'compare/hod_supplerende_tildelingsbrev_nr2_2026_helsedirektoratet_v2.md';

/** The light bulb's actions at a position (our kind only). */
async function actionsAt(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.CodeAction[]> {
  const pl = await api();
  await pl.whenAnalyzed(doc);
  return waitFor('code actions', async () => {
    const all = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(pos, pos), SUGGEST_KIND.value)) ?? [];
    const ours = all.filter((a) => a.kind?.value === SUGGEST_KIND.value);
    return ours.length ? ours : undefined;
  }, 20_000);
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.com' },
  });
}

describe('Policy Lens: drafting assistant', function () {
  this.timeout(120_000);
  after(closeAllEditors);

  it('offers the engine’s rewrites of a top-down sentence as code actions; applying one is an undoable edit', async () => {
    const editor = await open(HOD_MD);
    const doc = editor.document;
    const pl = await api();
    const a = await pl.whenAnalyzed(doc);
    const target = a.sentences.find((s) => s.framing === 'top-down' && s.text === 'Helsedirektoratet skal samarbeide med Folkehelseinstituttet.')!;
    assert.ok(target, 'the letter has the sentence, top-down');
    const original = doc.getText();
    const pos = doc.positionAt(target.start + 5);
    const actions = await actionsAt(doc, pos);
    // the same rewrites the engine gives the sentence in its document
    const expected = suggestRewrites(target.text, { stance: inferStance(original), addressee: addresseeOf(a), standard: a.language, labels: target });
    assert.strictEqual(actions.length, expected.suggestions.length);
    const range = new vscode.Range(doc.positionAt(target.start), doc.positionAt(target.end));
    const texts: string[] = [];
    const deltas: number[] = [];
    for (const action of actions) {
      const edits = action.edit!.get(doc.uri);
      assert.strictEqual(edits.length, 1);
      assert.ok(edits[0].range.isEqual(range), 'replaces exactly the sentence');
      texts.push(edits[0].newText);
      assert.ok(/→/.test(action.title) && action.title.includes(edits[0].newText.slice(0, 20)), action.title);
      // the title previews the document's score change: the engine's, for this rewrite
      const sug = expected.suggestions.find((x) => x.text === edits[0].newText)!;
      const change = documentScoreChange(a, target.index, sug.labels, sug.text);
      assert.ok(action.title.endsWith(`${formatDelta(change.before)} → ${formatDelta(change.after)}, ${formatDelta(change.delta)})`), action.title);
      deltas.push(change.delta);
      log(`  code action: ${action.title}`);
    }
    assert.deepStrictEqual([...texts].sort(), expected.suggestions.map((x) => x.text).sort());
    for (let i = 1; i < deltas.length; i++) assert.ok(deltas[i - 1] >= deltas[i], 'ranked by the document score change');
    assert.strictEqual(actions[0].isPreferred, true);
    // apply the first: the document changes, the engine reads the sentence there as not top-down, and undo restores it
    assert.ok(await vscode.workspace.applyEdit(actions[0].edit!));
    assert.strictEqual(doc.getText(), original.slice(0, target.start) + texts[0] + original.slice(target.end));
    const b = await pl.whenAnalyzed(doc);
    const now = b.sentences.find((s) => s.start === target.start)!;
    assert.strictEqual(now.text, texts[0]);
    assert.notStrictEqual(now.framing, 'top-down');
    assert.ok(b.score.value >= a.score.value, 'the document score does not get worse');
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    await waitFor('undo', () => doc.getText() === original);
    // no action on a sentence that is not top-down
    const other = a.sentences.find((s) => s.framing !== 'top-down' && s.text.length > 20 && !s.excluded);
    assert.ok(other, 'the letter has a sentence that is not top-down');
    const none = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(doc.positionAt(other.start + 2), doc.positionAt(other.start + 2)), SUGGEST_KIND.value)) ?? [];
    assert.strictEqual(none.filter((x) => x.kind?.value === SUGGEST_KIND.value).length, 0);
  });

  it('a legal duty gets a disabled action with the note', async () => {
    const text = '# Supplerende tildelingsbrev til bydelene\n\nBydelene skal gi tjenester i henhold til forskrift om kvalitet i pleie- og omsorgstjenestene.\n\nBydelene skal rapportere innen 1. mars.\n';
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    await vscode.window.showTextDocument(doc);
    const pos = doc.positionAt(text.indexOf('Bydelene skal gi') + 3);
    const pl = await api();
    await pl.whenAnalyzed(doc);
    // VS Code's executeCodeActionProvider leaves disabled actions out (its menu shows them): ask the provider itself
    const context: vscode.CodeActionContext = { diagnostics: [], only: SUGGEST_KIND, triggerKind: vscode.CodeActionTriggerKind.Invoke };
    const actions = await pl.drafting.codeActions.provideCodeActions(doc, new vscode.Range(pos, pos), context, new vscode.CancellationTokenSource().token);
    assert.strictEqual(actions.length, 1);
    assert.ok(actions[0].disabled?.reason.includes('i henhold til forskrift'), JSON.stringify(actions[0].disabled));
    assert.strictEqual(actions[0].edit, undefined);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('compares the letter with an older version chosen as a file: the report lists the edited sentences and links into both', async () => {
    await closeAllEditors();
    const newDoc = await vscode.workspace.openTextDocument(fixture(LETTER_V2));
    await vscode.window.showTextDocument(newDoc, vscode.ViewColumn.One);
    const pl = await api();
    const r = await vscode.commands.executeCommand<{ model: number; items: number }>('policyLens.compareWith', newDoc.uri, { against: 'file', file: fixture(LETTER) });
    assert.ok(r, 'a report');
    const report = pl.drafting.report;
    await waitFor('the report is drawn', () => report.lastRendered?.model === r.model);
    const shown = report.current!;
    const engine = compareVersions(analyzeText(fs.readFileSync(fixture(LETTER).fsPath, 'utf8'), optionsFor(newDoc)), analyzeText(newDoc.getText(), optionsFor(newDoc)));
    const group = (id: string) => shown.model.groups.find((g) => g.id === id)!.items;
    assert.strictEqual(group('more-enabling').length, engine.sentences.moreEnabling.length);
    assert.strictEqual(group('more-enabling').length, 2);
    assert.strictEqual(group('more-top-down').length, 1);
    assert.strictEqual(group('added').length, 1);
    assert.strictEqual(group('removed').length, 1);
    assert.strictEqual(report.lastRendered!.items, shown.model.items.length, 'the webview drew every item');
    assert.strictEqual(report.lastRendered!.groups, shown.model.groups.length);
    // the changed words are marked
    const first = shown.model.items[group('more-enabling')[0]];
    assert.deepStrictEqual(first.old!.segments.filter((s) => s.changed).map((s) => s.text.trim()), ['skal']);
    assert.deepStrictEqual(first.new!.segments.filter((s) => s.changed).map((s) => s.text.trim()), ['kan']);
    // links into both versions
    const i = group('more-enabling')[0];
    assert.ok(await report.receive({ type: 'reveal', model: r.model, item: i, side: 'old' }));
    let ed = vscode.window.activeTextEditor!;
    assert.strictEqual(ed.document.uri.scheme, 'policylens-version');
    assert.strictEqual(ed.document.getText(ed.selection), 'Helsedirektoratet skal samarbeide med Folkehelseinstituttet.');
    assert.ok(await report.receive({ type: 'reveal', model: r.model, item: i, side: 'new' }));
    ed = vscode.window.activeTextEditor!;
    assert.strictEqual(ed.document.uri.toString(), newDoc.uri.toString());
    assert.strictEqual(ed.document.getText(ed.selection), 'Helsedirektoratet kan samarbeide med Folkehelseinstituttet.');
    // messages that do not pass the check are dropped
    const before = report.rejected;
    const added = group('added')[0];
    const bad: unknown[] = [
      { type: 'reveal', model: r.model, item: shown.model.items.length, side: 'old' },
      { type: 'reveal', model: r.model, item: added, side: 'old' }, // an added sentence has no old side
      { type: 'reveal', model: r.model + 1, item: 0, side: 'new' },
      { type: 'reveal', model: r.model, item: 0, side: 'both' },
      { type: 'reveal', model: r.model, item: '0', side: 'new' },
      { type: 'reveal', model: r.model, item: 0, side: 'new', start: 3 },
      { type: 'open', path: '/etc/passwd' },
      null,
    ];
    for (const m of bad) assert.strictEqual(await report.receive(m), false, JSON.stringify(m));
    assert.strictEqual(report.rejected - before, bad.length);
  });

  it('compares a document with its last committed version through the git extension', async function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-git-'));
    const file = path.join(dir, 'tildelingsbrev.md');
    const original = fs.readFileSync(fixture(LETTER).fsPath, 'utf8');
    fs.writeFileSync(file, original);
    git(dir, 'init', '-q');
    git(dir, 'add', 'tildelingsbrev.md');
    git(dir, 'commit', '-q', '-m', 'letter');
    fs.writeFileSync(file, original.replace('Prosjektgruppen skal avklare ressursbehov', 'Prosjektgruppen kan avklare ressursbehov'));
    const gitConfig = vscode.workspace.getConfiguration('git');
    await gitConfig.update('enabled', true, vscode.ConfigurationTarget.Global);
    try {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
      const pl = await api();
      const r = await waitFor(
        'a comparison with HEAD',
        async () => await vscode.commands.executeCommand<{ model: number; items: number } | undefined>('policyLens.compareWith', doc.uri, { against: 'git' }),
        30_000,
      );
      await waitFor('the report is drawn', () => pl.drafting.report.lastRendered?.model === r.model);
      const m = pl.drafting.report.current!.model;
      const enabling = m.groups.find((g) => g.id === 'more-enabling')!.items.map((k) => m.items[k]);
      assert.deepStrictEqual(
        enabling.map((it) => it.new!.segments.map((s) => s.text).join('')),
        ['Prosjektgruppen kan avklare ressursbehov og tilgang til helsefaglig kompetanse.'],
      );
      for (const g of m.groups) if (g.id !== 'more-enabling') assert.strictEqual(g.items.length, 0, g.id);
      assert.ok(m.oldLabel.includes('tildelingsbrev.md'));
    } finally {
      await gitConfig.update('enabled', undefined, vscode.ConfigurationTarget.Global);
      await closeAllEditors();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the Framing view shows the study’s checklist with the sentences that decide each item', async () => {
    const editor = await open(LETTER_V2);
    const pl = await api();
    const a = await pl.whenAnalyzed(editor.document);
    await vscode.commands.executeCommand('policyLens.showFraming');
    const model = await waitFor('the Framing view draws the letter', () => {
      const m = pl.framing.current;
      return m && m.title === path.basename(LETTER_V2) && pl.framing.lastRendered?.model === m.id && m.status === '' ? m : undefined;
    });
    const engine = checklist(a);
    assert.deepStrictEqual(model.checklist.map((c) => [c.id, c.ok]), engine.map((c) => [c.id, c.ok]));
    for (const [i, item] of model.checklist.entries()) assert.deepStrictEqual(item.sentences.map((s) => s.index), engine[i].sentences.slice(0, 40));
    // the hand-edited version gives the districts a role in innovation (the sentence added)
    const role = model.checklist.find((c) => c.id === 'district-role')!;
    assert.strictEqual(role.ok, true);
    assert.ok(role.sentences.some((s) => s.text.startsWith('Bydelene i Oslo får handlingsrom')));
    await waitFor('the webview drew the checklist', () => pl.framing.lastChecklist?.model === model.id);
    assert.deepStrictEqual(pl.framing.lastChecklist, { model: model.id, items: 5, ticked: engine.filter((c) => c.ok).length });
    // a click on a deciding sentence reveals it
    assert.ok(await pl.framing.receive({ type: 'reveal', model: model.id, kind: 'sentence', index: role.sentences[0].index }));
    await waitFor('the sentence is flashed', () => pl.lastFlash()?.shown && editor.document.getText(pl.lastFlash()!.range).startsWith('Bydelene i Oslo'));
  });
});

describe('Policy Lens: drafting screenshots', function () {
  this.timeout(120_000);
  before(function () {
    if (!process.env.VSX_SCREENSHOT_DIR) this.skip();
  });
  after(closeAllEditors);

  it('the light bulb’s rewrites of a top-down sentence', async () => {
    await closeAllEditors();
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar').then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closePanel').then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeSidebar').then(undefined, () => undefined);
    const editor = await open(HOD_MD);
    const doc = editor.document;
    const pl = await api();
    const a = await pl.whenAnalyzed(doc);
    const target = a.sentences.find((s) => s.text === 'Helsedirektoratet skal samarbeide med Folkehelseinstituttet.')!;
    const pos = doc.positionAt(target.start + 20);
    await actionsAt(doc, pos);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenter);
    await sleep(1500); // the light bulb appears
    await vscode.commands.executeCommand('editor.action.codeAction', { kind: SUGGEST_KIND.value, apply: 'never' });
    await sleep(1500);
    log(`code action screenshot: ${await screenshot('code-action.png')}`);
    await vscode.commands.executeCommand('hideCodeActionWidget').then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('the Framing view’s checklist', async () => {
    await closeAllEditors();
    const editor = await open(LETTER_V2);
    const pl = await api();
    await pl.whenAnalyzed(editor.document);
    await vscode.commands.executeCommand('policyLens.showFraming');
    const model = await waitFor('the Framing view draws the letter', () => {
      const m = pl.framing.current;
      return m && m.title === path.basename(LETTER_V2) && pl.framing.lastChecklist?.model === m.id ? m : undefined;
    });
    assert.strictEqual(model.checklist.length, 5);
    // the Framing view alone in the container (the other views come back afterwards)
    const views = ['policyLens.findings', 'policyLens.concordance', 'policyLens.codes'];
    for (const v of views) await vscode.commands.executeCommand(`${v}.removeView`).then(undefined, () => undefined);
    await sleep(1500);
    log(`checklist screenshot: ${await screenshot('framing-checklist.png')}`);
    for (const v of views) await vscode.commands.executeCommand(`${v}.toggleVisibility`).then(undefined, () => undefined);
  });

  it('the comparison report', async () => {
    await closeAllEditors();
    const newDoc = await vscode.workspace.openTextDocument(fixture(LETTER_V2));
    await vscode.window.showTextDocument(newDoc, vscode.ViewColumn.One);
    const pl = await api();
    const r = await vscode.commands.executeCommand<{ model: number }>('policyLens.compareWith', newDoc.uri, { against: 'file', file: fixture(LETTER) });
    await waitFor('the report is drawn', () => pl.drafting.report.lastRendered?.model === r.model);
    // the report alone in the window
    await vscode.commands.executeCommand('workbench.action.closeSidebar').then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.focusSecondEditorGroup').then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.toggleMaximizeEditorGroup').then(undefined, () => undefined);
    await sleep(2000);
    log(`comparison screenshot: ${await screenshot('compare-report.png')}`);
    await vscode.commands.executeCommand('workbench.action.toggleMaximizeEditorGroup').then(undefined, () => undefined);
  });
});
