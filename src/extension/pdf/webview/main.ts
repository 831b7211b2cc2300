/**
 * Policy Lens PDF viewer (runs in the webview): the page's wiring. The pages are drawn by pdf.js (./pdfjs.ts,
 * ./pages.ts), the findings the extension host found are drawn over the exact words of pdf.js' text layer
 * (./textLayer.ts: placed from the host's item map, never searched for), links open through the host (./links.ts).
 * What every viewer shares — highlights, hover explanations, find, codings, the summary, strip and message bar,
 * reports — is ../../viewer/webview.
 *
 * Everything the host asks for arrives as a message; everything the viewer wants (explanations, opening a link,
 * the password prompt) is a message the host checks before acting.
 */
import { bindKeys, FindBox, MessageBar, renderStrip, renderSummary } from '../../viewer/webview/chrome';
import { $, config, milestone, post, S, vscode } from '../../viewer/webview/host';
import { Explainer, hoverOver } from '../../viewer/webview/hover';
import { handleCommon, onHostMessage, ViewerActions } from '../../viewer/webview/messages';
import { nextFinding } from '../../viewer/webview/report';
import type { BasePayload } from '../../viewer/protocol';
import type { AnalysisPayload, HostMessage, RenderReport, ViewState, WebviewMessage } from '../protocol';
import {
  applyZoom,
  bindNavigation,
  currentPage,
  currentViewState,
  observer,
  pagesEl,
  releasePage,
  saveViewState,
  schedule,
  scrollIntoPiece,
  scrollToPage,
  stepZoom,
  updatePageNumber,
  viewer,
  visitAllPages,
  renderPage,
} from './pages';
import { pdfjsReady, pdfWorker } from './pdfjs';
import { hl, reports, setReportSender, v } from './state';
import { checkedPages, decorate, mismatched, redecorateAll, selectionRange, selectRange } from './textLayer';

const pageCount = $<HTMLSpanElement>('pageCount');
const summary = $<HTMLDivElement>('summary');
const tooltip = $<HTMLDivElement>('tooltip');
const strip = $<HTMLDivElement>('strip');
const messages = new MessageBar();
const explainer = new Explainer(pagesEl, tooltip, () => hl.analysis?.payload.analysisId, () => reports.soon());
const find = new FindBox(
  hl,
  (k) => {
    const page = hl.groupOfMatch(k);
    if (page) void scrollIntoPiece(page, `.pl-find[data-match="${k}"]`);
  },
  () => {
    redecorateAll();
    reports.soon();
  },
  () => viewer.focus(),
);
/** The finding F8 / Shift+F8 went to last. */
let keyboardFinding = -1;

setReportSender(report);

// ───────────────────────────── messages from the host ─────────────────────────────

const actions: ViewerActions = {
  reveal,
  fullReport: () => report(true),
  hover: hoverFinding,
  nextFinding: goToFinding,
  selectionRange,
  select: selectText,
  redraw: () => {
    // Count what is drawn anew: every painted page is decorated again.
    for (const p of v.pages) p.decorated = undefined;
    redecorateAll();
  },
  displayChanged: () => renderSummary(summary, hl.analysis?.payload, preview),
};

