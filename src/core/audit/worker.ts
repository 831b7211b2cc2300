/**
 * The audit worker (worker_threads): runs the jobs (job.ts) the main thread sends and answers with their replies.
 * Compiled by tsc to out/src/core/audit/worker.js and bundled by esbuild to dist/audit-worker.js; the pool (pool.ts)
 * finds whichever sits next to it.
 */
import { parentPort, workerData } from 'worker_threads';
import { lexiconFor, runJob } from './job';
import type { WorkerInit, WorkerJob } from './job';

const init = workerData as WorkerInit | undefined;
if (parentPort && init && init.policyLensAuditWorker) {
  const port = parentPort;
  const lexicon = lexiconFor(init.lexiconFiles ?? []);
  // Jobs arrive one at a time (the pool waits for the reply), so no queue is needed here.
  port.on('message', (job: WorkerJob) => {
    void runJob(job, lexicon, init.language ?? 'auto', init.limits).then((reply) => port.postMessage(reply));
  });
}
