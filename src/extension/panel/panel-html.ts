// The panel's HTML shell: a strict Content Security Policy (scripts only with this load's nonce, images, fonts and
// styles only from the webview's own resource roots) and the bundled script.
import { randomBytes } from 'node:crypto';
import type * as vscode from 'vscode';

const PAGE_CSS = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 16px 16px; }
h1 { font-size: 1.4em; display: flex; gap: 8px; align-items: center; }
.path { color: var(--vscode-descriptionForeground); word-break: break-all; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid var(--vscode-widget-border, transparent); vertical-align: middle; }
thead th { color: var(--vscode-descriptionForeground); font-weight: normal; }
tr.overridden .effective { color: var(--vscode-textLink-foreground); }
td.auto { color: var(--vscode-descriptionForeground); }
.num { text-align: right; }
.editor { display: flex; gap: 4px; align-items: center; flex-wrap: wrap; }
.tokens { display: inline-flex; gap: 4px; flex-wrap: wrap; }
.images { display: flex; flex-wrap: wrap; gap: 8px; }
.images figure { margin: 0; width: 160px; }
.images img { max-width: 160px; max-height: 160px; border: 1px solid var(--vscode-widget-border, transparent); }
.images figcaption { font-size: 0.9em; color: var(--vscode-descriptionForeground); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
#status { min-height: 1.2em; color: var(--vscode-descriptionForeground); }
`;

export function panelHtml(webview: vscode.Webview, bundleRoot: vscode.Uri, joinUri: (base: vscode.Uri, ...p: string[]) => vscode.Uri): string {
  const nonce = randomBytes(18).toString('base64url');
  const script = webview.asWebviewUri(joinUri(bundleRoot, 'variant.js'));
  const codicons = webview.asWebviewUri(joinUri(bundleRoot, 'codicon.css'));
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    // vscode-elements (lit) styles its components through constructable style sheets, which CSP does not gate
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${codicons}" id="vscode-codicon-stylesheet">
<title>Variant</title>
<style nonce="${nonce}">${PAGE_CSS}</style>
</head>
<body>
<main id="app" aria-live="polite"><p>Loading…</p></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
