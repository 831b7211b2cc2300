/**
 * The document viewers' analysis jobs, as the analysis worker runs them (../workers/documentWorker*.ts, a worker
 * thread on the desktop, a Web Worker in the browser): the engine's extraction of the file's bytes and its
 * analysis, off the extension host's thread, answered in one or two steps —
 *
 *   PDF   a long document's first pages first (`preview`, highlighted while the rest is read), then the whole;
 *   DOCX  the text and its layout as soon as they are read (`preview`, no findings: the document can be read while
 *         it is analysed), then the analysis;
 *   text  (Markdown, plain text: coding's export and agreement load closed documents here too) the analysis.
 *
 * No `vscode`, no Node built-ins: the extraction (`extract`) is given by the worker, which knows where pdf.js'
 * fonts are. Messages:
 *
 *   host → worker   { type: 'job', id, format, bytes, file, password?, lexicon?, language?, limits?, previewPages, generation, previewId, finalId }
 *                   { type: 'cancel', id }
 *   worker → host   { id, phase: 'preview' | 'final', analysis?, payload, ms }  (payload's arrays transferred)
 *                   { id, phase: 'error', error: { code, message }, ms }
 */
import { analyzeExtracted, ExtractionError } from '../../core';
import type { AnalyzeOptions, DocumentAnalysis, ExtractedDocument, Lexicon, Limits } from '../../core';
import { buildDocxPayload } from '../docx/payload';
import { applyOutlineSections, buildPayload, payloadBuffers } from '../pdf/payload';
import { basePayload, findingBuffers } from './payload';
import type { BasePayload } from './protocol';

export type DocumentFormat = 'pdf' | 'docx' | 'txt' | 'md';

export interface DocumentJob {
  type: 'job';
  id: number;
  format: DocumentFormat;
  bytes: Uint8Array;
  /** File name used in messages (the engine puts it in front of an error). */
  file: string;
  password?: string;
  lexicon?: Lexicon;
  language?: 'auto' | 'nb' | 'nn';
  /** Resource limits (policyLens.limits.*): file and text size, PDF pages, the DOCX archive's sizes. */
  limits?: Partial<Limits>;
  /** PDF: read this many pages first when the document is longer (0: no preview). */
  previewPages: number;
  generation: number;
  /** Ids for the preview's and the final analysis' payloads (`analysisId`). */
  previewId: number;
  finalId: number;
}

export type JobReply<P extends BasePayload = BasePayload> =
  | { id: number; phase: 'preview' | 'final'; analysis?: DocumentAnalysis; payload: P; ms: number }
  | { id: number; phase: 'error'; error: { code: string; message: string }; ms: number };

/** The engine's extraction of bytes, as the worker can do it (PDF: with pdf.js' fonts from where it has them). */
export type Extract = (
  bytes: Uint8Array,
  format: DocumentFormat,
  opts: { file: string; password?: string; maxPages?: number; limits?: Partial<Limits> },
) => Promise<ExtractedDocument>;

/**
 * Runs a job, calling `reply` with the preview (when there is one) and then the final analysis or an error.
 * `cancelled()` is asked between the steps. Never throws. Also used in-process when no worker can be started.
 */
export async function runDocumentJob(job: DocumentJob, extract: Extract, reply: (r: JobReply, transfer: ArrayBuffer[]) => void, cancelled: () => boolean): Promise<void> {
  const t0 = performance.now();
  const opts: AnalyzeOptions = { file: job.file, limits: job.limits };
  if (job.lexicon) opts.lexicon = job.lexicon;
  if (job.language && job.language !== 'auto') opts.language = job.language;
  try {
    if (job.format === 'docx') await runDocx(job, extract, opts, reply, cancelled, t0);
    else if (job.format === 'pdf') await runPdf(job, extract, opts, reply, cancelled, t0);
    else {
      const doc = await extract(job.bytes, job.format, { file: job.file, limits: job.limits });
      if (cancelled()) return;
      const analysis = analyzeExtracted(doc, opts);
      const payload = basePayload(doc, analysis, job.generation, job.finalId, 'final');
      reply({ id: job.id, phase: 'final', analysis, payload, ms: performance.now() - t0 }, findingBuffers(payload));
    }
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    const code = e instanceof ExtractionError ? e.code : 'analysis';
    reply({ id: job.id, phase: 'error', error: { code, message: err.message || err.name }, ms: performance.now() - t0 }, []);
  }
}

