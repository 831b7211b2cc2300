/**
 * The extension host's side of the drafting worker (./worker.ts, ../web/draftWorker.ts), started through the
 * platform's factory (a worker thread on the desktop, a Web Worker in the browser). No `vscode` import, no Node
 * built-ins.
 *
 *  - Requests run in the worker in order; each has an id and a promise.
 *  - `cancel` of a request: its promise rejects at once; a comparison that has run for a while is stopped by
 *    terminating the worker (the requests waiting behind it fail with it; the next request starts a new worker).
 *  - If no worker can be started, the requests run in-process (same code, ./runner.ts), one per macrotask.
 */
import type { Lexicon, SentenceSuggestions } from '../../core';
import type { WorkerFactory, WorkerPort } from '../workers/port';
import type { CompareResult, FromDraft, ToDraft, VersionInput } from './protocol';
import { DraftRunner } from './runner';

export class DraftCancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'DraftCancelledError';
  }
}

export interface DraftRequest<T> {
  readonly promise: Promise<T>;
  cancel(): void;
}

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
  startedAt: number;
}

type Request = Exclude<ToDraft, { type: 'lexicon' }>;
type WithoutId<R> = R extends Request ? Omit<R, 'id'> : never;

export class DraftWorkerClient {
  private worker: WorkerPort | undefined;
  private inProcess: DraftRunner | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private lexiconMessage: ToDraft = { type: 'lexicon' };
  private disposed = false;
  /** Workers started so far. */
  spawned = 0;

  constructor(
    private readonly workers: WorkerFactory,
    private readonly log?: (message: string) => void,
  ) {}

  get mode(): 'worker' | 'in-process' | 'none' {
    return this.inProcess ? 'in-process' : this.spawned > 0 ? 'worker' : 'none';
  }

  setLexicon(lexicon: Lexicon | undefined): void {
    this.lexiconMessage = { type: 'lexicon', lexicon };
    if (this.worker) this.worker.postMessage(this.lexiconMessage);
    else this.inProcess?.handle(this.lexiconMessage);
  }

  suggest(body: Omit<Extract<Request, { type: 'suggest' }>, 'id' | 'type'>): DraftRequest<SentenceSuggestions> {
    return this.request({ type: 'suggest', ...body }) as DraftRequest<SentenceSuggestions>;
  }

  compare(old: VersionInput, next: VersionInput, language?: 'auto' | 'nb' | 'nn'): DraftRequest<CompareResult> {
    return this.request({ type: 'compare', old, new: next, language }) as DraftRequest<CompareResult>;
  }

  private request(body: WithoutId<Request>): DraftRequest<unknown> {
    const id = this.nextId++;
    let resolve!: (v: unknown) => void;
    let reject!: (e: Error) => void;
    const promise = new Promise<unknown>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    if (this.disposed) {
      reject(new DraftCancelledError());
      return { promise, cancel: () => undefined };
    }
    this.pending.set(id, { resolve, reject, startedAt: performance.now() });
    const msg = { ...body, id } as Request;
    const w = this.ensureWorker();
    if (w) w.postMessage(msg);
    else
      setTimeout(() => {
        if (!this.pending.has(id)) return;
        const reply = this.inProcess!.handle(msg);
        if (reply) this.finish(reply);
      }, 0);
    return { promise, cancel: () => this.cancel(id) };
  }

  private cancel(id: number): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    p.reject(new DraftCancelledError());
    // The engine is synchronous: a long job is stopped by stopping its thread (the others waiting fail with it).
    if (this.worker && performance.now() - p.startedAt > 200) {
      const w = this.worker;
      this.worker = undefined;
      w.terminate();
      for (const [k, other] of this.pending) {
        this.pending.delete(k);
        other.reject(new DraftCancelledError());
      }
    }
  }

  private ensureWorker(): WorkerPort | undefined {
    if (this.worker || this.inProcess) return this.worker;
    try {
      const w = this.workers();
      this.spawned++;
      w.onMessage((m) => {
        if (w === this.worker) this.finish(m as FromDraft);
      });
      w.onExit((e) => {
        if (w !== this.worker) return;
        this.worker = undefined;
        this.log?.(`Policy Lens: the drafting worker stopped (${e.message})`);
        for (const [k, p] of this.pending) {
          this.pending.delete(k);
          p.reject(e);
        }
      });
      w.unref?.();
      w.postMessage(this.lexiconMessage);
      this.worker = w;
    } catch (e) {
      this.log?.(`Policy Lens: drafting on the extension host thread (${(e as Error).message})`);
      this.inProcess = new DraftRunner();
      this.inProcess.handle(this.lexiconMessage);
    }
    return this.worker;
  }

  private finish(m: FromDraft): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (m.type === 'error') p.reject(new Error(m.message));
    else p.resolve(m.result);
  }

  dispose(): void {
    this.disposed = true;
    for (const [, p] of this.pending) p.reject(new DraftCancelledError());
    this.pending.clear();
    this.worker?.terminate();
    this.worker = undefined;
  }
}
