/**
 * The resource limits (policyLens.limits.*) in the document viewers' jobs (src/extension/viewer/jobs.ts), which the
 * PDF and DOCX viewers and coding's loader share on the desktop (a worker thread) and on the web (Web Workers): a
 * document over a limit is answered with the engine's one-line refusal (code `too-large`), before the work it
 * guards; raising the limit lets it through.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { runDocumentJob } from '../../src/extension/viewer/jobs';
import type { DocumentJob, JobReply } from '../../src/extension/viewer/jobs';
import { extractOnDisk } from '../../src/extension/workers/documentWorker';
import type { Limits } from '../../src/core';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const PDF = path.join(ROOT, 'test', 'fixtures', 'pdf', 'ks_storbynettverk_innspill_2026.pdf');
const DOCX = path.join(ROOT, 'test', 'fixtures', 'docx', 'harstad_kommune_handlingsplan_likestilling_mangfold.docx');

async function run(format: DocumentJob['format'], file: string, limits: Partial<Limits> | undefined, previewPages = 0): Promise<JobReply[]> {
  const replies: JobReply[] = [];
  const job: DocumentJob = {
    type: 'job',
    id: 1,
    format,
    bytes: new Uint8Array(fs.readFileSync(file)),
    file: path.basename(file),
    limits,
    previewPages,
    generation: 1,
    previewId: 1,
    finalId: 2,
  };
  await runDocumentJob(job, extractOnDisk, (r) => replies.push(r), () => false);
  return replies;
}

function refusal(replies: JobReply[]): { code: string; message: string } {
  assert.strictEqual(replies.length, 1, `one answer, got ${replies.map((r) => r.phase).join(', ')}`);
  const r = replies[0];
  assert.ok(r.phase === 'error', `an error, got ${r.phase}`);
  return r.error;
}

describe('viewer jobs: the resource limits (PDF and DOCX viewers, coding loader)', () => {
  it('PDF pages: refused before any page is read, also when a preview is asked; raising the limit reads it', async () => {
    const e = refusal(await run('pdf', PDF, { pdfPages: 1 }, 3));
    assert.strictEqual(e.code, 'too-large');
    assert.match(e.message, /refused: the PDF has \d+ pages, over the limit of 1 pages .*--max-pdf-pages.*policyLens\.limits\.pdfPages/);
    const ok = await run('pdf', PDF, { pdfPages: 100 }, 3);
    assert.strictEqual(ok.at(-1)?.phase, 'final');
  });

  it('DOCX: the archive is checked before inflating (a part over its size), and the text size after reading', async () => {
    const part = refusal(await run('docx', DOCX, { zipPartMB: 0.01 }));
    assert.strictEqual(part.code, 'too-large');
    assert.match(part.message, /policyLens\.limits\.zipPartMB/);
    const text = refusal(await run('docx', DOCX, { textMB: 0.001 }));
    assert.strictEqual(text.code, 'too-large');
    assert.match(text.message, /policyLens\.limits\.textMB/);
    const ok = await run('docx', DOCX, undefined);
    assert.deepStrictEqual(ok.map((r) => r.phase), ['preview', 'final']);
  });

  it('text (coding loads closed Markdown and text files here): the text size', async () => {
    const md = path.join(ROOT, 'README.md');
    const e = refusal(await run('md', md, { textMB: 0.001 }));
    assert.strictEqual(e.code, 'too-large');
    assert.match(e.message, /policyLens\.limits\.textMB/);
    assert.strictEqual((await run('md', md, undefined)).at(-1)?.phase, 'final');
  });
});
