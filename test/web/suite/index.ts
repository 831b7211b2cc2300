/// <reference types="mocha" />
/**
 * The web extension's test entry (`extensionTestsPath` of a run in the browser's web worker extension host:
 * `node scripts/run-vscode-tests.mjs --web`). Bundled by esbuild for the browser (dist/web/test/suite/index.js) with
 * mocha's browser build: the web host loads no module but `vscode`. Output goes through console.log with the
 * harness's `[ext] ` prefix.
 */
import { log } from './log';
import { webTests } from './web.test';

// mocha's browser build is a UMD script: loaded with `require`, esbuild gives it a CommonJS wrapper of its own (an
// `import` would let it assign this bundle's `module.exports`). It puts `mocha` and `Mocha` on the global object.
declare const require: (id: string) => unknown;
require('mocha/mocha.js');

export function run(): Promise<void> {
  mocha.setup({ ui: 'bdd', timeout: 120_000, slow: 2_000, color: false });
  // The spec reporter (the browser build's default draws HTML, and a worker has no document).
  mocha.reporter(Mocha.reporters.Spec);
  (Mocha.reporters.Base as unknown as { consoleLog: (...a: unknown[]) => void }).consoleLog = (...a: unknown[]) => log(...a);
  webTests();
  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const runner = mocha.run(() => {
      // The closing line the harness and CI parse.
      log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
      if (failed > 0) reject(new Error(`${failed} test(s) failed`));
      else resolve();
    });
    runner.on('pass', () => passed++);
    runner.on('fail', () => failed++);
    runner.on('pending', () => skipped++);
  });
}
