// LibraryStore whose database lives in a worker thread (worker.ts), so the caller's thread (the extension host)
// never blocks on a bulk insert, a query over 200k rows or a save. Each call is a typed request; a failed call
// rejects with an Error carrying the worker's error name and message.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ScanProgress } from '../scan/types';
import type { LibraryRoot, LibraryStats, LibraryStore, Page, ScanResult, ScanSummary, ScanWarning, StoreOpenReport, TreeNode, VariantFile, VariantRow } from './types';
import type { AuditEntry } from './audit';
import type { ExportRow } from './export';
import type { FacetCounts, FacetFilter, FilteredVariant } from './facets';
import type { OverrideRequest, OverrideResult, VocabChoices } from './overrides';
import type { SearchResult } from './search';
import type { FieldChoice } from './types';
import type { VariantDetail } from './variant-detail';
import type { FromWorker, ToWorker, WorkerCalls, WorkerErrorInfo, WorkerInit, WorkerMethod, WorkerNormalizeOptions, WorkerScanOptions } from './worker-protocol';
import type { NormalizeProgress, NormalizeSummary } from '../normalize/pipeline';

export interface WorkerStoreOptions {
  /** Debounce of the automatic save after changes (default 2000 ms). */
  saveDelayMs?: number;
  /** Path of the bundled worker; default `store-worker.js` beside this bundle. */
  workerPath?: string;
  onSaved?: (ms: number) => void;
  onSaveError?: (error: Error) => void;
}

export class WorkerStoreError extends Error {
  constructor(info: WorkerErrorInfo) {
    super(info.message);
    this.name = info.name;
  }
}

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  /** The caller's progress callback; the call's method decides which progress type arrives. */
  onProgress?: (p: never) => void;
}

function workerEntry(explicit: string | undefined): { file: string; execArgv: string[] } {
  if (explicit) return { file: explicit, execArgv: [] };
  const bundled = join(__dirname, 'store-worker.js');
  if (existsSync(bundled)) return { file: bundled, execArgv: [] };
  // unbundled (tests under tsx): run the TypeScript source through tsx in the worker too
  return { file: join(__dirname, 'worker.ts'), execArgv: ['--require', 'tsx/cjs'] };
}

export class WorkerStore implements LibraryStore {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private exited: Error | null = null;

  private constructor(
    private readonly worker: Worker,
    readonly openReport: StoreOpenReport,
  ) {}

  /** Starts the worker and opens the database there. Rejects when it cannot be opened (e.g. newer schema). */
  static open(dbPath: string | null, options: WorkerStoreOptions = {}): Promise<WorkerStore> {
    const { file, execArgv } = workerEntry(options.workerPath);
    const init: WorkerInit = { dbPath, saveDelayMs: options.saveDelayMs ?? 2000 };
    const worker = new Worker(file, { workerData: init, execArgv });
    return new Promise((resolve, reject) => {
      let store: WorkerStore | undefined;
      worker.on('message', (msg: FromWorker) => {
        switch (msg.type) {
          case 'opened':
            store = new WorkerStore(worker, msg.report);
            resolve(store);
            break;
          case 'open-failed':
            void worker.terminate();
            reject(new WorkerStoreError(msg.error));
            break;
          case 'saved':
            options.onSaved?.(msg.ms);
            break;
          case 'save-failed':
            options.onSaveError?.(new WorkerStoreError(msg.error));
            break;
          default:
            store?.onMessage(msg);
        }
      });
      worker.on('error', (err) => {
        if (!store) reject(err);
        else store.fail(err);
      });
      worker.on('exit', (code) => {
        const err = new Error(`store worker exited (code ${code})`);
        if (!store) reject(err);
        else store.fail(err);
      });
    });
  }

  private onMessage(msg: FromWorker): void {
    if (msg.type === 'progress') {
      (this.pending.get(msg.id)?.onProgress as ((p: ScanProgress | NormalizeProgress) => void) | undefined)?.(msg.progress);
      return;
    }
    if (msg.type !== 'reply') return;
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    if (msg.ok) p.resolve(msg.value);
    else p.reject(new WorkerStoreError(msg.error));
  }

