/**
 * Policy Lens PDF viewer (runs in the webview). Renders the pages with pdf.js (the package's legacy build,
 * copied to dist/pdf-viewer/pdfjs by esbuild.js) and a real pdf.js worker; draws the findings the extension
 * host found over the exact words of pdf.js' text layer.
 *
 *  - Pages are placeholders until they come near the view (IntersectionObserver); then the canvas, the text
 *    layer and the link layer are made. Pages far from the view give their canvas back, and at most
 *    MAX_RENDERED pages hold one, so a 500-page document stays small.
 *  - The host sends the text it extracted with the engine and the item map (page, item index in
 *    getTextContent().items, offset in the item's string, text range). A finding [start, end) is cut into
 *    pieces of text-layer items from that map; the words are not searched for again. Find-in-document searches
 *    the same text and places its matches the same way.
 *  - Everything the host asks for arrives as a message; everything the viewer wants (explanations, opening a
 *    link, the password prompt) is a message the host checks before acting.
 */
import type * as PdfJs from 'pdfjs-dist';
import type { PDFDocumentProxy, PDFPageProxy, RenderTask } from 'pdfjs-dist';
import type { AnalysisPayload, CodingMark, Explanation, HostMessage, RenderReport, StatusMessage, ViewState, WebviewMessage } from '../protocol';
import { CATEGORY_IDS, ITEM_STRIDE } from '../protocol';

type Category = (typeof CATEGORY_IDS)[number];

declare function acquireVsCodeApi(): {
  postMessage(m: WebviewMessage): void;
  getState(): unknown;
  setState(s: unknown): void;
};

interface Config {
  pdfjs: string;
  worker: string;
  standardFonts: string;
  cmaps: string;
  strings: Record<string, string>;
}

const config = JSON.parse(document.getElementById('config')!.textContent || '{}') as Config;
const S = (k: string, ...args: (string | number)[]) =>
  (config.strings[k] ?? k).replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
const vscode = acquireVsCodeApi();
const post = (m: WebviewMessage) => vscode.postMessage(m);

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const viewer = $<HTMLDivElement>('viewer');
const pagesEl = $<HTMLDivElement>('pages');
const pageInput = $<HTMLInputElement>('page');
const pageCount = $<HTMLSpanElement>('pageCount');
const zoomSelect = $<HTMLSelectElement>('zoom');
const findInput = $<HTMLInputElement>('find');
const findCount = $<HTMLSpanElement>('findCount');
const summary = $<HTMLDivElement>('summary');
const messageBar = $<HTMLDivElement>('message');
const messageText = $<HTMLSpanElement>('messageText');
const messageAction = $<HTMLButtonElement>('messageAction');
const tooltip = $<HTMLDivElement>('tooltip');
const strip = $<HTMLDivElement>('strip');

/** Pages holding a canvas at most (the visible ones and a few around them). */
const MAX_RENDERED = 4;
/** Pages further than this from the visible ones give their canvas back. */
const KEEP_DISTANCE = 1;
/** After this many pages painted, pdf.js' caches (parsed pages, fonts, images in its worker) are emptied. */
const CLEANUP_EVERY = 16;
/** Largest canvas, in device pixels (pdf.js' own viewer uses 2^25). */
const MAX_CANVAS_PIXELS = 2 ** 24;
const PAGE_GAP = 12;
const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4];

/** Milestones of the first load (reported to the host: benchmark, diagnostics). */
const timeline: Record<string, number> = {};
const milestone = (k: string) => {
  if (!(k in timeline)) timeline[k] = Math.round(performance.now());
};

// ───────────────────────────── pdf.js ─────────────────────────────

/**
 * pdf.js' legacy build (needed for the Chromium of older VS Code versions) bundles core-js, which replaces some
 * built-ins with slower polyfills when it loads. Put the native ones back after loading it (as the engine does
 * in Node): pdf.js works with either, this page's own code is faster with the native ones.
 */
function snapshotBuiltins(): () => void {
  const saved: [object, PropertyKey, PropertyDescriptor | undefined][] = (
    [
      [Array.prototype, 'push'],
      [JSON, 'parse'],
      [JSON, 'stringify'],
      [Function.prototype, 'toString'],
    ] as [object, PropertyKey][]
  ).map(([o, k]) => [o, k, Object.getOwnPropertyDescriptor(o, k)]);
  return () => {
    for (const [o, k, d] of saved) {
      const now = Object.getOwnPropertyDescriptor(o, k);
      if (!d || !now || (now.value === d.value && now.get === d.get)) continue;
      try {
        Object.defineProperty(o, k, d);
      } catch {
        // leave the polyfill
      }
    }
  };
}

let pdfWorker: PdfJs.PDFWorker | undefined;
const pdfjsReady: Promise<typeof PdfJs> = (async () => {
  // A real worker thread. The worker file is an extension resource (another origin than this page), so it is
  // started from a blob of its text: CSP `worker-src blob:`. Fetched and started while pdf.js itself loads.
  const workerPort = fetch(config.worker)
    .then((r) => r.blob())
    .then((b) => new Worker(URL.createObjectURL(new Blob([b], { type: 'text/javascript' })), { type: 'module', name: 'pdf.js' }))
    .catch((e: unknown) => {
      console.warn('Policy Lens: no pdf.js worker thread; pdf.js runs in the page', e);
      return undefined;
    });
  const restore = snapshotBuiltins();
  let lib: typeof PdfJs;
  try {
    lib = (await import(/* @vite-ignore */ config.pdfjs)) as typeof PdfJs;
  } finally {
    restore();
  }
  milestone('pdfjs');
  lib.GlobalWorkerOptions.workerSrc = config.worker;
  const port = await workerPort;
  // One worker for every load: a document's loading task does not own (and so does not destroy) a worker it is
  // given, so reloading the file reuses the thread.
  if (port) pdfWorker = lib.PDFWorker.create({ port, name: 'policy-lens' });
  return lib;
})();

// ───────────────────────────── state ─────────────────────────────

interface Piece {
  item: number;
  from: number;
  to: number;
  /** Finding index, -1 - k for find match k, CODING_REF - i for coding i (or a flash / excluded mark). */
  ref: number;
}

interface PageView {
  num: number;
  div: HTMLDivElement;
  /** Size at scale 1 (CSS px); the first page's until the page itself is known. */
  width: number;
  height: number;
  sizeKnown: boolean;
  proxy?: PDFPageProxy;
  canvas?: HTMLCanvasElement;
  textLayerDiv?: HTMLDivElement;
  textLayer?: PdfJs.TextLayer;
  linkLayer?: HTMLDivElement;
  renderTask?: RenderTask;
  /** Scale the current canvas was painted at. */
  renderedScale?: number;
  rendering?: Promise<void>;
  /** Scale of the render in progress. */
  renderingScale?: number;
  /** Item strings of the page's text layer (getTextContent().items[i].str). */
  strs?: string[];
  /** Key of the decorations last applied (analysis, display, find, flash). */
  decorated?: string;
  visible: boolean;
}

interface Analysis {
  payload: AnalysisPayload;
  /** Pieces of findings per page. */
  byPage: Map<number, Piece[]>;
  placed: number;
  unplaced: number;
}

