/**
 * Policy Lens DOCX viewer (runs in the webview). The host sends the text the engine extracted, its layout blocks
 * and the findings (first the text alone, so a long document can be read while it is analysed); ./render.ts draws
 * the blocks as HTML (text nodes only), and the shared layer (../../viewer/webview) draws findings, find matches,
 * flashes and codings over the words — placed from the offsets, one paragraph element per group — and explains
 * them on hover or with F8. Blocks are decorated when they come into view (and the rest in the background), so a
 * book-length document opens fast.
 */
import type { LayoutBlock } from '../../../core/types';
import { bindKeys, FindBox, MessageBar, renderStrip, renderSummary } from '../../viewer/webview/chrome';
import { Highlights } from '../../viewer/webview/highlights';
import { $, milestone, post, S, vscode } from '../../viewer/webview/host';
import { handleCommon, onHostMessage, ViewerActions } from '../../viewer/webview/messages';
import { Explainer, hoverOver } from '../../viewer/webview/hover';
import { buildItem, charsBefore, EMPHASIS_REF, Piece, selectBetween } from '../../viewer/webview/pieces';
import { nextFinding, ReportState } from '../../viewer/webview/report';
import { blockAt } from '../protocol';
import type { DocxPayload, DocxReport, HostMessage, WebviewMessage } from '../protocol';
import { DrawnBlock, renderLayout } from './render';

const viewer = $<HTMLDivElement>('viewer');
const docEl = $<HTMLElement>('doc');
const summary = $<HTMLDivElement>('summary');
const tooltip = $<HTMLDivElement>('tooltip');
const strip = $<HTMLDivElement>('strip');
const messages = new MessageBar();

let generation = 0;
/** The payload whose text is drawn now (its layout), and the drawn blocks. */
let drawn: { payload: DocxPayload; blocks: DrawnBlock[]; decorated: (string | undefined)[]; mismatched: Set<number> } | undefined;
let keyboardFinding = -1;

