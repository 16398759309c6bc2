// The crawler: walks one library root read-only, stats every file, and turns every oddity into a warning.
// Folder reads and file stats share one queue with a fixed number of requests in flight (libuv runs them on its
// thread pool); this is what makes 200k stats take about as long as `find -printf` (see docs/scanning.md).
import * as fs from 'node:fs';
import { sep } from 'node:path';
import { throttle } from '../jobs/progress';
import { extensionOf, fileKind } from './file-kind';
import { excludeMatcher, isSkippedName } from './skip-rules';
import type { ScannedFile, ScanWarning, ScanWarningCode } from './types';

export interface CrawlOptions {
  exclude?: string[];
  signal?: AbortSignal;
  onProgress?: (p: CrawlProgress) => void;
  /** File-system requests in flight at once. */
  concurrency?: number;
}

export interface CrawlProgress {
  files: number;
  folders: number;
  warnings: number;
}

export interface CrawlResult {
  /** Sorted by relPath (code-unit order). */
  files: ScannedFile[];
  warnings: ScanWarning[];
  folders: number;
  cancelled: boolean;
}

/** A name of this many UTF-16 units or more is reported: many tools (and Windows) fail on such paths. */
export const LONG_NAME = 250;

type FsPath = string | Buffer;

const utf8 = new TextDecoder('utf-8', { fatal: true });
function isUtf8(bytes: Buffer): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function joinPath(parent: FsPath, name: string | Buffer): FsPath {
  if (typeof parent === 'string' && typeof name === 'string') return parent + sep + name;
  const p = typeof parent === 'string' ? Buffer.from(parent) : parent;
  const n = typeof name === 'string' ? Buffer.from(name) : name;
  return Buffer.concat([p, Buffer.from(sep), n]);
}

function isInside(child: string, parent: string): boolean {
  return child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep);
}

/** Resolves to the root's real path; rejects when the root itself cannot be listed (a scan must not go on then). */
async function openRoot(rootPath: string): Promise<string> {
  const real = await fs.promises.realpath(rootPath);
  const st = await fs.promises.stat(real);
  if (!st.isDirectory()) throw new Error(`not a folder: ${rootPath}`);
  await fs.promises.access(real, fs.constants.R_OK | fs.constants.X_OK);
  return real;
}

