/** Command-line parsing for `policy-lens`. No analysis here. */

export type OutputFormat = 'table' | 'json' | 'csv';

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'analyze'; paths: string[]; format: OutputFormat; lexicons: string[] }
  | { kind: 'classify'; lexicons: string[] };

/** A mistake in the command line: printed with the usage text, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE = `Usage:
  policy-lens analyze PATH... [--format table|json|csv] [--lexicon FILE]...
  policy-lens classify [--lexicon FILE]...
  policy-lens --help | --version

Commands:
  analyze    Analyse the steering language of documents. PATH is a file or a folder; folders are
             searched recursively for .pdf .docx .md .markdown .txt (node_modules, dot-folders and
             README/SOURCES/LICENSE/CHANGELOG files inside folders are skipped). Documents are
             analysed one at a time, in path order.
  classify   Read sentences from stdin, one per line, and print one JSON object per sentence with
             text, deontic, directive, actor, district, innovation, cocreation, collaboration,
             control, framing.

Options:
  -f, --format FMT   table (default): a scorecard per document and, for several documents, a
                     comparison table; json: an array of analyses; csv: one row per document.
  -l, --lexicon FILE Extra lexicon (JSON), repeatable; added to the built-in lexicon.
  -h, --help         Show this help.
  -V, --version      Show the version.

Exit codes: 0 success; 1 a document or lexicon could not be read (the rest is still analysed);
2 usage error. Colour is used only on a terminal and never when NO_COLOR is set.`;

const FORMATS: readonly OutputFormat[] = ['table', 'json', 'csv'];

/** Splits `--name=value` and reads the value of an option that takes one. */
function takeValue(argv: string[], i: number, name: string, inline: string | undefined): [string, number] {
  if (inline !== undefined) {
    if (inline === '') throw new UsageError(`${name} needs a value.`);
    return [inline, i];
  }
  const v = argv[i + 1];
  if (v === undefined || (v.startsWith('-') && v !== '-')) throw new UsageError(`${name} needs a value.`);
  return [v, i + 1];
}

export function parseArgs(argv: readonly string[]): Command {
  const args = [...argv];
  if (args.length === 0) throw new UsageError('No command given.');
  if (args.some((a) => a === '-h' || a === '--help') || args[0] === 'help') return { kind: 'help' };
  if (args.some((a) => a === '-V' || a === '--version')) return { kind: 'version' };

  const command = args[0];
  if (command !== 'analyze' && command !== 'classify') {
    throw new UsageError(command.startsWith('-') ? `Expected a command before ${command}.` : `Unknown command: ${command}.`);
  }

  let format: OutputFormat | undefined;
  const lexicons: string[] = [];
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
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq >= 0 ? a.slice(0, eq) : a;
    const inline = eq >= 0 ? a.slice(eq + 1) : undefined;
    switch (name) {
      case '-f':
      case '--format': {
        if (command !== 'analyze') throw new UsageError(`${name} is an option of analyze.`);
        const [v, j] = takeValue(args, i, name, inline);
        i = j;
        if (!FORMATS.includes(v as OutputFormat)) {
          throw new UsageError(`Unknown format: ${v} (use ${FORMATS.join(', ')}).`);
        }
        if (format !== undefined && format !== v) throw new UsageError('--format given twice.');
        format = v as OutputFormat;
        break;
      }
      case '-l':
      case '--lexicon': {
        const [v, j] = takeValue(args, i, name, inline);
        i = j;
        lexicons.push(v);
        break;
      }
      default:
        throw new UsageError(`Unknown option: ${a}.`);
    }
  }

  if (command === 'classify') {
    if (paths.length > 0) throw new UsageError(`classify reads stdin and takes no paths (got ${paths[0]}).`);
    return { kind: 'classify', lexicons };
  }
  if (paths.length === 0) throw new UsageError('analyze needs at least one PATH.');
  return { kind: 'analyze', paths, format: format ?? 'table', lexicons };
}
