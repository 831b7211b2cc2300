// Bundles the CLI and the extension with esbuild. `node esbuild.js [--watch] [--production]`
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * Resolves pdf.js' legacy build (imported by the engine as pdfjs-dist/legacy/build/…) to the copy next to the
 * bundle, left external: `dir` is relative to the bundle's folder.
 */
function pdfjsFromDist(dir) {
  return {
    name: 'pdfjs-from-dist',
    setup(build) {
      build.onResolve({ filter: /^pdfjs-dist\/legacy\/build\/pdf(\.worker)?\.mjs$/ }, (args) => ({
        path: dir + (args.path.endsWith('worker.mjs') ? 'pdf.worker.min.mjs' : 'pdf.min.mjs'),
        external: true,
      }));
    },
  };
}

/** @type {import('esbuild').BuildOptions[]} */
const targets = [
  {
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    // pdfjs-dist and natural are runtime dependencies of the CLI package, loaded from node_modules.
    // jsonc-parser's `main` is a UMD build with dynamic requires: use its ES module build.
    external: ['pdfjs-dist', 'natural'],
    mainFields: ['module', 'main'],
  },
  {
    // The workspace audit's worker thread (src/core/audit/worker.ts), found by the pool next to the bundle
    // that starts it (dist/cli.js, dist/extension.js). natural's stemmer is bundled as in the extension (which
    // ships without node_modules); pdfjs-dist stays external as in the CLI.
    entryPoints: ['src/core/audit/worker.ts'],
    outfile: 'dist/audit-worker.js',
    // pdf.js from the copy next to the bundle (dist/pdf-viewer/pdfjs): the packaged extension has no node_modules.
    plugins: [pdfjsFromDist('./pdf-viewer/pdfjs/')],
    mainFields: ['module', 'main'],
  },
  {
    entryPoints: ['src/extension/desktop.ts'],
    outfile: 'dist/extension.js',
    // natural's stemmer is bundled (the extension ships without node_modules; see `npm run package`);
    // pdfjs-dist is only loaded for PDFs, which the extension does not open. jsonc-parser's `main` is a UMD
    // build with dynamic requires that esbuild cannot follow: prefer its ES module build.
    external: ['vscode', 'pdfjs-dist'],
    mainFields: ['module', 'main'],
  },
  {
    // The analysis worker thread of the text editors (src/extension/worker/analysisWorker.ts; started by
    // src/extension/worker/client.ts from dist/analysisWorker.js). natural is bundled, as in the extension.
    entryPoints: ['src/extension/worker/analysisWorker.ts'],
    outfile: 'dist/analysisWorker.js',
    // pdf.js from the copy next to the bundle (dist/pdf-viewer/pdfjs): the packaged extension has no node_modules.
    plugins: [pdfjsFromDist('./pdf-viewer/pdfjs/')],
    mainFields: ['module', 'main'],
  },
  {
    // The drafting worker thread (src/extension/draft/worker.ts; started through the platform's factory,
    // src/extension/desktop.ts): the light bulb's rewrites and the comparison of text versions.
    entryPoints: ['src/extension/draft/worker.ts'],
    outfile: 'dist/draftWorker.js',
    mainFields: ['module', 'main'],
  },
  {
    // The workspace features' document loader (src/extension/audit/loadWorker.ts): extraction (pdf.js for PDFs) and
    // analysis for the concordance, the thread and the REFI-QDA export, away from the extension host's thread.
    entryPoints: ['src/extension/audit/loadWorker.ts'],
    outfile: 'dist/load-worker.js',
    // pdf.js from the copy next to the bundle (dist/pdf-viewer/pdfjs): the packaged extension has no node_modules.
    plugins: [pdfjsFromDist('./pdf-viewer/pdfjs/')],
    mainFields: ['module', 'main'],
  },
  {
    // Integration tests, run inside a VS Code extension host (scripts/run-vscode-tests.mjs or
    // scripts/run-electron-tests.js); mocha is resolved from node_modules at run time.
    entryPoints: ['test/integration/suite/index.ts'],
    outfile: 'dist/test/suite/index.js',
    external: ['vscode', 'mocha', 'pdfjs-dist'],
    mainFields: ['module', 'main'],
  },
  {
    // The document viewers' analysis worker thread (src/extension/workers/documentWorker.ts): extraction (pdf.js for
    // PDFs) and analysis for the PDF and DOCX viewers, away from the extension host's thread. The extension ships
    // without node_modules: pdf.js is the copy in dist/pdf-viewer/pdfjs (copyPdfjs below), the files the webview loads.
    entryPoints: ['src/extension/workers/documentWorker.ts'],
    outfile: 'dist/document-worker.js',
    plugins: [pdfjsFromDist('./pdf-viewer/pdfjs/')],
    mainFields: ['module', 'main'],
  },
  {
    // The PDF viewer's webview script (browser, ES module). pdf.js itself is not bundled: the package's own
    // build files are copied next to it (copyPdfjs below) and imported at run time.
    entryPoints: ['src/extension/pdf/webview/main.ts'],
    outfile: 'dist/pdf-viewer/viewer.js',
    platform: 'browser',
    format: 'esm',
    target: 'chrome114',
    external: ['pdfjs-dist'],
  },
  {
    // The DOCX viewer's webview script (browser, a classic script: it imports nothing at run time).
    entryPoints: ['src/extension/docx/webview/main.ts'],
    outfile: 'dist/docx-viewer/viewer.js',
    platform: 'browser',
    format: 'iife',
    target: 'chrome114',
  },
  // ── the web extension (package.json `browser`): no Node built-ins. `platform: 'browser'` makes esbuild refuse to
  // bundle any (a free check); JSON the engine imports (lexicons, models) is bundled in.
  {
    entryPoints: ['src/extension/web.ts'],
    outfile: 'dist/web/extension.js',
    ...web('cjs'),
    external: ['vscode'],
  },
  {
    // The text editors' analysis worker (a Web Worker, started from a blob: a classic script).
    entryPoints: ['src/extension/web/analysisWorker.ts'],
    outfile: 'dist/web/analysis-worker.js',
    ...web('iife'),
  },
  {
    // The DOCX viewer's jobs and the text files coding loads (no pdf.js).
    entryPoints: ['src/extension/web/textWorker.ts'],
    outfile: 'dist/web/text-worker.js',
    ...web('iife'),
  },
  {
    // The PDF viewer's jobs, with pdf.js (and its worker module, run in-thread) bundled in.
    entryPoints: ['src/extension/web/documentWorker.ts'],
    outfile: 'dist/web/document-worker.js',
    ...web('iife'),
  },
  {
    // The drafting worker in the browser (the light bulb's rewrites, comparisons of text versions).
    entryPoints: ['src/extension/web/draftWorker.ts'],
    outfile: 'dist/web/draft-worker.js',
    ...web('iife'),
  },
  {
    // The web extension's tests (scripts/run-vscode-tests.mjs --web): mocha's browser build is bundled in.
    entryPoints: ['test/web/suite/index.ts'],
    outfile: 'dist/web/test/suite/index.js',
    ...web('cjs'),
    external: ['vscode'],
    plugins: [ownModuleScope(/node_modules[\\/]mocha[\\/]mocha\.js$/)],
  },
].filter((t) => fs.existsSync(t.entryPoints[0]));

