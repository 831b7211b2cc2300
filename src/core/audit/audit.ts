/**
 * Workspace audit: analyse many documents in worker threads, with a cache keyed by the SHA-256 of each
 * file's bytes plus the engine and lexicon fingerprints, progress reports and cancellation. One document
 * that cannot be read or analysed gives an error entry; it never stops the run.
 *
 * The main thread reads and hashes the files (a few ahead of the workers), answers what it can from the
 * cache, and transfers the bytes of the rest to the workers, so a file is read once and the row always
 * belongs to the bytes that were hashed.
 */
import { promises as fsp } from 'fs';
import { checkFileSize, formatOf } from '../extract';
import { limitsOf } from '../limits';
import type { Limits } from '../limits';
import { loadLexicon } from '../lexicon/file';
import type { Lexicon } from '../lexicon';
import { AuditCache } from './cache';
import { nodeOs } from './builtins';
import { sha256 } from './cache';
import { resolveWorkerScript, WorkerPool } from './pool';
import type { AuditRow } from './row';
import { engineFingerprint, lexiconFingerprint } from './version';
import { lexiconFor, runJob } from './job';
import type { AuditLanguage, WorkerJob, WorkerReply } from './job';

export interface AuditOptions {
  /** Folder of the cache (one JSON file per document). No cache when absent. */
  cacheDir?: string;
  /** Worker threads; default `os.availableParallelism()` (at least 2). 0 analyses in the calling thread. */
  workers?: number;
  onProgress?: (p: AuditProgress) => void;
  /** Cancels the run: workers are stopped and the promise rejects with the signal's reason (an AbortError). */
  signal?: AbortSignal;
  /** The user's lexicon files (JSON), added to the built-in lexicon as `loadLexicon` does. */
  lexiconFiles?: string[];
  /** Written standard (AnalyzeOptions.language): `auto` (default) detects it per document. */
  language?: AuditLanguage;
  /** A document taking longer than this (ms) is stopped and reported; default 120 000, 0 = no limit. */
  timeoutMs?: number;
  /** Larger files are refused (default 200 MB, as `extractFile`; older name of `limits.fileMB`). */
  maxBytes?: number;
  /** Resource limits (limits.ts), as for `extractFile`: checked before each file is read, and in the workers. */
  limits?: Partial<Limits>;
  /** The worker script; default: found next to this module (see `resolveWorkerScript`). */
  workerScript?: string;
}

export type AuditStatus = 'cached' | 'analysed' | 'failed';

export interface AuditProgress {
  /** Documents finished so far (this one included). */
  done: number;
  total: number;
  file: string;
  status: AuditStatus;
  /** True when the result (row or failure) came from the cache. */
  fromCache: boolean;
}

export interface AuditFailure {
  message: string;
  /** ExtractionError codes (encrypted, password, corrupt, no-text, unsupported, too-large, io), or analysis,
   *  worker-crash, timeout. */
  code: string;
}

export interface AuditEntry {
  file: string;
  status: AuditStatus;
  fromCache: boolean;
  row?: AuditRow;
  error?: AuditFailure;
  /** Wall time spent on this document (reading, hashing, and the analysis or cache lookup). */
  ms: number;
  sha256?: string;
}

export interface AuditStats {
  total: number;
  /** Documents analysed by the engine in this run. */
  analysed: number;
  /** Documents answered from the cache (rows and cached failures). */
  cached: number;
  failed: number;
  /** Cache files that could not be used (not JSON, wrong shape) and were rewritten. */
  corruptCacheEntries: number;
  /** Worker threads allowed; 0 when the analysis ran in the calling thread. */
  workers: number;
  /** Worker threads actually started (0 when everything came from the cache). */
  workersStarted: number;
  /** Documents analysed per worker (in-process: one element). */
  perWorker: number[];
  /** Milliseconds each worker spent analysing; busy / wall time near 1 for every worker means all were kept busy. */
  busyMs: number[];
  ms: number;
}

export interface AuditResult {
  /** One entry per input path, in input order. */
  entries: AuditEntry[];
  /** The rows of the documents that could be analysed, in input order. */
  rows: AuditRow[];
  stats: AuditStats;
  /** Problems with the user's lexicon files (`FILE:LINE:COL: message`); valid entries are still used. */
  lexiconErrors: string[];
  /** Problems with the run itself (no worker script, a cache folder that cannot be written …). */
  warnings: string[];
}

/** Failure codes that depend only on the file's bytes, so the failure may be cached. */
const CACHEABLE_FAILURES = new Set(['encrypted', 'password', 'corrupt', 'no-text', 'unsupported']);

export function defaultWorkers(): number {
  const os = nodeOs();
  const n = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(2, n || 2);
}

function abortError(signal: AbortSignal): Error {
  const r: unknown = signal.reason;
  if (r instanceof Error) return r;
  const e = new Error('The audit was cancelled.');
  e.name = 'AbortError';
  return e;
}

