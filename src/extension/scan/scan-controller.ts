// Runs scans for the extension: one at a time per root, in a cancellable progress notification with live counts;
// logs a summary and the first warnings, and schedules a save. The scan itself runs where the store lives (the
// store worker for WorkerStore), so the extension host only relays progress.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ScanProgress } from '../../core/scan/types';
import type { ScanLibraryOptions } from '../../core/store/scan-library';
import type { LibraryStore, ScanSummary } from '../../core/store/types';
import { formatCount } from '../../shared/format-bytes';
import type { StoreSession } from '../store/store-session';

/** Crawls one root and applies the result to the store (core `scanLibrary`, or `WorkerStore.scanLibrary`). */
export type ScanFunction = (store: LibraryStore, rootPath: string, options: ScanLibraryOptions) => Promise<ScanSummary>;

export interface ScanSettings {
  exclude: string[];
  scanArchives: boolean;
}

export interface ScanOutcome {
  rootPath: string;
  summary?: ScanSummary;
  error?: string;
  /** Another scan of the same root was already running. */
  skipped?: boolean;
}

export class ScanController implements vscode.Disposable {
  private readonly running = new Map<string, AbortController>();
  private readonly finished = new vscode.EventEmitter<ScanOutcome[]>();
  private readonly stateChanged = new vscode.EventEmitter<boolean>();
  /** After every batch of scans (also cancelled ones): views refresh. */
  readonly onDidFinishScans = this.finished.event;
  readonly onDidChangeScanning = this.stateChanged.event;
  private lastProgress: ScanProgress | undefined;