/**
 * Bundles a UMD script (mocha's browser build) with a `module`, `exports` and `define` of its own. esbuild inlines it
 * as an ES module, and its `module.exports = factory()` would then replace this bundle's exports (the test entry's
 * `run`); its `factory()` still puts `mocha` and `Mocha` on the global object.
 */
function ownModuleScope(filter) {
  return {
    name: 'own-module-scope',
    setup(build) {
      build.onLoad({ filter }, (args) => ({
        contents: `(function (module, exports, define) {\n${fs.readFileSync(args.path, 'utf8')}\n})({ exports: {} }, {}, undefined);\n`,
        loader: 'js',
      }));
    },
  };
}

/** Options of a web extension bundle. */
function web(format) {
  return {
    platform: 'browser',
    format,
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    // pdf.js reads import.meta.url only on Node's code paths.
    logOverride: { 'empty-import-meta': 'silent' },
  };
}

/**
 * The pdf.js files the PDF viewer's webview loads, copied from the pdfjs-dist package (not committed): the legacy
 * build (it runs in the Chromium of every VS Code the extension supports), its worker, the standard fonts and the
 * CMaps (the same ones the host's extractor uses, so that both sides see the same text items).
 */
function copyPdfjs() {
  const src = path.dirname(require.resolve('pdfjs-dist/package.json'));
  const dest = path.join(__dirname, 'dist', 'pdf-viewer', 'pdfjs');
  fs.mkdirSync(dest, { recursive: true });
  for (const f of ['pdf.min.mjs', 'pdf.worker.min.mjs']) fs.copyFileSync(path.join(src, 'legacy', 'build', f), path.join(dest, f));
  fs.copyFileSync(path.join(src, 'LICENSE'), path.join(dest, 'LICENSE'));
  for (const dir of ['standard_fonts', 'cmaps']) fs.cpSync(path.join(src, dir), path.join(dest, dir), { recursive: true });
}

/**
 * The trained models (the word-class tagger's, 3 MB, and the classifier's) are data the Node bundles share: each
 * bundle requires them from dist/models/ on first use instead of carrying its own copy (seven bundles would carry
 * 21 MB). The browser bundles keep them inside (a web worker has no file system to read them from).
 *
 * The tagger's model is written in its binary form (src/core/tag/binary.ts): a head, dist/models/tag.json, and the
 * weights' bytes, dist/models/tag.bin. Reading them is one read of raw bytes instead of decoding and parsing 3 MB of
 * JSON text and then its base64 (≈ 15 ms of every CLI run that tags a sentence).
 */