/** The blocks a range of the text covers, as pieces per block (group = item = block index). */
function piecesOf(p: DocxPayload, start: number, end: number, ref: number, out: Map<number, Piece[]>): boolean {
  const layout = p.layout;
  let lo = 0;
  let hi = layout.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (layout[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  let placed = false;
  for (let i = lo; i < layout.length && layout[i].start < end; i++) {
    const b = layout[i];
    const textStart = b.start + (b.kind === 'listItem' ? (b.marker ?? 0) : 0);
    const from = Math.max(start, textStart);
    const to = Math.min(end, b.end);
    if (to <= from) continue;
    let list = out.get(i);
    if (!list) out.set(i, (list = []));
    list.push({ item: i, from: from - textStart, to: to - textStart, ref });
    placed = true;
  }
  return placed;
}

const hl = new Highlights<DocxPayload>(piecesOf);
const reports = new ReportState((full) => report(full));
const explainer = new Explainer(docEl, tooltip, () => hl.analysis?.payload.analysisId, () => reports.soon());
const find = new FindBox(
  hl,
  (k) => {
    const g = hl.groupOfMatch(k);
    if (g !== undefined) scrollIntoPiece(g, `.pl-find[data-match="${k}"]`);
  },
  () => redecorateAll(),
  () => viewer.focus(),
);

// ───────────────────────────── messages from the host ─────────────────────────────

const actions: ViewerActions = {
  reveal,
  fullReport: () => {
    decorateAllNow();
    report(true);
  },
  hover: (finding) => {
    const el = findingElement(finding);
    if (el) hoverOver(el);
  },
  nextFinding: goToFinding,
  selectionRange,
  select: (start, end) => {
    selectRange(start, end);
    reports.soon();
  },
  redraw: redecorateAll,
  displayChanged: () => showSummary(),
};

onHostMessage<HostMessage>((m) => {
  if (handleCommon(m, hl, explainer, find, actions)) return;
  switch (m.type) {
    case 'analysis':
      if (m.generation >= generation) setPayload(m);
      break;
    case 'status':
      if (m.generation >= generation) {
        if (m.generation > generation) clear(m.generation);
        messages.show(m);
        if (m.state === 'error' && !drawn) find.input.disabled = true;
      }
      break;
    case 'scrollTo':
      viewer.scrollTop = m.fraction * (viewer.scrollHeight - viewer.clientHeight);
      break;
  }
});

/** A newer load (the file changed): what was drawn is of the old text. */
function clear(gen: number): void {
  generation = gen;
  hl.clear();
  explainer.reset();
  keyboardFinding = -1;
}

// ───────────────────────────── drawing ─────────────────────────────

function setPayload(p: DocxPayload): void {
  generation = p.generation;
  if (!drawn || drawn.payload.text !== p.text || drawn.payload.layout.length !== p.layout.length) {
    // New text: draw it, keeping the reader's place (a reload of a changed file).
    const fraction = viewer.scrollHeight > viewer.clientHeight ? viewer.scrollTop / (viewer.scrollHeight - viewer.clientHeight) : 0;
    hl.clear();
    const blocks = renderLayout(docEl, p.text, p.layout);
    drawn = { payload: p, blocks, decorated: blocks.map(() => undefined), mismatched: new Set() };
    checkBlocks();
    for (const b of blocks) observer.observe(b.el);
    milestone('text');
    viewer.scrollTop = fraction * (viewer.scrollHeight - viewer.clientHeight);
  } else {
    drawn.payload = p;
  }
  if (p.findings.start.length || p.phase === 'final') {
    // (The same analysis may come twice: sent when it was made, and again to the page when it said it was ready.)
    hl.setAnalysis(p);
    drawn.decorated.fill(undefined);
    milestone('analysis');
    explainer.reset();
    keyboardFinding = -1;
    find.refresh();
    find.input.disabled = false;
    renderSectionStrip();
  } else {
    // The text before its analysis: readable and searchable, without highlights yet.
    find.input.disabled = true;
  }
  // The emphasis of the blocks is drawn with the decorations: everything is decorated again.
  redecorateAll();
  showSummary();
  report();
}

/** Emphasised runs of a block as pieces of its string (always drawn). */
function emphasisOf(i: number): Piece[] {
  const d = drawn!;
  const b: LayoutBlock = d.payload.layout[i];
  const db = d.blocks[i];
  const out: Piece[] = [];
  for (const [s, e, f] of b.marks ?? []) {
    const from = Math.max(0, s - db.textStart);
    const to = Math.min(db.str.length, e - db.textStart);
    if (to > from) out.push({ item: i, from, to, ref: EMPHASIS_REF - f });
  }
  return out;
}

/** (Re)builds block i's spans when what is to be drawn changed. */
function decorate(i: number, key = hl.key()): void {
  const d = drawn;
  if (!d || d.decorated[i] === key) return;
  const db = d.blocks[i];
  const pieces = hl.piecesFor(i);
  const all = [...emphasisOf(i), ...pieces];
  if (all.length) {
    buildItem(db.el, db.str, all, hl.buildContext());
    hl.noteDrawn(pieces);
    db.el.dataset.decorated = '1';
  } else if (db.el.dataset.decorated) {
    db.el.textContent = db.str;
    delete db.el.dataset.decorated;
  }
  d.decorated[i] = key;
  if (hl.analysis && visible.has(i)) reports.highlighted();
}

/** Blocks in (or near) the view: decorated at once; the others in the background. */
const visible = new Set<number>();
const observer = new IntersectionObserver(
  (entries) => {
    for (const e of entries) {
      const i = Number((e.target as HTMLElement).dataset.block);
      if (e.isIntersecting) {
        visible.add(i);
        decorate(i);
      } else visible.delete(i);
    }
    reports.soon();
  },
  { root: viewer, rootMargin: '100% 0px 100% 0px' },
);

let backgroundTimer: ReturnType<typeof setTimeout> | undefined;
function redecorateAll(): void {
  if (!drawn) return;
  const key = hl.key();
  for (const i of visible) decorate(i, key);
  // The rest a few hundred blocks at a time, so that the page stays responsive.
  if (backgroundTimer) clearTimeout(backgroundTimer);
  let next = 0;
  const step = () => {
    backgroundTimer = undefined;
    const d = drawn;
    if (!d) return;
    const k = hl.key();
    const until = performance.now() + 12;
    while (next < d.blocks.length && performance.now() < until) decorate(next++, k);
    if (next < d.blocks.length) backgroundTimer = setTimeout(step, 0);
    else reports.soon();
  };
  backgroundTimer = setTimeout(step, 0);
  reports.soon();
}

function decorateAllNow(): void {
  if (!drawn) return;
  const key = hl.key();
  for (let i = 0; i < drawn.blocks.length; i++) decorate(i, key);
}

/** Checks that every block shows exactly its characters of the host's text (should be 0 mismatches). */
function checkBlocks(): void {
  const d = drawn!;
  d.blocks.forEach((db, i) => {
    const b = d.payload.layout[i];
    if (db.el.textContent !== d.payload.text.slice(db.textStart, b.end)) d.mismatched.add(i);
  });
}

/** Findings in blocks whose text on screen is not the host's. */
function textMismatches(): number {
  const a = hl.analysis;
  if (!a || !drawn?.mismatched.size) return 0;
  let n = 0;
  for (const i of drawn.mismatched) n += new Set((a.byGroup.get(i) ?? []).map((pc) => pc.ref)).size;
  return n;
}

/** The score and findings; before the analysis, that the text is being analysed. */
function showSummary(): void {
  const p = hl.analysis?.payload;
  if (p) renderSummary(summary, p);
  else if (drawn) {
    summary.textContent = '';
    const note = document.createElement('span');
    note.className = 'count';
    note.textContent = S('analysingText');
    summary.append(note);
  } else summary.textContent = '';
}

function renderSectionStrip(): void {
  const a = hl.analysis?.payload;
  if (!a) return;
  const secs = a.sections;
  renderStrip(
    strip,
    secs,
    S('stripHeadings'),
    (s, i) => ((secs[i + 1]?.start ?? a.text.length) - s.start) / 100,
    (s) => S('stripItem', s.title || S('start'), s.page, s.directiveDensity, s.enablingDensity),
    (s) => {
      const g = blockAt(drawn?.payload.layout ?? [], s.start);
      if (g >= 0) drawn?.blocks[g].el.scrollIntoView({ block: 'start', behavior: 'smooth' });
    },
  );
}


// ───────────────────────────── selection, reveal, hover, F8 ─────────────────────────────

/** The selection as [start, end) of the extracted text: each block element covered maps back by its offset. */
function selectionRange(): { start: number; end: number } | undefined {
  const sel = window.getSelection();
  if (!drawn || !hl.analysis || !sel || sel.rangeCount === 0 || sel.isCollapsed) return undefined;
  const range = sel.getRangeAt(0);
  let start = Infinity;
  let end = -Infinity;
  for (const db of drawn.blocks) {
    if (!range.intersectsNode(db.el)) continue;
    const from = db.el.contains(range.startContainer) ? charsBefore(db.el, range.startContainer, range.startOffset) : 0;
    const to = db.el.contains(range.endContainer) ? charsBefore(db.el, range.endContainer, range.endOffset) : db.str.length;
    if (to <= from) continue;
    start = Math.min(start, db.textStart + from);
    end = Math.max(end, db.textStart + to);
  }
  return start < end ? { start, end } : undefined;
}

/** Selects [start, end) of the text, as dragging the mouse over the words would (tests). */
function selectRange(start: number, end: number): void {
  const byBlock = hl.piecesOfRange(start, end);
  if (!byBlock || !drawn) return;
  const ids = [...byBlock.keys()].sort((a, b) => a - b);
  const first = byBlock.get(ids[0])![0];
  const lastList = byBlock.get(ids[ids.length - 1])!;
  const last = lastList[lastList.length - 1];
  selectBetween(drawn.blocks[ids[0]].el, first.from, drawn.blocks[ids[ids.length - 1]].el, last.to);
}

function scrollIntoPiece(block: number, selector: string): HTMLElement | undefined {
  const db = drawn?.blocks[block];
  if (!db) return undefined;
  decorate(block);
  const el = db.el.querySelector<HTMLElement>(selector) ?? db.el;
  el.scrollIntoView({ block: 'center', inline: 'nearest' });
  return el;
}

function reveal(start: number, end: number, how: 'select' | 'flash'): void {
  const started = hl.startFlash(start, end);
  if (!started || !drawn) return;
  const mine = started.flash;
  const key = hl.key();
  for (const g of started.groups) decorate(g, key);
  const first = Math.min(...mine.byGroup.keys());
  scrollIntoPiece(first, '.pl-flash');
  reports.flashShown(hl, mine, docEl, how, redecorateAll);
}

/** A finding's first word, in view. */
function findingElement(finding: number): HTMLElement | undefined {
  const g = hl.groupOfFinding(finding);
  if (g === undefined) return undefined;
  return scrollIntoPiece(g, `.pl-hl[data-f~="${finding}"]`);
}

/** F8 / Shift+F8: the next / previous finding, selected and explained (keyboard access to the hovers). */
function goToFinding(dir: 1 | -1): void {
  const k = nextFinding(hl, keyboardFinding, dir);
  if (k === undefined || !hl.analysis) return;
  keyboardFinding = k;
  const f = hl.analysis.payload.findings;
  reveal(f.start[k], f.end[k], 'select');
  const el = findingElement(k);
  if (el) requestAnimationFrame(() => explainer.showFor(el));
}

// ───────────────────────────── reports (tests, benchmark) ─────────────────────────────

function themeKind(): string {
  const c = document.body.classList;
  return c.contains('vscode-high-contrast-light') ? 'high-contrast-light' : c.contains('vscode-high-contrast') ? 'high-contrast' : c.contains('vscode-dark') ? 'dark' : c.contains('vscode-light') ? 'light' : 'unknown';
}

function scrollFraction(): number {
  const range = viewer.scrollHeight - viewer.clientHeight;
  return range > 0 ? Math.max(0, Math.min(1, viewer.scrollTop / range)) : 0;
}

function report(full = false): void {
  const layout = drawn?.payload.layout ?? [];
  const r: DocxReport = {
    ...reports.base(hl, { generation, full, root: docEl, textMismatches: textMismatches(), message: messages.message, tooltip: explainer.text }),
    blocks: drawn?.blocks.length ?? 0,
    tables: docEl.querySelectorAll('table').length,
    headings: layout.filter((b) => b.kind === 'heading').length,
    listItems: layout.filter((b) => b.kind === 'listItem').length,
    theme: themeKind(),
    scroll: Math.round(scrollFraction() * 1000) / 1000,
  };
  post<WebviewMessage>({ type: 'report', report: r });
}

// ───────────────────────────── start ─────────────────────────────

let scrollTimer: ReturnType<typeof setTimeout> | undefined;
viewer.addEventListener('scroll', () => {
  explainer.hide();
  if (scrollTimer) clearTimeout(scrollTimer);
  scrollTimer = setTimeout(() => {
    const scroll = scrollFraction();
    vscode.setState({ scroll });
    post<WebviewMessage>({ type: 'viewState', scroll });
  }, 250);
});
bindKeys(find, (dir) => goToFinding(dir), (e) => {
  if (e.key !== 'Escape') return false;
  explainer.hide();
  return false;
});
$<HTMLButtonElement>('nextFinding').addEventListener('click', () => goToFinding(1));
messages.text.textContent = S('reading');
post<WebviewMessage>({ type: 'ready' });
