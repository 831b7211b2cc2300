/**
 * The extension host's side of the analysis worker (./analysisWorker.ts: a worker thread on the desktop; the web
 * extension's ../web/analysisWorker.ts, a Web Worker). No `vscode` import, no Node built-ins: the worker comes from
 * a factory (../workers/port.ts), and the benchmark (scripts/bench.ts, case `incremental`) drives this same client.
 *
 *  - One job runs in the worker at a time; further requests wait here. A newer request for a document replaces
 *    its waiting one (the older promise rejects with CancelledError), so a burst of edits costs one analysis.
 *  - A newer request never interrupts the running job of the same document: that run fills the block cache the
 *    next (incremental) one reuses. `cancel()` drops a waiting job; a running one is dropped when it ends, or —
 *    when it has already run for `terminateAfterMs` — the worker is terminated and started again (caches lost).
 *  - If the worker dies, its job fails and the next request starts a new worker. If no worker can be started at
 *    all (no workers here, script missing), the jobs run in-process, same code (./runner.ts).
 */
import type { DocumentAnalysis, Lexicon } from '../../core';
import { unpackAnalysis } from './pack';
import type { WorkerFactory, WorkerPort } from '../workers/port';
import type { AnalyzeRequestOptions, FromWorker, ToWorker, WorkerResult } from './protocol';
import { AnalysisRunner } from './runner';

export class CancelledError extends Error {
  constructor() {
    super('analysis cancelled');
    this.name = 'CancelledError';
  }
}

export interface AnalysisJob {
  readonly promise: Promise<WorkerResult>;
  /** Drops the job (its promise rejects with CancelledError). */
  cancel(): void;
  /** True while the worker runs it (false while it waits). */
  readonly running: boolean;
}

interface Job {
  id: number;
  key: string;
  text: string;
  options: AnalyzeRequestOptions;
  resolve(r: WorkerResult): void;
  reject(e: Error): void;
  cancelled: boolean;
  startedAt?: number;
}

export interface ClientOptions {
  /** A running job cancelled after this long terminates the worker (default 250 ms). */
  terminateAfterMs?: number;
  /** Told when the client falls back to in-process analysis, or a worker dies. */
  log?: (message: string) => void;
}

export class AnalysisWorkerClient {
  private worker: WorkerPort | undefined;
  private inProcess: AnalysisRunner | undefined;
  private running: Job | undefined;
  private readonly waiting: Job[] = [];
  private nextId = 1;
  private lexiconMessage: ToWorker = { type: 'lexicon', version: 0 };
  private disposed = false;
  /** Workers started so far (the first one included). */
  spawned = 0;

  /** Where the jobs run: in a worker thread, in-process (no worker could start), or nowhere yet. */
  get mode(): 'worker' | 'in-process' | 'none' {
    return this.inProcess ? 'in-process' : this.spawned > 0 ? 'worker' : 'none';
  }

  constructor(
    private readonly workers: WorkerFactory,
    private readonly opts: ClientOptions = {},
  ) {}

  /** The lexicon of every later analysis (undefined: the built-in one). Block caches are dropped. */
  setLexicon(lexicon: Lexicon | undefined, version: number): void {
    this.lexiconMessage = lexicon ? { type: 'lexicon', version, lexicon } : { type: 'lexicon', version };
    this.post(this.lexiconMessage, false);
  }

  /** Forgets a document's block cache (it was closed). Its waiting job, if any, is cancelled. */
  forget(key: string): void {
    for (const j of this.waiting.filter((w) => w.key === key)) this.drop(j);
    this.post({ type: 'forget', key }, false);
  }

  analyze(key: string, text: string, options: AnalyzeRequestOptions): AnalysisJob {
    let resolve!: (r: WorkerResult) => void;
    let reject!: (e: Error) => void;
    const promise = new Promise<WorkerResult>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const job: Job = { id: this.nextId++, key, text, options, resolve, reject, cancelled: false };
    if (this.disposed) {
      reject(new CancelledError());
    } else {
      // A newer request replaces the document's waiting one.
      for (const j of this.waiting.filter((w) => w.key === key)) this.drop(j);
      this.waiting.push(job);
      this.pump();
    }
    return {
      promise,
      cancel: () => this.cancel(job),
      get running() {
        return job.startedAt !== undefined && !job.cancelled;
      },
    };
  }

