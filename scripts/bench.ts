/**
 * `npm run bench [-- --json] [-- --only CASE]…` — throughput of the engine on the shared corpus.
 *
 * A list of named cases; each returns its own flat keys, so later benchmarks add a case (and keys) without
 * touching the others. `peakRssMB` (process.resourceUsage().maxRSS) is always reported, for the whole run.
 * Corpus: /work/shared/corpus (or $POLICY_LENS_CORPUS, or --corpus DIR); when absent, samples/ (and it says so).
 * MB here means 2^20 bytes of UTF-8 text.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { analyzeText, extractFile } from '../src/core/node';
import { incrementalCase } from './bench-incremental';
import { auditCase, AUDIT_UNITS } from './bench-audit';
import { pdfViewerCase, PDF_VIEWER_UNITS } from './bench-pdf-viewer';
import { cliCase, CLI_UNITS } from './bench-cli';

const ROOT = path.resolve(__dirname, '..', '..');
const DEFAULT_CORPUS = '/work/shared/corpus';
const MELD_ST_9 = 'txt/meld_st_9_2023-2024_nasjonal_helse_og_samhandlingsplan.txt';
const MB = 1024 * 1024;

type Metric = number | string | boolean | null;

interface Context {
  corpus: string;
  /** True when the shared corpus is missing and samples/ is used instead. */
  fallback: boolean;
  /** Notes for the report (skipped cases, failures). */
  notes: string[];
}

interface Case {
  name: string;
  description: string;
  run(ctx: Context): Promise<Record<string, Metric>>;
}

function walk(dir: string, exts: readonly string[]): string[] {
  const out: string[] = [];
  const visit = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && e.name !== 'node_modules') visit(p);
      } else if (exts.includes(path.extname(e.name).toLowerCase()) && !/^(readme|sources)\./i.test(e.name)) out.push(p);
    }
  };
  if (fs.existsSync(dir)) visit(dir);
  return out.sort();
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const round = (n: number, d = 2): number => Math.round(n * 10 ** d) / 10 ** d;

function textOptions(file: string): Parameters<typeof analyzeText>[1] {
  // Markdown and plain text are analysed alike here; the engine reads the format from the options if it wants it.
  const format = /\.(md|markdown)$/i.test(file) ? 'md' : 'txt';
  return { format } as unknown as Parameters<typeof analyzeText>[1];
}

const CASES: Case[] = [
  cliCase(MELD_ST_9),
  {
    name: 'text',
    description: 'analyzeText on the text of every .txt/.md file in txt/ (read beforehand; one untimed warm-up pass, median of 3 timed passes)',
    async run(ctx): Promise<Record<string, Metric>> {
      const files = walk(path.join(ctx.corpus, ctx.fallback ? '' : 'txt'), ['.txt', '.md', '.markdown']);
      const texts = files.map((f) => ({ f, text: fs.readFileSync(f, 'utf8') }));
      // Start-up excluded: one untimed pass first (lexicon compilation, JIT), then the timed pass.
      for (const { f, text } of texts) {
        try {
          await analyzeText(text, textOptions(f));
        } catch {
          // reported by the timed pass
        }
      }
      // Three timed passes; the median pass is reported (the machine may be shared).
      let bytes = 0;
      let failures = 0;
      const passes: number[] = [];
      for (let pass = 0; pass < 3; pass++) {
        let ms = 0;
        bytes = 0;
        failures = 0;
        for (const { f, text } of texts) {
          const t0 = performance.now();
          try {
            await analyzeText(text, textOptions(f));
          } catch (e) {
            failures++;
            if (pass === 0) ctx.notes.push(`text: ${path.relative(ctx.corpus, f)}: ${(e as Error).message}`);
            continue;
          }
          ms += performance.now() - t0;
          bytes += Buffer.byteLength(text, 'utf8');
        }
        passes.push(ms);
      }
      const ms = median(passes);
      return {
        textFiles: files.length,
        textFailures: failures,
        textMB: round(bytes / MB, 3),
        textSeconds: round(ms / 1000, 3),
        textMBps: ms > 0 ? round(bytes / MB / (ms / 1000), 3) : null,
      };
    },
  },
  {
    name: 'meldSt9',
    description: `analyzeText on ${MELD_ST_9}: median of 5 runs after one warm-up`,
    async run(ctx): Promise<Record<string, Metric>> {
      const file = path.join(ctx.corpus, MELD_ST_9);
      if (!fs.existsSync(file)) {
        ctx.notes.push(`meldSt9: ${MELD_ST_9} is not in ${ctx.corpus}; skipped.`);
        return { analyzeMeldSt9Ms: null };
      }
      const text = fs.readFileSync(file, 'utf8');
      await analyzeText(text, textOptions(file));
      const runs: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        await analyzeText(text, textOptions(file));
        runs.push(performance.now() - t0);
      }
      return {
        analyzeMeldSt9Ms: round(median(runs), 1),
        analyzeMeldSt9MinMs: round(Math.min(...runs), 1),
        meldSt9MB: round(Buffer.byteLength(text, 'utf8') / MB, 3),
      };
    },
  },
  {
    name: 'pdf',
    description: 'extractFile on every PDF (pages per second of wall time)',
    async run(ctx): Promise<Record<string, Metric>> {
      const files = walk(path.join(ctx.corpus, ctx.fallback ? '' : 'pdf'), ['.pdf']);
      let pages = 0;
      let ms = 0;
      let failures = 0;
      for (const f of files) {
        const t0 = performance.now();
        try {
          const doc = await extractFile(f);
          ms += performance.now() - t0;
          pages += doc.pages;
        } catch (e) {
          failures++;
          ctx.notes.push(`pdf: ${path.basename(f)}: ${(e as Error).message}`);
        }
      }
      return {
        pdfFiles: files.length,
        pdfFailures: failures,
        pdfPages: pages,
        pdfSeconds: round(ms / 1000, 3),
        pdfPagesPerSec: ms > 0 && pages > 0 ? round(pages / (ms / 1000), 1) : null,
      };
    },
  },
  {
    name: 'pdftotext',
    description: 'pdftotext -enc UTF-8 FILE - per PDF, spawn included (pages = form feeds in its output)',
    async run(ctx): Promise<Record<string, Metric>> {
      const probe = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
      if (probe.error) {
        ctx.notes.push('pdftotext: not on PATH; skipped.');
        return { pdftotextPagesPerSec: null };
      }
      const files = walk(path.join(ctx.corpus, ctx.fallback ? '' : 'pdf'), ['.pdf']);
      let pages = 0;
      let ms = 0;
      for (const f of files) {
        const t0 = performance.now();
        const r = spawnSync('pdftotext', ['-enc', 'UTF-8', f, '-'], { maxBuffer: 512 * MB });
        ms += performance.now() - t0;
        if (r.status !== 0) {
          ctx.notes.push(`pdftotext: ${path.basename(f)} failed (${String(r.stderr).trim()})`);
          continue;
        }
        let n = 0;
        for (const b of r.stdout as Buffer) if (b === 0x0c) n++;
        pages += n;
      }
      return {
        pdftotextPages: pages,
        pdftotextSeconds: round(ms / 1000, 3),
        pdftotextPagesPerSec: ms > 0 && pages > 0 ? round(pages / (ms / 1000), 1) : null,
      };
    },
  },
  incrementalCase(MELD_ST_9, ROOT, { median, round }),
  auditCase({ round }),
  pdfViewerCase(ROOT),
];

