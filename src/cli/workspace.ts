/**
 * `policy-lens audit` and `policy-lens export`: thin adapters over the engine's workspace API
 * (src/core/workspace.ts). main.ts parses the command line and loads the lexicon; this file prints.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { AnalyzeOptions } from '../core/node';
import {
  auditFiles,
  autocode,
  AUTOCODER,
  CanonicalText,
  Codebook,
  comparisonCsv,
  comparisonJson,
  comparisonMarkdown,
  defaultCodebook,
  exportQdpx,
  findCodingFile,
  importQdc,
  loadCodebook,
  loadDocument,
  mergeCodebooks,
  mergeCodings,
  readCodingFile,
  reanchorCodings,
  relativeSource,
  writeFileAtomic,
} from '../core/node';
import type { Coding, LoadedDocument, QdpxSource } from '../core/node';
import type { Command } from './args';
import { collectDocuments } from './files';
import { comparison, Style, summaryFromAudit } from './format';

const PROG = 'policy-lens';

export interface WorkspaceIO {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown; isTTY?: boolean };
}

export interface WorkspaceContext {
  style: Style;
  /** The one-line message for a document that could not be analysed (main.ts's failureMessage). */
  failureMessage(file: string, err: unknown): string;
  /** The lexicon, loaded (and its problems reported) by main.ts. */
  analyzeOptions: AnalyzeOptions;
  lexiconFiles: readonly string[];
  version: string;
  /** Cancels the run (main.ts wires it to SIGINT). */
  signal?: AbortSignal;
}

const EXTRACTION_CODES = new Set(['encrypted', 'password', 'corrupt', 'no-text', 'unsupported', 'too-large', 'io']);

