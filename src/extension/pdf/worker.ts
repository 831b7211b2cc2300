/**
 * The PDF analysis worker (worker_threads), started by the extension host for the PDF viewer: it extracts the
 * PDF with the engine's extractor (pdf.js, `isEvalSupported: false`) and analyses it, off the extension host's
 * thread. pdf.js and the polyfills its legacy build installs stay in this thread, away from the extensions
 * that share the host.
 *
 * For a long document it first reads only the first pages (`previewPages`) and answers with their analysis,
 * so that the viewer can highlight the first page while the whole document is read; then it answers with the
 * whole document. Bundled by esbuild to dist/pdf-worker.js; tsc compiles it to out/src/extension/pdf/worker.js.
 *
 *   host → worker   { type: 'job', id, bytes, file, password?, lexicon?, language?, previewPages, generation, previewId, finalId }
 *                   { type: 'cancel', id }
 *   worker → host   { id, phase: 'preview' | 'final', analysis, payload, ms }  (payload's arrays transferred)
 *                   { id, phase: 'error', error: { code, message }, ms }
 */
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { parentPort } from 'worker_threads';
import { analyzeExtracted, extractBuffer, ExtractionError } from '../../core/node';
import type { AnalyzeOptions, DocumentAnalysis, Lexicon } from '../../core';
import { installDOMMatrix } from './domMatrix';
import { applyOutlineSections, buildPayload, payloadBuffers } from './payload';
import type { AnalysisPayload } from './protocol';

export interface PdfJob {
  type: 'job';
  id: number;
  bytes: Uint8Array;
  /** File name used in messages (the engine puts it in front of an error). */
  file: string;
  password?: string;
  lexicon?: Lexicon;
  language?: 'auto' | 'nb' | 'nn';
  /** Read this many pages first when the document is longer (0: no preview). */
  previewPages: number;
  generation: number;
  /** Ids for the preview's and the final analysis' payloads (`analysisId`). */
  previewId: number;
  finalId: number;
}

/**
 * pdf.js' fonts and CMaps: the copy next to the bundle (dist/pdf-viewer/pdfjs, the one the webview loads too; the
 * packaged extension has no node_modules), else the pdfjs-dist package's (the tsc build, tests).
 */
const BUNDLED_PDFJS = path.join(__dirname, 'pdf-viewer', 'pdfjs');
const pdfjsDir = fs.existsSync(path.join(BUNDLED_PDFJS, 'standard_fonts')) ? BUNDLED_PDFJS : undefined;

export type PdfJobReply =
  | { id: number; phase: 'preview' | 'final'; analysis: DocumentAnalysis; payload: AnalysisPayload; ms: number }
  | { id: number; phase: 'error'; error: { code: string; message: string }; ms: number };

/**
 * Runs a job, calling `reply` with the preview (when there is one) and then the final analysis or an error.
 * `cancelled()` is asked between the two. Never throws. Also used in-process when the worker file is missing.
 */
export async function runPdfJob(job: PdfJob, reply: (r: PdfJobReply, transfer: ArrayBuffer[]) => void, cancelled: () => boolean): Promise<void> {
  const t0 = performance.now();
  const opts: AnalyzeOptions = { file: job.file };
  if (job.lexicon) opts.lexicon = job.lexicon;
  if (job.language && job.language !== 'auto') opts.language = job.language;
  const answer = (phase: 'preview' | 'final', doc: Awaited<ReturnType<typeof extractBuffer>>, analysis: DocumentAnalysis) => {
    const from = applyOutlineSections(doc, analysis);
    const payload = buildPayload(doc, analysis, job.generation, phase === 'preview' ? job.previewId : job.finalId, phase, from);
    reply({ id: job.id, phase, analysis, payload, ms: performance.now() - t0 }, payloadBuffers(payload));
  };
  try {
    if (job.previewPages > 0) {
      try {
        const doc = await extractBuffer(job.bytes, 'pdf', { file: job.file, password: job.password, maxPages: job.previewPages, pdfjsDir });
        if (doc.pages > doc.pageSpans.length && !cancelled()) answer('preview', doc, analyzeExtracted(doc, opts));
        else if (doc.pages <= doc.pageSpans.length) {
          // A short document: the preview is the whole document.
          answer('final', doc, analyzeExtracted(doc, opts));
          return;
        }
      } catch (e) {
        // A password problem is final; anything else (e.g. no text on the first pages) is decided by the full read.
        if (e instanceof ExtractionError && (e.code === 'password' || e.code === 'encrypted' || e.code === 'unsupported')) throw e;
      }
    }
    if (cancelled()) return;
    const doc = await extractBuffer(job.bytes, 'pdf', { file: job.file, password: job.password, pdfjsDir });
    if (cancelled()) return;
    answer('final', doc, analyzeExtracted(doc, opts));
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    const code = e instanceof ExtractionError ? e.code : 'analysis';
    reply({ id: job.id, phase: 'error', error: { code, message: err.message || err.name }, ms: performance.now() - t0 }, []);
  }
}

if (parentPort) {
  // pdf.js needs a DOMMatrix when it loads; the packaged extension has no @napi-rs/canvas to give one.
  installDOMMatrix();
  const port = parentPort;
  const cancelledIds = new Set<number>();
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (m: PdfJob | { type: 'cancel'; id: number }) => {
    if (m.type === 'cancel') {
      cancelledIds.add(m.id);
      return;
    }
    queue = queue.then(async () => {
      if (cancelledIds.has(m.id)) {
        cancelledIds.delete(m.id);
        return;
      }
      await runPdfJob(m, (r, transfer) => port.postMessage(r, transfer), () => cancelledIds.has(m.id));
      cancelledIds.delete(m.id);
    });
  });
}
