/**
 * Integration-test entry point (`extensionTestsPath`): VS Code loads this bundle (dist/test/suite/index.js) into
 * the extension host that runs Policy Lens and calls `run()`. The same bundle works with the offline code-server
 * harness (scripts/run-vscode-tests.mjs) and with @vscode/test-electron (scripts/run-electron-tests.js).
 *
 * The test files are bundled in; they are required after mocha's `pre-require` so that `describe`/`it` exist.
 * Environment: MOCHA_GREP (only matching tests), VSX_SCREENSHOT_DIR (where screenshots go; unset: skipped).
 */
import Mocha from 'mocha';
import { log } from './log';

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 60_000,
    slow: 2_000,
    reporter: 'spec',
  });
  if (process.env.MOCHA_GREP) mocha.grep(process.env.MOCHA_GREP);
  // Reporter output goes through log(): console.log itself cannot be replaced in the extension host.
  (Mocha.reporters.Base as unknown as { consoleLog: (...a: unknown[]) => void }).consoleLog = (...a: unknown[]) => log(...a);

  mocha.suite.emit('pre-require', globalThis, 'bundle', mocha);
  require('./activation.test');
  require('./highlights.test');
  require('./panels.test');
  require('./framing.test');
  require('./lexicon.test');
  require('./settings.test');
  require('./pdf.test');
  require('./docx.test');
  require('./manifest.test');
  require('./audit.test');
  require('./coding.test');
  require('./drafting.test');
  require('./screenshot.test');

  let passed = 0;
  let failed = 0;
  let skipped = 0;
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', () => passed++);
    runner.on('fail', () => failed++);
    runner.on('pending', () => skipped++);
  });
  // The closing line CI parses (mocha's own "N passing" is not parsed).
  log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  if (failed > 0) throw new Error(`${failed} test(s) failed`);
}
