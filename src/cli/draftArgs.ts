/**
 * Arguments of the drafting commands `suggest` and `compare` (./draft.ts), parsed apart from ./args.ts, which hands
 * the two commands over. No analysis here.
 */
import { splitOption, takeValue, UsageError } from './argv';

export type CompareFormat = 'table' | 'json' | 'md';
export type DraftCommand =
  | { kind: 'suggest'; lexicons: string[]; addressee?: string; max?: number }
  | { kind: 'compare'; old: string; new: string; format: CompareFormat; lexicons: string[] };

export const DRAFT_COMMANDS = ['suggest', 'compare'] as const;
const COMPARE_FORMATS: readonly CompareFormat[] = ['table', 'json', 'md'];

export const DRAFT_USAGE = `Drafting (allocation letters):
  policy-lens suggest [--addressee NAME] [--max N] [--lexicon FILE]...
  policy-lens compare OLD NEW [--format table|json|md] [--lexicon FILE]...

  suggest    Read sentences from stdin, one per line, and print one JSON object per sentence:
             {"text", "framing", "suggestions": [{"text", "framing", "deontic", "scoreDelta",
             "reason"}]} — rewrites of a top-down sentence toward enabling forms that keep its
             facts (numbers, dates, amounts, actors) and change only the steering, each classified
             by the engine as not top-down, best first (scoreDelta: the change of the sentence's
             score, -100..+100). The list is empty for a sentence that is not top-down, and for one
             that states a legal duty, which gets a "note" instead. --addressee names the body the
             letter is written to (a passive order may then name it as the one who acts); --max
             limits the suggestions per sentence (default 5).
  compare    Compare two versions of a document: the score and its axes, the sentences that became
             more top-down or more enabling (matched also when moved or lightly edited), sentences
             added and removed, the districts' roles gained and lost, study terms added and removed.`;


/** Parses the arguments of `suggest` and `compare` (argv[0] is the command). */
export function parseDraftArgs(argv: readonly string[]): DraftCommand {
  const command = argv[0] as (typeof DRAFT_COMMANDS)[number];
  const lexicons: string[] = [];
  const paths: string[] = [];
  let format: CompareFormat | undefined;
  let addressee: string | undefined;
  let max: number | undefined;
  let onlyPaths = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (onlyPaths || !a.startsWith('-') || a === '-') {
      paths.push(a);
      continue;
    }
    if (a === '--') {
      onlyPaths = true;
      continue;
    }
    const { name, inline } = splitOption(a);
    let v: string;
    switch (name) {
      case '-l':
      case '--lexicon':
        [v, i] = takeValue(argv, i, name, inline);
        lexicons.push(v);
        break;
      case '-f':
      case '--format':
        if (command !== 'compare') throw new UsageError(`${name} is an option of compare.`);
        [v, i] = takeValue(argv, i, name, inline);
        if (!COMPARE_FORMATS.includes(v as CompareFormat)) throw new UsageError(`Unknown format: ${v} (use ${COMPARE_FORMATS.join(', ')}).`);
        format = v as CompareFormat;
        break;
      case '--addressee':
        if (command !== 'suggest') throw new UsageError(`${name} is an option of suggest.`);
        [addressee, i] = takeValue(argv, i, name, inline);
        break;
      case '--max':
        if (command !== 'suggest') throw new UsageError(`${name} is an option of suggest.`);
        [v, i] = takeValue(argv, i, name, inline);
        if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 20) throw new UsageError(`--max needs a whole number from 1 to 20 (got ${v}).`);
        max = Number(v);
        break;
      default:
        throw new UsageError(`Unknown option: ${a}.`);
    }
  }
  if (command === 'suggest') {
    if (paths.length > 0) throw new UsageError(`suggest reads stdin and takes no paths (got ${paths[0]}).`);
    return { kind: 'suggest', lexicons, addressee, max };
  }
  if (paths.length !== 2) throw new UsageError(`compare needs two files, OLD and NEW (got ${paths.length}).`);
  return { kind: 'compare', old: paths[0], new: paths[1], format: format ?? 'table', lexicons };
}
