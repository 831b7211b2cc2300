/**
 * Runs the engine on open documents, off the typing path: debounced timers (adaptive to how long the last run
 * took), a generation counter per document so that stale runs are dropped, and finding offsets kept in step with
 * edits made after the analysis (so decorations and hovers stay on the right words until the next run).
 *
 * The engine runs in a worker (./worker/client.ts: a worker thread on the desktop, a Web Worker on the web), which keeps each document's block cache: the extension
 * host only sends the text and receives the analysis, so a long document's first analysis does not block it, and
 * an edit re-analyses only the paragraphs it touched. A run that takes long shows window progress.
 *
 * The Framing view and the Findings tree do not read this service directly: they show an `AnalysisSource`
 * (./sources.ts). extension.ts publishes the active text editor's document from here as one; the PDF editor
 * publishes its own.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { Category, DocumentAnalysis, Finding, Lexicon, SectionProfile } from '../core';
import { requestOptions } from './engine';
import { lexiconLabel, LexiconProblem, loadLexicons, settingLexicons } from './lexiconFiles';
import type { Settings } from './settings';
import { AnalysisWorkerClient, CancelledError } from './worker/client';
import type { WorkerResult } from './worker/protocol';
import type { WorkerFactory } from './workers/port';

/** A finding placed in the document as it is now (offsets follow edits made after the analysis). */
export interface Span {
  start: number;
  end: number;
  finding: Finding;
}

export type EntryState = 'idle' | 'analysing' | 'ready' | 'error';

export interface Entry {
  readonly uri: vscode.Uri;
  state: EntryState;
  /** The latest successful analysis (kept while a new run is pending, and after an error). */
  analysis?: DocumentAnalysis;
  /** Document version the analysis was made from. */
  analysedVersion?: number;
  /** True when the document changed after the analysis. */
  stale: boolean;
  spans: Span[];
  /** The engine's heading-by-heading profile of `analysis`. */
  sections?: SectionProfile[];
  /** Edits made since the analysis, in the order they were applied (see `toDocumentRange`). */
  edits: { at: number; removed: number; inserted: number }[];
  error?: string;
  /** Duration of the last run, ms (wall time, waiting included). */
  ms?: number;
  /** The engine's time in the worker for the last analysis, ms. */
  engineMs?: number;
}

export interface AnalysisChange {
  readonly document: vscode.TextDocument;
  readonly entry: Entry;
  /**
   * Set for an edit that touched no finding (nor its edges): the spans only moved, as VS Code moved the painted
   * decorations itself, so nothing needs painting again.
   */
  readonly movedOnly?: boolean;
}

const MAX_ADAPTIVE_DELAY_MS = 5000;
/** A run still going after this long shows window progress. */
const PROGRESS_AFTER_MS = 300;

