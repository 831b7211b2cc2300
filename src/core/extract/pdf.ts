/**
 * PDF text extraction with pdf.js (pdfjs-dist, legacy build for Node).
 *
 * pdf.js gives, per page, a list of text items (runs of glyphs with a transform). This module rebuilds the
 * reading order from them:
 *
 *   1. items are placed in display space (viewport transform: y grows downwards, page rotation applied);
 *   2. horizontal items are grouped into lines by their baseline, lines sorted top to bottom and items left to
 *      right, with a space wherever pdf.js ends a line (`hasEOL`) or the x-gap is a word gap;
 *   3. a page with a clear vertical gutter in most of its lines is read as two columns (left column first,
 *      full-width lines such as titles stay where they are);
 *   4. over the whole document: the usual line spacing decides paragraph breaks (a blank line), and lines at
 *      the top/bottom of pages that repeat on many pages (running headers, footers) or are page numbers are
 *      reported in `excluded`;
 *   5. words hyphenated across line ends are joined («innova-\nsjon» → «innovasjon»), compounds keep their
 *      hyphen («IKT-\nløsninger» → «IKT-løsninger», «e-\nhelse», «FoU-\nordning», URLs), «helse-\nog omsorg»
 *      is left as it is; when the document itself uses one of the two spellings elsewhere, that one wins.
 *      (Word, which made most Norwegian public PDFs, does not hyphenate by default: a hyphen at a line end
 *      there is usually a real one, which is why the compound rules matter more than the joining.)
 *
 * Every character of `text` that comes from a pdf.js item is covered by a `TextItemSpan` (page, item index in
 * `getTextContent().items`, offset in the item's `str`); inserted spaces and line breaks are not.
 */
import { installDOMMatrix } from './domMatrix';
import { ExtractedDocument, ExtractionError, OutlineEntry, Range, TextItemSpan } from '../types';
import { formatBytes, LimitError, Limits, MB, resolveLimits } from '../limits';

export interface PdfExtractOptions {
  file?: string;
  password?: string;
  /**
   * Read only the first N pages: a quick preview of a long document (the PDF viewer highlights its first page
   * with it while the whole document is read). `pages` is still the document's page count; the running
   * headers, footers and hyphenation are decided from the pages read.
   */
  maxPages?: number;
  /**
   * Where pdf.js finds its standard fonts and CMaps. This module has no file access of its own: the Node entry
   * (./file.ts) gives the folders of the pdfjs-dist package (or of the copy a bundle ships); the web worker gives a
   * `fetch` that asks the extension host for the bytes. Without either, pdf.js uses its built-in font metrics.
   */
  assets?: PdfAssets;
  /**
   * Resource limits (limits.ts): `pdfPages` is checked as soon as the document is open, before any page is read;
   * `textMB` while the pages' text is read (the reading stops at the limit).
   */
  limits?: Partial<Limits>;
}

export interface PdfAssets {
  /** Base URLs (or, in Node, folder paths ending in a separator) of `standard_fonts/` and `cmaps/`. */
  standardFontDataUrl?: string;
  cMapUrl?: string;
  /** Reads a standard font or a CMap by file name (instead of the URLs). */
  fetch?: (kind: 'standardFontDataUrl' | 'cMapUrl', filename: string) => Promise<Uint8Array>;
}

// ───────────────────────────── pdf.js loading ─────────────────────────────

/** Loads pdf.js once. A real dynamic import: tsc (module node16, CJS output) and esbuild both keep it. */
function nativeImportPdfJs() {
  return import('pdfjs-dist/legacy/build/pdf.mjs');
}
type PdfJs = Awaited<ReturnType<typeof nativeImportPdfJs>>;

/**
 * How the host imports an ES module, when the bundle cannot itself: the CLI's launcher loads its bundle from V8's
 * code cache (bin/policy-lens.js), and Node 20 runs no `import()` of a script compiled from cached data. The
 * specifiers are the ones below (resolved from the launcher, which shares the package's node_modules).
 */
let importModule: ((specifier: string) => Promise<unknown>) | undefined;
export function setModuleImporter(fn: ((specifier: string) => Promise<unknown>) | undefined): void {
  importModule = fn;
}

function importPdfJs(): Promise<PdfJs> {
  return importModule ? (importModule('pdfjs-dist/legacy/build/pdf.mjs') as Promise<PdfJs>) : nativeImportPdfJs();
}

function importPdfJsWorker(): Promise<unknown> {
  // a literal specifier (typed as a string: the worker module has no types), so that bundlers can map it
  return importModule ? importModule('pdfjs-dist/legacy/build/pdf.worker.mjs') : import('pdfjs-dist/legacy/build/pdf.worker.mjs' as string);
}
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;
type PdfTextContent = Awaited<ReturnType<PdfPage['getTextContent']>>;

