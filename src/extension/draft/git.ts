/**
 * The last committed version of a file, through VS Code's built-in git extension (its API, version 1): the
 * repository that holds the file (opened for the API when it was not open yet) and `show('HEAD', path)`.
 */
import * as vscode from 'vscode';

interface GitRepository {
  readonly rootUri: vscode.Uri;
  show(ref: string, path: string): Promise<string>;
}

interface GitApi {
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: vscode.Event<'uninitialized' | 'initialized'>;
  getRepository(uri: vscode.Uri): GitRepository | null;
  openRepository?(root: vscode.Uri): Promise<GitRepository | null>;
}

interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

/** The git API, when the git extension is there and enabled (`git.enabled`). */
export async function gitApi(timeoutMs = 5000): Promise<GitApi | undefined> {
  const ext = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!ext) return undefined;
  const exports = ext.isActive ? ext.exports : await ext.activate().then(undefined, () => undefined);
  if (!exports?.enabled) return undefined;
  const api = exports.getAPI(1);
  if (api.state !== 'initialized') {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => done(), timeoutMs);
      const sub = api.onDidChangeState((s) => s === 'initialized' && done());
      const done = () => {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      };
    });
  }
  return api;
}

/** The repository holding a file, or undefined (not a file, no git, not in a repository). */
export async function repositoryOf(uri: vscode.Uri): Promise<GitRepository | undefined> {
  if (uri.scheme !== 'file') return undefined;
  const api = await gitApi();
  if (!api) return undefined;
  return api.getRepository(uri) ?? (await api.openRepository?.(vscode.Uri.joinPath(uri, '..')).then(undefined, () => null)) ?? undefined;
}

/** The file's text at HEAD, or undefined when it is not committed. */
export async function committedText(uri: vscode.Uri): Promise<string | undefined> {
  const repo = await repositoryOf(uri);
  if (!repo) return undefined;
  try {
    return await repo.show('HEAD', uri.fsPath);
  } catch {
    return undefined;
  }
}
