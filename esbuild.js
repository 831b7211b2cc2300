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
    external: ['pdfjs-dist', 'natural'],
  },
  {
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode', 'pdfjs-dist', 'natural'],
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