let lib: typeof PdfJs | undefined;
let generation = 0;
let loadSeq = 0;
let pdf: PDFDocumentProxy | undefined;
let pages: PageView[] = [];
let analysis: Analysis | undefined;
let display: { visible: boolean; categories: Record<Category, boolean>; labels: Record<Category, string> } = {
  visible: true,
  categories: Object.fromEntries(CATEGORY_IDS.map((c) => [c, true])) as Record<Category, boolean>,
  labels: Object.fromEntries(CATEGORY_IDS.map((c) => [c, c])) as Record<Category, string>,
};
let zoom: number | 'fit' = 'fit';
let scale = 1;
let find: { query: string; matches: [number, number][]; byPage: Map<number, Piece[]>; index: number } | undefined;
/** A range being shown (Findings tree, Framing view): its pieces get the flash mark until `until`. */
let flash: { start: number; end: number; until: number; byPage: Map<number, Piece[]> } | undefined;
const FLASH_REF = -2e9;
let drawnEver = new Set<number>();
let firstHighlightedMs: number | undefined;
let firstHighlightedAt: number | undefined;
let lastError: string | undefined;
/** A page and zoom asked for before the document was loaded. */
let pendingView: ViewState | undefined;
let statusState: StatusMessage | undefined;

// ───────────────────────────── messages from the host ─────────────────────────────

window.addEventListener('message', (e: MessageEvent) => {
  const m = e.data as HostMessage;
  if (!m || typeof m !== 'object' || typeof (m as { type?: unknown }).type !== 'string') return;
  switch (m.type) {
    case 'load':
      void load(m.generation, asBytes(m.data), m.password, m.restore);
      break;
    case 'analysis':
      if (m.generation === generation) setAnalysis(m);
      break;
    case 'status':
      // The host's state wins: a status of a newer load (e.g. a file refused before any load) is shown too.
      if (m.generation >= generation) showStatus(m);
      break;
    case 'display': {
      const before = displayKey();
      display = { visible: m.visible, categories: m.categories, labels: m.labels };
      if (displayKey() === before) break;
      // Count what is drawn with the new toggles from scratch: every painted page is decorated again.
      drawnEver = new Set();
      for (const p of pages) p.decorated = undefined;
      redecorateAll();
      renderSummary();
      break;
    }
    case 'reveal':
      if (analysis && m.analysisId === analysis.payload.analysisId) void reveal(m.start, m.end, m.how);
      break;
    case 'explanation':
      explanationArrived(m.id, m.explanation);
      break;
    case 'find':
      findInput.value = m.query;
      runFind(m.query);
      break;
    case 'requestReport':
      report(true);
      break;
    case 'setView':
      if (!pages.length) {
        // Not loaded yet: applied when the pages are there.
        pendingView = { page: m.page ?? pendingView?.page ?? 1, scale: m.scale ?? pendingView?.scale ?? zoom };
        break;
      }
      if (m.scale !== undefined) {
        zoom = m.scale;
        applyZoom();
      }
      if (m.page) scrollToPage(m.page);
      saveViewState();
      reportSoon();
      break;
    case 'hover':
      void hoverFinding(m.finding);
      break;
    case 'clickLink':
      pagesEl.querySelectorAll<HTMLAnchorElement>('.pl-link')[m.index]?.click();
      break;
    case 'getSelection': {
      const r = analysis ? selectionRange() : undefined;
      post({ type: 'selection', id: m.id, analysisId: analysis?.payload.analysisId ?? 0, start: r?.start ?? 0, end: r?.end ?? 0 });
      break;
    }
    case 'codings':
      // The same codings again (a new analysis of the same text sends them anew): nothing to redraw.
      if (codings && codings.analysisId === m.analysisId && JSON.stringify(codings.marks) === JSON.stringify(m.codings)) break;
      codings = { analysisId: m.analysisId, marks: m.codings, byPage: undefined };
      codingsVersion++;
      codingsDrawn = new Set();
      redecorateAll();
      break;
    case 'select':
      void selectText(m.start, m.end);
      break;
    case 'scroll':
      if (m.to === 'all') void visitAllPages();
      else if (m.to === 'end') scrollToPage(pages.length);
      else if (m.page) scrollToPage(m.page);
      break;
  }
});

// ───────────────────────────── loading ─────────────────────────────

/** The PDF's bytes as they arrive (a typed array, an ArrayBuffer, or an array-like after serialisation). */
function asBytes(d: unknown): Uint8Array {
  if (d instanceof Uint8Array) return d;
  if (d instanceof ArrayBuffer) return new Uint8Array(d);
  if (ArrayBuffer.isView(d)) return new Uint8Array(d.buffer, d.byteOffset, d.byteLength);
  if (d && typeof d === 'object') return Uint8Array.from(Object.values(d as Record<string, number>));
  return new Uint8Array(0);
}

async function load(gen: number, data: Uint8Array, password: string | undefined, restore: ViewState | undefined): Promise<void> {
  const seq = ++loadSeq;
  milestone('load');
  const keep = restore ?? currentViewState();
  generation = gen;
  analysis = undefined;
  find = undefined;
  drawnEver = new Set();
  lastError = undefined;
  hideTooltip();
  const old = pdf;
  pdf = undefined;
  for (const p of pages) releasePage(p);
  pages = [];
  pagesEl.textContent = '';
  strip.textContent = '';
  try {
    if (old) await old.destroy().catch(() => undefined);
    lib = await pdfjsReady;
    if (seq !== loadSeq) return;
    const task = lib.getDocument({
      worker: pdfWorker,
      data,
      password,
      isEvalSupported: false,
      // The same text items as the host's extractor (src/core/extract/pdf.ts): standard fonts from the files
      // shipped with pdf.js, not the system's, fetched by this page and handed to the worker.
      useSystemFonts: false,
      useWorkerFetch: false,
      standardFontDataUrl: config.standardFonts,
      cMapUrl: config.cmaps,
      cMapPacked: true,
      enableXfa: false,
      stopAtErrors: false,
    });
    const doc = await task.promise;
    if (seq !== loadSeq) {
      void doc.destroy();
      return;
    }
    pdf = doc;
    milestone('document');
    const first = (await doc.getPage(1)).getViewport({ scale: 1 });
    if (seq !== loadSeq) return;
    pageCount.textContent = `/ ${doc.numPages}`;
    for (let n = 1; n <= doc.numPages; n++) {
      const div = document.createElement('div');
      div.className = 'page';
      div.dataset.page = String(n);
      div.setAttribute('aria-label', S('pageLabel', n));
      pagesEl.append(div);
      pages.push({ num: n, div, width: first.width, height: first.height, sizeKnown: n === 1, visible: false });
    }
    const view = pendingView ?? keep;
    pendingView = undefined;
    zoom = view?.scale ?? zoom;
    applyZoom(false);
    if (view && view.page > 1) scrollToPage(Math.min(view.page, doc.numPages), false);
    for (const p of pages) observer.observe(p.div);
    updatePageNumber();
    report();
  } catch (e) {
    if (seq !== loadSeq) return;
    const err = e as { name?: string; message?: string };
    lastError = `${err?.name ?? 'Error'}: ${err?.message ?? String(e)}`;
    post({ type: 'loadFailed', generation: gen, name: String(err?.name ?? 'Error').slice(0, 200), message: String(err?.message ?? e).slice(0, 4000) });
    report();
  }
}

function currentViewState(): ViewState | undefined {
  if (!pages.length) return (vscode.getState() as ViewState | undefined) ?? undefined;
  return { page: currentPage(), scale: zoom };
}

// ───────────────────────────── analysis → pieces on the text layer ─────────────────────────────

