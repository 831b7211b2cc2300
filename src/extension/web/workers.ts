/**
 * Workers in the web extension host: Web Workers running the bundled worker scripts (dist/web/*.js). The web host
 * cannot start a worker from the extension's URL (a `vscode-remote:` or CDN URL), nor a module worker: the script is
 * read with `vscode.workspace.fs` and started as a classic worker from a blob URL. The document worker asks the host
 * for pdf.js' standard fonts and CMaps by name (`asset` messages), answered here from the extension's copy of pdf.js.
 */
import * as vscode from 'vscode';
import type { WorkerFactory, WorkerPort } from '../workers/port';

/** Scripts read once per session (a new worker after a crash or a cancel starts at once). */
const scripts = new Map<string, Promise<string>>();

function scriptUrl(extensionUri: vscode.Uri, script: string): Promise<string> {
  let url = scripts.get(script);
  if (!url) {
    url = Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, script))).then((bytes) =>
      URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: 'text/javascript' })),
    );
    url.catch(() => scripts.delete(script));
    scripts.set(script, url);
  }
  return url;
}

/** A request of the document worker for one of pdf.js' data files. */
interface AssetRequest {
  type: 'asset';
  id: number;
  kind: 'standardFontDataUrl' | 'cMapUrl';
  filename: string;
}

/** A factory of Web Workers running `script` (a path inside the extension); `assets`: where pdf.js' data files are. */
export function webWorkers(extensionUri: vscode.Uri, script: string, opts: { assets?: string } = {}): WorkerFactory {
  return () => {
    const queue: [unknown, ArrayBuffer[] | undefined][] = [];
    const messageListeners: ((m: unknown) => void)[] = [];
    const exitListeners: ((e: Error) => void)[] = [];
    let worker: Worker | undefined;
    let ended = false;
    const fail = (e: Error) => {
      if (ended) return;
      ended = true;
      worker?.terminate();
      for (const l of exitListeners) l(e);
    };
    const answerAsset = async (w: Worker, r: AssetRequest) => {
      try {
        if (!opts.assets || !/^[\w.+-]+$/.test(r.filename)) throw new Error(`no such pdf.js file: ${r.filename}`);
        const folder = r.kind === 'cMapUrl' ? 'cmaps' : 'standard_fonts';
        const bytes = new Uint8Array(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, opts.assets, folder, r.filename)));
        w.postMessage({ type: 'asset', id: r.id, bytes }, [bytes.buffer]);
      } catch (e) {
        w.postMessage({ type: 'asset', id: r.id, error: (e as Error).message });
      }
    };
    void scriptUrl(extensionUri, script).then(
      (url) => {
        if (ended) return;
        const w = new Worker(url, { name: script.slice(script.lastIndexOf('/') + 1) });
        w.onmessage = (e: MessageEvent) => {
          const m = e.data as { type?: string };
          if (m && m.type === 'asset') void answerAsset(w, m as AssetRequest);
          else for (const l of messageListeners) l(e.data);
        };
        w.onerror = (e: ErrorEvent) => {
          e.preventDefault?.();
          fail(new Error(e.message || 'the worker failed'));
        };
        worker = w;
        for (const [m, t] of queue.splice(0)) w.postMessage(m, t ?? []);
      },
      (e: Error) => fail(new Error(`cannot start ${script}: ${e.message}`)),
    );
    const port: WorkerPort = {
      postMessage: (m, transfer) => {
        if (ended) return;
        if (worker) worker.postMessage(m, transfer ?? []);
        else queue.push([m, transfer]);
      },
      onMessage: (l) => void messageListeners.push(l),
      onExit: (l) => void exitListeners.push(l),
      terminate: () => {
        ended = true;
        worker?.terminate();
      },
    };
    return port;
  };
}

/**
 * One worker port over two workers: jobs go to `light`, or to `heavy` when `heavyJob` says so (a PDF: the worker
 * with pdf.js), each started on its first job; cancellations go to both; their answers come back as one.
 */
export function routedWorkers(light: WorkerFactory, heavy: WorkerFactory, heavyJob: (message: unknown) => boolean): WorkerFactory {
  return () => {
    const messageListeners: ((m: unknown) => void)[] = [];
    const exitListeners: ((e: Error) => void)[] = [];
    const started: { light?: WorkerPort; heavy?: WorkerPort } = {};
    let ended = false;
    const get = (which: 'light' | 'heavy') => {
      let w = started[which];
      if (!w) {
        w = (which === 'light' ? light : heavy)();
        w.onMessage((m) => messageListeners.forEach((l) => l(m)));
        w.onExit((e) => {
          if (ended) return;
          ended = true;
          started.light?.terminate();
          started.heavy?.terminate();
          exitListeners.forEach((l) => l(e));
        });
        started[which] = w;
      }
      return w;
    };
    return {
      postMessage: (m, transfer) => {
        if (ended) return;
        if ((m as { type?: string }).type === 'job') get(heavyJob(m) ? 'heavy' : 'light').postMessage(m, transfer);
        else for (const w of [started.light, started.heavy]) w?.postMessage(m, transfer);
      },
      onMessage: (l) => void messageListeners.push(l),
      onExit: (l) => void exitListeners.push(l),
      terminate: () => {
        ended = true;
        started.light?.terminate();
        started.heavy?.terminate();
      },
    };
  };
}