export async function crawl(rootPath: string, options: CrawlOptions = {}): Promise<CrawlResult> {
  const root = await openRoot(rootPath);
  const excluded = excludeMatcher(options.exclude);
  const signal = options.signal;
  const limit = options.concurrency ?? 48;
  const files: ScannedFile[] = [];
  const warnings: ScanWarning[] = [];
  let folders = 0;
  const progress = throttle(options.onProgress, 100);
  const report = () => progress.report({ files: files.length, folders, warnings: warnings.length });

  const warn = (relPath: string, code: ScanWarningCode, message: string) => {
    warnings.push({ relPath, code, message });
  };

  const queue: Array<() => void> = [];
  let inFlight = 0;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));

  const pump = () => {
    while (inFlight < limit && queue.length > 0 && !signal?.aborted) {
      inFlight++;
      queue.pop()!();
    }
    if (inFlight === 0 && (queue.length === 0 || signal?.aborted)) finish();
  };
  const release = () => {
    inFlight--;
    pump();
  };

  const statFile = (abs: FsPath, relPath: string, name: string) => {
    queue.push(() =>
      fs.stat(abs, (err, st) => {
        if (err) {
          fileError(err, relPath);
        } else if (st.isFile()) {
          const ext = extensionOf(name);
          files.push({ relPath, size: st.size, mtimeMs: Math.trunc(st.mtimeMs), ext, kind: fileKind(ext) });
          report();
        }
        release();
      }),
    );
  };

  const fileError = (err: NodeJS.ErrnoException, relPath: string) => {
    if (err.code === 'ENOENT') return; // removed while scanning: simply not there any more
    if (err.code === 'ENAMETOOLONG') warn(relPath, 'long_name', 'path too long for the file system to open');
    else warn(relPath, 'unreadable_file', `cannot read file information (${err.code ?? err.message})`);
  };

  const followLink = (abs: FsPath, relPath: string, parentAbs: FsPath) => {
    queue.push(() =>
      fs.realpath(abs, (err, real) => {
        if (err) {
          if (err.code === 'ENOENT') warn(relPath, 'broken_link', 'symbolic link to a missing target');
          else if (err.code === 'ELOOP') warn(relPath, 'symlink_loop', 'symbolic links that point at each other');
          else warn(relPath, 'unreadable_file', `cannot resolve symbolic link (${err.code ?? err.message})`);
          return release();
        }
        if (!isInside(real, root)) {
          warn(relPath, 'symlink_outside_root', `symbolic link leaves the library root (to ${real}); not followed`);
          return release();
        }
        // Inside the root the target is scanned at its real place, so the link is not followed; a folder link
        // to one of its own ancestors is reported because a crawler that followed it would never end.
        if (typeof parentAbs === 'string' && isInside(parentAbs, real)) {
          fs.stat(real, (_e, st) => {
            if (st?.isDirectory()) warn(relPath, 'symlink_loop', 'symbolic link to a folder that contains it');
            release();
          });
          return;
        }
        release();
      }),
    );
  };

  const readFolder = (abs: FsPath, relPath: string) => {
    queue.push(() =>
      fs.readdir(abs, { withFileTypes: true }, (err, entries) => {
        if (err) {
          if (err.code === 'ENAMETOOLONG') warn(relPath, 'long_name', 'path too long for the file system to open');
          else if (err.code !== 'ENOENT') warn(relPath, 'unreadable_folder', `cannot list folder (${err.code ?? err.message})`);
          return release();
        }
        if (entries.some((e) => e.name.includes('\uFFFD'))) {
          // Some name is not valid UTF-8: read again as bytes so those entries can still be opened.
          fs.readdir(abs, { withFileTypes: true, encoding: 'buffer' }, (err2, raw) => {
            if (err2) warn(relPath, 'unreadable_folder', `cannot list folder (${err2.code ?? err2.message})`);
            else for (const e of raw) visit(abs, relPath, e, e.name);
            release();
          });
          return;
        }
        for (const e of entries) visit(abs, relPath, e, e.name);
        release();
      }),
    );
  };

  const visit = (parentAbs: FsPath, parentRel: string, entry: fs.Dirent<string> | fs.Dirent<Buffer>, raw: string | Buffer) => {
    let name: string;
    let fsName: string | Buffer;
    if (typeof raw === 'string') {
      name = fsName = raw;
    } else if (isUtf8(raw)) {
      name = fsName = raw.toString('utf8');
    } else {
      name = raw.toString('utf8'); // invalid bytes become U+FFFD
      fsName = raw;
    }
    const isDir = entry.isDirectory();
    if (isSkippedName(name, isDir)) return;
    const relPath = parentRel ? `${parentRel}/${name}` : name;
    if (excluded?.(relPath)) return;
    if (typeof fsName !== 'string') {
      warn(relPath, 'non_utf8_name', `name is not valid UTF-8 (bytes ${fsName.toString('hex')}); shown with U+FFFD`);
    }
    if (name.length >= LONG_NAME) warn(relPath, 'long_name', `name is ${name.length} characters long`);
    const abs = joinPath(parentAbs, fsName);
    if (isDir) {
      folders++;
      readFolder(abs, relPath);
    } else if (entry.isFile()) {
      statFile(abs, relPath, name);
    } else if (entry.isSymbolicLink()) {
      followLink(abs, relPath, parentAbs);
    }
    // FIFOs, sockets and devices are not library files.
  };

  readFolder(root, '');
  pump();
  await done;
  progress.flush();
  files.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  return { files, warnings, folders, cancelled: signal?.aborted ?? false };
}
