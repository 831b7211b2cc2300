/**
 * The drafting assistant in the editor (issue 11): the light bulb on a top-down sentence (./codeActions.ts) and
 * «Compare Framing with…» (the last committed version through the git extension, or any file chosen), shown as a
 * report (./comparePanel.ts). The engine's work runs in the drafting worker (./client.ts; a worker thread on the
 * desktop, a Web Worker in the browser); a PDF or DOCX version is read by the document viewers' worker
 * (../documents.ts). A comparison shows cancellable progress. No Node built-ins (the web extension has this too).
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { compareVersions, formatOf, indexAtOrBefore } from '../../core';
import type { AnalysisService } from '../analysisService';
import type { DocumentLoader } from '../documents';
import { formatOf as editorFormat } from '../engine';
import type { WorkerFactory } from '../workers/port';
import { DraftCancelledError, DraftWorkerClient } from './client';
import { SuggestionCodeActions } from './codeActions';
import { buildReport } from './compareModel';
import { CompareReportPanel, ShownReport, VERSION_SCHEME, VersionDocuments } from './comparePanel';
import { committedText, repositoryOf } from './git';
import type { CompareResult, VersionInput } from './protocol';

export interface DraftingApi {
  readonly codeActions: SuggestionCodeActions;
  readonly report: CompareReportPanel;
  /** Compares a text document with its last committed version or with a file; resolves with the report shown. */
  compare(doc: vscode.TextDocument, against: { kind: 'git' } | { kind: 'file'; uri: vscode.Uri }): Promise<ShownReport | undefined>;
  /** Where the drafting engine runs. */
  engine(): { mode: 'worker' | 'in-process' | 'none'; workers: number };
}

export interface DraftingDeps {
  service: AnalysisService;
  selector: () => vscode.DocumentSelector;
  log: (message: string) => void;
  /** The drafting worker (the platform's: dist/draftWorker.js, dist/web/draft-worker.js). */
  workers: WorkerFactory;
  /** Reads a PDF or DOCX version (the document viewers' worker). */
  loader: DocumentLoader;
}

const baseName = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);

const MAX_BYTES = 100 * 1024 * 1024;

/** «line 12» for offsets of a text (line starts found once). */
function lineFinder(text: string): (offset: number) => string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => l10n.t('line {0}', indexAtOrBefore(starts, offset) + 1);
}

