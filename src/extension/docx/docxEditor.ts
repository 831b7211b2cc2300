/**
 * The DOCX viewer: a read-only custom editor for `*.docx` (priority `option`: «Open With… → Policy Lens DOCX
 * Viewer», or the command «Policy Lens: Open DOCX with Policy Lens»). Everything but the format is the viewers'
 * shared layer (../viewer): the analysis worker extracts the text with the engine (the text the CLI analyses) and
 * its layout — headings, paragraphs, lists, tables — and analyses it; the webview (./webview/main.ts) draws the
 * text block by block from the layout, so every finding lands on its words, and draws codings the same way.
 *
 * A file that is not a DOCX (no ZIP header), an old binary .doc or an encrypted Office file, a damaged package, or
 * one over `policyLens.docx.maxFileSizeMB` gets a message in the viewer. `localResourceRoots` are the viewer's
 * own folders; the document reaches the webview as a message.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { makeNonce } from '../nonce';
import { ViewerDocument, ViewerHost, ViewerState } from '../viewer/document';
import { PanelHost, ViewerPanel, viewerResources } from '../viewer/panel';
import { translated, ViewerApi, ViewerDeps, ViewerProvider } from '../viewer/provider';
import { DOCX_STRINGS, docxHtml } from './html';
import { blockAt, DocxPayload, DocxReport, HostMessage, parseWebviewMessage, WebviewMessage } from './protocol';

export const DOCX_VIEW_TYPE = 'policyLens.docxViewer';

export type DocxState = ViewerState<DocxReport>;
export type DocxViewerApi = ViewerApi<DocxState, DocxReport, HostMessage>;

class DocxDocument extends ViewerDocument<DocxPayload, DocxReport> {
  readonly kind = 'docx';

  constructor(uri: vscode.Uri, host: ViewerHost) {
    super(uri, host);
  }

  protected refuse(data: Uint8Array): { code: string; message: string } | undefined {
    if (data.length === 0) return { code: 'corrupt', message: l10n.t('{0} is empty (0 bytes): it is not a Word document.', this.label) };
    // An encrypted (password-protected) DOCX is an OLE compound file, like an old .doc.
    if (data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0) {
      return { code: 'unsupported', message: l10n.t('{0} is encrypted (protected by a password) or an old binary Word (.doc) file. Save it as .docx without a password to analyse it.', this.label) };
    }
    if (!(data[0] === 0x50 && data[1] === 0x4b)) return { code: 'corrupt', message: l10n.t('{0} is not a DOCX file (not a ZIP package).', this.label) };
    return undefined;
  }

  protected tooLarge(file: string, mb: string, maxMB: number): string {
    return l10n.t('{0} is {1} MB, more than the {2} MB the DOCX viewer opens (setting policyLens.docx.maxFileSizeMB).', file, mb, maxMB);
  }

  /** «paragraph 12»: the paragraph (layout block) the offset is in. */
  where(offset: number): string {
    const i = blockAt(this.shown?.layout ?? [], offset);
    return i < 0 ? '' : l10n.t('paragraph {0}', i + 1);
  }
}

class DocxPanel extends ViewerPanel<DocxPayload, DocxReport> {
  scroll = 0;

  constructor(panel: vscode.WebviewPanel, doc: DocxDocument, host: PanelHost, extensionUri: vscode.Uri) {
    const r = viewerResources(extensionUri, 'docx');
    super(panel, doc, host, {
      localResourceRoots: r.roots,
      html: (webview) =>
        docxHtml({
          cspSource: webview.cspSource,
          nonce: makeNonce(),
          script: webview.asWebviewUri(vscode.Uri.joinPath(r.assets, 'viewer.js')).toString(),
          styles: r.styles(webview),
          strings: translated(DOCX_STRINGS),
          lang: vscode.env.language,
        }),
    });
  }

  protected async handleOwn(raw: { type: string }): Promise<void> {
    const m = raw as WebviewMessage;
    if (m.type === 'viewState') this.scroll = m.scroll;
  }
}

export interface DocxViewerController {
  refreshDisplay(): void;
  readonly api: DocxViewerApi;
}

/** Registers the custom editor and the «Open DOCX with Policy Lens» command. */
export function registerDocxViewer(context: vscode.ExtensionContext, deps: ViewerDeps): DocxViewerController {
  const viewer = new ViewerProvider<DocxDocument, DocxState, DocxReport, HostMessage>(
    {
      viewType: DOCX_VIEW_TYPE,
      maxSizeSetting: 'docx.maxFileSizeMB',
      defaultMaxMB: 50,
      openCommand: 'policyLens.openDocx',
      extension: 'docx',
      pickTitle: l10n.t('Open a Word document with Policy Lens'),
      newDocument: (uri, host) => new DocxDocument(uri, host),
      newPanel: (panel, doc, host) => new DocxPanel(panel, doc, host, context.extensionUri) as unknown as ViewerPanel<never, never>,
      parse: parseWebviewMessage,
    },
    deps,
  );
  viewer.register(context);
  return { refreshDisplay: () => viewer.refreshDisplay(), api: viewer.api };
}
