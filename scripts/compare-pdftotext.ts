/**
 * Compares the PDF extractor with poppler's `pdftotext -enc UTF-8 FILE -` on a folder of PDFs:
 * word count (countWords over the whole text, headers included) and the whole words «skal» and «må».
 *
 *   node out/scripts/compare-pdftotext.js [folder] [--tolerance 0.02] [--show-diff FILE]
 *
 * Prints a table per file and exits 1 when a file is outside the tolerance (default 2 %) or fails.
 * Default folder: /work/shared/corpus/pdf.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { extractPdf } from '../src/core/extract/file';
import { countWords, WORD_RE } from '../src/core/tokenize/words';

export interface TextCounts {
  words: number;
  skal: number;
  maa: number;
}

/** Words, «skal» and «må» (whole tokens of WORD_RE, case-insensitive). */
export function countTerms(text: string): TextCounts {
  const re = new RegExp(WORD_RE.source, 'gu');
  let skal = 0;
  let maa = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const w = m[0].toLowerCase();
    if (w === 'skal') skal++;
    else if (w === 'må') maa++;
  }
  return { words: countWords(text), skal, maa };
}

/** pdftotext's text of a file, or undefined when pdftotext is not available. */
export function pdftotext(file: string): { text: string; ms: number } | undefined {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 1 << 30, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error || r.status !== 0) return undefined;
  return { text: r.stdout, ms };
}

export function hasPdftotext(): boolean {
  const r = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  return !r.error;
}

/** Relative difference of `ours` from `ref` (0 when both are 0). */
export function relDiff(ours: number, ref: number): number {
  if (ref === 0) return ours === 0 ? 0 : 1;
  return (ours - ref) / ref;
}

/** Pages per second of our extractor over the PDFs of a folder (extraction only, files read beforehand). */
export async function pagesPerSecond(folder: string): Promise<{ pages: number; ms: number; pagesPerSecond: number }> {
  const files = listPdfs(folder).map((f) => ({ file: f, data: new Uint8Array(fs.readFileSync(f)) }));
  let pages = 0;
  const t0 = process.hrtime.bigint();
  for (const f of files) pages += (await extractPdf(f.data, { file: f.file })).pages;
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { pages, ms, pagesPerSecond: ms > 0 ? (pages * 1000) / ms : 0 };
}

function listPdfs(folder: string): string[] {
  return fs
    .readdirSync(folder)
    .filter((f) => f.toLowerCase().endsWith('.pdf'))
    .sort()
    .map((f) => path.join(folder, f));
}

export interface CompareRow {
  file: string;
  pages: number;
  ours: TextCounts;
  ref: TextCounts;
  msOurs: number;
  msRef: number;
  ok: boolean;
  error?: string;
}

export async function compareFolder(folder: string, tolerance = 0.02): Promise<CompareRow[]> {
  const rows: CompareRow[] = [];
  const files = listPdfs(folder);
  // Warm-up: load pdf.js once so that the first file's time is not the module load.
  if (files.length) await extractPdf(new Uint8Array(fs.readFileSync(files[0])), {}).catch(() => undefined);
  for (const file of files) {
    const data = new Uint8Array(fs.readFileSync(file));
    const ref = pdftotext(file);
    const row: CompareRow = {
      file: path.basename(file),
      pages: 0,
      ours: { words: 0, skal: 0, maa: 0 },
      ref: ref ? countTerms(ref.text) : { words: 0, skal: 0, maa: 0 },
      msOurs: 0,
      msRef: ref?.ms ?? 0,
      ok: false,
    };
    const t0 = process.hrtime.bigint();
    try {
      const doc = await extractPdf(data, { file });
      row.msOurs = Number(process.hrtime.bigint() - t0) / 1e6;
      row.pages = doc.pages;
      row.ours = countTerms(doc.text);
      row.ok =
        !!ref &&
        Math.abs(relDiff(row.ours.words, row.ref.words)) <= tolerance &&
        Math.abs(relDiff(row.ours.skal, row.ref.skal)) <= tolerance &&
        Math.abs(relDiff(row.ours.maa, row.ref.maa)) <= tolerance;
      if (!ref) row.error = 'pdftotext failed';
    } catch (e) {
      row.msOurs = Number(process.hrtime.bigint() - t0) / 1e6;
      row.error = (e as Error).message;
    }
    rows.push(row);
  }
  return rows;
}

