/**
 * The document viewers' light worker in the browser (a Web Worker; bundled to dist/web/text-worker.js): the DOCX
 * viewer's jobs and the text files coding loads, without pdf.js (the PDF jobs go to dist/web/document-worker.js,
 * which has it; ./workers.ts routes them). A DOCX opens without loading two megabytes of pdf.js first.
 */
import { extractDocx } from '../../core/extract/docx';
import { extractPlain } from '../../core/extract/text';
import { formatBytes, LimitError, limitsOf, MB } from '../../core/limits';
import { Extract, serveDocumentJobs } from '../viewer/jobs';
import { selfEndpoint } from './endpoint';

const decoder = new TextDecoder('utf-8');

const extract: Extract = async (bytes, format, opts) => {
  const limits = limitsOf(opts);
  if (format === 'docx') return extractDocx(bytes, { file: opts.file, limits });
  if (format === 'txt' || format === 'md') {
    if (bytes.length > limits.textMB * MB) throw new LimitError(opts.file, `the text is ${formatBytes(bytes.length)}`, 'textMB', limits.textMB, opts.file);
    return extractPlain(decoder.decode(bytes), format);
  }
  throw new Error(`the text worker does not read ${format} files`);
};

serveDocumentJobs(selfEndpoint(), extract);
