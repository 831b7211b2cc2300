/**
 * `npm run bench -- --only audit`: the workspace audit (src/core/audit) of the whole corpus, and of the corpus's
 * txt/ folder copied 20 times over into a temp dir (20 × 20 = 400 documents), each with a cold cache (empty) and a
 * warm one (the same cache again, nothing changed); for the 400, also with one worker, to see what the second core
 * brings. Every run is a fresh child process (this file with --child), so its peak RSS (maxRSS, all threads) and its
 * CPU time (all threads) belong to that run alone; CPU use = CPU time / wall time, about 2 when two cores work.
 * Falls back to samples/ (copied 20×) when the corpus is missing.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { auditFiles } from '../src/core/workspace';
import { collectDocuments } from '../src/cli/files';

type Metric = number | string | boolean | null;
interface Ctx {
  corpus: string;
  fallback: boolean;
  notes: string[];
}

interface ChildResult {
  docs: number;
  ms: number;
  analysed: number;
  cached: number;
  failed: number;
  workers: number;
  workersStarted: number;
  perWorker: number[];
  busyMs: number[];
  cpuMs: number;
  maxRssMB: number;
}

const COPIES = 20;

function runChild(paths: string[], cache: string, workers?: number): ChildResult {
  const args = [__filename, '--child', '--cache', cache, ...(workers !== undefined ? ['--workers', String(workers)] : []), '--', ...paths];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`audit child failed (${r.status}): ${(r.stderr || '').trim().slice(0, 500)}`);
  return JSON.parse(r.stdout) as ChildResult;
}

function copyTree(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, e.name);
    if (e.isDirectory()) copyTree(src, path.join(to, e.name));
    else if (e.isFile()) fs.copyFileSync(src, path.join(to, e.name));
  }
}

export function auditCase(h: { round: (n: number, d?: number) => number }) {
  return {
    name: 'audit',
    description:
      `auditFiles (worker threads + cache): the whole corpus, and its txt/ copied ${COPIES}× (≈400 documents); ` +
      'cold and warm cache, and the 400 with one worker; each run in a fresh child process',
    async run(ctx: Ctx): Promise<Record<string, Metric>> {
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-bench-audit-'));
      const load0 = os.loadavg()[0];
      try {
        const out: Record<string, Metric> = {};
        const report = (prefix: string, r: ChildResult, withDocs: boolean) => {
          if (withDocs) out[`${prefix}Docs`] = r.docs;
          out[`${prefix}Seconds`] = h.round(r.ms / 1000, 2);
          out[`${prefix}PeakRssMB`] = h.round(r.maxRssMB, 1);
          out[`${prefix}CpuUse`] = r.ms > 0 ? h.round(r.cpuMs / r.ms, 2) : null;
          out[`${prefix}Analysed`] = r.analysed;
          out[`${prefix}FromCache`] = r.cached;
          if (r.failed) out[`${prefix}Failed`] = r.failed;
          if (r.workersStarted) {
            out[`${prefix}PerWorker`] = r.perWorker.join('/');
            // share of the wall time each worker spent analysing
            out[`${prefix}WorkerBusy`] = r.busyMs.map((b) => (r.ms > 0 ? h.round(b / r.ms, 2) : 0)).join('/');
          }
        };

        // 1. the whole corpus (pdf/, txt/, orig/)
        const cacheA = path.join(tmp, 'cache-corpus');
        const cold = runChild([ctx.corpus], cacheA);
        const warm = runChild([ctx.corpus], cacheA);
        report('auditCorpusCold', cold, true);
        report('auditCorpusWarm', warm, false);

        // 2. txt/ copied 20× (≈400 documents)
        const srcDir = ctx.fallback ? ctx.corpus : path.join(ctx.corpus, 'txt');
        const copies = path.join(tmp, 'copies');
        for (let i = 1; i <= COPIES; i++) copyTree(srcDir, path.join(copies, `copy-${String(i).padStart(2, '0')}`));
        const cacheB = path.join(tmp, 'cache-400');
        const cold400 = runChild([copies], cacheB);
        const warm400 = runChild([copies], cacheB);
        const one400 = runChild([copies], path.join(tmp, 'cache-400-one'), 1);
        report('audit400Cold', cold400, true);
        report('audit400Warm', warm400, false);
        report('audit400OneWorker', one400, false);
        out.auditWorkers = cold400.workers;
        // other processes on the machine take cores away from the audit: show how busy it was
        out.auditLoadAverage = `${h.round(load0, 2)} → ${h.round(os.loadavg()[0], 2)}`;
        out.auditSpeedupTwoWorkers = cold400.ms > 0 ? h.round(one400.ms / cold400.ms, 2) : null;
        // both cores: every worker analysed documents, and the process used well over one core's time
        out.auditBothCoresUsed = cold400.workers >= 2 && cold400.perWorker.filter((n) => n > 0).length >= 2 && cold400.cpuMs / cold400.ms > 1.5;
        if (!out.auditBothCoresUsed && os.loadavg()[0] > 1) {
          ctx.notes.push(`audit: the machine was busy (load average ${out.auditLoadAverage}); the audit got ${h.round(cold400.cpuMs / cold400.ms, 2)} cores.`);
        }
        if (warm.analysed || warm400.analysed) ctx.notes.push(`audit: the warm runs analysed ${warm.analysed + warm400.analysed} document(s) again (expected 0).`);
        if (cold.failed) ctx.notes.push(`audit: ${cold.failed} corpus document(s) failed.`);
        return out;
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    },
  };
}

export const AUDIT_UNITS: Record<string, string> = Object.fromEntries(
  ['auditCorpusCold', 'auditCorpusWarm', 'audit400Cold', 'audit400Warm', 'audit400OneWorker'].flatMap((p) => [
    [`${p}Seconds`, 's'],
    [`${p}PeakRssMB`, 'MB'],
    [`${p}CpuUse`, 'cores'],
  ]),
);

/** The child: audits the given paths and prints one JSON object. */
async function child(argv: string[]): Promise<void> {
  let cache = '';
  let workers: number | undefined;
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--cache') cache = argv[++i];
    else if (argv[i] === '--workers') workers = Number(argv[++i]);
    else if (argv[i] === '--') {
      paths.push(...argv.slice(i + 1));
      break;
    }
  }
  const { files } = await collectDocuments(paths);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await auditFiles(files, { cacheDir: cache, workers });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const res: ChildResult = {
    docs: files.length,
    ms,
    analysed: r.stats.analysed,
    cached: r.stats.cached,
    failed: r.stats.failed,
    workers: r.stats.workers,
    workersStarted: r.stats.workersStarted,
    perWorker: r.stats.perWorker,
    busyMs: r.stats.busyMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(res) + '\n');
}

if (require.main === module && process.argv.includes('--child')) {
  child(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exitCode = 1;
  });
}