/** First index k (in items) whose span ends after `offset`. */
function firstItemAfter(items: Int32Array, offset: number): number {
  let lo = 0;
  let hi = items.length / ITEM_STRIDE;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid * ITEM_STRIDE + 4] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Cuts the text range [start, end) into text-layer pieces (page, item, range in the item's string). */
function piecesOf(items: Int32Array, start: number, end: number, ref: number, out: Map<number, Piece[]>): boolean {
  const n = items.length / ITEM_STRIDE;
  let placed = false;
  for (let k = firstItemAfter(items, start); k < n; k++) {
    const b = k * ITEM_STRIDE;
    const s = items[b + 3];
    const e = items[b + 4];
    if (s >= end) break;
    const from = Math.max(start, s);
    const to = Math.min(end, e);
    if (to <= from) continue;
    const page = items[b];
    const off = items[b + 2];
    let list = out.get(page);
    if (!list) out.set(page, (list = []));
    list.push({ item: items[b + 1], from: off + (from - s), to: off + (to - s), ref });
    placed = true;
  }
  return placed;
}

function setAnalysis(p: AnalysisPayload): void {
  // A preview never replaces the whole document's analysis.
  if (analysis && analysis.payload.phase === 'final' && p.phase === 'preview') return;
  const byPage = new Map<number, Piece[]>();
  let placed = 0;
  const f = p.findings;
  for (let i = 0; i < f.start.length; i++) if (piecesOf(p.items, f.start[i], f.end[i], i, byPage)) placed++;
  analysis = { payload: p, byPage, placed, unplaced: f.start.length - placed };
  milestone('analysis');
  // Finding indexes belong to an analysis: explanations asked for the previous one are no use now.
  explanations.clear();
  waiting.clear();
  hideTooltip();
  checkedPages.clear();
  mismatched.clear();
  drawnEver = new Set();
  codingsDrawn = new Set();
  for (const pg of pages) pg.decorated = undefined;
  if (find) runFind(find.query, find.index);
  redecorateAll();
  renderSummary();
  renderStrip();
  findInput.disabled = false;
  report();
}

function categoryOf(ref: number): Category | undefined {
  if (!analysis || ref < 0) return undefined;
  return CATEGORY_IDS[analysis.payload.findings.category[ref]];
}

// ───────────────────────────── rendering ─────────────────────────────

const observer = new IntersectionObserver(
  (entries) => {
    for (const e of entries) {
      const p = pages[Number((e.target as HTMLElement).dataset.page) - 1];
      if (p) p.visible = e.isIntersecting;
    }
    schedule();
  },
  { root: viewer, rootMargin: '50% 0px 50% 0px' },
);

let scheduled = false;
/** Renders the wanted pages one after the other, nearest to the view first; releases far ones. */
function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  queueMicrotask(async () => {
    scheduled = false;
    if (!pdf) return;
    const want = pages.filter((p) => p.visible);
    const center = currentPage();
    want.sort((a, b) => Math.abs(a.num - center) - Math.abs(b.num - center));
    releaseFar(want);
    for (const p of want) {
      if (p.renderedScale === scale && p.canvas) continue;
      await renderPage(p);
      if (!pdf) return;
    }
  });
}

function releaseFar(want: PageView[]): void {
  const wanted = new Set(want.map((p) => p.num));
  const lo = Math.min(...wanted) - KEEP_DISTANCE;
  const hi = Math.max(...wanted) + KEEP_DISTANCE;
  const held = pages.filter((p) => p.canvas || p.rendering);
  for (const p of held) if (!wanted.has(p.num) && (wanted.size === 0 || p.num < lo || p.num > hi)) releasePage(p);
  const still = pages.filter((p) => p.canvas && !wanted.has(p.num));
  if (still.length + wanted.size > MAX_RENDERED) {
    still.sort((a, b) => Math.abs(b.num - currentPage()) - Math.abs(a.num - currentPage()));
    for (const p of still.slice(0, still.length + wanted.size - MAX_RENDERED)) releasePage(p);
  }
}

/**
 * Canvases of released pages, kept for the next pages (same size when the zoom is the same): allocating a fresh
 * canvas for every page that scrolls by makes the renderer's memory grow far beyond what the live ones use.
 */
const canvasPool: HTMLCanvasElement[] = [];
function takeCanvas(width: number, height: number): HTMLCanvasElement {
  const i = canvasPool.findIndex((c) => c.width === width && c.height === height);
  const c = i >= 0 ? canvasPool.splice(i, 1)[0] : canvasPool.pop() ?? document.createElement('canvas');
  if (c.width !== width) c.width = width;
  if (c.height !== height) c.height = height;
  return c;
}
function giveCanvas(c: HTMLCanvasElement): void {
  c.remove();
  if (canvasPool.length < 1) canvasPool.push(c);
  else c.width = c.height = 0; // give the pixels back at once (a detached canvas keeps them until collected)
}

let paintedSinceCleanup = 0;
let idleCleanup: ReturnType<typeof setTimeout> | undefined;
/**
 * Empties pdf.js' caches when no page is being painted: every CLEANUP_EVERY pages while scrolling, and once the
 * viewer has been idle for a moment (as pdf.js' own viewer does). The visible pages keep their canvases.
 */
function maybeCleanup(force = false): void {
  if (idleCleanup) clearTimeout(idleCleanup);
  idleCleanup = setTimeout(() => maybeCleanup(true), 1500);
  if (!pdf || (!force && paintedSinceCleanup < CLEANUP_EVERY) || paintedSinceCleanup === 0) return;
  if (pages.some((p) => p.rendering)) return;
  try {
    void pdf.cleanup(true).catch(() => undefined);
    paintedSinceCleanup = 0;
  } catch {
    // a page is being painted after all: next time
  }
}

function releasePage(p: PageView): void {
  p.renderTask?.cancel();
  p.renderTask = undefined;
  p.textLayer?.cancel();
  p.textLayer = undefined;
  if (p.canvas) giveCanvas(p.canvas);
  p.canvas = undefined;
  p.textLayerDiv?.remove();
  p.textLayerDiv = undefined;
  p.linkLayer?.remove();
  p.linkLayer = undefined;
  p.strs = undefined;
  p.decorated = undefined;
  p.renderedScale = undefined;
  p.rendering = undefined;
  p.renderingScale = undefined;
  p.div.classList.remove('rendered');
  p.proxy?.cleanup();
}

function renderPage(p: PageView): Promise<void> {
  if (p.rendering && p.renderingScale === scale) return p.rendering;
  const seq = loadSeq;
  const run = (async () => {
    const doc = pdf;
    if (!doc || !lib) return;
    try {
      p.proxy ??= await doc.getPage(p.num);
      if (seq !== loadSeq) return;
      const base = p.proxy.getViewport({ scale: 1 });
      if (!p.sizeKnown || base.width !== p.width || base.height !== p.height) {
        p.sizeKnown = true;
        p.width = base.width;
        p.height = base.height;
        sizePage(p);
      }
      const s = scale;
      const viewport = p.proxy.getViewport({ scale: s });
      let ratio = window.devicePixelRatio || 1;
      if (viewport.width * viewport.height * ratio * ratio > MAX_CANVAS_PIXELS) {
        ratio = Math.sqrt(MAX_CANVAS_PIXELS / (viewport.width * viewport.height));
      }
      const canvas = takeCanvas(Math.floor(viewport.width * ratio), Math.floor(viewport.height * ratio));
      canvas.style.width = `${Math.floor(viewport.width)}px`;
      canvas.style.height = `${Math.floor(viewport.height)}px`;
      canvas.setAttribute('aria-hidden', 'true');
      const ctx = canvas.getContext('2d', { alpha: false })!;
      p.renderTask?.cancel();
      const task = p.proxy.render({ canvasContext: ctx, canvas, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined });
      p.renderTask = task;
      // The text layer is built while the canvas is painted.
      const textDiv = document.createElement('div');
      textDiv.className = 'textLayer';
      const textContent = p.proxy.getTextContent();
      await task.promise;
      if (seq !== loadSeq || p.renderTask !== task) {
        giveCanvas(canvas);
        return;
      }
      p.renderTask = undefined;
      if (p.canvas) giveCanvas(p.canvas);
      p.textLayer?.cancel();
      p.textLayerDiv?.remove();
      p.linkLayer?.remove();
      p.canvas = canvas;
      p.div.prepend(canvas);
      milestone('firstPaint');
      p.div.style.setProperty('--total-scale-factor', String(s));
      const tc = await textContent;
      const tl = new lib.TextLayer({ textContentSource: tc, container: textDiv, viewport });
      p.textLayer = tl;
      p.textLayerDiv = textDiv;
      p.div.append(textDiv);
      await tl.render();
      if (seq !== loadSeq || p.textLayer !== tl) return;
      p.strs = tc.items.map((it) => ('str' in it ? it.str : ''));
      p.renderedScale = s;
      p.decorated = undefined;
      p.div.classList.add('rendered');
      paintedSinceCleanup++;
      decorate(p);
      void addLinks(p, viewport);
      reportSoon();
    } catch (e) {
      const name = (e as { name?: string })?.name;
      if (name === 'RenderingCancelledException' || name === 'AbortException') return;
      lastError = `page ${p.num}: ${(e as Error)?.message ?? e}`;
      reportSoon();
    }
  })();
  p.rendering = run;
  p.renderingScale = scale;
  void run.finally(() => {
    if (p.rendering === run) {
      p.rendering = undefined;
      p.renderingScale = undefined;
    }
    maybeCleanup();
  });
  return run;
}

