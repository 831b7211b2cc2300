/**
 * The web extension's entry (package.json `browser`, bundled to dist/web/extension.js): Policy Lens in the browser
 * (vscode.dev, github.dev, code-server), in VS Code's web worker extension host. Workers are Web Workers started
 * from the bundled scripts (./web/workers.ts); files are read with `vscode.workspace.fs` everywhere. The workspace
 * audit, comparison, concordance and thread need Node and are not registered: their commands and view are hidden
 * (`policyLens.workspaceFeatures` is false). Everything else is ./extension.ts, shared with the desktop.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { activateWith, PolicyLensApi } from './extension';
import { routedWorkers, webWorkers } from './web/workers';

/** The commands of the workspace features that need Node (contributed for the desktop; hidden here). */
export const DESKTOP_ONLY_COMMANDS = ['policyLens.auditWorkspace', 'policyLens.showComparison', 'policyLens.exportComparison', 'policyLens.concordance', 'policyLens.thread', 'policyLens.revealConcordanceHit'];

export function activate(context: vscode.ExtensionContext): PolicyLensApi {
  return activateWith(context, {
    kind: 'web',
    analysisWorkers: webWorkers(context.extensionUri, 'dist/web/analysis-worker.js'),
    // DOCX and text jobs in a light worker; PDF jobs in the one with pdf.js (started on the first PDF).
    documentWorkers: routedWorkers(
      webWorkers(context.extensionUri, 'dist/web/text-worker.js'),
      webWorkers(context.extensionUri, 'dist/web/document-worker.js', { assets: 'dist/pdf-viewer/pdfjs' }),
      (job) => (job as { format?: string }).format === 'pdf',
    ),
    draftWorkers: webWorkers(context.extensionUri, 'dist/web/draft-worker.js'),
    userName: () => undefined,
    registerWorkspaceFeatures: (ctx) => {
      // Hidden by their when clauses once this runs; run before (the palette of a window that just opened), they say why.
      for (const id of DESKTOP_ONLY_COMMANDS) {
        ctx.subscriptions.push(
          vscode.commands.registerCommand(id, () => {
            void vscode.window.showInformationMessage(l10n.t('Policy Lens: the workspace audit, comparison, concordance and thread need VS Code on the desktop; in the browser, open a document to analyse and code it.'));
          }),
        );
      }
      return undefined;
    },
  });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
