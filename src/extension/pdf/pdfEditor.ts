/**
 * The PDF viewer: a read-only custom editor for `*.pdf` (priority `option`: «Open With… → Policy Lens PDF
 * Viewer», or the command «Policy Lens: Open with Policy Lens»). What every viewer does (reading, analysing in the
 * viewers' worker, the Findings and Framing views, reveal, codings, the message check) is ../viewer; this file adds
 * what only a PDF needs:
 *
 *  - one extraction, two renderings: the worker extracts the text with pdf.js and analyses it (for a long document
 *    first the first pages, a preview); the webview gets the same bytes to draw the pages with pdf.js and the item
 *    map to place the findings on its text layer (./webview/main.ts);
 *  - the password of an encrypted PDF (asked again when wrong; the analysis and the pages use it);
 *  - each panel's page and zoom, kept over a reload; links, opened only after the user confirms them in a modal
 *    dialog (http, https and mailto).
 *
 * Security: see ../viewer/html.ts for the CSP. `localResourceRoots` are the viewer's folders in the extension
 * (media/viewer, media/pdf, dist/pdf-viewer): the PDF's bytes reach the webview as a message, so the document's
 * folder needs no access at all.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { indexAtOrBefore } from '../../core';
import { makeNonce } from '../nonce';
import { ViewerDocument, ViewerHost, ViewerState } from '../viewer/document';
import { PanelHost, ViewerPanel, viewerResources } from '../viewer/panel';
import { translated, ViewerApi, ViewerDeps, ViewerProvider } from '../viewer/provider';
import { VIEWER_STRINGS, viewerHtml } from './html';
import { AnalysisPayload, externalLink, HostMessage, parseWebviewMessage, RenderReport, ViewState, WebviewMessage } from './protocol';

export const PDF_VIEW_TYPE = 'policyLens.pdfViewer';
const PREVIEW_PAGES = 3;

/** What the viewer says about one open PDF (tests, `PolicyLensApi.pdf`). */
export interface PdfState extends ViewerState<RenderReport> {
  passwordTries: number;
  /** The page and zoom each viewer last told the host (kept over a reload). */
  viewStates: ViewState[];
}

export type PasswordPrompt = (file: string, wrong: boolean) => Promise<string | undefined>;
type LinkHandlers = { confirm?: (url: string) => Promise<boolean>; open?: (url: vscode.Uri) => Promise<boolean> };

/** The API the tests use (`PolicyLensApi.pdf`). */
export interface PdfViewerApi extends ViewerApi<PdfState, RenderReport, HostMessage> {
  /** Replaces the password prompt (tests; undefined restores showInputBox). */
  setPasswordPrompt(prompt: PasswordPrompt | undefined): void;
  /** Replaces the link confirmation and opening (tests; undefined restores the modal dialog and openExternal). */
  setLinkHandlers(h: LinkHandlers | undefined): void;
}

/** The prompt and link hooks, replaceable by the tests. */
const hooks: { password?: PasswordPrompt; links?: LinkHandlers } = {};

// ───────────────────────────── the document ─────────────────────────────

class PdfDocument extends ViewerDocument<AnalysisPayload, RenderReport> {
  readonly kind = 'pdf';
  protected override previewPages = PREVIEW_PAGES;
  private password: string | undefined;
  private prompting = false;
  passwordTries = 0;

  constructor(uri: vscode.Uri, host: ViewerHost) {
    super(uri, host);
  }

  protected refuse(data: Uint8Array): { code: string; message: string } | undefined {
    if (data.length === 0) return { code: 'corrupt', message: l10n.t('{0} is empty (0 bytes): it is not a PDF.', this.label) };
    if (!hasPdfHeader(data)) return { code: 'unsupported', message: l10n.t('{0} is not a PDF file (it does not start with %PDF-).', this.label) };
    return undefined;
  }

  protected tooLarge(file: string, mb: string, maxMB: number): string {
    return l10n.t('{0} is {1} MB, more than the {2} MB the PDF viewer opens (setting policyLens.pdf.maxFileSizeMB).', file, mb, maxMB);
  }

