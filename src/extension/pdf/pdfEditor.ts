/**
 * The PDF viewer: a read-only custom editor for `*.pdf` (priority `option`: «Open With… → Policy Lens PDF
 * Viewer», or the command «Policy Lens: Open with Policy Lens»).
 *
 * One extraction: the extension host reads the file and hands its bytes to the analysis worker (./analyzer.ts →
 * ./worker.ts: the engine's pdf.js extractor and the analysis); the webview gets the same bytes to render the pages
 * with pdf.js and the item map to place the findings on its text layer (./webview/main.ts). For a long document the
 * worker first answers with the first pages (a preview), so the first page is highlighted while the rest is read.
 *
 * The document is an AnalysisSource (../sources.ts): the Findings tree and the Framing view show it while its
 * viewer is the active editor, and revealing a finding or a sentence scrolls the viewer there and flashes it.
 *
 * Security: see ./html.ts for the CSP. `localResourceRoots` are the viewer's two folders in the extension
 * (media/pdf, dist/pdf-viewer): the PDF's bytes reach the webview as a message, so the document's folder needs
 * no access at all. Every message from the webview is checked by `parseWebviewMessage` (./protocol.ts); links
 * are opened only after the user confirms them in a modal dialog.
 */
import * as l10n from '@vscode/l10n';
import * as crypto from 'crypto';
import * as path from 'path';
import * as vscode from 'vscode';
import { CATEGORIES } from '../../core';
import type { Category, DocumentAnalysis, Limits } from '../../core';
import type { Span } from '../analysisService';
import { loadUserLexicon } from '../engine';
import { categoryLabel } from '../labels';
import type { AnalysisFocus, AnalysisSource, SourceSnapshot } from '../sources';
import { PdfCodable, pdfCodingProvider, setPdfCodingViewer } from '../coding/pdfBridge';
import { PdfAnalyzer, JobHandle } from './analyzer';
import { explainFinding } from './explain';
import { VIEWER_STRINGS, ViewerStringKey, viewerHtml } from './html';
import { AnalysisPayload, externalLink, HostMessage, parseWebviewMessage, RenderReport, StatusMessage, ViewState, WebviewMessage } from './protocol';
import type { PdfJobReply } from './worker';

export const PDF_VIEW_TYPE = 'policyLens.pdfViewer';
const PREVIEW_PAGES = 3;
const DEFAULT_MAX_MB = 100;

export interface PdfDisplay {
  visible: boolean;
  categories: Record<Category, boolean>;
  language: 'auto' | 'nb' | 'nn';
  /** Resource limits (policyLens.limits.*). */
  limits?: Partial<Limits>;
}

export interface PdfViewerDeps {
  focus: AnalysisFocus;
  /** The user's lexicon files as last loaded (policyLens.lexiconFiles and workspace lexicons), and their changes. */
  lexiconFiles: () => readonly string[];
  onDidChangeLexicon: vscode.Event<void>;
  display: () => PdfDisplay;
}

/** What the viewer says about one open PDF (tests, `PolicyLensApi.pdf`). */
export interface PdfState {
  state: 'loading' | 'analysing' | 'ready' | 'error';
  /** ExtractionError code (password, corrupt, no-text, unsupported, too-large, io) or render / analysis. */
  code?: string;
  message?: string;
  analysis?: DocumentAnalysis;
  phase?: 'preview' | 'final';
  passwordTries: number;
  /** The last report of each of its viewers. */
  reports: RenderReport[];
  /** The page and zoom each viewer last told the host (kept over a reload). */
  viewStates: ViewState[];
  /** The extracted text the current analysis was made from. */
  text?: string;
  panels: number;
  warnings: string[];
}

