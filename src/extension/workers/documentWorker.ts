/**
 * The document viewers' analysis worker on the desktop (a worker thread; bundled to dist/document-worker.js):
 * extraction with the engine (pdf.js with `isEvalSupported: false`, fonts and CMaps from the copy next to the bundle)
 * and analysis, off the extension host's thread, so that pdf.js and the polyfills of its legacy build stay away
 * from the extensions that share the host. The jobs themselves: ../viewer/jobs.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { extractBuffer } from '../../core/node';
import { serveDocumentJobs } from '../viewer/jobs';
import type { Extract } from '../viewer/jobs';
import { nodeEndpoint } from './node';

/**
 * pdf.js' fonts and CMaps: the copy next to the bundle (dist/pdf-viewer/pdfjs, the one the webview loads too; the
 * packaged extension has no node_modules), else the pdfjs-dist package's (the tsc build, tests).
 */
const BUNDLED_PDFJS = path.join(__dirname, 'pdf-viewer', 'pdfjs');
const pdfjsDir = fs.existsSync(path.join(BUNDLED_PDFJS, 'standard_fonts')) ? BUNDLED_PDFJS : undefined;

export const extractOnDisk: Extract = (bytes, format, opts) => extractBuffer(bytes, format, { ...opts, pdfjsDir });

const endpoint = nodeEndpoint();
if (endpoint) serveDocumentJobs(endpoint, extractOnDisk);