  /** Cancels every job of a document (waiting or running). */
  cancelAll(key: string): void {
    for (const j of this.waiting.filter((w) => w.key === key)) this.drop(j);
    if (this.running?.key === key) this.cancel(this.running);
  }

  dispose(): void {
    this.disposed = true;
    for (const j of [...this.waiting]) this.drop(j);
    if (this.running) {
      this.running.cancelled = true;
      this.running.reject(new CancelledError());
      this.running = undefined;
    }
    this.worker?.terminate();
    this.worker = undefined;
  }

  private drop(job: Job): void {
    const i = this.waiting.indexOf(job);
    if (i >= 0) this.waiting.splice(i, 1);
    job.cancelled = true;
    job.reject(new CancelledError());
  }

  private cancel(job: Job): void {
    if (job.cancelled) return;
    if (job !== this.running) {
      this.drop(job);
      return;
    }
    job.cancelled = true;
    job.reject(new CancelledError());
    const ranFor = performance.now() - (job.startedAt ?? performance.now());
    if (this.worker && ranFor >= (this.opts.terminateAfterMs ?? 250)) {
      // The engine is synchronous: the only way to stop a long run is to stop the thread.
      const w = this.worker;
      this.worker = undefined;
      this.running = undefined;
      w.terminate();
      this.pump();
    }
    // Otherwise the result is dropped when it arrives (see onMessage).
  }

  private ensureWorker(): WorkerPort | undefined {
    if (this.worker || this.inProcess) return this.worker;
    try {
      const w = this.workers();
      this.spawned++;
      w.onMessage((m) => this.onMessage(w, m as FromWorker));
      w.onExit((e) => this.onExit(w, new Error(`the analysis worker stopped: ${e.message}`)));
      this.worker = w;
      w.postMessage(this.lexiconMessage);
    } catch (e) {
      this.opts.log?.(`Policy Lens: analysing on the extension host thread (${(e as Error).message})`);
      this.inProcess = new AnalysisRunner(false);
      this.inProcess.handle(this.lexiconMessage);
    }
    return this.worker;
  }

  /** Sends a message to the worker, if there is one (a new worker gets the lexicon when it starts). */
  private post(msg: ToWorker, start: boolean): void {
    if (start) this.ensureWorker();
    if (this.worker) this.worker.postMessage(msg);
    else this.inProcess?.handle(msg);
  }

  private pump(): void {
    if (this.running || this.disposed) return;
    const job = this.waiting.shift();
    if (!job) return;
    this.running = job;
    job.startedAt = performance.now();
    const msg: ToWorker = { type: 'analyze', id: job.id, key: job.key, text: job.text, options: job.options };
    const w = this.ensureWorker();
    if (w) {
      w.postMessage(msg);
      return;
    }
    // In-process: still asynchronous for the caller, one job per macrotask.
    setTimeout(() => {
      const reply = this.inProcess!.handle(msg);
      if (reply) this.finish(reply);
    }, 0);
  }

  private onMessage(w: WorkerPort, m: FromWorker): void {
    if (w !== this.worker) return;
    this.finish(m);
  }

  private finish(m: FromWorker): void {
    const job = this.running;
    if (!job || job.id !== m.id) return;
    this.running = undefined;
    if (!job.cancelled) {
      if (m.type === 'error') job.reject(new Error(m.message));
      else {
        const text = m.sentenceTextsStripped ? job.text : undefined;
        let analysis: DocumentAnalysis;
        if (m.packed) analysis = unpackAnalysis(m.packed, text);
        else {
          analysis = m.analysis!;
          if (text !== undefined) for (const s of analysis.sentences) s.text = text.slice(s.start, s.end);
        }
        job.resolve({
          analysis,
          sections: m.sections,
          ms: m.ms,
          blocksReused: m.blocksReused,
          blocksAnalysed: m.blocksAnalysed,
          lexiconVersion: m.lexiconVersion,
        });
      }
    }
    this.pump();
  }

  private onExit(w: WorkerPort, e: Error): void {
    if (w !== this.worker) return;
    this.worker = undefined;
    this.opts.log?.(`Policy Lens: ${e.message}`);
    const job = this.running;
    this.running = undefined;
    if (job && !job.cancelled) job.reject(e);
    this.pump();
  }
}