/**
 * The legacy build bundles core-js, which on import *replaces* some built-ins of the whole process with
 * slower spec-polyfills: `Array.prototype.push` (≈2.5× slower), `JSON.stringify` (≈10× slower),
 * `JSON.parse`, `Function.prototype.toString`, and defines a global `self`. Node 20+ has correct native
 * versions of all of these, so they are put back after pdf.js (and its worker, which pdf.js would otherwise
 * load lazily on the first document) have been loaded. Polyfills that *add* missing features
 * (Promise.withResolvers, Map.prototype.getOrInsertComputed, Uint8Array.prototype.toHex …) stay: pdf.js
 * needs them.
 */
function snapshotBuiltins(): () => void {
  const saved: [object, PropertyKey, PropertyDescriptor | undefined][] = [
    [Array.prototype, 'push'],
    [JSON, 'parse'],
    [JSON, 'stringify'],
    [Function.prototype, 'toString'],
    [globalThis, 'self'],
  ].map(([o, k]) => [o as object, k as PropertyKey, Object.getOwnPropertyDescriptor(o as object, k as PropertyKey)]);
  return () => {
    for (const [o, k, d] of saved) {
      const now = Object.getOwnPropertyDescriptor(o, k);
      if (d && now && now.value === d.value && now.get === d.get) continue;
      try {
        if (d) Object.defineProperty(o, k, d);
        else if (now?.configurable) delete (o as Record<PropertyKey, unknown>)[k];
      } catch {
        // A non-configurable property: leave the polyfill.
      }
    }
  };
}

/**
 * pdf.js' "worker" runs in this thread (a fake worker: in Node, and inside the extension's own worker threads and
 * web workers): its module is imported in loadPdfJs.
 */

/** A hook run once before pdf.js loads (the Node entry installs the DOMMatrix stand-in when nothing else gives one). */
let beforeLoad: (() => void) | undefined;
export function setPdfJsPreload(fn: (() => void) | undefined): void {
  beforeLoad = fn;
}

let pdfjsPromise: Promise<PdfJs> | undefined;
function loadPdfJs(): Promise<PdfJs> {
  if (!pdfjsPromise) {
    pdfjsPromise = (async () => {
      const restore = snapshotBuiltins();
      try {
        if (beforeLoad) beforeLoad();
        else if (typeof (globalThis as { DOMMatrix?: unknown }).DOMMatrix === 'undefined') installDOMMatrix();
        const pdfjs = await importPdfJs();
        // The same module instance pdf.js imports for its fake worker ("./pdf.worker.mjs" next to pdf.mjs).
        await importPdfJsWorker();
        return pdfjs;
      } finally {
        restore();
      }
    })().catch((e: unknown) => {
      pdfjsPromise = undefined;
      throw e;
    });
  }
  return pdfjsPromise;
}

/** The getDocument options for the assets: URLs, or a BinaryDataFactory class around `assets.fetch`. */
function assetOptions(assets: PdfAssets | undefined): Record<string, unknown> {
  if (!assets) return {};
  const { fetch: read, standardFontDataUrl, cMapUrl } = assets;
  if (!read) return { ...(standardFontDataUrl ? { standardFontDataUrl } : {}), ...(cMapUrl ? { cMapUrl } : {}) };
  class HostBinaryDataFactory {
    constructor(_opts: unknown) {
      void _opts;
    }
    fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
      if (kind !== 'standardFontDataUrl' && kind !== 'cMapUrl') return Promise.reject(new Error(`pdf.js asked for ${kind} data`));
      return read!(kind, filename);
    }
  }
  // pdf.js asks the factory only for kinds whose base URL is set; the URLs are never fetched.
  return { standardFontDataUrl: 'host:/standard_fonts/', cMapUrl: 'host:/cmaps/', BinaryDataFactory: HostBinaryDataFactory };
}

// ───────────────────────────── tuning ─────────────────────────────

/** A gap between two items wider than this × font size is a word space. */
const SPACE_GAP = 0.12;
/** Items whose baselines differ by at most this × font size are on the same line. */
const BASELINE_TOL = 0.45;
/** Fraction of the page height at the top and at the bottom where running headers and footers live. */
const BAND = 0.12;
/** Lone page numbers: «3», «- 3 -», «Side 3 av 12», «Page 3 of 12», «3/12». */
const PAGE_NUMBER_RE =
  /^(?:(?:side|s\.|page|p\.)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:av|of|\/|frå|fra)\s*\d{1,4})?$/i;

// ───────────────────────────── page model ─────────────────────────────

interface PItem {
  /** Index in getTextContent().items. */
  idx: number;
  str: string;
  /** White space only: marks a word gap, emits at most one space. */
  ws?: boolean;
  /** Display-space baseline start (x), baseline (y, downwards) and end (x1). */
  x: number;
  y: number;
  x1: number;
  size: number;
  eol: boolean;
}

