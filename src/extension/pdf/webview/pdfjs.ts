/**
 * pdf.js in the PDF viewer's page: the package's legacy build (copied to dist/pdf-viewer/pdfjs by esbuild.js),
 * imported at run time, with a real pdf.js worker thread started from a blob of the packaged worker file (the file
 * is an extension resource, another origin than the page: CSP `worker-src blob:`).
 */
import type * as PdfJs from 'pdfjs-dist';
import { config, milestone } from '../../viewer/webview/host';

/**
 * pdf.js' legacy build (needed for the Chromium of older VS Code versions) bundles core-js, which replaces some
 * built-ins with slower polyfills when it loads. Put the native ones back after loading it (as the engine does
 * in Node): pdf.js works with either, this page's own code is faster with the native ones.
 */
function snapshotBuiltins(): () => void {
  const saved: [object, PropertyKey, PropertyDescriptor | undefined][] = (
    [
      [Array.prototype, 'push'],
      [JSON, 'parse'],
      [JSON, 'stringify'],
      [Function.prototype, 'toString'],
    ] as [object, PropertyKey][]
  ).map(([o, k]) => [o, k, Object.getOwnPropertyDescriptor(o, k)]);
  return () => {
    for (const [o, k, d] of saved) {
      const now = Object.getOwnPropertyDescriptor(o, k);
      if (!d || !now || (now.value === d.value && now.get === d.get)) continue;
      try {
        Object.defineProperty(o, k, d);
      } catch {
        // leave the polyfill
      }
    }
  };
}

/** The one pdf.js worker of the page (a document's loading task does not own, so does not destroy, a worker it is given). */
export let pdfWorker: PdfJs.PDFWorker | undefined;

export const pdfjsReady: Promise<typeof PdfJs> = (async () => {
  // Fetched and started while pdf.js itself loads.
  const workerPort = fetch(config.worker as string)
    .then((r) => r.blob())
    .then((b) => new Worker(URL.createObjectURL(new Blob([b], { type: 'text/javascript' })), { type: 'module', name: 'pdf.js' }))
    .catch((e: unknown) => {
      console.warn('Policy Lens: no pdf.js worker thread; pdf.js runs in the page', e);
      return undefined;
    });
  const restore = snapshotBuiltins();
  let lib: typeof PdfJs;
  try {
    lib = (await import(/* @vite-ignore */ config.pdfjs as string)) as typeof PdfJs;
  } finally {
    restore();
  }
  milestone('pdfjs');
  lib.GlobalWorkerOptions.workerSrc = config.worker as string;
  const port = await workerPort;
  if (port) pdfWorker = lib.PDFWorker.create({ port, name: 'policy-lens' });
  return lib;
})();
