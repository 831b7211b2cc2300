/**
 * The workspace features of issue 5 for analysts: the workspace audit, the comparison panel and its exports,
 * the concordance view and the strategy ↔ letter thread. Thin adapters over src/core/workspace.ts.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { ConcordanceHit, ConcordanceQuery, ConcordanceResult, ThreadResult } from '../../core/workspace';
import type { AnalysisFocus } from '../sources';
import { ComparisonPanel, useSources } from './comparisonPanel';
import { askQuery, CONCORDANCE_VIEW_ID, ConcordanceProvider, lastLoadErrors, revealHit, runConcordance } from './concordance';
import { disposeLoader, setLoadWorker } from './documents';
import { ExportFormat, EXPORT_FORMATS } from './protocol';
import { AuditRun, findDocuments, readAuditSettings, WorkspaceAuditor } from './runner';
import { pickAndShowThread, showThread } from './thread';

export interface AuditApi {
  readonly auditor: WorkspaceAuditor;
  readonly comparison: ComparisonPanel;
  readonly concordance: ConcordanceProvider;
  /** Runs the audit (no UI besides the progress) and shows the comparison. */
  audit(files?: string[]): Promise<AuditRun | undefined>;
  runConcordance(query: ConcordanceQuery): Promise<ConcordanceResult>;
  /** Opens a hit's document at the hit; whether the place was shown. */
  revealHit(hit: ConcordanceHit): Promise<boolean>;
  /** Documents the last concordance could not read (messages). */
  concordanceProblems(): string[];
  thread(strategy: string, letters: string[]): Promise<ThreadResult>;
}

export function registerAudit(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, focus?: AnalysisFocus): AuditApi {
  if (focus) useSources(focus);
  setLoadWorker(context.asAbsolutePath('dist/load-worker.js'));
  context.subscriptions.push({ dispose: disposeLoader });
  const storage = context.storageUri ?? context.globalStorageUri;
  const auditor = new WorkspaceAuditor(storage, context.asAbsolutePath('dist/audit-worker.js'), output);
  const comparison = new ComparisonPanel(context.extensionUri);
  const concordance = new ConcordanceProvider();
  const concordanceView = vscode.window.createTreeView(CONCORDANCE_VIEW_ID, { treeDataProvider: concordance, showCollapseAll: true });
  context.subscriptions.push(auditor, comparison, concordance, concordanceView);

  const audit = async (files?: string[]) => {
    const run = await auditor.run(files);
    if (run) comparison.show(run);
    return run;
  };
  /** The audited files (runs the audit first when there is none). */
  const auditedFiles = async (): Promise<string[]> => {
    const run = auditor.lastRun ?? (await audit());
    return run ? run.result.rows.map((r) => r.file) : [];
  };
  const concord = async (query: ConcordanceQuery) => {
    const files = await auditedFiles();
    const result = await runConcordance(files, query);
    for (const p of lastLoadErrors) output.warn(`concordance: ${p}`);
    concordance.show(result);
    concordanceView.description = concordance.description();
    concordanceView.message = result.total === 0 ? l10n.t('No hits.') : undefined;
    return result;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('policyLens.auditWorkspace', () => audit()),
    vscode.commands.registerCommand('policyLens.showComparison', async () => {
      if (auditor.lastRun) comparison.show(auditor.lastRun);
      else await audit();
    }),
    vscode.commands.registerCommand('policyLens.exportComparison', async (format?: unknown, target?: unknown) => {
      const run = auditor.lastRun ?? (await audit());
      if (!run) return undefined;
      let f = typeof format === 'string' && (EXPORT_FORMATS as readonly string[]).includes(format) ? (format as ExportFormat) : undefined;
      if (!f) {
        const pick = await vscode.window.showQuickPick(
          [
            { label: 'CSV', value: 'csv' as const },
            { label: 'JSON', value: 'json' as const },
            { label: 'Markdown', value: 'md' as const },
          ],
          { title: l10n.t('Export the comparison') },
        );
        if (!pick) return undefined;
        f = pick.value;
      }
      return comparison.export(f, target instanceof vscode.Uri ? target : undefined, run);
    }),
    vscode.commands.registerCommand('policyLens.concordance', async () => {
      const q = await askQuery();
      if (!q) return undefined;
      try {
        const r = await concord(q);
        await vscode.commands.executeCommand(`${CONCORDANCE_VIEW_ID}.focus`);
        return r;
      } catch (e) {
        void vscode.window.showErrorMessage((e as Error).message);
        return undefined;
      }
    }),
    vscode.commands.registerCommand('policyLens.revealConcordanceHit', (h: ConcordanceHit) => (h && typeof h.file === 'string' ? revealHit(h) : undefined)),
    vscode.commands.registerCommand('policyLens.thread', async () => {
      const files = auditor.lastRun ? await auditedFiles() : (await findDocuments(readAuditSettings())).map((u) => u.fsPath);
      try {
        return await pickAndShowThread(files);
      } catch (e) {
        void vscode.window.showErrorMessage((e as Error).message);
        return undefined;
      }
    }),
  );

  return {
    auditor,
    comparison,
    concordance,
    audit,
    runConcordance: concord,
    revealHit,
    concordanceProblems: () => [...lastLoadErrors],
    thread: (s, l) => showThread(s, l),
  };
}