/** A piece of a line: a slice [from, to) of an item's `str`, or an inserted string. */
type Seg = { idx: number; from: number; to: number } | string;

interface Line {
  segs: Seg[];
  y: number;
  size: number;
  x0: number;
  x1: number;
  /** Set for the second and later parts of a column block: the line follows a column switch. */
  columnStart?: boolean;
  /** Lines of rotated/vertical text, appended after the page's horizontal text. */
  vertical?: boolean;
}

interface PageData {
  page: number;
  height: number;
  strs: string[];
  lines: Line[];
  twoColumns: boolean;
}

function isHorizontal(m: number[]): boolean {
  return m[0] > 0 && Math.abs(m[1]) <= 0.05 * Math.abs(m[0]) && Math.abs(m[2]) <= 0.05 * Math.abs(m[3]);
}

function lineText(strs: string[], segs: Seg[]): string {
  let s = '';
  for (const g of segs) s += typeof g === 'string' ? g : strs[g.idx].slice(g.from, g.to);
  return s;
}

const WS = /\s/;

/** Builds the lines of one horizontal group of items (already on one baseline), left to right. */
function buildLine(items: PItem[], y: number, size: number): Line {
  items.sort((a, b) => a.x - b.x);
  const segs: Seg[] = [];
  let prev: PItem | undefined;
  let pendingSpace = false;
  for (const it of items) {
    if (it.ws) {
      pendingSpace = true;
      continue;
    }
    if (prev) {
      // Drop a duplicate drawn over the previous item (fake bold, shadows).
      if (it.str === prev.str && Math.abs(it.x - prev.x) < 0.3 * it.size) continue;
      const gap = it.x - prev.x1;
      const sz = Math.max(1, Math.min(prev.size, it.size));
      const spaced = WS.test(prev.str[prev.str.length - 1]) || WS.test(it.str[0]);
      if (!spaced && (pendingSpace || gap > SPACE_GAP * sz || (prev.eol && gap > -0.2 * sz))) segs.push(' ');
    }
    pendingSpace = false;
    segs.push({ idx: it.idx, from: 0, to: it.str.length });
    prev = it;
  }
  trimSegs(segs, items);
  return { segs, y, size, x0: items[0].x, x1: Math.max(...items.map((i) => i.x1)) };
}

/** Trims leading and trailing white space of a line (slices of items, so offsets stay exact). */
function trimSegs(segs: Seg[], items: { idx: number; str: string }[]): void {
  const strOf = (idx: number) => items.find((i) => i.idx === idx)!.str;
  while (segs.length) {
    const g = segs[0];
    if (typeof g === 'string') {
      segs.shift();
      continue;
    }
    const s = strOf(g.idx);
    while (g.from < g.to && WS.test(s[g.from])) g.from++;
    if (g.from < g.to) break;
    segs.shift();
  }
  while (segs.length) {
    const g = segs[segs.length - 1];
    if (typeof g === 'string') {
      segs.pop();
      continue;
    }
    const s = strOf(g.idx);
    while (g.to > g.from && WS.test(s[g.to - 1])) g.to--;
    if (g.to > g.from) break;
    segs.pop();
  }
}

/** Groups items into baseline lines, top to bottom. */
function groupLines(items: PItem[]): { items: PItem[]; y: number; size: number }[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: { items: PItem[]; y: number; size: number }[] = [];
  for (const it of sorted) {
    let best: { items: PItem[]; y: number; size: number } | undefined;
    let bestD = Infinity;
    for (let k = groups.length - 1; k >= Math.max(0, groups.length - 3); k--) {
      const g = groups[k];
      const d = Math.abs(it.y - g.y);
      if (d <= BASELINE_TOL * Math.max(g.size, it.size) && d < bestD) {
        best = g;
        bestD = d;
      }
    }
    if (best) {
      best.items.push(it);
      // The line's baseline is that of its largest text (superscripts do not move it).
      if (!it.ws && it.size > best.size * 1.05) {
        best.y = it.y;
        best.size = it.size;
      }
    } else {
      groups.push({ items: [it], y: it.y, size: it.size });
    }
  }
  groups.sort((a, b) => a.y - b.y);
  return groups;
}

/**
 * Finds the x of a column gutter: a vertical strip near the middle of the text that almost no line crosses,
 * with text on both sides in a good part of the lines. Undefined for single-column pages.
 */