onHostMessage<HostMessage>((m) => {
  if (handleCommon(m, hl, explainer, find, actions)) return;
  switch (m.type) {
    case 'load':
      void load(m.generation, asBytes(m.data), m.password, m.restore);
      break;
    case 'analysis':
      if (m.generation === v.generation) setAnalysis(m);
      break;
    case 'status':
      // The host's state wins: a status of a newer load (e.g. a file refused before any load) is shown too.
      if (m.generation >= v.generation) {
        messages.show(m, m.passwordAction ? S('enterPassword') : undefined);
        if (m.state === 'error' && !v.pdf) find.input.disabled = true;
      }
      break;
    case 'setView':
      if (!v.pages.length) {
        // Not loaded yet: applied when the pages are there.
        v.pendingView = { page: m.page ?? v.pendingView?.page ?? 1, scale: m.scale ?? v.pendingView?.scale ?? v.zoom };
        break;
      }
      if (m.scale !== undefined) {
        v.zoom = m.scale;
        applyZoom();
      }
      if (m.page) scrollToPage(m.page);
      saveViewState();
      reports.soon();
      break;
    case 'clickLink':
      pagesEl.querySelectorAll<HTMLAnchorElement>('.pl-link')[m.index]?.click();
      break;
    case 'scroll':
      if (m.to === 'all') void visitAllPages().then(() => report(true));
      else if (m.to === 'end') scrollToPage(v.pages.length);
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
  const seq = ++v.loadSeq;
  milestone('load');
  const keep = restore ?? currentViewState();
  v.generation = gen;
  hl.clear();
  reports.lastError = undefined;
  explainer.hide();
  const old = v.pdf;
  v.pdf = undefined;
  for (const p of v.pages) releasePage(p);
  v.pages = [];
  pagesEl.textContent = '';
  strip.textContent = '';
  try {
    if (old) await old.destroy().catch(() => undefined);
    const lib = (v.lib = await pdfjsReady);
    if (seq !== v.loadSeq) return;
    const task = lib.getDocument({
      worker: pdfWorker,
      data,
      password,
      isEvalSupported: false,
      // The same text items as the host's extractor (src/core/extract/pdf.ts): standard fonts from the files
      // shipped with pdf.js, not the system's, fetched by this page and handed to the worker.
      useSystemFonts: false,
      useWorkerFetch: false,
      standardFontDataUrl: String(config.standardFonts),
      cMapUrl: String(config.cmaps),
      cMapPacked: true,
      enableXfa: false,
      stopAtErrors: false,
    });
    const doc = await task.promise;
    if (seq !== v.loadSeq) {
      void doc.destroy();
      return;
    }
    v.pdf = doc;
    milestone('document');
    const first = (await doc.getPage(1)).getViewport({ scale: 1 });
    if (seq !== v.loadSeq) return;
    pageCount.textContent = `/ ${doc.numPages}`;
    for (let n = 1; n <= doc.numPages; n++) {
      const div = document.createElement('div');
      div.className = 'page';
      div.dataset.page = String(n);
      div.setAttribute('aria-label', S('pageLabel', n));
      pagesEl.append(div);
      v.pages.push({ num: n, div, width: first.width, height: first.height, sizeKnown: n === 1, visible: false });
    }
    const view = v.pendingView ?? keep;
    v.pendingView = undefined;
    v.zoom = view?.scale ?? v.zoom;
    applyZoom(false);
    if (view && view.page > 1) scrollToPage(Math.min(view.page, doc.numPages), false);
    for (const p of v.pages) observer.observe(p.div);
    updatePageNumber();
    report();
  } catch (e) {
    if (seq !== v.loadSeq) return;
    const err = e as { name?: string; message?: string };
    reports.lastError = `${err?.name ?? 'Error'}: ${err?.message ?? String(e)}`;
    post<WebviewMessage>({ type: 'loadFailed', generation: gen, name: String(err?.name ?? 'Error').slice(0, 200), message: String(err?.message ?? e).slice(0, 4000) });
    report();
  }
}

function setAnalysis(p: AnalysisPayload): void {
  if (!hl.setAnalysis(p)) return;
  milestone('analysis');
  explainer.reset();
  checkedPages.clear();
  mismatched.clear();
  keyboardFinding = -1;
  for (const pg of v.pages) pg.decorated = undefined;
  find.refresh();
  redecorateAll();
  renderSummary(summary, p, preview);
  renderSectionStrip();
  find.input.disabled = false;
  report();
}

/** The summary of the first pages' analysis while the rest is read. */
function preview(p: BasePayload): string {
  const a = p as AnalysisPayload;
  return S('findingsPreview', a.findings.start.length, a.pagesRead, a.pages);
}

function renderSectionStrip(): void {
  const a = hl.analysis?.payload;
  if (!a || !v.pages.length) {
    strip.textContent = '';
    return;
  }
  const secs = a.sections;
  const total = v.pages.length;
  renderStrip(
    strip,
    secs,
    a.sectionsFrom === 'outline' ? S('stripOutline') : S('stripHeadings'),
    (s, i) => (secs[i + 1]?.page ?? total + 1) - s.page,
    (s) => S('stripItem', s.title || S('start'), s.page, s.directiveDensity, s.enablingDensity),
    (s) => scrollToPage(s.page, true),
  );
}

// ───────────────────────────── reveal, select, hover, F8 ─────────────────────────────

async function reveal(start: number, end: number, how: 'select' | 'flash'): Promise<HTMLElement | undefined> {
  const started = hl.startFlash(start, end);
  if (!started) return undefined;
  const mine = started.flash;
  const page = Math.min(...mine.byGroup.keys());
  for (const pg of started.groups) if (v.pages[pg - 1]) v.pages[pg - 1].decorated = undefined;
  for (const pg of started.groups) if (pg !== page && v.pages[pg - 1]?.strs) decorate(v.pages[pg - 1]);
  const el = await scrollIntoPiece(page, '.pl-flash');
  reports.flashShown(hl, mine, pagesEl, how, redecorateAll);
  return el;
}

/** Selects [start, end) of the text on the text layer, as dragging the mouse over the words would (tests). */
async function selectText(start: number, end: number): Promise<void> {
  const byPage = hl.piecesOfRange(start, end);
  if (!byPage) return;
  for (const n of [...byPage.keys()].sort((a, b) => a - b)) {
    const p = v.pages[n - 1];
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
  reports.soon();
}

/** Brings a finding's first word into view and moves the mouse over it (the `hover` message). */
async function hoverFinding(finding: number): Promise<void> {
  const el = await findingElement(finding);
  if (el) hoverOver(el);
}

/** A finding's first word on its page, painted and in view. */
async function findingElement(finding: number): Promise<HTMLElement | undefined> {
  const page = hl.groupOfFinding(finding);
  if (!page) return undefined;
  const selector = `.pl-hl[data-f~="${finding}"]`;
  let el = await scrollIntoPiece(page, selector);
  if (!el) return undefined;
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  // The page may have been painted again meanwhile (a new zoom after a resize): the word's element now.
  if (!el.isConnected) el = v.pages[page - 1]?.div.querySelector<HTMLElement>(selector) ?? undefined;
  return el;
}

/** F8 / Shift+F8: the next / previous finding, selected and explained (keyboard access to the hovers). */
async function goToFinding(dir: 1 | -1): Promise<void> {
  const k = nextFinding(hl, keyboardFinding, dir);
  if (k === undefined || !hl.analysis) return;
  keyboardFinding = k;
  const f = hl.analysis.payload.findings;
  await reveal(f.start[k], f.end[k], 'select');
  const el = await findingElement(k);
  if (el) explainer.showFor(el);
}

// ───────────────────────────── reports (tests, benchmark) ─────────────────────────────

function report(full = false): void {
  const r: RenderReport = {
    ...reports.base(hl, {
      generation: v.generation,
      full,
      root: pagesEl,
      textMismatches: mismatched.size,
      message: messages.message,
      tooltip: explainer.text,
    }),
    pages: v.pages.length,
    renderedPages: v.pages.filter((p) => p.canvas && p.strs).map((p) => p.num),
    canvases: pagesEl.querySelectorAll('canvas').length,
    visits: v.visits,
    links: pagesEl.querySelectorAll('.pl-link').length,
    currentPage: currentPage(),
    scale: Math.round(v.scale * 1000) / 1000,
  };
  post<WebviewMessage>({ type: 'report', report: r });
}

// ───────────────────────────── start ─────────────────────────────

bindNavigation(() => explainer.hide());
bindKeys(find, (dir) => void goToFinding(dir), (e, mod) => {
  if (mod && (e.key === '+' || e.key === '=')) stepZoom(1);
  else if (mod && e.key === '-') stepZoom(-1);
  else if (e.key === 'Escape') explainer.hide();
  else return false;
  return e.key !== 'Escape';
});
messages.action.addEventListener('click', () => post<WebviewMessage>({ type: 'askPassword' }));

const saved = vscode.getState() as ViewState | undefined;
if (saved && (saved.scale === 'fit' || typeof saved.scale === 'number')) v.zoom = saved.scale;
post<WebviewMessage>({ type: 'ready' });
