/**
 * The workspace lexicon: `.policylens/lexicon.json` in a workspace folder, loaded on top of the built-in lexicon
 * (and of `policyLens.lexiconFiles`), reloaded when it is saved, created or deleted. Its problems are shown as
 * diagnostics in the file and in the status item; the built-in lexicon keeps working. VS Code validates the file
 * against the engine's schema (`contributes.jsonValidation`; the file's `$schema` names the copy written beside it).
 *
 * Workspace Trust: a lexicon changes what the analysis says, so in an untrusted workspace it is not loaded, and
 * the user is told once (with a way to manage trust); it is loaded as soon as the workspace is trusted.
 */
import * as l10n from '@vscode/l10n';
import * as jsonc from 'jsonc-parser';
import * as vscode from 'vscode';
import { CATEGORIES, parseLexicon } from '../core';
import type { Category, LexiconEntry } from '../core';
import type { AnalysisService } from './analysisService';
import { labelToUri } from './lexiconFiles';

export const LEXICON_DIR = '.policylens';
export const LEXICON_FILE = 'lexicon.json';
export const SCHEMA_FILE = 'lexicon.schema.json';
export const LEXICON_GLOB = `**/${LEXICON_DIR}/${LEXICON_FILE}`;

/** Which workspace lexicons to load: all in a trusted workspace, none in an untrusted one. */
export function lexiconPlan(trusted: boolean, existing: readonly string[]): { load: string[]; skipped: string[] } {
  return trusted ? { load: [...existing], skipped: [] } : { load: [], skipped: [...existing] };
}

export function lexiconUri(folder: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(folder, LEXICON_DIR, LEXICON_FILE);
}

/** A new workspace lexicon's text. */
export function lexiconTemplate(name: string): string {
  return (
    JSON.stringify(
      {
        $schema: `./${SCHEMA_FILE}`,
        name,
        version: '1.0.0',
        language: 'nb',
        description: l10n.t(
          'Workspace lexicon of Policy Lens: entries here extend the built-in lexicon, or replace a built-in entry with the same id ("disabled": true switches one off).',
        ),
        entries: [],
      },
      null,
      2,
    ) + '\n'
  );
}

