/**
 * `npm run bench -- --only pdfViewer`: the PDF viewer, end to end, for the largest PDF (bytes) in
 * <corpus>/pdf and a 500-page PDF generated here with pdf-lib.
 *
 * The extension host's side is the extension's own code (src/extension/viewer/analyzer.ts → the analysis worker
 * thread: pdf.js extraction with the engine, analysis, payload); the webview's side is the viewer page the
 * extension shows (html.ts + dist/pdf-viewer, same CSP) in headless Chromium (Debian's chromium, driven by
 * playwright-core), with `acquireVsCodeApi` replaced by a bridge to this process. The clock starts when the
 * viewer page is opened and the host starts reading the file (as when VS Code resolves the custom editor):
 *
 *   - `…FirstHighlightedMs`: until the first page is painted with its highlights (aim < 1500 ms);
 *   - `…ViewerOpenPeakMB`: peak proportional set size (PSS) of the viewer page's renderer process (the
 *     webview's process in VS Code: page, pdf.js worker, canvases) while the document opens, until the whole
 *     analysis is on the first pages (aim < 300 MB); `…ViewerPeakMB`: the same peak in a run that then visits
 *     every page one after the other as fast as they paint (pages behind give their canvas back; what Chromium
 *     has not collected yet counts too); `…ChromiumPeakMB` is the whole browser in that run (browser, GPU,
 *     network and the browser's own UI processes included);
 *   - `…HostPeakRssMB`: the extension host's side alone, in a fresh Node process: peak RSS while the analysis
 *     worker thread reads and analyses the file and the main thread receives the result (`…HostHeapMB`: the main
 *     thread's heap holding it, after a GC);
 *   - `…FinalMs`: until the whole document's analysis is on the pages; `…Canvases`: canvases alive at the end.
 *
 * Each open gets a fresh browser and a fresh worker (a first open, cold); the time is the median of three opens.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { performance } from 'perf_hooks';
import { DocumentAnalyzer } from '../src/extension/viewer/analyzer';
import { nodeWorkers } from '../src/extension/workers/node';
import { viewerHtml } from '../src/extension/pdf/html';
import type { HostMessage, RenderReport, WebviewMessage } from '../src/extension/pdf/protocol';

type Metric = number | string | boolean | null;
interface Ctx {
  corpus: string;
  fallback: boolean;
  notes: string[];
}

const MB = 1024 * 1024;
const median = (xs: number[]) => {
  const v = [...xs].sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : Math.round((v[m - 1] + v[m]) / 2);
};

/** A 500-page PDF (pdf-lib, Helvetica): a running header, 38 lines of steering language, a page number. */
export async function makeLongPdf(pages = 500): Promise<Uint8Array> {
  const { PDFDocument, StandardFonts } = await import('pdf-lib');
  const lines = [
    'Bydelene skal rapportere på tiltakene innen 1. mars hvert år.',
    'Kommunen kan prøve ut nye løsninger i samarbeid med innbyggerne.',
    'Helsedirektoratet må sørge for at tjenestene utvikles i tråd med planen.',
    'Samskaping og medvirkning er viktige verdier i arbeidet med tjenestene.',
    'Departementet ber om at virksomheten dokumenterer resultatene.',
    'Det er et mål at flere bydeler deltar i innovasjonsprosjekter.',
    'Tiltakene finansieres innenfor gjeldende budsjettrammer.',
  ];
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < pages; p++) {
    const page = pdf.addPage([595, 842]);
    page.drawText('Handlingsplan for tjenesteutvikling 2026–2029', { x: 60, y: 805, size: 9, font });
    if (p % 25 === 0) page.drawText(`Kapittel ${p / 25 + 1}`, { x: 60, y: 770, size: 16, font });
    for (let l = 0; l < 38; l++) page.drawText(lines[(p * 3 + l) % lines.length], { x: 60, y: 740 - l * 17.5, size: 11, font });
    page.drawText(String(p + 1), { x: 292, y: 30, size: 9, font });
  }
  return pdf.save();
}

// ───────────────────────────── memory of a process tree (Linux /proc) ─────────────────────────────

function children(): Map<number, number[]> {
  const m = new Map<number, number[]>();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const l = m.get(ppid) ?? [];
      l.push(Number(d));
      m.set(ppid, l);
    } catch {
      // gone
    }
  }
  return m;
}

