// The `dir` rows of one root held in memory during an apply: relPath -> id, creating missing ancestors on demand.
import type { Database, Statement } from 'sql.js';
import { nameOf, parentOf } from './rel-path';

/** Ids are assigned by the writer (max + 1) so bulk inserts need no last_insert_rowid round trip. */
export function nextRowId(db: Database, table: 'dir' | 'file' | 'variant'): number {
  const v = db.exec(`SELECT coalesce(max(id), 0) + 1 FROM ${table}`)[0].values[0][0];
  return Number(v);
}

export class DirIndex {
  private readonly idByPath = new Map<string, number>();
  readonly pathById = new Map<number, string>();
  /** files_sig per dir id (see apply-scan.ts); null = unknown. */
  readonly sigById = new Map<number, string | null>();
  private insert: Statement | undefined;
  private nextId = 1;
  created = 0;

  private constructor(
    private readonly db: Database,
    private readonly rootId: number,
  ) {}

  static load(db: Database, rootId: number): DirIndex {
    const index = new DirIndex(db, rootId);
    index.nextId = nextRowId(db, 'dir');
    const stmt = db.prepare('SELECT id, rel_path, files_sig FROM dir WHERE root_id = ?', [rootId]);
    try {
      while (stmt.step()) {
        const [id, path, sig] = stmt.get() as [number, string, string | null];
        index.idByPath.set(path, id);
        index.pathById.set(id, path);
        index.sigById.set(id, sig);
      }
    } finally {
      stmt.free();
    }
    return index;
  }

  get(relPath: string): number | undefined {
    return this.idByPath.get(relPath);
  }

  ensure(relPath: string): number {
    const known = this.idByPath.get(relPath);
    if (known !== undefined) return known;
    const parentId = relPath === '' ? null : this.ensure(parentOf(relPath));
    this.insert ??= this.db.prepare('INSERT INTO dir (id, root_id, parent_id, rel_path, name) VALUES (?, ?, ?, ?, ?)');
    const id = this.nextId++;
    this.insert.run([id, this.rootId, parentId, relPath, nameOf(relPath)]);
    this.idByPath.set(relPath, id);
    this.pathById.set(id, relPath);
    this.sigById.set(id, null);
    this.created++;
    return id;
  }

  free(): void {
    this.insert?.free();
    this.insert = undefined;
  }
}
