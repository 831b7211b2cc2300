/**
 * The comparison panel (a webview panel): one row per audited document with its score, both axes, densities, the
 * study's word counts, innovation and co-creation sentences, district mentions and roles and the district-role gap;
 * sortable and filterable; a strip placing every document on the top-down ↔ enabling scale and a two-axis
 * scatter (plain SVG). A click on a row or a point opens the document. Exports are the engine's
 * (comparisonCsv / comparisonJson / comparisonMarkdown).
 *
 * Security as the Framing view: `default-src 'none'`, its script and the shared one (media/shared/dom.js) by nonce,
 * styles from media/ only, DOM built with textContent, every message checked by `parseComparisonMessage`
 * (./protocol.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { comparisonCsv, comparisonJson, comparisonMarkdown } from '../../core/workspace';
import type { AnalysisFocus } from '../sources';
import type { AuditRun } from './runner';
import { ComparisonModel, ExportFormat, FromView, parseComparisonMessage, ToView } from './protocol';
import { webviewPage } from '../webviewPage';

export const COMPARISON_VIEW_TYPE = 'policyLens.comparison';

/** A path relative to its workspace folder (forward slashes), else the path itself. */
export function workspaceName(file: string): string {
  const rel = vscode.workspace.asRelativePath(vscode.Uri.file(file), (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  return rel.split(path.sep).join('/');
}

function labels(): Record<string, string> {
  return {
    title: l10n.t('Comparison of steering language'),
    filter: l10n.t('Filter documents'),
    document: l10n.t('Document'),
    score: l10n.t('Score'),
    directiveAxis: l10n.t('Directive axis'),
    enablingAxis: l10n.t('Enabling axis'),
    directiveDensity: l10n.t('Directive /1000 w'),
    controlDensity: l10n.t('Control /1000 w'),
    enablingDensity: l10n.t('Enabling /1000 w'),
    words: l10n.t('Words'),
    innovation: l10n.t('Innovation sent.'),
    cocreation: l10n.t('Co-creation sent.'),
    districtMentions: l10n.t('District mentions'),
    districtRoles: l10n.t('District roles'),
    districtRolesTitle: l10n.t('obligated / enabled / involved / mentioned'),
    gapTitle: l10n.t('innovation or co-creation sentences that give the districts no role / all such sentences'),
    termTitle: l10n.t('whole word / with inflections and compounds'),
    gap: l10n.t('District-role gap'),
    scale: l10n.t('Top-down ↔ enabling'),
    topDown: l10n.t('top-down'),
    enabling: l10n.t('enabling'),
    scatter: l10n.t('Directive axis × enabling axis'),
    exportCsv: l10n.t('Export CSV'),
    exportJson: l10n.t('Export JSON'),
    exportMd: l10n.t('Export Markdown'),
    failed: l10n.t('Not analysed'),
    summary: l10n.t('{0} documents · {1} analysed · {2} from the cache · {3} failed · {4} s'),
    empty: l10n.t('Run «Policy Lens: Audit Workspace» to compare the workspace\'s documents.'),
    open: l10n.t('Open {0}'),
  };
}

export interface PanelReport {
  model: number;
  rows: number;
  points: number;
}

export class ComparisonPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private run: AuditRun | undefined;
  private model: ComparisonModel | undefined;
  private nextId = 1;
  private readonly disposables: vscode.Disposable[] = [];
  /** Messages dropped by the check. */
  rejected = 0;
  /** What the webview last said it drew. */
  lastRendered: PanelReport | undefined;
  private readonly renderedEmitter = new vscode.EventEmitter<PanelReport>();
  readonly onDidRender = this.renderedEmitter.event;

  constructor(private readonly extensionUri: vscode.Uri) {
    this.disposables.push(this.renderedEmitter);
  }

  /** The model sent to the webview (tests compare it with the CLI's JSON). */
  get current(): ComparisonModel | undefined {
    return this.model;
  }

  get webviewPanel(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  /** Shows the panel with a run's rows. */
  show(run: AuditRun | undefined): void {
    this.run = run;
    this.model = run ? this.buildModel(run) : undefined;
    if (!this.panel) {
      const media = vscode.Uri.joinPath(this.extensionUri, 'media');
      this.panel = vscode.window.createWebviewPanel(
        COMPARISON_VIEW_TYPE,
        l10n.t('Policy Lens: Comparison'),
        { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
        { enableScripts: true, enableCommandUris: false, localResourceRoots: [media], retainContextWhenHidden: true },
      );
      this.panel.iconPath = vscode.Uri.joinPath(media, 'policy-lens.svg');
      this.panel.webview.html = this.html(this.panel.webview);
      const p = this.panel;
      this.disposables.push(
        p.webview.onDidReceiveMessage((m: unknown) => void this.receive(m)),
        p.onDidDispose(() => {
          if (this.panel === p) this.panel = undefined;
        }),
      );
    } else {
      this.panel.reveal(undefined, false);
      this.post();
    }
  }

  private buildModel(run: AuditRun): ComparisonModel {
    const r = run.result;
    const names = new Map(run.files.map((f) => [f, workspaceName(f)]));
    return {
      id: this.nextId++,
      rows: r.rows.map((row, index) => ({ index, name: names.get(row.file) ?? workspaceName(row.file), row })),
      failures: r.entries.filter((e) => e.error).map((e) => ({ name: names.get(e.file) ?? e.file, message: e.error!.message })),
      finished: run.finished.toISOString(),
      stats: {
        total: r.stats.total,
        analysed: r.stats.analysed,
        cached: r.stats.cached,
        failed: r.stats.failed,
        ms: r.stats.ms,
        workers: r.stats.workersStarted,
      },
      labels: labels(),
    };
  }

  private post(): void {
    const msg: ToView = { type: 'model', model: this.model ?? null };
    void this.panel?.webview.postMessage(msg);
  }

  /** Acts on a message from the webview if it passes the check; returns whether it was acted on. */
  async receive(raw: unknown): Promise<boolean> {
    const shown = this.model ? { id: this.model.id, rows: this.model.rows.length } : undefined;
    const msg: FromView | undefined = parseComparisonMessage(raw, shown);
    if (!msg) {
      this.rejected++;
      return false;
    }
    switch (msg.type) {
      case 'ready':
        this.post();
        return true;
      case 'rendered':
        this.lastRendered = { model: msg.model, rows: msg.rows, points: msg.points };
        this.renderedEmitter.fire(this.lastRendered);
        return true;
      case 'open':
        await openDocument(this.model!.rows[msg.index].row.file);
        return true;
      case 'export':
        return !!(await this.export(msg.format));
    }
  }

  /** Exports the rows shown (or of `run`) in a format, to `target` or a file the user picks. */
  async export(format: ExportFormat, target?: vscode.Uri, run: AuditRun | undefined = this.run): Promise<vscode.Uri | undefined> {
    if (!run) {
      void vscode.window.showInformationMessage(l10n.t('Run «Policy Lens: Audit Workspace» first.'));
      return undefined;
    }
    const ext = format === 'md' ? 'md' : format;
    let uri = target;
    if (!uri) {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      uri = await vscode.window.showSaveDialog({
        title: l10n.t('Export the comparison'),
        defaultUri: folder ? vscode.Uri.joinPath(folder, `policy-lens-comparison.${ext}`) : undefined,
        filters: format === 'csv' ? { CSV: ['csv'] } : format === 'json' ? { JSON: ['json'] } : { Markdown: ['md'] },
        saveLabel: l10n.t('Export'),
      });
      if (!uri) return undefined;
    }
    const rows = run.result.rows;
    const failures = run.result.entries.filter((e) => e.error).map((e) => ({ file: e.file, message: e.error!.message }));
    const text =
      format === 'csv'
        ? comparisonCsv(rows)
        : format === 'json'
          ? comparisonJson(rows)
          : comparisonMarkdown(rows, { failures, subtitle: l10n.t('Audited {0}', run.finished.toISOString().slice(0, 16).replace('T', ' ')) });
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
    if (!target) void vscode.window.showInformationMessage(l10n.t('Exported the comparison to {0}.', workspaceName(uri.fsPath)));
    return uri;
  }

  private html(webview: vscode.Webview): string {
    return webviewPage(webview, this.extensionUri, 'audit', 'comparison', 'Comparison');
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

let sources: AnalysisFocus | undefined;

/** The open documents' AnalysisSources (the PDF viewer registers its documents there): to reveal a place in a PDF. */
export function useSources(focus: AnalysisFocus): void {
  sources = focus;
}

const PDF_VIEW_TYPE = 'policyLens.pdfViewer';

/**
 * Opens a document and, with `range` (offsets of the analysed text), shows that place: text files in a text
 * editor (selected), PDFs in the Policy Lens PDF viewer (selected once it has analysed the document), others with
 * their default editor. Returns whether the place was shown.
 */
export async function openDocument(file: string, range?: { start: number; end: number }): Promise<boolean> {
  const uri = vscode.Uri.file(file);
  const ext = path.extname(file).toLowerCase();
  if (ext === '.md' || ext === '.txt') {
    const doc = await vscode.workspace.openTextDocument(uri);
    const sel = range ? new vscode.Selection(doc.positionAt(range.start), doc.positionAt(range.end)) : undefined;
    await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.One, selection: sel });
    return !!sel;
  }
  if (!fs.existsSync(file)) return false;
  const options = { viewColumn: vscode.ViewColumn.One, preview: true };
  if (ext === '.pdf') {
    const opened = await vscode.commands.executeCommand('vscode.openWith', uri, PDF_VIEW_TYPE, options).then(
      () => true,
      () => false,
    );
    if (opened && range && sources) {
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        const source = sources.find(uri);
        if (source && source.kind !== 'text' && source.snapshot().analysis) return source.reveal(range.start, range.end, 'select');
        await new Promise((r) => setTimeout(r, 100));
      }
      return false;
    }
    if (opened) return false;
  }
  await vscode.commands.executeCommand('vscode.open', uri, options);
  return false;
}
