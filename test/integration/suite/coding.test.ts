import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { unzipSync } from 'fflate';
import * as vscode from 'vscode';
import {
  addCode,
  AUTOCODER,
  CanonicalText,
  codebookQdc,
  codingFilePath,
  CodingFile,
  defaultCodebook,
  keyGuid,
} from '../../../src/core/workspace';
import { api, closeAllEditors, fixture, HOD_MD, rangeKey, screenshot, sleep, waitFor } from './helpers';

const COCREATION = keyGuid('category:cocreation');
const DIRECTIVE = keyGuid('category:directive');

function stored(root: string, file: string): CodingFile {
  return JSON.parse(fs.readFileSync(codingFilePath(root, file), 'utf8')) as CodingFile;
}

describe('Policy Lens: coding', function () {
  this.timeout(120_000);
  let root: string;
  let file: string;
  let editor: vscode.TextEditor;

  before(async () => {
    root = path.dirname(fixture(HOD_MD).fsPath);
    const dir = path.join(root, 'coding-test');
    fs.mkdirSync(dir, { recursive: true });
    file = path.join(dir, 'letter.md');
    fs.copyFileSync(fixture(HOD_MD).fsPath, file);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    editor = await vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.One });
  });
  after(closeAllEditors);

  /** Selects the first occurrence of `text` (a whole sentence or phrase). */
  function select(text: string): vscode.Selection {
    const doc = editor.document;
    const i = doc.getText().indexOf(text);
    assert.ok(i >= 0, `«${text}» is in the document`);
    editor.selection = new vscode.Selection(doc.positionAt(i), doc.positionAt(i + text.length));
    return editor.selection;
  }

  let passage = '';

  it('applies a code to the selection: stored by the engine, highlighted, counted in the Codes tree', async () => {
    const pl = await api();
    const text = editor.document.getText();
    // a sentence from the middle of the letter
    const m = /[^.\n]*samarbeid[^.\n]*\./i.exec(text) ?? /[^.\n]{40,}\./.exec(text.slice(400))!;
    passage = m[0].trim();
    const sel = select(passage);
    await vscode.commands.executeCommand('policyLens.applyCode', COCREATION);
    const data = stored(root, file);
    assert.strictEqual(data.source, 'coding-test/letter.md');
    assert.strictEqual(data.codings.length, 1);
    const c = data.codings[0];
    assert.strictEqual(c.code, COCREATION);
    assert.strictEqual(c.target.selector[0].exact, passage);
    assert.strictEqual(c.origin, 'manual');
    const canon = new CanonicalText(editor.document.getText());
    const cp = canon.rawToPosition({ start: editor.document.offsetAt(sel.start), end: editor.document.offsetAt(sel.end) });
    assert.deepStrictEqual([c.target.selector[1].start, c.target.selector[1].end], [cp.start, cp.end]);
    const painted = await waitFor('the coding is highlighted', () => pl.coding.highlighter.painted.get(editor)?.find((p) => p.code === COCREATION));
    assert.strictEqual(rangeKey(painted.range), rangeKey(sel));
    await pl.coding.tree.refresh();
    assert.strictEqual(pl.coding.tree.summary().counts.get(COCREATION), 1);
    const top = pl.coding.tree.getChildren();
    const engine = top.find((n) => n.kind === 'code' && n.code.key === 'group:engine');
    assert.ok(engine && engine.kind === 'code' && engine.count === 1, 'the group counts its codes\' codings');
    const codes = pl.coding.tree.getChildren(engine);
    const co = codes.find((n) => n.kind === 'code' && n.code.id === COCREATION)!;
    const item = pl.coding.tree.getTreeItem(co);
    assert.strictEqual(item.description, '1');
    const codings = pl.coding.tree.getChildren(co);
    assert.strictEqual(codings.length, 1);
    assert.strictEqual(pl.coding.tree.getTreeItem(codings[0]).command?.command, 'policyLens.revealCoding');
  });

  it('re-anchors after an insertion before the passage; saved with the document', async () => {
    const pl = await api();
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'Et nytt første avsnitt om ingenting.\n\n'));
    const painted = await waitFor('the highlight follows the passage', () => {
      const p = pl.coding.highlighter.painted.get(editor)?.find((x) => x.code === COCREATION);
      return p && editor.document.getText(p.range) === passage && p.range.start.line > 0 ? p : undefined;
    });
    assert.ok(painted);
    await editor.document.save();
    await waitFor('the stored selector moved', () => {
      const c = stored(root, file).codings[0];
      const canon = new CanonicalText(editor.document.getText());
      const start = canon.rawToPosition({ start: editor.document.offsetAt(painted.range.start), end: editor.document.offsetAt(painted.range.end) }).start;
      return c.target.selector[1].start === start && c.anchor?.status === 'moved';
    });
  });

  it('a deleted passage is flagged as orphaned in the tree, never dropped', async () => {
    const pl = await api();
    const doc = editor.document;
    const i = doc.getText().indexOf(passage);
    await editor.edit((e) => e.delete(new vscode.Range(doc.positionAt(i), doc.positionAt(i + passage.length))));
    await waitFor('orphaned', async () => {
      await pl.coding.tree.refresh();
      return pl.coding.tree.summary().orphaned === 1;
    });
    const orphans = pl.coding.tree.getChildren().find((n) => n.kind === 'orphans');
    assert.ok(orphans);
    assert.strictEqual(pl.coding.tree.getChildren(orphans).length, 1);
    assert.strictEqual(pl.coding.highlighter.painted.get(editor)?.length ?? 0, 0, 'nothing painted for an orphan');
    await editor.document.save();
    const data = await waitFor('saved as orphaned', () => {
      const d = stored(root, file);
      return d.codings[0]?.anchor?.status === 'orphaned' ? d : undefined;
    });
    assert.strictEqual(data.codings.length, 1, 'kept');
    assert.strictEqual(data.codings[0].anchor?.status, 'orphaned');
    assert.strictEqual(data.codings[0].target.selector[0].exact, passage, 'with its quote');
    // undo: the passage is back, and so is the coding
    await vscode.commands.executeCommand('undo');
    await sleep(50);
    await editor.document.save();
    await waitFor('re-anchored again', async () => {
      await pl.coding.tree.refresh();
      return pl.coding.tree.summary().orphaned === 0 && stored(root, file).codings[0].anchor?.status !== 'orphaned';
    });
  });

  it('autocodes the document for review; agreement with the researcher per code', async () => {
    const pl = await api();
    // a second manual coding, of a directive sentence
    const m = /[^.\n]* skal [^.\n]*\./.exec(editor.document.getText())!;
    select(m[0].trim());
    await vscode.commands.executeCommand('policyLens.applyCode', DIRECTIVE);
    const added = await pl.coding.autocode(editor.document, 'sentence');
    assert.ok(added > 0);
    const data = stored(root, file);
    const auto = data.codings.filter((c) => c.origin === 'autocode');
    assert.strictEqual(auto.length, added);
    assert.ok(auto.every((c) => c.creator?.id === AUTOCODER.id));
    assert.strictEqual(await pl.coding.autocode(editor.document, 'sentence'), 0, 'autocoding twice adds nothing');
    const me = data.codings.find((c) => c.origin === 'manual')!.creator!.id;
    const r = await pl.coding.agreement(me, AUTOCODER.id);
    const directive = r.perCode.find((c) => c.code === DIRECTIVE);
    assert.ok(directive, 'kappa for the directive code');
    assert.strictEqual(directive.table.both, 1, 'the researcher\'s directive sentence is one the autocoder coded too');
    assert.ok(directive.table.onlyB > 0);
    assert.ok(directive.kappa !== null && directive.kappa < 1);
  });

  it('agreement with another coder\'s codings folder (same codings: kappa 1)', async () => {
    const pl = await api();
    const other = path.join(root, 'coding-test', 'other-coder');
    fs.mkdirSync(other, { recursive: true });
    const mine = stored(root, file);
    const me = mine.codings.find((c) => c.origin === 'manual')!.creator!.id;
    const theirs = { ...mine, codings: mine.codings.filter((c) => c.creator?.id === me).map((c) => ({ ...c, creator: { id: '6F9619FF-8B86-D011-B42D-00C04FC964FF', name: 'B' } })) };
    fs.writeFileSync(path.join(other, 'letter.json'), JSON.stringify(theirs));
    const r = await pl.coding.agreement(me, { folder: other });
    assert.ok(r.perCode.length >= 2);
    for (const c of r.perCode) assert.strictEqual(c.kappa, 1, c.code);
    assert.strictEqual(r.perCode.reduce((n, c) => n + c.disagreements.length, 0), 0);
  });

  it('exports a REFI-QDA project and imports a codebook (.qdc)', async () => {
    const pl = await api();
    const out = path.join(root, 'coding-test', 'project.qdpx');
    await vscode.commands.executeCommand('policyLens.exportQdpx', vscode.Uri.file(out));
    const zip = unzipSync(new Uint8Array(fs.readFileSync(out)));
    const qde = new TextDecoder().decode(zip['project.qde']);
    assert.ok(qde.includes('urn:QDA-XML:project:1.0'));
    assert.ok(qde.includes('coding-test/letter.md'));
    assert.ok((qde.match(/<Coding /g) ?? []).length >= stored(root, file).codings.length - 1);
    const { codebook, code } = addCode(defaultCodebook(), { name: 'Ledelsesforankring', color: '#BF3989', description: 'Forankring i ledelsen' });
    const qdc = path.join(root, 'coding-test', 'codebook.qdc');
    fs.writeFileSync(qdc, codebookQdc(codebook));
    await vscode.commands.executeCommand('policyLens.importCodebook', vscode.Uri.file(qdc));
    const cb = await pl.coding.store.codebook(vscode.Uri.file(root));
    assert.ok(cb.codes.some((c) => c.id === code.id && c.name === 'Ledelsesforankring'));
    assert.ok(fs.existsSync(path.join(root, '.policylens', 'codebook.json')));
    await pl.coding.tree.refresh();
    assert.ok(pl.coding.tree.getChildren().some((n) => n.kind === 'code' && n.code.id === code.id));
  });

  it('screenshot: codings highlighted, the Codes tree', async function () {
    if (!process.env.VSX_SCREENSHOT_DIR) this.skip();
    const pl = await api();
    await vscode.window.showTextDocument(editor.document, { preview: false, viewColumn: vscode.ViewColumn.One });
    const first = pl.coding.highlighter.painted.get(editor)?.find((p) => p.code === COCREATION);
    if (first) editor.revealRange(first.range, vscode.TextEditorRevealType.AtTop);
    await vscode.commands.executeCommand('policyLens.codes.focus');
    await sleep(800);
    const shot = await screenshot('coding.png');
    assert.ok(shot);
  });
});
