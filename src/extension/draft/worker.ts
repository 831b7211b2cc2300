/**
 * The drafting worker (bundled to dist/draftWorker.js by esbuild.js): suggestions and version comparisons run here,
 * never on the extension host's thread. One message at a time, in order. Messages: ./protocol.ts; the work:
 * ./runner.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parentPort } from 'worker_threads';
import { installDOMMatrix } from '../pdf/domMatrix';
import { DraftRunner } from './runner';
import type { ToDraft } from './protocol';

installDOMMatrix();
const BUNDLED_PDFJS = path.join(__dirname, 'pdf-viewer', 'pdfjs');
const runner = new DraftRunner(fs.existsSync(path.join(BUNDLED_PDFJS, 'standard_fonts')) ? BUNDLED_PDFJS : undefined);

let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', (msg: ToDraft) => {
  queue = queue.then(async () => {
    const reply = await runner.handle(msg);
    if (reply) parentPort!.postMessage(reply);
  });
});
