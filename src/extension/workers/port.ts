/**
 * A worker as the extension host sees it, whatever runs it: a Node worker thread on the desktop (./node.ts), a Web
 * Worker in the browser (../web/workers.ts). The clients of the workers (the text analysis, the document viewers'
 * analysis) use only this, so they are the same code on both. No `vscode` import, no Node built-ins.
 */
export interface WorkerPort {
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
  /** A message from the worker. */
  onMessage(listener: (message: unknown) => void): void;
  /** The worker failed or stopped (it is gone; a new one must be started). */
  onExit(listener: (error: Error) => void): void;
  terminate(): void;
  /** Lets the process exit while the worker idles (Node); no-op elsewhere. */
  unref?(): void;
}

/** Starts a worker (one of the bundled worker scripts); throws when none can be started here. */
export type WorkerFactory = () => WorkerPort;

/** The worker's side: its messages and how it answers (a Node `parentPort`, a Web Worker's `self`). */
export interface WorkerEndpoint {
  onMessage(listener: (message: unknown) => void): void;
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
}