const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(2)}%`;

function printTable(rows: CompareRow[]): void {
  const head = ['file', 'pages', 'words ours/pdftotext', 'diff', 'skal', 'diff', 'må', 'diff', 'ms ours', 'ms pdftotext', ''];
  const body = rows.map((r) => [
    r.file.replace(/\.pdf$/i, ''),
    String(r.pages),
    `${r.ours.words}/${r.ref.words}`,
    pct(relDiff(r.ours.words, r.ref.words)),
    `${r.ours.skal}/${r.ref.skal}`,
    pct(relDiff(r.ours.skal, r.ref.skal)),
    `${r.ours.maa}/${r.ref.maa}`,
    pct(relDiff(r.ours.maa, r.ref.maa)),
    r.msOurs.toFixed(0),
    r.msRef.toFixed(0),
    r.error ? `FAIL: ${r.error}` : r.ok ? 'ok' : 'OUT OF TOLERANCE',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(fmt(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(fmt(b));
  const worst = (f: (r: CompareRow) => number) => Math.max(0, ...rows.map((r) => Math.abs(f(r))));
  const pages = rows.reduce((s, r) => s + r.pages, 0);
  const msOurs = rows.reduce((s, r) => s + r.msOurs, 0);
  const msRef = rows.reduce((s, r) => s + r.msRef, 0);
  console.log('');
  console.log(
    `worst |diff|: words ${pct(worst((r) => relDiff(r.ours.words, r.ref.words)))}, ` +
      `skal ${pct(worst((r) => relDiff(r.ours.skal, r.ref.skal)))}, ` +
      `må ${pct(worst((r) => relDiff(r.ours.maa, r.ref.maa)))}`,
  );
  console.log(
    `total: ${rows.length} files, ${pages} pages; ours ${msOurs.toFixed(0)} ms (${((pages * 1000) / Math.max(1, msOurs)).toFixed(1)} pages/s), ` +
      `pdftotext ${msRef.toFixed(0)} ms (${((pages * 1000) / Math.max(1, msRef)).toFixed(1)} pages/s, process spawn included)`,
  );
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  let tolerance = 0.02;
  let folder = '/work/shared/corpus/pdf';
  let showDiff: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--tolerance') tolerance = Number(args[++i]);
    else if (args[i] === '--show-diff') showDiff = args[++i];
    else folder = args[i];
  }
  if (!hasPdftotext()) {
    console.error('pdftotext is not on PATH (install poppler-utils).');
    return 2;
  }
  if (showDiff) {
    // Words that one side has more often than the other, to see where a difference comes from.
    const data = new Uint8Array(fs.readFileSync(showDiff));
    const ours = (await extractPdf(data, { file: showDiff })).text;
    const ref = pdftotext(showDiff)!.text;
    const bag = (t: string) => {
      const m = new Map<string, number>();
      for (const w of t.match(new RegExp(WORD_RE.source, 'gu')) ?? []) m.set(w, (m.get(w) ?? 0) + 1);
      return m;
    };
    const a = bag(ours);
    const b = bag(ref);
    for (const w of new Set([...a.keys(), ...b.keys()])) {
      const d = (a.get(w) ?? 0) - (b.get(w) ?? 0);
      if (d) console.log(`${d > 0 ? '+' : ''}${d}\t${w}`);
    }
    return 0;
  }
  if (!fs.existsSync(folder)) {
    console.error(`${folder}: no such folder.`);
    return 2;
  }
  const rows = await compareFolder(folder, tolerance);
  printTable(rows);
  const bad = rows.filter((r) => !r.ok);
  if (bad.length) {
    console.error(`\n${bad.length} file(s) outside ±${(tolerance * 100).toFixed(1)} % or failed: ${bad.map((r) => r.file).join(', ')}`);
    return 1;
  }
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(e);
      process.exit(2);
    },
  );
}
