/**
 * Policy Lens for VS Code: a thin adapter over the engine (src/core). It analyses the active Markdown/plain-text
 * document off the typing path (in a worker), highlights findings per category, explains them on hover, shows the
 * score in a language status item, the framing in the «Framing» view and the findings in the «Findings» view. No
 * analysis logic lives here.
 *
 * The same code runs on the desktop (./desktop.ts, the `main` entry) and in the browser (./web.ts, the `browser`
 * entry): what differs — how workers start, the Node-only workspace features — comes in a Platform (./platform.ts).
 * Files are read and written with `vscode.workspace.fs` only.
 *
 * Both views show the focused AnalysisSource (./sources.ts): this file publishes the active text editor's
 * document as one; another editor (the PDF viewer) publishes its own through `focus`.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { CATEGORIES, Category, DocumentAnalysis } from '../core';
import { AnalysisService } from './analysisService';
import { CodingApi, registerCoding } from './coding';
import { DraftingApi, registerDrafting } from './draft';
import { registerCommands } from './commands';
import { AppliedRanges, Highlighter } from './decorations';
import { FindingDiagnostics } from './diagnostics';
import { FindingsNode, FindingsTreeProvider } from './findingsTree';
import { FRAMING_VIEW_ID, FramingViewProvider } from './framing/view';
import { FindingHoverProvider } from './hover';
import { categoryLabel } from './labels';
import { DocxViewerApi, registerDocxViewer } from './docx/docxEditor';
import { PdfViewerApi, registerPdfViewer } from './pdf/pdfEditor';
import { DocumentLoader } from './documents';
import type { Platform } from './platform';
import { ReportDocuments, reports } from './reports';
import { DocumentAnalyzer } from './viewer/analyzer';
import type { ViewerDeps } from './viewer/provider';
import { documentSelector, readSettings, SECTION, Settings } from './settings';
import { AnalysisFocus, AnalysisSource, Flasher, TextDocumentSource } from './sources';
import { ScoreStatus, StatusSnapshot } from './status';
import { WorkspaceLexicons } from './workspaceLexicon';

/**
 * What `activate` returns (`vscode.extensions.getExtension('policy-lens.policy-lens').exports`). `W`: the desktop's
 * workspace features (../audit: AuditApi; see ./desktop.ts `DesktopApi`).
 */
export interface PolicyLensApi<W = unknown> {
  readonly apiVersion: 1;
  /** The last analysis of a document, if any (it may be older than the document's text). */
  getAnalysis(uri: vscode.Uri): DocumentAnalysis | undefined;
  /** Resolves with the analysis of the document's current text (analyses it if needed). */
  whenAnalyzed(doc: vscode.TextDocument, timeoutMs?: number): Promise<DocumentAnalysis>;
  /** The ranges currently painted in an editor, per category. */
  decorations(editor: vscode.TextEditor): AppliedRanges;
  /** The language status item's current content. */
  status(): StatusSnapshot;
  /** The Findings view's data (the document it shows, its top-level nodes with counts). */
  findings(): { document?: vscode.Uri; message: string; categories: { category: Category; count: number; enabled: boolean }[] };
  /** The Findings view's provider (tests inspect its tree items). */
  readonly findingsProvider: vscode.TreeDataProvider<FindingsNode>;
  /** Whether highlights are shown at all (`policyLens.toggleHighlights`). */
  highlightsVisible(): boolean;
  /** The source the Framing view and the Findings tree show; other editors (PDF) publish theirs here. */
  readonly focus: AnalysisFocus;
  /** The Framing view (tests: what it shows, what its webview drew, messages it dropped). */
  readonly framing: FramingViewProvider;
  /** The last flash of a range revealed from the Framing view. */
  lastFlash(): { uri: vscode.Uri; range: vscode.Range; shown: boolean } | undefined;
  /** The lexicon files loaded besides the built-in lexicon, and the workspace lexicons skipped (untrusted). */
  lexicons(): { loaded: string[]; skipped: string[] };
  /** The PDF viewer (custom editor for *.pdf): its documents' state, and hooks for the tests. */
  readonly pdf: PdfViewerApi;
  /** The DOCX viewer (custom editor for *.docx): its documents' state, for the tests. */
  readonly docx: DocxViewerApi;
  /** Where the engine runs (a worker thread, unless none could be started). */
  engine(): { mode: 'worker' | 'in-process' | 'none'; workers: number };
  /** The last analysis of a document: wall time and the engine's time in the worker, ms. */
  timing(uri: vscode.Uri): { ms?: number; engineMs?: number };
  /** The workspace audit, the comparison panel, the concordance and the thread (issue 5; desktop only). */
  readonly audit: W | undefined;
  /** Where the extension runs: the desktop (Node extension host) or the browser (web worker extension host). */
  readonly platform: Platform['kind'];
  /** Codes, codings, autocoding, agreement and REFI-QDA (issue 5). */
  readonly coding: CodingApi;
  /** The drafting assistant: the light bulb's rewrites and «Compare Framing with…» (issue 11). */
  readonly drafting: DraftingApi;
}

