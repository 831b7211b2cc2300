/**
 * Codings: a code applied to a passage of a document, stored as a W3C Web Annotation target with two
 * selectors for the same passage — a TextQuoteSelector (the quoted text with up to 32 characters of prefix
 * and suffix) and a TextPositionSelector (start/end in Unicode code points over the document's canonical
 * text, see text.ts). The quote lets a coding survive edits of the document (anchor.ts); the position makes
 * the common case — nothing changed — instant.
 *
 * Each document's codings live in one JSON file, `.policylens/codings/<name>.json` under the folder that
 * holds the `.policylens` folder, where <name> is the document's path relative to that folder with `%` and
 * `/` percent-encoded. This module reads and writes their text; the file access is the adapters': ./files.ts
 * (Node, atomic writes) for the CLI, `vscode.workspace.fs` in the extension.
 */
import { sha256Hex } from '../util/hash';
import { isGuid, nameGuid, newGuid } from './guid';
import { CanonicalText, Span } from './text';

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  /** Code points over the canonical text. */
  start: number;
  end: number;
}

export type AnchorStatus = 'exact' | 'moved' | 'fuzzy' | 'orphaned';

export interface CodingUser {
  /** GUID. */
  id: string;
  name?: string;
}

export interface Coding {
  /** GUID. */
  id: string;
  /** The code's GUID. */
  code: string;
  target: {
    /** The document, relative to the folder holding `.policylens` (forward slashes). */
    source: string;
    selector: [TextQuoteSelector, TextPositionSelector];
  };
  creator?: CodingUser;
  /** ISO 8601. */
  created: string;
  modified?: string;
  origin?: 'manual' | 'autocode' | 'import';
  memo?: string;
  /** The result of the last re-anchoring. An `orphaned` coding keeps its last known selectors. */
  anchor?: {
    status: AnchorStatus;
    /** 0…1: how close the passage found is to the stored quote (1 for exact and moved). */
    similarity: number;
    checked: string;
    /** The quote before a fuzzy re-anchoring replaced it. */
    previousExact?: string;
  };
}

export interface CodingFile {
  format: 'policy-lens-codings';
  version: 1;
  source: string;
  /** SHA-256 of the canonical text the selectors were last checked against. */
  textSha256?: string;
  codings: Coding[];
}

/** Characters of context kept on each side of a quote (as Hypothesis does). */
export const CONTEXT_LENGTH = 32;

/** The user Policy Lens's autocoding is attributed to (same GUID everywhere). */
export const AUTOCODER: CodingUser = { id: nameGuid('user:policy-lens-autocoder'), name: 'Policy Lens (autocoding)' };

/** The selectors of a canonical UTF-16 span. */
export function selectorsFor(doc: CanonicalText, span: Span): [TextQuoteSelector, TextPositionSelector] {
  const t = doc.text;
  const idx = doc.index;
  const start = Math.max(0, Math.min(span.start, t.length));
  const end = Math.max(start, Math.min(span.end, t.length));
  const cpStart = idx.toCodePoint(start);
  const cpEnd = idx.toCodePoint(end);
  const pre = idx.toUtf16(Math.max(0, cpStart - CONTEXT_LENGTH));
  const post = idx.toUtf16(Math.min(idx.length, cpEnd + CONTEXT_LENGTH));
  return [
    { type: 'TextQuoteSelector', exact: t.slice(start, end), prefix: t.slice(pre, start), suffix: t.slice(end, post) },
    { type: 'TextPositionSelector', start: cpStart, end: cpEnd },
  ];
}

export interface NewCoding {
  code: string;
  source: string;
  creator?: CodingUser;
  origin?: Coding['origin'];
  memo?: string;
  created?: string;
  id?: string;
}

/** A coding of a raw UTF-16 span (editor or engine offsets) of the document whose canonical text is `doc`. */
export function createCoding(doc: CanonicalText, rawSpan: Span, spec: NewCoding): Coding {
  if (rawSpan.end <= rawSpan.start) throw new Error('A coding needs a non-empty passage.');
  const span = { start: doc.fromRaw(rawSpan.start), end: doc.fromRaw(rawSpan.end) };
  return codingOfCanonical(doc, span, spec);
}

/** A coding of a canonical UTF-16 span. */
export function codingOfCanonical(doc: CanonicalText, span: Span, spec: NewCoding): Coding {
  const c: Coding = {
    id: spec.id ?? newGuid(),
    code: spec.code,
    target: { source: spec.source, selector: selectorsFor(doc, span) },
    created: spec.created ?? new Date().toISOString(),
  };
  if (spec.creator) c.creator = spec.creator;
  if (spec.origin) c.origin = spec.origin;
  if (spec.memo) c.memo = spec.memo;
  return c;
}

