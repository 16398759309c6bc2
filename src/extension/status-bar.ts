// The status bar item: "$(database) 1,234 variants", "$(sync~spin) Scanning…" while a scan runs; click shows the view.
import * as vscode from 'vscode';
import type { LibraryStats } from '../core/store/types';
import type { ScanController } from './scan/scan-controller';
import type { StoreSession } from './store/store-session';
import { formatBytes, formatCount } from '../shared/format-bytes';

export class LibraryStatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private stats: LibraryStats | undefined;
  private refreshing: Promise<void> = Promise.resolve();

  constructor(
    private readonly session: StoreSession,
    private readonly scans: ScanController,
  ) {
    this.item = vscode.window.createStatusBarItem('stlManager.status', vscode.StatusBarAlignment.Left, 10);
    this.item.name = 'STL Manager';
    this.item.command = 'workbench.view.extension.stlManager';
    this.render();
    this.item.show();
  }

  get text(): string {
    return this.item.text;
  }

  /** Re-reads the counts from the store (after scans, root changes, a reopened database). */
  refresh(): Promise<void> {
    this.refreshing = this.refreshing.then(async () => {
      try {
        this.stats = await (await this.session.get()).stats();
      } catch {
        this.stats = undefined;
      }
      this.render();
    });
    return this.refreshing;
  }

  render(): void {
    if (this.scans.scanning) {
      const p = this.scans.progress;
      this.item.text = '$(sync~spin) Scanning…';
      this.item.tooltip = p ? `STL Manager: scanning — ${formatCount(p.files, 'file')}, ${formatCount(p.variants, 'variant')} so far` : 'STL Manager: scanning';
      return;
    }
    const s = this.stats;
    if (!s) {
      this.item.text = '$(database) STL Manager';
      this.item.tooltip = this.session.failure ? `STL Manager: ${this.session.failure.message}` : 'STL Manager: show the library';
      return;
    }
    this.item.text = `$(database) ${formatCount(s.variants, 'variant')}`;
    const md = new vscode.MarkdownString(
      [
        '**STL Manager**',
        `${formatCount(s.roots, 'library folder')} · ${formatCount(s.variants, 'variant')}${s.variantsMissing ? ` (${s.variantsMissing.toLocaleString('en-US')} missing)` : ''}`,
        `${formatCount(s.files, 'file')} · ${formatBytes(s.totalBytes)} · ${formatCount(s.archives, 'archive')}`,
        ...(s.warnings ? [`${formatCount(s.warnings, 'scan warning')}`] : []),
        'Click to show the library',
      ].join('\n\n'),
    );
    this.item.tooltip = md;
  }

  dispose(): void {
    this.item.dispose();
  }
}
