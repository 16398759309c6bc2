// Diffs one ScanResult against the rows stored for its root and writes only what changed.
// Rules (docs/store.md "Rescan"): unchanged size+mtime = no write; a variant whose files all vanished is marked
// missing and keeps its rows (files, overrides); a cancelled scan never removes or marks missing; a scan that found
// no files at all is treated as an unavailable root: variants are marked missing, nothing is deleted.
import type { Database, Statement } from 'sql.js';
import type { FileKind, ScanResult, ScannedFile, ScanWarning } from '../scan/types';
import type { ScanSummary } from './types';
import { DirIndex, nextRowId } from './dir-index';
import { BatchInsert } from './batch-insert';
import { joinRel, parentOf } from './rel-path';
import { dropFileIndexes, createFileIndexes } from './file-indexes';
import { recomputeAggregates } from './aggregates';
import { inTransaction } from './transaction';

interface StoredFile {
  id: number;
  size: number;
  mtimeMs: number;
  kind: FileKind;
  variantId: number | null;
  seen: boolean;
}

interface StoredVariant {
  id: number;
  missing: boolean;
  seen: boolean;
}

export const emptyKinds = (): Record<FileKind, number> => ({ model: 0, slicer: 0, image: 0, document: 0, archive: 0, other: 0 });

class Writer {
  writes = 0;
  private readonly stmts = new Map<string, Statement>();
  constructor(private readonly db: Database) {}

  run(sql: string, params: (string | number | null)[]): number {
    let stmt = this.stmts.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.stmts.set(sql, stmt);
    }
    stmt.run(params);
    const n = this.db.getRowsModified();
    this.writes += n;
    return n;
  }

  free(): void {
    for (const s of this.stmts.values()) s.free();
    this.stmts.clear();
  }
}

class StoredDirFiles {
  private readonly stmt: Statement;
  constructor(db: Database) {
    this.stmt = db.prepare('SELECT id, name, size, mtime_ms, variant_id FROM file WHERE dir_id = ? AND archive_file_id IS NULL');
  }
  /** The on-disk files stored directly in one folder, by name. */
  load(dirId: number): Map<string, StoredFile> {
    const m = new Map<string, StoredFile>();
    this.stmt.bind([dirId]);
    while (this.stmt.step()) {
      const r = this.stmt.get();
      m.set(r[1] as string, { id: r[0] as number, size: r[2] as number, mtimeMs: r[3] as number, kind: 'other', variantId: r[4] as number | null, seen: false });
    }
    this.stmt.reset();
    return m;
  }
  free(): void {
    this.stmt.free();
  }
}

/** Stored archive entries by archive file id, then inner path. */
function loadEntries(db: Database, rootId: number): Map<number, Map<string, StoredFile>> {
  const entries = new Map<number, Map<string, StoredFile>>();
  const stmt = db.prepare(
    'SELECT id, archive_file_id, inner_path, size, mtime_ms, kind, variant_id FROM file WHERE root_id = ? AND archive_file_id IS NOT NULL',
    [rootId],
  );
  try {
    while (stmt.step()) {
      const r = stmt.get();
      const archiveId = r[1] as number;
      let m = entries.get(archiveId);
      if (!m) entries.set(archiveId, (m = new Map()));
      m.set(r[2] as string, { id: r[0] as number, size: r[3] as number, mtimeMs: r[4] as number, kind: r[5] as FileKind, variantId: r[6] as number | null, seen: false });
    }
  } finally {
    stmt.free();
  }
  return entries;
}

/** Stored on-disk archive files by relPath (few rows), so unchanged folders need not be loaded to find them. */
function loadArchiveFiles(db: Database, rootId: number, dirs: DirIndex): Map<string, number> {
  const out = new Map<string, number>();
  const stmt = db.prepare("SELECT id, dir_id, name FROM file WHERE root_id = ? AND archive_file_id IS NULL AND kind = 'archive'", [rootId]);
  try {
    while (stmt.step()) {
      const [id, dirId, name] = stmt.get() as [number, number, string];
      out.set(joinRel(dirs.pathById.get(dirId) ?? '', name), id);
    }
  } finally {
    stmt.free();
  }
  return out;
}

/**
 * Signature of the on-disk files directly in one folder: count + two order-independent 32-bit sums of per-file
 * hashes over (name, size, mtime, variant). Stored in dir.files_sig; an equal signature on rescan means every file
 * of the folder is unchanged, so the folder's rows are neither read nor written.
 */