function findGutter(groups: { items: PItem[]; size: number }[]): { left: number; right: number } | undefined {
  const n = groups.length;
  if (n < 6) return undefined;
  let minX = Infinity;
  let maxX = -Infinity;
  for (const g of groups) {
    for (const it of g.items) {
      if (it.ws) continue;
      minX = Math.min(minX, it.x);
      maxX = Math.max(maxX, it.x1);
    }
  }
  const W = maxX - minX;
  if (!(W > 150)) return undefined;
  // Each line as merged intervals (word gaps closed), then the number of lines covering each 1-pt bin.
  const bins = Math.ceil(W) + 1;
  const cover = new Int32Array(bins);
  const lineIntervals: [number, number][][] = [];
  for (const g of groups) {
    const its = g.items.filter((it) => !it.ws).sort((a, b) => a.x - b.x);
    const iv: [number, number][] = [];
    for (const it of its) {
      const last = iv[iv.length - 1];
      if (last && it.x - last[1] < 1.2 * Math.max(g.size, it.size)) last[1] = Math.max(last[1], it.x1);
      else iv.push([it.x, it.x1]);
    }
    lineIntervals.push(iv);
    for (const [a, b] of iv) {
      for (let x = Math.max(0, Math.floor(a - minX)); x <= Math.min(bins - 1, Math.ceil(b - minX)); x++) cover[x]++;
    }
  }
  const maxCross = Math.floor(0.15 * n);
  const lo = Math.ceil(0.25 * W);
  const hi = Math.floor(0.75 * W);
  let best: { a: number; b: number } | undefined;
  for (let x = lo; x <= hi; x++) {
    if (cover[x] > maxCross) continue;
    let e = x;
    while (e + 1 <= hi && cover[e + 1] <= maxCross) e++;
    if (!best || e - x > best.b - best.a) best = { a: x, b: e };
    x = e;
  }
  if (!best || best.b - best.a < 6) return undefined;
  const gx = minX + (best.a + best.b) / 2;
  let left = 0;
  let right = 0;
  let crossing = 0;
  for (const iv of lineIntervals) {
    if (iv.some(([a, b]) => a < gx && b > gx)) {
      crossing++;
      continue;
    }
    if (iv.some(([, b]) => b <= gx)) left++;
    if (iv.some(([a]) => a >= gx)) right++;
  }
  if (crossing > maxCross || left < 0.3 * n || right < 0.3 * n || left < 3 || right < 3) return undefined;
  // Text columns are of similar width and their lines fill them; a two-column table (terms | definitions)
  // has a narrow or sparsely filled side and is read row by row instead.
  const gl = minX + best.a;
  const gr = minX + best.b;
  const wl = gl - minX;
  const wr = maxX - gr;
  if (Math.min(wl, wr) < 0.6 * Math.max(wl, wr)) return undefined;
  const widths = (side: 'l' | 'r') => {
    const ws: number[] = [];
    for (const iv of lineIntervals) {
      const part = iv.filter(([a, b]) => (side === 'l' ? b <= gx : a >= gx));
      if (part.length) ws.push(part[part.length - 1][1] - part[0][0]);
    }
    ws.sort((a, b) => a - b);
    return ws[ws.length >> 1] ?? 0;
  };
  if (widths('l') < 0.6 * wl || widths('r') < 0.6 * wr) return undefined;
  return { left: gl, right: gr };
}

/** Turns a page's text items into lines in reading order. */
function layoutPage(items: PItem[], verticalItems: PItem[]): { lines: Line[]; twoColumns: boolean } {
  const groups = groupLines(items);
  const gutter = findGutter(groups);
  const lines: Line[] = [];
  if (!gutter) {
    for (const g of groups) {
      const l = buildLine(g.items, g.y, g.size);
      if (l.segs.length) lines.push(l);
    }
  } else {
    const gx = (gutter.left + gutter.right) / 2;
    let leftBlock: Line[] = [];
    let rightBlock: Line[] = [];
    const flush = () => {
      if (rightBlock.length && leftBlock.length) rightBlock[0].columnStart = true;
      lines.push(...leftBlock, ...rightBlock);
      leftBlock = [];
      rightBlock = [];
    };
    for (const g of groups) {
      const crosses = g.items.some((it) => !it.ws && it.x < gx && it.x1 > gx);
      if (crosses) {
        flush();
        const l = buildLine(g.items, g.y, g.size);
        if (l.segs.length) lines.push(l);
        continue;
      }
      const L = g.items.filter((it) => it.x1 <= gx);
      const R = g.items.filter((it) => it.x1 > gx);
      if (L.length) {
        const l = buildLine(L, g.y, g.size);
        if (l.segs.length) leftBlock.push(l);
      }
      if (R.length) {
        const l = buildLine(R, g.y, g.size);
        if (l.segs.length) rightBlock.push(l);
      }
    }
    flush();
  }
  // Rotated or vertical text (margin notes, rotated table headers): in content order, split at hasEOL.
  let run: PItem[] = [];
  const flushRun = () => {
    if (!run.length) return;
    const segs: Seg[] = [];
    run.forEach((it, k) => {
      if (k > 0 && !WS.test(run[k - 1].str.slice(-1)) && !WS.test(it.str[0])) segs.push(' ');
      segs.push({ idx: it.idx, from: 0, to: it.str.length });
    });
    trimSegs(segs, run);
    if (segs.length) lines.push({ segs, y: Infinity, size: run[0].size, x0: 0, x1: 0, vertical: true });
    run = [];
  };
  for (const it of verticalItems) {
    if (!it.ws) run.push(it);
    if (it.eol) flushRun();
  }
  flushRun();
  return { lines, twoColumns: !!gutter };
}

