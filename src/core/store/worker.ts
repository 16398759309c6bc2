// The store's worker thread (bundled to dist/store-worker.js): owns the SqlStore, answers WorkerStore's calls one
// at a time in arrival order, runs scans, and saves (debounced after each change, and on close).
import { parentPort, workerData } from 'node:worker_threads';
import { normalizeInWorker } from './normalize-in-worker';
import { scanLibrary } from './scan-library';
import { SqlStore } from './sql-store';
import { errorInfo, type FromWorker, type ToWorker, type WorkerCalls, type WorkerInit, type WorkerRequest } from './worker-protocol';

if (!parentPort) throw new Error('store worker must run in a worker thread');
const port = parentPort;
const init = workerData as WorkerInit;
const post = (m: FromWorker) => port.postMessage(m);

const mutating = new Set<keyof WorkerCalls>(['addRoot', 'removeRoot', 'applyScan', 'scanLibrary', 'normalizeLibrary', 'applyOverrides', 'revertAudit']);
/** The calls in progress, by id, so a `cancel` message can stop a long one (scan, normalization). */
const running = new Map<number, AbortController>();

async function main(): Promise<void> {
  let store: SqlStore;
  try {
    store = await SqlStore.open(init.dbPath);
  } catch (err) {
    post({ type: 'open-failed', error: errorInfo(err) });
    return;
  }
  store.onSaved = (ms) => post({ type: 'saved', ms });
  const onSaveError = (err: unknown) => post({ type: 'save-failed', error: errorInfo(err) });
  if (store.openReport.corrupt === null && store.isDirty) store.scheduleSave(init.saveDelayMs, onSaveError);
  post({ type: 'opened', report: store.openReport });

  /** What a handler knows of its call: its id (for progress messages) and the signal a `cancel` message fires. */
  interface Call {
    id: number;
    signal: AbortSignal;
  }
  const handlers: { [M in keyof WorkerCalls]: (call: Call, ...args: Parameters<WorkerCalls[M]>) => Promise<ReturnType<WorkerCalls[M]>> | ReturnType<WorkerCalls[M]> } = {
    addRoot: (_, p) => store.addRoot(p),
    removeRoot: (_, id) => store.removeRoot(id),
    listRoots: () => store.listRoots(),
    applyScan: (_, id, r) => store.applyScan(id, r),
    archiveSignatures: (_, id) => store.archiveSignatures(id),
    listChildren: (_, id, rel, off, lim) => store.listChildren(id, rel, off, lim),
    listVariants: (_, off, lim) => store.listVariants(off, lim),
    getVariantFiles: (_, id) => store.getVariantFiles(id),
    listWarnings: (_, id, off, lim) => store.listWarnings(id, off, lim),
    stats: () => store.stats(),
    save: () => store.save(),
    getVariantDetail: (_, id) => store.getVariantDetail(id),
    applyOverrides: (_, req) => store.applyOverrides(req),
    listAudit: (_, id, off, lim) => store.listAudit(id, off, lim),
    revertAudit: (_, target) => store.revertAudit(target),
    setVocabulary: (_, choices) => store.setVocabulary(choices),
    fieldChoices: (_, field, q, lim) => store.fieldChoices(field, q, lim),
    searchVariants: (_, text, lim) => store.searchVariants(text, lim),
    facetCounts: (_, filter) => store.facetCounts(filter),
    filterVariants: (_, filter, off, lim) => store.filterVariants(filter, off, lim),
    exportRows: () => store.exportRows(),
    scanLibrary: (call, rootPath, options) =>
      scanLibrary(store, rootPath, { ...options, signal: call.signal, onProgress: (progress) => post({ type: 'progress', id: call.id, progress }) }),
    normalizeLibrary: (call, options) =>
      normalizeInWorker(store, options, call.signal, (progress) => post({ type: 'progress', id: call.id, progress })),
    close: () => store.close(),
  };

  // Calls are not queued: every SqlStore method (and each apply) runs synchronously to its end, so a save or a read
  // can never see a half-applied scan, while reads stay answered during a scan's crawl.
  port.on('message', (msg: ToWorker) => {
    if (msg.type === 'cancel') running.get(msg.id)?.abort();
    else void handle(msg);
  });

  async function handle(req: WorkerRequest): Promise<void> {
    const ctl = new AbortController();
    running.set(req.id, ctl);
    try {
      const fn = handlers[req.method] as (call: Call, ...a: unknown[]) => unknown;
      const value = await fn({ id: req.id, signal: ctl.signal }, ...(req.args as unknown[]));
      post({ type: 'reply', id: req.id, ok: true, value });
      if (mutating.has(req.method)) store.scheduleSave(init.saveDelayMs, onSaveError);
      if (req.method === 'close') port.close();
    } catch (err) {
      post({ type: 'reply', id: req.id, ok: false, error: errorInfo(err) });
    } finally {
      running.delete(req.id);
    }
  }
}

void main();
