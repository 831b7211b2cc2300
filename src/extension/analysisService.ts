/**
 * Runs the engine on open documents, off the typing path: debounced timers (adaptive to how long the last run
 * took), a generation counter per document so that stale runs are dropped, and finding offsets kept in step with
 * edits made after the analysis (so decorations and hovers stay on the right words until the next run).
 */
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Category, DocumentAnalysis, Finding, Lexicon } from '../core';
import { analyze, LexiconProblem, loadUserLexicon, optionsFor, PruningCache } from './engine';
import type { Settings } from './settings';

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
  error?: string;
  /** Duration of the last run, ms. */
  ms?: number;
}

export interface AnalysisChange {
  readonly document: vscode.TextDocument;
  readonly entry: Entry;
}

const MAX_ADAPTIVE_DELAY_MS = 5000;

export class AnalysisService implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly generations = new Map<string, number>();
  private readonly emitter = new vscode.EventEmitter<AnalysisChange>();
  private readonly lexiconEmitter = new vscode.EventEmitter<void>();
  private lexicon: Lexicon | undefined;
  /** Per document: the engine's block cache, so that a keystroke re-analyses only the changed paragraph. */
  private readonly caches = new Map<string, PruningCache>();
  private lexiconReady: Promise<void> = Promise.resolve();
  private lexiconLoadGeneration = 0;
  /** Problems of the user's lexicon files (the built-in lexicon is used meanwhile). */
  lexiconProblems: LexiconProblem[] = [];

  /** Fired when a document's analysis state changes (analysing, ready, error, spans moved). */
  readonly onDidChange = this.emitter.event;
  readonly onDidChangeLexicon = this.lexiconEmitter.event;

  constructor(private settings: Settings) {}

  updateSettings(s: Settings): void {
    const lexiconChanged = JSON.stringify(s.lexiconFiles) !== JSON.stringify(this.settings.lexiconFiles);
    this.settings = s;
    if (lexiconChanged) void this.reloadLexicon();
  }

  /** (Re)loads `policyLens.lexiconFiles`; analyses wait for it. */
  reloadLexicon(): Promise<void> {
    const gen = ++this.lexiconLoadGeneration;
    const files = this.settings.lexiconFiles.map(resolvePath);
    this.lexiconReady = loadUserLexicon(files).then((res) => {
      if (gen !== this.lexiconLoadGeneration) return;
      this.lexicon = res.lexicon;
      this.lexiconProblems = res.problems;
      // Cached block results were made with the old lexicon; every analysis is out of date.
      this.caches.clear();
      for (const e of this.entries.values()) e.stale = true;
      this.lexiconEmitter.fire();
    });
    return this.lexiconReady;
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
    for (const c of changes) {
      const from = c.rangeOffset;
      const to = c.rangeOffset + c.rangeLength;
      const delta = c.text.length - c.rangeLength;
      const next: Span[] = [];
      for (const s of spans) {
        if (s.end <= from) next.push(s);
        else if (s.start >= to) next.push({ ...s, start: s.start + delta, end: s.end + delta });
        // else: the edit touched the finding's words; drop it until the next analysis
      }
      spans = next;
    }
    entry.spans = spans;
    this.emitter.fire({ document: e.document, entry });
  }

  onDocumentClosed(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    this.cancelTimer(key);
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    this.entries.delete(key);
    this.caches.delete(key);
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
      e = { uri: doc.uri, state: 'idle', stale: false, spans: [] };
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
    // Let the "analysing" state reach the UI before a synchronous engine run occupies the extension host.
    await new Promise((r) => setTimeout(r, 0));
    await this.lexiconReady;
    if (gen !== this.generations.get(key) || doc.isClosed) return undefined;

    const version = doc.version;
    const text = doc.getText();
    const started = Date.now();
    let cache = this.caches.get(key);
    if (!cache) this.caches.set(key, (cache = new PruningCache()));
    let analysis: DocumentAnalysis;
    try {
      cache.beginRun();
      analysis = await analyze(text, optionsFor(doc, { lexicon: this.lexicon, cache: cache.asBlockCache() }));
      cache.endRun();
    } catch (err) {
      this.caches.delete(key);
      if (gen !== this.generations.get(key)) return undefined;
      entry.state = 'error';
      entry.error = err instanceof Error ? err.message : String(err);
      entry.ms = Date.now() - started;
      this.emitter.fire({ document: doc, entry });
      return undefined;
    }
    // A newer run started, or the document closed, while this one ran: drop the result.
    if (gen !== this.generations.get(key) || doc.isClosed) return undefined;
    entry.ms = Date.now() - started;
    if (doc.version !== version) {
      // The text changed under an asynchronous engine run: its offsets are off; run again.
      this.schedule(doc, 0);
      return undefined;
    }
    entry.state = 'ready';
    entry.error = undefined;
    entry.analysis = analysis;
    entry.analysedVersion = version;
    entry.stale = false;
    entry.spans = analysis.findings.map((f) => ({ start: f.start, end: f.end, finding: f }));
    this.emitter.fire({ document: doc, entry });
    return analysis;
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.entries.clear();
    this.caches.clear();
    this.emitter.dispose();
    this.lexiconEmitter.dispose();
  }
}

/** Lexicon paths: absolute, `~/…`, or relative to the first workspace folder. */
function resolvePath(p: string): string {
  if (p.startsWith('~/')) return path.join(os.homedir(), p.slice(2));
  if (path.isAbsolute(p)) return p;
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? path.join(folder.uri.fsPath, p) : path.resolve(p);
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