export function quoteOf(c: Coding): TextQuoteSelector {
  return c.target.selector[0];
}

export function positionOf(c: Coding): TextPositionSelector {
  return c.target.selector[1];
}

/** The coding's canonical code point span. */
export function codingSpan(c: Coding): Span {
  const p = positionOf(c);
  return { start: p.start, end: p.end };
}

/** The coding's raw UTF-16 span in the document (for editor highlights); undefined for orphaned codings. */
export function codingRawSpan(doc: CanonicalText, c: Coding): Span | undefined {
  if (c.anchor?.status === 'orphaned') return undefined;
  return doc.positionToRaw(codingSpan(c));
}

// ───────────────────────────── storage ─────────────────────────────

export const POLICYLENS_DIR = '.policylens';

/** The codings file of a document, relative to the folder holding `.policylens` (forward slashes). */
export function codingFileRelativePath(source: string): string {
  return `${POLICYLENS_DIR}/codings/${codingFileName(source)}.json`;
}

/**
 * A document's path relative to a folder, with forward slashes, from two absolute forward-slash paths (URI paths):
 * what `relativeSource` gives for file system paths, for adapters that have URIs (the extension, on the web too).
 */
export function relativeSourcePath(rootPath: string, documentPath: string): string {
  const parts = (p: string) => p.split('/').filter((x) => x && x !== '.');
  const root = parts(rootPath);
  const doc = parts(documentPath);
  let i = 0;
  while (i < root.length && i < doc.length && root[i] === doc[i]) i++;
  return [...root.slice(i).map(() => '..'), ...doc.slice(i)].join('/');
}

/** A relative path as one file name: `%` and `/` percent-encoded (reversible, readable). */
export function codingFileName(relative: string): string {
  return relative.replace(/%/g, '%25').replace(/\//g, '%2F').replace(/\\/g, '%5C');
}

export function emptyCodingFile(source: string): CodingFile {
  return { format: 'policy-lens-codings', version: 1, source, codings: [] };
}

/** Checks a parsed coding file; returns the problems (empty when fine). */
export function validateCodingFile(data: unknown): string[] {
  const problems: string[] = [];
  const f = data as CodingFile;
  if (!f || typeof f !== 'object' || f.format !== 'policy-lens-codings' || f.version !== 1) return ['not a Policy Lens codings file'];
  if (typeof f.source !== 'string') problems.push('no "source"');
  if (!Array.isArray(f.codings)) return [...problems, '"codings" is not a list'];
  f.codings.forEach((c, i) => {
    const at = `coding ${i + 1}`;
    if (!isGuid(c?.id)) problems.push(`${at}: "id" is not a GUID`);
    if (!isGuid(c?.code)) problems.push(`${at}: "code" is not a GUID`);
    const sel = c?.target?.selector;
    if (!Array.isArray(sel) || sel[0]?.type !== 'TextQuoteSelector' || typeof sel[0].exact !== 'string') {
      problems.push(`${at}: no TextQuoteSelector`);
    }
    if (!Array.isArray(sel) || sel[1]?.type !== 'TextPositionSelector' || !Number.isInteger(sel[1].start) || !Number.isInteger(sel[1].end)) {
      problems.push(`${at}: no TextPositionSelector`);
    }
  });
  return problems;
}

/**
 * Parses a codings file's text (`file` names it in messages). A broken file throws: a researcher's codings are
 * never silently dropped or overwritten.
 */
export function parseCodingFile(text: string, file: string): CodingFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: the codings file is not valid JSON (${(e as Error).message}).`);
  }
  const problems = validateCodingFile(data);
  if (problems.length) throw new Error(`${file}: ${problems.slice(0, 5).join('; ')}.`);
  for (const c of (data as CodingFile).codings) {
    c.target.selector[0].prefix ??= '';
    c.target.selector[0].suffix ??= '';
  }
  return data as CodingFile;
}

/** A codings file's text; `text` (the canonical text) records what the selectors were checked against. */
export function codingFileText(data: CodingFile, text?: string): string {
  const out: CodingFile = { ...data, ...(text !== undefined ? { textSha256: sha256Hex(text) } : {}) };
  return JSON.stringify(out, null, 2) + '\n';
}
