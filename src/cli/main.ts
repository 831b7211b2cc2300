/**
 * `policy-lens` command line: a thin adapter over the engine's public API (src/core).
 *
 *   policy-lens analyze PATH… [--format table|json|csv] [--lexicon FILE]… [--max-… N]…
 *   policy-lens classify [--lexicon FILE]… [--lemmas] (sentences on stdin, JSON lines on stdout)
 *   policy-lens audit PATH… [--format table|csv|json|md] [--cache DIR] [--workers N]   (workspace.ts)
 *   policy-lens export PATH… --format qdpx -o FILE [--level match|sentence|paragraph]  (workspace.ts)
 */
import * as fs from 'fs';
import * as path from 'path';
import { stdinSentences } from './lines';
import { analyzeCsv, analyzeFile, auditRow, classifySentence, ExtractionError, loadLexicon, sentenceTooLong, setModuleImporter } from '../core/node';
import type { AnalyzeOptions, AuditRow } from '../core/node';
import { Command, parseArgs, USAGE, UsageError } from './args';
import { collectDocuments } from './files';
import { comparison, jsonDocumentChunks, scorecard, Style, summaryFromAudit } from './format';
import { auditCommand, exportCommand } from './workspace';
import { compareCommand, suggestCommand } from './draft';

/** Where the CLI reads and writes; tests pass their own. */
export interface CliIO {
  stdout: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(s: string): unknown };
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  /** True for the real process: `audit` then stops its workers on Ctrl-C (SIGINT). */
  handleSignals?: boolean;
}

const PROG = 'policy-lens';

/** The field order of `classify` output (the gold files' fields, after the text). */
export const CLASSIFY_FIELDS = [
  'text',
  'deontic',
  'directive',
  'actor',
  'district',
  'innovation',
  'cocreation',
  'collaboration',
  'control',
  'framing',
  'reason',
] as const;

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}

function version(): string {
  // dist/cli.js and out/src/cli/main.js both sit below the package root.
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    const p = path.join(dir, 'package.json');
    try {
      const pkg = JSON.parse(fs.readFileSync(p, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'policy-lens' && pkg.version) return pkg.version;
    } catch {
      // not here
    }
    dir = path.dirname(dir);
  }
  return 'unknown';
}

/** The message for a document that could not be analysed: one line, naming the file. */
export function failureMessage(file: string, err: unknown): string {
  const e = err instanceof Error ? err : new Error(String(err));
  const msg = oneLine(e.message || e.name);
  if (err instanceof ExtractionError || e.name === 'ExtractionError') {
    // The engine's messages usually name the file already («X is not a PDF file …»).
    const named = msg.includes(file) || msg.includes(path.resolve(file));
    return named ? `${PROG}: ${msg}` : `${PROG}: ${file}: ${msg}`;
  }
  return `${PROG}: ${file}: analysis failed: ${msg}`;
}

interface LexiconProblem {
  file?: string;
  line?: number;
  column?: number;
  col?: number;
  problem?: string;
  message?: string;
}

/** `FILE:LINE:COL: problem` for a lexicon error (LINE and COL default to 1 when the engine gives none). */
export function lexiconMessage(e: LexiconProblem, fallbackFile: string): string {
  const file = e.file ?? fallbackFile;
  const line = e.line ?? 1;
  const col = e.column ?? e.col ?? 1;
  return `${file}:${line}:${col}: ${oneLine(e.problem ?? e.message ?? 'invalid lexicon')}`;
}

/** Loads the user's lexicons; on errors reports them and keeps the built-in lexicon. */
async function loadOptions(files: readonly string[], io: CliIO): Promise<{ opts: AnalyzeOptions; failed: boolean }> {
  if (files.length === 0) return { opts: {} as AnalyzeOptions, failed: false };
  try {
    const res = await loadLexicon([...files]);
    const errors = (res.errors ?? []) as unknown as LexiconProblem[];
    for (const e of errors) io.stderr.write(lexiconMessage(e, files[0]) + '\n');
    if (errors.length > 0) {
      io.stderr.write(`${PROG}: lexicon errors; analysing with the built-in lexicon${res.lexicon ? ' plus the valid entries' : ''}.\n`);
    }
    const opts = (res.lexicon ? { lexicon: res.lexicon } : {}) as AnalyzeOptions;
    return { opts, failed: errors.length > 0 };
  } catch (err) {
    io.stderr.write(`${PROG}: ${files.join(', ')}: cannot load lexicon: ${oneLine((err as Error).message)}\n`);
    io.stderr.write(`${PROG}: analysing with the built-in lexicon.\n`);
    return { opts: {} as AnalyzeOptions, failed: true };
  }
}

function styleFor(io: CliIO): Style {
  const tty = !!io.stdout.isTTY;
  const noColor = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
  let width = Infinity;
  if (tty && io.stdout.columns) width = io.stdout.columns;
  else if (io.env.COLUMNS && /^\d+$/.test(io.env.COLUMNS)) width = Number(io.env.COLUMNS);
  return { color: tty && !noColor, width };
}