function folderSignature(list: ScannedFile[], nameStart: number, wantOf: (f: ScannedFile) => number | null): string {
  let a = 0;
  let b = 0;
  for (const f of list) {
    let h1 = 0x811c9dc5;
    let h2 = 0x1b873593;
    const p = f.relPath;
    for (let i = nameStart; i < p.length; i++) {
      const c = p.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    }
    const want = wantOf(f) ?? -1;
    for (let k = 0; k < 3; k++) {
      const n = k === 0 ? f.size : k === 1 ? f.mtimeMs : want;
      const lo = n % 0x100000000 | 0;
      const hi = Math.floor(n / 0x100000000) | 0;
      h1 = Math.imul(h1 ^ lo, 0x01000193) ^ Math.imul(hi, 0x27d4eb2d);
      h2 = Math.imul(h2 ^ hi, 0x5bd1e995) ^ Math.imul(lo, 0x165667b1);
      h2 ^= h2 >>> 13;
    }
    a = (a + h1) | 0;
    b = (b + h2) | 0;
  }
  return `${list.length}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`;
}

function loadVariants(db: Database, rootId: number): Map<string, StoredVariant> {
  const out = new Map<string, StoredVariant>();
  const stmt = db.prepare('SELECT v.id, d.rel_path, v.missing FROM variant v JOIN dir d ON d.id = v.dir_id WHERE v.root_id = ?', [rootId]);
  try {
    while (stmt.step()) {
      const [id, path, missing] = stmt.get() as [number, string, number];
      out.set(path, { id, missing: missing === 1, seen: false });
    }
  } finally {
    stmt.free();
  }
  return out;
}

const warningKey = (w: ScanWarning) => `${w.code}\u0000${w.relPath}\u0000${w.message}`;

