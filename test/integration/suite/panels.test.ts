import * as assert from 'assert';
import * as vscode from 'vscode';
import { analyzeText, CATEGORIES, Category } from '../../../src/core';
import { optionsFor } from '../../../src/extension/engine';
import type { FindingsNode } from '../../../src/extension/findingsTree';
import { categoryLabel } from '../../../src/extension/labels';
import { api, closeAllEditors, HOD_MD, open, OSLO_MD, waitFor } from './helpers';

describe('Policy Lens: Findings view', () => {
  after(closeAllEditors);

  it('groups the findings by category with the right counts', async () => {
    const editor = await open(HOD_MD);
    const pl = await api();
    await pl.whenAnalyzed(editor.document);
    await vscode.commands.executeCommand('policyLens.showSidebar');
    const expected = analyzeText(editor.document.getText(), optionsFor(editor.document));
    const counts = Object.fromEntries(CATEGORIES.map((c) => [c, expected.findings.filter((f) => f.category === c).length])) as Record<Category, number>;

    const view = await waitFor('tree shows the document', () => {
      const f = pl.findings();
      return f.document?.toString() === editor.document.uri.toString() && f.categories.length > 0 ? f : undefined;
    });
    assert.deepStrictEqual(
      view.categories.map((c) => [c.category, c.count]),
      CATEGORIES.map((c) => [c, counts[c]]),
    );
    assert.ok(view.message.includes(String(expected.findings.length)), `view message «${view.message}» gives the total`);

    const provider = pl.findingsProvider;
    const roots = (await provider.getChildren()) as FindingsNode[];
    for (const node of roots) {
      assert.strictEqual(node.kind, 'category');
      if (node.kind !== 'category') continue;
      const item = await provider.getTreeItem(node);
      assert.strictEqual(item.label, categoryLabel(node.category));
      assert.strictEqual(item.description, String(counts[node.category]), `${node.category} count`);
      const children = ((await provider.getChildren(node)) ?? []) as FindingsNode[];
      assert.strictEqual(children.length, counts[node.category]);
    }
  });

  it('follows the active editor', async () => {
    const pl = await api();
    const editor = await open(OSLO_MD);
    await pl.whenAnalyzed(editor.document);
    const view = await waitFor('tree shows the Oslo report', () => {
      const f = pl.findings();
      return f.document?.toString() === editor.document.uri.toString() && f.categories.length > 0 ? f : undefined;
    });
    const district = view.categories.find((c) => c.category === 'district')!;
    assert.ok(district.count > 0, 'the district reform excerpt has district findings');
  });

  it('navigates to a finding on click', async () => {
    const editor = await open(HOD_MD);
    const pl = await api();
    const a = await pl.whenAnalyzed(editor.document);
    await waitFor('tree shows the document', () => pl.findings().document?.toString() === editor.document.uri.toString());
    const provider = pl.findingsProvider;
    const control = ((await provider.getChildren()) as FindingsNode[]).find((n) => n.kind === 'category' && n.category === 'control')!;
    const children = (await provider.getChildren(control)) as FindingsNode[];
    const last = children[children.length - 1];
    const item = await provider.getTreeItem(last);
    assert.ok(item.command, 'a finding item has a command');
    assert.strictEqual(item.command.command, 'policyLens.revealFinding');

    // Move the cursor away first, then "click".
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const f = last.kind === 'finding' ? last.span.finding : undefined;
    assert.ok(f && a.findings.includes(f));
    const active = vscode.window.activeTextEditor!;
    assert.strictEqual(active.document.uri.toString(), editor.document.uri.toString());
    assert.strictEqual(active.document.getText(active.selection), f.text, 'the finding is selected');
  });
});
