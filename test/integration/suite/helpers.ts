/** Shared helpers of the integration tests (they run inside the extension host). */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
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

import { freshReport, hoverUntilShown, sleep, waitFor } from '../../shared/wait';

export { freshReport, hoverUntilShown, sleep, waitFor };

/** What the command line says about a file (`policy-lens analyze FILE --format json`): its record. */
export function cliAnalysis<F = { start: number; end: number; page: number; category: string; text: string }>(file: string): { findings: F[]; score: { value: number } } {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  const r = spawnSync(process.execPath, [path.join(ext.extensionPath, 'bin', 'policy-lens.js'), 'analyze', file, '--format', 'json'], {
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    maxBuffer: 256 * 1024 * 1024,
  });
  assert.strictEqual(r.status, 0, `CLI failed: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { findings: F[]; score: { value: number } }[])[0];
}

/**
 * A viewer is a custom editor for its files with priority `option` (VS Code's default for them stays), and its
 * «Open with Policy Lens» command opens the file in it.
 */
export async function assertCustomEditor(viewType: string, filenamePattern: string, command: string, uri: vscode.Uri): Promise<void> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  const editors = (ext.packageJSON as { contributes: { customEditors: { viewType: string; priority: string; selector: { filenamePattern: string }[] }[] } }).contributes
    .customEditors;
  const mine = editors.find((e) => e.viewType === viewType);
  assert.ok(mine, `contributes.customEditors has ${viewType}`);
  assert.strictEqual(mine.priority, 'option');
  assert.deepStrictEqual(mine.selector, [{ filenamePattern }]);
  await closeAllEditors();
  assert.strictEqual(await vscode.commands.executeCommand(command, uri), true);
  const tab = await waitFor('the viewer tab', () => {
    const t = vscode.window.tabGroups.activeTabGroup.activeTab;
    return t?.input instanceof vscode.TabInputCustom && t.input.viewType === viewType ? t : undefined;
  });
  assert.strictEqual((tab.input as vscode.TabInputCustom).uri.toString(), uri.toString());
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
