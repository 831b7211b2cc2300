/**
 * The pieces of command-line parsing every command shares (./args.ts, ./draftArgs.ts): the usage error, an option
 * split from its inline value, and the value of an option that takes one.
 */

/** A mistake in the command line: printed with the usage text, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** `--name=value` → name and inline value; a short option or one without «=» has none. */
export function splitOption(a: string): { name: string; inline: string | undefined } {
  const eq = a.startsWith('--') ? a.indexOf('=') : -1;
  return eq >= 0 ? { name: a.slice(0, eq), inline: a.slice(eq + 1) } : { name: a, inline: undefined };
}

/** The value of an option that takes one (inline or the next argument) and the index of the last argument read. */
export function takeValue(argv: readonly string[], i: number, name: string, inline: string | undefined): [string, number] {
  if (inline !== undefined) {
    if (inline === '') throw new UsageError(`${name} needs a value.`);
    return [inline, i];
  }
  const v = argv[i + 1];
  if (v === undefined || (v.startsWith('-') && v !== '-')) throw new UsageError(`${name} needs a value.`);
  return [v, i + 1];
}
