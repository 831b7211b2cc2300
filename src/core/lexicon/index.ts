import * as jsonc from 'jsonc-parser';
import { Category, CATEGORIES, Deontic, StudyTerm } from '../types';
import nb from './nb.json';
import nn from './nn.json';
import grammarData from './grammar.json';

/**
 * Lexicons are data: versioned JSON files with a schema (lexicon.schema.json). The built-in lexicon is the
 * Bokmål and Nynorsk files here; a user's file extends it or overrides entries by id. A broken user file
 * gives errors with file, line and column, and the built-in lexicon keeps working.
 */

export interface LexiconEntry {
  id: string;
  category: Category;
  subtype?: string;
  weight: number;
  terms: string[];
  except?: string[];
  cue?: 'modal' | 'steering';
  deontic?: Exclude<Deontic, 'none'>;
  context?: 'district';
  studyTerm?: StudyTerm;
  signal?: 'weak' | 'strong';
  disabled?: boolean;
  note?: string;
  examples?: { matches?: string[]; doesNotMatch?: string[] };
  /** Where the entry came from ("builtin:nb", or a file path). */
  source?: string;
}

export interface Lexicon {
  entries: LexiconEntry[];
  /** Names and versions of the files that make it up. */
  sources: { name: string; version: string; file?: string }[];
}

export type Grammar = typeof grammarData;
export const grammar: Grammar = grammarData;

const ROOM_NOUNS = new Set(grammar.roomNouns);
const MEANS_NOUNS = new Set(grammar.meansNouns);
/** Room to act that a unit holds or is given («handlingsrom», «frihet», «tillit»; grammar.json `roomNouns`). */
export const isRoomNoun = (w: string): boolean => ROOM_NOUNS.has(w);
/** Means a unit holds or is given («midler», «rammer», «tilskudd»; grammar.json `meansNouns`). */
export const isMeansNoun = (w: string): boolean => MEANS_NOUNS.has(w);
/** Adverbs the rules and the matcher look past («også», «derfor»; grammar.json `lightAdverbs`). */
export const LIGHT_ADVERBS: ReadonlySet<string> = new Set(grammar.lightAdverbs);

export class LexiconError {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly message: string,
  ) {}
  toString(): string {
    return `${this.file}:${this.line}:${this.column}: ${this.message}`;
  }
}

export interface LexiconLoadResult {
  lexicon: Lexicon;
  errors: LexiconError[];
}

interface RawLexicon {
  name?: string;
  version: string;
  entries: LexiconEntry[];
}

function tagged(raw: RawLexicon, source: string): LexiconEntry[] {
  return raw.entries.map((e) => ({ ...e, weight: e.weight ?? 1, source }));
}

let builtin: Lexicon | undefined;

/** The built-in lexicon (Bokmål + Nynorsk). */
export function builtinLexicon(): Lexicon {
  if (!builtin) {
    const a = nb as unknown as RawLexicon;
    const b = nn as unknown as RawLexicon;
    builtin = {
      entries: mergeEntries(tagged(a, 'builtin:nb'), tagged(b, 'builtin:nn')),
      sources: [
        { name: a.name ?? 'nb', version: a.version },
        { name: b.name ?? 'nn', version: b.version },
      ],
    };
  }
  return builtin;
}

/** Entries of `over` replace entries of `base` with the same id; `disabled: true` removes one. */
export function mergeEntries(base: LexiconEntry[], over: LexiconEntry[]): LexiconEntry[] {
  const byId = new Map<string, LexiconEntry>();
  for (const e of base) byId.set(e.id, e);
  for (const e of over) {
    if (e.disabled) byId.delete(e.id);
    else byId.set(e.id, { ...(byId.get(e.id) ?? {}), ...e });
  }
  return [...byId.values()];
}

const ENTRY_KEYS = new Set([
  'id', 'category', 'subtype', 'weight', 'terms', 'except', 'cue', 'deontic', 'context', 'studyTerm', 'signal',
  'disabled', 'note', 'examples',
]);
const TOP_KEYS = new Set(['$schema', 'name', 'version', 'language', 'description', 'entries']);
const DEONTICS = ['obligation', 'prohibition', 'recommendation', 'permission', 'intention'];
const STUDY = ['innovasjon', 'utvikling', 'samskaping', 'samarbeid', 'skal', 'må'];

function lineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

/**
 * Parses and validates a lexicon file's text. Returns the valid entries and an error for each problem
 * (invalid entries are skipped, the others kept).
 */
