/**
 * Messages between the extension host and the PDF viewer webview, and the checks every message from the
 * webview passes before the host acts on it. No `vscode` import: the webview bundle and the unit tests use
 * this module too.
 *
 *   host → webview   load · analysis · status · display · reveal · explanation · getSelection · codings ·
 *                    find, scroll, requestReport, select (tests)
 *   webview → host   ready · viewState · explain · openLink · askPassword · loadFailed · report · selection
 *
 * A finding crosses the boundary as an index into the `analysis` message's arrays; its words are placed on the
 * text layer from `items` (page, pdf.js item index, offset in the item's string, text range): the webview never
 * searches for the words.
 */
import type { Category } from '../../core/types';

export const CATEGORY_IDS: readonly Category[] = ['directive', 'enabling', 'innovation', 'cocreation', 'collaboration', 'control', 'district'];

/** Stride of `AnalysisPayload.items`: page, item, itemOffset, start, end. */
export const ITEM_STRIDE = 5;

/** What the viewer needs to place findings on the pages: one extraction, made by the extension host. */
export interface AnalysisPayload {
  /** Increases with every (re)load of the file; messages of an older generation are ignored. */
  generation: number;
  /** `preview`: the first pages only, sent while the whole document is read; `final`: the whole document. */
  phase: 'preview' | 'final';
  /** Names this analysis (finding indexes refer to it): explanations are asked for by it. */
  analysisId: number;
  /** The extracted text (the engine's ExtractedDocument.text). */
  text: string;
  /** TextItemSpan[] flattened: page, item, itemOffset, start, end (sorted by start). */
  items: Int32Array;
  /** Running headers, footers and page numbers: [start, end) pairs (rendered, not analysed). */
  excluded: Int32Array;
  /** Findings, column-wise: offsets into `text`, category (index into CATEGORY_IDS), page, sentence. */
  findings: {
    start: Int32Array;
    end: Int32Array;
    category: Uint8Array;
    page: Int32Array;
    sentence: Int32Array;
  };
  pages: number;
  /** Pages read for this payload (all of them for `final`). */
  pagesRead: number;
  /** Offset in `text` where each page read starts (page 1 first). */
  pageStarts: Int32Array;
  score: { value: number; label: string };
  /** Sections for the strip: the PDF's outline when it has one, else the detected headings. */
  sections: { title: string; page: number; level: number; start: number; directiveDensity: number; enablingDensity: number }[];
  sectionsFrom: 'outline' | 'headings';
  warnings: string[];
}

export type Severity = 'info' | 'warning' | 'error';

/** A one-line state shown in the viewer's toolbar / message bar. */
export interface StatusMessage {
  type: 'status';
  generation: number;
  state: 'loading' | 'analysing' | 'ready' | 'error';
  /** Why: password, encrypted, corrupt, no-text, unsupported, too-large, io, render, analysis. */
  code?: string;
  message?: string;
  severity?: Severity;
  /** Offer a button that asks for the password again. */
  passwordAction?: boolean;
}

export interface Explanation {
  finding: number;
  title: string;
  category: Category;
  categoryLabel: string;
  text: string;
  description: string;
  rows: [string, string][];
  score: string;
}

export type HostMessage =
  | { type: 'load'; generation: number; data: Uint8Array; password?: string; restore?: ViewState; fileName: string }
  | ({ type: 'analysis' } & AnalysisPayload)
  | StatusMessage
  | { type: 'display'; visible: boolean; categories: Record<Category, boolean>; labels: Record<Category, string> }
  /** Shows [start, end) of the text: scrolls there and flashes it; `select` also selects the words. */
  | { type: 'reveal'; analysisId: number; start: number; end: number; how: 'select' | 'flash' }
  | { type: 'explanation'; id: number; explanation: Explanation | null }
  | { type: 'find'; query: string }
  | { type: 'scroll'; to: 'page' | 'end' | 'all'; page?: number }
  /** Asks for a full report (with the DOM check of hiddenDrawn); tests and the benchmark. */
  | { type: 'requestReport' }
  /** Sets page and zoom as the toolbar would (tests). */
  | { type: 'setView'; page?: number; scale?: number | 'fit' }
  /** Moves the mouse over the first word of a finding, as a user would (tests, screenshots). */
  | { type: 'hover'; finding: number }
  /** Clicks the n-th link of the pages painted now, as a user would (tests). */
  | { type: 'clickLink'; index: number }
  /** Asks for the text-layer selection as a range of the extracted text (answered by `selection`). */
  | { type: 'getSelection'; id: number }
  /** The document's codings, drawn in their code's colour (offsets into the analysis' text). */
  | { type: 'codings'; analysisId: number; codings: CodingMark[] }
  /** Selects [start, end) of the text on the text layer, as a user dragging over the words would (tests). */
  | { type: 'select'; start: number; end: number };

