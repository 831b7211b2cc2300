/** A Web Worker's own side of its messages (`self`), as the workers' runners expect it. */
import type { WorkerEndpoint } from '../workers/port';

interface WorkerScope {
  onmessage: ((e: { data: unknown }) => void) | null;
  postMessage(m: unknown, transfer?: ArrayBuffer[]): void;
}

export function selfEndpoint(): WorkerEndpoint {
  const scope = globalThis as unknown as WorkerScope;
  const listeners: ((m: unknown) => void)[] = [];
  scope.onmessage = (e) => {
    for (const l of listeners) l(e.data);
  };
  return {
    onMessage: (l) => void listeners.push(l),
    postMessage: (m, transfer) => scope.postMessage(m, transfer ?? []),
  };
}
