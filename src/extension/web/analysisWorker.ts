/**
 * The text editors' analysis worker in the browser (a Web Worker; bundled to dist/web/analysis-worker.js): the same
 * runner as the desktop's worker thread (../worker/runner.ts), on the worker's own `self`.
 */
import { serveAnalysis } from '../worker/runner';
import { selfEndpoint } from './endpoint';

serveAnalysis(selfEndpoint());
