/** Test output in the web extension host: one console line each, prefixed for the harness (it prints `[ext] ` lines). */
export function log(...args: unknown[]): void {
  const text = args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
  // mocha's format strings (%d, %s) filled as Node's util.format would.
  let i = 1;
  const filled = typeof args[0] === 'string' ? String(args[0]).replace(/%[sdij]/g, () => String(args[i++] ?? '')) + args.slice(i).map((a) => ` ${typeof a === 'string' ? a : JSON.stringify(a)}`).join('') : text;
  for (const line of filled.split('\n')) console.log(`[ext] ${line}`);
}
