/**
 * A worker thread that loads documents (the engine's `loadDocument`: extraction and analysis) for the concordance,
 * the thread and the REFI-QDA export. pdf.js cannot run on the extension host's thread (it sets globals the host
 * does not allow), and a long PDF would stall the host; here it runs as it does in the CLI.
 * Bundled as dist/load-worker.js (esbuild.js).
 */
import { parentPort } from 'worker_threads';
import { loadDocument } from '../../core/audit/document';
import type { Limits } from '../../core/limits';

export interface LoadRequest {
  id: number;
  file: string;
  language?: 'auto' | 'nb' | 'nn';
  limits?: Partial<Limits>;
  keepBytes?: boolean;
}

parentPort?.on('message', (m: LoadRequest) => {
  loadDocument(m.file, { language: m.language, limits: m.limits, keepBytes: m.keepBytes }).then(
    (doc) => parentPort!.postMessage({ id: m.id, ok: true, doc }),
    (e: Error) => parentPort!.postMessage({ id: m.id, ok: false, message: e.message, code: (e as { code?: string }).code }),
  );
});
