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
const scans = new Map<number, AbortController>();

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

  const handlers: { [M in keyof WorkerCalls]: (...args: Parameters<WorkerCalls[M]>) => Promise<ReturnType<WorkerCalls[M]>> | ReturnType<WorkerCalls[M]> } = {
    addRoot: (p) => store.addRoot(p),
    removeRoot: (id) => store.removeRoot(id),
    listRoots: () => store.listRoots(),
    applyScan: (id, r) => store.applyScan(id, r),
    archiveSignatures: (id) => store.archiveSignatures(id),
    listChildren: (id, rel, off, lim) => store.listChildren(id, rel, off, lim),
    listVariants: (off, lim) => store.listVariants(off, lim),
    getVariantFiles: (id) => store.getVariantFiles(id),
    listWarnings: (id, off, lim) => store.listWarnings(id, off, lim),
    stats: () => store.stats(),
    save: () => store.save(),
    getVariantDetail: (id) => store.getVariantDetail(id),
    applyOverrides: (req) => store.applyOverrides(req),
    listAudit: (id, off, lim) => store.listAudit(id, off, lim),
    revertAudit: (target) => store.revertAudit(target),
    setVocabulary: (choices) => store.setVocabulary(choices),
    fieldChoices: (field, q, lim) => store.fieldChoices(field, q, lim),
    searchVariants: (text, lim) => store.searchVariants(text, lim),
    facetCounts: (filter) => store.facetCounts(filter),
    filterVariants: (filter, off, lim) => store.filterVariants(filter, off, lim),
    exportRows: () => store.exportRows(),
    scanLibrary: () => {
      throw new Error('unreachable');
    },
    normalizeLibrary: () => {
      throw new Error('unreachable');
    },
    close: () => store.close(),
  };

  // Calls are not queued: every SqlStore method (and each apply) runs synchronously to its end, so a save or a read
  // can never see a half-applied scan, while reads stay answered during a scan's crawl.
  port.on('message', (msg: ToWorker) => {
    if (msg.type === 'cancel') scans.get(msg.id)?.abort();
    else void handle(msg);
  });

  async function handle(req: WorkerRequest): Promise<void> {
    try {
      let value: unknown;
      if (req.method === 'normalizeLibrary') {
        const [options] = req.args as Parameters<WorkerCalls['normalizeLibrary']>;
        const ctl = new AbortController();
        scans.set(req.id, ctl);
        try {
          value = await normalizeInWorker(store, options, ctl.signal, (progress) => post({ type: 'normalize-progress', id: req.id, progress }));
        } finally {
          scans.delete(req.id);
        }
      } else if (req.method === 'scanLibrary') {
        const [rootPath, options] = req.args as Parameters<WorkerCalls['scanLibrary']>;
        const ctl = new AbortController();
        scans.set(req.id, ctl);
        try {
          value = await scanLibrary(store, rootPath, {
            ...options,
            signal: ctl.signal,
            onProgress: (progress) => post({ type: 'progress', id: req.id, progress }),
          });
        } finally {
          scans.delete(req.id);
        }
      } else {
        const fn = handlers[req.method] as (...a: unknown[]) => unknown;
        value = await fn(...(req.args as unknown[]));
      }
      post({ type: 'reply', id: req.id, ok: true, value });
      if (mutating.has(req.method)) store.scheduleSave(init.saveDelayMs, onSaveError);
      if (req.method === 'close') port.close();
    } catch (err) {
      post({ type: 'reply', id: req.id, ok: false, error: errorInfo(err) });
    }
  }
}

void main();
