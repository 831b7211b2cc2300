/**
 * The extension host's side of the document viewers' analysis worker (./jobs.ts): one worker, started on the first
 * document and stopped after a minute without work; a job that is superseded (the file changed again) is
 * cancelled. When no worker can be started, the job runs on the extension host's thread (`inProcess`), which never
 * happens in the shipped extension. No `vscode` import, no Node built-ins: the desktop gives a worker-thread
 * factory, the web extension a Web Worker one; the benchmark drives it too.
 */
import type { WorkerFactory, WorkerPort } from '../workers/port';
import type { DocumentJob, JobReply } from './jobs';

const IDLE_MS = 60_000;

export type JobInput = Omit<DocumentJob, 'type' | 'id'>;

export interface JobHandle {
  readonly id: number;
  cancel(): void;
}

export class DocumentAnalyzer {
  private worker: WorkerPort | undefined;
  private nextId = 1;
  private readonly listeners = new Map<number, (r: JobReply) => void>();
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  /** Workers started so far. */
  started = 0;

  constructor(
    private readonly workers: WorkerFactory | undefined,
    /** Runs a job here when no worker can be started (tests; a broken install). */
    private readonly inProcess?: (job: DocumentJob, reply: (r: JobReply) => void, cancelled: () => boolean) => Promise<void>,
  ) {}

  /** Starts a job; `onReply` gets the preview (if any), then the final analysis or an error. */
  run(input: JobInput, onReply: (r: JobReply) => void): JobHandle {
    const id = this.nextId++;
    const job: DocumentJob = { type: 'job', id, ...input };
    const done = (r: JobReply) => {
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
    } else if (this.inProcess) {
      void this.inProcess(job, (r) => this.listeners.get(id)?.(r), () => cancelled);
    } else {
      queueMicrotask(() => done({ id, phase: 'error', error: { code: 'analysis', message: 'The document analysis cannot run here.' }, ms: 0 }));
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
  runToEnd(input: JobInput): Promise<JobReply> {
    return new Promise((resolve) => this.run(input, (r) => r.phase !== 'preview' && resolve(r)));
  }

  private ensureWorker(): WorkerPort | undefined {
    if (this.disposed || !this.workers) return undefined;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    if (this.worker) return this.worker;
    let w: WorkerPort;
    try {
      w = this.workers();
    } catch {
      return undefined;
    }
    this.started++;
    w.unref?.();
    w.onMessage((raw) => {
      const r = raw as JobReply;
      this.listeners.get(r.id)?.(r);
    });
    w.onExit((e) => {
      if (this.worker !== w) return;
      this.worker = undefined;
      for (const [id, l] of [...this.listeners]) l({ id, phase: 'error', error: { code: 'analysis', message: `The document analysis stopped: ${e.message}` }, ms: 0 });
      this.listeners.clear();
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
        w.terminate();
      }
    }, IDLE_MS);
    (this.idleTimer as { unref?: () => void }).unref?.();
  }

  dispose(): void {
    this.disposed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.listeners.clear();
    const w = this.worker;
    this.worker = undefined;
    w?.terminate();
  }
}