/** An entry id for a term: «tjenestedesign» → «innovation.tjenestedesign» (unique among `taken`). */
export function entryId(category: Category, term: string, taken: ReadonlySet<string>): string {
  const slug =
    term
      .toLowerCase()
      .normalize('NFC')
      .replace(/[^\p{L}0-9]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'term';
  const base = `${category}.${slug}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

export type AddResult =
  | { ok: true; text: string; id: string }
  | { ok: false; reason: 'duplicate'; id: string }
  | { ok: false; reason: 'invalid'; message: string };

/**
 * Adds a term to a lexicon file's text under a category (a new entry at the end of "entries", the rest of the
 * file — formatting, comments — kept). The result is checked with the engine's parseLexicon: a term it refuses,
 * or a file it cannot read, is not written.
 */
export function addTermToLexicon(text: string, file: string, term: string, category: Category): AddResult {
  if (!(CATEGORIES as readonly string[]).includes(category)) return { ok: false, reason: 'invalid', message: `unknown category ${category}` };
  const before = parseLexicon(text, file);
  const syntax = before.errors.find((e) => e.message.startsWith('JSON syntax error'));
  if (syntax) return { ok: false, reason: 'invalid', message: syntax.toString() };
  const root = jsonc.parseTree(text);
  const entriesNode = root && jsonc.findNodeAtLocation(root, ['entries']);
  const raw = (entriesNode ? jsonc.getNodeValue(entriesNode) : []) as Partial<LexiconEntry>[];
  if (!Array.isArray(raw)) return { ok: false, reason: 'invalid', message: l10n.t('"entries" is not an array') };
  const lower = term.toLowerCase();
  const same = raw.find((e) => e && e.category === category && Array.isArray(e.terms) && e.terms.some((t) => String(t).toLowerCase() === lower));
  if (same) return { ok: false, reason: 'duplicate', id: String(same.id) };
  const id = entryId(category, term, new Set(raw.map((e) => String(e?.id))));
  const entry = { id, category, weight: 1, terms: [term] };
  const edits = jsonc.modify(text, ['entries', raw.length], entry, {
    isArrayInsertion: true,
    formattingOptions: { insertSpaces: true, tabSize: 2, eol: text.includes('\r\n') ? '\r\n' : '\n' },
  });
  const next = jsonc.applyEdits(text, edits);
  const after = parseLexicon(next, file);
  if (!after.entries.some((e) => e.id === id)) {
    const mine = after.errors.filter((e) => !before.errors.some((b) => b.message === e.message));
    return { ok: false, reason: 'invalid', message: (mine[0] ?? after.errors[0])?.message ?? l10n.t('the engine does not accept the entry') };
  }
  return { ok: true, text: next, id };
}

export class WorkspaceLexicons implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('policyLens.lexicon');
  private told = false;
  /** Workspace lexicons present but not loaded (untrusted workspace). */
  skipped: vscode.Uri[] = [];
  private readonly emitter = new vscode.EventEmitter<void>();
  /** The set of loaded or skipped workspace lexicons changed. */
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly service: AnalysisService,
    /** The schema shipped with the extension (copied beside a new workspace lexicon). */
    readonly schemaUri: vscode.Uri,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(LEXICON_GLOB);
    // Deleting the folder reports the folder only, not the lexicon in it.
    const folderWatcher = vscode.workspace.createFileSystemWatcher(`**/${LEXICON_DIR}`, true, true, false);
    this.disposables.push(
      watcher,
      folderWatcher,
      watcher.onDidCreate(() => void this.refresh()),
      watcher.onDidChange(() => void this.refresh()),
      watcher.onDidDelete(() => void this.refresh()),
      folderWatcher.onDidDelete(() => void this.refresh()),
      // what VS Code itself writes is known at once, without waiting for the file watcher (slow on remote and
      // virtual file systems): files created, deleted or renamed in the Explorer or by an edit (a save in the editor:
      // extension.ts's onDidSaveTextDocument, which refreshes the lexicons too)
      vscode.workspace.onDidCreateFiles((e) => this.refreshIfTouched(e.files)),
      vscode.workspace.onDidDeleteFiles((e) => this.refreshIfTouched(e.files)),
      vscode.workspace.onDidRenameFiles((e) => this.refreshIfTouched(e.files.flatMap((f) => [f.oldUri, f.newUri]))),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.refresh()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.refresh()),
      service.onDidChangeLexicon(() => this.publishProblems()),
      this.diagnostics,
      this.emitter,
    );
  }

  /** The workspace lexicon of every folder (existing or not; on disk, or on the web's remote or virtual folders). */
  candidates(): vscode.Uri[] {
    return (vscode.workspace.workspaceFolders ?? []).map((f) => lexiconUri(f.uri));
  }

  /** True for a workspace lexicon (whether loaded or not). */
  isWorkspaceLexicon(uri: vscode.Uri): boolean {
    return this.candidates().some((c) => c.toString() === uri.toString());
  }

  /** Refreshes when one of the files is a workspace lexicon, or a folder that holds one. */
  private refreshIfTouched(files: readonly vscode.Uri[]): void {
    const lexicons = this.candidates().map((c) => c.toString());
    const touched = files.some((f) => {
      const u = f.toString();
      return lexicons.some((l) => l === u || l.startsWith(u.endsWith('/') ? u : u + '/'));
    });
    if (touched) void this.refresh();
  }

  /** Finds the workspace lexicons, loads them if the workspace is trusted, and reloads the lexicon. */
  async refresh(): Promise<void> {
    const existing: string[] = [];
    for (const u of this.candidates()) if (await exists(u)) existing.push(u.toString());
    const plan = lexiconPlan(vscode.workspace.isTrusted, existing);
    this.skipped = plan.skipped.map((p) => vscode.Uri.parse(p, true));
    this.service.workspaceLexiconFiles = plan.load.map((p) => vscode.Uri.parse(p, true));
    if (plan.skipped.length > 0 && !this.told) {
      this.told = true;
      void vscode.window
        .showWarningMessage(
          l10n.t('Policy Lens: the workspace lexicon ({0}) is not loaded, because this workspace is not trusted. The built-in lexicon is used.', `${LEXICON_DIR}/${LEXICON_FILE}`),
          l10n.t('Manage Workspace Trust'),
        )
        .then((pick) => pick && vscode.commands.executeCommand('workbench.trust.manage'));
    }
    this.emitter.fire();
    await this.service.reloadLexicon();
  }

  /** The untrusted-workspace notice for the status item, if a lexicon was skipped. */
  notice(): string | undefined {
    return this.skipped.length > 0 ? l10n.t('workspace lexicon not loaded (untrusted workspace)') : undefined;
  }

  /** The lexicon's problems as diagnostics in their files. */
  private publishProblems(): void {
    this.diagnostics.clear();
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const p of this.service.lexiconProblems) {
      if (!p.file) continue;
      const line = Math.max(0, (p.line ?? 1) - 1);
      const col = Math.max(0, (p.column ?? 1) - 1);
      const d = new vscode.Diagnostic(new vscode.Range(line, col, line, col + 1), p.message, vscode.DiagnosticSeverity.Error);
      d.source = 'Policy Lens';
      const list = byFile.get(p.file) ?? [];
      list.push(d);
      byFile.set(p.file, list);
    }
    for (const [file, list] of byFile) this.diagnostics.set(labelToUri(file), list);
  }

  /** Writes the schema copy beside a workspace lexicon (kept in step with the extension's schema). */
  async writeSchemaBeside(lexicon: vscode.Uri): Promise<void> {
    const target = vscode.Uri.joinPath(lexicon, '..', SCHEMA_FILE);
    const schema = await vscode.workspace.fs.readFile(this.schemaUri);
    let current: Uint8Array | undefined;
    try {
      current = await vscode.workspace.fs.readFile(target);
    } catch {
      current = undefined;
    }
    if (!current || current.length !== schema.length || current.some((b, i) => b !== schema[i])) await vscode.workspace.fs.writeFile(target, schema);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** Whether a file exists (on any file system VS Code has). */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
