/** Command-line parsing for `policy-lens`. No analysis here. */
import { splitOption, takeValue, UsageError } from './argv';
import { DraftCommand, DRAFT_COMMANDS, DRAFT_USAGE, parseDraftArgs } from './draftArgs';
import { DEFAULT_LIMITS, LIMIT_INFO, LIMIT_NAMES } from '../core/limits';
import type { LimitName, Limits } from '../core/limits';

/** A mistake in the command line (./argv.ts): printed with the usage text, exit code 2. */
export { UsageError };

export type OutputFormat = 'table' | 'json' | 'csv';
export type AuditFormat = 'table' | 'json' | 'csv' | 'md';
export type ExportFormat = 'qdpx';
export type ExportLevel = 'match' | 'sentence' | 'paragraph';

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'analyze'; paths: string[]; format: OutputFormat; lexicons: string[]; limits: Partial<Limits> }
  | { kind: 'classify'; lexicons: string[]; lemmas: boolean }
  | { kind: 'audit'; paths: string[]; format: AuditFormat; lexicons: string[]; cache?: string; workers?: number; limits: Partial<Limits> }
  | {
      kind: 'export';
      paths: string[];
      format: ExportFormat;
      output: string;
      level: ExportLevel;
      lexicons: string[];
      name?: string;
      codebook?: string;
      limits: Partial<Limits>;
    }
  | DraftCommand;


export const USAGE = `Usage:
  policy-lens analyze PATH... [--format table|json|csv] [--lexicon FILE]... [LIMIT]...
  policy-lens classify [--lemmas] [--lexicon FILE]...
  policy-lens audit PATH... [--format table|csv|json|md] [--cache DIR] [--workers N] [--lexicon FILE]...
                    [LIMIT]...
  policy-lens export PATH... --format qdpx -o FILE.qdpx [--level match|sentence|paragraph]
                     [--name NAME] [--codebook FILE] [--lexicon FILE]... [LIMIT]...
  policy-lens --help | --version

Commands:
  analyze    Analyse the steering language of documents. PATH is a file or a folder; folders are
             searched recursively for .pdf .docx .md .markdown .txt (node_modules, dot-folders and
             README/SOURCES/LICENSE/CHANGELOG files inside folders are skipped). Documents are
             analysed one at a time, in path order.
  classify   Read sentences from stdin, one per line, and print one JSON object per sentence with
             text, deontic, directive, actor, district, innovation, cocreation, collaboration,
             control, framing, and reason (what decided the deontic label and the framing).
             --lemmas adds every token's word class and lemma.
  audit      Analyse many documents in parallel (worker threads) and print the comparison: one
             row per document. With --cache, results are kept per document and a second run
             only analyses the files whose bytes changed.
  export     Write a REFI-QDA project (.qdpx, for NVivo, ATLAS.ti, MAXQDA, QualCoder): the
             documents, the default codebook, the engine's findings autocoded at --level, and
             the codings stored in a .policylens/codings folder next to the documents.

Options:
  -f, --format FMT   table (default): a scorecard per document and, for several documents, a
                     comparison table; json: an array of analyses; csv: one row per document.
  -l, --lexicon FILE Extra lexicon (JSON), repeatable; added to the built-in lexicon.
  -h, --help         Show this help.
  -V, --version      Show the version.

Options of audit:
  -f, --format FMT   table (default): the comparison table; csv: the columns of analyze's csv, then
                     the audit's own; json: an array of rows; md: a Markdown report.
      --cache DIR    Keep results in DIR, one JSON file per document, valid while the file's
                     SHA-256, the engine and the lexicon are the same.
      --workers N    Worker threads (default: the number of CPUs, at least 2; 0: none).

Options of export:
  -f, --format FMT   qdpx (required).
  -o, --output FILE  The project file to write.
      --level LEVEL  What autocoding codes: the match, its sentence (default) or its paragraph.
      --name NAME    The project's name (default: the output file's name).
      --codebook FILE  Codes to add to the default codebook (.qdc, or a Policy Lens codebook .json).

Limits (analyze, audit, export): a document over a limit is refused with a one-line message naming the
limit, before the work it guards; the others are still analysed. Raise a limit with:
${LIMIT_NAMES.map((k) => `  ${LIMIT_INFO[k].flag.padEnd(20)} ${LIMIT_INFO[k].what} (default ${DEFAULT_LIMITS[k]}${LIMIT_INFO[k].unit === 'MB' ? ' MB' : ''})`).join('\n')}

${DRAFT_USAGE}

Exit codes: 0 success; 1 a document or lexicon could not be read (the rest is still analysed);
2 usage error. Colour is used only on a terminal and never when NO_COLOR is set.`;

const LIMIT_FLAGS = new Map<string, LimitName>(LIMIT_NAMES.map((k) => [LIMIT_INFO[k].flag, k]));

const FORMATS: readonly OutputFormat[] = ['table', 'json', 'csv'];
const AUDIT_FORMATS: readonly AuditFormat[] = ['table', 'json', 'csv', 'md'];
const EXPORT_FORMATS: readonly ExportFormat[] = ['qdpx'];
const LEVELS: readonly ExportLevel[] = ['match', 'sentence', 'paragraph'];
const COMMANDS = ['analyze', 'classify', 'audit', 'export'] as const;


