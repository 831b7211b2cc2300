/**
 * The analysis worker (bundled to dist/analysisWorker.js by esbuild.js; the benchmark runs the tsc build). Every
 * analysis of an open document runs here, so the extension host never spends a long document's first analysis
 * (Meld. St. 9: ~0.4 s) on its own thread. One job at a time: the client (./client.ts) queues and coalesces the
 * requests, and terminates the worker to cancel a long run. Messages: ./protocol.ts; the work: ./runner.ts.
 */
import { nodeEndpoint } from '../workers/node';
import { serveAnalysis } from './runner';

const endpoint = nodeEndpoint();
if (endpoint) serveAnalysis(endpoint);
