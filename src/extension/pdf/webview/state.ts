/** The PDF viewer's state, shared by its modules: the document, its pages, the zoom, and what is drawn on them. */
import type * as PdfJs from 'pdfjs-dist';
import type { PDFDocumentProxy, PDFPageProxy, RenderTask } from 'pdfjs-dist';
import { Highlights } from '../../viewer/webview/highlights';
import { S } from '../../viewer/webview/host';
import { ReportState } from '../../viewer/webview/report';
import type { AnalysisPayload, ViewState } from '../protocol';
import { piecesOf } from './textLayer';

export interface PageView {
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
  /** Key of the decorations last applied (analysis, display, find, flash, codings). */
  decorated?: string;
  visible: boolean;
}

export const v: {
  lib: typeof PdfJs | undefined;
  generation: number;
  loadSeq: number;
  pdf: PDFDocumentProxy | undefined;
  pages: PageView[];
  zoom: number | 'fit';
  scale: number;
  /** A page and zoom asked for before the document was loaded. */
  pendingView: ViewState | undefined;
  /** Completed visits of every page (tests, benchmark). */
  visits: number;
} = { lib: undefined, generation: 0, loadSeq: 0, pdf: undefined, pages: [], zoom: 'fit', scale: 1, pendingView: undefined, visits: 0 };

/** Findings, find matches, flash and codings on the pages: pieces per page, placed from the item map. */
export const hl = new Highlights<AnalysisPayload>(
  (p, start, end, ref, out) => piecesOf(p.items, start, end, ref, out),
  (p) => p.excluded,
  S('excluded'),
);

export const reports = new ReportState((full) => sendReport(full));

let sender: (full: boolean) => void = () => undefined;
export function setReportSender(f: (full: boolean) => void): void {
  sender = f;
}
function sendReport(full: boolean): void {
  sender(full);
}
