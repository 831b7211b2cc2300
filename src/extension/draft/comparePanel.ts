/**
 * The «Compare Framing with…» report, a webview panel: the score and its axes and components side by side, the
 * sentences that became more top-down or more enabling with their words changed marked, the sentences added,
 * removed, edited and moved, the districts' roles gained and lost and the study's word counts. A click on a
 * sentence opens it in its version: the document itself for the new version, a read-only copy of the analysed text
 * for the old one (scheme `policylens-version`).
 *
 * Security as the Framing view: `default-src 'none'`, its script and the shared one (media/shared/dom.js) by nonce,
 * styles from media/ only, DOM built with textContent, every message checked by `parseReportMessage`
 * (./compareProtocol.ts) before the host acts on it.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { ReportRefs } from './compareModel';
import { CompareReportModel, FromReport, parseReportMessage, ToReport } from './compareProtocol';
import { sharedMedia, webviewPage } from '../webviewPage';

export const COMPARE_VIEW_TYPE = 'policyLens.compareReport';
export const VERSION_SCHEME = 'policylens-version';

/** Read-only documents holding the analysed text of an old version (`policylens-version:/name?n`). */
export class VersionDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private next = 1;

  add(label: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: VERSION_SCHEME, path: '/' + label, query: String(this.next++) });
    this.texts.set(uri.toString(), text);
    if (this.texts.size > 20) this.texts.delete(this.texts.keys().next().value as string);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}

export interface ShownReport {
  model: CompareReportModel;
  refs: ReportRefs[];
  /** The old version (a `policylens-version` document) and the new one (the document compared). */
  oldUri: vscode.Uri;
  newUri: vscode.Uri;
  /** The new version's text when compared (a reveal checks the document still has it there). */
  newText: string;
}

export class CompareReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private shown: ShownReport | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly renderedEmitter = new vscode.EventEmitter<{ model: number; items: number; groups: number }>();
  readonly onDidRender = this.renderedEmitter.event;
  /** What the webview last said it drew, and how many messages were dropped (tests). */
  lastRendered: { model: number; items: number; groups: number } | undefined;
  rejected = 0;
  /** The last sentence revealed from the report (tests). */
  lastReveal: { uri: vscode.Uri; range: vscode.Range } | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  get current(): ShownReport | undefined {
    return this.shown;
  }

  show(report: ShownReport): void {
    this.shown = report;
    if (!this.panel) {
      const media = vscode.Uri.joinPath(this.extensionUri, 'media', 'compare');
      this.panel = vscode.window.createWebviewPanel(COMPARE_VIEW_TYPE, report.model.title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, {
        enableScripts: true,
        enableCommandUris: false,
        localResourceRoots: [media, sharedMedia(this.extensionUri)],
      });
      this.panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'policy-lens.svg');
      this.panel.webview.html = this.html(this.panel.webview);
      this.disposables.push(
        this.panel.webview.onDidReceiveMessage((m: unknown) => void this.receive(m)),
        this.panel.onDidDispose(() => {
          this.panel = undefined;
          this.lastRendered = undefined;
        }),
      );
    } else {
      this.panel.title = report.model.title;
      this.panel.reveal(undefined, false);
    }
    this.post();
  }

  private post(): void {
    if (this.panel && this.shown) void this.panel.webview.postMessage({ type: 'model', model: this.shown.model } satisfies ToReport);
  }

  /** Acts on a message from the webview, if it passes the check. Returns whether it was acted on. */
  async receive(raw: unknown): Promise<boolean> {
    const msg: FromReport | undefined = parseReportMessage(raw, this.shown?.model);
    if (!msg) {
      this.rejected++;
      return false;
    }
    switch (msg.type) {
      case 'ready':
        this.post();
        return true;
      case 'rendered':
        this.lastRendered = { model: msg.model, items: msg.items, groups: msg.groups };
        this.renderedEmitter.fire(this.lastRendered);
        return true;
      case 'reveal':
        return this.reveal(msg.item, msg.side);
    }
  }

  private async reveal(item: number, side: 'old' | 'new'): Promise<boolean> {
    const s = this.shown;
    const ref = s?.refs[item]?.[side];
    if (!s || !ref) return false;
    const doc = await vscode.workspace.openTextDocument(side === 'old' ? s.oldUri : s.newUri);
    let start = ref.start;
    let end = ref.end;
    if (side === 'new' && doc.getText() !== s.newText) {
      // the document was edited since the comparison: find the sentence's text, else go to its old place
      const at = doc.getText().indexOf(s.newText.slice(ref.start, ref.end));
      if (at >= 0) {
        start = at;
        end = at + (ref.end - ref.start);
      }
    }
    const range = new vscode.Range(doc.positionAt(start), doc.positionAt(end));
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: range, preserveFocus: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
    this.lastReveal = { uri: doc.uri, range };
    return true;
  }

  private html(webview: vscode.Webview): string {
    return webviewPage(webview, this.extensionUri, 'compare', 'compare', l10n.t('Compare framing'));
  }

  dispose(): void {
    this.panel?.dispose();
    this.renderedEmitter.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