  private fail(err: Error): void {
    this.exited ??= err;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  private call<M extends WorkerMethod>(method: M, args: Parameters<WorkerCalls[M]>, extra: Partial<Pending> & { signal?: AbortSignal } = {}): Promise<ReturnType<WorkerCalls[M]>> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress: extra.onProgress });
      const send = (m: ToWorker) => this.worker.postMessage(m);
      send({ type: 'call', id, method, args } as ToWorker);
      if (extra.signal) {
        if (extra.signal.aborted) send({ type: 'cancel', id });
        else extra.signal.addEventListener('abort', () => send({ type: 'cancel', id }), { once: true });
      }
    });
  }

  addRoot(path: string): Promise<LibraryRoot> {
    return this.call('addRoot', [path]);
  }
  removeRoot(id: number): Promise<void> {
    return this.call('removeRoot', [id]);
  }
  listRoots(): Promise<LibraryRoot[]> {
    return this.call('listRoots', []);
  }
  applyScan(rootId: number, result: ScanResult): Promise<ScanSummary> {
    return this.call('applyScan', [rootId, result]);
  }
  archiveSignatures(rootId: number): Promise<Map<string, { size: number; mtimeMs: number }>> {
    return this.call('archiveSignatures', [rootId]);
  }
  listChildren(rootId: number, folderRelPath: string, offset: number, limit: number): Promise<Page<TreeNode>> {
    return this.call('listChildren', [rootId, folderRelPath, offset, limit]);
  }
  listVariants(offset: number, limit: number): Promise<Page<VariantRow>> {
    return this.call('listVariants', [offset, limit]);
  }
  getVariantFiles(variantId: number): Promise<VariantFile[]> {
    return this.call('getVariantFiles', [variantId]);
  }
  listWarnings(rootId: number, offset: number, limit: number): Promise<Page<ScanWarning>> {
    return this.call('listWarnings', [rootId, offset, limit]);
  }
  stats(): Promise<LibraryStats> {
    return this.call('stats', []);
  }
  save(): Promise<boolean> {
    return this.call('save', []);
  }
  getVariantDetail(variantId: number): Promise<VariantDetail | null> {
    return this.call('getVariantDetail', [variantId]);
  }
  applyOverrides(request: OverrideRequest): Promise<OverrideResult> {
    return this.call('applyOverrides', [request]);
  }
  listAudit(variantId: number, offset: number, limit: number): Promise<Page<AuditEntry>> {
    return this.call('listAudit', [variantId, offset, limit]);
  }
  revertAudit(target: { entryId: number } | { batchId: string }): Promise<OverrideResult> {
    return this.call('revertAudit', [target]);
  }
  setVocabulary(choices: VocabChoices | null): Promise<void> {
    return this.call('setVocabulary', [choices]);
  }
  fieldChoices(field: string, query: string, limit: number): Promise<FieldChoice[]> {
    return this.call('fieldChoices', [field, query, limit]);
  }
  searchVariants(text: string, limit: number): Promise<SearchResult> {
    return this.call('searchVariants', [text, limit]);
  }
  facetCounts(filter: FacetFilter): Promise<FacetCounts> {
    return this.call('facetCounts', [filter]);
  }
  filterVariants(filter: FacetFilter, offset: number, limit: number): Promise<Page<FilteredVariant>> {
    return this.call('filterVariants', [filter, offset, limit]);
  }
  exportRows(): Promise<ExportRow[]> {
    return this.call('exportRows', []);
  }

  /** Normalizes the library inside the worker (incremental) and schedules a save. Cancel with `signal`. */
  normalizeLibrary(
    options: WorkerNormalizeOptions & { signal?: AbortSignal; onProgress?: (p: NormalizeProgress) => void },
  ): Promise<NormalizeSummary> {
    const { signal, onProgress, ...rest } = options;
    return this.call('normalizeLibrary', [rest], { signal, onProgress });
  }

  /** Scans a root inside the worker (crawl, archives, apply) and schedules a save. Cancel with `signal`. */
  scanLibrary(
    rootPath: string,
    options: WorkerScanOptions & { signal?: AbortSignal; onProgress?: (p: ScanProgress) => void } = {},
  ): Promise<ScanSummary> {
    const { signal, onProgress, ...rest } = options;
    return this.call('scanLibrary', [rootPath, rest], { signal, onProgress });
  }

  /** Saves pending changes, closes the database and ends the worker. */
  async close(): Promise<void> {
    if (this.exited) return;
    try {
      await this.call('close', []);
    } finally {
      this.exited = new Error('the library database is closed');
      await this.worker.terminate();
    }
  }
}
