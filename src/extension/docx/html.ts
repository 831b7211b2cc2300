/**
 * The DOCX viewer's page: the shared viewer page (../viewer/html.ts) with the document area. It needs none of
 * pdf.js' sources: the document arrives as text and layout in a message, and is built with `textContent` (never
 * as HTML), so the CSP has a script and stylesheets only. No `vscode` import.
 */
import { attr, COMMON_STRINGS, viewerPage } from '../viewer/html';

/** The viewer's UI strings (English; the extension passes each through l10n). */
export const DOCX_STRINGS = {
  ...COMMON_STRINGS,
  toolbar: 'DOCX toolbar',
  document: 'Word document',
  stripItem: '{0}: {2} directive and {3} enabling sentences per 1,000 words',
  reading: 'Reading the document…',
  analysingText: 'The text is shown; analysing it…',
  notes: 'Notes',
  table: 'Table',
  textbox: 'Text box',
} as const;

export type DocxStringKey = keyof typeof DOCX_STRINGS;

export interface DocxHtmlOptions {
  cspSource: string;
  nonce: string;
  /** URI of the viewer's script (dist/docx-viewer/viewer.js). */
  script: string;
  /** URIs of the stylesheets (media/viewer/viewer.css, media/docx/viewer.css). */
  styles: string[];
  strings: Partial<Record<DocxStringKey, string>>;
  lang: string;
}

export function docxHtml(opts: DocxHtmlOptions): string {
  const s = { ...DOCX_STRINGS, ...opts.strings } as Record<DocxStringKey, string>;
  return viewerPage({
    cspSource: opts.cspSource,
    nonce: opts.nonce,
    styles: opts.styles,
    script: opts.script,
    module: false,
    config: {},
    strings: s,
    lang: opts.lang,
    title: 'Policy Lens DOCX',
    toolbar: `<div class="group"><button id="nextFinding" class="icon" title="${attr(s.nextFinding)}" aria-label="${attr(s.nextFinding)}">&#x2193;&#xFE0E;</button></div>`,
    body: `<div id="viewer" tabindex="0" role="document" aria-label="${attr(s.document)}"><article id="doc" lang="nb"></article></div>`,
  });
}
