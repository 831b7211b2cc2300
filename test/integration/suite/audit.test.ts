import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { AuditRow } from '../../../src/core/workspace';
import { desktopApi as api, closeAllEditors, EXTENSION_ID, fixture, screenshot, setSetting, sleep, waitFor } from './helpers';
import { log } from './log';

/** Corpus documents copied into the test workspace's `audit-set/` (a Nynorsk one, Markdown and text). */
const CORPUS = [
  'hod_supplerende_tildelingsbrev_nr2_2026_helsedirektoratet.md',
  'helsefellesskap_oslo_innsiktsrapport_psykisk_helse_barn_unge_2025_EXCERPT.md',
  'ks_storbynettverk_innspill_2026.txt',
  'sunnmore_regionrad_innspel_2026_nn.txt',
  'finnmark_fylkeskommune_innspill_2026.txt',
];

function cliPath(): string {
  return path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'bin', 'policy-lens.js');
}

/** `node bin/policy-lens.js audit DIR --format FORMAT` (stdout). */
function cli(dir: string, format: 'json' | 'csv'): string {
  const r = spawnSync(process.execPath, [cliPath(), 'audit', dir, '--format', format, '--workers', '1'], {
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  assert.strictEqual(r.status, 0, r.stderr);
  return r.stdout;
}

describe('Policy Lens: workspace audit and comparison view', function () {
  this.timeout(180_000);
  let dir: string;

  before(async () => {
    dir = path.join(path.dirname(fixture('corpus').fsPath), 'audit-set');
    fs.mkdirSync(dir, { recursive: true });
    for (const f of CORPUS) fs.copyFileSync(path.join(fixture('corpus').fsPath, f), path.join(dir, f));
    await setSetting('audit.include', 'audit-set/**/*.{pdf,md,txt,docx}');
  });
  after(async () => {
    await setSetting('audit.include', undefined);
    await closeAllEditors();
  });

  it('audits the folder in worker threads; the comparison view\'s rows = the CLI\'s JSON', async () => {
    const pl = await api();
    await vscode.commands.executeCommand('policyLens.auditWorkspace');
    const run = pl.audit.auditor.lastRun;
    assert.ok(run, 'the audit ran');
    assert.strictEqual(run.result.stats.total, CORPUS.length);
    assert.strictEqual(run.result.stats.failed, 0);
    assert.ok(run.result.stats.workersStarted >= 1, 'analysed in worker threads');
    // The rows the webview got and drew.
    const model = await waitFor('the comparison view drew the rows', () => {
      const m = pl.audit.comparison.current;
      return m && pl.audit.comparison.lastRendered?.model === m.id ? m : undefined;
    });
    assert.strictEqual(model.rows.length, CORPUS.length);
    assert.strictEqual(pl.audit.comparison.lastRendered!.rows, CORPUS.length);
    assert.strictEqual(pl.audit.comparison.lastRendered!.points, 2 * CORPUS.length, 'one point per document on the scale and in the scatter');
    const cliRows = JSON.parse(cli(dir, 'json')) as AuditRow[];
    assert.strictEqual(cliRows.length, CORPUS.length);
    const shown = new Map(model.rows.map((r) => [path.basename(r.row.file), r]));
    for (const c of cliRows) {
      const v = shown.get(path.basename(c.file));
      assert.ok(v, `${c.file} is in the view`);
      assert.strictEqual(v.name, `audit-set/${path.basename(c.file)}`);
      // What was sent to the webview is plain JSON: compare it as such.
      const sent = JSON.parse(JSON.stringify(v.row)) as AuditRow;
      assert.deepStrictEqual({ ...sent, file: '' }, { ...c, file: '' }, path.basename(c.file));
    }
  });

  it('a second run answers from the cache; an edited file is analysed again', async () => {
    const pl = await api();
    const again = await pl.audit.audit();
    assert.ok(again);
    assert.strictEqual(again.result.stats.cached, CORPUS.length);
    assert.strictEqual(again.result.stats.analysed, 0);
    const file = path.join(dir, CORPUS[2]);
    fs.appendFileSync(file, '\nBydelene skal rapportere innen 1. mars.\n');
    const third = await pl.audit.audit();
    assert.ok(third);
    assert.strictEqual(third.result.stats.analysed, 1);
    assert.strictEqual(third.result.stats.cached, CORPUS.length - 1);
    assert.ok(fs.existsSync(pl.audit.auditor.cacheDir), 'the cache is in the extension\'s storage');
  });

  it('an audit can be cancelled; the documents finished so far are cached', async () => {
    const pl = await api();
    for (const f of CORPUS) fs.appendFileSync(path.join(dir, f), '\nKommunene kan søke om midler.\n');
    const before = pl.audit.auditor.lastRun;
    let done = 0;
    // cancelled as soon as the first document is finished
    const sub = pl.audit.auditor.onDidProgress((p) => {
      if (done === 0) {
        done = p.done;
        pl.audit.auditor.cancel();
      }
    });
    let result;
    try {
      result = await pl.audit.auditor.run();
    } finally {
      sub.dispose();
    }
    assert.strictEqual(result, undefined, 'no result');
    assert.strictEqual(pl.audit.auditor.lastRun, before, 'the last complete run stays');
    assert.strictEqual(done, 1);
    const after = await pl.audit.audit();
    assert.ok(after);
    const s = after.result.stats;
    assert.ok(s.cached >= 1 && s.cached < CORPUS.length, `what was finished before the cancel came from the cache (${s.cached})`);
    assert.strictEqual(s.analysed, CORPUS.length - s.cached);
  });

  it('exports CSV, JSON and Markdown as the CLI does', async () => {
    const pl = await api();
    const out = path.join(path.dirname(dir), 'audit-export');
    fs.mkdirSync(out, { recursive: true });
    const csv = (await vscode.commands.executeCommand<vscode.Uri>('policyLens.exportComparison', 'csv', vscode.Uri.file(path.join(out, 'c.csv'))))!;
    const json = (await vscode.commands.executeCommand<vscode.Uri>('policyLens.exportComparison', 'json', vscode.Uri.file(path.join(out, 'c.json'))))!;
    const md = (await vscode.commands.executeCommand<vscode.Uri>('policyLens.exportComparison', 'md', vscode.Uri.file(path.join(out, 'c.md'))))!;
    const rel = (s: string) => s.split(dir + path.sep).join('');
    const cliCsv = cli(dir, 'csv');
    // Same rows and columns; the paths are absolute in both (the CLI was given the absolute folder).
    assert.strictEqual(rel(fs.readFileSync(csv.fsPath, 'utf8')), rel(cliCsv));
    const rows = JSON.parse(fs.readFileSync(json.fsPath, 'utf8')) as AuditRow[];
    assert.strictEqual(rows.length, CORPUS.length);
    assert.ok(fs.readFileSync(md.fsPath, 'utf8').startsWith('# '));
    assert.strictEqual(pl.audit.auditor.lastRun!.result.rows.length, rows.length);
  });

  it('a click on a row opens the document; bad messages are dropped', async () => {
    const pl = await api();
    const model = pl.audit.comparison.current!;
    const before = pl.audit.comparison.rejected;
    const bad: unknown[] = [
      { type: 'open', model: model.id, index: model.rows.length },
      { type: 'open', model: model.id + 1, index: 0 },
      { type: 'open', model: model.id, index: -1 },
      { type: 'open', model: model.id, index: '0' },
      { type: 'open', model: model.id, index: 0, file: '/etc/passwd' },
      { type: 'export', format: 'exe' },
      { type: 'nope' },
      null,
      [1],
    ];
    for (const m of bad) assert.strictEqual(await pl.audit.comparison.receive(m), false, JSON.stringify(m));
    assert.strictEqual(pl.audit.comparison.rejected, before + bad.length);
    const row = model.rows.find((r) => r.row.file.endsWith('.txt'))!;
    assert.ok(await pl.audit.comparison.receive({ type: 'open', model: model.id, index: row.index }));
    await waitFor('the document opened', () => vscode.window.activeTextEditor?.document.uri.fsPath === row.row.file);
  });

  it('concordance: counts per document, a click selects the hit', async () => {
    const pl = await api();
    const r = await pl.audit.runConcordance({ term: 'skal' });
    assert.ok(r.total > 0);
    assert.strictEqual(r.counts.reduce((n, c) => n + c.hits, 0), r.total);
    const docs = pl.audit.concordance.getChildren();
    assert.ok(docs.length > 0 && docs.every((d) => d.kind === 'document'));
    const hits = pl.audit.concordance.getChildren(docs[0]);
    assert.ok(hits.length > 0);
    const item = pl.audit.concordance.getTreeItem(hits[0]);
    assert.strictEqual(item.command?.command, 'policyLens.revealConcordanceHit');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const ed = await waitFor('the hit is selected', () => {
      const e = vscode.window.activeTextEditor;
      return e && !e.selection.isEmpty ? e : undefined;
    });
    assert.strictEqual(ed.document.getText(ed.selection).toLowerCase(), 'skal');
    const cat = await pl.audit.runConcordance({ category: 'cocreation' });
    assert.strictEqual(cat.query.category, 'cocreation');
  });

  it('strategy ↔ letter thread: themes carried and lost', async () => {
    const pl = await api();
    const strategy = path.join(dir, CORPUS[1]);
    const letter = path.join(dir, CORPUS[0]);
    const r = await pl.audit.thread(strategy, [letter]);
    assert.strictEqual(r.letters.length, 1);
    assert.ok(r.strategy.themes.length > 0);
    const l = r.letters[0];
    assert.strictEqual(l.carried.length + l.weakened.length + l.lost.length, l.themes.length);
    const shown = await waitFor('the thread report is open', () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'policylens-report'));
    assert.ok(shown.getText().includes(path.basename(letter)));
    assert.ok(!shown.isDirty);
  });

  it('PDF, DOCX and the whole corpus: rows = the CLI\'s, an encrypted PDF is listed as not analysed', async () => {
    const pl = await api();
    const base = path.dirname(dir);
    await setSetting('audit.include', '{corpus,pdf,docx}/**/*.{pdf,md,txt,docx}');
    try {
      const run = await pl.audit.audit();
      assert.ok(run);
      const s = run.result.stats;
      log(`audit of ${s.total} documents: ${s.ms} ms, ${s.analysed} analysed in ${s.workersStarted} workers (${s.perWorker.join('+')}), ${s.failed} failed`);
      const failed = run.result.entries.filter((e) => e.error).map((e) => path.basename(e.file));
      assert.deepStrictEqual(failed, ['encrypted-user-pw.pdf']);
      const model = await waitFor('drawn', () => {
        const m = pl.audit.comparison.current;
        return m && pl.audit.comparison.lastRendered?.model === m.id ? m : undefined;
      });
      assert.deepStrictEqual(model.failures.map((f) => f.name), ['pdf/encrypted-user-pw.pdf']);
      const r = spawnSync(process.execPath, [cliPath(), 'audit', path.join(base, 'corpus'), path.join(base, 'pdf'), path.join(base, 'docx'), '--format', 'json'], {
        encoding: 'utf8',
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      });
      const cliRows = JSON.parse(r.stdout) as AuditRow[];
      assert.strictEqual(cliRows.length, model.rows.length);
      const byFile = new Map(model.rows.map((x) => [path.resolve(x.row.file), x.row]));
      for (const c of cliRows) {
        const v = byFile.get(path.resolve(c.file));
        assert.ok(v, c.file);
        assert.deepStrictEqual({ ...JSON.parse(JSON.stringify(v)), file: '' }, { ...c, file: '' }, c.file);
      }
      assert.ok(model.rows.some((x) => x.row.format === 'pdf') && model.rows.some((x) => x.row.format === 'docx'));
      const again = await pl.audit.audit();
      assert.strictEqual(again!.result.stats.analysed, 0, 'everything from the cache, the encrypted PDF\'s failure too');
      log(`second run: ${again!.result.stats.ms} ms, all from the cache`);
      // a concordance hit in a PDF opens the Policy Lens PDF viewer at the hit
      const conc = await pl.audit.runConcordance({ term: 'skal' });
      assert.deepStrictEqual(pl.audit.concordanceProblems(), [], 'every audited document is read (PDFs in the loader worker)');
      const hit = conc.hits.find((h) => h.file.endsWith('ks_storbynettverk_innspill_2026.pdf'));
      assert.ok(hit && hit.page >= 1, 'hits in the PDF, with their page');
      assert.strictEqual(await pl.audit.revealHit(hit), true, 'the PDF viewer shows the hit');
      await closeAllEditors();
    } finally {
      await setSetting('audit.include', 'audit-set/**/*.{pdf,md,txt,docx}');
      await pl.audit.audit();
    }
  });

  it('screenshot of the comparison view', async function () {
    if (!process.env.VSX_SCREENSHOT_DIR) this.skip();
    const pl = await api();
    await closeAllEditors();
    await vscode.commands.executeCommand('workbench.action.closeSidebar').then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closePanel').then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar').then(undefined, () => undefined);
    await vscode.commands.executeCommand('policyLens.showComparison');
    await waitFor('the comparison view drew', () => {
      const m = pl.audit.comparison.current;
      return m && pl.audit.comparison.lastRendered?.model === m.id;
    });
    await sleep(500);
    const file = await screenshot('comparison.png');
    log(`comparison screenshot: ${file}`);
    assert.ok(file);
    const workbench = vscode.workspace.getConfiguration('workbench');
    try {
      await workbench.update('colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
      await sleep(800);
      assert.ok(await screenshot('comparison-dark.png'));
    } finally {
      await workbench.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    }
    await vscode.commands.executeCommand('workbench.action.toggleSidebarVisibility').then(undefined, () => undefined);
  });
});

