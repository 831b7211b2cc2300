/**
 * The project's dependency rules, checked on the sources:
 *   - the engine (src/core) imports no `vscode`, and only its file-reading entry points use Node built-ins: what
 *     src/core/index.ts reaches bundles for the browser (esbuild refuses Node built-ins there), JSON data included;
 *   - the adapters depend on the engine, never on each other (the extension does not import src/cli, nor the CLI
 *     src/extension);
 *   - the web extension's entry bundles for the browser;
 *   - a viewer's webview code imports only webview code and the message protocols.
 */
import * as assert from 'assert';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const NODE_BUILTINS = new Set(['fs', 'path', 'os', 'crypto', 'worker_threads', 'child_process', 'perf_hooks', 'url', 'util', 'module', 'zlib', 'stream', 'events', 'http', 'https', 'net']);

function files(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(rel));
    else if (e.name.endsWith('.ts')) out.push(rel);
  }
  return out;
}

/** The module specifiers a file imports (static imports, re-exports, dynamic imports, require). */
function imports(file: string): string[] {
  const src = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const out: string[] = [];
  for (const m of src.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"`;]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)) {
    out.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  }
  return out;
}

const resolved = (file: string, spec: string) => (spec.startsWith('.') ? path.normalize(path.join(path.dirname(file), spec)) : spec);
const builtin = (spec: string) => NODE_BUILTINS.has(spec.replace(/^node:/, '').split('/')[0]);

describe('architecture: who may import what', () => {
  it('the engine imports no vscode; only its file-reading entry points and the audit use Node built-ins', () => {
    const allowed = /^src[\\/]core[\\/](?:node\.ts|extract[\\/]file\.ts|lexicon[\\/]file\.ts|coding[\\/]files\.ts|audit[\\/](?:audit|builtins|cache|document|pool|version|worker)\.ts)$/;
    const offenders: string[] = [];
    for (const f of files('src/core')) {
      for (const spec of imports(f)) {
        if (spec === 'vscode') offenders.push(`${f}: vscode`);
        if (builtin(spec) && !allowed.test(f)) offenders.push(`${f}: ${spec}`);
      }
    }
    assert.deepStrictEqual(offenders, []);
  });

  it('the engine’s public API (src/core/index.ts) bundles for the browser, its JSON data included', async () => {
    const r = await esbuild.build({
      entryPoints: [path.join(ROOT, 'src/core/index.ts')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
      mainFields: ['browser', 'module', 'main'],
    });
    const inputs = Object.keys(r.metafile.inputs);
    assert.ok(inputs.some((i) => i.endsWith('src/core/lexicon/nb.json')), 'the Bokmål lexicon is bundled');
    assert.ok(!inputs.some((i) => /src\/core\/(?:node|extract\/file|lexicon\/file|coding\/files)\.ts$/.test(i)), 'no file-reading entry point');
  });

  it('the adapters never import each other: the extension not src/cli, the CLI not src/extension', () => {
    const bad: string[] = [];
    for (const f of files('src/extension')) for (const s of imports(f)) if (resolved(f, s).split(path.sep).join('/').startsWith('src/cli')) bad.push(`${f}: ${s}`);
    for (const f of files('src/cli')) for (const s of imports(f)) if (resolved(f, s).split(path.sep).join('/').startsWith('src/extension')) bad.push(`${f}: ${s}`);
    assert.deepStrictEqual(bad, []);
  });

  it('the web extension (package.json `browser`) and its workers bundle for the browser, without Node built-ins', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { browser: string; main: string };
    assert.strictEqual(pkg.browser, './dist/web/extension.js');
    for (const entry of ['src/extension/web.ts', 'src/extension/web/analysisWorker.ts', 'src/extension/web/textWorker.ts', 'src/extension/web/documentWorker.ts']) {
      const r = await esbuild.build({
        entryPoints: [path.join(ROOT, entry)],
        bundle: true,
        platform: 'browser',
        format: 'cjs',
        external: ['vscode'],
        write: false,
        metafile: true,
        logLevel: 'silent',
        logOverride: { 'empty-import-meta': 'silent' },
        mainFields: ['browser', 'module', 'main'],
      });
      const inputs = Object.keys(r.metafile.inputs);
      assert.ok(!inputs.some((i) => /src\/extension\/(?:desktop|audit\/|workers\/node)/.test(i)), `${entry}: no desktop-only module: ${inputs.filter((i) => /desktop|audit\/|workers\/node/.test(i))}`);
    }
  });

  it('webview code imports only webview code, the message protocols and the engine’s types', () => {
    const bad: string[] = [];
    for (const f of files('src/extension').filter((x) => /[\\/]webview[\\/]/.test(x))) {
      for (const s of imports(f)) {
        if (!s.startsWith('.')) {
          if (s !== 'pdfjs-dist') bad.push(`${f}: ${s}`);
          continue;
        }
        const r = resolved(f, s).split(path.sep).join('/');
        if (!/\/webview\//.test(r) && !/\/protocol$/.test(r) && r !== 'src/core/types') bad.push(`${f}: ${s}`);
      }
    }
    assert.deepStrictEqual(bad, []);
  });
});