/** Audits documents. Resolves with one entry per path; rejects only when cancelled. */
export async function auditFiles(paths: readonly string[], opts: AuditOptions = {}): Promise<AuditResult> {
  const t0 = Date.now();
  const signal = opts.signal;
  if (signal?.aborted) throw abortError(signal);
  const warnings: string[] = [];
  const lexiconFiles = [...(opts.lexiconFiles ?? [])];
  let lexicon: Lexicon;
  const lexiconErrors: string[] = [];
  if (lexiconFiles.length) {
    const res = loadLexicon(lexiconFiles);
    lexicon = res.lexicon;
    for (const e of res.errors) lexiconErrors.push(e.toString());
  } else {
    lexicon = lexiconFor([]);
  }

  let workers = opts.workers ?? defaultWorkers();
  const script = workers > 0 ? (opts.workerScript ?? resolveWorkerScript()) : undefined;
  if (workers > 0 && !script) {
    warnings.push('The audit worker script (worker.js / audit-worker.js) was not found; analysing in the main thread.');
    workers = 0;
  }
  const language = opts.language ?? 'auto';
  const cache = opts.cacheDir
    ? new AuditCache(opts.cacheDir, engineFingerprint(script), `${lexiconFingerprint(lexicon)}:${language}`)
    : undefined;
  const limits = limitsOf(opts);
  const pool = workers > 0 && script ? new WorkerPool(script, workers, lexiconFiles, opts.timeoutMs ?? 120_000, language, limits) : undefined;

  const total = paths.length;
  const entries: AuditEntry[] = new Array(total);
  const stats: AuditStats = {
    total,
    analysed: 0,
    cached: 0,
    failed: 0,
    corruptCacheEntries: 0,
    workers,
    workersStarted: 0,
    perWorker: workers > 0 ? new Array(workers).fill(0) : [0],
    busyMs: workers > 0 ? new Array(workers).fill(0) : [0],
    ms: 0,
  };
  let done = 0;
  let cacheWriteWarned = false;
  const onAbort = () => void pool?.close();
  signal?.addEventListener('abort', onAbort, { once: true });

  const analyse = (job: WorkerJob): Promise<WorkerReply> => (pool ? pool.run(job) : runJob(job, lexicon, language, limits));

  const one = async (index: number): Promise<AuditEntry> => {
    const file = paths[index];
    const started = Date.now();
    const fail = (error: AuditFailure, fromCache = false, hash?: string): AuditEntry => ({
      file,
      status: 'failed',
      fromCache,
      error,
      ms: Date.now() - started,
      sha256: hash,
    });
    const format = formatOf(file);
    if (!format) {
      return fail({ message: `${file}: not a supported document type (use .pdf, .docx, .md or .txt).`, code: 'unsupported' });
    }
    let bytes: Buffer;
    try {
      const st = await fsp.stat(file);
      if (!st.isFile()) return fail({ message: `${file}: not a file.`, code: 'io' });
      try {
        checkFileSize(file, format, st.size, limits);
      } catch (e) {
        return fail({ message: (e as Error).message, code: 'too-large' });
      }
      bytes = await fsp.readFile(file);
    } catch (e) {
      return fail({ message: `${file}: cannot be read (${(e as Error).message}).`, code: 'io' });
    }
    const hash = sha256(bytes);
    if (cache) {
      const hit = await cache.lookup(file, hash);
      if (hit.kind === 'hit') {
        const { row, failure } = hit.entry;
        if (row) return { file, status: 'cached', fromCache: true, row: { ...row, file }, ms: Date.now() - started, sha256: hash };
        return fail(failure!, true, hash);
      }
      if (hit.kind === 'corrupt') stats.corruptCacheEntries++;
    }
    if (signal?.aborted) throw abortError(signal);
    const size = bytes.byteLength;
    const reply = await analyse({ id: index, file, format, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    if (signal?.aborted) throw abortError(signal);
    if (reply.ok) {
      stats.analysed++;
      if (!pool) {
        stats.perWorker[0]++;
        stats.busyMs[0] += reply.ms;
      }
      if (cache) {
        await cache.store(file, hash, size, { row: reply.row }).catch((e: Error) => {
          if (!cacheWriteWarned) warnings.push(`The audit cache ${cache.dir} cannot be written (${e.message}).`);
          cacheWriteWarned = true;
        });
      }
      return { file, status: 'analysed', fromCache: false, row: reply.row, ms: Date.now() - started, sha256: hash };
    }
    const error = { message: reply.error.message, code: reply.error.code };
    if (cache && CACHEABLE_FAILURES.has(error.code)) {
      await cache.store(file, hash, size, { failure: error }).catch(() => undefined);
    }
    return fail(error, false, hash);
  };

  // A few documents ahead of the workers: reading and hashing overlap with the analysis.
  const lanes = Math.max(1, workers) + 2;
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: Math.min(lanes, total) }, async () => {
        while (next < total) {
          if (signal?.aborted) throw abortError(signal);
          const i = next++;
          const entry = await one(i);
          entries[i] = entry;
          if (entry.status === 'cached') stats.cached++;
          else if (entry.status === 'failed') {
            stats.failed++;
            if (entry.fromCache) stats.cached++;
          }
          done++;
          opts.onProgress?.({ done, total, file: entry.file, status: entry.status, fromCache: entry.fromCache });
        }
      }),
    );
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (pool) {
      await pool.close();
      stats.workersStarted = pool.stats.started;
      stats.perWorker = pool.stats.perSlot;
      stats.busyMs = pool.stats.busyMs.map((ms) => Math.round(ms));
    }
  }
  stats.ms = Date.now() - t0;
  return {
    entries,
    rows: entries.filter((e) => e.row).map((e) => e.row!),
    stats,
    lexiconErrors,
    warnings,
  };
}