// ───────────────────────────── document assembly ─────────────────────────────

/** The usual baseline distance / font size between consecutive lines of a paragraph (the mode). */
function usualLeading(pages: PageData[]): number {
  const hist = new Map<number, number>();
  for (const p of pages) {
    for (let k = 1; k < p.lines.length; k++) {
      const a = p.lines[k - 1];
      const b = p.lines[k];
      if (a.vertical || b.vertical || b.columnStart) continue;
      if (Math.abs(a.size - b.size) > 0.1 * a.size) continue;
      const r = (b.y - a.y) / a.size;
      if (r < 0.8 || r > 3) continue;
      const bin = Math.round(r * 20);
      hist.set(bin, (hist.get(bin) ?? 0) + 1);
    }
  }
  let best = 24;
  let bestN = 0;
  for (const [bin, n] of hist) {
    if (n > bestN || (n === bestN && bin < best)) {
      best = bin;
      bestN = n;
    }
  }
  return best / 20;
}

function normaliseHeaderLine(s: string): string {
  return s.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Marks running headers/footers and page numbers: returns, per page, the set of line indexes to exclude. */
function findRunningLines(pages: PageData[]): Set<number>[] {
  const inBand = (p: PageData, l: Line) => !l.vertical && (l.y < BAND * p.height || l.y > (1 - BAND) * p.height);
  const counts = new Map<string, number>();
  const keys: (string | undefined)[][] = pages.map((p) => {
    const seen = new Set<string>();
    return p.lines.map((l) => {
      if (!inBand(p, l)) return undefined;
      const text = lineText(p.strs, l.segs);
      if (!/[\p{L}\p{N}]/u.test(text)) return undefined;
      const key = normaliseHeaderLine(text);
      if (!seen.has(key)) {
        seen.add(key);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return key;
    });
  });
  const withText = pages.filter((p) => p.lines.length).length;
  const needed = Math.max(2, Math.ceil(0.5 * withText));
  return pages.map((p, pi) => {
    const out = new Set<number>();
    p.lines.forEach((l, li) => {
      const key = keys[pi][li];
      if (key === undefined) return;
      if ((counts.get(key) ?? 0) >= needed || PAGE_NUMBER_RE.test(lineText(p.strs, l.segs).trim())) out.add(li);
    });
    return out;
  });
}

const HYPHEN_END = /[\p{L}\p{N}][-\u2010\u00AD]$/u;

/** Prefixes written with a real hyphen («ikke-kommunale»). */
const HYPHEN_PREFIXES = new Set(['ikke', 'non', 'anti', 'post', 'pre', 'ex', 'eks', 'co', 'sosial']);

/**
 * How to join line `a` to the next line `b` of the same paragraph when `a` ends in letter + hyphen:
 * 'drop' joins the word and drops the hyphen («innova-\nsjon» → «innovasjon»), 'keep' joins and keeps the
 * hyphen («IKT-\nløsninger» → «IKT-løsninger»), undefined leaves the line break («helse-\nog omsorg»).
 * `lexicon` holds the document's own words (lower case): a form seen elsewhere in the document decides.
 */
export function hyphenJoin(a: string, b: string, lexicon?: ReadonlySet<string>): 'drop' | 'keep' | undefined {
  if (!HYPHEN_END.test(a)) return undefined;
  if (a.endsWith('\u00AD')) return /^[\p{L}\p{N}]/u.test(b) ? 'drop' : undefined;
  const lastToken = /\S+$/u.exec(a)?.[0] ?? '';
  // A URL broken after a hyphen goes on without a line break and keeps its hyphen.
  if (/^(?:https?:\/\/|www\.)|\/\S*-$/iu.test(lastToken) && /^\S/u.test(b)) return 'keep';
  // «helse- og omsorgstjenester», «struktur- eller»: a real hyphen, the line break stays.
  if (/^(?:og|eller|samt|and|or)(?:\s|$)/iu.test(b)) return undefined;
  if (/^\p{Lu}/u.test(b) || /^\p{N}/u.test(b)) return 'keep'; // «Nord-\nNorge», «covid-\n19»
  if (!/^\p{Ll}/u.test(b)) return undefined;
  const word = /([\p{L}\p{M}\p{N}]+)[-\u2010]$/u.exec(a)?.[1] ?? '';
  // Acronyms, numbers, one-letter prefixes and chains keep the hyphen: «IKT-\nløsninger», «KommIT-\nrådet»,
  // «FoU-\nutredninger», «covid-19-\npandemien», «e-\nhelse», «sørge-for-\nansvaret».
  if ((word.match(/\p{Lu}/gu)?.length ?? 0) >= 2 || /\p{N}/u.test(word) || word.length <= 1) return 'keep';
  if (/[-\u2010\u2011\u2013]/u.test(lastToken.slice(0, -1))) return 'keep';
  if (HYPHEN_PREFIXES.has(word.toLowerCase())) return 'keep';
  if (/^[\p{L}\p{M}\p{N}]+[-\u2010\u2011]/u.test(b)) return 'keep'; // «én-\ntil-én-forhold»
  if (lexicon) {
    const next = /^[\p{L}\p{M}\p{N}]+/u.exec(b)?.[0] ?? '';
    const joined = (word + next).toLowerCase();
    const hyphened = `${word}-${next}`.toLowerCase();
    if (lexicon.has(joined)) return 'drop';
    if (lexicon.has(hyphened)) return 'keep';
    // Another inflection of either form («helsereformutvalget» for «helsereform-\nutvalgets»).
    const sorted = sortedLexicon(lexicon);
    const near = (form: string) => {
      const stem = form.slice(0, Math.max(word.length + 2, form.length - 3));
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid] < stem) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < sorted.length && sorted[k].startsWith(stem); k++) {
        if (Math.abs(sorted[k].length - form.length) <= 3) return true;
      }
      return false;
    };
    if (near(joined)) return 'drop';
    if (near(hyphened)) return 'keep';
  }
  return 'drop';
}

