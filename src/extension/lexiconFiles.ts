/**
 * The user's lexicon files — `policyLens.lexiconFiles` and the workspace lexicons — read with `vscode.workspace.fs`
 * (on the web too) and handed to the engine (`lexiconFromTexts`): the built-in lexicon extended by them, and their
 * problems (a broken file gives its valid entries only; the built-in lexicon always works). A file is named by its
 * path when it is on disk, else by its URI (`label`); problems and the status item use that name.
 */
import * as vscode from 'vscode';
import { lexiconFromTexts, LexiconError } from '../core';
import type { Lexicon } from '../core';

export interface LexiconProblem {
  file?: string;
  line?: number;
  column?: number;
  message: string;
}

export interface LoadedLexicon {
  /** Undefined when there are no user lexicons (the built-in one is used). */
  lexicon?: Lexicon;
  problems: LexiconProblem[];
}

/** How a lexicon file is named: its path on disk, else its URI. */
export function lexiconLabel(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString();
}

/** The URI of a lexicon file's name (`lexiconLabel` the other way). */
export function labelToUri(label: string): vscode.Uri {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(label) ? vscode.Uri.parse(label, true) : vscode.Uri.file(label);
}

/**
 * The files of `policyLens.lexiconFiles`: absolute paths (on the workspace's file system: local on the desktop, the
 * remote or virtual one on the web), `~/…` (the home folder, desktop only), or relative to the first workspace folder.
 */
export function settingLexicons(paths: readonly string[], homeDir: string | undefined): vscode.Uri[] {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const out: vscode.Uri[] = [];
  for (const p of paths) {
    if (p.startsWith('~/')) {
      if (homeDir) out.push(vscode.Uri.joinPath(vscode.Uri.file(homeDir), p.slice(2)));
    } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(p)) out.push(vscode.Uri.parse(p, true));
    else if (p.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(p)) out.push(folder && folder.scheme !== 'file' ? folder.with({ path: p }) : vscode.Uri.file(p));
    else if (folder) out.push(vscode.Uri.joinPath(folder, p));
    else out.push(vscode.Uri.file(p));
  }
  return out;
}

/** Reads the files and builds the lexicon; problems are returned, not thrown. */
export async function loadLexicons(uris: readonly vscode.Uri[]): Promise<LoadedLexicon> {
  if (uris.length === 0) return { problems: [] };
  const read: { file: string; text: string }[] = [];
  const problems: LexiconProblem[] = [];
  for (const uri of uris) {
    const file = lexiconLabel(uri);
    try {
      read.push({ file, text: new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)) });
    } catch (e) {
      const code = e instanceof vscode.FileSystemError && e.code === 'FileNotFound' ? 'ENOENT' : (e as Error).message;
      problems.push(toProblem(new LexiconError(file, 1, 1, `cannot read the file (${code})`)));
    }
  }
  const res = lexiconFromTexts(read);
  return { lexicon: res.lexicon, problems: [...problems, ...res.errors.map(toProblem)] };
}

function toProblem(e: unknown): LexiconProblem {
  const o = (e ?? {}) as Record<string, unknown>;
  const message = String(o.problem ?? o.message ?? e);
  return {
    file: typeof o.file === 'string' ? o.file : undefined,
    line: typeof o.line === 'number' ? o.line : undefined,
    column: typeof o.column === 'number' ? o.column : typeof o.col === 'number' ? (o.col as number) : undefined,
    message: message.replace(/\s*\n\s*/g, ' '),
  };
}
