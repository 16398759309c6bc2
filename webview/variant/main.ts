// The variant panel's page: renders what the host sends (validated with the shared zod schema) and asks the host for
// every change. It never touches files or the database. Built from @vscode-elements/elements (native look, theme
// colours, codicons, keyboard navigation in tabs and buttons).
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-divider/index.js';
import '@vscode-elements/elements/dist/vscode-icon/index.js';
import '@vscode-elements/elements/dist/vscode-tab-header/index.js';
import '@vscode-elements/elements/dist/vscode-tab-panel/index.js';
import '@vscode-elements/elements/dist/vscode-tabs/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import { panelState, toWebview, type PanelAuditEntry, type PanelField, type PanelState, type ToHost, type VariantView } from '../../src/shared/panel-protocol';
import { describeWarning } from '../../src/core/normalize/warning-text';
import { formatBytes, formatCount } from '../../src/shared/format-bytes';

interface VsCodeApi {
  postMessage(message: ToHost): void;
  getState(): unknown;
  setState(state: PanelState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
let nextRequest = 1;
let view: VariantView | undefined;
let activeTab = 0;
let status = '';

const restored = panelState.safeParse(vscode.getState());

function send(msg: ToHost): void {
  vscode.postMessage(msg);
}
const request = () => nextRequest++;

type Attrs = Record<string, string | boolean | number | undefined>;
function h(tag: string, attrs: Attrs = {}, ...children: (Node | string | null | undefined | false)[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

function show(v: PanelField['effective']): string {
  if (v === null) return '—';
  if (Array.isArray(v)) return v.length ? v.join(', ') : '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
}

/** A vocabulary key shows its display name, with the key itself as the hover text. */
function labelled(v: PanelField['effective'], label: string | null): HTMLElement | string {
  return label && typeof v === 'string' ? h('span', { title: v }, label) : show(v);
}

function button(label: string, icon: string, onClick: () => void, attrs: Attrs = {}): HTMLElement {
  const b = h('vscode-button', { icon, secondary: true, title: label, 'aria-label': label, ...attrs }, label);
  b.addEventListener('click', onClick);
  return b;
}

function editorFor(v: VariantView, f: PanelField): HTMLElement {
  const cell = h('div', { class: 'editor' });
  const set = (value: PanelField['effective']) => send({ type: 'setOverride', requestId: request(), variantId: v.id, field: f.field, value });
  if (f.kind === 'vocab' || f.kind === 'enum' || f.kind === 'boolean') {
    cell.append(button('Change…', 'edit', () => send({ type: 'pickValue', requestId: request(), variantId: v.id, field: f.field }), { 'data-action': 'pick' }));
  } else if (f.kind === 'text' || f.kind === 'number' || f.kind === 'tags' || f.kind === 'note') {
    const value = f.effective === null ? '' : Array.isArray(f.effective) ? f.effective.join(', ') : String(f.effective);
    const input = h(f.kind === 'note' ? 'vscode-textarea' : 'vscode-textfield', { value, placeholder: f.kind === 'tags' ? 'tag, tag' : '', 'aria-label': f.label, 'data-input': f.field }) as HTMLElement & { value: string };
    const commit = () => {
      const text = input.value;
      if (f.kind === 'tags') set(text.split(',').map((s) => s.trim()).filter(Boolean));
      else if (f.kind === 'number') set(text.trim() === '' ? null : Number(text));
      else set(text);
    };
    input.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Enter' && f.kind !== 'note') commit();
    });
    cell.append(input, button('Set', 'check', commit, { 'data-action': 'set' }));
  }
  if (f.overridden) {
    cell.append(button('Clear', 'discard', () => send({ type: 'clearOverride', requestId: request(), variantId: v.id, field: f.field }), { 'data-action': 'clear' }));
  }
  return cell;
}

function fieldsTab(v: VariantView): HTMLElement {
  const rows = v.fields
    .filter((f) => f.kind !== 'readonly' || f.effective !== null)
    .map((f) =>
      h(
        'tr',
        { 'data-field': f.field, class: f.overridden ? 'overridden' : '' },
        h('th', { scope: 'row' }, f.label),
        h('td', { class: 'auto' }, labelled(f.auto, f.autoLabel)),
        h('td', { class: 'effective' }, f.overridden ? h('span', {}, h('vscode-icon', { name: 'pinned', title: 'override' }), ' ', labelled(f.effective, f.effectiveLabel)) : labelled(f.effective, f.effectiveLabel)),
        h('td', {}, f.kind === 'readonly' ? '' : editorFor(v, f)),
      ),
    );
  return h(
    'div',
    {},
    h('table', { class: 'fields' }, h('thead', {}, h('tr', {}, h('th', {}, 'Field'), h('th', {}, 'Automatic'), h('th', {}, 'Effective'), h('th', {}, 'Override'))), h('tbody', {}, ...rows)),
    h('h3', {}, 'Why'),
    h('p', {}, `Confidence: ${v.confidence === null ? 'not normalized yet' : v.confidence}`),
    v.warnings.length ? h('ul', { class: 'warnings' }, ...v.warnings.map((w) => h('li', {}, h('vscode-icon', { name: 'warning' }), ' ', describeWarning(w)))) : h('p', {}, 'No warnings.'),
    h('p', {}, 'Residual tokens: ', v.residual.length ? h('span', { class: 'tokens' }, ...v.residual.map((t) => h('vscode-badge', { variant: 'counter' }, t))) : '—'),
  );
}

function filesTab(v: VariantView): HTMLElement {
  const rows = v.files.map((f) =>
    h(
      'tr',
      {},
      h('td', {}, f.archivePath ? h('span', {}, h('vscode-icon', { name: 'file-zip' }), ' ', f.relPath.slice(f.archivePath.length + 1)) : f.relPath),
      h('td', { class: 'num' }, formatBytes(f.size)),
      h('td', {}, f.kind),
      h('td', {}, f.archivePath ? `in ${f.archivePath.slice(f.archivePath.lastIndexOf('/') + 1)}` : button('Open', 'go-to-file', () => send({ type: 'openPath', requestId: request(), path: f.absPath }))),
    ),
  );
  const images = v.images.length
    ? h('div', { class: 'images' }, ...v.images.map((i) => h('figure', {}, h('img', { src: i.uri, alt: i.name, loading: 'lazy' }), h('figcaption', {}, i.name))))
    : h('p', {}, 'No preview images beside the models.');
  return h('div', {}, images, h('table', { class: 'files' }, h('thead', {}, h('tr', {}, h('th', {}, 'File'), h('th', {}, 'Size'), h('th', {}, 'Kind'), h('th', {}, ''))), h('tbody', {}, ...rows)));
}

function historyRow(e: PanelAuditEntry): HTMLElement {
  const value = (overridden: boolean, v: PanelAuditEntry['newValue'], label: string | null) => (overridden ? labelled(v, label) : '(automatic)');
  return h(
    'tr',
    { 'data-entry': e.id, 'data-batch': e.batchId },
    h('td', {}, new Date(e.ts).toLocaleString()),
    h('td', { title: e.field }, e.fieldLabel),
    h('td', { class: 'change' }, value(e.oldOverridden, e.oldValue, e.oldLabel), ' → ', value(e.newOverridden, e.newValue, e.newLabel)),
    h('td', {}, e.source + (e.reverts ? ` of #${e.reverts}` : '')),
    h(
      'td',
      {},
      button('Revert', 'discard', () => send({ type: 'revert', requestId: request(), target: { entryId: e.id } }), { 'data-action': 'revert-entry' }),
      e.batchSize > 1 ? button(`Revert batch (${e.batchSize})`, 'history', () => send({ type: 'revert', requestId: request(), target: { batchId: e.batchId } }), { 'data-action': 'revert-batch' }) : null,
    ),
  );
}

function historyTab(v: VariantView): HTMLElement {
  if (v.history.length === 0) return h('p', {}, 'No changes yet. Every override you set or clear is recorded here and can be reverted.');
  return h(
    'div',
    {},
    h('p', {}, `${v.historyTotal} change(s), newest first. Reverting writes the inverse change; nothing is deleted.`),
    h('table', { class: 'history' }, h('thead', {}, h('tr', {}, h('th', {}, 'When'), h('th', {}, 'Field'), h('th', {}, 'Change'), h('th', {}, 'Source'), h('th', {}, ''))), h('tbody', {}, ...v.history.map(historyRow))),
  );
}

function render(): void {
  if (!view) return;
  const v = view;
  const tabs = h(
    'vscode-tabs',
    { 'selected-index': activeTab },
    h('vscode-tab-header', { slot: 'header', 'data-tab': 'fields' }, 'Fields'),
    h('vscode-tab-panel', {}, fieldsTab(v)),
    h('vscode-tab-header', { slot: 'header', 'data-tab': 'files' }, `Files (${v.files.length})`),
    h('vscode-tab-panel', {}, filesTab(v)),
    h('vscode-tab-header', { slot: 'header', 'data-tab': 'history' }, `History (${v.historyTotal})`),
    h('vscode-tab-panel', {}, historyTab(v)),
  );
  tabs.addEventListener('vsc-tabs-select', (e) => {
    activeTab = (e as CustomEvent<{ selectedIndex: number }>).detail.selectedIndex;
  });
  app.replaceChildren(
    h('header', {}, h('h1', {}, v.name, v.missing ? h('vscode-badge', {}, 'missing') : null), h('p', { class: 'path' }, `${v.rootPath} › ${v.relPath}`), h('p', {}, `${formatCount(v.fileCount, 'file')} · ${formatBytes(v.sizeBytes)}`)),
    h('p', { id: 'status', role: 'status' }, status),
    tabs,
  );
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = toWebview.safeParse(event.data);
  if (!parsed.success) return;
  const msg = parsed.data;
  switch (msg.type) {
    case 'variant':
      view = msg.variant;
      vscode.setState({ variantId: msg.variant.id });
      render();
      break;
    case 'notFound':
      view = undefined;
      app.replaceChildren(h('p', {}, `Variant ${msg.variantId} is no longer in the library.`));
      break;
    case 'result':
      status = msg.ok ? (msg.message ?? 'Saved.') : `Refused: ${msg.message ?? 'error'}`;
      document.getElementById('status')?.replaceChildren(status);
      break;
  }
});


send({ type: 'ready' });
if (restored.success && !view) app.replaceChildren(h('p', {}, 'Restoring…'));
