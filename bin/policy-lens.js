#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is bundled by esbuild into dist/cli.js (built by `npm ci` through "prepare").
const path = require('path');
const fs = require('fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
/** The bundle's compiled script, when loaded through loadBundle's vm path (for writeCodeCache). */
let script;
if (!fs.existsSync(cli)) {
  console.error('policy-lens: dist/cli.js is missing; run `npm run build` first.');
  process.exit(2);
}
const { main } = loadBundle(cli);
// A CLI run is one short process: V8's optimising compiler spends more time compiling the analysis' hot functions
// with everything they call inlined than the inlining saves (Meld. St. 9: about a second of compilation on the
// second core, and the first sentences run unoptimised meanwhile). A smaller inlining budget: ≈ 10 % less time
// beyond start-up, the same output (a tuning of the compiler, not of the analysis). Set after the bundle is
// loaded: set before it, the flag slowed the start-up by ≈ 10 ms (measured).
try {
  require('v8').setFlagsFromString('--max-inlined-bytecode-size-cumulative=300');
} catch {
  // an engine that does not take the flag analyses as before
}
// a bundle loaded from the code cache imports pdf.js through this module's own import()
main(process.argv.slice(2), script ? { importModule: (specifier) => import(specifier) } : {}).then(
  (code) => {
    process.exitCode = code;
    if (process.env.POLICY_LENS_WRITE_CODE_CACHE) writeCodeCache();
  },
  (err) => { console.error(`policy-lens: ${err && err.stack || err}`); process.exitCode = 1; },
);

/**
 * Loads the bundle as `require` would, with V8's code cache when there is one (dist/cli.js.v8cache, written by
 * esbuild.js after each build from a run on one sentence): the bundle's functions are then deserialised instead of
 * parsed and compiled, ≈ 20 ms of the CLI's start-up (measured: 155 → 136 ms on a one-line file). A cache another
 * Node version wrote is rejected by V8 (checked by source hash, version and flags) and the bundle compiles as
 * without one. Node 20 runs no `import()` of a script compiled from cached data: main() is given this file's
 * (`importModule`), which resolves pdf.js from the same node_modules as dist/ would.
 */
function loadBundle(file) {
  const vm = require('vm');
  const Module = require('module');
  let cachedData;
  try {
    // (POLICY_LENS_CODE_CACHE=0: without it, as the tests compare)
    if (process.env.POLICY_LENS_CODE_CACHE !== '0') cachedData = fs.readFileSync(file + '.v8cache');
  } catch {
    // no cache: compiled as usual
  }
  if ((!cachedData && !process.env.POLICY_LENS_WRITE_CODE_CACHE)) return require(file);
  const dir = path.dirname(file);
  script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
  const m = new Module(file, module);
  m.filename = file;
  m.paths = Module._nodeModulePaths(dir);
  Module._cache[file] = m;
  script.runInThisContext().call(m.exports, m.exports, Module.createRequire(file), m, file, dir);
  m.loaded = true;
  return m.exports;
}

function writeCodeCache() {
  if (!script) return;
  // V8 stamps the cache with a hash of its flags: the inlining budget back at its default (920) first, as it is
  // when the next run loads the bundle
  require('v8').setFlagsFromString('--max-inlined-bytecode-size-cumulative=920');
  fs.writeFileSync(cli + '.v8cache', script.createCachedData());
}