const sortedCache = new WeakMap<ReadonlySet<string>, string[]>();
function sortedLexicon(lexicon: ReadonlySet<string>): string[] {
  let sorted = sortedCache.get(lexicon);
  if (!sorted) {
    sorted = [...lexicon].sort();
    sortedCache.set(lexicon, sorted);
  }
  return sorted;
}

/** Lower-case words of the document (hyphenated compounds as one word, and their parts joined). */
function documentLexicon(pages: PageData[]): Set<string> {
  const lex = new Set<string>();
  const re = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-\u2010\u2011][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;
  for (const p of pages) {
    for (const l of p.lines) {
      for (const m of lineText(p.strs, l.segs).matchAll(re)) lex.add(m[0].toLowerCase());
    }
  }
  return lex;
}

function assemble(pages: PageData[]): {
  text: string;
  items: TextItemSpan[];
  excluded: Range[];
  pageSpans: { page: number; start: number; end: number }[];
} {
  const leading = usualLeading(pages);
  const running = findRunningLines(pages);
  const lexicon = documentLexicon(pages);
  const parts: string[] = [];
  let pos = 0;
  const items: TextItemSpan[] = [];
  const excluded: Range[] = [];
  const pageSpans: { page: number; start: number; end: number }[] = [];
  const put = (s: string) => {
    parts.push(s);
    pos += s.length;
  };

  pages.forEach((p, pi) => {
    if (pi > 0) put('\n\n');
    if (pageSpans.length) pageSpans[pageSpans.length - 1].end = pos;
    pageSpans.push({ page: p.page, start: pos, end: pos });
    const excl = running[pi];
    const texts = p.lines.map((l) => lineText(p.strs, l.segs));
    let prevJoinedFrom: number | undefined;
    p.lines.forEach((l, li) => {
      // Separator before the line.
      if (li > 0 && prevJoinedFrom === undefined) {
        const a = p.lines[li - 1];
        const dy = l.y - a.y;
        const sizeJump = Math.abs(l.size - a.size) > 0.15 * Math.max(l.size, a.size);
        const para =
          l.vertical !== a.vertical ||
          excl.has(li) !== excl.has(li - 1) ||
          (!l.columnStart && (dy > (leading * 1.25 + 0.05) * a.size || sizeJump));
        put(para ? '\n\n' : '\n');
      }
      // Decide whether this line joins the next one (hyphenation).
      let segs = l.segs;
      let join: 'drop' | 'keep' | undefined;
      const next = p.lines[li + 1];
      if (next && !l.vertical && !next.vertical && !excl.has(li) && !excl.has(li + 1)) {
        const dy = next.y - l.y;
        const samePara = next.columnStart || (dy > 0 && dy <= (leading * 1.25 + 0.05) * l.size);
        if (samePara) join = hyphenJoin(texts[li], texts[li + 1], lexicon);
      }
      if (join === 'drop') {
        // Remove the hyphen (the last character of the last item slice).
        segs = segs.slice();
        const last = segs[segs.length - 1];
        if (typeof last !== 'string') {
          segs[segs.length - 1] = { ...last, to: last.to - 1 };
          if (last.to - 1 <= last.from) segs.pop();
        }
      }
      const start = pos;
      for (const g of segs) {
        if (typeof g === 'string') {
          put(g);
          continue;
        }
        const s = p.strs[g.idx].slice(g.from, g.to);
        if (!s) continue;
        const prevSpan = items[items.length - 1];
        if (prevSpan && prevSpan.page === p.page && prevSpan.item === g.idx && prevSpan.end === pos &&
            prevSpan.itemOffset + (prevSpan.end - prevSpan.start) === g.from) {
          prevSpan.end += s.length;
        } else {
          items.push({ start: pos, end: pos + s.length, page: p.page, item: g.idx, itemOffset: g.from });
        }
        put(s);
      }
      if (excl.has(li) && pos > start) excluded.push({ start, end: pos });
      prevJoinedFrom = join ? li : undefined;
    });
  });
  if (pageSpans.length) pageSpans[pageSpans.length - 1].end = pos;
  return { text: parts.join(''), items, excluded, pageSpans };
}

