// The variant detail panel (one panel, reused: showing another variant replaces its content). Translates the
// webview's protocol messages into store calls and sends back the variant as the panel shows it. Every incoming
// message is parsed with the shared zod schema; anything else is dropped and logged.
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { FIELD_BY_NAME } from '../../core/store/effective';
import type { OverrideResult } from '../../core/store/overrides';
import type { LibraryStore } from '../../core/store/types';
import { PANEL_VIEW_TYPE, toHost, type PanelState, type ToHost, type ToWebview, type VariantView } from '../../shared/panel-protocol';
import type { StoreSession } from '../store/store-session';
import { panelHtml } from './panel-html';
import { isInsideRoots } from './path-guard';
import { pickFieldValue } from './value-picker';
import { nameOf } from '../../core/store/rel-path';

const MAX_IMAGES = 24;

export interface PanelDeps {
  session: StoreSession;
  extensionUri: vscode.Uri;
  log: vscode.LogOutputChannel;
  /** Called after every change the panel made (the tree re-reads its labels). */
  onDidWrite: (result: OverrideResult) => void;
}

export class VariantPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private variantId: number | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** Messages posted to the webview, newest last (the in-host tests read them). */
  readonly sent: ToWebview[] = [];

  constructor(private readonly deps: PanelDeps) {}

  get bundleRoot(): vscode.Uri {
    return vscode.Uri.joinPath(this.deps.extensionUri, 'dist', 'webview');
  }

  get current(): { panel: vscode.WebviewPanel; variantId: number | undefined } | undefined {
    return this.panel ? { panel: this.panel, variantId: this.variantId } : undefined;
  }

  /** Shows `variantId` in the panel, creating it when needed. */
  async show(variantId: number, options: { preserveFocus?: boolean } = {}): Promise<void> {
    if (!this.panel) {
      const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, 'Variant', { viewColumn: vscode.ViewColumn.Active, preserveFocus: options.preserveFocus }, {
        enableScripts: true,
        retainContextWhenHidden: false,
        localResourceRoots: [this.bundleRoot],
      });
      this.attach(panel);
    } else {
      this.panel.reveal(undefined, options.preserveFocus);
    }
    await this.load(variantId);
  }

  /** The serializer's entry: a panel VS Code restored after a window reload. */
  async revive(panel: vscode.WebviewPanel, state: PanelState | undefined): Promise<void> {
    if (this.panel && this.panel !== panel) this.panel.dispose();
    this.attach(panel);
    this.variantId = undefined;
    if (state) await this.load(state.variantId);
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.webview.options = { enableScripts: true, localResourceRoots: [this.bundleRoot] };
    panel.webview.html = panelHtml(panel.webview, this.bundleRoot, vscode.Uri.joinPath);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: unknown) => void this.handleMessage(m)),
      panel.onDidDispose(() => {
        if (this.panel === panel) {
          this.panel = undefined;
          this.variantId = undefined;
        }
      }),
    );
  }

  /** Re-reads the shown variant (after a change made elsewhere: bulk edit, rescan). */
  async refresh(): Promise<void> {
    if (this.panel && this.variantId !== undefined) await this.load(this.variantId);
  }

  private async load(variantId: number): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    this.variantId = variantId;
    const store = await this.deps.session.get();
    const view = await buildView(store, variantId, panel.webview);
    if (!view) {
      panel.title = 'Variant (not found)';
      await this.post({ type: 'notFound', variantId });
      return;
    }
    panel.title = view.name;
    // images come from the variant's own folder only
    panel.webview.options = {
      enableScripts: true,
      localResourceRoots: [this.bundleRoot, vscode.Uri.file(join(view.rootPath, view.relPath))],
    };
    await this.post({ type: 'variant', variant: view });
  }

  private async post(message: ToWebview): Promise<void> {
    this.sent.push(message);
    if (this.sent.length > 50) this.sent.shift();
    await this.panel?.webview.postMessage(message);
  }

  /** Every message from the webview enters here (public for the in-host tests, which speak the same protocol). */
  async handleMessage(raw: unknown): Promise<void> {
    const parsed = toHost.safeParse(raw);
    if (!parsed.success) {
      this.deps.log.warn(`Variant panel: ignored a malformed message: ${parsed.error.message.slice(0, 300)}`);
      return;
    }
    const msg = parsed.data;
    if (msg.type === 'ready') {
      if (this.variantId !== undefined) await this.load(this.variantId);
      return;
    }
    try {
      const message = await this.run(msg);
      await this.post({ type: 'result', requestId: msg.requestId, ok: true, message });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.deps.log.warn(`Variant panel: ${msg.type} refused: ${message}`);
      await this.post({ type: 'result', requestId: msg.requestId, ok: false, message });
    }
    if (this.variantId !== undefined && msg.type !== 'openPath') await this.load(this.variantId);
  }

  private async run(msg: Exclude<ToHost, { type: 'ready' }>): Promise<string | undefined> {
    const store = await this.deps.session.get();
    const write = async (p: Promise<OverrideResult>) => {
      const r = await p;
      if (r.entries > 0) {
        this.deps.session.scheduleSave();
        this.deps.onDidWrite(r);
      }
      return r;
    };
    switch (msg.type) {
      case 'setOverride':
        await write(store.applyOverrides({ variantIds: [msg.variantId], changes: [{ field: msg.field, value: msg.value }], source: 'user' }));
        return undefined;
      case 'clearOverride':
        await write(store.applyOverrides({ variantIds: [msg.variantId], changes: [{ field: msg.field, clear: true }], source: 'user' }));
        return undefined;
      case 'pickValue': {
        const picked = await pickFieldValue(store, msg.field, 1);
        if (picked === undefined) return 'cancelled';
        await write(store.applyOverrides({ variantIds: [msg.variantId], changes: [{ field: msg.field, value: picked }], source: 'user' }));
        return undefined;
      }
      case 'revert': {
        const r = await write(store.revertAudit(msg.target));
        return r.entries === 0 ? 'nothing to revert: the values are already back' : `${r.entries} change(s) reverted`;
      }
      case 'openPath': {
        const roots = (await store.listRoots()).map((r) => r.path);
        if (!isInsideRoots(msg.path, roots)) throw new Error(`refused: ${msg.path} is outside the library folders`);
        await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(msg.path));
        return undefined;
      }
    }
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

