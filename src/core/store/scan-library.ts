// Scan one root into a store: register the root, hand the scanner the stored archive signatures, crawl, apply.
// One scan at a time per root path in this process: a second call while one runs rejects with ScanInProgressError
// (callers that want to queue can await the first and retry).
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { scanRoot, type ScanOptions } from '../scan/scan-root';
import type { LibraryStore, ScanSummary } from './types';

export class ScanInProgressError extends Error {
  constructor(readonly rootPath: string) {
    super(`a scan of ${rootPath} is already running`);
    this.name = 'ScanInProgressError';
  }
}

/** The root folder is absent (unplugged drive, typo) or not a folder: nothing was registered or changed. */
export class RootUnavailableError extends Error {
  constructor(readonly rootPath: string, reason: string) {
    super(`library folder unavailable: ${rootPath} (${reason})`);
    this.name = 'RootUnavailableError';
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
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch (err) {
      throw new RootUnavailableError(abs, (err as NodeJS.ErrnoException).code ?? 'cannot stat');
    }
    if (!isDir) throw new RootUnavailableError(abs, 'not a folder');
    const root = await store.addRoot(abs);
    const archiveSignatures = await store.archiveSignatures(root.id);
    const result = await scanRoot(abs, { ...options, archiveSignatures });
    const summary = await store.applyScan(root.id, result);
    return { ...summary, seconds: (performance.now() - t0) / 1000 };
  } finally {
    running.delete(abs);
  }
}
