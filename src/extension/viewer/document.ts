/**
 * A document open in a Policy Lens viewer (PDF, DOCX): read-only, analysed by the engine in the viewers' analysis
 * worker (one extraction: the same text the CLI analyses), shown by one or more panels (./panel.ts), and an
 * AnalysisSource (../sources.ts), so that the Findings tree and the Framing view show it while its viewer is the
 * active editor, and revealing a finding or a sentence scrolls its viewer there.
 *
 * This class is what the viewers share: reading the file (with `vscode.workspace.fs`, on the web too, under the
 * viewer's size limit), reloading it when it changes on disk, the job's preview and final analyses, the status,
 * explanations, codings, the selection for coding and the state the tests read. A viewer's subclass says what its
 * file must look like, what its panels need besides the analysis, and how it names a place («page 3»).
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { DocumentAnalysis, Lexicon, Limits } from '../../core';
import type { Span } from '../analysisService';
import { codingProvider } from '../coding/viewerBridge';
import type { ViewerCodable } from '../coding/viewerBridge';
import type { AnalysisSource, SourceSnapshot } from '../sources';
import type { DocumentAnalyzer, JobHandle } from './analyzer';
import { explainFinding } from './explain';
import type { JobReply } from './jobs';
import type { ViewerPanel } from './panel';
import type { BasePayload, BaseReport, CodingMark, Explanation, StatusMessage } from './protocol';

/** What a document needs of its viewer (the provider, ./provider.ts). */
export interface ViewerHost {
  readonly viewType: string;
  readonly analyzer: DocumentAnalyzer;
  maxFileSizeMB(): number;
  lexicon(): Promise<Lexicon | undefined>;
  language(): 'auto' | 'nb' | 'nn';
  /** Resource limits (policyLens.limits.*) for the extraction and the analysis. */
  limits(): Partial<Limits> | undefined;
  stateChanged(doc: ViewerDocument<BasePayload, BaseReport>): void;
}

/** What a viewer says about one open document (tests, `PolicyLensApi.pdf` / `.docx`). */
export interface ViewerState<R extends BaseReport> {
  state: 'loading' | 'analysing' | 'ready' | 'error';
  /** ExtractionError code (password, corrupt, no-text, unsupported, too-large, io) or render / analysis. */
  code?: string;
  message?: string;
  analysis?: DocumentAnalysis;
  phase?: 'preview' | 'final';
  /** The last report of each of its viewers. */
  reports: R[];
  /** The extracted text the current analysis was made from. */
  text?: string;
  panels: number;
  warnings: string[];
}

export abstract class ViewerDocument<P extends BasePayload, R extends BaseReport> implements vscode.CustomDocument, AnalysisSource {
  abstract readonly kind: 'pdf' | 'docx';
  /** Pages read first for a preview (PDF); 0: none. */
  protected previewPages = 0;
  protected generation = 0;
  private nextAnalysisId = 1;
  protected bytes: Uint8Array | undefined;
  private job: JobHandle | undefined;
  protected readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  readonly panels = new Set<ViewerPanel<P, R>>();
  /** Analyses by id (the preview and the final one of the current load): explanations refer to them. */
  private readonly analyses = new Map<number, { analysis: DocumentAnalysis; payload: P }>();
  current: { analysis: DocumentAnalysis; payload: P } | undefined;
  /** The last payload sent to the panels (a DOCX's text comes before its analysis). */
  shown: P | undefined;
  status: StatusMessage = { type: 'status', generation: 0, state: 'loading' };
  protected readonly disposables: vscode.Disposable[] = [];
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  /** Size and modification time of the file as last read. */
  private loadedStat: { size: number; mtime: number } | undefined;

