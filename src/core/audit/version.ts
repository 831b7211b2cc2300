/**
 * What an audit cache entry depends on besides the document's bytes: the engine's code and the lexicon.
 *
 * The engine fingerprint is a SHA-256 of the package version and of the code that produces the rows: the
 * worker script and, in the tsc layout (out/src/core/audit/worker.js), every .js file of out/src/core; in
 * an esbuild bundle the worker script (dist/audit-worker.js) is the whole engine. Any rebuild that changes
 * the engine therefore invalidates the cache, without anybody having to remember to bump a number.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Lexicon } from '../lexicon';
import { nodeCrypto } from './builtins';

/** Bump when the cache file layout or the meaning of a row changes in a way the code hash cannot see. */
export const AUDIT_CACHE_FORMAT = 1;

function packageVersion(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'policy-lens' && pkg.version) return pkg.version;
    } catch {
      // not here
    }
    dir = path.dirname(dir);
  }
  return 'unknown';
}

function jsFiles(dir: string, out: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) jsFiles(p, out);
    else if (e.isFile() && (e.name.endsWith('.js') || e.name.endsWith('.json'))) out.push(p);
  }
}

const fingerprints = new Map<string, string>();

/**
 * The engine fingerprint for a worker script (or, without one, for the module running this code).
 * Memoised per script for the life of the process.
 */
export function engineFingerprint(workerScript?: string): string {
  const script = workerScript ?? __filename;
  const hit = fingerprints.get(script);
  if (hit) return hit;
  const h = nodeCrypto().createHash('sha256');
  h.update(`policy-lens ${packageVersion()} audit-format ${AUDIT_CACHE_FORMAT}\n`);
  const files: string[] = [];
  const dir = path.dirname(script);
  if (path.basename(dir) === 'audit' && path.basename(path.dirname(dir)) === 'core') {
    // tsc layout: out/src/core/audit/worker.js → hash all of out/src/core
    jsFiles(path.dirname(dir), files);
  } else {
    files.push(script);
  }
  files.sort();
  for (const f of files) {
    h.update(path.relative(dir, f).split(path.sep).join('/') + '\n');
    try {
      h.update(fs.readFileSync(f));
    } catch {
      h.update('<unreadable>');
    }
  }
  const fp = h.digest('hex');
  fingerprints.set(script, fp);
  return fp;
}

/** SHA-256 of the lexicon's entries and sources (the built-in lexicon plus the user's files). */
export function lexiconFingerprint(lexicon: Lexicon): string {
  const h = nodeCrypto().createHash('sha256');
  h.update(JSON.stringify(lexicon.sources.map((s) => [s.name, s.version])));
  // `source` names where an entry came from (a path); it does not change matching, so it is left out.
  h.update(JSON.stringify(lexicon.entries.map(({ source: _source, ...e }) => e)));
  return h.digest('hex');
}