const VISIBLE_KEY = 'policyLens.highlightsVisible';

/** Activates Policy Lens on a platform (./desktop.ts and ./web.ts call this). */
export function activateWith<W>(context: vscode.ExtensionContext, platform: Platform<W>): PolicyLensApi<W> {
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });

  let settings: Settings = readSettings();
  let selector = documentSelector(settings);
  let visible = context.globalState.get<boolean>(VISIBLE_KEY, true);

  const output = vscode.window.createOutputChannel('Policy Lens', { log: true });
  const service = new AnalysisService(settings, platform.analysisWorkers, (m) => output.warn(m), platform.homeDir);
  const highlighter = new Highlighter();
  const status = new ScoreStatus(selector);
  const diagnostics = new FindingDiagnostics();
  const tree = new FindingsTreeProvider();
  const treeView = vscode.window.createTreeView('policyLens.findings', { treeDataProvider: tree, showCollapseAll: true });
  const focus = new AnalysisFocus();
  const flasher = new Flasher();
  const lexicons = new WorkspaceLexicons(service, vscode.Uri.joinPath(context.extensionUri, 'src', 'core', 'lexicon', 'lexicon.schema.json'));
  const framing = new FramingViewProvider(context.extensionUri, focus, (command) => {
    void vscode.commands.executeCommand(`policyLens.${command}`);
  });
  context.subscriptions.push(output, service, highlighter, status, diagnostics, tree, treeView, focus, flasher, lexicons, framing);
  context.subscriptions.push(vscode.window.registerWebviewViewProvider(FRAMING_VIEW_ID, framing, { webviewOptions: { retainContextWhenHidden: false } }));
  context.subscriptions.push(reports, vscode.workspace.registerTextDocumentContentProvider(ReportDocuments.scheme, reports));
  void lexicons.refresh();
  // The workspace features that need Node (desktop only; their commands and view are hidden on the web).
  void vscode.commands.executeCommand('setContext', 'policyLens.web', platform.kind === 'web');
  const audit = platform.registerWorkspaceFeatures(context, output, focus);
  // The document viewers (./pdf, ./docx over ./viewer): custom editors; each open document is an AnalysisSource of
  // its own, analysed in one worker shared by both viewers (which also loads closed documents for coding).
  const documentAnalyzer = new DocumentAnalyzer(platform.documentWorkers);
  const loader = new DocumentLoader(documentAnalyzer, () => settings.language, () => settings.limits);
  context.subscriptions.push({ dispose: () => documentAnalyzer.dispose() }, loader);
  const coding = registerCoding(context, { loader, userName: platform.userName() });
  // The drafting assistant (./draft): the light bulb's rewrites and «Compare Framing with…».
  const drafting = registerDrafting(context, { service, selector: () => selector, log: (m) => output.warn(m), workers: platform.draftWorkers, loader });
  void vscode.commands.executeCommand('setContext', 'policyLens.highlightsVisible', visible);
  const viewerDeps: ViewerDeps = {
    focus,
    lexicon: () => service.currentLexicon(),
    onDidChangeLexicon: service.onDidChangeLexicon,
    display: () => ({ visible, categories: settings.categories, language: settings.language, limits: settings.limits }),
    analyzer: documentAnalyzer,
  };
  const pdfViewer = registerPdfViewer(context, viewerDeps);
  const docxViewer = registerDocxViewer(context, viewerDeps);

  const matches = (doc: vscode.TextDocument) => vscode.languages.match(selector, doc) > 0;
  const shown = (c: Category) => visible && settings.categories[c];

  let hoverRegistration: vscode.Disposable | undefined;
  const registerHover = () => {
    hoverRegistration?.dispose();
    hoverRegistration = vscode.languages.registerHoverProvider(selector, new FindingHoverProvider(service, shown));
  };
  registerHover();
  context.subscriptions.push({ dispose: () => hoverRegistration?.dispose() });

  /** The document the views and the status item follow: the active editor's, else the last one shown. */
  let focusDoc: vscode.TextDocument | undefined;
  const textSources = new WeakMap<vscode.TextDocument, TextDocumentSource>();
  const textSource = (doc: vscode.TextDocument) => {
    let s = textSources.get(doc);
    if (!s) textSources.set(doc, (s = new TextDocumentSource(doc, service, flasher)));
    return s;
  };
  focus.fallback = (uri) => {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    return doc ? textSource(doc) : undefined;
  };
  const pickFocus = () => {
    const active = vscode.window.activeTextEditor?.document;
    if (active && (matches(active) || service.get(active.uri))) focusDoc = active;
    else if (focusDoc?.isClosed) focusDoc = undefined;
    // A text editor taking focus shows its document; when no text editor is active (another editor, e.g. the PDF
    // viewer, or none), a source that editor published stays.
    if (focusDoc && (active === focusDoc || !focus.source || focus.source.kind === 'text')) focus.set(textSource(focusDoc));
    else if (!focusDoc && focus.source?.kind === 'text') focus.set(undefined);
    return focusDoc;
  };

  const renderEditorsOf = (doc: vscode.TextDocument) => {
    const entry = service.get(doc.uri);
    for (const ed of vscode.window.visibleTextEditors) {
      if (ed.document === doc) highlighter.render(ed, entry, settings.categories, visible);
    }
    diagnostics.update(doc, entry, settings.categories, settings.publishDiagnostics);
  };
  const refreshPanels = () => {
    const doc = pickFocus();
    const entry = doc ? service.get(doc.uri) : undefined;
    status.update(entry, service.lexiconProblems, lexicons.notice());
    showTree(focus.source);
  };
  const showTree = (source: AnalysisSource | undefined) => {
    tree.show(source, settings.categories);
    treeView.message = tree.message();
    treeView.description = tree.description();
  };
  // Another editor's source (the PDF viewer's) refreshes the tree by itself.
  context.subscriptions.push(
    focus.onDidChange((source) => {
      if (source && source.kind !== 'text') showTree(source);
    }),
  );
  const refreshAll = () => {
    for (const ed of vscode.window.visibleTextEditors) renderEditorsOf(ed.document);
    pdfViewer.refreshDisplay();
    docxViewer.refreshDisplay();
    refreshPanels();
  };

  /** Analyses the visible matching documents that have no current analysis (not in manual mode). */
  const analyseVisible = (delayMs = 0) => {
    if (settings.analyzeOn === 'manual') return;
    for (const ed of vscode.window.visibleTextEditors) {
      if (matches(ed.document) && !service.isCurrent(ed.document)) service.schedule(ed.document, delayMs);
    }
  };

  // Tree refreshes are cheap but chatty while typing: coalesce them.
  let panelTimer: ReturnType<typeof setTimeout> | undefined;
  const refreshPanelsSoon = () => {
    if (panelTimer) return;
    panelTimer = setTimeout(() => {
      panelTimer = undefined;
      refreshPanels();
    }, 50);
  };
  context.subscriptions.push({ dispose: () => panelTimer && clearTimeout(panelTimer) });

  context.subscriptions.push(
    service.onDidChange(({ document, entry, movedOnly }) => {
      if (movedOnly) {
        // An edit that touched no finding: VS Code moved the highlights itself; the panels wait for the analysis.
        for (const ed of vscode.window.visibleTextEditors) {
          if (ed.document === document) highlighter.moveWithEdit(ed, entry, settings.categories, visible);
        }
        if (settings.publishDiagnostics) diagnostics.update(document, entry, settings.categories, true);
        return;
      }
      renderEditorsOf(document);
      if (document === focusDoc || document === vscode.window.activeTextEditor?.document) refreshPanelsSoon();
    }),
    service.onDidChangeLexicon(() => {
      refreshPanels();
      analyseVisible();
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (!service.get(e.document.uri) && !matches(e.document)) return;
      service.onDocumentChanged(e);
      if (settings.analyzeOn === 'onType' && matches(e.document) && e.contentChanges.length > 0) {
        service.schedule(e.document, settings.debounceMs);
      }
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (isLexiconFile(doc.uri, settings) || lexicons.isWorkspaceLexicon(doc.uri)) {
        void lexicons.refresh();
        return;
      }
      if (settings.analyzeOn !== 'manual' && matches(doc) && !service.isCurrent(doc)) service.schedule(doc, 0);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      service.onDocumentClosed(doc);
      diagnostics.delete(doc.uri);
      if (doc === focusDoc) {
        focusDoc = undefined;
        refreshPanels();
      }
    }),
    vscode.window.onDidChangeVisibleTextEditors(() => {
      for (const ed of vscode.window.visibleTextEditors) highlighter.render(ed, service.get(ed.document.uri), settings.categories, visible);
      analyseVisible();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => {
      refreshPanels();
      analyseVisible();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      applySettings();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => applySettings()),
    lexicons.onDidChange(() => refreshPanels()),
  );

  function applySettings() {
    const prev = settings;
    settings = readSettings();
    service.updateSettings(settings);
    if (JSON.stringify(prev.documentSelector) !== JSON.stringify(settings.documentSelector)) {
      selector = documentSelector(settings);
      status.selector = selector;
      registerHover();
    }
    if (!settings.publishDiagnostics) diagnostics.clear();
    refreshAll();
    analyseVisible();
  }

  // ── commands ────────────────────────────────────────────────────────────────────────────────────
  const setCategory = async (c: Category, on: boolean) => {
    const cfg = vscode.workspace.getConfiguration(SECTION);
    const key = `categories.${c}`;
    const info = cfg.inspect<boolean>(key);
    const target =
      info?.workspaceFolderValue !== undefined
        ? vscode.ConfigurationTarget.WorkspaceFolder
        : info?.workspaceValue !== undefined
          ? vscode.ConfigurationTarget.Workspace
          : vscode.ConfigurationTarget.Global;
    await cfg.update(key, on, target);
    // Apply at once, without waiting for the configuration event.
    settings = { ...settings, categories: { ...settings.categories, [c]: on } };
    refreshAll();
  };
  const asCategory = (arg: unknown): Category | undefined => {
    if (typeof arg === 'string' && (CATEGORIES as readonly string[]).includes(arg)) return arg as Category;
    const node = arg as FindingsNode | undefined;
    return node && typeof node === 'object' && node.kind === 'category' ? node.category : undefined;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('policyLens.analyze', async () => {
      const doc = vscode.window.activeTextEditor?.document ?? focusDoc;
      if (!doc) {
        void vscode.window.showInformationMessage(l10n.t('Policy Lens: open a Markdown or plain-text document first.'));
        return undefined;
      }
      focusDoc = doc;
      const a = await service.analyzeNow(doc);
      refreshPanels();
      return a ? { findings: a.findings.length, score: a.score.value } : undefined;
    }),
    vscode.commands.registerCommand('policyLens.toggleHighlights', async (arg?: unknown) => {
      const c = asCategory(arg);
      if (c) {
        await setCategory(c, !settings.categories[c]);
        return settings.categories[c];
      }
      visible = !visible;
      await context.globalState.update(VISIBLE_KEY, visible);
      void vscode.commands.executeCommand('setContext', 'policyLens.highlightsVisible', visible);
      refreshAll();
      return visible;
    }),
    vscode.commands.registerCommand('policyLens.toggleCategory', async (arg?: unknown) => {
      const c = asCategory(arg);
      if (c) return setCategory(c, !settings.categories[c]);
      const picked = await vscode.window.showQuickPick(
        CATEGORIES.map((cat) => ({ label: categoryLabel(cat), category: cat, picked: settings.categories[cat] })),
        { canPickMany: true, title: l10n.t('Policy Lens: categories to highlight') },
      );
      if (!picked) return;
      for (const cat of CATEGORIES) {
        const on = picked.some((p) => p.category === cat);
        if (on !== settings.categories[cat]) await setCategory(cat, on);
      }
    }),
    vscode.commands.registerCommand('policyLens.showSidebar', async () => {
      await vscode.commands.executeCommand('workbench.view.extension.policyLens');
      await vscode.commands.executeCommand('policyLens.findings.focus');
    }),
    vscode.commands.registerCommand('policyLens.showFraming', async () => {
      await vscode.commands.executeCommand('workbench.view.extension.policyLens');
      await vscode.commands.executeCommand(`${FRAMING_VIEW_ID}.focus`);
    }),
    // Offsets of the analysed text; the document's source maps them (edits since the analysis, a PDF's pages).
    vscode.commands.registerCommand('policyLens.revealFinding', async (uri: vscode.Uri, start: number, end: number) => {
      const source = focus.find(uri);
      if (source && (await source.reveal(start, end, 'select'))) return;
      const doc = await vscode.workspace.openTextDocument(uri);
      const range = new vscode.Range(doc.positionAt(start), doc.positionAt(end));
      const editor = await vscode.window.showTextDocument(doc, { selection: range, preserveFocus: false });
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
  );
  registerCommands(context, { focus, lexicons });

  refreshAll();
  analyseVisible();

  return {
    apiVersion: 1,
    getAnalysis: (uri) => service.get(uri)?.analysis,
    whenAnalyzed: (doc, timeoutMs) => {
      if (!service.isCurrent(doc)) service.schedule(doc, 0);
      return service.whenAnalyzed(doc, timeoutMs);
    },
    decorations: (editor) => highlighter.appliedTo(editor),
    status: () => status.current,
    findings: () => ({
      document: tree.document?.uri,
      message: tree.message(),
      categories: tree.getChildren().flatMap((n) => (n.kind === 'category' ? [{ category: n.category, count: n.spans.length, enabled: n.enabled }] : [])),
    }),
    findingsProvider: tree,
    highlightsVisible: () => visible,
    focus,
    framing,
    lastFlash: () => flasher.last,
    lexicons: () => ({ loaded: service.loadedLexiconFiles, skipped: lexicons.skipped.map((u) => (u.scheme === 'file' ? u.fsPath : u.toString())) }),
    pdf: pdfViewer.api,
    docx: docxViewer.api,
    engine: () => service.engine(),
    timing: (uri) => ({ ms: service.get(uri)?.ms, engineMs: service.get(uri)?.engineMs }),
    audit,
    coding,
    platform: platform.kind,
    drafting,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

function isLexiconFile(uri: vscode.Uri, s: Settings): boolean {
  if (s.lexiconFiles.length === 0) return false;
  const p = uri.scheme === 'file' ? uri.fsPath : uri.path;
  return s.lexiconFiles.some((f) => p === f || p.endsWith(f.replace(/^\.\//, '/')) || uri.toString() === f);
}
