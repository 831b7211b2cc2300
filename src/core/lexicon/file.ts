/** Lexicon files from disk, for Node adapters (the CLI, the audit): the engine's `lexiconFromTexts` does the rest. */
import * as fs from 'fs';
import { builtinLexicon, Lexicon, LexiconError, LexiconLoadResult, lexiconFromTexts } from './index';

/**
 * Loads the built-in lexicon extended by the given files (JSON). Problems are reported, never thrown: a broken
 * file contributes its valid entries only, and the built-in lexicon always works.
 */
export function loadLexicon(files: readonly string[] = [], base: Lexicon = builtinLexicon()): LexiconLoadResult {
  let lexicon = base;
  const errors: LexiconError[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      errors.push(new LexiconError(file, 1, 1, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`));
      continue;
    }
    const r = lexiconFromTexts([{ file, text }], lexicon);
    lexicon = r.lexicon;
    errors.push(...r.errors);
  }
  return { lexicon, errors };
}

