#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is bundled by esbuild into dist/cli.js (built by `npm ci` through "prepare").
const path = require('path');
const fs = require('fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  console.error('policy-lens: dist/cli.js is missing; run `npm run build` first.');
  process.exit(2);
}
const { main } = require(cli);
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
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(`policy-lens: ${err && err.stack || err}`); process.exitCode = 1; },
);