/** The API the tests use (`PolicyLensApi.pdf`). */
export interface PdfViewerApi {
  readonly viewType: string;
  state(uri: vscode.Uri): PdfState | undefined;
  /** Resolves when a viewer of the document reports something `pred` accepts. */
  whenReport(uri: vscode.Uri, pred: (r: RenderReport, s: PdfState) => boolean, timeoutMs?: number): Promise<RenderReport>;
  /** Resolves when the document's state satisfies `pred`. */
  whenState(uri: vscode.Uri, pred: (s: PdfState) => boolean, timeoutMs?: number): Promise<PdfState>;
  /** Sends a message to the document's viewers (tests: scroll, find, requestReport). */
  post(uri: vscode.Uri, m: HostMessage): Promise<void>;
  /** Hands a raw message to the host as if a viewer of the document had sent it; true when it was acted on. */
  receive(uri: vscode.Uri, raw: unknown): Promise<boolean>;
  /** Replaces the password prompt (tests; undefined restores showInputBox). */
  setPasswordPrompt(prompt: PasswordPrompt | undefined): void;
  /** Replaces the link confirmation and opening (tests; undefined restores the modal dialog and openExternal). */
  setLinkHandlers(h: { confirm?: (url: string) => Promise<boolean>; open?: (url: vscode.Uri) => Promise<boolean> } | undefined): void;
  /** Messages from the webviews dropped by the check. */
  rejected(): number;
}

export type PasswordPrompt = (file: string, wrong: boolean) => Promise<string | undefined>;

// ───────────────────────────── the document ─────────────────────────────

