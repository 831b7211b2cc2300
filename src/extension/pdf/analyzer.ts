/**
 * The extension host's side of the PDF analysis worker (worker.ts): one worker thread, started on the first PDF
 * and stopped after a minute without work; a job that is superseded (the file changed again) is cancelled.
 * When the worker file is missing (it should not be), the job runs in the extension host's thread.
 * No `vscode` import: the benchmark drives it too.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { runPdfJob } from './worker';
import type { PdfJob, PdfJobReply } from './worker';

const IDLE_MS = 60_000;

/** The worker script next to the bundle (dist/pdf-worker.js) or next to this module (out/…/pdf/worker.js). */
export function pdfWorkerScript(dir = __dirname): string | undefined {
  return [path.join(dir, 'pdf-worker.js'), path.join(dir, 'worker.js')].find((c) => {
    try {
      return fs.statSync(c).isFile();
    } catch {
      return false;
    }
  });
}

export type JobInput = Omit<PdfJob, 'type' | 'id'>;

export interface JobHandle {
  readonly id: number;
  cancel(): void;
}

export class PdfAnalyzer {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly listeners = new Map<number, (r: PdfJobReply) => void>();
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(private readonly script: string | undefined = pdfWorkerScript()) {}

  /** Starts a job; `onReply` gets the preview (if any), then the final analysis or an error. */
  run(input: JobInput, onReply: (r: PdfJobReply) => void): JobHandle {
    const id = this.nextId++;
    const job: PdfJob = { type: 'job', id, ...input };
    const done = (r: PdfJobReply) => {
      if (r.phase !== 'preview') {
        this.listeners.delete(id);
        this.armIdle();
      }
      onReply(r);
    };
    this.listeners.set(id, done);
    let cancelled = false;
    const w = this.ensureWorker();
    if (w) {
      // The bytes are copied into the worker (the caller keeps its buffer for the webview).
      w.postMessage(job);
    } else {
      void runPdfJob(job, (r) => this.listeners.get(id)?.(r), () => cancelled);
    }
    return {
      id,
      cancel: () => {
        cancelled = true;
        this.listeners.delete(id);
        this.worker?.postMessage({ type: 'cancel', id });
        this.armIdle();
      },
    };
  }

  /** Resolves with the final reply (or the error) of a job; previews are ignored. */
  runToEnd(input: JobInput): Promise<PdfJobReply> {
    return new Promise((resolve) => this.run(input, (r) => r.phase !== 'preview' && resolve(r)));
  }

  get threadId(): number | undefined {
    return this.worker?.threadId;
  }

  private ensureWorker(): Worker | undefined {
    if (this.disposed || !this.script) return undefined;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    if (this.worker) return this.worker;
    const w = new Worker(this.script, { workerData: { policyLensPdfWorker: true } });
    w.unref();
    w.on('message', (r: PdfJobReply) => this.listeners.get(r.id)?.(r));
    const fail = (message: string) => {
      if (this.worker === w) this.worker = undefined;
      for (const [id, l] of [...this.listeners]) l({ id, phase: 'error', error: { code: 'analysis', message }, ms: 0 });
      this.listeners.clear();
    };
    w.on('error', (e) => fail(`The PDF analysis stopped: ${e.message}`));
    w.on('exit', (code) => {
      if (this.worker === w && code !== 0) fail(`The PDF analysis stopped (exit code ${code}).`);
      if (this.worker === w) this.worker = undefined;
    });
    this.worker = w;
    return w;
  }

  private armIdle(): void {
    if (this.listeners.size > 0 || !this.worker) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.listeners.size === 0 && this.worker) {
        const w = this.worker;
        this.worker = undefined;
        void w.terminate();
      }
    }, IDLE_MS);
    this.idleTimer.unref?.();
  }

  dispose(): void {
    this.disposed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.listeners.clear();
    const w = this.worker;
    this.worker = undefined;
    void w?.terminate();
  }
}
