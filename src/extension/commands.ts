/**
 * Commands on the focused document and the workspace lexicon:
 *   policyLens.exportReport      the focused document's report as Markdown, JSON or CSV (save dialog)
 *   policyLens.openLexicon       open (or create) .policylens/lexicon.json, with its $schema
 *   policyLens.addToLexicon      add the selected word(s) to the workspace lexicon under a category (QuickPick)
 *   policyLens.showLexiconProblem  open a lexicon file at a problem (the status item's link)
 * Each takes optional arguments so that tests and other commands can run it without its dialogs.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { CATEGORIES } from '../core';
import type { Category } from '../core';
import { categoryDescription, categoryLabel } from './labels';
import { formatFor, report, ReportFormat } from './report';
import type { AnalysisFocus } from './sources';
import { sectionsOf } from './sources';
import { addTermToLexicon, exists, LEXICON_DIR, LEXICON_FILE, lexiconTemplate, lexiconUri, WorkspaceLexicons } from './workspaceLexicon';

export interface CommandDeps {
  focus: AnalysisFocus;
  lexicons: WorkspaceLexicons;
}

const asUri = (v: unknown): vscode.Uri | undefined =>
  v instanceof vscode.Uri ? v : typeof v === 'string' && v ? (/^(\/|[a-zA-Z]:[\\/])/.test(v) ? vscode.Uri.file(v) : vscode.Uri.parse(v)) : undefined;

/** The last part of a URI's path (a file's or folder's name). */
const baseName = (uri: vscode.Uri) => uri.path.replace(/\/+$/, '').slice(uri.path.replace(/\/+$/, '').lastIndexOf('/') + 1);
const utf8 = (text: string) => new TextEncoder().encode(text);

