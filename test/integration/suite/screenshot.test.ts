import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, closeAllEditors, HOD_MD, open, screenshot, sleep, waitFor } from './helpers';
import { log } from './log';

describe('Policy Lens: screenshots', function () {
  before(function () {
    // Only the code-server harness can take screenshots.
    if (!process.env.VSX_SCREENSHOT_DIR) this.skip();
  });
  after(closeAllEditors);

  it('editor with highlights and the Framing view', async () => {
    await closeAllEditors();
    const editor = await open(HOD_MD);
    const pl = await api();
    const a = await pl.whenAnalyzed(editor.document);
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar').then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closePanel').then(undefined, () => undefined);
    await vscode.commands.executeCommand('policyLens.showFraming');
    // The Framing view alone in the container (the Findings view is shown again afterwards), and the side bar a
    // little wider: the editor has the focus, so narrowing it widens the side bar.
    await vscode.commands.executeCommand('policyLens.findings.removeView').then(undefined, () => undefined);
    await vscode.window.showTextDocument(editor.document, { preserveFocus: false });
    for (let i = 0; i < 2; i++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth').then(undefined, () => undefined);
    const model = await waitFor('the Framing view drew the letter', () => {
      const m = pl.framing.current;
      return m && pl.framing.lastRendered?.model === m.id && m.title === HOD_MD ? m : undefined;
    });
    await vscode.window.showTextDocument(editor.document, { preserveFocus: false });
    const blank = Array.from({ length: editor.document.lineCount }, (_, i) => i).find((i) => editor.document.lineAt(i).isEmptyOrWhitespace) ?? 0;
    editor.selection = new vscode.Selection(blank, 0, blank, 0);
    editor.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
    await waitFor('decorations', () => pl.decorations(editor).directive.length > 0);
    // A click on a directive sentence in the view: the editor shows it, flashed.
    const ref = model.components.find((c) => c.id === 'directive')!.sentences.find((r) => a.sentences[r.index].start > 400);
    if (ref) await pl.framing.receive({ type: 'reveal', model: model.id, kind: 'sentence', index: ref.index });
    await vscode.commands.executeCommand('policyLens.showFraming');
    await sleep(300);
    const file = await screenshot('editor-framing.png');
    log(`framing screenshot: ${file}`);
    assert.ok(file);
    await vscode.commands.executeCommand('policyLens.findings.toggleVisibility').then(undefined, () => undefined);
    await vscode.window.showTextDocument(editor.document, { preserveFocus: false });
    for (let i = 0; i < 2; i++) await vscode.commands.executeCommand('workbench.action.increaseViewWidth').then(undefined, () => undefined);
  });

  it('the Framing view in dark and high-contrast themes', async () => {
    const editor = await open(HOD_MD);
    const pl = await api();
    await pl.whenAnalyzed(editor.document);
    await vscode.commands.executeCommand('policyLens.showFraming');
    const workbench = vscode.workspace.getConfiguration('workbench');
    try {
      for (const [theme, name] of [
        ['Default Dark Modern', 'framing-dark.png'],
        ['Default High Contrast', 'framing-hc.png'],
        ['Default High Contrast Light', 'framing-hc-light.png'],
      ]) {
        await workbench.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
        await sleep(1500);
        log(`${theme}: ${await screenshot(name)}`);
      }
    } finally {
      await workbench.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('editor with highlights, the Findings view and a hover', async () => {
    await closeAllEditors();
    const editor = await open(HOD_MD);
    const pl = await api();
    const a = await pl.whenAnalyzed(editor.document);
    // A clean window: no secondary side bar or panel; the Findings view with its first category expanded.
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar').then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closePanel').then(undefined, () => undefined);
    await vscode.commands.executeCommand('policyLens.showSidebar');
    await waitFor('tree shows the document', () => pl.findings().categories.length > 0);
    await sleep(300);
    await vscode.commands.executeCommand('list.focusFirst').then(undefined, () => undefined);
    await vscode.commands.executeCommand('list.expand').then(undefined, () => undefined);
    await sleep(300);
    await vscode.window.showTextDocument(editor.document, { preserveFocus: false });
    // Scroll to the directive-dense part of the letter.
    const f = a.findings.find((x) => x.category === 'directive' && a.sentences[x.sentence].actor)!;
    const pos = editor.document.positionAt(f.start + 1);
    // The cursor on an empty line: on a word, VS Code would also highlight the word's other occurrences.
    const blank = Array.from({ length: editor.document.lineCount }, (_, i) => i).find((i) => editor.document.lineAt(i).isEmptyOrWhitespace) ?? 0;
    editor.selection = new vscode.Selection(blank, 0, blank, 0);
    editor.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
    await waitFor('decorations', () => pl.decorations(editor).directive.length > 0);
    await sleep(1500); // let the workbench paint
    const file = await screenshot('editor-highlights.png');
    log(`editor screenshot: ${file}`);
    assert.ok(file);

    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenter);

    await vscode.commands.executeCommand('editor.action.showHover');
    await sleep(1500);
    const hover = await screenshot('editor-hover.png');
    log(`hover screenshot: ${hover}`);
    await vscode.commands.executeCommand('editor.action.hideHover').then(undefined, () => undefined);
  });
});
