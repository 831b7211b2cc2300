/**
 * Links of the PDF: a layer of anchors over the link annotations of a painted page. Links inside the document go
 * to their page; others are sent to the host, which opens them only after the user confirms (http, https, mailto).
 */
import type * as PdfJs from 'pdfjs-dist';
import { post, S } from '../../viewer/webview/host';
import type { WebviewMessage } from '../protocol';
import { scrollToPage } from './pages';
import { reports, v, type PageView } from './state';

interface LinkAnnotation {
  subtype: string;
  rect: number[];
  url?: string;
  dest?: string | unknown[];
}

export async function addLinks(p: PageView, viewport: PdfJs.PageViewport): Promise<void> {
  if (!p.proxy) return;
  let annots: LinkAnnotation[];
  try {
    annots = (await p.proxy.getAnnotations({ intent: 'display' })) as LinkAnnotation[];
  } catch {
    return;
  }
  const links = annots.filter((a) => a.subtype === 'Link' && (a.url || a.dest));
  if (!links.length || !p.canvas) return;
  const layer = document.createElement('div');
  layer.className = 'pl-links';
  for (const a of links) {
    const [x1, y1, x2, y2] = viewport.convertToViewportRectangle(a.rect);
    const el = document.createElement('a');
    el.className = 'pl-link';
    el.href = '#';
    el.style.left = `${Math.min(x1, x2)}px`;
    el.style.top = `${Math.min(y1, y2)}px`;
    el.style.width = `${Math.abs(x2 - x1)}px`;
    el.style.height = `${Math.abs(y2 - y1)}px`;
    el.title = a.url ?? S('internalLink');
    el.addEventListener('click', (e) => {
      e.preventDefault();
      if (a.url) post<WebviewMessage>({ type: 'openLink', url: a.url });
      else if (a.dest) void goToDest(a.dest);
    });
    layer.append(el);
  }
  p.linkLayer?.remove();
  p.linkLayer = layer;
  p.div.append(layer);
  reports.soon();
}

async function goToDest(dest: string | unknown[]): Promise<void> {
  const pdf = v.pdf;
  if (!pdf) return;
  try {
    const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : dest;
    if (!Array.isArray(explicit) || !explicit.length) return;
    const ref = explicit[0];
    const index = typeof ref === 'number' ? ref : await pdf.getPageIndex(ref as never);
    scrollToPage(index + 1);
  } catch {
    // a broken destination: stay
  }
}