async function runPdf(job: DocumentJob, extract: Extract, opts: AnalyzeOptions, reply: (r: JobReply, t: ArrayBuffer[]) => void, cancelled: () => boolean, t0: number): Promise<void> {
  const answer = (phase: 'preview' | 'final', doc: ExtractedDocument, analysis: DocumentAnalysis) => {
    const from = applyOutlineSections(doc, analysis);
    const payload = buildPayload(doc, analysis, job.generation, phase === 'preview' ? job.previewId : job.finalId, phase, from);
    reply({ id: job.id, phase, analysis, payload, ms: performance.now() - t0 }, payloadBuffers(payload));
  };
  if (job.previewPages > 0) {
    try {
      const doc = await extract(job.bytes, 'pdf', { file: job.file, password: job.password, maxPages: job.previewPages, limits: job.limits });
      if (doc.pages > doc.pageSpans.length && !cancelled()) answer('preview', doc, analyzeExtracted(doc, opts));
      else if (doc.pages <= doc.pageSpans.length) {
        // A short document: the preview is the whole document.
        answer('final', doc, analyzeExtracted(doc, opts));
        return;
      }
    } catch (e) {
      // A password problem is final; anything else (e.g. no text on the first pages) is decided by the full read.
      // So is a limit (the page count is checked before any page is read).
      if (e instanceof ExtractionError && (e.code === 'password' || e.code === 'encrypted' || e.code === 'unsupported' || e.code === 'too-large')) throw e;
    }
  }
  if (cancelled()) return;
  const doc = await extract(job.bytes, 'pdf', { file: job.file, password: job.password, limits: job.limits });
  if (cancelled()) return;
  answer('final', doc, analyzeExtracted(doc, opts));
}

async function runDocx(job: DocumentJob, extract: Extract, opts: AnalyzeOptions, reply: (r: JobReply, t: ArrayBuffer[]) => void, cancelled: () => boolean, t0: number): Promise<void> {
  const doc = await extract(job.bytes, 'docx', { file: job.file, limits: job.limits });
  if (cancelled()) return;
  if (!doc.text.trim()) throw new ExtractionError(`${job.file} contains no text.`, 'no-text', job.file);
  const preview = buildDocxPayload(doc, undefined, job.generation, job.previewId, 'preview');
  reply({ id: job.id, phase: 'preview', payload: preview, ms: performance.now() - t0 }, findingBuffers(preview));
  const analysis = analyzeExtracted(doc, opts);
  if (cancelled()) return;
  const payload = buildDocxPayload(doc, analysis, job.generation, job.finalId, 'final');
  reply({ id: job.id, phase: 'final', analysis, payload, ms: performance.now() - t0 }, findingBuffers(payload));
}

/** The worker's side: runs the jobs one after the other; a cancelled job is skipped or stopped between steps. */
export function serveDocumentJobs(endpoint: { onMessage(l: (m: unknown) => void): void; postMessage(m: unknown, t?: ArrayBuffer[]): void }, extract: Extract): void {
  const cancelledIds = new Set<number>();
  let queue: Promise<void> = Promise.resolve();
  endpoint.onMessage((raw) => {
    const m = raw as DocumentJob | { type: 'cancel'; id: number };
    if (m.type === 'cancel') {
      cancelledIds.add(m.id);
      return;
    }
    if (m.type !== 'job') return;
    queue = queue.then(async () => {
      if (cancelledIds.has(m.id)) {
        cancelledIds.delete(m.id);
        return;
      }
      await runDocumentJob(m, extract, (r, transfer) => endpoint.postMessage(r, transfer), () => cancelledIds.has(m.id));
      cancelledIds.delete(m.id);
    });
  });
}
