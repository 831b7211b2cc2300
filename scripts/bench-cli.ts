/**
 * `npm run bench -- --only cli`: the whole CLI process as a user runs it (`node bin/policy-lens.js analyze FILE…
 * --format json`, output to /dev/null), side by side with the physical floor measured in the same run: a plain
 * word-list scan over the same files in a Node process of its own (scripts/floor-scan.ts). For Meld. St. 9, for the
 * whole corpus (txt/), for a one-line file (the CLI's own start-up) and for one long line without a sentence end
 * (100 KB and 1 MB). Runs are interleaved and repeated (median and fastest reported), so that a busy machine
 * slows both sides alike; the ratios compare runs of the same round. The load average is reported with the figures.
 *
 * `--stages` (a child of this file): one cold pass of the engine's stages over a file, timed per stage, to show
 * where the time beyond start-up goes (segment, tokenize, match, classify, the rest).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';

type Metric = number | string | boolean | null;
interface Ctx {
  corpus: string;
  fallback: boolean;
  notes: string[];
}

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'policy-lens.js');
const FLOOR = path.join(__dirname, 'floor-scan.js');
const PROBE = 'Bydelene skal ikke kan må innovasjon og samskaping, ';

/** Wall time (ms) of one process, output discarded. */
function timeProcess(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} failed (${r.status}): ${(r.stderr || '').slice(0, 300)}`);
  return ms;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const round = (n: number, d = 1): number => Math.round(n * 10 ** d) / 10 ** d;

export const CLI_UNITS: Record<string, string> = {
  cliLoadAvgStart: '(1 min)',
  cliLoadAvgEnd: '(1 min)',
  cliNodeStartupMs: 'ms',
  cliStartupMs: 'ms',
  cliMeldSt9Ms: 'ms',
  cliMeldSt9FastestMs: 'ms',
  cliMeldSt9BeyondStartupMs: 'ms',
  floorMeldSt9Ms: 'ms',
  floorMeldSt9BeyondStartupMs: 'ms',
  cliMeldSt9VsFloor: '×',
  cliMeldSt9BeyondStartupVsFloor: '×',
  cliCorpusMs: 'ms',
  cliCorpusBeyondStartupMs: 'ms',
  floorCorpusMs: 'ms',
  cliCorpusVsFloor: '×',
  cliCorpusBeyondStartupVsFloor: '×',
  cliLine100KBBeyondStartupMs: 'ms',
  cliLine1MBBeyondStartupMs: 'ms',
  stagesMeldSt9: 'ms',
};

export function cliCase(meldSt9: string) {
  return {
    name: 'cli',
    description:
      'the whole CLI process (node bin/policy-lens.js analyze … --format json) vs a plain word-list scan in its own ' +
      'process (the floor), interleaved, 7 rounds: Meld. St. 9, the corpus txt/, a one-line file, a 100 KB and a 1 MB line',
    async run(ctx: Ctx): Promise<Record<string, Metric>> {
      if (!fs.existsSync(FLOOR)) throw new Error(`${FLOOR} is missing: run \`npm run compile\``);
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-bench-cli-'));
      try {
        const one = path.join(tmp, 'one-line.txt');
        fs.writeFileSync(one, 'Bydelene skal rapportere.\n');
        const line100 = path.join(tmp, 'line-100kb.txt');
        fs.writeFileSync(line100, PROBE.repeat(Math.round(100_000 / PROBE.length)));
        const line1m = path.join(tmp, 'line-1mb.txt');
        fs.writeFileSync(line1m, PROBE.repeat(Math.round(1_000_000 / PROBE.length)));
        const meld = path.join(ctx.corpus, meldSt9);
        const hasMeld = fs.existsSync(meld);
        if (!hasMeld) ctx.notes.push(`cli: ${meldSt9} is not in ${ctx.corpus}; Meld. St. 9 skipped.`);
        const txtDir = path.join(ctx.corpus, ctx.fallback ? '' : 'txt');
        const corpusFiles = fs
          .readdirSync(txtDir)
          .filter((f) => /\.(txt|md)$/i.test(f) && !/^(readme|sources|manifest)\./i.test(f))
          .map((f) => path.join(txtDir, f))
          .sort();

        const cli = (files: string[]) => [BIN, 'analyze', ...files, '--format', 'json'];
        const floor = (files: string[]) => [FLOOR, ...files];
        const runs: Record<string, string[]> = {
          node: ['-e', '0'],
          startup: cli([one]),
          floorStartup: floor([one]),
          corpus: cli(corpusFiles),
          floorCorpus: floor(corpusFiles),
          line100: cli([line100]),
          line1m: cli([line1m]),
          ...(hasMeld ? { meld: cli([meld]), floorMeld: floor([meld]) } : {}),
        };
        const loadStart = os.loadavg()[0];
        const times: Record<string, number[]> = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
        const ROUNDS = 7;
        timeProcess(runs.startup); // the file system cache, once
        for (let r = 0; r < ROUNDS; r++) for (const [k, args] of Object.entries(runs)) times[k].push(timeProcess(args));
        const loadEnd = os.loadavg()[0];
        const med = (k: string) => median(times[k]);
        const out: Record<string, Metric> = {
          cliLoadAvgStart: round(loadStart, 2),
          cliLoadAvgEnd: round(loadEnd, 2),
          cliNodeStartupMs: round(med('node')),
          cliStartupMs: round(med('startup')),
        };
        if (hasMeld) {
          out.cliMeldSt9Ms = round(med('meld'));
          out.cliMeldSt9FastestMs = round(Math.min(...times.meld));
          out.cliMeldSt9BeyondStartupMs = round(med('meld') - med('startup'));
          out.floorMeldSt9Ms = round(med('floorMeld'));
          out.floorMeldSt9BeyondStartupMs = round(med('floorMeld') - med('floorStartup'));
          out.cliMeldSt9VsFloor = round(med('meld') / med('floorMeld'), 2);
          out.cliMeldSt9BeyondStartupVsFloor = round((med('meld') - med('startup')) / Math.max(1, med('floorMeld') - med('floorStartup')), 1);
        }
        out.cliCorpusMs = round(med('corpus'));
        out.cliCorpusBeyondStartupMs = round(med('corpus') - med('startup'));
        out.floorCorpusMs = round(med('floorCorpus'));
        out.cliCorpusVsFloor = round(med('corpus') / med('floorCorpus'), 2);
        out.cliCorpusBeyondStartupVsFloor = round((med('corpus') - med('startup')) / Math.max(1, med('floorCorpus') - med('floorStartup')), 1);
        out.cliLine100KBBeyondStartupMs = round(med('line100') - med('startup'));
        out.cliLine1MBBeyondStartupMs = round(med('line1m') - med('startup'));
        if (hasMeld) {
          const r = spawnSync(process.execPath, [__filename, '--stages', meld], { encoding: 'utf8' });
          out.stagesMeldSt9 = r.status === 0 ? r.stdout.trim() : `failed: ${(r.stderr || '').slice(0, 200)}`;
        }
        ctx.notes.push(
          `cli: ${corpusFiles.length} corpus files; medians of ${ROUNDS} interleaved rounds; «beyond start-up» = the run minus ` +
            `the same program on a one-line file; the floor is out/scripts/floor-scan.js.`,
        );
        return out;
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    },
  };
}

