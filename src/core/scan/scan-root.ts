// One scan of one library root: crawl + stat, list the archives that changed, group files into variants.
// Read-only: nothing under the root is ever written, renamed or extracted.
import { sep } from 'node:path';
import { throttle } from '../jobs/progress';
import { crawl } from './crawl';
import { groupVariants } from './group-variants';
import { listArchive } from './list-archive';
import type { ArchiveListing, ScannedFile, ScanProgress, ScanResult, ScanWarning } from './types';

export interface ScanOptions {
  /** User globs (picomatch), matched against root-relative `/` paths; a matching folder prunes its subtree. */
  exclude?: string[];
  /** Cancel: the result is partial with cancelled=true (never throws for a cancel). */
  signal?: AbortSignal;
  onProgress?: (p: ScanProgress) => void;
  /** Stored archives' size+mtime by relPath: an archive whose signature is equal is NOT re-listed ('unchanged'). */
  archiveSignatures?: Map<string, { size: number; mtimeMs: number }>;
  /** Default true. When false, archives are recorded as files only (no listings). */
  listArchives?: boolean;
  /** Per-archive listing limit for 7-Zip; default 30 s. */
  archiveTimeoutMs?: number;
}

/**
 * Rejects only when the root itself cannot be opened (missing, not a folder, unreadable): a store must not take an
 * empty result for "everything was deleted". Every other problem is a warning in the result.
 */
export async function scanRoot(rootPath: string, options: ScanOptions = {}): Promise<ScanResult> {
  const started = performance.now();
  const { signal } = options;
  const progress = throttle(options.onProgress, 100);
  const counts: ScanProgress = { phase: 'crawl', files: 0, folders: 0, archives: 0, variants: 0, warnings: 0 };

  const crawled = await crawl(rootPath, {
    exclude: options.exclude,
    signal,
    onProgress: (p) => progress.report({ ...counts, ...p }),
  });
  const crawlMs = Math.round(performance.now() - started);
  const warnings: ScanWarning[] = crawled.warnings;
  const files: ScannedFile[] = crawled.files;
  Object.assign(counts, { files: files.length, folders: crawled.folders, warnings: warnings.length });

  const archives: ArchiveListing[] = [];
  let cancelled = crawled.cancelled;
  if (!cancelled && options.listArchives !== false) {
    counts.phase = 'archives';
    const entries: ScannedFile[] = [];
    const base = rootPath.endsWith(sep) ? rootPath : rootPath + sep;
    for (const f of crawled.files) {
      if (f.kind !== 'archive') continue;
      if (signal?.aborted) {
        cancelled = true;
        break;
      }
      const stored = options.archiveSignatures?.get(f.relPath);
      if (stored && stored.size === f.size && stored.mtimeMs === f.mtimeMs) {
        archives.push({ archivePath: f.relPath, status: 'unchanged', entries: [] });
      } else if (f.relPath.includes('\uFFFD')) {
        // The crawler keeps no raw bytes for names that are not UTF-8, so such an archive cannot be reopened.
        archives.push({ archivePath: f.relPath, status: 'unsupported', entries: [] });
        warnings.push({ relPath: f.relPath, code: 'archive_unsupported', message: 'archive path is not valid UTF-8; not listed' });
      } else {
        const read = await listArchive(base + f.relPath.split('/').join(sep), f.relPath, { timeoutMs: options.archiveTimeoutMs });
        archives.push({ archivePath: f.relPath, status: read.status, entries: read.entries });
        for (const e of read.entries) entries.push(e);
        if (read.warning) warnings.push({ relPath: f.relPath, ...read.warning });
      }
      counts.archives = archives.length;
      counts.warnings = warnings.length;
      progress.report({ ...counts });
    }
    for (const e of entries) files.push(e);
  }

  counts.phase = 'group';
  const variants = groupVariants(files);
  counts.variants = variants.length;
  progress.report({ ...counts });
  progress.flush();
  return {
    rootPath,
    files,
    archives,
    variants,
    warnings,
    cancelled,
    crawlMs,
  };
}
