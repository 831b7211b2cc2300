/**
 * Codings and codebooks on disk, for Node adapters (the CLI, the desktop extension's audit-side tools): reading and
 * atomic writing by file path. The formats themselves are ./codings.ts and ./codebook.ts, which have no file access
 * (the extension reads and writes the same text through `vscode.workspace.fs`, on the web too).
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import { writeFileAtomic } from '../audit/cache';
import { Codebook, codebookText, parseCodebook } from './codebook';
import { CodingFile, codingFileName, codingFileText, emptyCodingFile, parseCodingFile, POLICYLENS_DIR } from './codings';

/** `<root>/.policylens/codings/<encoded relative path>.json` of a document. */
export function codingFilePath(root: string, document: string): string {
  return path.join(root, POLICYLENS_DIR, 'codings', codingFileName(relativeSource(root, document)) + '.json');
}

/** The document's path relative to `root`, with forward slashes. */
export function relativeSource(root: string, document: string): string {
  return path.relative(path.resolve(root), path.resolve(document)).split(path.sep).join('/');
}

/**
 * Reads a codings file. A missing file is an empty one; a broken file throws (a researcher's codings are
 * never silently dropped or overwritten).
 */
export async function readCodingFile(file: string, source = ''): Promise<CodingFile> {
  let text: string;
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return emptyCodingFile(source);
    throw new Error(`${file}: cannot read the codings (${(e as Error).message}).`);
  }
  return parseCodingFile(text, file);
}

/** Writes a codings file atomically; `text` (the canonical text) records what the selectors were checked against. */
export async function writeCodingFile(file: string, data: CodingFile, text?: string): Promise<void> {
  await writeFileAtomic(file, codingFileText(data, text));
}

/**
 * Finds the stored codings of a document: looks for `.policylens/codings/<name>.json` in the document's
 * folder and its ancestors, up to and including `stopAt` (default: the document's folder only).
 */
export async function findCodingFile(document: string, stopAt?: string): Promise<{ file: string; root: string } | undefined> {
  let dir = path.dirname(path.resolve(document));
  const stop = path.resolve(stopAt ?? dir);
  for (;;) {
    const file = codingFilePath(dir, document);
    try {
      if ((await fsp.stat(file)).isFile()) return { file, root: dir };
    } catch {
      // not here
    }
    if (dir === stop || !dir.startsWith(stop) || path.dirname(dir) === dir) return undefined;
    dir = path.dirname(dir);
  }
}

/** Reads a codebook saved by `saveCodebook` (throws with the file name when it is broken). */
export async function loadCodebook(file: string): Promise<Codebook> {
  let text: string;
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch (e) {
    throw new Error(`${file}: cannot read the codebook (${(e as Error).message}).`);
  }
  return parseCodebook(text, file);
}

/** Writes a codebook atomically (pretty JSON, LF). */
export async function saveCodebook(file: string, cb: Codebook): Promise<void> {
  await writeFileAtomic(file, codebookText(cb));
}
