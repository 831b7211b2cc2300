/**
 * The drafting worker in the browser (a Web Worker; bundled to dist/web/draft-worker.js): the same runner as the
 * desktop's worker thread (../draft/runner.ts), on the worker's own `self`.
 */
import { serveDraft } from '../draft/runner';
import { selfEndpoint } from './endpoint';

serveDraft(selfEndpoint());
