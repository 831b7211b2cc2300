/**
 * What differs between the desktop extension (Node extension host: `main`, ./desktop.ts) and the web extension
 * (a Web Worker extension host in the browser: `browser`, ./web.ts). Everything else — the engine, the editors'
 * highlights and hovers, the Framing and Findings views, the lexicon files, the PDF and DOCX viewers, coding — is
 * the same code (./extension.ts), which reads and writes files only with `vscode.workspace.fs` and starts workers
 * only through these factories. No `vscode` runtime import, no Node built-ins.
 */
import type * as vscode from 'vscode';
import type { AnalysisFocus } from './sources';
import type { WorkerFactory } from './workers/port';

/** `W`: the API of the desktop's workspace features (../audit: AuditApi), kept out of the web extension's types. */
export interface Platform<W = unknown> {
  readonly kind: 'desktop' | 'web';
  /** The text editors' analysis worker (dist/analysisWorker.js, dist/web/analysis-worker.js). */
  readonly analysisWorkers: WorkerFactory;
  /** The document viewers' worker, which also loads documents for coding's export and agreement. */
  readonly documentWorkers: WorkerFactory;
  /** The drafting assistant's worker: rewrites and comparisons (dist/draftWorker.js, dist/web/draft-worker.js). */
  readonly draftWorkers: WorkerFactory;
  /** The home folder, for `~/…` lexicon paths (desktop only). */
  readonly homeDir?: string;
  /** The operating system's user name: the default coder (desktop only). */
  userName(): string | undefined;
  /**
   * The workspace features that need Node (worker threads over many files, the on-disk audit cache): the audit, the
   * comparison, the concordance and the strategy ↔ letter thread. The web extension has none (undefined): their
   * commands and view are hidden there (`!policyLens.web`), and a command run before the extension has set that
   * context key says that it needs the desktop instead of failing.
   */
  registerWorkspaceFeatures(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, focus: AnalysisFocus): W | undefined;
}