function sizePage(p: PageView): void {
  p.div.style.width = `${Math.floor(p.width * scale)}px`;
  p.div.style.height = `${Math.floor(p.height * scale)}px`;
}

// ───────────────────────────── decorations: findings, find matches, flash ─────────────────────────────

function displayKey(): string {
  return `${display.visible}:${CATEGORY_IDS.map((c) => (display.categories[c] ? 1 : 0)).join('')}`;
}

function decorationKey(): string {
  const a = analysis ? String(analysis.payload.analysisId) : '-';
  const d = displayKey();
  const f = find ? `${find.query}:${find.index}:${find.matches.length}` : '';
  const fl = flash && flash.until > Date.now() ? `fl${flash.start}-${flash.end}` : '';
  const co = codings?.marks.length && codingPieces() ? `co${codingsVersion}` : '';
  return `${a}|${d}|${f}|${fl}|${co}`;
}

function redecorateAll(): void {
  for (const p of pages) if (p.strs) decorate(p);
  reportSoon();
}

/** (Re)builds the highlight spans inside the page's text-layer items. */
function decorate(p: PageView): void {
  const tl = p.textLayer;
  if (!tl || !p.strs) return;
  const key = decorationKey();
  if (p.decorated === key) return;
  // Rebuilding the items' text nodes would drop a selection on them: it is put back over the same words.
  const sel = window.getSelection();
  const kept = sel && sel.rangeCount && !sel.isCollapsed && sel.getRangeAt(0).intersectsNode(p.div) ? selectionRange() : undefined;
  const divs = tl.textDivs;
  const strs = p.strs;
  const touched = new Map<number, Piece[]>();
  const add = (pc: Piece) => {
    let l = touched.get(pc.item);
    if (!l) touched.set(pc.item, (l = []));
    l.push(pc);
  };
  const showFindings = display.visible;
  for (const pc of analysis?.byPage.get(p.num) ?? []) {
    const c = categoryOf(pc.ref);
    if (showFindings && c && display.categories[c]) add(pc);
  }
  if (flash && flash.until > Date.now()) for (const pc of flash.byPage.get(p.num) ?? []) add(pc);
  for (const pc of find?.byPage.get(p.num) ?? []) add(pc);
  for (const pc of codingPieces()?.get(p.num) ?? []) add(pc);
  const excluded = excludedPieces(p.num);
  for (const pc of excluded) add(pc);
  // Items decorated before and not now: back to plain text.
  for (const div of p.div.querySelectorAll<HTMLElement>('.textLayer [data-decorated]')) {
    const i = Number(div.dataset.item);
    if (!touched.has(i)) {
      div.textContent = strs[i] ?? div.textContent;
      delete div.dataset.decorated;
    }
  }
  for (const [item, list] of touched) {
    const div = divs[item];
    const str = strs[item];
    if (!div || str === undefined) continue;
    div.dataset.item = String(item);
    div.dataset.decorated = '1';
    buildItem(div, str, list);
    for (const pc of list) {
      if (pc.ref >= 0 && showFindings && display.categories[categoryOf(pc.ref)!]) drawnEver.add(pc.ref);
      else if (pc.ref <= CODING_REF) codingsDrawn.add(CODING_REF - pc.ref);
    }
  }
  p.decorated = key;
  if (kept) selectRange(kept.start, kept.end);
  checkPage(p);
  if (analysis && p.canvas && firstHighlightedMs === undefined) {
    // The first page painted with its highlights: measured when the frame that shows them is drawn.
    requestAnimationFrame(() => {
      if (firstHighlightedMs !== undefined) return;
      firstHighlightedMs = performance.now();
      firstHighlightedAt = Date.now();
      milestone('firstHighlighted');
      reportSoon();
    });
  }
}

/** Cached pieces of the running headers/footers (drawn with a faint mark: rendered, not analysed). */
function excludedPieces(page: number): Piece[] {
  if (!analysis) return [];
  const a = analysis as Analysis & { excludedByPage?: Map<number, Piece[]> };
  if (!a.excludedByPage) {
    a.excludedByPage = new Map();
    const ex = a.payload.excluded;
    for (let i = 0; i < ex.length; i += 2) piecesOf(a.payload.items, ex[i], ex[i + 1], EXCLUDED_REF, a.excludedByPage);
  }
  return a.excludedByPage.get(page) ?? [];
}
const EXCLUDED_REF = -1e9;
/** Coding i is drawn with ref CODING_REF - i. */
const CODING_REF = -3e9;

// ───────────────────────────── codings ─────────────────────────────

let codings: { analysisId: number; marks: CodingMark[]; byPage: Map<number, Piece[]> | undefined } | undefined;
let codingsVersion = 0;
let codingsDrawn = new Set<number>();

/** The codings' pieces per page, when they belong to the analysis shown. */
function codingPieces(): Map<number, Piece[]> | undefined {
  if (!analysis || !codings || codings.analysisId !== analysis.payload.analysisId) return undefined;
  if (!codings.byPage) {
    codings.byPage = new Map();
    codings.marks.forEach((m, i) => piecesOf(analysis!.payload.items, m.start, m.end, CODING_REF - i, codings!.byPage!));
  }
  return codings.byPage;
}

/** Item spans (indexes into the item map) of each page's text-layer item: key page * 2^20 + item. */
let itemIndex: { items: Int32Array; map: Map<number, number[]> } | undefined;
function spansOfItem(page: number, item: number): number[] {
  const items = analysis!.payload.items;
  if (!itemIndex || itemIndex.items !== items) {
    const map = new Map<number, number[]>();
    for (let k = 0; k * ITEM_STRIDE < items.length; k++) {
      const key = items[k * ITEM_STRIDE] * 1048576 + items[k * ITEM_STRIDE + 1];
      let l = map.get(key);
      if (!l) map.set(key, (l = []));
      l.push(k);
    }
    itemIndex = { items, map };
  }
  return itemIndex.map.get(page * 1048576 + item) ?? [];
}

/** Characters of `div`'s text before the point (node, offset). */
function charsBefore(div: HTMLElement, node: Node, offset: number): number {
  const r = document.createRange();
  r.setStart(div, 0);
  r.setEnd(node, offset);
  return r.toString().length;
}

/**
 * The text-layer selection as [start, end) of the extracted text: every text-layer item the selection covers is a
 * pdf.js item with known offsets (the item map the findings are placed with, read the other way).
 */
