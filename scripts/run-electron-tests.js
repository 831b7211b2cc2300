#!/usr/bin/env node
// Runs the same integration suite (dist/test/suite/index.js) in desktop VS Code with @vscode/test-electron.
// Needs internet: test-electron downloads VS Code (update.code.visualstudio.com). On the project's offline
// machines and in CI use `npm run test:integration` (scripts/run-vscode-tests.mjs, code-server) instead.
//
//   npm run -s build && node scripts/run-electron-tests.js
//   VSCODE_VERSION=1.100.0 node scripts/run-electron-tests.js      (default: stable)
//   MOCHA_GREP=hover node scripts/run-electron-tests.js
// Screenshot tests skip themselves here (they need the code-server harness).
const fs = require('fs');
const os = require('os');
const path = require('path');
const { runTests } = require('@vscode/test-electron');

async function main() {
  const root = path.resolve(__dirname, '..');
  const suite = path.join(root, 'dist', 'test', 'suite', 'index.js');
  if (!fs.existsSync(suite)) {
    console.error(`not built: ${path.relative(root, suite)}. Run: npm run build`);
    return 2;
  }
  // A copy of the fixtures as the workspace, as the code-server harness does.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-electron-'));
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(root, 'test', 'fixtures'), workspace, { recursive: true });
  try {
    await runTests({
      version: process.env.VSCODE_VERSION || 'stable',
      extensionDevelopmentPath: root,
      extensionTestsPath: suite,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
      extensionTestsEnv: {
        POLICY_LENS_FIXTURES: path.join(root, 'test', 'fixtures'),
        ...(process.env.MOCHA_GREP ? { MOCHA_GREP: process.env.MOCHA_GREP } : {}),
      },
    });
    return 0;
  } catch (err) {
    console.error(`integration tests failed: ${err instanceof Error ? err.message : err}`);
    return 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