export function parseArgs(argv: readonly string[]): Command {
  const args = [...argv];
  if (args.length === 0) throw new UsageError('No command given.');
  if (args.some((a) => a === '-h' || a === '--help') || args[0] === 'help') return { kind: 'help' };
  if (args.some((a) => a === '-V' || a === '--version')) return { kind: 'version' };

  const command = args[0];
  if ((DRAFT_COMMANDS as readonly string[]).includes(command)) return parseDraftArgs(args);
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new UsageError(command.startsWith('-') ? `Expected a command before ${command}.` : `Unknown command: ${command}.`);
  }

  let format: string | undefined;
  let output: string | undefined;
  let level: ExportLevel | undefined;
  let cache: string | undefined;
  let workers: number | undefined;
  let projectName: string | undefined;
  let codebook: string | undefined;
  let lemmas = false;
  const only = (opt: string, ...commands: string[]) => {
    if (!commands.includes(command)) throw new UsageError(`${opt} is an option of ${commands.join(' and ')}.`);
  };
  const lexicons: string[] = [];
  const limits: Partial<Limits> = {};
  const paths: string[] = [];
  let onlyPaths = false;
  for (let i = 1; i < args.length; i++) {
    const a = args[i];
    if (onlyPaths || !a.startsWith('-') || a === '-') {
      paths.push(a);
      continue;
    }
    if (a === '--') {
      onlyPaths = true;
      continue;
    }
    const { name, inline } = splitOption(a);
    switch (name) {
      case '-f':
      case '--format': {
        if (command === 'classify') throw new UsageError(`${name} is an option of analyze, audit and export.`);
        const [v, j] = takeValue(args, i, name, inline);
        i = j;
        const allowed: readonly string[] = command === 'audit' ? AUDIT_FORMATS : command === 'export' ? EXPORT_FORMATS : FORMATS;
        if (!allowed.includes(v)) {
          throw new UsageError(`Unknown format: ${v} (use ${allowed.join(', ')}).`);
        }
        if (format !== undefined && format !== v) throw new UsageError('--format given twice.');
        format = v;
        break;
      }
      case '-o':
      case '--output': {
        only(name, 'export');
        [output, i] = takeValue(args, i, name, inline);
        break;
      }
      case '--level': {
        only(name, 'export');
        const [v, j] = takeValue(args, i, name, inline);
        i = j;
        if (!LEVELS.includes(v as ExportLevel)) throw new UsageError(`Unknown level: ${v} (use ${LEVELS.join(', ')}).`);
        level = v as ExportLevel;
        break;
      }
      case '--name': {
        only(name, 'export');
        [projectName, i] = takeValue(args, i, name, inline);
        break;
      }
      case '--codebook': {
        only(name, 'export');
        [codebook, i] = takeValue(args, i, name, inline);
        break;
      }
      case '--cache': {
        only(name, 'audit');
        [cache, i] = takeValue(args, i, name, inline);
        break;
      }
      case '--workers': {
        only(name, 'audit');
        const [v, j] = takeValue(args, i, name, inline);
        i = j;
        if (!/^\d+$/.test(v) || Number(v) > 256) throw new UsageError(`--workers needs a whole number from 0 to 256 (got ${v}).`);
        workers = Number(v);
        break;
      }
      case '--lemmas': {
        only(name, 'classify');
        lemmas = true;
        break;
      }
      case '-l':
      case '--lexicon': {
        const [v, j] = takeValue(args, i, name, inline);
        i = j;
        lexicons.push(v);
        break;
      }
      default: {
        const limit = LIMIT_FLAGS.get(name);
        if (!limit) throw new UsageError(`Unknown option: ${a}.`);
        only(name, 'analyze', 'audit', 'export');
        const [v, j] = takeValue(args, i, name, inline);
        i = j;
        const n = Number(v);
        if (!/^\d+(\.\d+)?$/.test(v) || !(n > 0)) throw new UsageError(`${name} needs a positive number (got ${v}).`);
        limits[limit] = n;
        break;
      }
    }
  }

  if (command === 'classify') {
    if (paths.length > 0) throw new UsageError(`classify reads stdin and takes no paths (got ${paths[0]}).`);
    return { kind: 'classify', lexicons, lemmas };
  }
  if (paths.length === 0) throw new UsageError(`${command} needs at least one PATH.`);
  if (command === 'audit') {
    return { kind: 'audit', paths, format: (format as AuditFormat | undefined) ?? 'table', lexicons, cache, workers, limits };
  }
  if (command === 'export') {
    if (format === undefined) throw new UsageError('export needs --format qdpx.');
    if (!output) throw new UsageError('export needs -o FILE (the project file to write).');
    return { kind: 'export', paths, format: format as ExportFormat, output, level: level ?? 'sentence', lexicons, name: projectName, codebook, limits };
  }
  return { kind: 'analyze', paths, format: (format as OutputFormat | undefined) ?? 'table', lexicons, limits };
}