function selectionRange(): { start: number; end: number } | undefined {
  const sel = window.getSelection();
  if (!analysis || !sel || sel.rangeCount === 0 || sel.isCollapsed) return undefined;
  const range = sel.getRangeAt(0);
  const items = analysis.payload.items;
  let start = Infinity;
  let end = -Infinity;
  for (const p of pages) {
    const tl = p.textLayer;
    const strs = p.strs;
    if (!tl || !strs || !range.intersectsNode(p.div)) continue;
    tl.textDivs.forEach((div, item) => {
      if (!range.intersectsNode(div)) return;
      const str = strs[item] ?? '';
      const from = div.contains(range.startContainer) ? charsBefore(div, range.startContainer, range.startOffset) : 0;
      const to = div.contains(range.endContainer) ? charsBefore(div, range.endContainer, range.endOffset) : str.length;
      if (to <= from) return;
      for (const k of spansOfItem(p.num, item)) {
        const b = k * ITEM_STRIDE;
        const off = items[b + 2];
        const s = items[b + 3];
        const e = items[b + 4];
        const a = Math.max(from, off);
        const z = Math.min(to, off + (e - s));
        if (z <= a) continue;
        start = Math.min(start, s + (a - off));
        end = Math.max(end, s + (z - off));
      }
    });
  }
  return start < end ? { start, end } : undefined;
}

/** The text node and offset at character `n` of `div`'s text. */
function pointAt(div: HTMLElement, n: number): [Node, number] {
  const walker = document.createTreeWalker(div, NodeFilter.SHOW_TEXT);
  let left = n;
  let last: Text | undefined;
  for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
    if (left <= t.length) return [t, left];
    left -= t.length;
    last = t;
  }
  return last ? [last, last.length] : [div, 0];
}

/** Selects [start, end) of the text on the text layer, as dragging the mouse over the words would (tests). */
async function selectText(start: number, end: number): Promise<void> {
  if (!analysis) return;
  const byPage = new Map<number, Piece[]>();
  if (!piecesOf(analysis.payload.items, start, end, 0, byPage)) return;
  const nums = [...byPage.keys()].sort((a, b) => a - b);
  for (const n of nums) {
    const p = pages[n - 1];
    if (!p) return;
    if (!p.strs) {
      scrollToPage(n);
      p.visible = true;
      schedule();
    }
    // A render in progress may be superseded (a new zoom): wait for the page's text layer itself.
    for (let tries = 0; tries < 5 && !(p.strs && p.textLayer); tries++) await (p.rendering ?? renderPage(p));
  }
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  selectRange(start, end);
  reportSoon();
}

/** Selects [start, end) of the text over the words on the pages painted now. */
function selectRange(start: number, end: number): void {
  if (!analysis) return;
  const byPage = new Map<number, Piece[]>();
  if (!piecesOf(analysis.payload.items, start, end, 0, byPage)) return;
  const nums = [...byPage.keys()].sort((a, b) => a - b);
  const first = byPage.get(nums[0])![0];
  const lastList = byPage.get(nums[nums.length - 1])!;
  const last = lastList[lastList.length - 1];
  const divA = pages[nums[0] - 1]?.textLayer?.textDivs[first.item];
  const divB = pages[nums[nums.length - 1] - 1]?.textLayer?.textDivs[last.item];
  if (!divA || !divB || !divA.isConnected || !divB.isConnected) return;
  const r = document.createRange();
  r.setStart(...pointAt(divA, first.from));
  r.setEnd(...pointAt(divB, last.to));
  const sel = window.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(r);
}

/** Splits an item's string at the pieces' edges; each part gets the spans of the pieces covering it. */
function buildItem(div: HTMLElement, str: string, list: Piece[]): void {
  const cuts = new Set<number>([0, str.length]);
  for (const pc of list) {
    cuts.add(Math.max(0, Math.min(str.length, pc.from)));
    cuts.add(Math.max(0, Math.min(str.length, pc.to)));
  }
  const edges = [...cuts].sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  for (let k = 0; k + 1 < edges.length; k++) {
    const a = edges[k];
    const b = edges[k + 1];
    if (b <= a) continue;
    const text = str.slice(a, b);
    const covering = list.filter((pc) => pc.from <= a && pc.to >= b);
    if (!covering.length) {
      frag.append(text);
      continue;
    }
    let node: Node = document.createTextNode(text);
    // Innermost first: find matches, then findings (stacked backgrounds blend like editor decorations).
    const findRefs = covering.filter((pc) => pc.ref < 0 && pc.ref > EXCLUDED_REF);
    const findingRefs = covering.filter((pc) => pc.ref >= 0);
    for (const pc of findRefs) {
      const span = document.createElement('span');
      span.className = 'pl-find' + (find && -1 - pc.ref === find.index ? ' current' : '');
      span.dataset.match = String(-1 - pc.ref);
      span.append(node);
      node = span;
    }
    const cats = [...new Set(findingRefs.map((pc) => categoryOf(pc.ref)!))];
    for (const c of cats) {
      const span = document.createElement('span');
      span.className = `pl-hl c-${c}`;
      span.append(node);
      node = span;
    }
    if (findingRefs.length) (node as HTMLElement).dataset.f = findingRefs.map((pc) => pc.ref).join(' ');
    // Codings: a tint and an underline in the code's colour (dashed: autocoded, to review), the code on hover.
    for (const pc of covering) {
      const mark = pc.ref <= CODING_REF ? codings?.marks[CODING_REF - pc.ref] : undefined;
      if (!mark) continue;
      const span = document.createElement('span');
      span.className = 'pl-code' + (mark.review ? ' review' : '');
      span.style.setProperty('--code-color', mark.color);
      span.dataset.coding = String(CODING_REF - pc.ref);
      span.title = mark.label;
      span.append(node);
      node = span;
    }
    if (covering.some((pc) => pc.ref === FLASH_REF)) {
      const span = document.createElement('span');
      span.className = 'pl-flash';
      span.append(node);
      node = span;
    }
    if (covering.some((pc) => pc.ref === EXCLUDED_REF)) {
      const span = document.createElement('span');
      span.className = 'pl-excluded';
      span.title = S('excluded');
      span.append(node);
      node = span;
    }
    frag.append(node);
  }
  div.textContent = '';
  div.append(frag);
}

// ───────────────────────────── links ─────────────────────────────

interface LinkAnnotation {
  subtype: string;
  rect: number[];
  url?: string;
  dest?: string | unknown[];
}

async function addLinks(p: PageView, viewport: PdfJs.PageViewport): Promise<void> {
  if (!p.proxy) return;
  let annots: LinkAnnotation[];
  try {
    annots = (await p.proxy.getAnnotations({ intent: 'display' })) as LinkAnnotation[];
  } catch {
    return;
  }
  const links = annots.filter((a) => a.subtype === 'Link' && (a.url || a.dest));
  if (!links.length || !p.canvas) return;
  const layer = document.createElement('div');
  layer.className = 'pl-links';
  for (const a of links) {
    const [x1, y1, x2, y2] = viewport.convertToViewportRectangle(a.rect);
    const el = document.createElement('a');
    el.className = 'pl-link';
    el.href = '#';
    el.style.left = `${Math.min(x1, x2)}px`;
    el.style.top = `${Math.min(y1, y2)}px`;
    el.style.width = `${Math.abs(x2 - x1)}px`;
    el.style.height = `${Math.abs(y2 - y1)}px`;
    el.title = a.url ?? S('internalLink');
    el.addEventListener('click', (e) => {
      e.preventDefault();
      if (a.url) post({ type: 'openLink', url: a.url });
      else if (a.dest) void goToDest(a.dest);
    });
    layer.append(el);
  }
  p.linkLayer?.remove();
  p.linkLayer = layer;
  p.div.append(layer);
  reportSoon();
}

