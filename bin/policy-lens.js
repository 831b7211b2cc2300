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
require(cli).main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(`policy-lens: ${err && err.stack || err}`); process.exitCode = 1; },
);
