/**
 * A Policy Lens viewer as VS Code sees it: a read-only custom editor (priority `option`, so VS Code's default for
 * the file type does not change) whose documents (./document.ts) are analysed in the viewers' analysis worker and
 * shown by panels (./panel.ts). What the viewers share lives here: the registration, the «Open with Policy Lens»
 * command, the check of every message from a webview, the display toggles, re-analysis when the lexicon or the
 * language changes, the coding hook, and the API the tests use. A viewer (../pdf/pdfEditor.ts,
 * ../docx/docxEditor.ts) supplies its document and panel classes, its page and its message check.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { CATEGORIES } from '../../core';
import type { Category, Lexicon, Limits } from '../../core';
import { addCodingViewer, codingProvider } from '../coding/viewerBridge';
import { categoryLabel } from '../labels';
import type { AnalysisFocus } from '../sources';
import type { DocumentAnalyzer } from './analyzer';
import type { ViewerDocument, ViewerHost, ViewerState } from './document';
import type { PanelHost, ViewerPanel } from './panel';
import type { BasePayload, BaseReport, DisplayMessage } from './protocol';

export interface ViewerDisplay {
  visible: boolean;
  categories: Record<Category, boolean>;
  language: 'auto' | 'nb' | 'nn';
  /** Resource limits (policyLens.limits.*). */
  limits?: Partial<Limits>;
}

export interface ViewerDeps {
  focus: AnalysisFocus;
  /** The user's lexicon as last loaded (policyLens.lexiconFiles and workspace lexicons; undefined: the built-in one). */
  lexicon: () => Promise<Lexicon | undefined>;
  onDidChangeLexicon: vscode.Event<void>;
  display: () => ViewerDisplay;
  analyzer: DocumentAnalyzer;
}

/** The API the tests use (`PolicyLensApi.pdf`, `PolicyLensApi.docx`). */
export interface ViewerApi<S, R, H> {
  readonly viewType: string;
  state(uri: vscode.Uri): S | undefined;
  /** Resolves when a viewer of the document reports something `pred` accepts. */
  whenReport(uri: vscode.Uri, pred: (r: R, s: S) => boolean, timeoutMs?: number): Promise<R>;
  /** Resolves when the document's state satisfies `pred`. */
  whenState(uri: vscode.Uri, pred: (s: S) => boolean, timeoutMs?: number): Promise<S>;
  /** Sends a message to the document's viewers (tests: find, requestReport, hover, select …). */
  post(uri: vscode.Uri, m: H): Promise<void>;
  /** Hands a raw message to the host as if a viewer of the document had sent it; true when it was acted on. */
  receive(uri: vscode.Uri, raw: unknown): Promise<boolean>;
  /** Messages from the webviews dropped by the check. */
  rejected(): number;
}

export interface ViewerSpec<D> {
  viewType: string;
  /** The setting (under policyLens) with the largest file the viewer opens, in MB, and its default. */
  maxSizeSetting: string;
  defaultMaxMB: number;
  /** The «Open with Policy Lens» command of this file type and its file extension. */
  openCommand: string;
  extension: string;
  /** Title of the file dialog of the open command. */
  pickTitle: string;
  newDocument(uri: vscode.Uri, host: ViewerHost): D;
  newPanel(panel: vscode.WebviewPanel, doc: D, host: PanelHost): ViewerPanel<BasePayload, BaseReport>;
  /** The check of a webview's messages (undefined: dropped). */
  parse(raw: unknown): { type: string } | undefined;
}

type AnyDocument = ViewerDocument<BasePayload, BaseReport>;

