/**
 * Loaded documents (analysed text + analysis) of the audited files, for the concordance, the thread and the
 * REFI-QDA export: the engine's `loadDocument`, kept while the file's modification time and size stay the same.
 * PDFs are loaded in a worker thread (./loadWorker.ts: pdf.js cannot run on the extension host's thread); text
 * and DOCX in the host.
 */
import { promises as fsp } from 'fs';
import { Worker } from 'worker_threads';
import { loadDocument, LoadedDocument } from '../../core/workspace';
import { readSettings } from '../settings';
import type { LoadRequest } from './loadWorker';

const cache = new Map<string, { mtime: number; size: number; doc: LoadedDocument }>();

let workerScript: string | undefined;
let worker: Worker | undefined;
let idle: ReturnType<typeof setTimeout> | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (d: LoadedDocument) => void; reject: (e: Error) => void }>();

/** Where dist/load-worker.js is (set by the extension). */
export function setLoadWorker(script: string): void {
  workerScript = script;
}

function stopWorker(): void {
  if (idle) clearTimeout(idle);
  idle = undefined;
  const w = worker;
  worker = undefined;
  void w?.terminate();
  for (const p of pending.values()) p.reject(new Error('The document loader stopped.'));
  pending.clear();
}

function inWorker(req: Omit<LoadRequest, 'id'>): Promise<LoadedDocument> {
  if (!workerScript) return loadDocument(req.file, req);
  if (!worker) {
    const w = new Worker(workerScript);
    worker = w;
    w.on('message', (m: { id: number; ok: boolean; doc?: LoadedDocument; message?: string }) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (m.ok) p.resolve(m.doc!);
      else p.reject(new Error(m.message));
      if (pending.size === 0) {
        if (idle) clearTimeout(idle);
        idle = setTimeout(stopWorker, 30_000);
      }
    });
    w.on('error', (e) => {
      for (const p of pending.values()) p.reject(e);
      pending.clear();
      if (worker === w) worker = undefined;
    });
    w.unref();
  }
  if (idle) clearTimeout(idle);
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker!.postMessage({ id, ...req });
  });
}

/** The document's text and analysis (and its bytes with `keepBytes`). */
export async function loaded(file: string, opts: { keepBytes?: boolean } = {}): Promise<LoadedDocument> {
  const st = await fsp.stat(file);
  const hit = cache.get(file);
  let doc: LoadedDocument;
  if (hit && hit.mtime === st.mtimeMs && hit.size === st.size) doc = hit.doc;
  else {
    const s = readSettings();
    doc = /\.pdf$/i.test(file)
      ? await inWorker({ file, language: s.language, limits: s.limits })
      : await loadDocument(file, { language: s.language, limits: s.limits });
    cache.set(file, { mtime: st.mtimeMs, size: st.size, doc });
  }
  if (opts.keepBytes && !doc.bytes) return { ...doc, bytes: new Uint8Array(await fsp.readFile(file)) };
  return doc;
}

export function disposeLoader(): void {
  stopWorker();
  cache.clear();
}
