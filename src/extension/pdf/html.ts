/**
 * The PDF viewer's page: the shared viewer page (../viewer/html.ts: CSP, toolbar, message bar, strip, tooltip)
 * with the page and zoom controls, and pdf.js' sources in the CSP (a blob worker, images and fonts, fetches of the
 * standard fonts and CMaps shipped with the extension). No `vscode` import: the benchmark serves this page too.
 */
import { attr, COMMON_STRINGS, viewerPage } from '../viewer/html';

/**
 * The viewer's UI strings (English). The extension passes each through l10n (bundle.l10n.nb.json has them in
 * Norwegian); `{0}`… are filled in by the viewer.
 */
export const VIEWER_STRINGS = {
  ...COMMON_STRINGS,
  toolbar: 'PDF toolbar',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  page: 'Page number',
  pageLabel: 'Page {0}',
  zoomOut: 'Zoom out',
  zoomIn: 'Zoom in',
  zoom: 'Zoom',
  fitWidth: 'Page width',
  document: 'PDF document',
  stripOutline: 'Sections from the PDF outline: the redder, the more directive',
  stripItem: '{0} (page {1}): {2} directive and {3} enabling sentences per 1,000 words',
  findingsPreview: '{0} findings on the first {1} of {2} pages — reading the rest…',
  excluded: 'Running header or footer: shown, not analysed',
  internalLink: 'Link inside the document',
  enterPassword: 'Enter password…',
} as const;

export type ViewerStringKey = keyof typeof VIEWER_STRINGS;

export interface ViewerHtmlOptions {
  /** `webview.cspSource` (or the origin that serves the assets, in the benchmark). */
  cspSource: string;
  nonce: string;
  /** URI of the folder that holds viewer.js and pdfjs/ (dist/pdf-viewer, made by esbuild.js). */
  assets: string;
  /** URIs of the stylesheets (media/viewer/viewer.css, media/pdf/viewer.css). */
  styles: string[];
  /** UI strings, already translated (l10n on the extension side); missing ones are the English defaults. */
  strings: Partial<Record<ViewerStringKey, string>>;
  /** Language of the UI strings (html lang). */
  lang: string;
}

export function viewerHtml(opts: ViewerHtmlOptions): string {
  const s = { ...VIEWER_STRINGS, ...opts.strings } as Record<ViewerStringKey, string>;
  const base = opts.assets.replace(/\/+$/, '');
  const button = (id: string, label: string, text: string) =>
    `<button id="${id}" class="icon" title="${attr(label)}" aria-label="${attr(label)}">${text}</button>`;
  return viewerPage({
    cspSource: opts.cspSource,
    nonce: opts.nonce,
    styles: opts.styles,
    script: `${base}/viewer.js`,
    module: true,
    pdfjs: true,
    config: {
      pdfjs: `${base}/pdfjs/pdf.min.mjs`,
      worker: `${base}/pdfjs/pdf.worker.min.mjs`,
      standardFonts: `${base}/pdfjs/standard_fonts/`,
      cmaps: `${base}/pdfjs/cmaps/`,
    },
    strings: s,
    lang: opts.lang,
    title: 'Policy Lens PDF',
    toolbar: `<div class="group">
    ${button('prev', s.previousPage, '&#x2191;')}
    ${button('next', s.nextPage, '&#x2193;')}
    <input id="page" type="text" inputmode="numeric" size="4" aria-label="${attr(s.page)}" value="1">
    <span id="pageCount">/ –</span>
  </div>
  <div class="group">
    ${button('zoomOut', s.zoomOut, '&#x2212;')}
    <select id="zoom" aria-label="${attr(s.zoom)}"></select>
    ${button('zoomIn', s.zoomIn, '+')}
  </div>`,
    body: `<div id="viewer" tabindex="0" aria-label="${attr(s.document)}"><div id="pages"></div></div>`,
  });
}
