import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { analyzeText, CATEGORIES, Category, DocumentAnalysis } from '../../../src/core';
import { optionsFor } from '../../../src/extension/engine';
import { sentenceImpact } from '../../../src/core';
import { deonticLabel, formatDelta, framingLabel } from '../../../src/extension/labels';
import { api, closeAllEditors, fixture, HOD_MD, open, OSLO_MD, rangeKey, setSetting, waitFor } from './helpers';

/** What the engine says about the document's current text, as editor ranges per category. */
function expectedRanges(doc: vscode.TextDocument): { analysis: DocumentAnalysis; ranges: Record<Category, string[]> } {
  const analysis = analyzeText(doc.getText(), optionsFor(doc));
  const ranges = Object.fromEntries(CATEGORIES.map((c) => [c, [] as string[]])) as Record<Category, string[]>;
  for (const f of analysis.findings) ranges[f.category].push(rangeKey(new vscode.Range(doc.positionAt(f.start), doc.positionAt(f.end))));
  for (const c of CATEGORIES) ranges[c].sort();
  return { analysis, ranges };
}

function painted(decorations: Record<Category, vscode.Range[]>): Record<Category, string[]> {
  return Object.fromEntries(CATEGORIES.map((c) => [c, decorations[c].map(rangeKey).sort()])) as Record<Category, string[]>;
}

async function hoverText(doc: vscode.TextDocument, pos: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos)) ?? [];
  return hovers
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')))
    .filter((t) => t.includes('Policy Lens'))
    .join('\n')
    .replace(/\\(.)/g, '$1'); // unescape Markdown
}

describe('Policy Lens: highlights and hovers', () => {
  afterEach(async () => {
    await setSetting('categories.directive', undefined);
  });
  after(closeAllEditors);

  it('paints exactly the engine findings of the document, per category', async () => {
    const editor = await open(HOD_MD);
    const pl = await api();
    const a = await pl.whenAnalyzed(editor.document);
    const { analysis, ranges } = expectedRanges(editor.document);
    assert.deepStrictEqual(a.findings, analysis.findings, 'the extension analysed the same text with the same options');
    const got = await waitFor('decorations', () => {
      const p = painted(pl.decorations(editor));
      return CATEGORIES.some((c) => p[c].length > 0) ? p : undefined;
    });
    assert.deepStrictEqual(got, ranges);
    assert.ok(ranges.directive.length >= 5, `directive highlights: ${ranges.directive.length}`);
    assert.ok(ranges.control.length >= 1 && ranges.innovation.length >= 1, 'control and innovation are highlighted too');
  });

  it('re-analyses while typing, and the highlights follow the text', async () => {
    const text = fs.readFileSync(fixture(OSLO_MD).fsPath, 'utf8');
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    const editor = await vscode.window.showTextDocument(doc);
    const pl = await api();
    const before = await pl.whenAnalyzed(doc);

    // An edit at the very start: until the next analysis, the highlights move with the text.
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'NB '));
    const shifted = before.findings.map((f) => rangeKey(new vscode.Range(doc.positionAt(f.start + 3), doc.positionAt(f.end + 3))));
    const all = (d: Record<Category, vscode.Range[]>) => CATEGORIES.flatMap((c) => d[c].map(rangeKey));
    shifted.sort();
    await waitFor('highlights moved with the edit', () => JSON.stringify(all(pl.decorations(editor)).sort()) === JSON.stringify(shifted));

    const sentence = '\n\nBydelene skal rapportere på tiltakene innen 1. mars 2027.\n';
    await editor.edit((b) => b.insert(doc.positionAt(doc.getText().length), sentence));
    const after = await pl.whenAnalyzed(doc);
    assert.ok(after.findings.length > before.findings.length, 'the new sentence adds findings');
    const { ranges } = expectedRanges(doc);
    await waitFor('decorations of the new text', () => JSON.stringify(painted(pl.decorations(editor))) === JSON.stringify(ranges));
    const tail = doc.getText().length - sentence.length;
    assert.ok(after.findings.some((f) => f.category === 'directive' && f.start >= tail && f.text === 'skal'), '«skal» in the typed sentence');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('explains a finding on hover: deontic force, actor, framing', async () => {
    const editor = await open(HOD_MD);
    const doc = editor.document;
    const a = await (await api()).whenAnalyzed(doc);
    const f = a.findings.find((x) => x.category === 'directive' && a.sentences[x.sentence].deontic === 'obligation' && a.sentences[x.sentence].actor);
    assert.ok(f, 'a directive finding in an obligation sentence with an actor');
    const s = a.sentences[f.sentence];
    const text = await hoverText(doc, doc.positionAt(f.start + 1));
    assert.ok(text.includes(deonticLabel(s.deontic)), `hover names the deontic force «${deonticLabel(s.deontic)}»:\n${text}`);
    assert.ok(text.includes(s.actor!), `hover names the actor «${s.actor}»`);
    assert.ok(text.includes(framingLabel(s.framing)), `hover names the framing «${framingLabel(s.framing)}»`);
    assert.ok(text.includes(f.text), 'hover quotes the finding');
    const delta = formatDelta(sentenceImpact(a, f.sentence).delta);
    assert.ok(text.includes(`this sentence: ${delta}`), `hover gives the sentence's share of the score (${delta})`);
    const nothing = await hoverText(doc, new vscode.Position(0, 0));
    assert.strictEqual(nothing, '', 'no Policy Lens hover away from findings');
  });

  it('switching a category off removes its highlights (and its hovers), and on again restores them', async () => {
    const editor = await open(HOD_MD);
    const doc = editor.document;
    const pl = await api();
    const a = await pl.whenAnalyzed(doc);
    const full = await waitFor('decorations', () => {
      const p = painted(pl.decorations(editor));
      return p.directive.length > 0 ? p : undefined;
    });
    const onlyDirective = a.findings.find(
      (f) => f.category === 'directive' && !a.findings.some((g) => g !== f && g.category !== 'directive' && g.start < f.end && f.start < g.end),
    )!;

    await vscode.commands.executeCommand('policyLens.toggleHighlights', 'directive');
    assert.strictEqual(vscode.workspace.getConfiguration('policyLens').get('categories.directive'), false);
    const off = await waitFor('directive highlights removed', () => {
      const p = painted(pl.decorations(editor));
      return p.directive.length === 0 ? p : undefined;
    });
    for (const c of CATEGORIES) if (c !== 'directive') assert.deepStrictEqual(off[c], full[c], `${c} highlights stay`);
    assert.strictEqual(await hoverText(doc, doc.positionAt(onlyDirective.start + 1)), '', 'no hover on a hidden category');

    await vscode.commands.executeCommand('policyLens.toggleHighlights', 'directive');
    await waitFor('directive highlights back', () => painted(pl.decorations(editor)).directive.length === full.directive.length);
  });

  it('the toggle command hides and shows all highlights', async () => {
    const editor = await open(HOD_MD);
    const pl = await api();
    await pl.whenAnalyzed(editor.document);
    const count = () => CATEGORIES.reduce((n, c) => n + pl.decorations(editor)[c].length, 0);
    const before = await waitFor('decorations', () => count());
    assert.strictEqual(await vscode.commands.executeCommand('policyLens.toggleHighlights'), false);
    await waitFor('all highlights hidden', () => count() === 0);
    assert.strictEqual(await vscode.commands.executeCommand('policyLens.toggleHighlights'), true);
    await waitFor('all highlights back', () => count() === before);
  });
});