// ───────────────────────────── errors ─────────────────────────────

function hasPdfHeader(data: Uint8Array): boolean {
  const n = Math.min(data.length, 1024);
  for (let i = 0; i + 4 < n; i++) {
    if (data[i] === 0x25 && data[i + 1] === 0x50 && data[i + 2] === 0x44 && data[i + 3] === 0x46 && data[i + 4] === 0x2d) {
      return true; // %PDF-
    }
  }
  return false;
}

function hasEofMarker(data: Uint8Array): boolean {
  const from = Math.max(0, data.length - 2048);
  for (let i = data.length - 5; i >= from; i--) {
    if (data[i] === 0x25 && data[i + 1] === 0x25 && data[i + 2] === 0x45 && data[i + 3] === 0x4f && data[i + 4] === 0x46) {
      return true; // %%EOF
    }
  }
  return false;
}

function toExtractionError(e: unknown, label: string, file: string | undefined, password: boolean): ExtractionError {
  if (e instanceof ExtractionError) return e;
  const err = e as { name?: string; message?: string; code?: number };
  const msg = err?.message ?? String(e);
  switch (err?.name) {
    case 'PasswordException':
      // pdf.js: code 1 = a password is needed, 2 = the password is wrong.
      return err.code === 2 || password
        ? new ExtractionError(`${label} is encrypted and the password given is wrong.`, 'password', file)
        : new ExtractionError(`${label} is password-protected; give its password to read it.`, 'password', file);
    case 'InvalidPDFException':
    case 'FormatError':
    case 'UnknownErrorException':
    case 'UnexpectedResponseException':
      return new ExtractionError(`${label} is damaged or incomplete and cannot be read (${msg}).`, 'corrupt', file);
    case 'MissingPDFException':
    case 'ResponseException':
      return new ExtractionError(`${label} cannot be read (${msg}).`, 'io', file);
    default:
      return new ExtractionError(`${label} cannot be read as a PDF (${msg}).`, 'corrupt', file);
  }
}

// ───────────────────────────── outline ─────────────────────────────

interface OutlineNode {
  title: string;
  dest: string | unknown[] | null;
  items: OutlineNode[];
}

async function readOutline(doc: PdfDocument): Promise<OutlineEntry[]> {
  let nodes: OutlineNode[] | null;
  try {
    nodes = (await doc.getOutline()) as OutlineNode[] | null;
  } catch {
    return [];
  }
  const out: OutlineEntry[] = [];
  const walk = async (list: OutlineNode[], level: number, depth: number) => {
    if (depth > 32) return;
    for (const n of list) {
      let page: number | undefined;
      try {
        let dest = n.dest;
        if (typeof dest === 'string') dest = await doc.getDestination(dest);
        if (Array.isArray(dest) && dest.length) {
          const ref = dest[0];
          if (typeof ref === 'number' && Number.isInteger(ref)) page = ref + 1;
          else if (ref && typeof ref === 'object') page = (await doc.getPageIndex(ref as never)) + 1;
        }
      } catch {
        page = undefined;
      }
      const title = (n.title ?? '').replace(/\s+/g, ' ').trim();
      if (page !== undefined && title) out.push({ title, page, level });
      if (n.items?.length) await walk(n.items, level + 1, depth + 1);
    }
  };
  if (nodes) await walk(nodes, 1, 0);
  return out;
}

// ───────────────────────────── main ─────────────────────────────

