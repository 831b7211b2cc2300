/** Shared helpers of the integration tests (they run inside the extension host). */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { DesktopApi as PolicyLensApi } from '../../../src/extension/desktop';
import { log } from './log';

export const EXTENSION_ID = 'policy-lens.policy-lens';

/** The fixtures: the harness's workspace (a copy of test/fixtures) when open, else test/fixtures itself. */
export function fixture(name: string): vscode.Uri {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const p = path.join(folder.uri.fsPath, name);
    if (fs.existsSync(p)) return vscode.Uri.file(p);
  }
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  return vscode.Uri.file(path.join(ext.extensionPath, 'test', 'fixtures', name));
}

export const HOD_MD = 'tildelingsbrev-helsedirektoratet-2026-utdrag.md';
export const OSLO_MD = 'bydelsreformen-oslo-utdrag.md';
export const SUNNMORE_TXT = 'innspel-sunnmore-regionrad-2026-utdrag.txt';

/** The desktop extension's API, with its workspace audit (which the web extension does not have). */
export async function desktopApi(): Promise<PolicyLensApi & { audit: NonNullable<PolicyLensApi['audit']> }> {
  const a = await api();
  assert.ok(a.audit, 'the workspace features are registered (desktop)');
  return a as PolicyLensApi & { audit: NonNullable<PolicyLensApi['audit']> };
}

export async function api(): Promise<PolicyLensApi> {
  const ext = vscode.extensions.getExtension<PolicyLensApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  return ext.isActive ? ext.exports : await ext.activate();
}

export async function open(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fixture(name));
  return vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.One });
}

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

/** Sets a policyLens setting in the user settings (undefined: back to the default). */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('policyLens').update(key, value, vscode.ConfigurationTarget.Global);
}

export function rangeKey(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** Asks the harness for a screenshot of the workbench; resolves when the file exists (undefined: no harness). */
export async function screenshot(name: string): Promise<string | undefined> {
  const dir = process.env.VSX_SCREENSHOT_DIR;
  if (!dir) return undefined;
  const file = path.join(dir, name);
  fs.rmSync(file, { force: true });
  log(`[[vsx-screenshot:${file}]]`);
  await waitFor(`screenshot ${file}`, () => fs.existsSync(file), 20_000);
  return file;
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
