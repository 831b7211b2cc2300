/**
 * The PDF's pages: placeholders until they come near the view (IntersectionObserver); then the canvas, the text
 * layer and the link layer are made. Pages far from the view give their canvas back, and at most MAX_RENDERED
 * pages hold one, so a 500-page document stays small. Also the page number, zoom and scrolling.
 */
import { $, milestone, post, S, vscode } from '../../viewer/webview/host';
import type { ViewState, WebviewMessage } from '../protocol';
import { addLinks } from './links';
import { reports, v, type PageView } from './state';
import { decorate } from './textLayer';

export const viewer = $<HTMLDivElement>('viewer');
export const pagesEl = $<HTMLDivElement>('pages');
const pageInput = $<HTMLInputElement>('page');
const zoomSelect = $<HTMLSelectElement>('zoom');

/** Pages holding a canvas at most (the visible ones and a few around them). */
const MAX_RENDERED = 4;
/** Pages further than this from the visible ones give their canvas back. */
const KEEP_DISTANCE = 1;
/** After this many pages painted, pdf.js' caches (parsed pages, fonts, images in its worker) are emptied. */
const CLEANUP_EVERY = 16;
/** Largest canvas, in device pixels (pdf.js' own viewer uses 2^25). */
const MAX_CANVAS_PIXELS = 2 ** 24;
export const PAGE_GAP = 12;
const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4];

// ───────────────────────────── rendering ─────────────────────────────

export const observer = new IntersectionObserver(
  (entries) => {
    for (const e of entries) {
      const p = v.pages[Number((e.target as HTMLElement).dataset.page) - 1];
      if (p) p.visible = e.isIntersecting;
    }
    schedule();
  },
  { root: viewer, rootMargin: '50% 0px 50% 0px' },
);

let scheduled = false;
/** Renders the wanted pages one after the other, nearest to the view first; releases far ones. */
export function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  queueMicrotask(async () => {
    scheduled = false;
    if (!v.pdf) return;
    const want = v.pages.filter((p) => p.visible);
    const center = currentPage();
    want.sort((a, b) => Math.abs(a.num - center) - Math.abs(b.num - center));
    releaseFar(want);
    for (const p of want) {
      if (p.renderedScale === v.scale && p.canvas) continue;
      await renderPage(p);
      if (!v.pdf) return;
    }
  });
}

export function releaseFar(want: PageView[]): void {
  const wanted = new Set(want.map((p) => p.num));
  const lo = Math.min(...wanted) - KEEP_DISTANCE;
  const hi = Math.max(...wanted) + KEEP_DISTANCE;
  const held = v.pages.filter((p) => p.canvas || p.rendering);
  for (const p of held) if (!wanted.has(p.num) && (wanted.size === 0 || p.num < lo || p.num > hi)) releasePage(p);
  const still = v.pages.filter((p) => p.canvas && !wanted.has(p.num));
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
  if (!v.pdf || (!force && paintedSinceCleanup < CLEANUP_EVERY) || paintedSinceCleanup === 0) return;
  if (v.pages.some((p) => p.rendering)) return;
  try {
    void v.pdf.cleanup(true).catch(() => undefined);
    paintedSinceCleanup = 0;
  } catch {
    // a page is being painted after all: next time
  }
}

