/**
 * Waiting helpers shared by the integration tests (Node extension host) and the web tests (web worker extension
 * host): no Node built-ins, only `vscode`.
 */
import type * as vscode from 'vscode';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `fn` returns something truthy (or throws the last failure). */
export async function waitFor<T>(what: string, fn: () => T | Promise<T>, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v) return v as NonNullable<T>;
    } catch (e) {
      last = e;
    }
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
}

/** What the tests need of a document viewer's API (PolicyLensApi.pdf / .docx). */
export interface ReportingViewer<R> {
  post(uri: vscode.Uri, m: { type: 'requestReport' } | { type: 'hover'; finding: number }): Promise<void>;
  state(uri: vscode.Uri): { reports: R[] } | undefined;
}

/**
 * Moves the mouse over finding `k` until the viewer shows its explanation: a re-layout (a side bar opening resizes
 * the viewer) can replace the word the mouse was moved over before the explanation arrives.
 */
export async function hoverUntilShown<R extends { full: boolean; tooltip: string }>(viewer: ReportingViewer<R>, uri: vscode.Uri, k: number, pred: (r: R) => boolean = () => true, timeoutMs = 60_000): Promise<R> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    await viewer.post(uri, { type: 'hover', finding: k });
    try {
      return await freshReport(viewer, uri, (x) => x.tooltip.length > 0 && pred(x), Math.min(5_000, Math.max(1, deadline - Date.now())));
    } catch (e) {
      last = e;
    }
  }
  throw new Error(`the explanation of finding ${k} was not shown: ${(last as Error)?.message}`);
}

/** Asks the viewer for a fresh full report until one passes `pred` (the viewer checks its DOM for a full one). */
export async function freshReport<R extends { full: boolean }>(viewer: ReportingViewer<R>, uri: vscode.Uri, pred: (r: R) => boolean = () => true, timeoutMs = 20_000): Promise<R> {
  const deadline = Date.now() + timeoutMs;
  let last: R | undefined;
  while (Date.now() < deadline) {
    await viewer.post(uri, { type: 'requestReport' });
    await sleep(150);
    last = viewer.state(uri)?.reports[0];
    if (last && last.full && pred(last)) return last;
  }
  throw new Error(`no report passing the check; last ${JSON.stringify(last)}`);
}