/** Extracts the text of a PDF; throws ExtractionError with a message meant for the user. */
export async function extractPdf(data: Uint8Array, opts: PdfExtractOptions = {}): Promise<ExtractedDocument> {
  const file = opts.file;
  const label = file ? `${file}` : 'The PDF';
  if (!data.length) throw new ExtractionError(`${label} is empty (0 bytes), not a PDF.`, 'corrupt', file);
  if (!hasPdfHeader(data)) {
    throw new ExtractionError(`${label} is not a PDF file (it does not start with %PDF-).`, 'unsupported', file);
  }
  const pdfjs = await loadPdfJs();
  const warnings: string[] = [];
  if (!hasEofMarker(data)) warnings.push(`${label} seems to be truncated (no %%EOF at the end); some text may be missing.`);

  const task = pdfjs.getDocument({
    // A copy: pdf.js takes ownership of the buffer it is given, and refuses Node Buffers.
    data: new Uint8Array(data),
    password: opts.password,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    ...assetOptions(opts.assets),
  });
  let doc: PdfDocument | undefined;
  const limits = resolveLimits(opts.limits);
  try {
    doc = await task.promise;
    if (doc.numPages > limits.pdfPages) {
      throw new LimitError(label, `the PDF has ${doc.numPages} pages`, 'pdfPages', limits.pdfPages, file);
    }
    let textChars = 0;
    const pages: PageData[] = [];
    let failed = 0;
    // Pages are requested a few ahead (pdf.js answers through its message queue even without a real worker,
    // so waiting for one page at a time leaves the thread idle); the window keeps memory bounded.
    const AHEAD = 4;
    const last = opts.maxPages && opts.maxPages > 0 ? Math.min(doc.numPages, Math.floor(opts.maxPages)) : doc.numPages;
    const pending = new Map<number, Promise<{ page: PdfPage; tc: PdfTextContent }>>();
    const request = (n: number) => {
      if (n > last || pending.has(n)) return;
      const pr = doc!.getPage(n).then(async (page) => ({ page, tc: await page.getTextContent() }));
      pr.catch(() => undefined); // handled when awaited
      pending.set(n, pr);
    };
    for (let n = 1; n <= last; n++) {
      let page: PdfPage | undefined;
      for (let k = n; k < n + AHEAD; k++) request(k);
      try {
        const got = await pending.get(n)!;
        pending.delete(n);
        page = got.page;
        const viewport = page.getViewport({ scale: 1 });
        const tc = got.tc;
        const strs: string[] = [];
        const horiz: PItem[] = [];
        const vert: PItem[] = [];
        tc.items.forEach((raw, idx) => {
          if (!('str' in raw)) {
            strs.push('');
            return;
          }
          strs.push(raw.str);
          textChars += raw.str.length;
          if (!raw.str) return;
          const m = pdfjs.Util.transform(viewport.transform, raw.transform) as number[];
          const size = Math.hypot(m[2], m[3]) || raw.height || 10;
          const it: PItem = {
            idx,
            str: raw.str,
            x: m[4],
            y: m[5],
            x1: m[4] + raw.width,
            size,
            eol: raw.hasEOL,
            ws: !raw.str.trim(),
          };
          (isHorizontal(m) ? horiz : vert).push(it);
        });
        if (textChars > limits.textMB * MB) {
          throw new LimitError(label, `its text is over ${formatBytes(limits.textMB * MB)} by page ${n}`, 'textMB', limits.textMB, file);
        }
        const { lines, twoColumns } = layoutPage(horiz, vert);
        pages.push({ page: n, height: viewport.height, strs, lines, twoColumns });
      } catch (e) {
        const name = (e as { name?: string })?.name;
        if (name === 'PasswordException' || e instanceof LimitError) throw e;
        failed++;
        warnings.push(`Page ${n} could not be read (${(e as Error)?.message ?? e}).`);
        pages.push({ page: n, height: 1, strs: [], lines: [], twoColumns: false });
        pending.delete(n);
      } finally {
        page?.cleanup();
      }
    }
    if (last > 0 && failed === last) {
      throw new ExtractionError(`${label} is damaged: none of its ${doc.numPages} pages can be read.`, 'corrupt', file);
    }
    const emptyPages = pages.filter((p) => !p.lines.length).map((p) => p.page);
    if (emptyPages.length === pages.length) {
      throw new ExtractionError(
        `${label}: no text found in the PDF — it is probably scanned (images only); OCR is needed to analyse it.`,
        'no-text',
        file,
      );
    }
    for (const n of emptyPages) {
      if (!warnings.some((w) => w.startsWith(`Page ${n} `))) {
        warnings.push(`Page ${n} has no text layer (blank, or a scanned image that needs OCR).`);
      }
    }
    const outline = await readOutline(doc);
    const { text, items, excluded, pageSpans } = assemble(pages);
    return { text, format: 'pdf', pages: doc.numPages, pageSpans, items, excluded, outline, warnings };
  } catch (e) {
    throw toExtractionError(e, label, file, opts.password !== undefined);
  } finally {
    if (doc) await doc.destroy().catch(() => undefined);
    else await task.destroy().catch(() => undefined);
  }
}

/** Pages per second of `extractPdf` over the given PDFs (for benchmarks). */
export async function pdfPagesPerSecond(files: { data: Uint8Array; file?: string }[]): Promise<{
  pages: number;
  ms: number;
  pagesPerSecond: number;
}> {
  let pages = 0;
  const t0 = performance.now();
  for (const f of files) pages += (await extractPdf(f.data, { file: f.file })).pages;
  const ms = performance.now() - t0;
  return { pages, ms, pagesPerSecond: ms > 0 ? (pages * 1000) / ms : 0 };
}
