/**
 * The workspace audit: finds the workspace's documents by the `policyLens.audit.include` / `exclude` globs and
 * runs the engine's `auditFiles` over them (worker threads, SHA-256 cache in the extension's storage) with a
 * cancellable progress notification. No analysis logic lives here.
 */
import * as l10n from '@vscode/l10n';
import * as path from 'path';
import * as vscode from 'vscode';
import { auditFiles, AuditResult } from '../../core/workspace';
import { readSettings } from '../settings';

export const DEFAULT_INCLUDE = '**/*.{pdf,md,txt,docx}';

export interface AuditRun {
  /** Absolute paths audited, in the order of the result's entries. */
  files: string[];
  result: AuditResult;
  /** When the run finished. */
  finished: Date;
}

export interface AuditSettings {
  include: string;
  exclude: string;
  workers: number | undefined;
}

export function readAuditSettings(): AuditSettings {
  const c = vscode.workspace.getConfiguration('policyLens.audit');
  const include = c.get<string>('include', DEFAULT_INCLUDE);
  const exclude = c.get<string>('exclude', '');
  const workers = c.get<number>('workers', 0);
  return {
    include: typeof include === 'string' && include.trim() ? include.trim() : DEFAULT_INCLUDE,
    exclude: typeof exclude === 'string' ? exclude.trim() : '',
    workers: Number.isInteger(workers) && workers > 0 ? Math.min(workers, 16) : undefined,
  };
}

/** Files that describe a folder rather than belong to it: skipped, as the CLI skips them inside folders. */
const FOLDER_METADATA = /^(readme|sources|license|licence|changelog|contributing)(\.[a-z]+)?$/i;

/**
 * The workspace's documents matching the settings, sorted by path (never `.policylens/` or node_modules, nor
 * README/SOURCES/LICENSE/CHANGELOG files).
 */
export async function findDocuments(s: AuditSettings, token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const excludes = ['**/node_modules/**', '**/.policylens/**', '**/.git/**'];
  if (s.exclude) excludes.push(s.exclude);
  const uris = await vscode.workspace.findFiles(s.include, `{${excludes.join(',')}}`, undefined, token);
  return uris.filter((u) => u.scheme === 'file' && !FOLDER_METADATA.test(path.basename(u.fsPath))).sort((a, b) => (a.fsPath < b.fsPath ? -1 : a.fsPath > b.fsPath ? 1 : 0));
}

export class WorkspaceAuditor implements vscode.Disposable {
  private last: AuditRun | undefined;
  private running: Promise<AuditRun | undefined> | undefined;
  private abort: AbortController | undefined;
  /** Documents finished in the current (or last) run. */
  progress = { done: 0, total: 0 };
  private readonly emitter = new vscode.EventEmitter<AuditRun>();
  readonly onDidAudit = this.emitter.event;
  private readonly progressEmitter = new vscode.EventEmitter<{ done: number; total: number }>();
  /** A document of the run in progress finished. */
  readonly onDidProgress = this.progressEmitter.event;

  constructor(
    private readonly storage: vscode.Uri,
    private readonly workerScript: string,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  get lastRun(): AuditRun | undefined {
    return this.last;
  }

  /** Cancels the run in progress (as the notification's Cancel button does). */
  cancel(): void {
    this.abort?.abort();
  }

  get cacheDir(): string {
    return path.join(this.storage.fsPath, 'audit-cache');
  }

  /** Audits the workspace (or `files`) with a progress notification; undefined when cancelled. */
  run(files?: string[]): Promise<AuditRun | undefined> {
    if (this.running) return this.running;
    this.running = this.doRun(files).finally(() => (this.running = undefined));
    return this.running;
  }

  private async doRun(given?: string[]): Promise<AuditRun | undefined> {
    const s = readAuditSettings();
    const settings = readSettings();
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: l10n.t('Policy Lens: auditing the workspace'), cancellable: true },
      async (progress, token) => {
        const files = given ?? (await findDocuments(s, token)).map((u) => u.fsPath);
        if (token.isCancellationRequested) return undefined;
        if (files.length === 0) {
          void vscode.window.showInformationMessage(l10n.t('No documents in the workspace match {0}.', s.include));
          return undefined;
        }
        const abort = new AbortController();
        this.abort = abort;
        this.progress = { done: 0, total: files.length };
        const sub = token.onCancellationRequested(() => abort.abort());
        let lastDone = 0;
        try {
          const result = await auditFiles(files, {
            cacheDir: this.cacheDir,
            workers: s.workers,
            workerScript: this.workerScript,
            lexiconFiles: settings.lexiconFiles,
            language: settings.language,
            limits: settings.limits,
            signal: abort.signal,
            onProgress: (p) => {
              const step = ((p.done - lastDone) * 100) / p.total;
              lastDone = p.done;
              this.progress = { done: p.done, total: p.total };
              this.progressEmitter.fire(this.progress);
              progress.report({ increment: step, message: l10n.t('{0} of {1}: {2}', p.done, p.total, path.basename(p.file)) });
            },
          });
          for (const w of [...result.warnings, ...result.lexiconErrors]) this.output.warn(w);
          for (const e of result.entries) if (e.error) this.output.warn(e.error.message);
          const st = result.stats;
          this.output.info(
            `audit: ${st.total} documents in ${st.ms} ms: ${st.analysed} analysed (${st.workersStarted} workers), ${st.cached} from the cache, ${st.failed} failed`,
          );
          const run: AuditRun = { files, result, finished: new Date() };
          this.last = run;
          this.emitter.fire(run);
          return run;
        } catch (e) {
          if (abort.signal.aborted) {
            void vscode.window.showInformationMessage(l10n.t('The audit was cancelled; the documents finished so far are cached.'));
            return undefined;
          }
          throw e;
        } finally {
          sub.dispose();
          if (this.abort === abort) this.abort = undefined;
        }
      },
    );
  }

  dispose(): void {
    this.emitter.dispose();
    this.progressEmitter.dispose();
  }
}
