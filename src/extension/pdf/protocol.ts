/**
 * The PDF viewer's messages: the shared ones of every viewer (../viewer/protocol.ts) plus what only a PDF needs —
 * the bytes for pdf.js, the item map, page and zoom, links and the password. No `vscode` import: the webview
 * bundle and the unit tests use this module too.
 *
 *   host → webview   load · analysis (with the item map) · scroll, setView, clickLink (tests)
 *   webview → host   viewState · openLink · askPassword · loadFailed
 *
 * A finding's words are placed on the text layer from `items` (page, pdf.js item index, offset in the item's string,
 * text range): the webview never searches for the words.
 */
import {
  BasePayload,
  BaseReport,
  Check,
  CommonHostMessage,
  CommonWebviewMessage,
  isInt,
  isIntArray,
  isNum,
  isStr,
  messageChecks,
  parseMessage,
  reportCheck,
} from '../viewer/protocol';

export { CATEGORY_IDS } from '../viewer/protocol';
export type { CodingMark, Explanation, Severity, StatusMessage } from '../viewer/protocol';

/** Stride of `AnalysisPayload.items`: page, item, itemOffset, start, end. */
export const ITEM_STRIDE = 5;

/** What the viewer needs to place findings on the pages: one extraction, made by the extension host. */
export interface AnalysisPayload extends BasePayload {
  /** TextItemSpan[] flattened: page, item, itemOffset, start, end (sorted by start). */
  items: Int32Array;
  /** Running headers, footers and page numbers: [start, end) pairs (rendered, not analysed). */
  excluded: Int32Array;
  pages: number;
  /** Pages read for this payload (all of them for `final`). */
  pagesRead: number;
  /** Offset in `text` where each page read starts (page 1 first). */
  pageStarts: Int32Array;
  /** Where the sections come from: the PDF's outline when it has one, else the detected headings. */
  sectionsFrom: 'outline' | 'headings';
}

export type HostMessage =
  | CommonHostMessage
  | { type: 'load'; generation: number; data: Uint8Array; password?: string; restore?: ViewState; fileName: string }
  | ({ type: 'analysis' } & AnalysisPayload)
  | { type: 'scroll'; to: 'page' | 'end' | 'all'; page?: number }
  /** Sets page and zoom as the toolbar would (tests). */
  | { type: 'setView'; page?: number; scale?: number | 'fit' }
  /** Clicks the n-th link of the pages painted now, as a user would (tests). */
  | { type: 'clickLink'; index: number };

export interface ViewState {
  page: number;
  /** A zoom factor, or 'fit' (page width). */
  scale: number | 'fit';
}

export interface RenderReport extends BaseReport {
  pages: number;
  /** Pages whose canvas is currently painted. */
  renderedPages: number[];
  /** Live canvases (lazy rendering keeps this small). */
  canvases: number;
  /** Completed visits of every page (`scroll` with `to: 'all'`). */
  visits: number;
  /** Links (link annotations) on the pages painted now. */
  links: number;
  currentPage: number;
  scale: number;
}

export type WebviewMessage =
  | CommonWebviewMessage
  | { type: 'viewState'; page: number; scale: number | 'fit' }
  | { type: 'openLink'; url: string }
  | { type: 'askPassword' }
  | { type: 'loadFailed'; generation: number; name: string; message: string }
  | { type: 'report'; report: RenderReport };

// ───────────────────────────── validation of webview messages ─────────────────────────────

const MAX_URL = 2048;
const count: Check = (x) => isInt(x, 0, 1e7);

const CHECKS = messageChecks(
  reportCheck({
    pages: count,
    renderedPages: (x) => isIntArray(x, 10_000),
    canvases: count,
    visits: count,
    links: count,
    currentPage: count,
    scale: (x) => isNum(x, 0, 100),
  }),
  {
    viewState: { page: (x) => isInt(x, 1, 1e6), scale: (x) => x === 'fit' || isNum(x, 0.1, 8) },
    openLink: { url: (x) => isStr(x, MAX_URL) && externalLink(x as string) !== undefined },
    askPassword: {},
    loadFailed: { generation: (x) => isInt(x), name: (x) => isStr(x, 200), message: (x) => isStr(x) },
  },
);

/**
 * The webview's message if it is one of the known kinds with well-formed fields, else undefined (the host
 * then ignores it). The webview runs the PDF's content through pdf.js: treat whatever it says as untrusted.
 */
export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  return parseMessage<WebviewMessage>(raw, CHECKS);
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
