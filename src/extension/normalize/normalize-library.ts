// "STL Manager: Normalize Library" (progress, cancel) and normalization after each scan (setting
// `stlManager.normalizeAfterScan`). The work runs where the database lives: in the store worker.
import * as vscode from 'vscode';
import type { NormalizeProgress, NormalizeSummary } from '../../core/normalize/pipeline';
import type { LibraryStore } from '../../core/store/types';
import { WorkerStore } from '../../core/store/worker-store';
import type { ScanController } from '../scan/scan-controller';
import type { StoreSession } from '../store/store-session';
import { vocabLayers } from '../vocab/register-vocab';

export interface NormalizeDeps {
  session: StoreSession;
  scans: ScanController;
  output: vscode.LogOutputChannel;
  /** Views re-read after a run. */
  refresh: () => void;
}

interface RunOptions {
  force?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: NormalizeProgress) => void;
}

function run(store: LibraryStore, vocabDirs: string[], o: RunOptions): Promise<NormalizeSummary> {
  if (store instanceof WorkerStore) return store.normalizeLibrary({ vocabDirs, force: o.force, signal: o.signal, onProgress: o.onProgress });
  return Promise.reject(new Error('this store cannot normalize: normalization runs in the store worker'));
}

function describe(s: NormalizeSummary): string {
  const kept = s.carried > 0 ? `, ${s.carried} kept after the vocabulary change` : '';
  return `${s.normalized} of ${s.variants} variants normalized, ${s.skipped} unchanged${kept}${s.cancelled ? ' (cancelled)' : ''}`;
}

export function registerNormalizeLibrary(context: vscode.ExtensionContext, deps: NormalizeDeps): void {
  let running: Promise<NormalizeSummary | undefined> | undefined;
  const vocabDirs = () => vocabLayers(context.extensionUri.fsPath);

  const normalizeWithProgress = (location: vscode.ProgressLocation, force: boolean): Promise<NormalizeSummary | undefined> => {
    if (running) return running;
    running = Promise.resolve(
      vscode.window.withProgress({ location, title: 'STL Manager: normalizing', cancellable: true }, async (progress, token) => {
        const ctl = new AbortController();
        const sub = token.onCancellationRequested(() => ctl.abort());
        let reported = 0;
        let s: NormalizeSummary | undefined;
        try {
          const store = await deps.session.get();
          s = await run(store, vocabDirs(), {
            force,
            signal: ctl.signal,
            onProgress: (p) => {
              const pct = p.total > 0 ? (p.done / p.total) * 100 : 100;
              progress.report({ message: `${p.done} / ${p.total} variants`, increment: pct - reported });
              reported = pct;
            },
          });
          deps.session.scheduleSave();
          deps.output.info(`Normalization: ${describe(s)} in ${s.seconds.toFixed(2)} s (ruleset ${s.rulesetDigest.slice(0, 12)})`);
          return s;
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          deps.output.error(`Normalization failed: ${message}`);
          void vscode.window.showErrorMessage(`STL Manager: normalization failed: ${message}`);
          return undefined;
        } finally {
          sub.dispose();
          // the scan (or the last write) already refreshed the views: re-read them only when this run changed
          // something, or failed part-way
          if (!s || s.normalized > 0 || s.carried > 0) deps.refresh();
        }
      }),
    ).finally(() => {
      running = undefined;
    });
    return running;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('stlManager.normalizeLibrary', async (options?: { force?: boolean }) => {
      const s = await normalizeWithProgress(vscode.ProgressLocation.Notification, options?.force === true);
      if (s) void vscode.window.showInformationMessage(`STL Manager: ${describe(s)}.`);
      return s;
    }),
    deps.scans.onDidFinishScans((outcomes) => {
      const enabled = vscode.workspace.getConfiguration('stlManager').get<boolean>('normalizeAfterScan', true);
      if (enabled && outcomes.some((o) => o.summary && !o.summary.cancelled)) void normalizeWithProgress(vscode.ProgressLocation.Window, false);
    }),
  );
}
