/**
 * One audit job: extract and analyse a document from its bytes into the compact audit row, in a worker thread
 * (worker.ts) or in the calling thread (audit.ts with no workers). No thread API here, so that the main thread loads
 * worker_threads only when it starts a pool.
 *
 *   main → worker   { id, file, format, bytes }            (bytes transferred, not copied)
 *   worker → main   { id, ok: true, row, ms } | { id, ok: false, error: { message, code, name }, ms }
 */
import { analyzeExtracted } from '../analyze';
import { extractBuffer } from '../extract/file';
import { builtinLexicon, Lexicon } from '../lexicon';
import { loadLexicon } from '../lexicon/file';
import type { SourceFormat } from '../types';
import type { Limits } from '../limits';
import { auditRow, AuditRow } from './row';

export interface WorkerJob {
  id: number;
  file: string;
  format: SourceFormat;
  bytes: Uint8Array;
}

export type WorkerReply =
  | { id: number; ok: true; row: AuditRow; ms: number }
  | { id: number; ok: false; error: { message: string; code: string; name: string }; ms: number };

export type AuditLanguage = 'auto' | 'nb' | 'nn';

export interface WorkerInit {
  policyLensAuditWorker: true;
  lexiconFiles: string[];
  language?: AuditLanguage;
  /** Resource limits (limits.ts) for extraction and analysis. */
  limits?: Partial<Limits>;
}

/** Analyses one job; never throws (failures become error replies). Used by the worker and in-process. */
export async function runJob(
  job: WorkerJob,
  lexicon: Lexicon,
  language: AuditLanguage = 'auto',
  limits?: Partial<Limits>,
): Promise<WorkerReply> {
  const t0 = performance.now();
  try {
    const doc = await extractBuffer(job.bytes, job.format, { file: job.file, limits });
    const analysis = analyzeExtracted(doc, { lexicon, file: job.file, language, limits });
    return { id: job.id, ok: true, row: auditRow(job.file, analysis), ms: performance.now() - t0 };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    const rawCode = (err as Error & { code?: unknown }).code;
    const code = typeof rawCode === 'string' ? rawCode : 'analysis';
    return { id: job.id, ok: false, error: { message: err.message || err.name, code, name: err.name }, ms: performance.now() - t0 };
  }
}

/** The lexicon for a list of user files (the built-in one when there are none; invalid entries skipped). */
export function lexiconFor(files: readonly string[]): Lexicon {
  return files.length ? loadLexicon([...files]).lexicon : builtinLexicon();
}