export function registerDrafting(context: vscode.ExtensionContext, deps: DraftingDeps): DraftingApi {
  const client = new DraftWorkerClient(deps.workers, deps.log);
  const codeActions = new SuggestionCodeActions(deps.service, client);
  const report = new CompareReportPanel(context.extensionUri);
  const versions = new VersionDocuments();
  let reportId = 1;
  const updateLexicon = () => void deps.service.currentLexicon().then((l) => client.setLexicon(l));
  updateLexicon();

  let registration: vscode.Disposable | undefined;
  const register = () => {
    registration?.dispose();
    registration = vscode.languages.registerCodeActionsProvider(deps.selector(), codeActions, SuggestionCodeActions.metadata);
  };
  register();
  context.subscriptions.push(
    client,
    report,
    { dispose: () => registration?.dispose() },
    vscode.workspace.registerTextDocumentContentProvider(VERSION_SCHEME, versions),
    deps.service.onDidChangeLexicon(updateLexicon),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('policyLens.documentSelector') && register()),
  );

  const compare = async (doc: vscode.TextDocument, against: { kind: 'git' } | { kind: 'file'; uri: vscode.Uri }): Promise<ShownReport | undefined> => {
    const name = baseName(doc.uri);
    const newText = doc.getText();
    const next: VersionInput = { format: editorFormat(doc), text: newText, file: name };
    /** The old version: a text for the drafting worker, or (PDF, DOCX) a file for the document viewers' worker. */
    let old: VersionInput | vscode.Uri;
    let oldLabel: string;
    if (against.kind === 'git') {
      const text = await committedText(doc.uri);
      if (text === undefined) {
        void vscode.window.showWarningMessage(l10n.t('Policy Lens: {0} has no committed version (not in a git repository, or git is disabled).', name));
        return undefined;
      }
      old = { format: editorFormat(doc), text, file: `${name} (HEAD)` };
      oldLabel = l10n.t('{0} (last commit)', name);
    } else {
      const format = formatOf(against.uri.path);
      oldLabel = baseName(against.uri);
      if (!format) {
        void vscode.window.showWarningMessage(l10n.t('Policy Lens: {0} is not a document Policy Lens reads (.md, .txt, .pdf, .docx).', oldLabel));
        return undefined;
      }
      const { size } = await vscode.workspace.fs.stat(against.uri);
      if (size > MAX_BYTES) {
        void vscode.window.showWarningMessage(l10n.t('Policy Lens: {0} is too large to compare.', oldLabel));
        return undefined;
      }
      old = format === 'md' || format === 'txt' ? { format, text: new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(against.uri)), file: oldLabel } : against.uri;
    }
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: l10n.t('Policy Lens: comparing the framing of {0} and {1}…', oldLabel, name), cancellable: true },
      async (_progress, token): Promise<CompareResult | undefined> => {
        try {
          if (old instanceof vscode.Uri) {
            // a PDF or DOCX: read (and analysed) by the viewers' worker; this document's analysis is the service's
            const loaded = await deps.loader.load(old);
            if (token.isCancellationRequested) return undefined;
            const now = await deps.service.whenAnalyzed(doc, 60_000);
            if (token.isCancellationRequested) return undefined;
            const t0 = performance.now();
            return { comparison: compareVersions(loaded.analysis, now), oldText: loaded.text, newText, ms: performance.now() - t0 };
          }
          const req = client.compare(old, next);
          const sub = token.onCancellationRequested(() => req.cancel());
          try {
            return await req.promise;
          } finally {
            sub.dispose();
          }
        } catch (e) {
          if (!(e instanceof DraftCancelledError)) void vscode.window.showErrorMessage(l10n.t('Policy Lens: the comparison failed: {0}', (e as Error).message));
          return undefined;
        }
      },
    );
    if (!result) return undefined;
    const oldUri = versions.add(oldLabel, result.oldText);
    const built = buildReport({
      id: reportId++,
      comparison: result.comparison,
      oldLabel,
      newLabel: name,
      whereOld: lineFinder(result.oldText),
      whereNew: lineFinder(result.newText),
    });
    const shown: ShownReport = { ...built, oldUri, newUri: doc.uri, newText };
    report.show(shown);
    return shown;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('policyLens.compareWith', async (arg?: unknown, opts?: { against?: 'git' | 'file'; file?: vscode.Uri }) => {
      const uri = arg instanceof vscode.Uri ? arg : undefined;
      const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (!doc || (doc.languageId !== 'markdown' && doc.languageId !== 'plaintext' && !/\.(md|markdown|txt)$/i.test(doc.fileName))) {
        void vscode.window.showInformationMessage(l10n.t('Policy Lens: open a Markdown or plain-text document to compare it with another version.'));
        return undefined;
      }
      let against: { kind: 'git' } | { kind: 'file'; uri: vscode.Uri } | undefined;
      if (opts?.against === 'git') against = { kind: 'git' };
      else if (opts?.against === 'file' && opts.file instanceof vscode.Uri) against = { kind: 'file', uri: opts.file };
      else {
        const items: (vscode.QuickPickItem & { kind2: 'git' | 'file' })[] = [];
        if (await repositoryOf(doc.uri)) items.push({ label: '$(git-commit) ' + l10n.t('Last committed version'), description: 'HEAD', kind2: 'git' });
        items.push({ label: '$(file) ' + l10n.t('Choose a file…'), description: l10n.t('Markdown, plain text, PDF or DOCX'), kind2: 'file' });
        const pick = items.length === 1 ? items[0] : await vscode.window.showQuickPick(items, { title: l10n.t('Compare the framing of {0} with…', baseName(doc.uri)) });
        if (!pick) return undefined;
        if (pick.kind2 === 'git') against = { kind: 'git' };
        else {
          const files = await vscode.window.showOpenDialog({
            canSelectMany: false,
            openLabel: l10n.t('Compare'),
            defaultUri: vscode.Uri.joinPath(doc.uri, '..'),
            filters: { [l10n.t('Documents')]: ['md', 'markdown', 'txt', 'pdf', 'docx'] },
          });
          if (!files?.[0]) return undefined;
          against = { kind: 'file', uri: files[0] };
        }
      }
      const shown = await compare(doc, against);
      return shown ? { model: shown.model.id, items: shown.model.items.length } : undefined;
    }),
  );

  return { codeActions, report, compare, engine: () => ({ mode: client.mode, workers: client.spawned }) };
}
