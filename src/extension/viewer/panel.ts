/**
 * One webview panel of a Policy Lens viewer: its page (made by the viewer, ./html.ts), the handshake (the page says
 * `ready`, then gets the display toggles, the analysis, the status and the codings), the messages every viewer
 * understands (explanations, reports, the selection for coding) and the viewer's own ones (`handleOwn`). Every
 * message has passed the viewer's field-by-field check before it reaches `handle`.
 */
import * as vscode from 'vscode';
import type { ViewerDocument } from './document';
import type { BasePayload, BaseReport, CommonWebviewMessage } from './protocol';

/**
 * What a viewer's page may load, inside the extension only: media/viewer (the shared stylesheet), the viewer's own
 * media folder and its built assets (dist/<viewer>-viewer). The document itself reaches the page as a message.
 */
export function viewerResources(extensionUri: vscode.Uri, viewer: 'pdf' | 'docx'): {
  roots: vscode.Uri[];
  assets: vscode.Uri;
  styles(webview: vscode.Webview): string[];
} {
  const media = vscode.Uri.joinPath(extensionUri, 'media');
  const assets = vscode.Uri.joinPath(extensionUri, 'dist', `${viewer}-viewer`);
  return {
    roots: [vscode.Uri.joinPath(media, 'viewer'), vscode.Uri.joinPath(media, viewer), assets],
    assets,
    styles: (webview) => [vscode.Uri.joinPath(media, 'viewer', 'viewer.css'), vscode.Uri.joinPath(media, viewer, 'viewer.css')].map((u) => webview.asWebviewUri(u).toString()),
  };
}

/** What a panel needs of its viewer (the provider). */
export interface PanelHost {
  displayMessage(): unknown;
  reported(panel: ViewerPanel<BasePayload, BaseReport>, report: BaseReport): void;
  /** Receives a raw message from the panel's webview (checked there). */
  receive(panel: ViewerPanel<BasePayload, BaseReport>, raw: unknown): Promise<boolean>;
  focusOn(doc: ViewerDocument<BasePayload, BaseReport>): void;
}

export abstract class ViewerPanel<P extends BasePayload, R extends BaseReport> {
  lastReport: R | undefined;
  readonly ready: Promise<void>;
  private markReady!: () => void;
  private selectionSeq = 0;
  private readonly selectionWaiting = new Map<number, (r: { analysisId: number; start: number; end: number } | undefined) => void>();
  protected readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly doc: ViewerDocument<P, R>,
    protected readonly host: PanelHost,
    options: { localResourceRoots: vscode.Uri[]; html: (webview: vscode.Webview) => string },
  ) {
    this.ready = new Promise((r) => (this.markReady = r));
    const { webview } = panel;
    webview.options = {
      enableScripts: true,
      enableCommandUris: false,
      enableForms: false,
      localResourceRoots: options.localResourceRoots,
    };
    webview.html = options.html(webview);
    const self = this as unknown as ViewerPanel<BasePayload, BaseReport>;
    this.disposables.push(
      webview.onDidReceiveMessage((m: unknown) => void host.receive(self, m)),
      panel.onDidChangeViewState(() => {
        if (panel.active) host.focusOn(doc as unknown as ViewerDocument<BasePayload, BaseReport>);
      }),
    );
  }

  /** A viewer's own messages (those not in CommonWebviewMessage). */
  protected abstract handleOwn(m: { type: string }): Promise<void>;

  /** Handles a checked message. */
  async handle(m: CommonWebviewMessage | { type: 'report'; report: R } | { type: string }): Promise<void> {
    switch (m.type) {
      case 'ready':
        await this.post(this.host.displayMessage());
        this.markReady();
        await this.doc.attach(this);
        break;
      case 'explain': {
        const e = m as Extract<CommonWebviewMessage, { type: 'explain' }>;
        await this.post({ type: 'explanation', id: e.id, explanation: this.doc.explain(e.analysisId, e.finding) });
        break;
      }
      case 'report':
        this.lastReport = (m as { report: R }).report;
        this.host.reported(this as unknown as ViewerPanel<BasePayload, BaseReport>, this.lastReport);
        break;
      case 'selection': {
        const s = m as Extract<CommonWebviewMessage, { type: 'selection' }>;
        const done = this.selectionWaiting.get(s.id);
        this.selectionWaiting.delete(s.id);
        done?.({ analysisId: s.analysisId, start: s.start, end: s.end });
        break;
      }
      default:
        await this.handleOwn(m);
    }
  }

  /** The webview's selection as a range of the text (undefined when it does not answer in time). */
  async requestSelection(timeoutMs = 5_000): Promise<{ analysisId: number; start: number; end: number } | undefined> {
    await this.ready;
    const id = ++this.selectionSeq;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.selectionWaiting.delete(id);
        resolve(undefined);
      }, timeoutMs);
      this.selectionWaiting.set(id, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
      void this.post({ type: 'getSelection', id });
    });
  }

  async post(m: unknown): Promise<void> {
    try {
      await this.panel.webview.postMessage(m);
    } catch {
      // the panel is gone
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