/** A coding as the viewer draws it: [start, end) of the text, the code's colour and name; `review`: autocoded. */
export interface CodingMark {
  start: number;
  end: number;
  color: string;
  label: string;
  review: boolean;
}

export interface ViewState {
  page: number;
  /** A zoom factor, or 'fit' (page width). */
  scale: number | 'fit';
}

export interface RenderReport {
  generation: number;
  phase: 'preview' | 'final' | 'none';
  pages: number;
  /** Pages whose canvas is currently painted. */
  renderedPages: number[];
  /** Findings with at least one word placed on the text layer (from the item map, over all pages). */
  placedFindings: number;
  /** Findings whose words could not be placed (item missing from the text layer). */
  unplacedFindings: number;
  /** Findings actually drawn on the pages rendered so far (distinct). */
  drawnFindings: number;
  /** Of the drawn highlight elements: how many show a category that is switched off (should be 0; full reports only). */
  hiddenDrawn: number;
  /** Findings on the pages painted so far whose text-layer characters differ from the host's text (should be 0). */
  textMismatches: number;
  /** True when `hiddenDrawn` was checked in the DOM (an answer to `requestReport`, or after visiting all pages). */
  full: boolean;
  /** Milliseconds from the webview's start to the first page painted with its highlights. */
  firstHighlightedMs?: number;
  /** Epoch ms of that moment (for benchmarks that start the clock elsewhere). */
  firstHighlightedAt?: number;
  /** Live canvases (lazy rendering keeps this small). */
  canvases: number;
  /** Milestones, ms since the webview's start: pdfjs, load, document, firstPaint, analysis, firstHighlighted. */
  timeline?: Record<string, number>;
  findMatches: number;
  findIndex: number;
  /** Completed visits of every page (`scroll` with `to: 'all'`). */
  visits: number;
  /** Ranges revealed so far (`reveal`), the flash marks on the page now, and the selected text. */
  revealed: number;
  /** Codings drawn on the pages painted so far (distinct). */
  drawnCodings: number;
  /** Flash marks the last reveal drew when its words were shown (the flash itself lasts a moment). */
  revealFlashed: number;
  flashing: number;
  selection: string;
  /** The message bar's text ('' when hidden) and the hover explanation's text ('' when hidden). */
  message: string;
  tooltip: string;
  /** Links (link annotations) on the pages painted now. */
  links: number;
  currentPage: number;
  scale: number;
  error?: string;
}

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'viewState'; page: number; scale: number | 'fit' }
  | { type: 'explain'; id: number; finding: number; analysisId: number }
  | { type: 'openLink'; url: string }
  | { type: 'askPassword' }
  | { type: 'loadFailed'; generation: number; name: string; message: string }
  | { type: 'report'; report: RenderReport }
  /** The answer to `getSelection`: the selected words as [start, end) of the analysis' text (start = end: none). */
  | { type: 'selection'; id: number; analysisId: number; start: number; end: number };

// ───────────────────────────── validation of webview messages ─────────────────────────────

const MAX_STRING = 4096;
const MAX_URL = 2048;

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, min = 0, max = 2 ** 31 - 1): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const isStr = (v: unknown, max = MAX_STRING): v is string => typeof v === 'string' && v.length <= max;
const isNum = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;

/** Only these keys, each passing its check (so that nothing unexpected rides along). */
function shape(o: Obj, checks: Record<string, (v: unknown) => boolean>, optional: readonly string[] = []): boolean {
  for (const k of Object.keys(o)) if (!(k in checks)) return false;
  for (const [k, check] of Object.entries(checks)) {
    if (!(k in o) || o[k] === undefined) {
      if (optional.includes(k)) continue;
      return false;
    }
    if (!check(o[k])) return false;
  }
  return true;
}

