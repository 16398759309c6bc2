// The one message protocol between WorkerStore (caller side) and worker.ts (the thread that owns the database).
// Requests carry an id; each gets exactly one reply with the same id. Errors cross as {name, message}.
import type { NormalizeProgress, NormalizeSummary } from '../normalize/pipeline';
import type { ScanProgress } from '../scan/types';
import type { LibraryStore, ScanSummary, StoreOpenReport } from './types';

export interface WorkerInit {
  dbPath: string | null;
  /** Debounce of the save the worker schedules after each change; 0 = save right after each change. */
  saveDelayMs: number;
}

export interface WorkerScanOptions {
  exclude?: string[];
  listArchives?: boolean;
  archiveTimeoutMs?: number;
}

type StoreMethods = {
  [K in Exclude<keyof LibraryStore, 'close'>]: LibraryStore[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : never;
};

export interface WorkerNormalizeOptions {
  /** Vocab folders in layer order (the shipped default first); the worker loads the ruleset from them. */
  vocabDirs: string[];
  force?: boolean;
}

/** Every call the worker answers: the LibraryStore methods plus worker-only ones. */
export interface WorkerCalls extends StoreMethods {
  /** Normalize every variant inside the worker (incremental). Progress arrives as events. */
  normalizeLibrary(options: WorkerNormalizeOptions): NormalizeSummary;
  /** Crawl + apply inside the worker (the scan never touches the caller's thread). Progress arrives as events. */
  scanLibrary(rootPath: string, options: WorkerScanOptions): ScanSummary;
  /** Saves if anything changed, closes the database; the worker then exits. */
  close(): void;
}

export type WorkerMethod = keyof WorkerCalls;

export interface WorkerRequest<M extends WorkerMethod = WorkerMethod> {
  type: 'call';
  id: number;
  method: M;
  args: Parameters<WorkerCalls[M]>;
}

export interface CancelRequest {
  type: 'cancel';
  /** id of the scanLibrary call to cancel */
  id: number;
}

export type ToWorker = WorkerRequest | CancelRequest;

export interface WorkerErrorInfo {
  name: string;
  message: string;
}

export type FromWorker =
  | { type: 'opened'; report: StoreOpenReport }
  | { type: 'open-failed'; error: WorkerErrorInfo }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: WorkerErrorInfo }
  /** A long call's progress: a scan's or a normalization's, as the call's method says. */
  | { type: 'progress'; id: number; progress: ScanProgress | NormalizeProgress }
  | { type: 'saved'; ms: number }
  | { type: 'save-failed'; error: WorkerErrorInfo };

export function errorInfo(err: unknown): WorkerErrorInfo {
  return err instanceof Error ? { name: err.name, message: err.message } : { name: 'Error', message: String(err) };
}
