/**
 * The PDF viewer's HTML: a strict Content-Security-Policy with a per-load nonce. No `vscode` import, so the
 * benchmark (scripts/bench.ts) serves exactly the page the extension shows.
 *
 *   default-src 'none'                       nothing that is not listed below
 *   script-src 'nonce-…'                      the viewer module only (pdf.js is imported by it; no 'unsafe-eval',
 *                                            and pdf.js runs with isEvalSupported: false)
 *   worker-src blob:                         the pdf.js worker, started from a blob of the packaged worker file
 *   style-src <webview> 'nonce-…'            the viewer's stylesheet (pdf.js sets element styles from script)
 *   img-src <webview> blob: data:            pdf.js image masks and patterns
 *   font-src <webview> blob: data:           fonts embedded in the PDF, loaded by pdf.js
 *   connect-src <webview>                    the worker file, standard fonts and CMaps shipped with the extension
 */
/**
 * The viewer's UI strings (English). The extension passes each through l10n (bundle.l10n.nb.json has them in
 * Norwegian); `{0}`… are filled in by the viewer.
 */
export const VIEWER_STRINGS = {
  toolbar: 'PDF toolbar',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  page: 'Page number',
  pageLabel: 'Page {0}',
  zoomOut: 'Zoom out',
  zoomIn: 'Zoom in',
  zoom: 'Zoom',
  fitWidth: 'Page width',
  find: 'Find in document',
  findPrevious: 'Previous match (Shift+Enter)',
  findNext: 'Next match (Enter)',
  findCount: '{0} of {1}',
  findNone: 'No results',
  findNoText: 'No text to search',
  document: 'PDF document',
  sections: 'Sections: where the document is most directive',
  stripOutline: 'Sections from the PDF outline: the redder, the more directive',
  stripHeadings: 'Sections from the headings: the redder, the more directive',
  stripItem: '{0} (page {1}): {2} directive and {3} enabling sentences per 1,000 words',
  start: '(start)',
  score: 'Score {0} ({1})',
  findingsCount: '{0} findings',
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
  /** URI of the stylesheet (media/pdf/viewer.css). */
  style: string;
  /** UI strings, already translated (l10n on the extension side); missing ones are the English defaults. */
  strings: Partial<Record<ViewerStringKey, string>>;
  /** Language of the UI strings (html lang). */
  lang: string;
}

export function viewerHtml(opts: ViewerHtmlOptions): string {
  const o = { ...opts, strings: { ...VIEWER_STRINGS, ...opts.strings } as Record<ViewerStringKey, string> };
  const base = o.assets.replace(/\/+$/, '');
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${o.nonce}'`,
    'worker-src blob:',
    `style-src ${o.cspSource} 'nonce-${o.nonce}'`,
    `img-src ${o.cspSource} blob: data:`,
    `font-src ${o.cspSource} blob: data:`,
    `connect-src ${o.cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const config = {
    pdfjs: `${base}/pdfjs/pdf.min.mjs`,
    worker: `${base}/pdfjs/pdf.worker.min.mjs`,
    standardFonts: `${base}/pdfjs/standard_fonts/`,
    cmaps: `${base}/pdfjs/cmaps/`,
    strings: o.strings,
  };
  return `<!DOCTYPE html>
<html lang="${attr(o.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${attr(o.nonce)}" href="${attr(o.style)}">
<link rel="icon" href="data:,">
<title>Policy Lens PDF</title>
</head>
<body>
<div id="toolbar" role="toolbar" aria-label="${attr(o.strings.toolbar)}">
  <div class="group">
    <button id="prev" class="icon" title="${attr(o.strings.previousPage)}" aria-label="${attr(o.strings.previousPage)}">&#x2191;</button>
    <button id="next" class="icon" title="${attr(o.strings.nextPage)}" aria-label="${attr(o.strings.nextPage)}">&#x2193;</button>
    <input id="page" type="text" inputmode="numeric" size="4" aria-label="${attr(o.strings.page)}" value="1">
    <span id="pageCount">/ –</span>
  </div>
  <div class="group">
    <button id="zoomOut" class="icon" title="${attr(o.strings.zoomOut)}" aria-label="${attr(o.strings.zoomOut)}">&#x2212;</button>
    <select id="zoom" aria-label="${attr(o.strings.zoom)}"></select>
    <button id="zoomIn" class="icon" title="${attr(o.strings.zoomIn)}" aria-label="${attr(o.strings.zoomIn)}">+</button>
  </div>
  <div class="group find">
    <input id="find" type="search" placeholder="${attr(o.strings.find)}" aria-label="${attr(o.strings.find)}">
    <span id="findCount" aria-live="polite"></span>
    <button id="findPrev" class="icon" title="${attr(o.strings.findPrevious)}" aria-label="${attr(o.strings.findPrevious)}">&#x2039;</button>
    <button id="findNext" class="icon" title="${attr(o.strings.findNext)}" aria-label="${attr(o.strings.findNext)}">&#x203A;</button>
  </div>
  <div class="group grow"></div>
  <div class="group" id="summary" aria-live="polite"></div>
</div>
<div id="message" role="status" hidden><span id="messageText"></span><button id="messageAction" hidden></button></div>
<div id="body">
  <div id="viewer" tabindex="0" aria-label="${attr(o.strings.document)}"><div id="pages"></div></div>
  <div id="strip" aria-label="${attr(o.strings.sections)}"></div>
</div>
<div id="tooltip" role="tooltip" hidden></div>
<script nonce="${attr(o.nonce)}" id="config" type="application/json">${json(config)}</script>
<script nonce="${attr(o.nonce)}" type="module" src="${attr(base)}/viewer.js"></script>
</body>
</html>`;
}

/** A random nonce for the CSP (base64 of 18 random bytes). */
export function makeNonce(random: (n: number) => Uint8Array): string {
  return Buffer.from(random(18)).toString('base64');
}

function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** JSON that is safe inside a <script> element. */
function json(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
