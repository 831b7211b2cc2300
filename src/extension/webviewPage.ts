/**
 * The page of a webview that draws a model the host sends (the Framing view, the «Compare Framing with…» report, the
 * audit's comparison panel): one script and one stylesheet from the view's folder under media/, by nonce; the CSP
 * allows nothing else (`default-src 'none'`, no inline styles, no eval).
 */
import * as vscode from 'vscode';
import { makeNonce } from './nonce';

export function webviewPage(webview: vscode.Webview, extensionUri: vscode.Uri, folder: string, name: string, title: string): string {
  const nonce = makeNonce();
  const media = vscode.Uri.joinPath(extensionUri, 'media', folder);
  const css = webview.asWebviewUri(vscode.Uri.joinPath(media, `${name}.css`));
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
<link rel="stylesheet" href="${css.toString()}">
<title>${escape(title)}</title>
</head>
<body>
<main id="root" aria-live="polite"></main>
<script nonce="${nonce}" src="${js.toString()}"></script>
</body>
</html>`;
}
