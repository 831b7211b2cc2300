/**
 * The document viewers' analysis worker in the browser (a Web Worker; bundled to dist/web/document-worker.js with
 * pdf.js inside it): the same jobs as the desktop's worker thread (../viewer/jobs.ts). pdf.js runs here with its
 * "fake worker" (its worker module is bundled in too) and `isEvalSupported: false`; it gets its standard fonts and
 * CMaps by asking the extension host for the files by name (`asset` messages, answered by ./workers.ts), because a
 * worker started from a blob cannot fetch the extension's own URLs.
 */
import { extractBuffer } from '../../core';
import { Extract, serveDocumentJobs } from '../viewer/jobs';
import { selfEndpoint } from './endpoint';

const endpoint = selfEndpoint();
let nextId = 1;
const waiting = new Map<number, { resolve(b: Uint8Array): void; reject(e: Error): void }>();

/** One of pdf.js' data files, from the host. */
function asset(kind: 'standardFontDataUrl' | 'cMapUrl', filename: string): Promise<Uint8Array> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    endpoint.postMessage({ type: 'asset', id, kind, filename });
  });
}

const jobs: { onMessage(l: (m: unknown) => void): void; postMessage(m: unknown, t?: ArrayBuffer[]): void } = {
  onMessage: (l) =>
    endpoint.onMessage((raw) => {
      const m = raw as { type?: string; id?: number; bytes?: Uint8Array; error?: string };
      if (m && m.type === 'asset' && typeof m.id === 'number') {
        const w = waiting.get(m.id);
        waiting.delete(m.id);
        if (m.bytes) w?.resolve(m.bytes);
        else w?.reject(new Error(m.error ?? 'no data'));
        return;
      }
      l(raw);
    }),
  postMessage: (m, t) => endpoint.postMessage(m, t),
};

const extract: Extract = (bytes, format, opts) => extractBuffer(bytes, format, { ...opts, pdfAssets: { fetch: asset } });

serveDocumentJobs(jobs, extract);