function failureError(message: string, code: string): Error {
  const e = new Error(message);
  e.name = EXTRACTION_CODES.has(code) ? 'ExtractionError' : 'Error';
  return e;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

// ───────────────────────────── audit ─────────────────────────────

export async function auditCommand(cmd: Extract<Command, { kind: 'audit' }>, io: WorkspaceIO, ctx: WorkspaceContext): Promise<number> {
  const { files, problems } = await collectDocuments(cmd.paths);
  for (const p of problems) io.stderr.write(`${PROG}: ${p}\n`);
  let failed = problems.length > 0;
  const tty = !!io.stderr.isTTY;
  let progressShown = false;
  const result = await auditFiles(files, {
    cacheDir: cmd.cache,
    workers: cmd.workers,
    lexiconFiles: [...ctx.lexiconFiles],
    language: ctx.analyzeOptions.language,
    limits: ctx.analyzeOptions.limits,
    signal: ctx.signal,
    onProgress: tty
      ? (p) => {
          progressShown = true;
          io.stderr.write(`\r\x1b[K${PROG}: audit ${p.done}/${p.total} ${path.basename(p.file)}`);
        }
      : undefined,
  });
  if (progressShown) io.stderr.write('\r\x1b[K');
  for (const w of result.warnings) io.stderr.write(`${PROG}: ${w}\n`);
  const failures: { file: string; message: string }[] = [];
  for (const e of result.entries) {
    if (!e.error) continue;
    failed = true;
    failures.push({ file: e.file, message: e.error.message });
    io.stderr.write(ctx.failureMessage(e.file, failureError(e.error.message, e.error.code)) + '\n');
  }
  const rows = result.rows;
  switch (cmd.format) {
    case 'json':
      io.stdout.write(comparisonJson(rows));
      break;
    case 'csv':
      io.stdout.write(comparisonCsv(rows));
      break;
    case 'md':
      io.stdout.write(comparisonMarkdown(rows, { failures }));
      break;
    case 'table':
      if (rows.length) io.stdout.write(comparison(rows.map(summaryFromAudit), ctx.style));
      break;
  }
  if (tty) {
    const s = result.stats;
    io.stderr.write(
      `${PROG}: audited ${s.total} document${s.total === 1 ? '' : 's'} in ${seconds(s.ms)}: ${s.analysed} analysed` +
        `${s.workers ? ` in ${s.workersStarted} worker thread${s.workersStarted === 1 ? '' : 's'}` : ''}, ` +
        `${s.cached} from the cache, ${s.failed} failed.\n`,
    );
  }
  return failed ? 1 : 0;
}

// ───────────────────────────── export ─────────────────────────────

/** The folder a document was found under (the PATH argument that contains it), for its relative name. */
function rootOf(file: string, paths: readonly string[]): string {
  const abs = path.resolve(file);
  let best: string | undefined;
  for (const p of paths) {
    const r = path.resolve(p);
    let dir: string;
    try {
      dir = fs.statSync(r).isDirectory() ? r : path.dirname(r);
    } catch {
      continue;
    }
    if ((abs === dir || abs.startsWith(dir + path.sep)) && (!best || dir.length > best.length)) best = dir;
  }
  return best ?? path.dirname(abs);
}

async function codebookFor(cmd: Extract<Command, { kind: 'export' }>, roots: readonly string[], io: WorkspaceIO): Promise<{ codebook: Codebook; failed: boolean }> {
  let codebook = defaultCodebook();
  let failed = false;
  // a codebook saved in the workspace (the extension keeps it next to the codings)
  for (const root of [...new Set(roots)]) {
    const file = path.join(root, '.policylens', 'codebook.json');
    if (!fs.existsSync(file)) continue;
    try {
      codebook = mergeCodebooks(codebook, await loadCodebook(file));
    } catch (e) {
      io.stderr.write(`${PROG}: ${(e as Error).message}\n`);
      failed = true;
    }
  }
  if (cmd.codebook) {
    try {
      if (/\.(qdc|qde|xml)$/i.test(cmd.codebook)) {
        const { codebook: imported, warnings } = importQdc(fs.readFileSync(cmd.codebook, 'utf8'));
        for (const w of warnings) io.stderr.write(`${PROG}: ${cmd.codebook}: ${w}\n`);
        codebook = mergeCodebooks(codebook, imported);
      } else {
        codebook = mergeCodebooks(codebook, await loadCodebook(cmd.codebook));
      }
    } catch (e) {
      const msg = (e as Error).message;
      io.stderr.write(`${PROG}: ${msg.includes(cmd.codebook) ? msg : `${cmd.codebook}: ${msg}`}\n`);
      failed = true;
    }
  }
  return { codebook, failed };
}

function scorecardNote(d: LoadedDocument): string {
  const a = d.analysis;
  const c = a.counts;
  return [
    `Policy Lens ${a.score.label} score ${a.score.value > 0 ? '+' : ''}${a.score.value} (−100 top-down … +100 enabling); ` +
      `directive axis ${a.score.axes.directive}, enabling axis ${a.score.axes.enabling}.`,
    `${a.words} words, ${a.sentences.length} sentences, ${a.pages} page(s); document kind: ${a.stance.kind}.`,
    `Study counts (exact / inflected): ` +
      (['innovasjon', 'utvikling', 'samskaping', 'samarbeid', 'skal', 'må'] as const).map((t) => `${t} ${c.exact[t]}/${c.inflected[t]}`).join(', ') +
      '.',
    `Districts: ${a.district.mentions} mention(s); of ${a.district.innovationSentences} sentences on innovation or co-creation, ` +
      `${a.district.innovationWithDistrictRole} give the districts a role.`,
  ].join('\n');
}

export async function exportCommand(cmd: Extract<Command, { kind: 'export' }>, io: WorkspaceIO, ctx: WorkspaceContext): Promise<number> {
  const { files, problems } = await collectDocuments(cmd.paths);
  for (const p of problems) io.stderr.write(`${PROG}: ${p}\n`);
  let failed = problems.length > 0;
  const output = path.resolve(cmd.output);
  const roots = files.map((f) => rootOf(f, cmd.paths));
  const cb = await codebookFor(cmd, roots, io);
  failed ||= cb.failed;
  const codebook = cb.codebook;

  const sources: QdpxSource[] = [];
  let autocoded = 0;
  let stored = 0;
  let orphaned = 0;
  const names = new Set<string>();
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    if (path.resolve(file) === output) continue;
    let doc: LoadedDocument;
    try {
      // the original bytes are shipped for PDFs only (text formats ship their text)
      doc = await loadDocument(file, { ...ctx.analyzeOptions, keepBytes: /\.(pdf|docx)$/i.test(file) });
    } catch (err) {
      io.stderr.write(ctx.failureMessage(file, err) + '\n');
      failed = true;
      continue;
    }
    const root = roots[i];
    const source = relativeSource(root, file);
    const canon = new CanonicalText(doc.text);

    // codings stored next to the documents, re-anchored against the current text
    let kept: Coding[] = [];
    const found = await findCodingFile(file, root);
    if (found) {
      try {
        const data = await readCodingFile(found.file, source);
        const r = reanchorCodings(canon, data.codings);
        kept = r.codings;
        stored += kept.length;
        if (r.report.orphaned) {
          orphaned += r.report.orphaned;
          io.stderr.write(
            `${PROG}: ${file}: ${r.report.orphaned} stored coding(s) no longer match the text; they are kept in the project as a note.\n`,
          );
        }
      } catch (e) {
        io.stderr.write(`${PROG}: ${(e as Error).message}\n`);
        failed = true;
      }
    }
    const auto = autocode({ source, text: doc.text, format: doc.format, analysis: doc.analysis }, codebook, { level: cmd.level });
    autocoded += auto.length;

    let name = source;
    for (let n = 2; names.has(name); n++) name = `${source} (${n})`;
    names.add(name);
    const a = doc.analysis;
    sources.push({
      name,
      file,
      format: doc.format,
      text: doc.text,
      pdf: doc.format === 'pdf' ? doc.bytes : undefined,
      docx: doc.format === 'docx' ? doc.bytes : undefined,
      codings: mergeCodings(kept, auto),
      note: scorecardNote(doc),
      variables: {
        'Policy Lens score': a.score.value,
        'Policy Lens label': a.score.label,
        'Policy Lens directive axis': a.score.axes.directive,
        'Policy Lens enabling axis': a.score.axes.enabling,
        'Document kind': a.stance.kind,
      },
    });
  }

  const projectName = cmd.name ?? path.basename(cmd.output).replace(/\.qdpx$/i, '');
  const res = exportQdpx({
    name: projectName,
    origin: `Policy Lens ${ctx.version}`,
    description:
      `Exported by Policy Lens ${ctx.version}: ${sources.length} document(s); the engine's findings autocoded at ` +
      `${cmd.level} level with the «Policy Lens» codes, for review.`,
    users: [AUTOCODER],
    codebook,
    sources,
  });
  try {
    await writeFileAtomic(output, res.zip);
  } catch (e) {
    io.stderr.write(`${PROG}: ${cmd.output}: cannot write the project (${(e as Error).message}).\n`);
    return 1;
  }
  const s = res.stats;
  io.stdout.write(
    `${PROG}: wrote ${cmd.output}: ${s.sources} source${s.sources === 1 ? '' : 's'}, ${s.codings} coding${s.codings === 1 ? '' : 's'} ` +
      `in ${s.selections} passage${s.selections === 1 ? '' : 's'} (${autocoded} autocoded at ${cmd.level} level, ${stored} stored` +
      `${orphaned ? `, ${orphaned} orphaned kept as notes` : ''}), ${s.codes} codes.\n`,
  );
  return failed ? 1 : 0;
}