async function goToDest(dest: string | unknown[]): Promise<void> {
  if (!pdf) return;
  try {
    const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : dest;
    if (!Array.isArray(explicit) || !explicit.length) return;
    const ref = explicit[0];
    const index = typeof ref === 'number' ? ref : await pdf.getPageIndex(ref as never);
    scrollToPage(index + 1);
  } catch {
    // a broken destination: stay
  }
}

// ───────────────────────────── navigation and zoom ─────────────────────────────

function currentPage(): number {
  if (!pages.length) return 1;
  const mid = viewer.scrollTop + viewer.clientHeight * 0.3;
  let lo = 0;
  let hi = pages.length - 1;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    const d = pages[m].div;
    if (d.offsetTop + d.offsetHeight + PAGE_GAP / 2 < mid) lo = m + 1;
    else hi = m;
  }
  return lo + 1;
}

function scrollToPage(n: number, smooth = false): void {
  const p = pages[Math.max(1, Math.min(n, pages.length)) - 1];
  if (!p) return;
  viewer.scrollTo({ top: p.div.offsetTop - PAGE_GAP, behavior: smooth ? 'smooth' : 'auto' });
  updatePageNumber();
}

function fitScale(): number {
  const widest = pages[0]?.width ?? 612;
  return Math.max(0.25, Math.min(4, (viewer.clientWidth - 2 * PAGE_GAP - 16) / widest));
}

function applyZoom(keepPlace = true): void {
  const anchor = keepPlace && pages.length ? anchorOf() : undefined;
  scale = zoom === 'fit' ? fitScale() : zoom;
  for (const p of pages) sizePage(p);
  for (const p of pages) {
    if (p.canvas && p.renderedScale !== scale) {
      // Keep the old pixels (stretched) until the page is painted again at the new scale.
      p.canvas.style.width = `${Math.floor(p.width * scale)}px`;
      p.canvas.style.height = `${Math.floor(p.height * scale)}px`;
      p.div.style.setProperty('--total-scale-factor', String(scale));
      if (p.textLayer && p.proxy) p.textLayer.update({ viewport: p.proxy.getViewport({ scale }) });
      p.linkLayer?.remove();
      p.linkLayer = undefined;
    }
  }
  if (anchor) {
    const p = pages[anchor.page - 1];
    viewer.scrollTop = p.div.offsetTop + anchor.fraction * p.div.offsetHeight - anchor.offset;
  }
  syncZoomSelect();
  schedule();
  saveViewState();
}

function anchorOf(): { page: number; fraction: number; offset: number } {
  const n = currentPage();
  const d = pages[n - 1].div;
  const offset = viewer.clientHeight * 0.3;
  const y = viewer.scrollTop + offset;
  return { page: n, fraction: Math.max(0, Math.min(1, (y - d.offsetTop) / Math.max(1, d.offsetHeight))), offset };
}

function syncZoomSelect(): void {
  if (!zoomSelect.options.length) {
    const fit = new Option(S('fitWidth'), 'fit');
    zoomSelect.append(fit);
    for (const z of ZOOMS) zoomSelect.append(new Option(`${Math.round(z * 100)} %`, String(z)));
    zoomSelect.append(new Option('', 'custom'));
  }
  const custom = zoomSelect.options[zoomSelect.options.length - 1];
  if (zoom === 'fit') {
    zoomSelect.value = 'fit';
    custom.hidden = true;
  } else if (ZOOMS.includes(zoom)) {
    zoomSelect.value = String(zoom);
    custom.hidden = true;
  } else {
    custom.text = `${Math.round(zoom * 100)} %`;
    custom.hidden = false;
    zoomSelect.value = 'custom';
  }
}

function stepZoom(dir: 1 | -1): void {
  const cur = scale;
  const next = dir > 0 ? ZOOMS.find((z) => z > cur + 1e-3) ?? ZOOMS[ZOOMS.length - 1] : [...ZOOMS].reverse().find((z) => z < cur - 1e-3) ?? ZOOMS[0];
  zoom = next;
  applyZoom();
}

let viewStateTimer: ReturnType<typeof setTimeout> | undefined;
function saveViewState(): void {
  if (viewStateTimer) clearTimeout(viewStateTimer);
  viewStateTimer = setTimeout(() => {
    if (!pages.length) return;
    const state: ViewState = { page: currentPage(), scale: zoom };
    vscode.setState(state);
    post({ type: 'viewState', page: state.page, scale: state.scale });
  }, 250);
}

let pageNumberFrame = 0;
function updatePageNumber(): void {
  if (pageNumberFrame) return;
  pageNumberFrame = requestAnimationFrame(() => {
    pageNumberFrame = 0;
    if (document.activeElement !== pageInput) pageInput.value = String(currentPage());
  });
}

viewer.addEventListener('scroll', () => {
  updatePageNumber();
  hideTooltip();
  saveViewState();
});
new ResizeObserver(() => {
  if (zoom === 'fit' && pages.length && Math.abs(fitScale() - scale) > 0.01) applyZoom();
}).observe(viewer);
viewer.addEventListener(
  'wheel',
  (e) => {
    if (!e.ctrlKey) return;
    e.preventDefault();
    stepZoom(e.deltaY < 0 ? 1 : -1);
  },
  { passive: false },
);
$<HTMLButtonElement>('prev').addEventListener('click', () => scrollToPage(currentPage() - 1));
$<HTMLButtonElement>('next').addEventListener('click', () => scrollToPage(currentPage() + 1));
$<HTMLButtonElement>('zoomIn').addEventListener('click', () => stepZoom(1));
$<HTMLButtonElement>('zoomOut').addEventListener('click', () => stepZoom(-1));
zoomSelect.addEventListener('change', () => {
  if (zoomSelect.value === 'custom') return;
  zoom = zoomSelect.value === 'fit' ? 'fit' : Number(zoomSelect.value);
  applyZoom();
});
pageInput.addEventListener('keydown', (e) => {
  if (e.key !== 'Enter') return;
  const n = parseInt(pageInput.value, 10);
  if (Number.isFinite(n)) scrollToPage(n);
  viewer.focus();
});
pageInput.addEventListener('blur', () => updatePageNumber());
syncZoomSelect();

document.addEventListener('keydown', (e) => {
  const mod = e.ctrlKey || e.metaKey;
  if (mod && (e.key === 'f' || e.key === 'F')) {
    e.preventDefault();
    findInput.focus();
    findInput.select();
  } else if (e.key === 'F3' || (mod && (e.key === 'g' || e.key === 'G'))) {
    e.preventDefault();
    stepFind(e.shiftKey ? -1 : 1);
  } else if (mod && (e.key === '+' || e.key === '=')) {
    e.preventDefault();
    stepZoom(1);
  } else if (mod && e.key === '-') {
    e.preventDefault();
    stepZoom(-1);
  }
});

// ───────────────────────────── find in document ─────────────────────────────

function runFind(query: string, keepIndex = 0): void {
  const q = query.trim();
  if (!q || !analysis) {
    find = undefined;
    findCount.textContent = q && !analysis ? S('findNoText') : '';
    redecorateAll();
    return;
  }
  const pattern = q
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  const re = new RegExp(pattern, 'giu');
  const text = analysis.payload.text;
  const matches: [number, number][] = [];
  for (const m of text.matchAll(re)) {
    if (m[0].length === 0) break;
    matches.push([m.index!, m.index! + m[0].length]);
    if (matches.length >= 10_000) break;
  }
  const byPage = new Map<number, Piece[]>();
  matches.forEach(([s, e], k) => piecesOf(analysis!.payload.items, s, e, -1 - k, byPage));
  find = { query: q, matches, byPage, index: matches.length ? Math.min(keepIndex, matches.length - 1) : -1 };
  updateFindCount();
  redecorateAll();
  if (matches.length) revealMatch(find.index);
  reportSoon();
}

