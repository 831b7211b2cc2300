/**
 * The drafting worker on the desktop (a worker thread; bundled to dist/draftWorker.js by esbuild.js): suggestions
 * and comparisons run here, never on the extension host's thread. Messages: ./protocol.ts; the work: ./runner.ts.
 */
import { nodeEndpoint } from '../workers/node';
import { serveDraft } from './runner';

const endpoint = nodeEndpoint();
if (endpoint) serveDraft(endpoint);