function pssKB(pid: number): number {
  try {
    const s = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const m = /^Pss:\s+(\d+) kB/m.exec(s);
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function cmdline(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/** The Chromium started with `marker` in its command line, and all its descendants. */
function browserTree(marker: string): { all: number[]; renderers: number[] } {
  const root = fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .find((pid) => cmdline(pid).includes(marker) && !cmdline(pid).includes('--type='));
  if (!root) return { all: [], renderers: [] };
  const kids = children();
  const all: number[] = [];
  const walk = (pid: number) => {
    all.push(pid);
    for (const c of kids.get(pid) ?? []) walk(c);
  };
  walk(root);
  // Renderers of pages (not the browser's own UI renderer, which headless Chromium starts too).
  return { all, renderers: all.filter((pid) => cmdline(pid).includes('--type=renderer') && !cmdline(pid).includes('--top-chrome-webui')) };
}

class MemorySampler {
  peakAll = 0;
  peakRenderer = 0;
  peakHost = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private tree: { all: number[]; renderers: number[] } = { all: [], renderers: [] };
  constructor(private readonly marker: string) {}
  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), 50);
  }
  sample(): void {
    // The process list changes (renderers come and go): look again now and then.
    if (!this.tree.all.length || Math.random() < 0.2) this.tree = browserTree(this.marker);
    let all = 0;
    let renderer = 0;
    for (const pid of this.tree.all) {
      const k = pssKB(pid);
      all += k;
      // The viewer's renderer: the largest page renderer (the others are spare processes).
      if (this.tree.renderers.includes(pid)) renderer = Math.max(renderer, k);
    }
    this.peakAll = Math.max(this.peakAll, all / 1024);
    this.peakRenderer = Math.max(this.peakRenderer, renderer / 1024);
    this.peakHost = Math.max(this.peakHost, process.memoryUsage().rss / MB);
  }
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.sample();
  }
}

// ───────────────────────────── the viewer page, served as the extension serves it ─────────────────────────────

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf',
};

function serve(root: string, html: () => string): Promise<{ server: http.Server; origin: string }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html());
      return;
    }
    const allowed = ['/dist/pdf-viewer/', '/media/pdf/', '/media/viewer/'];
    const rel = decodeURIComponent(url.pathname);
    const file = path.join(root, rel);
    if (!allowed.some((a) => rel.startsWith(a)) || !file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const a = server.address() as { port: number };
      resolve({ server, origin: `http://127.0.0.1:${a.port}` });
    }),
  );
}

/** Typed arrays survive the trip through page.evaluate as base64. */
function toWire(v: unknown): unknown {
  if (ArrayBuffer.isView(v)) return { __ta: v.constructor.name, b64: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
  if (Array.isArray(v)) return v.map(toWire);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toWire(x)]));
  return v;
}

const BRIDGE = `(() => {
  const fromWire = (v) => {
    if (v && typeof v === 'object' && v.__ta) {
      const bin = atob(v.b64); const u8 = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) u8[i] = bin.charCodeAt(i);
      return new globalThis[v.__ta](u8.buffer);
    }
    if (Array.isArray(v)) return v.map(fromWire);
    if (v && typeof v === 'object') { const o = {}; for (const k of Object.keys(v)) o[k] = fromWire(v[k]); return o; }
    return v;
  };
  let state;
  window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__plToHost(m), getState: () => state, setState: (s) => { state = s; } });
  window.__plFromHost = (w) => window.dispatchEvent(new MessageEvent('message', { data: fromWire(w) }));
})();`;

function findChromium(): string | undefined {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && fs.existsSync(p));
}

export interface ViewerRun {
  firstHighlightedMs: number | null;
  finalMs: number | null;
  /** Peak of the viewer's renderer until the whole analysis is on the first pages. */
  viewerOpenPeakMB: number;
  /** Peak of the viewer's renderer over the whole run (every page visited when `visitAll`). */
  viewerPeakMB: number;
  chromiumPeakMB: number;
  hostPeakRssMB: number;
  pages: number;
  findings: number;
  drawn: number;
  canvases: number;
  textMismatches: number;
  error?: string;
}