export function releasePage(p: PageView): void {
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

export function renderPage(p: PageView): Promise<void> {
  if (p.rendering && p.renderingScale === v.scale) return p.rendering;
  const seq = v.loadSeq;
  const run = (async () => {
    const doc = v.pdf;
    const lib = v.lib;
    if (!doc || !lib) return;
    try {
      p.proxy ??= await doc.getPage(p.num);
      if (seq !== v.loadSeq) return;
      const base = p.proxy.getViewport({ scale: 1 });
      if (!p.sizeKnown || base.width !== p.width || base.height !== p.height) {
        p.sizeKnown = true;
        p.width = base.width;
        p.height = base.height;
        sizePage(p);
      }
      const s = v.scale;
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
      if (seq !== v.loadSeq || p.renderTask !== task) {
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
      if (seq !== v.loadSeq || p.textLayer !== tl) return;
      p.strs = tc.items.map((it) => ('str' in it ? it.str : ''));
      p.renderedScale = s;
      p.decorated = undefined;
      p.div.classList.add('rendered');
      paintedSinceCleanup++;
      decorate(p);
      void addLinks(p, viewport);
      reports.soon();
    } catch (e) {
      const name = (e as { name?: string })?.name;
      if (name === 'RenderingCancelledException' || name === 'AbortException') return;
      reports.lastError = `page ${p.num}: ${(e as Error)?.message ?? e}`;
      reports.soon();
    }
  })();
  p.rendering = run;
  p.renderingScale = v.scale;
  void run.finally(() => {
    if (p.rendering === run) {
      p.rendering = undefined;
      p.renderingScale = undefined;
    }
    maybeCleanup();
  });
  return run;
}

export function sizePage(p: PageView): void {
  p.div.style.width = `${Math.floor(p.width * v.scale)}px`;
  p.div.style.height = `${Math.floor(p.height * v.scale)}px`;
}

/** Scrolls a page into view, waits for it, and centres the first element matching `selector` on it. */
export async function scrollIntoPiece(page: number, selector: string): Promise<HTMLElement | undefined> {
  const p = v.pages[page - 1];
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

/** Visits every page in turn (tests and the benchmark: all highlights drawn, canvases released behind). */
export async function visitAllPages(): Promise<void> {
  for (const p of v.pages) {
    scrollToPage(p.num);
    p.visible = true;
    for (let tries = 0; tries < 3 && !(p.canvas && p.strs && p.renderedScale === v.scale); tries++) await renderPage(p);
    releaseFar([p]);
  }
  scrollToPage(1);
  v.visits++;
}

// ───────────────────────────── navigation and zoom ─────────────────────────────

export function currentPage(): number {
  if (!v.pages.length) return 1;
  const mid = viewer.scrollTop + viewer.clientHeight * 0.3;
  let lo = 0;
  let hi = v.pages.length - 1;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    const d = v.pages[m].div;
    if (d.offsetTop + d.offsetHeight + PAGE_GAP / 2 < mid) lo = m + 1;
    else hi = m;
  }
  return lo + 1;
}

export function scrollToPage(n: number, smooth = false): void {
  const p = v.pages[Math.max(1, Math.min(n, v.pages.length)) - 1];
  if (!p) return;
  viewer.scrollTo({ top: p.div.offsetTop - PAGE_GAP, behavior: smooth ? 'smooth' : 'auto' });
  updatePageNumber();
}

function fitScale(): number {
  const widest = v.pages[0]?.width ?? 612;
  return Math.max(0.25, Math.min(4, (viewer.clientWidth - 2 * PAGE_GAP - 16) / widest));
}

export function applyZoom(keepPlace = true): void {
  const anchor = keepPlace && v.pages.length ? anchorOf() : undefined;
  v.scale = v.zoom === 'fit' ? fitScale() : v.zoom;
  for (const p of v.pages) sizePage(p);
  for (const p of v.pages) {
    if (p.canvas && p.renderedScale !== v.scale) {
      // Keep the old pixels (stretched) until the page is painted again at the new scale.
      p.canvas.style.width = `${Math.floor(p.width * v.scale)}px`;
      p.canvas.style.height = `${Math.floor(p.height * v.scale)}px`;
      p.div.style.setProperty('--total-scale-factor', String(v.scale));
      if (p.textLayer && p.proxy) p.textLayer.update({ viewport: p.proxy.getViewport({ scale: v.scale }) });
      p.linkLayer?.remove();
      p.linkLayer = undefined;
    }
  }
  if (anchor) {
    const p = v.pages[anchor.page - 1];
    viewer.scrollTop = p.div.offsetTop + anchor.fraction * p.div.offsetHeight - anchor.offset;
  }
  syncZoomSelect();
  schedule();
  saveViewState();
}

function anchorOf(): { page: number; fraction: number; offset: number } {
  const n = currentPage();
  const d = v.pages[n - 1].div;
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
  const zoom = v.zoom;
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

export function stepZoom(dir: 1 | -1): void {
  const cur = v.scale;
  v.zoom = dir > 0 ? ZOOMS.find((z) => z > cur + 1e-3) ?? ZOOMS[ZOOMS.length - 1] : [...ZOOMS].reverse().find((z) => z < cur - 1e-3) ?? ZOOMS[0];
  applyZoom();
}

let viewStateTimer: ReturnType<typeof setTimeout> | undefined;
export function saveViewState(): void {
  if (viewStateTimer) clearTimeout(viewStateTimer);
  viewStateTimer = setTimeout(() => {
    if (!v.pages.length) return;
    const state: ViewState = { page: currentPage(), scale: v.zoom };
    vscode.setState(state);
    post<WebviewMessage>({ type: 'viewState', page: state.page, scale: state.scale });
  }, 250);
}

export function currentViewState(): ViewState | undefined {
  if (!v.pages.length) return (vscode.getState() as ViewState | undefined) ?? undefined;
  return { page: currentPage(), scale: v.zoom };
}

let pageNumberFrame = 0;
export function updatePageNumber(): void {
  if (pageNumberFrame) return;
  pageNumberFrame = requestAnimationFrame(() => {
    pageNumberFrame = 0;
    if (document.activeElement !== pageInput) pageInput.value = String(currentPage());
  });
}

/** The toolbar's page and zoom controls, the wheel and the viewer's resizing. */
export function bindNavigation(onScroll: () => void): void {
  viewer.addEventListener('scroll', () => {
    updatePageNumber();
    onScroll();
    saveViewState();
  });
  new ResizeObserver(() => {
    if (v.zoom === 'fit' && v.pages.length && Math.abs(fitScale() - v.scale) > 0.01) applyZoom();
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
    v.zoom = zoomSelect.value === 'fit' ? 'fit' : Number(zoomSelect.value);
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
}
