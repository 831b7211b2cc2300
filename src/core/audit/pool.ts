/**
 * A small pool of audit workers (worker_threads). Workers start lazily, on the first job that needs one, so
 * an audit served entirely from the cache starts none. A worker that crashes or times out is replaced; its
 * job gets an error reply (the run goes on).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Worker } from 'worker_threads';
import { nodeWorkerThreads } from './builtins';
import type { AuditLanguage, WorkerInit, WorkerJob, WorkerReply } from './job';
import type { Limits } from '../limits';

/**
 * Where the worker script is: next to this module in the tsc layout (out/src/core/audit/worker.js), or
 * `audit-worker.js` next to the bundle that contains this module (dist/cli.js, dist/extension.js).
 * Undefined when neither exists (the audit then analyses in the calling thread and says so).
 */
export function resolveWorkerScript(): string | undefined {
  const candidates = [path.join(__dirname, 'worker.js'), path.join(__dirname, 'audit-worker.js')];
  return candidates.find((c) => {
    try {
      return fs.statSync(c).isFile();
    } catch {
      return false;
    }
  });
}

interface Pending {
  job: WorkerJob;
  resolve: (r: WorkerReply) => void;
}

interface Slot {
  index: number;
  worker: Worker;
  current?: Pending;
  timer?: NodeJS.Timeout;
  exited: boolean;
}

export interface PoolStats {
  /** Workers started over the pool's life (replacements included). */
  started: number;
  /** Documents analysed per worker slot. */
  perSlot: number[];
  /** Milliseconds each worker slot spent analysing (as the workers measured it). */
  busyMs: number[];
  /** Thread ids of the workers that analysed at least one document. */
  threadIds: number[];
}

export class WorkerPool {
  private slots: (Slot | undefined)[] = [];
  private queue: Pending[] = [];
  private closed = false;
  readonly stats: PoolStats;

  constructor(
    readonly script: string,
    readonly size: number,
    readonly lexiconFiles: readonly string[],
    readonly timeoutMs = 0,
    readonly language: AuditLanguage = 'auto',
    readonly limits?: Partial<Limits>,
  ) {
    this.stats = { started: 0, perSlot: new Array(size).fill(0), busyMs: new Array(size).fill(0), threadIds: [] };
  }

  /** Runs one job; the promise always resolves (failures are error replies). `job.bytes` is transferred. */
  run(job: WorkerJob): Promise<WorkerReply> {
    if (this.closed) return Promise.resolve(failed(job, 'cancelled', 'the audit was cancelled'));
    return new Promise((resolve) => {
      this.queue.push({ job, resolve });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      let slot = this.slots.find((s) => s && !s.current && !s.exited);
      if (!slot) {
        const free = this.freeIndex();
        if (free < 0) return;
        slot = this.start(free);
      }
      const p = this.queue.shift()!;
      this.dispatch(slot, p);
    }
  }

  private freeIndex(): number {
    for (let i = 0; i < this.size; i++) if (!this.slots[i] || this.slots[i]!.exited) return i;
    return -1;
  }

  private start(index: number): Slot {
    const init: WorkerInit = { policyLensAuditWorker: true, lexiconFiles: [...this.lexiconFiles], language: this.language, limits: this.limits };
    const worker = new (nodeWorkerThreads().Worker)(this.script, { workerData: init });
    const slot: Slot = { index, worker, exited: false };
    this.slots[index] = slot;
    this.stats.started++;
    worker.on('message', (reply: WorkerReply) => {
      const p = slot.current;
      if (!p || reply.id !== p.job.id) return;
      this.finish(slot, reply);
      this.stats.busyMs[index] += reply.ms;
      if (reply.ok) {
        this.stats.perSlot[index]++;
        if (!this.stats.threadIds.includes(worker.threadId)) this.stats.threadIds.push(worker.threadId);
      }
      this.pump();
    });
    worker.on('error', (err) => {
      // An uncaught exception inside the worker: the worker exits after this.
      const p = slot.current;
      if (p) this.finish(slot, failed(p.job, 'worker-crash', `the analysis worker failed: ${err.message}`));
    });
    worker.on('exit', (code) => {
      slot.exited = true;
      const p = slot.current;
      if (p) this.finish(slot, failed(p.job, 'worker-crash', `the analysis worker stopped (exit code ${code})`));
      this.pump();
    });
    return slot;
  }

  private dispatch(slot: Slot, p: Pending): void {
    slot.current = p;
    if (this.timeoutMs > 0) {
      slot.timer = setTimeout(() => {
        if (slot.current !== p) return;
        this.finish(slot, failed(p.job, 'timeout', `the analysis took longer than ${Math.round(this.timeoutMs / 1000)} s`));
        slot.exited = true;
        void slot.worker.terminate();
        this.pump();
      }, this.timeoutMs);
    }
    const bytes = p.job.bytes;
    const transferable = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    const data = transferable ? bytes : new Uint8Array(bytes); // a copy: Buffer#slice would be a view
    slot.worker.postMessage({ ...p.job, bytes: data }, [data.buffer as ArrayBuffer]);
  }

  private finish(slot: Slot, reply: WorkerReply): void {
    const p = slot.current;
    if (!p) return;
    slot.current = undefined;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    p.resolve(reply);
  }

  /** Stops all workers; queued and running jobs resolve as cancelled. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.resolve(failed(p.job, 'cancelled', 'the audit was cancelled'));
    const running = this.slots.filter((s): s is Slot => !!s && !s.exited);
    for (const s of running) {
      const p = s.current;
      if (p) this.finish(s, failed(p.job, 'cancelled', 'the audit was cancelled'));
    }
    await Promise.all(running.map((s) => s.worker.terminate().catch(() => 0)));
  }
}

function failed(job: WorkerJob, code: string, message: string): WorkerReply {
  return { id: job.id, ok: false, error: { message, code, name: 'AuditError' }, ms: 0 };
}