  where(offset: number): string {
    const starts = this.current?.payload.pageStarts;
    if (!starts || !starts.length) return '';
    return l10n.t('page {0}', indexAtOrBefore(starts, offset) + 1);
  }

  protected override async onBytes(gen: number, data: Uint8Array): Promise<void> {
    await Promise.all([...this.panels].map((p) => (p as PdfPanel).sendLoad(gen, data, this.password)));
  }

  protected override async attachExtra(panel: ViewerPanel<AnalysisPayload, RenderReport>): Promise<void> {
    if (this.bytes && !(this.status.state === 'error' && this.status.code === 'password')) {
      await (panel as PdfPanel).sendLoad(this.generation, this.bytes, this.password);
    }
  }

  protected override jobExtras(): { password?: string } {
    return { password: this.password };
  }

  protected override async onJobError(gen: number, code: string, message: string): Promise<void> {
    if (code === 'password') {
      const wrong = this.password !== undefined;
      this.setStatus({
        state: 'error',
        code,
        severity: 'error',
        message: wrong ? l10n.t('The password is wrong.') : l10n.t('This PDF is protected by a password.'),
        passwordAction: true,
      });
      await this.askPassword(wrong);
      return;
    }
    if (code === 'no-text') {
      // The pages are shown (the webview has the bytes); there is nothing to analyse.
      this.fail(gen, code, l10n.t('No text found in this PDF: it is probably scanned (images of pages). It needs OCR (text recognition) before Policy Lens can analyse it; the pages are shown without highlights.'), 'warning');
      return;
    }
    // The engine's messages name the file and say what is wrong («x.pdf is damaged or incomplete and cannot be
    // read (…)»); the webview may still show what pdf.js can render of a damaged file.
    this.fail(gen, code, message);
  }

  /** Asks for the password (again, when the last one was wrong); the analysis and the pages then use it. */
  async askPassword(wrong: boolean): Promise<void> {
    if (this.prompting) return;
    this.prompting = true;
    try {
      this.passwordTries++;
      const pw = await promptPassword(this.label, wrong);
      if (pw === undefined) return; // cancelled: the message bar keeps its «Enter password…» button
      this.password = pw;
    } finally {
      this.prompting = false;
    }
    await this.load();
  }

  override get stateSummary(): PdfState {
    return {
      ...super.stateSummary,
      passwordTries: this.passwordTries,
      viewStates: [...this.panels].map((p) => (p as PdfPanel).viewState).filter((v): v is ViewState => !!v),
    };
  }
}

// ───────────────────────────── one viewer (webview panel) ─────────────────────────────

class PdfPanel extends ViewerPanel<AnalysisPayload, RenderReport> {
  viewState: ViewState | undefined;

  constructor(panel: vscode.WebviewPanel, doc: PdfDocument, host: PanelHost, extensionUri: vscode.Uri) {
    const r = viewerResources(extensionUri, 'pdf');
    super(panel, doc, host, {
      localResourceRoots: r.roots,
      html: (webview) =>
        viewerHtml({
          cspSource: webview.cspSource,
          nonce: makeNonce(),
          assets: webview.asWebviewUri(r.assets).toString(),
          styles: r.styles(webview),
          strings: translated(VIEWER_STRINGS),
          lang: vscode.env.language,
        }),
    });
  }

  private get pdf(): PdfDocument {
    return this.doc as PdfDocument;
  }

  protected async handleOwn(raw: { type: string }): Promise<void> {
    const m = raw as WebviewMessage;
    switch (m.type) {
      case 'viewState':
        this.viewState = { page: m.page, scale: m.scale };
        break;
      case 'openLink':
        await openLink(m.url);
        break;
      case 'askPassword':
        await this.pdf.askPassword(this.pdf.status.code === 'password' && this.pdf.passwordTries > 0);
        break;
      case 'loadFailed':
        // A password the host has not got yet makes pdf.js in the webview fail too: the host asks for it.
        if (m.name === 'PasswordException' || this.pdf.status.state === 'error') break;
        await this.post({
          type: 'status',
          generation: m.generation,
          state: this.pdf.status.state,
          severity: 'error',
          code: 'render',
          message: l10n.t('The pages cannot be shown ({0}: {1}). The analysis is not affected.', m.name, m.message),
        });
        break;
    }
  }

