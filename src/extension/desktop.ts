/**
 * The desktop extension's entry (package.json `main`, bundled to dist/extension.js): Policy Lens in VS Code's Node
 * extension host. Workers are worker threads (dist/analysisWorker.js, dist/document-worker.js); the workspace
 * audit, comparison, concordance and thread (which need Node: worker threads over many files, an on-disk cache)
 * are registered here. Everything else is ./extension.ts, shared with the web extension (./web.ts).
 */
import * as os from 'os';
import type * as vscode from 'vscode';
import { AuditApi, registerAudit } from './audit';
import { activateWith, PolicyLensApi } from './extension';
import { nodeWorkers } from './workers/node';

/** The desktop extension's API: with the workspace audit (the tests use it). */
export type DesktopApi = PolicyLensApi<AuditApi>;

export function activate(context: vscode.ExtensionContext): DesktopApi {
  return activateWith(context, {
    kind: 'desktop',
    analysisWorkers: nodeWorkers(context.asAbsolutePath('dist/analysisWorker.js')),
    documentWorkers: nodeWorkers(context.asAbsolutePath('dist/document-worker.js')),
    draftWorkers: nodeWorkers(context.asAbsolutePath('dist/draftWorker.js')),
    homeDir: os.homedir(),
    userName: () => {
      try {
        return os.userInfo().username || undefined;
      } catch {
        return undefined;
      }
    },
    registerWorkspaceFeatures: (ctx, output, focus) => registerAudit(ctx, output, focus),
  });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