/** Opens one PDF in the viewer page and measures; optionally saves a screenshot of the first page. */
export async function runViewer(root: string, file: string, bytes: Uint8Array, opts: { screenshot?: string; visitAll?: boolean; inspect?: (page: import('playwright-core').Page) => Promise<void> } = {}): Promise<ViewerRun> {
  const chromiumPath = findChromium();
  if (!chromiumPath) throw new Error('no chromium (apt-get install chromium, or set CHROMIUM_PATH)');
  const { chromium } = await import('playwright-core');
  const marker = `--policy-lens-bench=${process.pid}-${Date.now()}`;
  const nonce = Buffer.from(Array.from({ length: 18 }, () => Math.floor(Math.random() * 256))).toString('base64');
  let origin = '';
  const { server, origin: o } = await serve(root, () =>
    viewerHtml({
      cspSource: origin,
      nonce,
      assets: `${origin}/dist/pdf-viewer`,
      styles: [`${origin}/media/viewer/viewer.css`, `${origin}/media/pdf/viewer.css`],
      strings: {},
      lang: 'en',
    }),
  );
  origin = o;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', marker],
  });
  const sampler = new MemorySampler(marker);
  const analyzer = new DocumentAnalyzer(nodeWorkers(path.join(root, 'out', 'src', 'extension', 'workers', 'documentWorker.js')));
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    let last: RenderReport | undefined;
    let ready!: () => void;
    const readyP = new Promise<void>((r) => (ready = r));
    const reports: ((r: RenderReport) => void)[] = [];
    await page.exposeFunction('__plToHost', (m: WebviewMessage) => {
      if (m.type === 'ready') ready();
      if (m.type === 'report') {
        last = m.report;
        for (const f of reports) f(m.report);
      }
    });
    await page.addInitScript(BRIDGE);
    const send = (m: HostMessage) => page.evaluate((w) => (globalThis as unknown as { __plFromHost(w: unknown): void }).__plFromHost(w), toWire(m));
    const waitReport = (pred: (r: RenderReport) => boolean, ms: number) =>
      new Promise<RenderReport>((resolve, reject) => {
        if (last && pred(last)) return resolve(last);
        const t = setTimeout(() => reject(new Error(`timeout; last report ${JSON.stringify(last)}; errors ${errors.join(' | ')}`)), ms);
        reports.push((r) => {
          if (pred(r)) {
            clearTimeout(t);
            resolve(r);
          }
        });
      });

    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const trace: string[] = [];
    const mark = async (what: string) => {
      if (!process.env.POLICY_LENS_BENCH_TRACE) return;
      sampler.sample();
      const m = (await cdp.send('Performance.getMetrics')).metrics;
      const heap = (m.find((x) => x.name === 'JSHeapUsedSize')?.value ?? 0) / MB;
      const tree = browserTree(marker);
      const rend = Math.max(0, ...tree.renderers.map(pssKB)) / 1024;
      trace.push(`${what}: t=${Date.now() - t0} ms renderer=${rend.toFixed(0)} MB jsHeap=${heap.toFixed(0)} MB`);
    };
    sampler.start();
    const t0 = Date.now();
    const p0 = performance.now();
    let finalAt: number | null = null;
    let findings = 0;
    // Host: the worker starts at once; the page meanwhile loads pdf.js.
    analyzer.run({ format: 'pdf', bytes, file: path.basename(file), previewPages: 3, generation: 1, previewId: 1, finalId: 2 }, (r) => {
      if (r.phase === 'error') {
        errors.push(`host: ${r.error.message}`);
        return;
      }
      if (r.phase === 'final') findings = r.analysis?.findings.length ?? 0;
      void readyP.then(async () => {
        await send({ type: 'analysis', ...(r.payload as import('../src/extension/pdf/protocol').AnalysisPayload) });
        if (r.phase === 'final') finalAt = performance.now() - p0;
      });
    });
    await page.goto(`${origin}/`);
    await readyP;
    await send({ type: 'load', generation: 1, data: bytes, fileName: path.basename(file) });
    await mark('page ready');
    const first = await waitReport((r) => r.firstHighlightedAt !== undefined, 60_000);
    await mark('first highlighted');
    if (process.env.POLICY_LENS_BENCH_TRACE) trace.push(`webview timeline (ms since its start, t0 = ${first.firstHighlightedAt! - first.firstHighlightedMs! - t0} ms): ${JSON.stringify(first.timeline)}`);
    const firstMs = first.firstHighlightedAt! - t0;
    await waitReport((r) => r.phase === 'final', 120_000);
    await new Promise((r) => setTimeout(r, 300));
    sampler.sample();
    const openPeak = sampler.peakRenderer;
    await mark('final analysis');
    if (opts.screenshot) {
      await page.waitForTimeout(300);
      await page.screenshot({ path: opts.screenshot });
    }
    let end = last!;
    if (opts.visitAll !== false) {
      await send({ type: 'scroll', to: 'all' });
      end = await waitReport((r) => r.visits > 0, 600_000);
      await mark('all pages visited');
    }
    await opts.inspect?.(page);
    if (trace.length) process.stderr.write(trace.map((l) => `  [pdfViewer] ${path.basename(file)}: ${l}\n`).join(''));
    sampler.stop();
    return {
      firstHighlightedMs: Math.round(firstMs),
      finalMs: finalAt === null ? null : Math.round(finalAt),
      viewerOpenPeakMB: Math.round(openPeak),
      viewerPeakMB: Math.round(sampler.peakRenderer),
      chromiumPeakMB: Math.round(sampler.peakAll),
      hostPeakRssMB: Math.round(sampler.peakHost),
      pages: end.pages,
      findings,
      drawn: end.drawnFindings,
      canvases: end.canvases,
      textMismatches: end.textMismatches,
      error: errors.length ? errors.slice(0, 3).join(' | ') : end.error,
    };
  } finally {
    sampler.stop();
    analyzer.dispose();
    await browser.close().catch(() => undefined);
    server.close();
  }
}