  constructor(
    readonly uri: vscode.Uri,
    protected readonly host: ViewerHost,
  ) {
    // Reload when the file changes on disk (a watcher of the file itself: on the web too).
    const folder = vscode.Uri.joinPath(uri, '..');
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, this.label));
    const soon = () => {
      if (this.reloadTimer) clearTimeout(this.reloadTimer);
      this.reloadTimer = setTimeout(() => void this.reloadIfChanged(), 300);
    };
    this.disposables.push(watcher, watcher.onDidChange(soon), watcher.onDidCreate(soon), this.changed);
  }

  get label(): string {
    return this.uri.path.slice(this.uri.path.lastIndexOf('/') + 1);
  }

  // ── what a viewer says about its format ─────────────────────────────────────────────────────────

  /** Why the bytes cannot be this format (code and message for the user), or undefined when they may be. */
  protected abstract refuse(data: Uint8Array): { code: string; message: string } | undefined;
  /** Where an offset of the analysed text is, for the views («page 3»). */
  abstract where(offset: number): string;
  /** The bytes were read: tell the panels what they need before the analysis (PDF: the bytes for pdf.js). */
  protected async onBytes(_gen: number, _data: Uint8Array): Promise<void> {}
  /** A new panel: what it needs besides the analysis and the status. */
  protected async attachExtra(_panel: ViewerPanel<P, R>): Promise<void> {}
  /** What the job needs besides the bytes (PDF: the password). */
  protected jobExtras(): { password?: string } {
    return {};
  }
  /** The analysis failed (PDF: asks for a password). */
  protected async onJobError(gen: number, code: string, message: string): Promise<void> {
    this.fail(gen, code, message);
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
    let panel = this.activePanel() ?? [...this.panels].find((p) => p.panel.visible);
    if (!panel) {
      await vscode.commands.executeCommand('vscode.openWith', this.uri, this.host.viewType);
      panel = [...this.panels][0];
      if (!panel) return false;
    } else {
      panel.panel.reveal(panel.panel.viewColumn, false);
    }
    await panel.ready;
    await panel.post({ type: 'reveal', analysisId: cur.payload.analysisId, start, end, how });
    return true;
  }

  activePanel(): ViewerPanel<P, R> | undefined {
    return [...this.panels].find((p) => p.panel.active);
  }

  // ── loading ─────────────────────────────────────────────────────────────────────────────────────

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

  /** (Re)reads the file, tells the viewers and analyses it. */
  async load(): Promise<void> {
    const gen = ++this.generation;
    this.job?.cancel();
    this.job = undefined;
    this.setStatus({ state: 'loading' });
    const file = this.label;
    const maxMB = this.host.maxFileSizeMB();
    let data: Uint8Array;
    try {
      const stat = await vscode.workspace.fs.stat(this.uri);
      if (gen !== this.generation) return;
      if (stat.size > maxMB * 1024 * 1024) {
        this.fail(gen, 'too-large', this.tooLarge(file, (stat.size / 1048576).toFixed(1), maxMB));
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
    const refused = this.refuse(data);
    if (refused) {
      this.fail(gen, refused.code, refused.message);
      return;
    }
    this.bytes = data;
    this.analyses.clear();
    this.current = undefined;
    this.shown = undefined;
    this.changed.fire();
    await this.onBytes(gen, data);
    this.setStatus({ state: 'analysing' });
    await this.analyse(gen);
  }

  /** The message for a file over the viewer's size limit. */
  protected abstract tooLarge(file: string, mb: string, maxMB: number): string;

  /** Runs the analysis worker on the current bytes (a new lexicon re-analyses without re-reading the file). */
  async analyse(gen = this.generation): Promise<void> {
    if (!this.bytes) return;
    this.job?.cancel();
    const lexicon = await this.host.lexicon();
    if (gen !== this.generation) return;
    const previewId = this.nextAnalysisId++;
    const finalId = this.nextAnalysisId++;
    this.job = this.host.analyzer.run(
      {
        format: this.kind,
        bytes: this.bytes,
        file: this.label,
        ...this.jobExtras(),
        lexicon,
        language: this.host.language(),
        limits: this.host.limits(),
        previewPages: this.previewPages,
        generation: gen,
        previewId,
        finalId,
      },
      (r) => void this.onReply(gen, r as JobReply<P>),
    );
  }

  private async onReply(gen: number, r: JobReply<P>): Promise<void> {
    if (gen !== this.generation) return;
    if (r.phase === 'error') {
      this.job = undefined;
      await this.onJobError(gen, r.error.code, r.error.message);
      return;
    }
    if (this.current?.payload.phase === 'final' && r.phase === 'preview') return;
    // The whole document's analysis replaces the preview (the viewers switch to it too).
    if (r.phase === 'final') this.analyses.clear();
    if (r.analysis) {
      this.analyses.set(r.payload.analysisId, { analysis: r.analysis, payload: r.payload });
      this.current = { analysis: r.analysis, payload: r.payload };
    }
    this.shown = r.payload;
    for (const p of this.panels) void p.post({ type: 'analysis', ...r.payload });
    if (r.analysis) void this.sendCodings();
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

  protected fail(gen: number, code: string, message: string, severity: StatusMessage['severity'] = 'error'): void {
    if (gen !== this.generation) return;
    this.setStatus({ state: 'error', code, message, severity });
  }

  protected setStatus(s: Omit<StatusMessage, 'type' | 'generation'>): void {
    this.status = { type: 'status', generation: this.generation, ...s };
    for (const p of this.panels) void p.post(this.status);
    this.changed.fire();
    this.host.stateChanged(this as unknown as ViewerDocument<BasePayload, BaseReport>);
  }

  explain(analysisId: number, finding: number): Explanation | null {
    const a = this.analyses.get(analysisId);
    return a ? explainFinding(a.analysis, finding) : null;
  }

  get stateSummary(): ViewerState<R> {
    return {
      state: this.status.state,
      code: this.status.code,
      message: this.status.message,
      analysis: this.current?.analysis,
      phase: this.current?.payload.phase,
      reports: [...this.panels].map((p) => p.lastReport).filter((r): r is R => !!r),
      panels: this.panels.size,
      warnings: this.current?.payload.warnings ?? [],
      text: this.current?.payload.text,
    };
  }

  /** What a new viewer needs: the analysis so far, the state, the codings (and its format's own). */
  async attach(panel: ViewerPanel<P, R>): Promise<void> {
    await this.attachExtra(panel);
    if (this.shown) await panel.post({ type: 'analysis', ...this.shown });
    await panel.post(this.status);
    await this.sendCodings([panel]);
  }

  /** The document's codings (stored against its extracted text) to its viewers, for the current analysis. */
  async sendCodings(panels: Iterable<ViewerPanel<P, R>> = this.panels): Promise<void> {
    const cur = this.current;
    const provider = codingProvider();
    if (!cur || !provider) return;
    let codings: CodingMark[];
    try {
      codings = await provider.codingsFor(this.uri, cur.payload.text);
    } catch {
      return; // a broken codings file: the Codes tree reports it
    }
    if (this.current !== cur) return;
    for (const p of panels) void p.post({ type: 'codings', analysisId: cur.payload.analysisId, codings });
  }

  /** As coding sees the document: its extracted text, analysis and the viewer's selection. */
  get codable(): ViewerCodable {
    return {
      uri: this.uri,
      format: this.kind,
      text: () => (this.current?.payload.phase === 'final' ? this.current.payload.text : undefined),
      analysis: () => (this.current?.payload.phase === 'final' ? this.current.analysis : undefined),
      selection: async () => {
        const cur = this.current;
        const panel = this.activePanel() ?? [...this.panels][0];
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
    this.shown = undefined;
  }
}