function updateFindCount(): void {
  if (!find) {
    findCount.textContent = '';
    return;
  }
  findCount.textContent = find.matches.length ? S('findCount', find.index + 1, find.matches.length) : S('findNone');
}

function stepFind(dir: 1 | -1): void {
  if (!find || !find.matches.length) {
    if (findInput.value.trim()) runFind(findInput.value);
    return;
  }
  find.index = (find.index + dir + find.matches.length) % find.matches.length;
  updateFindCount();
  redecorateAll();
  revealMatch(find.index);
  reportSoon();
}

function pageOfMatch(k: number): number | undefined {
  if (!find) return undefined;
  for (const [page, list] of find.byPage) if (list.some((pc) => pc.ref === -1 - k)) return page;
  return undefined;
}

function revealMatch(k: number): void {
  const page = pageOfMatch(k);
  if (!page) return;
  void scrollIntoPiece(page, `.pl-find[data-match="${k}"]`);
}

let findTimer: ReturnType<typeof setTimeout> | undefined;
findInput.addEventListener('input', () => {
  if (findTimer) clearTimeout(findTimer);
  findTimer = setTimeout(() => runFind(findInput.value), 150);
});
findInput.addEventListener('keydown', (e) => {
  if (e.key === 'Enter') {
    e.preventDefault();
    if (findTimer) {
      clearTimeout(findTimer);
      findTimer = undefined;
      runFind(findInput.value);
    } else stepFind(e.shiftKey ? -1 : 1);
  } else if (e.key === 'Escape') {
    findInput.value = '';
    runFind('');
    viewer.focus();
  }
});
$<HTMLButtonElement>('findNext').addEventListener('click', () => stepFind(1));
$<HTMLButtonElement>('findPrev').addEventListener('click', () => stepFind(-1));
findInput.disabled = true;

/** Scrolls a page into view, waits for it, and centres the first element matching `selector` on it. */
async function scrollIntoPiece(page: number, selector: string): Promise<HTMLElement | undefined> {
  const p = pages[page - 1];
  if (!p) return undefined;
  if (!p.visible || !p.strs) scrollToPage(page);
  p.visible = true;
  schedule();
  await renderPage(p);
  decorate(p);
  const el = p.div.querySelector<HTMLElement>(selector);
  el?.scrollIntoView({ block: 'center', inline: 'nearest' });
  return el ?? undefined;
}

// ───────────────────────────── reveal (Findings tree, sidebar) ─────────────────────────────

async function reveal(start: number, end: number, how: 'select' | 'flash'): Promise<void> {
  if (!analysis) return;
  const byPage = new Map<number, Piece[]>();
  if (!piecesOf(analysis.payload.items, start, Math.max(end, start + 1), FLASH_REF, byPage)) return;
  const page = Math.min(...byPage.keys());
  // The flash lasts FLASH_MS from the moment its words are on the page (painting a far page may take a while).
  const mine = { start, end, until: Date.now() + 60_000, byPage };
  flash = mine;
  for (const pg of byPage.keys()) if (pages[pg - 1]) pages[pg - 1].decorated = undefined;
  const el = await scrollIntoPiece(page, '.pl-flash');
  if (flash === mine) {
    revealFlashed = pagesEl.querySelectorAll('.pl-flash').length;
    mine.until = Date.now() + FLASH_MS;
  }
  if (how === 'select' && el) {
    const all = pagesEl.querySelectorAll<HTMLElement>('.pl-flash');
    const sel = window.getSelection();
    if (sel && all.length) {
      const r = document.createRange();
      r.setStartBefore(all[0]);
      r.setEndAfter(all[all.length - 1]);
      sel.removeAllRanges();
      sel.addRange(r);
    }
  }
  revealed++;
  reportSoon();
  setTimeout(() => {
    if (flash && flash.until <= Date.now()) {
      flash = undefined;
      redecorateAll();
    }
  }, FLASH_MS + 50);
}
let revealed = 0;
/** Flash marks drawn by the last reveal when its words were shown. */
let revealFlashed = 0;
const FLASH_MS = 1600;

// ───────────────────────────── hover explanations ─────────────────────────────

let explainSeq = 0;
const explanations = new Map<number, Explanation | null>();
const waiting = new Map<number, number[]>();
let hoverTarget: HTMLElement | undefined;
let hoverTimer: ReturnType<typeof setTimeout> | undefined;

pagesEl.addEventListener('mouseover', (e) => {
  const el = (e.target as HTMLElement).closest<HTMLElement>('[data-f]');
  if (!el || el === hoverTarget) return;
  hoverTarget = el;
  if (hoverTimer) clearTimeout(hoverTimer);
  hoverTimer = setTimeout(() => showExplanations(el), 250);
});
pagesEl.addEventListener('mouseout', (e) => {
  const to = (e.relatedTarget as HTMLElement | null)?.closest?.('[data-f]');
  if (to === hoverTarget) return;
  hoverTarget = undefined;
  if (hoverTimer) clearTimeout(hoverTimer);
  hoverTimer = setTimeout(hideTooltip, 200);
});

function showExplanations(el: HTMLElement): void {
  if (!analysis || hoverTarget !== el) return;
  const refs = (el.dataset.f ?? '')
    .split(' ')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n >= 0);
  const missing = refs.filter((r) => !explanations.has(r));
  if (missing.length) {
    for (const r of missing) {
      const id = ++explainSeq;
      waiting.set(id, refs);
      post({ type: 'explain', id, finding: r, analysisId: analysis.payload.analysisId });
    }
    return;
  }
  renderTooltip(el, refs.map((r) => explanations.get(r)).filter((x): x is Explanation => !!x));
  reportSoon();
}

function explanationArrived(id: number, ex: Explanation | null): void {
  const refs = waiting.get(id);
  waiting.delete(id);
  if (!refs) return;
  if (ex) explanations.set(ex.finding, ex);
  else for (const r of refs) if (!explanations.has(r)) explanations.set(r, null);
  if (hoverTarget && refs.every((r) => explanations.has(r))) showExplanations(hoverTarget);
}

function renderTooltip(el: HTMLElement, list: Explanation[]): void {
  if (!list.length) return hideTooltip();
  tooltip.textContent = '';
  list.forEach((ex, i) => {
    if (i > 0) tooltip.append(document.createElement('hr'));
    const h = document.createElement('div');
    h.className = `tt-title c-${ex.category}`;
    const b = document.createElement('strong');
    b.textContent = ex.title;
    h.append(b, ` — «${ex.text}»`);
    const d = document.createElement('div');
    d.className = 'tt-desc';
    d.textContent = ex.description;
    const table = document.createElement('table');
    for (const [k, v] of ex.rows) {
      const tr = table.insertRow();
      tr.insertCell().textContent = k;
      tr.insertCell().textContent = v;
    }
    const s = document.createElement('div');
    s.className = 'tt-score';
    s.textContent = ex.score;
    tooltip.append(h, d, table, s);
  });
  tooltip.hidden = false;
  const r = el.getBoundingClientRect();
  const tw = tooltip.offsetWidth;
  const th = tooltip.offsetHeight;
  let top = r.bottom + 6;
  if (top + th > window.innerHeight - 4) top = Math.max(4, r.top - th - 6);
  const left = Math.max(4, Math.min(r.left, window.innerWidth - tw - 4));
  tooltip.style.top = `${top}px`;
  tooltip.style.left = `${left}px`;
}