async function buildView(store: LibraryStore, variantId: number, webview: vscode.Webview): Promise<VariantView | null> {
  const detail = await store.getVariantDetail(variantId);
  if (!detail) return null;
  const [files, history] = await Promise.all([store.getVariantFiles(variantId), store.listAudit(variantId, 0, 100)]);
  const abs = (rel: string) => join(detail.rootPath, ...rel.split('/'));
  const images = files
    .filter((f) => f.kind === 'image' && f.archivePath === null && (f.relPath.startsWith(`${detail.relPath}/`) || dirname(f.relPath) === detail.relPath))
    .slice(0, MAX_IMAGES)
    .map((f) => ({ name: nameOf(f.relPath), uri: webview.asWebviewUri(vscode.Uri.file(abs(f.relPath))).toString() }));
  return {
    id: detail.id,
    name: nameOf(detail.relPath) || detail.relPath,
    rootPath: detail.rootPath,
    relPath: detail.relPath,
    missing: detail.missing,
    fileCount: detail.fileCount,
    sizeBytes: detail.sizeBytes,
    confidence: detail.confidence,
    warnings: detail.warnings,
    residual: detail.residual,
    fields: detail.fields.map((f) => {
      const spec = FIELD_BY_NAME.get(f.field);
      return { ...f, label: spec?.label ?? f.field, kind: spec?.type.kind ?? 'readonly', autoLabel: f.autoLabel ?? null, effectiveLabel: f.effectiveLabel ?? null };
    }),
    files: files.map((f) => ({ relPath: f.relPath, absPath: abs(f.archivePath ?? f.relPath), size: f.size, kind: f.kind, archivePath: f.archivePath })),
    images,
    history: history.items.map((h) => ({
      id: h.id,
      field: h.field,
      fieldLabel: FIELD_BY_NAME.get(h.field)?.label ?? h.field,
      oldOverridden: h.oldOverridden,
      oldValue: h.oldValue,
      oldLabel: h.oldLabel ?? null,
      newOverridden: h.newOverridden,
      newValue: h.newValue,
      newLabel: h.newLabel ?? null,
      source: h.source,
      batchId: h.batchId,
      batchSize: h.batchSize,
      reverts: h.reverts,
      ts: h.ts,
    })),
    historyTotal: history.total,
  };
}
