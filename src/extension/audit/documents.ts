/**
 * Loaded documents (analysed text + analysis) of the audited files, for the concordance and the thread: the
 * engine's `loadDocument`, kept while the file's modification time and size stay the same.
 */
import { promises as fsp } from 'fs';
import { loadDocument, LoadedDocument } from '../../core/workspace';
import { readSettings } from '../settings';

const cache = new Map<string, { mtime: number; size: number; doc: LoadedDocument }>();

export async function loaded(file: string): Promise<LoadedDocument> {
  const st = await fsp.stat(file);
  const hit = cache.get(file);
  if (hit && hit.mtime === st.mtimeMs && hit.size === st.size) return hit.doc;
  const s = readSettings();
  const doc = await loadDocument(file, { language: s.language });
  cache.set(file, { mtime: st.mtimeMs, size: st.size, doc });
  return doc;
}

export function forgetLoaded(): void {
  cache.clear();
}