export class ViewerProvider<D extends AnyDocument, S extends ViewerState<R>, R extends BaseReport, H>
  implements vscode.CustomReadonlyEditorProvider<D>, ViewerHost, PanelHost, vscode.Disposable
{
  private readonly docs = new Map<string, D>();
  private readonly registrations = new Map<D, vscode.Disposable>();
  private readonly reportEmitter = new vscode.EventEmitter<void>();
  private readonly stateEmitter = new vscode.EventEmitter<void>();
  private dropped = 0;

  constructor(
    readonly spec: ViewerSpec<D>,
    readonly deps: ViewerDeps,
  ) {}

  get viewType(): string {
    return this.spec.viewType;
  }

  get analyzer(): DocumentAnalyzer {
    return this.deps.analyzer;
  }

  maxFileSizeMB(): number {
    const v = Number(vscode.workspace.getConfiguration('policyLens').get<number>(this.spec.maxSizeSetting, this.spec.defaultMaxMB));
    return Number.isFinite(v) && v > 0 ? v : this.spec.defaultMaxMB;
  }

  lexicon(): Promise<Lexicon | undefined> {
    return this.deps.lexicon();
  }

  language(): 'auto' | 'nb' | 'nn' {
    return this.deps.display().language;
  }

  limits(): Partial<Limits> | undefined {
    return this.deps.display().limits;
  }

  async openCustomDocument(uri: vscode.Uri): Promise<D> {
    const doc = this.spec.newDocument(uri, this);
    this.docs.set(uri.toString(), doc);
    this.registrations.set(doc, this.deps.focus.register(doc));
    // VS Code disposes a document when its last editor closes.
    const dispose = doc.dispose.bind(doc);
    doc.dispose = () => {
      this.forget(doc);
      dispose();
    };
    void doc.load();
    return doc;
  }

  async resolveCustomEditor(doc: D, panel: vscode.WebviewPanel): Promise<void> {
    const p = this.spec.newPanel(panel, doc, this);
    doc.panels.add(p);
    panel.onDidDispose(() => {
      doc.panels.delete(p);
      p.dispose();
    });
    if (panel.active) this.focusOn(doc);
  }

  /** The document whose viewer is the active editor. */
  activeDocument(): D | undefined {
    return [...this.docs.values()].find((d) => d.activePanel());
  }

  documents(): D[] {
    return [...this.docs.values()];
  }

  /** The viewer of `doc` became the active editor: the views show it. */
  focusOn(doc: AnyDocument): void {
    this.deps.focus.set(doc);
  }

  async receive(panel: ViewerPanel<BasePayload, BaseReport>, raw: unknown): Promise<boolean> {
    const m = this.spec.parse(raw);
    if (!m) {
      this.dropped++;
      return false;
    }
    await panel.handle(m);
    return true;
  }

  displayMessage(): DisplayMessage {
    const d = this.deps.display();
    const labels = Object.fromEntries(CATEGORIES.map((c) => [c, categoryLabel(c)])) as Record<Category, string>;
    return { type: 'display', visible: d.visible, categories: { ...d.categories }, labels };
  }

  /** Highlights on/off or categories changed: every viewer repaints. */
  refreshDisplay(): void {
    const m = this.displayMessage();
    for (const doc of this.docs.values()) for (const p of doc.panels) void p.post(m);
  }

  /** The lexicon, the language or a limit changed: every document is analysed again (the file is not read again). */
  relexicon(): void {
    for (const doc of this.docs.values()) void doc.analyse();
  }

  /** Sends the codings again (they changed). */
  refreshCodings(uri?: vscode.Uri): void {
    for (const doc of this.docs.values()) if (!uri || doc.uri.toString() === uri.toString()) void doc.sendCodings();
  }

  reported(_panel: ViewerPanel<BasePayload, BaseReport>, _report: BaseReport): void {
    this.reportEmitter.fire();
  }

  stateChanged(): void {
    this.stateEmitter.fire();
  }

  get api(): ViewerApi<S, R, H> {
    const find = (uri: vscode.Uri) => this.docs.get(uri.toString());
    const summary = (uri: vscode.Uri) => find(uri)?.stateSummary as S | undefined;
    const brief = (uri: vscode.Uri) => JSON.stringify({ ...summary(uri), analysis: undefined, text: undefined });
    /** Resolves with `check()`'s first answer, checked again on every report and state change. */
    const when = <T>(check: () => T | undefined, timeoutMs: number, what: () => string): Promise<T> =>
      new Promise((resolve, reject) => {
        const now = check();
        if (now !== undefined) return resolve(now);
        const subs: vscode.Disposable[] = [];
        const done = (f: () => void) => {
          clearTimeout(timer);
          for (const s of subs) s.dispose();
          f();
        };
        const timer = setTimeout(() => done(() => reject(new Error(`${what()} within ${timeoutMs} ms`))), timeoutMs);
        const onAny = () => {
          const r = check();
          if (r !== undefined) done(() => resolve(r));
        };
        subs.push(this.reportEmitter.event(onAny), this.stateEmitter.event(onAny));
      });
    return {
      viewType: this.spec.viewType,
      state: summary,
      whenReport: (uri, pred, timeoutMs = 30_000) =>
        when(
          () => {
            const s = summary(uri);
            return s ? s.reports.find((r) => pred(r, s)) : undefined;
          },
          timeoutMs,
          () => `no matching report; state ${brief(uri)}`,
        ),
      whenState: (uri, pred, timeoutMs = 30_000) =>
        when(
          () => {
            const s = summary(uri);
            return s && pred(s) ? s : undefined;
          },
          timeoutMs,
          () => `state not reached: ${brief(uri)}`,
        ),
      post: async (uri, m) => {
        for (const p of find(uri)?.panels ?? []) {
          await p.ready;
          await p.post(m);
        }
      },
      receive: async (uri, raw) => {
        const p = [...(find(uri)?.panels ?? [])][0];
        return p ? this.receive(p as unknown as ViewerPanel<BasePayload, BaseReport>, raw) : false;
      },
      rejected: () => this.dropped,
    };
  }

  private forget(doc: D): void {
    codingProvider()?.closed(doc.uri);
    this.registrations.get(doc)?.dispose();
    this.registrations.delete(doc);
    if (this.docs.get(doc.uri.toString()) === doc) this.docs.delete(doc.uri.toString());
  }

  dispose(): void {
    for (const doc of this.docs.values()) doc.dispose();
    this.docs.clear();
    for (const r of this.registrations.values()) r.dispose();
    this.reportEmitter.dispose();
    this.stateEmitter.dispose();
  }

  /** Registers the custom editor, its «Open with Policy Lens» command and the coding hook. */
  register(context: vscode.ExtensionContext): void {
    context.subscriptions.push(
      this,
      vscode.window.registerCustomEditorProvider(this.spec.viewType, this, {
        webviewOptions: { retainContextWhenHidden: true, enableFindWidget: false },
        supportsMultipleEditorsPerDocument: true,
      }),
      vscode.commands.registerCommand(this.spec.openCommand, async (arg?: unknown) => {
        const uri = await this.toOpen(arg);
        if (!uri) return false;
        await vscode.commands.executeCommand('vscode.openWith', uri, this.spec.viewType);
        return true;
      }),
      this.deps.onDidChangeLexicon(() => this.relexicon()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('policyLens.language') || e.affectsConfiguration('policyLens.limits')) this.relexicon();
      }),
    );
    const remove = addCodingViewer({ active: () => this.activeDocument()?.codable, refresh: (uri) => this.refreshCodings(uri) });
    context.subscriptions.push({ dispose: remove });
  }

  /** The file to open: the command's argument (Explorer), the active tab's file, or one the user picks. */
  private async toOpen(arg: unknown): Promise<vscode.Uri | undefined> {
    if (arg instanceof vscode.Uri) return arg;
    const ext = this.spec.extension;
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    const tabUri = input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom ? input.uri : undefined;
    if (tabUri && tabUri.path.toLowerCase().endsWith(`.${ext}`)) return tabUri;
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      filters: { [ext.toUpperCase()]: [ext] },
      title: this.spec.pickTitle,
    });
    return picked?.[0];
  }
}

/** The viewer's UI strings, translated (l10n.t of the English ones). */
export function translated<K extends string>(strings: Record<K, string>): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const [k, v] of Object.entries(strings) as [K, string][]) out[k] = l10n.t(v);
  return out;
}
