// Scan one root into a store: register the root, hand the scanner the stored archive signatures, crawl, apply.
// One scan at a time per root path in this process: a second call while one runs rejects with ScanInProgressError
// (callers that want to queue can await the first and retry).
import { resolve } from 'node:path';
import { scanRoot, type ScanOptions } from '../scan/scan-root';
import type { LibraryStore, ScanSummary } from './types';

export class ScanInProgressError extends Error {
  constructor(readonly rootPath: string) {
    super(`a scan of ${rootPath} is already running`);
    this.name = 'ScanInProgressError';
  }
}

const running = new Set<string>();

export type ScanLibraryOptions = Pick<ScanOptions, 'exclude' | 'signal' | 'onProgress' | 'listArchives' | 'archiveTimeoutMs'>;

export async function scanLibrary(store: LibraryStore, rootPath: string, options: ScanLibraryOptions = {}): Promise<ScanSummary> {
  const abs = resolve(rootPath);
  if (running.has(abs)) throw new ScanInProgressError(abs);
  running.add(abs);
  const t0 = performance.now();
  try {
    const root = await store.addRoot(abs);
    const archiveSignatures = await store.archiveSignatures(root.id);
    const result = await scanRoot(abs, { ...options, archiveSignatures });
    const summary = await store.applyScan(root.id, result);
    return { ...summary, seconds: (performance.now() - t0) / 1000 };
  } finally {
    running.delete(abs);
  }
}
