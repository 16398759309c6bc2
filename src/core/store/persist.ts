// Crash-safe persistence of the in-memory sql.js database to one file.
// Save: write `<db>.tmp-<pid>` in the same folder, fsync it, move the current file to `<db>.bak`, rename the temp
// over `<db>`, fsync the folder. A kill at any moment leaves `<db>` either the old or the new complete file (or, in
// the instant between the two renames, no `<db>` but an intact `<db>.bak`, which open falls back to).
import { closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const backupPath = (dbPath: string): string => `${dbPath}.bak`;

export function writeFileAtomic(dbPath: string, bytes: Uint8Array): void {
  const dir = dirname(dbPath);
  mkdirSync(dir, { recursive: true });
  const tmp = `${dbPath}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  try {
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (existsSync(dbPath)) {
    // keep the previous good file as .bak: hard-link it (atomic replace of any older .bak via a temp link)
    const bakTmp = `${backupPath(dbPath)}.tmp-${process.pid}`;
    try {
      if (existsSync(bakTmp)) unlinkSync(bakTmp);
      linkSync(dbPath, bakTmp);
      renameSync(bakTmp, backupPath(dbPath));
    } catch {
      // file systems without hard links: fall back to nothing lost but no .bak this time
    }
  }
  renameSync(tmp, dbPath);
  fsyncDir(dir);
}

export function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // not supported everywhere (Windows); the rename is still atomic
  }
}

/** Removes temp files left by a save that was killed (they are never read). */
export function removeStaleTemps(dbPath: string): void {
  const dir = dirname(dbPath);
  if (!existsSync(dir)) return;
  const prefixes = [`${basename(dbPath)}.tmp-`, `${basename(backupPath(dbPath))}.tmp-`];
  for (const f of readdirSync(dir)) {
    if (prefixes.some((p) => f.startsWith(p))) {
      try {
        unlinkSync(join(dir, f));
      } catch {
        // another process may own it
      }
    }
  }
}

export function readDbFile(dbPath: string): Uint8Array | null {
  return existsSync(dbPath) ? readFileSync(dbPath) : null;
}

/** A free `<path>.corrupt-<time>` name. */
export function corruptTarget(path: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let target = `${path}.corrupt-${stamp}`;
  for (let i = 1; existsSync(target); i++) target = `${path}.corrupt-${stamp}-${i}`;
  return target;
}

/** Moves a file that failed to open to `<db>.corrupt-<time>` so nothing is silently overwritten. */
export function moveAside(dbPath: string, now = new Date()): string {
  const target = corruptTarget(dbPath, now);
  renameSync(dbPath, target);
  return target;
}
