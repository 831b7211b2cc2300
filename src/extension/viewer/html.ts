/**
 * The page of a Policy Lens document viewer (PDF, DOCX): a strict Content-Security-Policy with a per-load nonce,
 * the toolbar (the viewer's own controls, find, the summary), the message bar, the document area, the section
 * strip and the hover tooltip. No `vscode` import, so the benchmark serves exactly the page the extension shows.
 *
 *   default-src 'none'                       nothing that is not listed below
 *   script-src 'nonce-…'                      the viewer's one script (no 'unsafe-eval', no inline handlers)
 *   style-src <webview> 'nonce-…'            the viewer's stylesheets (scripts set element styles)
 *   img-src <webview> blob: data:            (PDF) pdf.js image masks and patterns
 *   font-src <webview> blob: data:           (PDF) fonts embedded in the PDF, loaded by pdf.js
 *   worker-src blob:                         (PDF) the pdf.js worker, started from a blob of the packaged file
 *   connect-src <webview>                    (PDF) the worker file, standard fonts and CMaps of the extension
 *
 * A viewer that needs none of the (PDF) sources (the DOCX viewer gets its text as a message) leaves them out.
 */

/** The UI strings every viewer has (English; the extension passes each through l10n). `{0}`… are filled in. */
export const COMMON_STRINGS = {
  find: 'Find in document',
  findPrevious: 'Previous match (Shift+Enter)',
  findNext: 'Next match (Enter)',
  findCount: '{0} of {1}',
  findNone: 'No results',
  findNoText: 'No text to search',
  sections: 'Sections: where the document is most directive',
  stripHeadings: 'Sections from the headings: the redder, the more directive',
  start: '(start)',
  score: 'Score {0} ({1})',
  findingsCount: '{0} findings',
  nextFinding: 'Next finding (F8; Shift+F8: previous)',
} as const;

export interface PageOptions {
  /** `webview.cspSource` (or the origin that serves the assets, in the benchmark). */
  cspSource: string;
  nonce: string;
  /** Stylesheet URIs (the shared one first). */
  styles: string[];
  /** The viewer's script and whether it is an ES module. */
  script: string;
  module: boolean;
  /** Page configuration for the script (asset URLs, UI strings): JSON in a nonce'd script element. */
  config: Record<string, unknown>;
  /** UI strings, merged over the defaults (already translated). */
  strings: Record<string, string>;
  /** Language of the UI strings (html lang). */
  lang: string;
  title: string;
  /** The viewer's own toolbar groups (HTML made with `attr`), before the find box. */
  toolbar: string;
  /** The document area (HTML), left of the strip. */
  body: string;
  /** PDF: pdf.js needs a blob worker, images, fonts and fetches of the extension's files. */
  pdfjs?: boolean;
}

export function viewerPage(o: PageOptions): string {
  const s = o.strings;
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${o.nonce}'`,
    ...(o.pdfjs ? ['worker-src blob:'] : []),
    `style-src ${o.cspSource} 'nonce-${o.nonce}'`,
    ...(o.pdfjs ? [`img-src ${o.cspSource} blob: data:`, `font-src ${o.cspSource} blob: data:`, `connect-src ${o.cspSource}`] : []),
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${attr(o.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${o.styles.map((href) => `<link rel="stylesheet" nonce="${attr(o.nonce)}" href="${attr(href)}">`).join('\n')}
<link rel="icon" href="data:,">
<title>${attr(o.title)}</title>
</head>
<body>
<div id="toolbar" role="toolbar" aria-label="${attr(s.toolbar ?? '')}">
  ${o.toolbar}
  <div class="group find">
    <input id="find" type="search" placeholder="${attr(s.find)}" aria-label="${attr(s.find)}">
    <span id="findCount" aria-live="polite"></span>
    <button id="findPrev" class="icon" title="${attr(s.findPrevious)}" aria-label="${attr(s.findPrevious)}">&#x2039;</button>
    <button id="findNext" class="icon" title="${attr(s.findNext)}" aria-label="${attr(s.findNext)}">&#x203A;</button>
  </div>
  <div class="group grow"></div>
  <div class="group" id="summary" aria-live="polite"></div>
</div>
<div id="message" role="status" hidden><span id="messageText"></span><button id="messageAction" hidden></button></div>
<div id="body">
  ${o.body}
  <div id="strip" aria-label="${attr(s.sections)}"></div>
</div>
<div id="tooltip" role="tooltip" aria-live="polite" hidden></div>
<script nonce="${attr(o.nonce)}" id="config" type="application/json">${json({ ...o.config, strings: s })}</script>
<script nonce="${attr(o.nonce)}"${o.module ? ' type="module"' : ''} src="${attr(o.script)}"></script>
</body>
</html>`;
}

/** Text for an HTML attribute (or element content). */
export function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** JSON that is safe inside a <script> element. */
function json(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