async function analyzeCommand(cmd: Extract<Command, { kind: 'analyze' }>, io: CliIO): Promise<number> {
  let failed = false;
  const { opts: lexOpts, failed: lexFailed } = await loadOptions(cmd.lexicons, io);
  const opts: AnalyzeOptions = { ...lexOpts, limits: cmd.limits };
  failed ||= lexFailed;

  const { files, problems } = await collectDocuments(cmd.paths);
  for (const p of problems) io.stderr.write(`${PROG}: ${p}\n`);
  failed ||= problems.length > 0;

  const style = styleFor(io);
  const rows: AuditRow[] = [];
  let first = true;
  if (cmd.format === 'json') io.stdout.write('[\n');

  // One document at a time: only the small audit row of each is kept.
  for (const file of files) {
    let a;
    try {
      a = await analyzeFile(file, opts);
    } catch (err) {
      io.stderr.write(failureMessage(file, err) + '\n');
      failed = true;
      continue;
    }
    try {
      switch (cmd.format) {
        case 'json':
          for (const piece of jsonDocumentChunks(file, a, first)) io.stdout.write(piece);
          break;
        case 'csv':
          rows.push(auditRow(file, a));
          break;
        case 'table':
          io.stdout.write((first ? '' : '\n') + scorecard(file, a, style));
          rows.push(auditRow(file, a));
          break;
      }
      first = false;
    } catch (err) {
      // The analysis came back in a shape the CLI cannot print (an engine bug); report it like a failure.
      io.stderr.write(failureMessage(file, err) + '\n');
      failed = true;
    }
  }

  switch (cmd.format) {
    case 'json':
      io.stdout.write(first ? ']\n' : '\n]\n');
      break;
    case 'csv':
      io.stdout.write(analyzeCsv(rows));
      break;
    case 'table':
      if (rows.length > 1) io.stdout.write('\n' + comparison(rows.map(summaryFromAudit), style));
      break;
  }
  return failed ? 1 : 0;
}

async function classifyCommand(cmd: Extract<Command, { kind: 'classify' }>, io: CliIO): Promise<number> {
  const { opts, failed: lexFailed } = await loadOptions(cmd.lexicons, io);
  let failed = lexFailed;
  for await (const { n, text, tooLong } of stdinSentences(io.stdin)) {
    try {
      if (tooLong !== undefined) throw new RangeError(sentenceTooLong(tooLong));
      const labels = await classifySentence(text, { ...opts, lemmas: cmd.lemmas });
      const rec: Record<string, unknown> = { text };
      for (const f of CLASSIFY_FIELDS) if (f !== 'text') rec[f] = labels[f] ?? null;
      if (cmd.lemmas) rec.lemmas = labels.lemmas;
      io.stdout.write(JSON.stringify(rec) + '\n');
    } catch (err) {
      io.stderr.write(`${PROG}: stdin:${n}: cannot classify: ${oneLine((err as Error).message ?? String(err))}\n`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

/** `audit` and `export` (src/cli/workspace.ts), with the lexicon loaded and reported here. */
async function workspaceCommand(cmd: Extract<Command, { kind: 'audit' | 'export' }>, io: CliIO): Promise<number> {
  const { opts: lexOpts, failed: lexFailed } = await loadOptions(cmd.lexicons, io);
  const opts: AnalyzeOptions = { ...lexOpts, limits: cmd.limits };
  const ac = new AbortController();
  const onSigint = () => ac.abort();
  if (io.handleSignals) process.once('SIGINT', onSigint);
  const ctx = { style: styleFor(io), failureMessage, analyzeOptions: opts, lexiconFiles: cmd.lexicons, version: version(), signal: ac.signal };
  try {
    const code = cmd.kind === 'audit' ? await auditCommand(cmd, io, ctx) : await exportCommand(cmd, io, ctx);
    return lexFailed ? Math.max(code, 1) : code;
  } catch (err) {
    if (ac.signal.aborted) {
      io.stderr.write(`\n${PROG}: cancelled${cmd.kind === 'audit' && cmd.cache ? '; the documents finished so far are in the cache' : ''}.\n`);
      return 130;
    }
    throw err;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}

/** Runs the CLI with the given streams; returns the exit code. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  let cmd: Command;
  try {
    cmd = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`${PROG}: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  switch (cmd.kind) {
    case 'help':
      io.stdout.write(USAGE + '\n');
      return 0;
    case 'version':
      io.stdout.write(`${PROG} ${version()}\n`);
      return 0;
    case 'analyze':
      return analyzeCommand(cmd, io);
    case 'classify':
      return classifyCommand(cmd, io);
    case 'audit':
    case 'export':
      return workspaceCommand(cmd, io);
    case 'suggest':
    case 'compare': {
      const { opts, failed } = await loadOptions(cmd.lexicons, io);
      const code = cmd.kind === 'suggest' ? await suggestCommand(cmd, io, opts, PROG) : await compareCommand(cmd, io, opts, failureMessage, styleFor(io).width);
      return failed ? Math.max(code, 1) : code;
    }
  }
}

/**
 * Entry point used by bin/policy-lens.js. `host.importModule`: how to import an ES module (pdf.js) when the
 * bundle was loaded from V8's code cache, where its own `import()` does not run (see setModuleImporter).
 */
export async function main(argv: string[], host: { importModule?: (specifier: string) => Promise<unknown> } = {}): Promise<number> {
  if (host.importModule) setModuleImporter(host.importModule);
  // `policy-lens … | head` closes the pipe early: stop quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  // stdin is read on first use: `process.stdin` builds a stream (and loads Node's stream modules) when first touched,
  // which a run on files never needs
  return run(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    handleSignals: true,
  });
}