const isScale = (v: unknown) => v === 'fit' || isNum(v, 0.1, 8);
const isIntArray = (v: unknown, maxLen: number) => Array.isArray(v) && v.length <= maxLen && v.every((x) => isInt(x, 0, 1e6));

function isReport(v: unknown): boolean {
  if (!isObj(v)) return false;
  const count = (x: unknown) => isInt(x, 0, 1e7);
  return shape(
    v,
    {
      generation: count,
      phase: (x) => x === 'preview' || x === 'final' || x === 'none',
      pages: count,
      renderedPages: (x) => isIntArray(x, 10_000),
      placedFindings: count,
      unplacedFindings: count,
      drawnFindings: count,
      hiddenDrawn: count,
      textMismatches: count,
      full: (x) => typeof x === 'boolean',
      firstHighlightedMs: (x) => isNum(x, 0, 1e9),
      firstHighlightedAt: (x) => isNum(x, 0, 1e14),
      canvases: count,
      findMatches: count,
      findIndex: (x) => isInt(x, -1, 1e7),
      visits: count,
      revealed: count,
      drawnCodings: count,
      revealFlashed: count,
      flashing: count,
      selection: (x) => isStr(x, 400),
      message: (x) => isStr(x, 1000),
      tooltip: (x) => isStr(x, 2000),
      links: count,
      currentPage: count,
      scale: (x) => isNum(x, 0, 100),
      error: (x) => isStr(x),
      timeline: (x) => isObj(x) && Object.keys(x).length <= 20 && Object.entries(x).every(([k, t]) => k.length <= 40 && isNum(t, 0, 1e9)),
    },
    ['firstHighlightedMs', 'firstHighlightedAt', 'error', 'timeline'],
  );
}

/**
 * The webview's message if it is one of the known kinds with well-formed fields, else undefined (the host
 * then ignores it). The webview runs the PDF's content through pdf.js: treat whatever it says as untrusted.
 */
export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  if (!isObj(raw) || typeof raw.type !== 'string') return undefined;
  const o = raw;
  switch (o.type) {
    case 'ready':
    case 'askPassword':
      return shape(o, { type: () => true }) ? (o as WebviewMessage) : undefined;
    case 'viewState':
      return shape(o, { type: () => true, page: (x) => isInt(x, 1, 1e6), scale: isScale }) ? (o as WebviewMessage) : undefined;
    case 'explain':
      return shape(o, { type: () => true, id: (x) => isInt(x), finding: (x) => isInt(x, 0, 1e8), analysisId: (x) => isInt(x) })
        ? (o as WebviewMessage)
        : undefined;
    case 'openLink':
      return shape(o, { type: () => true, url: (x) => isStr(x, MAX_URL) && externalLink(x as string) !== undefined })
        ? (o as WebviewMessage)
        : undefined;
    case 'loadFailed':
      return shape(o, { type: () => true, generation: (x) => isInt(x), name: (x) => isStr(x, 200), message: (x) => isStr(x) })
        ? (o as WebviewMessage)
        : undefined;
    case 'report':
      return shape(o, { type: () => true, report: isReport }) ? (o as WebviewMessage) : undefined;
    case 'selection':
      return shape(o, {
        type: () => true,
        id: (x) => isInt(x),
        analysisId: (x) => isInt(x),
        start: (x) => isInt(x, 0, 1e9),
        end: (x) => isInt(x, 0, 1e9),
      }) && (o.start as number) <= (o.end as number)
        ? (o as WebviewMessage)
        : undefined;
    default:
      return undefined;
  }
}

/**
 * A link the viewer may offer to open outside VS Code: http(s) and mailto only, no credentials in the URL.
 * Returns the normalised URL, or undefined.
 */
export function externalLink(url: string): string | undefined {
  if (url.length > MAX_URL || /[\u0000-\u001f\u007f\s]/.test(url)) return undefined;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol === 'mailto:') return u.href;
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  if (u.username || u.password || !u.hostname) return undefined;
  return u.href;
}