const MODELS = { 'src/core/tag': 'tag.json', 'src/core/classify': 'classify.json' };
const TAG_DIR = 'src/core/tag';

/** Requires a TypeScript module of the engine (bundled in memory by esbuild: the build runs before tsc). */
function requireTs(file) {
  const out = esbuild.buildSync({ entryPoints: [file], bundle: true, write: false, format: 'cjs', platform: 'node', target: 'es2022', logLevel: 'silent' });
  const m = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(m, m.exports, require);
  return m.exports;
}

function copyModels() {
  const dest = path.join(__dirname, 'dist', 'models');
  fs.mkdirSync(dest, { recursive: true });
  for (const [dir, name] of Object.entries(MODELS)) {
    const model = path.join(__dirname, dir, 'model.json');
    if (dir !== TAG_DIR) {
      fs.copyFileSync(model, path.join(dest, name));
      continue;
    }
    const { packBinary } = requireTs(path.join(__dirname, TAG_DIR, 'binary.ts'));
    const { head, bytes } = packBinary(JSON.parse(fs.readFileSync(model, 'utf8')));
    fs.writeFileSync(path.join(dest, name), JSON.stringify(head));
    fs.writeFileSync(path.join(dest, name.replace(/\.json$/, '.bin')), bytes);
  }
}

function modelsFromDist(outfile) {
  return {
    name: 'models-from-dist',
    setup(build) {
      build.onResolve({ filter: /^\.\/model\.json$/ }, (args) => {
        const dir = path.relative(__dirname, args.resolveDir).split(path.sep).join('/');
        const name = MODELS[dir];
        if (!name) return undefined;
        let rel = path.relative(path.dirname(outfile), path.join('dist', 'models', name)).split(path.sep).join('/');
        if (!rel.startsWith('.')) rel = './' + rel;
        if (dir === TAG_DIR) return { path: rel, namespace: 'tag-model-binary', pluginData: { resolveDir: args.resolveDir } };
        return { path: rel, external: true };
      });
      // the tagger's model: a module of the bundle that reads the head and the bytes next to it (run on first use,
      // as the JSON it stands for would be)
      build.onLoad({ filter: /.*/, namespace: 'tag-model-binary' }, (args) => ({
        contents: [
          "import * as fs from 'fs';",
          "import * as path from 'path';",
          "import { unpackBinary } from './binary';",
          `const head = path.join(__dirname, ${JSON.stringify(args.path)});`,
          "export default unpackBinary(JSON.parse(fs.readFileSync(head, 'utf8')), fs.readFileSync(head.replace(/\\.json$/, '.bin')));",
        ].join('\n'),
        resolveDir: args.pluginData.resolveDir,
        loader: 'ts',
      }));
    },
  };
}

async function main() {
  copyPdfjs();
  copyModels();
  for (const t of targets) {
    const node = (t.platform ?? 'node') === 'node';
    const options = {
      bundle: true,
      platform: 'node',
      format: 'cjs',
      // ES2022 (what Node 20 runs): with target node20, esbuild turns regular expressions with \p{Lu}/\p{Ll} into a
      // `new RegExp()` evaluated on every use (an allocation, and a deoptimisation of the functions that use them).
      target: 'es2022',
      sourcemap: !production,
      minify: production,
      logLevel: 'warning',
      ...t,
      plugins: [...(node ? [modelsFromDist(t.outfile)] : []), ...(t.plugins ?? [])],
    };
    if (watch) {
      const ctx = await esbuild.context(options);
      await ctx.watch();
    } else {
      await esbuild.build(options);
    }
  }
}

/**
 * V8's code cache of the CLI bundle (dist/cli.js.v8cache, read by bin/policy-lens.js): written by the launcher
 * itself after a run on one sentence, so that it holds the functions a run compiles, stamped by this Node's V8.
 * A failure here costs only the cache (the CLI compiles its bundle as without one).
 */
function writeCliCodeCache() {
  const cache = path.join(__dirname, 'dist', 'cli.js.v8cache');
  fs.rmSync(cache, { force: true });
  const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'policy-lens-cache-'));
  try {
    const one = path.join(dir, 'one.txt');
    fs.writeFileSync(one, 'Bydelene skal rapportere innen 1. mars.\n');
    const r = require('child_process').spawnSync(process.execPath, [path.join(__dirname, 'bin', 'policy-lens.js'), 'analyze', one, '--format', 'json'], {
      env: { ...process.env, POLICY_LENS_WRITE_CODE_CACHE: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
    if (r.status !== 0) console.warn(`esbuild.js: no code cache for the CLI (${(r.stderr || '').trim().slice(0, 200)})`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main()
  .then(() => {
    if (!watch) writeCliCodeCache();
  })
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