/**
 * The extension host's side alone, in a fresh Node process: the analysis worker thread reads and analyses the
 * file (preview, then the whole), and the main thread keeps the result as the extension does. Peak RSS of that
 * process (worker thread included), and the main thread's heap after a GC.
 */
export function hostMemory(root: string, file: string): { peakRssMB: number; heapMB: number; ms: number } | undefined {
  const analyzer = path.join(root, 'out', 'src', 'extension', 'viewer', 'analyzer.js');
  const workers = path.join(root, 'out', 'src', 'extension', 'workers', 'node.js');
  const worker = path.join(root, 'dist', 'document-worker.js');
  const code = `
    const { DocumentAnalyzer } = require(${JSON.stringify(analyzer)});
    const { nodeWorkers } = require(${JSON.stringify(workers)});
    const bytes = new Uint8Array(require('fs').readFileSync(${JSON.stringify(file)}));
    let peak = 0;
    const t = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 10);
    const a = new DocumentAnalyzer(nodeWorkers(${JSON.stringify(worker)}));
    const t0 = Date.now();
    const kept = [];
    a.run({ format: 'pdf', bytes, file: 'bench.pdf', previewPages: 3, generation: 1, previewId: 1, finalId: 2 }, (r) => {
      if (r.phase === 'preview') return;
      kept.push(r);
      const ms = Date.now() - t0;
      setTimeout(() => {
        global.gc();
        peak = Math.max(peak, process.memoryUsage().rss);
        console.log(JSON.stringify({ peakRssMB: peak / 1048576, heapMB: process.memoryUsage().heapUsed / 1048576, ms }));
        clearInterval(t);
        a.dispose();
      }, 100);
    });`;
  const r = spawnSync(process.execPath, ['--expose-gc', '-e', code], { encoding: 'utf8', timeout: 120_000 });
  try {
    const o = JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as { peakRssMB: number; heapMB: number; ms: number };
    return { peakRssMB: Math.round(o.peakRssMB), heapMB: Math.round(o.heapMB), ms: o.ms };
  } catch {
    return undefined;
  }
}

