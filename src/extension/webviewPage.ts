/**
 * The page of a webview that draws a model the host sends (the Framing view, the «Compare Framing with…» report, the
 * audit's comparison panel): the stylesheet and the script these views share (media/shared/webview.css, dom.js),
 * each before the view's own from its folder under media/; scripts by nonce, and the CSP allows nothing else
 * (`default-src 'none'`, no inline styles, no eval). The webview's `localResourceRoots` must hold both folders
 * (`sharedMedia`: the shared one).
 */
import * as vscode from 'vscode';
import { makeNonce } from './nonce';

/** media/shared: the stylesheet and the script these webviews share, loaded before each view's own. */
export function sharedMedia(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'media', 'shared');
}

export function webviewPage(webview: vscode.Webview, extensionUri: vscode.Uri, folder: string, name: string, title: string): string {
  const nonce = makeNonce();
  const media = vscode.Uri.joinPath(extensionUri, 'media', folder);
  const sharedCss = webview.asWebviewUri(vscode.Uri.joinPath(sharedMedia(extensionUri), 'webview.css'));
  const css = webview.asWebviewUri(vscode.Uri.joinPath(media, `${name}.css`));
  const dom = webview.asWebviewUri(vscode.Uri.joinPath(sharedMedia(extensionUri), 'dom.js'));
  const js = webview.asWebviewUri(vscode.Uri.joinPath(media, `${name}.js`));
  const csp = ["default-src 'none'", `style-src ${webview.cspSource}`, `img-src ${webview.cspSource}`, `font-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
  const lang = vscode.env.language.startsWith('nb') || vscode.env.language.startsWith('no') ? 'nb' : 'en';
  const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${sharedCss.toString()}">
<link rel="stylesheet" href="${css.toString()}">
<title>${escape(title)}</title>
</head>
<body>
<main id="root" aria-live="polite"></main>
<script nonce="${nonce}" src="${dom.toString()}"></script>
<script nonce="${nonce}" src="${js.toString()}"></script>
</body>
</html>`;
}