class PdfDocument implements vscode.CustomDocument, AnalysisSource {
  readonly kind = 'pdf';
  private generation = 0;
  private nextAnalysisId = 1;
  private bytes: Uint8Array | undefined;
  private password: string | undefined;
  private job: JobHandle | undefined;
  private prompting = false;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  readonly panels = new Set<PdfPanel>();
  /** Analyses by id (the preview and the final one of the current load): explanations refer to them. */
  private readonly analyses = new Map<number, { analysis: DocumentAnalysis; payload: AnalysisPayload }>();
  current: { analysis: DocumentAnalysis; payload: AnalysisPayload } | undefined;
  status: StatusMessage = { type: 'status', generation: 0, state: 'loading' };
  passwordTries = 0;
  private readonly disposables: vscode.Disposable[] = [];
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly uri: vscode.Uri,
    private readonly viewer: PdfViewer,
  ) {
    // Reload when the file changes on disk (keeping each viewer's page and zoom).
    const folder = vscode.Uri.joinPath(uri, '..');
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, path.basename(uri.path)));
    const soon = () => {
      if (this.reloadTimer) clearTimeout(this.reloadTimer);
      this.reloadTimer = setTimeout(() => void this.reloadIfChanged(), 300);
    };
    this.disposables.push(watcher, watcher.onDidChange(soon), watcher.onDidCreate(soon), this.changed);
  }

  get label(): string {
    return path.basename(this.uri.path);
  }

  // ── AnalysisSource ──────────────────────────────────────────────────────────────────────────────
  snapshot(): SourceSnapshot {
    const a = this.current?.analysis;
    const spans: Span[] = a ? a.findings.map((f) => ({ start: f.start, end: f.end, finding: f })) : [];
    const state = this.status.state === 'loading' ? 'analysing' : this.status.state;
    const error = this.status.state === 'error' ? this.status.message : undefined;
    return { state, analysis: a, spans, stale: false, error };
  }

  async reveal(start: number, end: number, how: 'select' | 'flash'): Promise<boolean> {
    const cur = this.current;
    if (!cur) return false;
    let panel = [...this.panels].find((p) => p.panel.active) ?? [...this.panels].find((p) => p.panel.visible) ?? [...this.panels][0];
    if (!panel) {
      await vscode.commands.executeCommand('vscode.openWith', this.uri, PDF_VIEW_TYPE);
      panel = [...this.panels][0];
      if (!panel) return false;
    } else {
      panel.panel.reveal(panel.panel.viewColumn, false);
    }
    await panel.ready;
    await panel.post({ type: 'reveal', analysisId: cur.payload.analysisId, start, end, how });
    return true;
  }

  where(offset: number): string {
    const starts = this.current?.payload.pageStarts;
    if (!starts || !starts.length) return '';
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return l10n.t('page {0}', lo + 1);
  }

  // ── loading ─────────────────────────────────────────────────────────────────────────────────────
  /** Size and modification time of the file as last read. */
  private loadedStat: { size: number; mtime: number } | undefined;

  /** The watcher saw the file: read it again unless it is the file already shown (a late event of its creation). */
  private async reloadIfChanged(): Promise<void> {
    const seen = this.loadedStat;
    if (seen) {
      try {
        const stat = await vscode.workspace.fs.stat(this.uri);
        if (stat.size === seen.size && stat.mtime === seen.mtime && this.loadedStat === seen) return;
      } catch {
        // gone or unreadable: load() says so
      }
    }
    await this.load();
  }

  /** (Re)reads the file, sends it to the viewers and analyses it. */
  async load(): Promise<void> {
    const gen = ++this.generation;
    this.job?.cancel();
    this.job = undefined;
    this.setStatus({ state: 'loading' });
    const file = this.label;
    const maxMB = this.viewer.maxFileSizeMB();
    let data: Uint8Array;
    try {
      const stat = await vscode.workspace.fs.stat(this.uri);
      if (gen !== this.generation) return;
      if (stat.size > maxMB * 1024 * 1024) {
        this.fail(gen, 'too-large', l10n.t('{0} is {1} MB, more than the {2} MB the PDF viewer opens (setting policyLens.pdf.maxFileSizeMB).', file, (stat.size / 1048576).toFixed(1), maxMB));
        return;
      }
      // A plain Uint8Array of its own (readFile may give a Node Buffer, a view on a shared pool).
      data = new Uint8Array(await vscode.workspace.fs.readFile(this.uri));
      this.loadedStat = data.length === stat.size ? { size: stat.size, mtime: stat.mtime } : undefined;
    } catch (e) {
      if (gen === this.generation) this.fail(gen, 'io', l10n.t('{0} cannot be read: {1}', file, (e as Error).message));
      return;
    }
    if (gen !== this.generation) return;
    if (data.length === 0) {
      this.fail(gen, 'corrupt', l10n.t('{0} is empty (0 bytes): it is not a PDF.', file));
      return;
    }
    if (!hasPdfHeader(data)) {
      this.fail(gen, 'unsupported', l10n.t('{0} is not a PDF file (it does not start with %PDF-).', file));
      return;
    }
    this.bytes = data;
    this.analyses.clear();
    this.current = undefined;
    this.changed.fire();
    await Promise.all([...this.panels].map((p) => p.sendLoad(gen, data, this.password)));
    this.setStatus({ state: 'analysing' });
    await this.analyse(gen);
  }

  /** Runs the analysis worker on the current bytes (a new lexicon re-analyses without re-reading the file). */
  async analyse(gen = this.generation): Promise<void> {
    if (!this.bytes) return;
    this.job?.cancel();
    const lexicon = await this.viewer.lexicon();
    if (gen !== this.generation) return;
    const previewId = this.nextAnalysisId++;
    const finalId = this.nextAnalysisId++;
    this.job = this.viewer.analyzer.run(
      {
        bytes: this.bytes,
        file: this.label,
        password: this.password,
        lexicon,
        language: this.viewer.deps.display().language,
        limits: this.viewer.deps.display().limits,
        previewPages: PREVIEW_PAGES,
        generation: gen,
        previewId,
        finalId,
      },
      (r) => void this.onReply(gen, r),
    );
  }

  private async onReply(gen: number, r: PdfJobReply): Promise<void> {
    if (gen !== this.generation) return;
    if (r.phase === 'error') {
      this.job = undefined;
      await this.onError(gen, r.error.code, r.error.message);
      return;
    }
    if (this.current?.payload.phase === 'final' && r.phase === 'preview') return;
    // The whole document's analysis replaces the preview (the viewers switch to it too).
    if (r.phase === 'final') this.analyses.clear();
    this.analyses.set(r.payload.analysisId, { analysis: r.analysis, payload: r.payload });
    this.current = { analysis: r.analysis, payload: r.payload };
    for (const p of this.panels) void p.post({ type: 'analysis', ...r.payload });
    void this.sendCodings();
    if (r.phase === 'final') {
      this.job = undefined;
      const warnings = r.payload.warnings;
      this.setStatus(
        warnings.length
          ? { state: 'ready', severity: 'warning', message: warnings.slice(0, 2).join(' ') + (warnings.length > 2 ? ` (+${warnings.length - 2})` : '') }
          : { state: 'ready' },
      );
    } else {
      this.changed.fire();
    }
  }

  private async onError(gen: number, code: string, message: string): Promise<void> {
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
      const pw = await this.viewer.promptPassword(this.label, wrong);
      if (pw === undefined) return; // cancelled: the message bar keeps its «Enter password…» button
      this.password = pw;
    } finally {
      this.prompting = false;
    }
    await this.load();
  }

  private fail(gen: number, code: string, message: string, severity: StatusMessage['severity'] = 'error'): void {
    if (gen !== this.generation) return;
    this.setStatus({ state: 'error', code, message, severity });
  }

  private setStatus(s: Omit<StatusMessage, 'type' | 'generation'>): void {
    this.status = { type: 'status', generation: this.generation, ...s };
    for (const p of this.panels) void p.post(this.status);
    this.changed.fire();
    this.viewer.stateChanged(this);
  }

  explain(analysisId: number, finding: number) {
    const a = this.analyses.get(analysisId);
    return a ? explainFinding(a.analysis, finding) : null;
  }

  get stateSummary(): PdfState {
    return {
      state: this.status.state,
      code: this.status.code,
      message: this.status.message,
      analysis: this.current?.analysis,
      phase: this.current?.payload.phase,
      passwordTries: this.passwordTries,
      reports: [...this.panels].map((p) => p.lastReport).filter((r): r is RenderReport => !!r),
      viewStates: [...this.panels].map((p) => p.viewState).filter((v): v is ViewState => !!v),
      panels: this.panels.size,
      warnings: this.current?.payload.warnings ?? [],
      text: this.current?.payload.text,
    };
  }

  /** What a new viewer needs: the bytes, the analysis so far, the state. */
  async attach(panel: PdfPanel): Promise<void> {
    if (this.bytes && !(this.status.state === 'error' && this.status.code === 'password')) {
      await panel.sendLoad(this.generation, this.bytes, this.password);
    }
    if (this.current) await panel.post({ type: 'analysis', ...this.current.payload });
    await panel.post(this.status);
    await this.sendCodings([panel]);
  }

  /** The document's codings (stored against its extracted text) to its viewers, for the current analysis. */
  async sendCodings(panels: Iterable<PdfPanel> = this.panels): Promise<void> {
    const cur = this.current;
    const provider = pdfCodingProvider();
    if (!cur || !provider) return;
    let codings: Awaited<ReturnType<typeof provider.codingsFor>>;
    try {
      codings = await provider.codingsFor(this.uri, cur.payload.text);
    } catch {
      return; // a broken codings file: the Codes tree reports it
    }
    if (this.current !== cur) return;
    for (const p of panels) void p.post({ type: 'codings', analysisId: cur.payload.analysisId, codings });
  }

  /** As coding sees the document: its extracted text, analysis and the viewer's selection. */
  get codable(): PdfCodable {
    return {
      uri: this.uri,
      text: () => (this.current?.payload.phase === 'final' ? this.current.payload.text : undefined),
      analysis: () => (this.current?.payload.phase === 'final' ? this.current.analysis : undefined),
      selection: async () => {
        const cur = this.current;
        const panel = [...this.panels].find((p) => p.panel.active) ?? [...this.panels][0];
        if (!cur || cur.payload.phase !== 'final' || !panel) return undefined;
        const r = await panel.requestSelection();
        if (!r || r.analysisId !== cur.payload.analysisId || this.current !== cur) return undefined;
        if (r.end <= r.start || r.end > cur.payload.text.length) return undefined;
        return { start: r.start, end: r.end };
      },
    };
  }

  dispose(): void {
    this.job?.cancel();
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    for (const d of this.disposables) d.dispose();
    this.bytes = undefined;
    this.analyses.clear();
    this.current = undefined;
  }
}

