// Per-variant (file count, bytes, dominant kind) and per-folder subtree (variants, files, bytes) totals, kept on the
// rows so the tree can page through a folder of 20k variants without aggregating. Only differing rows are written.
import type { Database } from 'sql.js';
import type { FileKind } from '../scan/types';

/** Icon kind of a variant: the first kind present in this order. */
const kindPriority: FileKind[] = ['model', 'slicer', 'archive', 'image', 'document', 'other'];

/** Returns the number of rows written. */
export function recomputeAggregates(db: Database, rootId: number, prune: boolean): number {
  let writes = 0;
  interface V { dirId: number; files: number; bytes: number; kind: FileKind; oldFiles: number; oldBytes: number; oldKind: string }
  const variants = new Map<number, V>();
  let stmt = db.prepare('SELECT id, dir_id, file_count, size_bytes, kind FROM variant WHERE root_id = ?', [rootId]);
  while (stmt.step()) {
    const [id, dirId, files, bytes, kind] = stmt.get() as [number, number, number, number, string];
    variants.set(id, { dirId, files: 0, bytes: 0, kind: 'other', oldFiles: files, oldBytes: bytes, oldKind: kind });
  }
  stmt.free();
  const kindsOf = new Map<number, Set<FileKind>>();
  stmt = db.prepare(
    `SELECT variant_id, kind, count(*), sum(CASE WHEN archive_file_id IS NULL THEN size ELSE 0 END)
     FROM file WHERE root_id = ? AND variant_id IS NOT NULL GROUP BY variant_id, kind`,
    [rootId],
  );
  while (stmt.step()) {
    const [vid, kind, n, bytes] = stmt.get() as [number, FileKind, number, number];
    const v = variants.get(vid);
    if (!v) continue;
    v.files += n;
    v.bytes += bytes;
    let set = kindsOf.get(vid);
    if (!set) kindsOf.set(vid, (set = new Set()));
    set.add(kind);
  }
  stmt.free();
  const upd = db.prepare('UPDATE variant SET file_count = ?, size_bytes = ?, kind = ? WHERE id = ?');
  for (const [id, v] of variants) {
    const set = kindsOf.get(id);
    v.kind = kindPriority.find((k) => set?.has(k)) ?? 'other';
    if (v.files !== v.oldFiles || v.bytes !== v.oldBytes || v.kind !== v.oldKind) {
      upd.run([v.files, v.bytes, v.kind, id]);
      writes++;
    }
  }
  upd.free();

  interface D { parentId: number | null; variants: number; files: number; bytes: number; old: [number, number, number] }
  const dirs = new Map<number, D>();
  stmt = db.prepare('SELECT id, parent_id, variant_count, file_count, size_bytes FROM dir WHERE root_id = ?', [rootId]);
  while (stmt.step()) {
    const [id, parentId, vc, fc, sb] = stmt.get() as [number, number | null, number, number, number];
    dirs.set(id, { parentId, variants: 0, files: 0, bytes: 0, old: [vc, fc, sb] });
  }
  stmt.free();
  for (const v of variants.values()) {
    for (let d = dirs.get(v.dirId); d; d = d.parentId === null ? undefined : dirs.get(d.parentId)) {
      d.variants++;
      d.files += v.files;
      d.bytes += v.bytes;
    }
  }
  const updDir = db.prepare('UPDATE dir SET variant_count = ?, file_count = ?, size_bytes = ? WHERE id = ?');
  for (const [id, d] of dirs) {
    if (d.variants !== d.old[0] || d.files !== d.old[1] || d.bytes !== d.old[2]) {
      updDir.run([d.variants, d.files, d.bytes, id]);
      writes++;
    }
  }
  updDir.free();
  return prune ? writes + pruneEmptyDirs(db, rootId) : writes;
}

/** Deletes folders that hold no file, no variant and no sub-folder (the root's own row stays). */
function pruneEmptyDirs(db: Database, rootId: number): number {
  let total = 0;
  for (;;) {
    db.run(
      `DELETE FROM dir WHERE root_id = ? AND rel_path <> ''
         AND NOT EXISTS (SELECT 1 FROM file f WHERE f.dir_id = dir.id)
         AND NOT EXISTS (SELECT 1 FROM variant v WHERE v.dir_id = dir.id)
         AND NOT EXISTS (SELECT 1 FROM dir c WHERE c.parent_id = dir.id)`,
      [rootId],
    );
    const n = db.getRowsModified();
    total += n;
    if (n === 0) return total;
  }
}
