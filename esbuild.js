// Bundles the CLI and the extension with esbuild. `node esbuild.js [--watch] [--production]`
const esbuild = require('esbuild');
const fs = require('fs');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

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
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    // natural's stemmer is bundled (the extension ships without node_modules; see `npm run package`);
    // pdfjs-dist is only loaded for PDFs, which the extension does not open. jsonc-parser's `main` is a UMD
    // build with dynamic requires that esbuild cannot follow: prefer its ES module build.
    external: ['vscode', 'pdfjs-dist'],
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
].filter((t) => fs.existsSync(t.entryPoints[0]));

async function main() {
  for (const t of targets) {
    const options = {
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      sourcemap: !production,
      minify: production,
      logLevel: 'warning',
      ...t,
    };
    if (watch) {
      const ctx = await esbuild.context(options);
      await ctx.watch();
    } else {
      await esbuild.build(options);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