export class AnalysisService implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly generations = new Map<string, number>();
  private readonly emitter = new vscode.EventEmitter<AnalysisChange>();
  private readonly lexiconEmitter = new vscode.EventEmitter<void>();
  private lexicon: Lexicon | undefined;
  /** The engine, in a worker thread; it keeps a block cache per document (a keystroke re-analyses one paragraph). */
  private readonly client: AnalysisWorkerClient;
  private lexiconReady: Promise<void> = Promise.resolve();
  private lexiconLoadGeneration = 0;
  /** What the last applied load read (its files, lexicon and problems), to skip a reload that changes nothing. */
  private lexiconKey: string | undefined;
  /** The lexicon generation the worker has (results made with an older one are dropped). */
  private lexiconVersion = 0;
  /** Problems of the user's lexicon files (the built-in lexicon is used meanwhile). */
  lexiconProblems: LexiconProblem[] = [];
  /** Lexicon files besides `policyLens.lexiconFiles`: the workspace lexicons (set by ./workspaceLexicon.ts). */
  workspaceLexiconFiles: vscode.Uri[] = [];
  /** The lexicon files of the last load (paths, or URIs of files not on disk). */
  loadedLexiconFiles: string[] = [];

  /** Fired when a document's analysis state changes (analysing, ready, error, spans moved). */
  readonly onDidChange = this.emitter.event;
  readonly onDidChangeLexicon = this.lexiconEmitter.event;

  /**
   * @param workers starts the analysis worker (a worker thread on the desktop, a Web Worker on the web)
   * @param homeDir the home folder, for `~/…` lexicon paths (desktop only)
   */
  constructor(
    private settings: Settings,
    workers: WorkerFactory,
    log?: (message: string) => void,
    private readonly homeDir?: string,
  ) {
    this.client = new AnalysisWorkerClient(workers, { log });
  }

  updateSettings(s: Settings): void {
    const lexiconChanged = JSON.stringify(s.lexiconFiles) !== JSON.stringify(this.settings.lexiconFiles);
    const languageChanged = s.language !== this.settings.language;
    const limitsChanged = JSON.stringify(s.limits) !== JSON.stringify(this.settings.limits);
    this.settings = s;
    if (lexiconChanged) void this.reloadLexicon();
    else if (languageChanged || limitsChanged) for (const e of this.entries.values()) e.stale = true;
  }

  /** (Re)loads `policyLens.lexiconFiles` and the workspace lexicons; analyses wait for it. */
  reloadLexicon(): Promise<void> {
    const gen = ++this.lexiconLoadGeneration;
    const uris = [...settingLexicons(this.settings.lexiconFiles, this.homeDir), ...this.workspaceLexiconFiles];
    const unique = [...new Map(uris.map((u) => [u.toString(), u])).values()];
    const files = unique.map(lexiconLabel);
    this.lexiconReady = loadLexicons(unique).then((res) => {
      if (gen !== this.lexiconLoadGeneration) return;
      // The same files with the same content and problems (a save and the file watcher both report one change, a
      // file touched): nothing to analyse again.
      const key = JSON.stringify([files, res.lexicon ?? null, res.problems]);
      if (key === this.lexiconKey) return;
      this.lexiconKey = key;
      this.lexicon = res.lexicon;
      this.lexiconProblems = res.problems;
      this.loadedLexiconFiles = files;
      // The worker drops its cached block results (made with the old lexicon); every analysis is out of date.
      this.lexiconVersion = gen;
      this.client.setLexicon(res.lexicon, gen);
      for (const e of this.entries.values()) e.stale = true;
      this.lexiconEmitter.fire();
    });
    return this.lexiconReady;
  }

  /** The lexicon analyses use now (undefined: the built-in one), once the user's files are loaded. */
  async currentLexicon(): Promise<Lexicon | undefined> {
    await this.lexiconReady;
    return this.lexicon;
  }

  /**
   * Where [start, end) of the entry's analysed text lies in the document now, after the edits made since the
   * analysis; undefined when an edit touched the range.
   */
  toDocumentRange(entry: Entry, start: number, end: number): { start: number; end: number } | undefined {
    for (const e of entry.edits) {
      const to = e.at + e.removed;
      if (end <= e.at) continue;
      if (start >= to) {
        start += e.inserted - e.removed;
        end += e.inserted - e.removed;
      } else return undefined;
    }
    return { start, end };
  }

  /** Where the engine runs, and how many worker threads were started (a crash or a cancel starts another). */
  engine(): { mode: 'worker' | 'in-process' | 'none'; workers: number } {
    return { mode: this.client.mode, workers: this.client.spawned };
  }

  get(uri: vscode.Uri): Entry | undefined {
    return this.entries.get(uri.toString());
  }

  /** Analyses after `delayMs` (at least as long as the previous run took); a newer call replaces it. */
  schedule(doc: vscode.TextDocument, delayMs: number): void {
    const key = doc.uri.toString();
    this.cancelTimer(key);
    const last = this.entries.get(key)?.ms ?? 0;
    const delay = Math.max(delayMs, Math.min(last, MAX_ADAPTIVE_DELAY_MS));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.run(doc);
      }, delay),
    );
  }

  /** Analyses now (still asynchronously); resolves with the analysis, or undefined when it went stale. */
  analyzeNow(doc: vscode.TextDocument): Promise<DocumentAnalysis | undefined> {
    this.cancelTimer(doc.uri.toString());
    return this.run(doc);
  }

  /** True when the document has an up-to-date analysis or one is pending/running. */
  isCurrent(doc: vscode.TextDocument): boolean {
    const key = doc.uri.toString();
    const e = this.entries.get(key);
    return this.timers.has(key) || (!!e && (e.state === 'analysing' || (e.analysedVersion === doc.version && !e.stale)));
  }

  /** Resolves with the analysis of the document's current version (for the API and tests). */
  whenAnalyzed(doc: vscode.TextDocument, timeoutMs = 20_000): Promise<DocumentAnalysis> {
    const ready = () => {
      const e = this.entries.get(doc.uri.toString());
      return e && e.state === 'ready' && e.analysedVersion === doc.version && e.analysis ? e.analysis : undefined;
    };
    const now = ready();
    if (now) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const sub = this.onDidChange((c) => {
        if (c.document.uri.toString() !== doc.uri.toString()) return;
        const a = ready();
        if (a) done(() => resolve(a));
        else if (c.entry.state === 'error' && !this.timers.has(doc.uri.toString()))
          done(() => reject(new Error(c.entry.error)));
      });
      const timer = setTimeout(() => done(() => reject(new Error(`no analysis of ${doc.uri.fsPath} within ${timeoutMs} ms`))), timeoutMs);
      const done = (f: () => void) => {
        clearTimeout(timer);
        sub.dispose();
        f();
      };
    });
  }

  /** Keeps finding offsets in step with an edit; marks the analysis stale. */
  onDocumentChanged(e: vscode.TextDocumentChangeEvent): void {
    const entry = this.entries.get(e.document.uri.toString());
    if (!entry || e.contentChanges.length === 0) return;
    entry.stale = true;
    const changes = [...e.contentChanges].sort((a, b) => b.rangeOffset - a.rangeOffset);
    let spans = entry.spans;
    let touched = false;
    for (const c of changes) {
      const from = c.rangeOffset;
      const to = c.rangeOffset + c.rangeLength;
      const delta = c.text.length - c.rangeLength;
      entry.edits.push({ at: from, removed: c.rangeLength, inserted: c.text.length });
      const next: Span[] = [];
      for (const s of spans) {
        if (s.end <= from) {
          next.push(s);
          // At a decoration's end VS Code grows it (ClosedClosed); repaint to keep the finding as it was.
          if (s.end === from) touched = true;
        } else if (s.start >= to) {
          next.push({ ...s, start: s.start + delta, end: s.end + delta });
          if (s.start === to) touched = true;
        } else touched = true; // the edit touched the finding's words; drop it until the next analysis
      }
      spans = next;
    }
    entry.spans = spans;
    this.emitter.fire({ document: e.document, entry, movedOnly: !touched });
  }

  onDocumentClosed(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    this.cancelTimer(key);
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    this.entries.delete(key);
    this.client.cancelAll(key);
    this.client.forget(key);
  }

  private cancelTimer(key: string): void {
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.delete(key);
  }

  private entryFor(doc: vscode.TextDocument): Entry {
    const key = doc.uri.toString();
    let e = this.entries.get(key);
    if (!e) {
      e = { uri: doc.uri, state: 'idle', stale: false, spans: [], edits: [] };
      this.entries.set(key, e);
    }
    return e;
  }

  private async run(doc: vscode.TextDocument): Promise<DocumentAnalysis | undefined> {
    if (doc.isClosed) return undefined;
    const key = doc.uri.toString();
    const gen = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, gen);
    const entry = this.entryFor(doc);
    entry.state = 'analysing';
    this.emitter.fire({ document: doc, entry });
    await this.lexiconReady;
    if (gen !== this.generations.get(key) || doc.isClosed) return undefined;

    const version = doc.version;
    const started = Date.now();
    // A newer request for this document replaces this one while it waits in the client (CancelledError).
    const job = this.client.analyze(key, doc.getText(), requestOptions(doc, this.settings.language, this.settings.limits));
    this.progressIfSlow(doc, job.promise);
    let result: WorkerResult;
    try {
      result = await job.promise;
    } catch (err) {
      if (err instanceof CancelledError || gen !== this.generations.get(key) || doc.isClosed) return undefined;
      entry.state = 'error';
      entry.error = err instanceof Error ? err.message : String(err);
      entry.ms = Date.now() - started;
      this.emitter.fire({ document: doc, entry });
      return undefined;
    }
    // A newer run started, or the document closed, while this one ran: drop the result.
    if (gen !== this.generations.get(key) || doc.isClosed) return undefined;
    entry.ms = Date.now() - started;
    if (doc.version !== version || result.lexiconVersion !== this.lexiconVersion) {
      // The text (or the lexicon) changed while the worker ran: its offsets are off; run again.
      this.schedule(doc, 0);
      return undefined;
    }
    const analysis = result.analysis;
    entry.state = 'ready';
    entry.error = undefined;
    entry.analysis = analysis;
    entry.engineMs = result.ms;
    entry.sections = result.sections;
    entry.analysedVersion = version;
    entry.stale = false;
    entry.edits = [];
    entry.spans = analysis.findings.map((f) => ({ start: f.start, end: f.end, finding: f }));
    this.emitter.fire({ document: doc, entry });
    return analysis;
  }

  /** Window progress for a run that is still going after PROGRESS_AFTER_MS (a long document's first analysis). */
  private progressIfSlow(doc: vscode.TextDocument, done: Promise<unknown>): void {
    let finished = false;
    const settle = () => {
      finished = true;
    };
    done.then(settle, settle);
    setTimeout(() => {
      if (finished) return;
      void vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: l10n.t('Policy Lens: analysing {0}', doc.uri.path.slice(doc.uri.path.lastIndexOf('/') + 1)) },
        () => done.catch(() => undefined),
      );
    }, PROGRESS_AFTER_MS);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.entries.clear();
    this.client.dispose();
    this.emitter.dispose();
    this.lexiconEmitter.dispose();
  }
}

export function spansByCategory(spans: readonly Span[]): Map<Category, Span[]> {
  const m = new Map<Category, Span[]>();
  for (const s of spans) {
    const list = m.get(s.finding.category);
    if (list) list.push(s);
    else m.set(s.finding.category, [s]);
  }
  return m;
}