/** `--stages FILE`: one cold pass of the engine's stages, timed per stage (printed on one line). */
function stages(file: string): string {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const core = path.join(__dirname, '..', 'src', 'core');
  const t0 = performance.now();
  const { segmentBlocks, sentencesOf } = require(path.join(core, 'segment', 'segment')) as typeof import('../src/core/segment/segment');
  const { tokenize } = require(path.join(core, 'tokenize', 'tokenize')) as typeof import('../src/core/tokenize/tokenize');
  const { compileLexicon, matchTokens } = require(path.join(core, 'match', 'matcher')) as typeof import('../src/core/match/matcher');
  const { classifyTokens } = require(path.join(core, 'classify', 'sentence')) as typeof import('../src/core/classify/sentence');
  const { inferStance } = require(path.join(core, 'classify', 'actors')) as typeof import('../src/core/classify/actors');
  const { builtinLexicon } = require(path.join(core, 'lexicon')) as typeof import('../src/core/lexicon');
  const { addStudyCounts, emptyCounts } = require(path.join(core, 'report', 'counts')) as typeof import('../src/core/report/counts');
  const load = performance.now() - t0;
  const text = fs.readFileSync(file, 'utf8');
  const acc = { segment: 0, tokenize: 0, match: 0, classify: 0, counts: 0 };
  let t = performance.now();
  const compiled = compileLexicon(builtinLexicon());
  const stance = inferStance(text);
  const other = performance.now() - t;
  t = performance.now();
  const blocks = segmentBlocks(text, /\.md$/i.test(file) ? 'md' : 'txt');
  acc.segment += performance.now() - t;
  let n = 0;
  for (const b of blocks) {
    t = performance.now();
    const ranges = sentencesOf(text, b);
    acc.segment += performance.now() - t;
    for (const r of ranges) {
      t = performance.now();
      const tokens = tokenize(text, r.start, r.end);
      const t1 = performance.now();
      const matches = matchTokens(text, tokens, compiled);
      const t2 = performance.now();
      classifyTokens(text, tokens, matches, compiled, { stance });
      const t3 = performance.now();
      addStudyCounts(tokens, emptyCounts(), emptyCounts());
      const t4 = performance.now();
      acc.tokenize += t1 - t;
      acc.match += t2 - t1;
      acc.classify += t3 - t2;
      acc.counts += t4 - t3;
      n++;
    }
  }
  const f = (x: number) => x.toFixed(0);
  return (
    `${n} sentences: segment ${f(acc.segment)}, tokenize ${f(acc.tokenize)}, match ${f(acc.match)}, classify ${f(acc.classify)}, ` +
    `counts ${f(acc.counts)}, lexicon+stance ${f(other)} (modules ${f(load)})`
  );
}

if (require.main === module && process.argv[2] === '--stages') {
  process.stdout.write(stages(process.argv[3]) + '\n');
}