// ───────────────────────────── one viewer (webview panel) ─────────────────────────────

class PdfPanel {
  viewState: ViewState | undefined;
  lastReport: RenderReport | undefined;
  readonly ready: Promise<void>;
  private markReady!: () => void;
  private selectionSeq = 0;
  private readonly selectionWaiting = new Map<number, (r: { analysisId: number; start: number; end: number } | undefined) => void>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly doc: PdfDocument,
    private readonly viewer: PdfViewer,
  ) {
    this.ready = new Promise((r) => (this.markReady = r));
    const { webview } = panel;
    webview.options = {
      enableScripts: true,
      enableCommandUris: false,
      enableForms: false,
      localResourceRoots: [viewer.mediaRoot, viewer.assetsRoot],
    };
    webview.html = viewerHtml({
      cspSource: webview.cspSource,
      nonce: crypto.randomBytes(18).toString('base64'),
      assets: webview.asWebviewUri(viewer.assetsRoot).toString(),
      style: webview.asWebviewUri(vscode.Uri.joinPath(viewer.mediaRoot, 'viewer.css')).toString(),
      strings: viewerStrings(),
      lang: vscode.env.language,
    });
    this.disposables.push(
      webview.onDidReceiveMessage((m: unknown) => void this.viewer.receive(this, m)),
      panel.onDidChangeViewState(() => {
        if (panel.active) viewer.focusOn(doc);
      }),
    );
  }

  /** Handles a checked message. */
  async handle(m: WebviewMessage): Promise<void> {
    switch (m.type) {
      case 'ready':
        await this.post(this.viewer.displayMessage());
        this.markReady();
        await this.doc.attach(this);
        break;
      case 'viewState':
        this.viewState = { page: m.page, scale: m.scale };
        break;
      case 'explain':
        await this.post({ type: 'explanation', id: m.id, explanation: this.doc.explain(m.analysisId, m.finding) });
        break;
      case 'openLink':
        await this.viewer.openLink(m.url);
        break;
      case 'askPassword':
        await this.doc.askPassword(this.doc.status.code === 'password' && this.doc.passwordTries > 0);
        break;
      case 'loadFailed':
        // A password the host has not got yet makes pdf.js in the webview fail too: the host asks for it.
        if (m.name === 'PasswordException' || this.doc.status.state === 'error') break;
        await this.post({
          type: 'status',
          generation: m.generation,
          state: this.doc.status.state,
          severity: 'error',
          code: 'render',
          message: l10n.t('The pages cannot be shown ({0}: {1}). The analysis is not affected.', m.name, m.message),
        });
        break;
      case 'report':
        this.lastReport = m.report;
        this.viewer.reported(this, m.report);
        break;
      case 'selection': {
        const done = this.selectionWaiting.get(m.id);
        this.selectionWaiting.delete(m.id);
        done?.({ analysisId: m.analysisId, start: m.start, end: m.end });
        break;
      }
    }
  }

  /** The webview's text-layer selection as a range of the text (undefined when it does not answer in time). */
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

  async sendLoad(generation: number, data: Uint8Array, password: string | undefined): Promise<void> {
    await this.ready;
    // A copy per viewer (a plain Uint8Array: the message may transfer, i.e. detach, the buffer it is given).
    await this.post({ type: 'load', generation, data: new Uint8Array(data), password, restore: this.viewState, fileName: this.doc.label });
  }

  async post(m: HostMessage): Promise<void> {
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

// ───────────────────────────── the provider ─────────────────────────────

class PdfViewer implements vscode.CustomReadonlyEditorProvider<PdfDocument>, vscode.Disposable {
  readonly analyzer: PdfAnalyzer;
  readonly mediaRoot: vscode.Uri;
  readonly assetsRoot: vscode.Uri;
  private readonly docs = new Map<string, PdfDocument>();
  private readonly registrations = new Map<PdfDocument, vscode.Disposable>();
  private readonly reportEmitter = new vscode.EventEmitter<{ doc: PdfDocument; report: RenderReport }>();
  private readonly stateEmitter = new vscode.EventEmitter<PdfDocument>();
  private dropped = 0;
  private passwordPrompt: PasswordPrompt | undefined;
  private linkHandlers: { confirm?: (url: string) => Promise<boolean>; open?: (url: vscode.Uri) => Promise<boolean> } | undefined;
  private lexiconCache: { key: string; lexicon: Promise<import('../../core').Lexicon | undefined> } | undefined;

  constructor(
    context: vscode.ExtensionContext,
    readonly deps: PdfViewerDeps,
  ) {
    this.mediaRoot = vscode.Uri.joinPath(context.extensionUri, 'media', 'pdf');
    this.assetsRoot = vscode.Uri.joinPath(context.extensionUri, 'dist', 'pdf-viewer');
    this.analyzer = new PdfAnalyzer(context.asAbsolutePath('dist/pdf-worker.js'));
  }

  maxFileSizeMB(): number {
    const v = Number(vscode.workspace.getConfiguration('policyLens').get<number>('pdf.maxFileSizeMB', DEFAULT_MAX_MB));
    return Number.isFinite(v) && v > 0 ? v : DEFAULT_MAX_MB;
  }

  /** The user's lexicon (undefined: the built-in one), loaded once per set of files. */
  lexicon(): Promise<import('../../core').Lexicon | undefined> {
    const files = [...this.deps.lexiconFiles()];
    const key = JSON.stringify(files);
    if (!this.lexiconCache || this.lexiconCache.key !== key) {
      this.lexiconCache = { key, lexicon: loadUserLexicon(files).then((r) => r.lexicon) };
    }
    return this.lexiconCache.lexicon;
  }

  async openCustomDocument(uri: vscode.Uri): Promise<PdfDocument> {
    const doc = new PdfDocument(uri, this);
    this.docs.set(uri.toString(), doc);
    this.registrations.set(doc, this.deps.focus.register(doc));
    void doc.load();
    return doc;
  }

  async resolveCustomEditor(doc: PdfDocument, panel: vscode.WebviewPanel): Promise<void> {
    const p = new PdfPanel(panel, doc, this);
    doc.panels.add(p);
    panel.onDidDispose(() => {
      doc.panels.delete(p);
      p.dispose();
    });
    if (panel.active) this.focusOn(doc);
  }

  /** The PDF whose viewer is the active editor (coding). */
  activeDocument(): PdfDocument | undefined {
    return [...this.docs.values()].find((d) => [...d.panels].some((p) => p.panel.active));
  }

  /** Sends the codings again (they changed). */
  refreshCodings(uri?: vscode.Uri): void {
    for (const doc of this.docs.values()) if (!uri || doc.uri.toString() === uri.toString()) void doc.sendCodings();
  }

  /** The viewer of `doc` became the active editor: the views show it. */
  focusOn(doc: PdfDocument): void {
    this.deps.focus.set(doc);
  }

  async receive(panel: PdfPanel, raw: unknown): Promise<boolean> {
    const m = parseWebviewMessage(raw);
    if (!m) {
      this.dropped++;
      return false;
    }
    await panel.handle(m);
    return true;
  }

  displayMessage(): HostMessage {
    const d = this.deps.display();
    const labels = Object.fromEntries(CATEGORIES.map((c) => [c, categoryLabel(c)])) as Record<Category, string>;
    return { type: 'display', visible: d.visible, categories: { ...d.categories }, labels };
  }

  /** Highlights on/off or categories changed: every viewer repaints. */
  refreshDisplay(): void {
    const m = this.displayMessage();
    for (const doc of this.docs.values()) for (const p of doc.panels) void p.post(m);
  }

  /** The lexicon changed: every PDF is analysed again (the file is not read again). */
  relexicon(): void {
    this.lexiconCache = undefined;
    for (const doc of this.docs.values()) void doc.analyse();
  }

  async promptPassword(file: string, wrong: boolean): Promise<string | undefined> {
    if (this.passwordPrompt) return this.passwordPrompt(file, wrong);
    return vscode.window.showInputBox({
      password: true,
      ignoreFocusOut: true,
      title: l10n.t('Policy Lens: {0} is protected by a password', file),
      prompt: wrong ? l10n.t('The password is wrong. Try again, or press Escape to cancel.') : l10n.t('Enter the password to show and analyse the PDF.'),
      placeHolder: l10n.t('Password'),
    });
  }

  /** Opens a link from the PDF after the user agrees (http, https and mailto only). */
  async openLink(url: string): Promise<boolean> {
    const safe = externalLink(url);
    if (!safe) return false;
    const confirm =
      this.linkHandlers?.confirm ??
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
    const open = this.linkHandlers?.open ?? ((u: vscode.Uri) => Promise.resolve(vscode.env.openExternal(u)));
    return open(vscode.Uri.parse(safe, true));
  }

  reported(panel: PdfPanel, report: RenderReport): void {
    this.reportEmitter.fire({ doc: panel.doc, report });
  }

  stateChanged(doc: PdfDocument): void {
    this.stateEmitter.fire(doc);
  }

  get api(): PdfViewerApi {
    const find = (uri: vscode.Uri) => this.docs.get(uri.toString());
    return {
      viewType: PDF_VIEW_TYPE,
      state: (uri) => find(uri)?.stateSummary,
      whenReport: (uri, pred, timeoutMs = 30_000) =>
        new Promise((resolve, reject) => {
          const check = () => {
            const d = find(uri);
            if (!d) return undefined;
            const s = d.stateSummary;
            return s.reports.find((r) => pred(r, s));
          };
          const now = check();
          if (now) return resolve(now);
          const subs: vscode.Disposable[] = [];
          const done = (f: () => void) => {
            clearTimeout(timer);
            for (const s of subs) s.dispose();
            f();
          };
          const timer = setTimeout(() => {
            const d = find(uri);
            done(() => reject(new Error(`no matching report within ${timeoutMs} ms; state ${JSON.stringify({ ...d?.stateSummary, analysis: undefined })}`)));
          }, timeoutMs);
          const onAny = () => {
            const r = check();
            if (r) done(() => resolve(r));
          };
          subs.push(this.reportEmitter.event(onAny), this.stateEmitter.event(onAny));
        }),
      whenState: (uri, pred, timeoutMs = 30_000) =>
        new Promise((resolve, reject) => {
          const now = find(uri)?.stateSummary;
          if (now && pred(now)) return resolve(now);
          const timer = setTimeout(() => {
            sub.dispose();
            reject(new Error(`state not reached within ${timeoutMs} ms: ${JSON.stringify({ ...find(uri)?.stateSummary, analysis: undefined })}`));
          }, timeoutMs);
          const sub = this.stateEmitter.event(() => {
            const s = find(uri)?.stateSummary;
            if (s && pred(s)) {
              clearTimeout(timer);
              sub.dispose();
              resolve(s);
            }
          });
        }),
      post: async (uri, m) => {
        for (const p of find(uri)?.panels ?? []) {
          await p.ready;
          await p.post(m);
        }
      },
      receive: async (uri, raw) => {
        const p = [...(find(uri)?.panels ?? [])][0];
        return p ? this.receive(p, raw) : false;
      },
      setPasswordPrompt: (prompt) => {
        this.passwordPrompt = prompt;
      },
      setLinkHandlers: (h) => {
        this.linkHandlers = h;
      },
      rejected: () => this.dropped,
    };
  }

  /** VS Code disposes a document when its last editor closes. */
  forget(doc: PdfDocument): void {
    pdfCodingProvider()?.closed(doc.uri);
    this.registrations.get(doc)?.dispose();
    this.registrations.delete(doc);
    if (this.docs.get(doc.uri.toString()) === doc) this.docs.delete(doc.uri.toString());
  }

  dispose(): void {
    for (const doc of this.docs.values()) doc.dispose();
    this.docs.clear();
    for (const r of this.registrations.values()) r.dispose();
    this.analyzer.dispose();
    this.reportEmitter.dispose();
    this.stateEmitter.dispose();
  }
}

// ───────────────────────────── registration ─────────────────────────────

export interface PdfViewerController extends vscode.Disposable {
  /** Call when highlights are switched on/off or categories change. */
  refreshDisplay(): void;
  readonly api: PdfViewerApi;
}

/** Registers the custom editor and the «Open with Policy Lens» command. */
export function registerPdfViewer(context: vscode.ExtensionContext, deps: PdfViewerDeps): PdfViewerController {
  const viewer = new PdfViewer(context, deps);
  const provider: vscode.CustomReadonlyEditorProvider<PdfDocument> = {
    openCustomDocument: async (uri, openContext, token) => {
      const doc = await viewer.openCustomDocument(uri);
      const dispose = doc.dispose.bind(doc);
      doc.dispose = () => {
        viewer.forget(doc);
        dispose();
      };
      void openContext;
      void token;
      return doc;
    },
    resolveCustomEditor: (doc, panel) => viewer.resolveCustomEditor(doc, panel),
  };
  context.subscriptions.push(
    viewer,
    vscode.window.registerCustomEditorProvider(PDF_VIEW_TYPE, provider, {
      webviewOptions: { retainContextWhenHidden: true, enableFindWidget: false },
      supportsMultipleEditorsPerDocument: true,
    }),
    vscode.commands.registerCommand('policyLens.openPdf', async (arg?: unknown) => {
      const uri = await pdfToOpen(arg);
      if (!uri) return false;
      await vscode.commands.executeCommand('vscode.openWith', uri, PDF_VIEW_TYPE);
      return true;
    }),
    deps.onDidChangeLexicon(() => viewer.relexicon()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('policyLens.language') || e.affectsConfiguration('policyLens.limits')) viewer.relexicon();
    }),
  );
  setPdfCodingViewer({ active: () => viewer.activeDocument()?.codable, refresh: (uri) => viewer.refreshCodings(uri) });
  return {
    refreshDisplay: () => viewer.refreshDisplay(),
    api: viewer.api,
    dispose: () => {
      setPdfCodingViewer(undefined);
      viewer.dispose();
    },
  };
}

/** The PDF to open: the command's argument (Explorer), the active tab's file, or one the user picks. */
async function pdfToOpen(arg: unknown): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  const tabUri =
    input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom ? input.uri : undefined;
  if (tabUri && /\.pdf$/i.test(tabUri.path)) return tabUri;
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    filters: { PDF: ['pdf'] },
    title: l10n.t('Open a PDF with Policy Lens'),
  });
  return picked?.[0];
}

function viewerStrings(): Record<ViewerStringKey, string> {
  const out = {} as Record<ViewerStringKey, string>;
  for (const [k, v] of Object.entries(VIEWER_STRINGS) as [ViewerStringKey, string][]) out[k] = l10n.t(v);
  return out;
}

function hasPdfHeader(data: Uint8Array): boolean {
  const n = Math.min(data.length, 1024);
  for (let i = 0; i + 4 < n; i++) {
    if (data[i] === 0x25 && data[i + 1] === 0x50 && data[i + 2] === 0x44 && data[i + 3] === 0x46 && data[i + 4] === 0x2d) return true;
  }
  return false;
}