export function parseLexicon(text: string, file: string): { entries: LexiconEntry[]; name?: string; version?: string; errors: LexiconError[] } {
  const errors: LexiconError[] = [];
  const err = (offset: number, message: string) => {
    const { line, column } = lineCol(text, offset);
    errors.push(new LexiconError(file, line, column, message));
  };
  const parseErrors: jsonc.ParseError[] = [];
  const root = jsonc.parseTree(text, parseErrors, { allowTrailingComma: false, disallowComments: false });
  for (const pe of parseErrors) err(pe.offset, `JSON syntax error: ${jsonc.printParseErrorCode(pe.error)}`);
  if (!root || parseErrors.length) return { entries: [], errors };
  if (root.type !== 'object') {
    err(root.offset, 'a lexicon must be a JSON object with "version" and "entries"');
    return { entries: [], errors };
  }
  for (const prop of root.children ?? []) {
    const key = prop.children?.[0]?.value;
    if (!TOP_KEYS.has(key)) err(prop.offset, `unknown property "${key}"`);
  }
  const versionNode = jsonc.findNodeAtLocation(root, ['version']);
  if (!versionNode) err(root.offset, 'missing "version" (e.g. "1.0.0")');
  else if (typeof versionNode.value !== 'string' || !/^\d+\.\d+\.\d+$/.test(versionNode.value)) {
    err(versionNode.offset, '"version" must be a version string like "1.0.0"');
  }
  const entriesNode = jsonc.findNodeAtLocation(root, ['entries']);
  if (!entriesNode || entriesNode.type !== 'array') {
    err(entriesNode?.offset ?? root.offset, '"entries" must be an array of entries');
    return { entries: [], errors };
  }
  const entries: LexiconEntry[] = [];
  const seen = new Set<string>();
  for (const node of entriesNode.children ?? []) {
    const before = errors.length;
    const value = jsonc.getNodeValue(node) as Record<string, unknown>;
    const at = (key: string) => jsonc.findNodeAtLocation(node, [key])?.offset ?? node.offset;
    if (node.type !== 'object') {
      err(node.offset, 'an entry must be an object');
      continue;
    }
    for (const k of Object.keys(value)) if (!ENTRY_KEYS.has(k)) err(at(k), `unknown entry property "${k}"`);
    const id = value.id;
    if (typeof id !== 'string' || !id) err(at('id'), 'entry needs a string "id"');
    else if (seen.has(id)) err(at('id'), `duplicate id "${id}"`);
    else seen.add(id);
    if (!value.disabled) {
      if (!CATEGORIES.includes(value.category as Category)) {
        err(at('category'), `"category" must be one of ${CATEGORIES.join(', ')}`);
      }
      const terms = value.terms;
      if (!Array.isArray(terms) || terms.length === 0 || terms.some((t) => typeof t !== 'string' || !t.trim())) {
        err(at('terms'), '"terms" must be a non-empty array of non-empty strings');
      } else {
        for (const t of terms as string[]) {
          const problem = checkPattern(t);
          if (problem) err(at('terms'), `term "${t}": ${problem}`);
        }
      }
    }
    if (value.weight !== undefined && (typeof value.weight !== 'number' || value.weight < 0 || value.weight > 5)) {
      err(at('weight'), '"weight" must be a number from 0 to 5');
    }
    if (value.deontic !== undefined && !DEONTICS.includes(value.deontic as string)) {
      err(at('deontic'), `"deontic" must be one of ${DEONTICS.join(', ')}`);
    }
    if (value.cue !== undefined && value.cue !== 'modal' && value.cue !== 'steering') err(at('cue'), '"cue" must be "modal" or "steering"');
    if (value.studyTerm !== undefined && !STUDY.includes(value.studyTerm as string)) err(at('studyTerm'), `"studyTerm" must be one of ${STUDY.join(', ')}`);
    if (errors.length === before) entries.push({ ...(value as unknown as LexiconEntry), weight: (value.weight as number) ?? 1, source: file });
  }
  return {
    entries,
    name: jsonc.findNodeAtLocation(root, ['name'])?.value,
    version: versionNode?.value,
    errors,
  };
}

/** Problems of a term pattern, or undefined when it is fine. */
export function checkPattern(term: string): string | undefined {
  const words = term.trim().split(/\s+/);
  for (const w of words) {
    if (w === '…' || w === '#') continue;
    const core = w.replace(/^[=~]/, '').replace(/^\*|\*$/g, '');
    if (!core) return 'a pattern needs letters besides "*"';
    if (core.includes('*')) return '"*" is allowed only at the start or end of a word';
    if (w.startsWith('*') && core.length < 3) return 'an ending or inner pattern needs at least 3 letters';
  }
  if (words[0] === '…' || words[words.length - 1] === '…') return '"…" must stand between words';
  return undefined;
}

/**
 * Builds the built-in lexicon extended by files already read (the extension reads workspace files itself; the CLI's
 * `loadLexicon` in ./file.ts reads them from disk). Problems are reported, never thrown.
 */
export function lexiconFromTexts(files: { file: string; text: string }[], base: Lexicon = builtinLexicon()): LexiconLoadResult {
  let entries = base.entries;
  const sources = [...base.sources];
  const errors: LexiconError[] = [];
  for (const { file, text } of files) {
    const r = parseLexicon(text, file);
    errors.push(...r.errors);
    entries = mergeEntries(entries, r.entries);
    sources.push({ name: r.name ?? file, version: r.version ?? '?', file });
  }
  return { lexicon: { entries, sources }, errors };
}