export function applyScanToDb(db: Database, rootId: number, result: ScanResult, nowIso: string): Omit<ScanSummary, 'rootPath' | 'seconds'> {
  const storedCount = Number(db.exec('SELECT count(*) FROM file WHERE root_id = ?', [rootId])[0].values[0][0]);
  const bulk = storedCount === 0 && result.files.length > 1000;
  if (bulk) dropFileIndexes(db);
  // ids are assigned here and are consistent by construction; checking every insert's three foreign keys would
  // cost more than the insert (the pragma cannot change inside a transaction, so it is set around it)
  db.exec('PRAGMA foreign_keys = OFF');
  const w = new Writer(db);
  const insertVariant = new BatchInsert(db, 'INSERT INTO variant (id, root_id, dir_id, created_at, updated_at)', 5);
  const insertFile = new BatchInsert(db, 'INSERT INTO file (id, root_id, dir_id, name, size, mtime_ms, ext, kind, variant_id)', 9);
  const insertEntry = new BatchInsert(db, 'INSERT INTO file (id, root_id, archive_file_id, inner_path, size, mtime_ms, ext, kind, variant_id)', 9);
  const dirs = DirIndex.load(db, rootId);
  let fileId = nextRowId(db, 'file');
  let variantId = nextRowId(db, 'variant');
  const kinds = emptyKinds();
  let added = 0;
  let changed = 0;
  let unchanged = 0;
  let removed = 0;
  let files = 0;
  let archiveEntries = 0;
  let archives = 0;

  try {
    inTransaction(db, () => {
      const storedVariants = loadVariants(db, rootId);
      const dirsBefore = dirs.created;
      const preexistingDirs = new Set(dirs.sigById.keys());

      // 1. variants: insert new, revive missing ones that are back
      const variantIdByPath = new Map<string, number>();
      for (const g of result.variants) {
        const v = storedVariants.get(g.relPath);
        if (v) {
          v.seen = true;
          if (v.missing) w.run('UPDATE variant SET missing = 0, updated_at = ? WHERE id = ?', [nowIso, v.id]);
          variantIdByPath.set(g.relPath, v.id);
        } else {
          const id = variantId++;
          const dirId = dirs.ensure(g.relPath);
          insertVariant.add([id, rootId, dirId, nowIso, nowIso]);
          variantIdByPath.set(g.relPath, id);
        }
      }
      insertVariant.flush();
      const variantOfFile = new Map<string, number>();
      for (const g of result.variants) {
        const id = variantIdByPath.get(g.relPath)!;
        for (const f of g.files) variantOfFile.set(f, id);
      }

      // 2. on-disk files, folder by folder: a folder whose signature is unchanged costs no read and no write
      const storedEntries = loadEntries(db, rootId);
      const storedArchives = loadArchiveFiles(db, rootId, dirs);
      const dirFiles = new StoredDirFiles(db);
      const wantOf = (f: ScannedFile) => variantOfFile.get(f.relPath) ?? null;
      const byDir = new Map<string, ScannedFile[]>();
      const archiveFiles = new Map<string, { id: number; unchangedFile: boolean; variantId: number | null }>();
      const entriesByArchive = new Map<string, ScannedFile[]>();
      for (const f of result.files) {
        if (f.archivePath !== undefined) {
          let list = entriesByArchive.get(f.archivePath);
          if (!list) entriesByArchive.set(f.archivePath, (list = []));
          list.push(f);
          continue;
        }
        files++;
        kinds[f.kind]++;
        const dirPath = parentOf(f.relPath);
        let list = byDir.get(dirPath);
        if (!list) byDir.set(dirPath, (list = []));
        list.push(f);
        if (f.kind === 'archive') {
          archives++;
          const id = storedArchives.get(f.relPath);
          // provisional: corrected below for folders that are diffed
          if (id !== undefined) archiveFiles.set(f.relPath, { id, unchangedFile: true, variantId: wantOf(f) });
        }
      }
      /** Stored files not seen in the scan, with their folder: removal candidates, decided in step 4. */
      const leftovers: Array<[dirId: number, file: StoredFile]> = [];
      const newSigs: Array<[dirId: number, sig: string | null]> = [];
      for (const [dirPath, list] of byDir) {
        const nameStart = dirPath === '' ? 0 : dirPath.length + 1;
        const sig = folderSignature(list, nameStart, wantOf);
        const knownDir = dirs.get(dirPath);
        if (knownDir !== undefined && dirs.sigById.get(knownDir) === sig) {
          unchanged += list.length;
          continue;
        }
        const dirId = knownDir ?? dirs.ensure(dirPath);
        // a folder created in this apply (e.g. a variant's, in step 1) has no stored files to read
        const stored = knownDir !== undefined && preexistingDirs.has(knownDir) ? dirFiles.load(knownDir) : new Map<string, StoredFile>();
        for (const f of list) {
          const name = f.relPath.slice(nameStart);
          const want = wantOf(f);
          const old = stored.get(name);
          if (old) {
            old.seen = true;
            const same = old.size === f.size && old.mtimeMs === f.mtimeMs;
            if (!same) {
              w.run('UPDATE file SET size = ?, mtime_ms = ?, ext = ?, kind = ? WHERE id = ?', [f.size, f.mtimeMs, f.ext, f.kind, old.id]);
              changed++;
            } else unchanged++;
            if (old.variantId !== want) w.run('UPDATE file SET variant_id = ? WHERE id = ?', [want, old.id]);
            if (f.kind === 'archive' || storedEntries.has(old.id)) archiveFiles.set(f.relPath, { id: old.id, unchangedFile: same, variantId: want });
          } else {
            const id = fileId++;
            insertFile.add([id, rootId, dirId, name, f.size, f.mtimeMs, f.ext, f.kind, want]);
            added++;
            if (f.kind === 'archive') archiveFiles.set(f.relPath, { id, unchangedFile: false, variantId: want });
          }
        }
        let leftover = false;
        for (const old of stored.values()) {
          if (!old.seen) {
            leftovers.push([dirId, old]);
            leftover = true;
          }
        }
        // with leftovers (removed, or kept for a missing variant) the folder's rows differ from the scan: unknown
        newSigs.push([dirId, result.cancelled || leftover ? null : sig]);
      }
      // folders that held files and had none in this scan
      const unseenDirs: number[] = [];
      for (const [dirId, sig] of dirs.sigById) {
        if (sig === '' || byDir.has(dirs.pathById.get(dirId) ?? '')) continue;
        if (!preexistingDirs.has(dirId)) {
          newSigs.push([dirId, '']); // created in this apply as a variant's or a file's ancestor: holds no file
          continue;
        }
        const stored = dirFiles.load(dirId);
        if (stored.size === 0) {
          if (!result.cancelled) newSigs.push([dirId, '']);
          continue;
        }
        for (const old of stored.values()) leftovers.push([dirId, old]);
        unseenDirs.push(dirId);
      }
      dirFiles.free();
      insertFile.flush();

      // 3. archive entries: kept when the archive is unchanged, else diffed against the new listing.
      // An entry belongs to its archive's variant.
      const listingStatus = new Map(result.archives.map((a) => [a.archivePath, a.status]));
      for (const [archivePath, arch] of archiveFiles) {
        const status = listingStatus.get(archivePath);
        const hasEntries = entriesByArchive.has(archivePath);
        const old = storedEntries.get(arch.id);
        if (status === undefined && !hasEntries && !old) continue; // not an archive (or one with nothing inside)
        const keep = status === 'unchanged' || (status === undefined && !hasEntries && arch.unchangedFile);
        if (keep) {
          for (const e of old?.values() ?? []) {
            archiveEntries++;
            kinds[e.kind]++;
            if (e.variantId !== arch.variantId) w.run('UPDATE file SET variant_id = ? WHERE id = ?', [arch.variantId, e.id]);
          }
          continue;
        }
        for (const e of entriesByArchive.get(archivePath) ?? []) {
          archiveEntries++;
          kinds[e.kind]++;
          const inner = e.relPath.slice(archivePath.length + 1);
          const s = old?.get(inner);
          if (s) {
            s.seen = true;
            if (s.size !== e.size || s.mtimeMs !== e.mtimeMs) {
              w.run('UPDATE file SET size = ?, mtime_ms = ?, ext = ?, kind = ? WHERE id = ?', [e.size, e.mtimeMs, e.ext, e.kind, s.id]);
            }
            if (s.variantId !== arch.variantId) w.run('UPDATE file SET variant_id = ? WHERE id = ?', [arch.variantId, s.id]);
          } else {
            insertEntry.add([fileId++, rootId, arch.id, inner, e.size, e.mtimeMs, e.ext, e.kind, arch.variantId]);
          }
        }
        for (const s of old?.values() ?? []) if (!s.seen) w.run('DELETE FROM file WHERE id = ?', [s.id]);
      }

      insertEntry.flush();

      // 4. removals and missing variants (never on a cancelled scan)
      if (!result.cancelled) {
        const rootUnavailable = result.files.length === 0;
        const missingIds = new Set<number>();
        for (const v of storedVariants.values()) {
          if (v.seen) continue;
          if (!v.missing) w.run('UPDATE variant SET missing = 1, updated_at = ? WHERE id = ?', [nowIso, v.id]);
          missingIds.add(v.id);
        }
        if (!rootUnavailable) {
          const dirsWithRemovals = new Set<number>();
          const dirsWithKept = new Set<number>();
          for (const [dirId, s] of leftovers) {
            if (s.variantId !== null && missingIds.has(s.variantId)) {
              dirsWithKept.add(dirId); // kept with its missing variant
              continue;
            }
            w.run('DELETE FROM file WHERE archive_file_id = ?', [s.id]);
            w.run('DELETE FROM file WHERE id = ?', [s.id]);
            dirsWithRemovals.add(dirId);
            removed++;
          }
          // an unseen folder whose files all went holds none now; one that kept all its files (a missing variant's)
          // keeps its signature, which still describes its rows; a mix is unknown
          for (const dirId of unseenDirs) {
            if (!dirsWithKept.has(dirId)) newSigs.push([dirId, '']);
            else if (dirsWithRemovals.has(dirId)) newSigs.push([dirId, null]);
          }
        }
      }
      for (const [dirId, sig] of newSigs) {
        if (dirs.sigById.get(dirId) !== sig) w.run('UPDATE dir SET files_sig = ? WHERE id = ?', [sig, dirId]);
      }

      // 5. warnings: the stored set becomes the scan's set (a cancelled scan only adds)
      const stmtW = db.prepare('SELECT id, rel_path, code, message FROM scan_warning WHERE root_id = ?', [rootId]);
      const storedWarnings = new Map<string, number[]>();
      while (stmtW.step()) {
        const [id, relPath, code, message] = stmtW.get() as [number, string, string, string];
        const k = warningKey({ relPath, code: code as ScanWarning['code'], message });
        storedWarnings.set(k, [...(storedWarnings.get(k) ?? []), id]);
      }
      stmtW.free();
      const newWarnings = dedupe(result.warnings);
      for (const warn of newWarnings) {
        const k = warningKey(warn);
        const ids = storedWarnings.get(k);
        if (ids?.length) {
          ids.shift();
          if (!ids.length) storedWarnings.delete(k);
        } else {
          w.run('INSERT INTO scan_warning (root_id, rel_path, code, message) VALUES (?, ?, ?, ?)', [rootId, warn.relPath, warn.code, warn.message]);
        }
      }
      if (!result.cancelled) for (const ids of storedWarnings.values()) for (const id of ids) w.run('DELETE FROM scan_warning WHERE id = ?', [id]);

      w.writes += dirs.created - dirsBefore + insertVariant.rows + insertFile.rows + insertEntry.rows;
      if (w.writes > 0) w.writes += recomputeAggregates(db, rootId, storedCount > 0);
    });
  } finally {
    for (const x of [w, dirs, insertVariant, insertFile, insertEntry]) x.free();
    db.exec('PRAGMA foreign_keys = ON');
    if (bulk) createFileIndexes(db);
  }

  const variantsMissing = Number(db.exec('SELECT count(*) FROM variant WHERE root_id = ? AND missing = 1', [rootId])[0].values[0][0]);
  return {
    rootId,
    files,
    archiveEntries,
    archives,
    variants: result.variants.length,
    kinds,
    warnings: result.warnings.length,
    added,
    changed,
    removed,
    unchanged,
    variantsMissing,
    writes: w.writes,
    cancelled: result.cancelled,
  };
}

function dedupe(list: ScanWarning[]): ScanWarning[] {
  const seen = new Set<string>();
  return list.filter((x) => !seen.has(warningKey(x)) && Boolean(seen.add(warningKey(x))));
}