const UNITS: Record<string, string> = {
  textMB: 'MB',
  textSeconds: 's',
  textMBps: 'MB/s',
  analyzeMeldSt9Ms: 'ms',
  analyzeMeldSt9MinMs: 'ms',
  meldSt9MB: 'MB',
  pdfSeconds: 's',
  pdfPagesPerSec: 'pages/s',
  pdftotextSeconds: 's',
  pdftotextPagesPerSec: 'pages/s',
  incrementalMedianMs: 'ms',
  incrementalP99Ms: 'ms',
  incrementalFullMs: 'ms',
  incrementalColdMs: 'ms',
  incrementalWorkerMedianMs: 'ms',
  incrementalWorkerP99Ms: 'ms',
  incrementalHostStallP99Ms: 'ms',
  incrementalHostStallMaxMs: 'ms',
  ...CLI_UNITS,
  ...AUDIT_UNITS,
  ...PDF_VIEWER_UNITS,
  peakRssMB: 'MB',
};

const USAGE = `usage: node out/scripts/bench.js [--json] [--only CASE]... [--corpus DIR]
cases: ${CASES.map((c) => c.name).join(', ')}`;

export async function main(argv: readonly string[]): Promise<number> {
  let json = false;
  const only: string[] = [];
  let corpus = process.env.POLICY_LENS_CORPUS || DEFAULT_CORPUS;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') json = true;
    else if (a === '--only' && argv[i + 1]) only.push(...argv[++i].split(','));
    else if (a === '--corpus' && argv[i + 1]) corpus = path.resolve(argv[++i]);
    else if (a === '-h' || a === '--help') {
      console.log(USAGE);
      return 0;
    } else {
      console.error(`unknown argument ${a}\n${USAGE}`);
      return 2;
    }
  }
  const unknown = only.filter((n) => !CASES.some((c) => c.name === n));
  if (unknown.length) {
    console.error(`unknown case ${unknown.join(', ')}\n${USAGE}`);
    return 2;
  }

  const ctx: Context = { corpus, fallback: false, notes: [] };
  if (!fs.existsSync(corpus)) {
    ctx.corpus = path.join(ROOT, 'samples');
    ctx.fallback = true;
    ctx.notes.unshift(`The corpus ${corpus} is missing: measuring samples/ instead (numbers are not comparable).`);
  }

  const result: Record<string, Metric> = {
    corpus: ctx.corpus,
    corpusFallback: ctx.fallback,
    node: process.version,
  };
  const cases = only.length ? CASES.filter((c) => only.includes(c.name)) : CASES;
  for (const c of cases) {
    if (!json) process.stderr.write(`running ${c.name}: ${c.description} …\n`);
    try {
      Object.assign(result, await c.run(ctx));
    } catch (e) {
      ctx.notes.push(`${c.name}: failed: ${(e as Error).message}`);
    }
  }
  result.peakRssMB = round(process.resourceUsage().maxRSS / 1024, 1);

  if (json) {
    console.log(JSON.stringify({ ...result, notes: ctx.notes }, null, 2));
  } else {
    const lines = [`Policy Lens benchmark — corpus ${ctx.corpus}${ctx.fallback ? ' (FALLBACK: samples/)' : ''}, node ${process.version}`];
    const entries = Object.entries(result).filter(([k]) => !['corpus', 'corpusFallback', 'node'].includes(k));
    const w = Math.max(...entries.map(([k]) => k.length));
    for (const [k, v] of entries) lines.push(`  ${k.padEnd(w)}  ${v === null ? '–' : String(v)}${v !== null && UNITS[k] ? ' ' + UNITS[k] : ''}`);
    if (ctx.notes.length) {
      lines.push('notes:');
      for (const n of ctx.notes) lines.push(`  - ${n}`);
    }
    console.log(lines.join('\n'));
  }
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      console.error(err instanceof Error ? err.stack : err);
      process.exitCode = 1;
    },
  );
}