  async sendLoad(generation: number, data: Uint8Array, password: string | undefined): Promise<void> {
    await this.ready;
    // A copy per viewer (a plain Uint8Array: the message may transfer, i.e. detach, the buffer it is given).
    await this.post({ type: 'load', generation, data: new Uint8Array(data), password, restore: this.viewState, fileName: this.doc.label });
  }
}

// ───────────────────────────── prompts and links ─────────────────────────────

async function promptPassword(file: string, wrong: boolean): Promise<string | undefined> {
  if (hooks.password) return hooks.password(file, wrong);
  return vscode.window.showInputBox({
    password: true,
    ignoreFocusOut: true,
    title: l10n.t('Policy Lens: {0} is protected by a password', file),
    prompt: wrong ? l10n.t('The password is wrong. Try again, or press Escape to cancel.') : l10n.t('Enter the password to show and analyse the PDF.'),
    placeHolder: l10n.t('Password'),
  });
}

/** Opens a link from the PDF after the user agrees (http, https and mailto only). */
async function openLink(url: string): Promise<boolean> {
  const safe = externalLink(url);
  if (!safe) return false;
  const confirm =
    hooks.links?.confirm ??
    (async (u: string) => {
      const open = l10n.t('Open Link');
      const choice = await vscode.window.showInformationMessage(
        l10n.t('The PDF links to {0}. Open it outside VS Code?', u),
        { modal: true, detail: l10n.t('Links in documents can lead anywhere; open only those you trust.') },
        open,
      );
      return choice === open;
    });
  if (!(await confirm(safe))) return false;
  const open = hooks.links?.open ?? ((u: vscode.Uri) => Promise.resolve(vscode.env.openExternal(u)));
  return open(vscode.Uri.parse(safe, true));
}

function hasPdfHeader(data: Uint8Array): boolean {
  const n = Math.min(data.length, 1024);
  for (let i = 0; i + 4 < n; i++) {
    if (data[i] === 0x25 && data[i + 1] === 0x50 && data[i + 2] === 0x44 && data[i + 3] === 0x46 && data[i + 4] === 0x2d) return true;
  }
  return false;
}

// ───────────────────────────── registration ─────────────────────────────

export interface PdfViewerController {
  /** Call when highlights are switched on/off or categories change. */
  refreshDisplay(): void;
  readonly api: PdfViewerApi;
}

/** Registers the custom editor and the «Open with Policy Lens» command. */
export function registerPdfViewer(context: vscode.ExtensionContext, deps: ViewerDeps): PdfViewerController {
  const viewer = new ViewerProvider<PdfDocument, PdfState, RenderReport, HostMessage>(
    {
      viewType: PDF_VIEW_TYPE,
      maxSizeSetting: 'pdf.maxFileSizeMB',
      defaultMaxMB: 100,
      openCommand: 'policyLens.openPdf',
      extension: 'pdf',
      pickTitle: l10n.t('Open a PDF with Policy Lens'),
      newDocument: (uri, host) => new PdfDocument(uri, host),
      newPanel: (panel, doc, host) => new PdfPanel(panel, doc, host, context.extensionUri) as unknown as ViewerPanel<never, never>,
      parse: parseWebviewMessage,
    },
    deps,
  );
  viewer.register(context);
  return {
    refreshDisplay: () => viewer.refreshDisplay(),
    api: {
      ...viewer.api,
      setPasswordPrompt: (prompt) => {
        hooks.password = prompt;
      },
      setLinkHandlers: (h) => {
        hooks.links = h;
      },
    },
  };
}
