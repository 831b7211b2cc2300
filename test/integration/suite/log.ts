/**
 * Output of the tests. The extension host makes `console.*` non-writable, and under the code-server harness its
 * output arrives mixed with the workbench's own log lines: every line is prefixed with `[ext] ` so that
 * scripts/run-vscode-tests.mjs can pick the tests' lines out (it prints them without the prefix).
 */
import { format } from 'util';

export function log(...args: unknown[]): void {
  const text = format(...args);
  for (const line of text.split('\n')) console.log(`[ext] ${line}`);
}