export function registerCommands(context: vscode.ExtensionContext, deps: CommandDeps): void {
  const { focus, lexicons } = deps;

  /** The workspace folder for the lexicon: the given one, the only one, or the user's pick. */
  async function pickFolder(arg?: unknown): Promise<vscode.Uri | undefined> {
    const given = asUri(arg);
    if (given) return given;
    const folders = vscode.workspace.workspaceFolders ?? [];
    const active = vscode.window.activeTextEditor?.document.uri;
    const own = active && vscode.workspace.getWorkspaceFolder(active);
    if (own) return own.uri;
    if (folders.length === 1) return folders[0].uri;
    if (folders.length === 0) {
      void vscode.window.showInformationMessage(l10n.t('Policy Lens: open a folder first; the workspace lexicon is kept in it ({0}).', `${LEXICON_DIR}/${LEXICON_FILE}`));
      return undefined;
    }
    const f = await vscode.window.showWorkspaceFolderPick({ placeHolder: l10n.t('Workspace folder of the lexicon') });
    return f?.uri;
  }

  /** Creates the workspace lexicon if it is missing (with the schema copy beside it); returns its URI. */
  async function ensureLexicon(folder: vscode.Uri): Promise<vscode.Uri> {
    const uri = lexiconUri(folder);
    if (!(await exists(uri))) {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder, LEXICON_DIR));
      await vscode.workspace.fs.writeFile(uri, utf8(lexiconTemplate(baseName(folder))));
    }
    await lexicons.writeSchemaBeside(uri);
    return uri;
  }

  async function exportReport(target?: unknown): Promise<vscode.Uri | undefined> {
    const source = focus.source;
    const snap = source?.snapshot();
    if (!source || !snap?.analysis) {
      void vscode.window.showInformationMessage(l10n.t('Policy Lens: there is no analysed document to export. Open one and analyse it first.'));
      return undefined;
    }
    let uri = asUri(target);
    if (!uri) {
      // Next to the document (on its file system), named after it.
      const base = source.uri.with({ path: source.uri.path.replace(/\.[^./]+$/, ''), query: '', fragment: '' });
      uri = await vscode.window.showSaveDialog({
        title: l10n.t('Export the Policy Lens report of {0}', source.label),
        defaultUri: base.with({ path: `${base.path}.policy-lens.md` }),
        filters: { Markdown: ['md'], JSON: ['json'], CSV: ['csv'] },
        saveLabel: l10n.t('Export'),
      });
      if (!uri) return undefined;
    }
    const format: ReportFormat = formatFor(uri.path);
    const text = report(format, {
      file: source.uri.scheme === 'file' ? baseName(source.uri) : source.label,
      analysis: snap.analysis,
      sections: sectionsOf(snap),
      where: (o) => source.where(o),
    });
    await vscode.workspace.fs.writeFile(uri, utf8(text));
    if (!asUri(target)) {
      void vscode.window.showInformationMessage(l10n.t('Policy Lens: report written to {0}.', baseName(uri)), l10n.t('Open')).then((pick) => {
        if (pick) void vscode.commands.executeCommand('vscode.open', uri);
      });
    }
    return uri;
  }

  async function openLexicon(folderArg?: unknown): Promise<vscode.Uri | undefined> {
    const folder = await pickFolder(folderArg);
    if (!folder) return undefined;
    const uri = await ensureLexicon(folder);
    await vscode.window.showTextDocument(uri, { preview: false });
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(l10n.t('Policy Lens: this workspace is not trusted, so its lexicon is not used until you trust it.'));
    }
    await lexicons.refresh();
    return uri;
  }

  /** The selected text (or the word at the cursor) of the active text editor. */
  function selectedTerm(): string | undefined {
    const ed = vscode.window.activeTextEditor;
    if (!ed) return undefined;
    let range: vscode.Range | undefined = ed.selection.isEmpty ? ed.document.getWordRangeAtPosition(ed.selection.active, /[\p{L}\p{N}][\p{L}\p{M}\p{N}-]*/u) : ed.selection;
    if (!range) return undefined;
    const text = ed.document.getText(range).replace(/\s+/g, ' ').trim();
    return text || undefined;
  }

  async function addToLexicon(arg?: unknown): Promise<{ file: string; id: string } | undefined> {
    const opts = (arg && typeof arg === 'object' && !(arg instanceof vscode.Uri) ? arg : {}) as { term?: unknown; category?: unknown; folder?: unknown };
    const term = typeof opts.term === 'string' && opts.term.trim() ? opts.term.replace(/\s+/g, ' ').trim() : selectedTerm();
    if (!term) {
      void vscode.window.showInformationMessage(l10n.t('Policy Lens: select a word or phrase to add to the workspace lexicon.'));
      return undefined;
    }
    if (term.length > 80) {
      void vscode.window.showWarningMessage(l10n.t('Policy Lens: select a word or a short phrase (at most 80 characters).'));
      return undefined;
    }
    let category = (CATEGORIES as readonly unknown[]).includes(opts.category) ? (opts.category as Category) : undefined;
    if (!category) {
      const pick = await vscode.window.showQuickPick(
        CATEGORIES.map((c) => ({ label: categoryLabel(c), detail: categoryDescription(c), category: c })),
        { title: l10n.t('Add «{0}» to the workspace lexicon as …', term), placeHolder: l10n.t('Category'), matchOnDetail: true },
      );
      if (!pick) return undefined;
      category = pick.category;
    }
    const folder = await pickFolder(opts.folder);
    if (!folder) return undefined;
    const uri = await ensureLexicon(folder);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const text = open ? open.getText() : new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    const res = addTermToLexicon(text, uri.scheme === 'file' ? uri.fsPath : uri.toString(), term, category);
    if (!res.ok) {
      if (res.reason === 'duplicate') {
        void vscode.window.showInformationMessage(l10n.t('Policy Lens: «{0}» is already in the workspace lexicon as {1} (entry {2}).', term, categoryLabel(category), res.id));
      } else {
        void vscode.window.showErrorMessage(l10n.t('Policy Lens: «{0}» was not added: {1}', term, res.message), l10n.t('Open Lexicon')).then((p) => {
          if (p) void vscode.window.showTextDocument(uri);
        });
      }
      return undefined;
    }
    if (open) {
      // Through the editor, so an open (even modified) lexicon keeps its undo history; then saved.
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, new vscode.Range(open.positionAt(0), open.positionAt(text.length)), res.text);
      await vscode.workspace.applyEdit(edit);
      await open.save();
    } else {
      await vscode.workspace.fs.writeFile(uri, utf8(res.text));
    }
    await lexicons.refresh();
    const trusted = vscode.workspace.isTrusted;
    void vscode.window
      .showInformationMessage(
        trusted
          ? l10n.t('Policy Lens: added «{0}» to the workspace lexicon as {1}.', term, categoryLabel(category))
          : l10n.t('Policy Lens: added «{0}» to the workspace lexicon as {1}; it is used once you trust this workspace.', term, categoryLabel(category)),
        l10n.t('Open Lexicon'),
      )
      .then((p) => {
        if (p) void vscode.window.showTextDocument(uri);
      });
    return { file: uri.scheme === 'file' ? uri.fsPath : uri.toString(), id: res.id };
  }

  async function showLexiconProblem(file?: unknown, line?: unknown, column?: unknown): Promise<void> {
    const uri = asUri(file);
    if (!uri) {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'policyLens.lexiconFiles');
      return;
    }
    const l = typeof line === 'number' && line > 0 ? line - 1 : 0;
    const c = typeof column === 'number' && column > 0 ? column - 1 : 0;
    const pos = new vscode.Position(l, c);
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(pos, pos), preview: false });
  }

  context.subscriptions.push(
    vscode.commands.registerCommand('policyLens.exportReport', exportReport),
    vscode.commands.registerCommand('policyLens.openLexicon', openLexicon),
    vscode.commands.registerCommand('policyLens.addToLexicon', addToLexicon),
    vscode.commands.registerCommand('policyLens.showLexiconProblem', showLexiconProblem),
  );
}
