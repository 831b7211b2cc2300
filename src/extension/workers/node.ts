/** Workers on the desktop: Node worker threads running a bundled worker script (dist/*.js). */
import * as fs from 'fs';
import { parentPort, Worker } from 'worker_threads';
import type { WorkerEndpoint, WorkerFactory, WorkerPort } from './port';

/** A factory of worker threads running `script` (which must exist). */
export function nodeWorkers(script: string, workerData?: unknown): WorkerFactory {
  return () => {
    if (!fs.existsSync(script)) throw new Error(`no worker script at ${script}`);
    const w = new Worker(script, workerData === undefined ? undefined : { workerData });
    return nodePort(w);
  };
}

export function nodePort(w: Worker): WorkerPort {
  return {
    postMessage: (m, transfer) => w.postMessage(m, transfer),
    onMessage: (l) => void w.on('message', l),
    onExit: (l) => {
      w.on('error', (e) => l(e));
      w.on('exit', (code) => l(new Error(`the worker stopped (exit code ${code})`)));
    },
    terminate: () => {
      w.removeAllListeners();
      void w.terminate();
    },
    unref: () => w.unref(),
  };
}

/** The worker thread's own side (undefined on the main thread). */
export function nodeEndpoint(): WorkerEndpoint | undefined {
  const port = parentPort;
  if (!port) return undefined;
  return {
    onMessage: (l) => void port.on('message', l),
    postMessage: (m, transfer) => port.postMessage(m, transfer),
  };
}
