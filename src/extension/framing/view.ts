/**
 * The «Framing» webview view in the Policy Lens container: the score as a gauge, the two axes, the components
 * with the sentences behind them, the study's word counts, the districts' roles and the district-role gap, and a
 * heading-by-heading strip. It shows the focused AnalysisSource (../sources.ts): a text editor's document or the
 * PDF viewer's. A click on a sentence or a section reveals it in its editor and flashes it.
 *
 * Security: the page allows nothing by default (`default-src 'none'`), runs its script from media/framing/ and the
 * shared one (media/shared/dom.js) by nonce, loads its stylesheets (its own and media/shared/webview.css) from the
 * extension's media folder only (`localResourceRoots`: media/), builds its DOM with textContent (no HTML from the
 * document), and every message it sends is checked by `parseViewMessage` (./protocol.ts) before the host acts on it.
 */
import * as vscode from 'vscode';
import * as l10n from '@vscode/l10n';
import type { AnalysisFocus, AnalysisSource } from '../sources';
import { checklistOf, sectionsOf } from '../sources';
import { buildModel, FramingModel } from './model';
import { FromView, parseViewMessage, ToView, ViewCommand } from './protocol';
import { webviewPage } from '../webviewPage';

export const FRAMING_VIEW_ID = 'policyLens.framing';

export interface RenderedReport {
  model: number;
  score: string;
  components: number;
  sections: number;
}

export class FramingViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private model: FramingModel | undefined;
  private modelKey: unknown[] = [];
  private source: AnalysisSource | undefined;
  private nextId = 1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** What the webview last said it drew (tests compare it with the engine). */
  lastRendered: RenderedReport | undefined;
  /** Messages from the webview that were dropped by the check. */
  rejected = 0;
  /** What the webview last said its checklist drew (tests compare it with the engine). */
  lastChecklist: { model: number; items: number; ticked: number } | undefined;
  private readonly renderedEmitter = new vscode.EventEmitter<RenderedReport>();
  readonly onDidRender = this.renderedEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly focus: AnalysisFocus,
    private readonly runCommand: (command: ViewCommand) => void,
  ) {
    this.disposables.push(focus.onDidChange(() => this.refreshSoon()), this.renderedEmitter);
  }

  get visible(): boolean {
    return !!this.view?.visible;
  }

  /** The model shown (or about to be). */
  get current(): FramingModel | undefined {
    return this.model;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.modelKey = [];
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    view.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [media] };
    view.webview.html = this.html(view.webview);
    this.disposables.push(
      view.webview.onDidReceiveMessage((m: unknown) => void this.receive(m)),
      view.onDidChangeVisibility(() => {
        if (view.visible) this.refresh(true);
      }),
      view.onDidDispose(() => {
        if (this.view === view) this.view = undefined;
      }),
    );
  }

  /** Acts on a message from the webview, if it passes the check. Returns whether it was acted on. */
  async receive(raw: unknown): Promise<boolean> {
    const limits = this.model ? { model: this.model.id, ...this.model.limits } : undefined;
    const msg: FromView | undefined = parseViewMessage(raw, limits);
    if (!msg) {
      this.rejected++;
      return false;
    }
    switch (msg.type) {
      case 'ready':
        this.refresh(true);
        return true;
      case 'rendered':
        this.lastRendered = { model: msg.model, score: msg.score, components: msg.components, sections: msg.sections };
        this.renderedEmitter.fire(this.lastRendered);
        return true;
      case 'checklist':
        this.lastChecklist = { model: msg.model, items: msg.items, ticked: msg.ticked };
        return true;
      case 'command':
        this.runCommand(msg.command);
        return true;
      case 'reveal':
        return this.reveal(msg.kind, msg.index);
    }
  }

  private async reveal(kind: 'sentence' | 'section', index: number): Promise<boolean> {
    const source = this.source;
    const a = source?.snapshot().analysis;
    if (!source || !a) return false;
    let range: { start: number; end: number } | undefined;
    if (kind === 'sentence') range = a.sentences[index];
    else {
      const section = sectionsOf(source.snapshot())[index];
      // A section is flashed at its first sentence (its heading), not as a whole chapter.
      const first = section && a.sentences.find((s) => s.section === section.index);
      range = first ?? (section ? { start: section.start, end: section.start } : undefined);
    }
    if (!range) return false;
    return source.reveal(range.start, range.end, 'flash');
  }

  private refreshSoon(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh(false);
    }, 100);
  }

  /** Rebuilds the model when what it shows changed (or `force`), and sends it if the view is there. */
  refresh(force: boolean): void {
    const source = this.focus.source;
    const snap = source?.snapshot();
    const key = [source, snap?.analysis, snap?.state, snap?.stale, snap?.error];
    const same = key.length === this.modelKey.length && key.every((k, i) => k === this.modelKey[i]);
    if (same && !force) return;
    this.source = source;
    if (!same) {
      this.modelKey = key;
      this.model =
        source && snap?.analysis
          ? buildModel({
              id: this.nextId++,
              title: source.label,
              analysis: snap.analysis,
              sections: sectionsOf(snap),
              state: snap.state,
              stale: snap.stale,
              where: (o) => source.where(o),
              locale: vscode.env.language,
              checklist: checklistOf(snap.analysis),
            })
          : undefined;
    }
    if (!this.view) return;
    const msg: ToView = { type: 'model', model: this.model ?? null, empty: this.model ? undefined : this.emptyState(source, snap?.state, snap?.error) };
    void this.view.webview.postMessage(msg);
  }

  private emptyState(source: AnalysisSource | undefined, state?: string, error?: string): ToView['empty'] {
    if (!source) return { message: l10n.t('Open a Markdown or plain-text document to see how it steers.') };
    if (state === 'analysing') return { message: l10n.t('Analysing {0}…', source.label) };
    if (state === 'error') return { message: l10n.t('Analysis failed: {0}', error ?? '') };
    return { message: l10n.t('{0} is not analysed yet.', source.label), action: { label: l10n.t('Analyse'), command: 'analyze' } };
  }

  private html(webview: vscode.Webview): string {
    return webviewPage(webview, this.extensionUri, 'framing', 'framing', 'Framing');
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
