import * as assert from 'assert';
import * as vscode from 'vscode';
import { formatScore } from '../../../src/extension/labels';
import { api, closeAllEditors, EXTENSION_ID, HOD_MD, open, SUNNMORE_TXT, waitFor } from './helpers';
import { log } from './log';

describe('Policy Lens: activation', () => {
  after(closeAllEditors);

  it('runs inside a real VS Code extension host', () => {
    log(
      `appName=${vscode.env.appName} version=${vscode.version} uiKind=${vscode.env.uiKind} remoteName=${vscode.env.remoteName ?? '-'} node=${process.version}`,
    );
    const [major, minor] = vscode.version.split('.').map(Number);
    assert.ok(major > 1 || minor >= 100, `VS Code ${vscode.version} is older than engines.vscode`);
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID), 'the extension under development is loaded');
  });

  it('activates on a Markdown document and analyses it', async () => {
    const editor = await open(HOD_MD);
    assert.strictEqual(editor.document.languageId, 'markdown');
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    await waitFor('activation (onLanguage:markdown)', () => ext.isActive);
    const a = await (await api()).whenAnalyzed(editor.document);
    assert.strictEqual(a.format, 'md');
    assert.ok(a.findings.some((f) => f.category === 'directive'), 'the allocation letter has directive findings');
  });

  it('analyses a plain-text (Nynorsk) document too', async () => {
    const editor = await open(SUNNMORE_TXT);
    assert.strictEqual(editor.document.languageId, 'plaintext');
    const a = await (await api()).whenAnalyzed(editor.document);
    assert.strictEqual(a.format, 'txt');
    const maa = a.findings.filter((f) => f.category === 'directive' && f.text.toLowerCase() === 'må');
    assert.ok(maa.length > 0, 'the Nynorsk «må» sentences are directive findings');
  });

  it('shows the score in the language status item', async () => {
    const editor = await open(HOD_MD);
    const pl = await api();
    const a = await pl.whenAnalyzed(editor.document);
    const s = await waitFor('status ready', () => (pl.status().state === 'ready' ? pl.status() : undefined));
    assert.ok(s.text.includes(formatScore(a.score.value)), `status «${s.text}» shows the score ${formatScore(a.score.value)}`);
    assert.ok(s.detail.includes(a.score.label), `status detail «${s.detail}» names the score label`);
    assert.strictEqual(s.busy, false);
  });
});