export function pdfViewerCase(root: string): { name: string; description: string; run(ctx: Ctx): Promise<Record<string, Metric>> } {
  return {
    name: 'pdfViewer',
    description:
      'PDF viewer end to end (host worker + webview page in headless Chromium): time to the first highlighted page and peak memory, for the largest corpus PDF and a generated 500-page PDF',
    async run(ctx): Promise<Record<string, Metric>> {
      if (!fs.existsSync(path.join(root, 'dist', 'pdf-viewer', 'viewer.js'))) {
        ctx.notes.push('pdfViewer: dist/pdf-viewer is missing (npm run build); skipped.');
        return { pdfViewerLargestFirstHighlightedMs: null };
      }
      if (!findChromium()) {
        ctx.notes.push('pdfViewer: no chromium (apt-get install chromium); skipped.');
        return { pdfViewerLargestFirstHighlightedMs: null };
      }
      // The machine may be shared (two cores here): the load average says how busy it was.
      const out: Record<string, Metric> = { pdfViewerLoadAverage: Math.round(os.loadavg()[0] * 100) / 100, pdfViewerCpus: os.cpus().length };
      const dir = path.join(ctx.corpus, ctx.fallback ? '' : 'pdf');
      const pdfs = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.pdf')).map((f) => path.join(dir, f)) : [];
      const largest = pdfs.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0] ?? path.join(root, 'test', 'fixtures', 'pdf', 'troms_fylkeskommune_saksprotokoll_2026.pdf');
      const long = path.join(os.tmpdir(), `policy-lens-bench-500-${process.pid}.pdf`);
      fs.writeFileSync(long, await makeLongPdf(500));
      try {
        for (const [key, file] of [
          ['pdfViewerLargest', largest],
          ['pdfViewer500', long],
        ] as const) {
          const bytes = new Uint8Array(fs.readFileSync(file));
          // Three first opens (the machine may be shared: the median is reported), then one open in which every
          // page is visited (the memory while scrolling through the whole document).
          const runs: ViewerRun[] = [];
          for (let i = 0; i < 3; i++) runs.push(await runViewer(root, file, bytes, { visitAll: false }));
          const visit = await runViewer(root, file, bytes, { visitAll: true });
          const first = runs.map((r) => r.firstHighlightedMs).filter((x): x is number => x !== null);
          const fin = runs.map((r) => r.finalMs).filter((x): x is number => x !== null);
          out[`${key}File`] = key === 'pdfViewer500' ? '(generated) 500 pages' : path.basename(file);
          out[`${key}Pages`] = visit.pages;
          out[`${key}MB`] = Math.round((bytes.length / MB) * 100) / 100;
          out[`${key}FirstHighlightedMs`] = first.length ? median(first) : null;
          out[`${key}FirstHighlightedRunsMs`] = first.join(' / ');
          out[`${key}FinalMs`] = fin.length ? median(fin) : null;
          out[`${key}ViewerOpenPeakMB`] = Math.max(...runs.map((r) => r.viewerOpenPeakMB), visit.viewerOpenPeakMB);
          out[`${key}ViewerPeakMB`] = visit.viewerPeakMB;
          out[`${key}ChromiumPeakMB`] = visit.chromiumPeakMB;
          const host = hostMemory(root, file);
          out[`${key}HostPeakRssMB`] = host?.peakRssMB ?? null;
          out[`${key}HostHeapMB`] = host?.heapMB ?? null;
          out[`${key}Findings`] = visit.findings;
          out[`${key}Drawn`] = visit.drawn;
          out[`${key}Canvases`] = visit.canvases;
          if (visit.drawn !== visit.findings) ctx.notes.push(`pdfViewer: ${path.basename(file)}: ${visit.drawn} of ${visit.findings} findings drawn after visiting every page`);
          if (visit.textMismatches) ctx.notes.push(`pdfViewer: ${path.basename(file)}: ${visit.textMismatches} findings whose text-layer characters differ from the host's text`);
          for (const r of [...runs, visit]) if (r.error) ctx.notes.push(`pdfViewer: ${path.basename(file)}: ${r.error}`);
        }
        out.pdfViewerLoadAverageEnd = Math.round(os.loadavg()[0] * 100) / 100;
      } finally {
        fs.rmSync(long, { force: true });
      }
      return out;
    },
  };
}

export const PDF_VIEWER_UNITS: Record<string, string> = {
  pdfViewerLargestMB: 'MB',
  pdfViewerLargestFirstHighlightedMs: 'ms',
  pdfViewerLargestFinalMs: 'ms',
  pdfViewerLargestViewerOpenPeakMB: 'MB',
  pdfViewerLargestViewerPeakMB: 'MB',
  pdfViewerLargestChromiumPeakMB: 'MB',
  pdfViewerLargestHostPeakRssMB: 'MB',
  pdfViewerLargestHostHeapMB: 'MB',
  pdfViewer500MB: 'MB',
  pdfViewer500FirstHighlightedMs: 'ms',
  pdfViewer500FinalMs: 'ms',
  pdfViewer500ViewerOpenPeakMB: 'MB',
  pdfViewer500ViewerPeakMB: 'MB',
  pdfViewer500ChromiumPeakMB: 'MB',
  pdfViewer500HostPeakRssMB: 'MB',
  pdfViewer500HostHeapMB: 'MB',
};
