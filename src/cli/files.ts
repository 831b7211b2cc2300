/** Finds the documents named on the command line (files, or folders searched recursively). */
import { promises as fs } from 'fs';
import * as path from 'path';
import { formatOf } from '../core/node';

/** Files that describe a folder rather than belong to it; skipped inside folders, read when named. */
const FOLDER_METADATA = /^(readme|sources|license|licence|changelog|contributing)(\.[a-z]+)?$/i;

export interface CollectResult {
  /** Documents to analyse, sorted by path (code-unit order, so the order does not depend on the locale). */
  files: string[];
  /** One-line problems with the given paths (missing, unreadable, a folder without documents). */
  problems: string[];
}

function skipDir(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

function isDocument(name: string): boolean {
  return formatOf(name) !== undefined && !name.startsWith('~$') && !name.startsWith('.') && !FOLDER_METADATA.test(name);
}

async function walk(dir: string, out: string[], problems: string[]): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    problems.push(`${dir}: cannot read folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
    return;
  }
  for (const ent of entries) {
    const p = path.join(dir, ent.name);
    if (ent.isDirectory()) {
      if (!skipDir(ent.name)) await walk(p, out, problems);
    } else if (ent.isFile()) {
      if (isDocument(ent.name)) out.push(p);
    } else if (ent.isSymbolicLink() && isDocument(ent.name)) {
      // Follow links to files only (links to folders could loop).
      try {
        if ((await fs.stat(p)).isFile()) out.push(p);
      } catch {
        problems.push(`${p}: broken link.`);
      }
    }
  }
}

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export async function collectDocuments(paths: readonly string[]): Promise<CollectResult> {
  const found: string[] = [];
  const problems: string[] = [];
  for (const p of paths) {
    let stat;
    try {
      stat = await fs.stat(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      problems.push(`${p}: ${code === 'ENOENT' ? 'no such file or folder' : `cannot be read (${code ?? (e as Error).message})`}.`);
      continue;
    }
    if (stat.isDirectory()) {
      const before = found.length;
      await walk(p, found, problems);
      if (found.length === before) problems.push(`${p}: no .pdf, .docx, .md, .markdown or .txt documents in this folder.`);
    } else {
      // A file named explicitly is always attempted; an unsupported type is reported by the engine.
      found.push(path.normalize(p));
    }
  }
  const seen = new Set<string>();
  const files: string[] = [];
  for (const f of found) {
    const key = path.resolve(f);
    if (seen.has(key)) continue;
    seen.add(key);
    files.push(f);
  }
  files.sort(byPath);
  return { files, problems };
}