  constructor(
    private readonly session: StoreSession,
    private readonly scan: ScanFunction,
    private readonly settings: () => ScanSettings,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  get scanning(): boolean {
    return this.running.size > 0;
  }

  /** Counts of the scan in progress, for the status bar tooltip. */
  get progress(): ScanProgress | undefined {
    return this.scanning ? this.lastProgress : undefined;
  }

  isScanning(rootPath: string): boolean {
    return this.running.has(rootPath);
  }

  /** Aborts every running scan; they stop at the next check and keep what they stored. */
  cancelAll(): number {
    const n = this.running.size;
    for (const controller of this.running.values()) controller.abort();
    return n;
  }

  /** Scans the roots one after the other in one progress notification. */
  async scanRoots(rootPaths: string[]): Promise<ScanOutcome[]> {
    const outcomes: ScanOutcome[] = [];
    const todo = rootPaths.filter((p) => {
      if (!this.running.has(p)) return true;
      this.log.info(`Already scanning ${p}; not starting a second scan`);
      outcomes.push({ rootPath: p, skipped: true });
      return false;
    });
    if (todo.length === 0) return outcomes;
    const controllers = new Map(todo.map((p) => [p, new AbortController()] as const));
    for (const [p, c] of controllers) this.running.set(p, c);
    this.lastProgress = undefined;
    this.setScanning();
    try {
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'STL Manager', cancellable: true },
        async (progress, token) => {
          token.onCancellationRequested(() => {
            for (const c of controllers.values()) c.abort();
          });
          for (const [i, rootPath] of todo.entries()) {
            const controller = controllers.get(rootPath) as AbortController;
            const prefix = todo.length > 1 ? `(${i + 1}/${todo.length}) ` : '';
            progress.report({ message: `${prefix}Scanning ${path.basename(rootPath)}…` });
            if (controller.signal.aborted) {
              outcomes.push({ rootPath, summary: undefined, error: 'cancelled' });
              continue;
            }
            outcomes.push(await this.scanOne(rootPath, controller.signal, (p) => progress.report({ message: `${prefix}${describe(rootPath, p)}` })));
            this.running.delete(rootPath);
            this.setScanning();
          }
        },
      );
    } finally {
      for (const p of todo) this.running.delete(p);
      this.setScanning();
      this.session.scheduleSave();
      this.finished.fire(outcomes);
    }
    this.announce(outcomes);
    return outcomes;
  }

  private async scanOne(rootPath: string, signal: AbortSignal, report: (p: ScanProgress) => void): Promise<ScanOutcome> {
    const t0 = Date.now();
    try {
      const store = await this.session.get();
      const { exclude, scanArchives } = this.settings();
      this.log.info(`Scanning ${rootPath}${exclude.length ? ` (exclude: ${exclude.join(', ')})` : ''}${scanArchives ? '' : ' (archives not listed)'}`);
      const summary = await this.scan(store, rootPath, {
        exclude,
        signal,
        listArchives: scanArchives,
        onProgress: (p) => {
          this.lastProgress = p;
          report(p);
        },
      });
      await this.logSummary(store, summary, Date.now() - t0);
      return { rootPath, summary };
    } catch (e) {
      if (signal.aborted) {
        this.log.info(`Scan of ${rootPath} cancelled`);
        return { rootPath, error: 'cancelled' };
      }
      const message = e instanceof Error ? e.message : String(e);
      this.log.error(`Scan of ${rootPath} failed: ${message}`);
      return { rootPath, error: message };
    }
  }

  private async logSummary(store: LibraryStore, s: ScanSummary, ms: number): Promise<void> {
    const verb = s.cancelled ? 'Scan cancelled' : 'Scanned';
    this.log.info(
      `${verb} ${s.rootPath} in ${(ms / 1000).toFixed(1)} s: ${formatCount(s.files, 'file')}, ${formatCount(s.archives, 'archive')} ` +
        `(${formatCount(s.archiveEntries, 'entry', 'entries')}), ${formatCount(s.variants, 'variant')}; ` +
        `${s.added} added, ${s.changed} changed, ${s.removed} removed, ${s.unchanged} unchanged, ${s.variantsMissing} variants missing; ` +
        `${formatCount(s.warnings, 'warning')}`,
    );
    if (!s.warnings) return;
    const shown = await store.listWarnings(s.rootId, 0, 50).catch(() => undefined);
    for (const w of shown?.items ?? []) this.log.warn(`${w.code} ${w.relPath || '(root)'}: ${w.message}`);
    if (shown && shown.total > shown.items.length) this.log.warn(`… and ${shown.total - shown.items.length} more warnings`);
  }

  private announce(outcomes: ScanOutcome[]): void {
    const failed = outcomes.filter((o) => o.error && o.error !== 'cancelled');
    const done = outcomes.filter((o) => o.summary);
    if (failed.length) {
      void vscode.window
        .showErrorMessage(`STL Manager: scanning ${failed.map((o) => path.basename(o.rootPath)).join(', ')} failed: ${failed[0]?.error}`, 'Show Log')
        .then((c) => c && this.log.show());
      return;
    }
    if (!done.length) return;
    const cancelled = done.some((o) => o.summary?.cancelled);
    const variants = done.reduce((n, o) => n + (o.summary?.variants ?? 0), 0);
    const warnings = done.reduce((n, o) => n + (o.summary?.warnings ?? 0), 0);
    const what = `${formatCount(done.length, 'library folder')}: ${formatCount(variants, 'variant')}${warnings ? `, ${formatCount(warnings, 'warning')}` : ''}`;
    void vscode.window.showInformationMessage(cancelled ? `STL Manager: scan cancelled (${what} so far).` : `STL Manager: scanned ${what}.`);
  }

  private setScanning(): void {
    void vscode.commands.executeCommand('setContext', 'stlManager.scanning', this.scanning);
    this.stateChanged.fire(this.scanning);
  }

  dispose(): void {
    this.cancelAll();
    this.finished.dispose();
    this.stateChanged.dispose();
  }
}

function describe(rootPath: string, p: ScanProgress): string {
  const phase = p.phase === 'crawl' ? 'Scanning' : p.phase === 'archives' ? 'Reading archives in' : p.phase === 'group' ? 'Grouping' : 'Storing';
  return `${phase} ${path.basename(rootPath)}: ${formatCount(p.files, 'file')} · ${formatCount(p.folders, 'folder')} · ${formatCount(p.archives, 'archive')} · ${formatCount(p.variants, 'variant')}`;
}
