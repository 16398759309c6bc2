// Opens the library database for the extension host. TEMPORARY: in-process SqlStore until WorkerStore lands.
import { SqlStore } from '../../core/store/sql-store';
import type { StoreOpener } from './store-session';

export function openWorkerStore(_extensionPath: string): StoreOpener {
  return async (dbPath) => {
    const store = await SqlStore.open(dbPath);
    return { store, report: store.openReport };
  };
}
