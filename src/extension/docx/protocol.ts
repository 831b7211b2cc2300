/**
 * The DOCX viewer's messages: the shared ones of every viewer (../viewer/protocol.ts) plus the document's layout.
 * No `vscode` import: the webview bundle and the unit tests use this module too.
 *
 *   host → webview   analysis (the extracted text, its layout blocks and the findings; a `preview` without findings
 *                    comes first, so that a long document can be read while it is analysed) · scrollTo (tests)
 *   webview → host   the shared messages only
 *
 * The viewer draws `text` block by block from `layout` (the engine's LayoutBlock: offsets into `text`), so every
 * finding's offsets point at its words on screen; it never searches for them.
 */
import type { LayoutBlock } from '../../core/types';
import { BasePayload, BaseReport, Check, CommonHostMessage, CommonWebviewMessage, isInt, isNum, messageChecks, parseMessage, reportCheck } from '../viewer/protocol';

export { CATEGORY_IDS } from '../viewer/protocol';
export type { CodingMark, Explanation, StatusMessage } from '../viewer/protocol';

export interface DocxPayload extends BasePayload {
  layout: LayoutBlock[];
}

/** The index of the layout block an offset of the text is in (or the last one before it); -1 without blocks. */
export function blockAt(layout: readonly LayoutBlock[], offset: number): number {
  if (!layout.length) return -1;
  let lo = 0;
  let hi = layout.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (layout[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export type HostMessage =
  | CommonHostMessage
  | ({ type: 'analysis' } & DocxPayload)
  /** Scrolls to a fraction of the document (0 top, 1 end), as the scroll bar would (tests). */
  | { type: 'scrollTo'; fraction: number };

export interface DocxReport extends BaseReport {
  /** Blocks (paragraphs) on the page; tables and headings among them; the theme's kind (light/dark/high contrast). */
  blocks: number;
  tables: number;
  headings: number;
  listItems: number;
  theme: string;
  /** The viewer's scroll position, 0 (top) … 1 (end). */
  scroll: number;
}

export type WebviewMessage = CommonWebviewMessage | { type: 'report'; report: DocxReport } | { type: 'viewState'; scroll: number };

const count: Check = (x) => isInt(x, 0, 1e7);

const CHECKS = messageChecks(
  reportCheck({
    blocks: count,
    tables: count,
    headings: count,
    listItems: count,
    theme: (x) => x === 'light' || x === 'dark' || x === 'high-contrast' || x === 'high-contrast-light' || x === 'unknown',
    scroll: (x) => isNum(x, 0, 1),
  }),
  { viewState: { scroll: (x) => isNum(x, 0, 1) } },
);

/** The webview's message if it is one of the known kinds with well-formed fields, else undefined. */
export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  return parseMessage<WebviewMessage>(raw, CHECKS);
}
