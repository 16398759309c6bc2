// Opens the library database for the extension host: a WorkerStore, so queries, applies and saves run on the
// store's worker thread (dist/store-worker.js, shipped beside dist/extension.js).
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { WorkerStore } from '../../core/store/worker-store';
import type { StoreOpener } from './store-session';

export function openWorkerStore(extensionPath: string, log: vscode.LogOutputChannel): StoreOpener {
  const workerPath = path.join(extensionPath, 'dist', 'store-worker.js');
  return async (dbPath) => {
    const store = await WorkerStore.open(dbPath, {
      workerPath,
      onSaved: (ms) => log.debug(`Database saved in ${ms} ms`),
      onSaveError: (e) => log.error(`Saving the database failed: ${e.message}`),
    });
    return { store, report: store.openReport };
  };
}