function hideTooltip(): void {
  tooltip.hidden = true;
}

/** Brings a finding's first word into view and moves the mouse over it (the `hover` message). */
async function hoverFinding(finding: number): Promise<void> {
  if (!analysis) return;
  const page = [...analysis.byPage].find(([, list]) => list.some((pc) => pc.ref === finding))?.[0];
  if (!page) return;
  const selector = `.pl-hl[data-f~="${finding}"]`;
  let el = await scrollIntoPiece(page, selector);
  if (!el) return;
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  // The page may have been painted again meanwhile (a new zoom after a resize): the word's element now.
  if (!el.isConnected) el = pages[page - 1]?.div.querySelector<HTMLElement>(selector) ?? undefined;
  if (!el) return;
  const r = el.getBoundingClientRect();
  el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, clientX: r.left + 2, clientY: r.top + 2 }));
}

// ───────────────────────────── summary, strip, status ─────────────────────────────

function renderSummary(): void {
  summary.textContent = '';
  if (!analysis) return;
  const p = analysis.payload;
  const score = document.createElement('span');
  score.className = 'score';
  const v = Math.round(p.score.value);
  score.textContent = S('score', v > 0 ? `+${v}` : v < 0 ? `\u2212${-v}` : '0', p.score.label);
  const count = document.createElement('span');
  count.className = 'count';
  count.textContent =
    p.phase === 'preview' ? S('findingsPreview', p.findings.start.length, p.pagesRead, p.pages) : S('findingsCount', p.findings.start.length);
  summary.append(score, count);
}

function renderStrip(): void {
  strip.textContent = '';
  if (!analysis || !pages.length) return;
  const secs = analysis.payload.sections;
  if (secs.length < 2) {
    strip.hidden = true;
    return;
  }
  strip.hidden = false;
  strip.title = analysis.payload.sectionsFrom === 'outline' ? S('stripOutline') : S('stripHeadings');
  const maxD = Math.max(1, ...secs.map((s) => s.directiveDensity));
  const total = pages.length;
  secs.forEach((s, i) => {
    const next = secs[i + 1]?.page ?? total + 1;
    const b = document.createElement('button');
    b.className = 'sec';
    b.style.flexGrow = String(Math.max(1, next - s.page + (i + 1 < secs.length ? 0 : 0)));
    b.style.setProperty('--d', String(s.directiveDensity / maxD));
    b.title = S('stripItem', s.title || S('start'), s.page, s.directiveDensity, s.enablingDensity);
    b.setAttribute('aria-label', b.title);
    b.addEventListener('click', () => scrollToPage(s.page, true));
    strip.append(b);
  });
}

function showStatus(m: StatusMessage): void {
  statusState = m;
  if (!m.message) {
    messageBar.hidden = true;
  } else {
    messageBar.hidden = false;
    messageBar.className = `sev-${m.severity ?? 'info'}`;
    messageText.textContent = m.message;
  }
  messageAction.hidden = !m.passwordAction;
  messageAction.textContent = S('enterPassword');
  if (m.state === 'error' && !pdf) findInput.disabled = true;
  document.body.classList.toggle('analysing', m.state === 'analysing' || m.state === 'loading');
}
messageAction.addEventListener('click', () => post({ type: 'askPassword' }));

// ───────────────────────────── reports (tests, benchmark) ─────────────────────────────

let reportTimer: ReturnType<typeof setTimeout> | undefined;
function reportSoon(): void {
  if (reportTimer) return;
  reportTimer = setTimeout(() => {
    reportTimer = undefined;
    report();
  }, 60);
}

function report(full = false): void {
  const hidden = full
    ? [...pagesEl.querySelectorAll<HTMLElement>('.pl-hl')].filter((el) => {
        const c = [...el.classList].find((k) => k.startsWith('c-'))?.slice(2) as Category | undefined;
        return c && (!display.visible || !display.categories[c]);
      }).length
    : 0;
  const r: RenderReport = {
    generation,
    phase: analysis?.payload.phase ?? 'none',
    pages: pages.length,
    renderedPages: pages.filter((p) => p.canvas && p.strs).map((p) => p.num),
    placedFindings: analysis?.placed ?? 0,
    unplacedFindings: analysis?.unplaced ?? 0,
    drawnFindings: drawnEver.size,
    hiddenDrawn: hidden,
    textMismatches: mismatched.size,
    full,
    canvases: pagesEl.querySelectorAll('canvas').length,
    findMatches: find?.matches.length ?? 0,
    findIndex: find?.index ?? -1,
    visits,
    revealed,
    revealFlashed,
    drawnCodings: codingsDrawn.size,
    flashing: flash && flash.until > Date.now() ? pagesEl.querySelectorAll('.pl-flash').length : 0,
    selection: (window.getSelection()?.toString() ?? '').slice(0, 400),
    message: messageBar.hidden ? '' : (messageText.textContent ?? '').slice(0, 1000),
    tooltip: tooltip.hidden ? '' : (tooltip.textContent ?? '').slice(0, 2000),
    links: pagesEl.querySelectorAll('.pl-link').length,
    currentPage: currentPage(),
    scale: Math.round(scale * 1000) / 1000,
  };
  if (firstHighlightedMs !== undefined) r.firstHighlightedMs = Math.round(firstHighlightedMs);
  if (firstHighlightedAt !== undefined) r.firstHighlightedAt = firstHighlightedAt;
  if (lastError) r.error = lastError.slice(0, 4000);
  if (Object.keys(timeline).length) r.timeline = { ...timeline };
  post({ type: 'report', report: r });
}

/**
 * Checks, once per page and analysis, that the characters the item map points at on this page's text layer are
 * the host's characters for the same ranges: that the webview's pdf.js produced the same items as the host's
 * extractor. Findings that fail are counted in `textMismatches` (should stay 0).
 */
function checkPage(p: PageView): void {
  if (!analysis || !p.strs || checkedPages.has(p.num)) return;
  checkedPages.add(p.num);
  const { text, items } = analysis.payload;
  const n = items.length / ITEM_STRIDE;
  // The item spans of this page, in text order: compare every character they cover.
  for (let k = firstPageItem(items, p.num); k < n && items[k * ITEM_STRIDE] === p.num; k++) {
    const b = k * ITEM_STRIDE;
    const str = p.strs[items[b + 1]];
    const off = items[b + 2];
    const host = text.slice(items[b + 3], items[b + 4]);
    if (str === undefined || str.slice(off, off + host.length) !== host) {
      for (const pc of analysis.byPage.get(p.num) ?? []) if (pc.item === items[b + 1]) mismatched.add(pc.ref);
    }
  }
}
const checkedPages = new Set<number>();
const mismatched = new Set<number>();

/** Index of the first item span of a page (items are in text order, pages ascending). */
function firstPageItem(items: Int32Array, page: number): number {
  let lo = 0;
  let hi = items.length / ITEM_STRIDE;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid * ITEM_STRIDE] < page) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Visits every page in turn (tests and the benchmark: all highlights drawn, canvases released behind). */
let visits = 0;
async function visitAllPages(): Promise<void> {
  for (const p of pages) {
    scrollToPage(p.num);
    p.visible = true;
    for (let tries = 0; tries < 3 && !(p.canvas && p.strs && p.renderedScale === scale); tries++) await renderPage(p);
    releaseFar([p]);
  }
  scrollToPage(1);
  visits++;
  report(true);
}

window.addEventListener('error', (e) => {
  lastError = String(e.message).slice(0, 4000);
  reportSoon();
});

const saved = vscode.getState() as ViewState | undefined;
if (saved && (saved.scale === 'fit' || typeof saved.scale === 'number')) zoom = saved.scale;
post({ type: 'ready' });
void statusState;
