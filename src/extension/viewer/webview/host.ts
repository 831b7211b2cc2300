/**
 * The webview's side of the host connection, shared by the viewers: the VS Code API (acquired once), the page's
 * configuration (JSON in the nonce'd #config script: asset URLs and the translated UI strings) and `S`, which
 * fills a UI string's `{0}`… placeholders.
 */
declare function acquireVsCodeApi(): {
  postMessage(m: unknown): void;
  getState(): unknown;
  setState(s: unknown): void;
};

export const config = JSON.parse(document.getElementById('config')?.textContent || '{}') as { strings?: Record<string, string> } & Record<string, unknown>;

/** A translated UI string with its placeholders filled. */
export const S = (k: string, ...args: (string | number)[]): string =>
  (config.strings?.[k] ?? k).replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));

export const vscode = acquireVsCodeApi();

/** Sends a message to the extension host (typed by each viewer's protocol). */
export function post<M extends { type: string }>(m: M): void {
  vscode.postMessage(m);
}

export const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/** Milestones of the first load (reported to the host: benchmark, diagnostics). */
export const timeline: Record<string, number> = {};
export const milestone = (k: string): void => {
  if (!(k in timeline)) timeline[k] = Math.round(performance.now());
};
