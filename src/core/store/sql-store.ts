// LibraryStore on sql.js, in-process. The CLI uses it directly; the worker thread wraps it for the extension.
// The whole database lives in memory; `save()` writes it atomically (persist.ts). Overrides and reverts are also
// appended to the edit journal before they commit (edit-journal.ts), so they are durable without a full save.
// Modules that need their own tables (normalization, overrides) reach the sql.js Database through `store.db` and add
// migrations.
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, renameSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Database } from 'sql.js';
import type { FileKind, ScanResult, ScanWarning } from '../scan/types';
import { applyScanToDb, emptyKinds } from './apply-scan';
import { loadSqlJs } from './sql-wasm';
import { migrate, NewerSchemaError } from './migrations';
import { backupPath, moveAside, readDbFile, removeStaleTemps, writeFileAtomic } from './persist';
import { listChildren } from './tree-query';
import { listAudit, revertAudit, type AuditEntry } from './audit';
import { exportRows, type ExportRow } from './export';
import { facetCounts, filterVariants, type FacetCounts, type FacetFilter, type FilteredVariant } from './facets';
import { applyOverrides, fieldChoices, newEditContext, type EditContext, type OverrideRequest, type OverrideResult, type VocabChoices } from './overrides';
import { appendJournal, journalPath, journalRequest, moveJournalAside, truncateJournal, type JournalOp } from './edit-journal';
import { replayJournal, type ReplayReport } from './journal-replay';
import { fileId, journalSeq, writeMeta } from './store-meta';
import { searchVariants, type SearchResult } from './search';
import { refreshSearchIndex } from './search-index';
import { FIELD_BY_NAME, enumLabel, treeEffective, type FieldValue } from './effective';
import { variantDetail, type VariantDetail } from './variant-detail';
import { joinRel } from './rel-path';
import { inTransaction } from './transaction';
import type {
  LibraryRoot,
  LibraryStats,
  LibraryStore,
  Page,
  ScanSummary,
  FieldChoice,
  StoreOpenReport,
  TreeNode,
  VariantFile,
  VariantRow,
} from './types';

export class StoreClosedError extends Error {
  constructor() {
    super('the library database is closed');
    this.name = 'StoreClosedError';
  }
}

export class UnknownRootError extends Error {
  constructor(readonly rootId: number) {
    super(`no library root with id ${rootId}`);
    this.name = 'UnknownRootError';
  }
}

export class MigrationError extends Error {
  constructor(readonly path: string, cause: unknown) {
    super(`cannot bring ${path} up to the current schema: ${cause instanceof Error ? cause.message : String(cause)} (the file was not changed)`);
    this.name = 'MigrationError';
  }
}

export class ApplyInProgressError extends Error {
  constructor(readonly rootId: number) {
    super(`a scan of root ${rootId} is already being stored`);
    this.name = 'ApplyInProgressError';
  }
}

type SqlValue = string | number | null | Uint8Array;

export class SqlStore implements LibraryStore {
  private closed = false;
  private dirty = false;
  /** Changes the edit journal does not hold (scan, normalization, roots, migrations): saved in full before the next
   *  journaled edit, so the journal only ever extends the file on disk. */
  private unjournaled = false;
  private saveTimer: NodeJS.Timeout | undefined;
  private readonly applying = new Set<number>();
  private vocab: VocabChoices | null = null;
  /** Called after each successful save (tests, status bar). */
  onSaved: ((ms: number) => void) | undefined;

  private constructor(
    /** The sql.js database, for store modules that own further tables. Do not export/close it yourself. */
    readonly db: Database,
    readonly path: string | null,
    readonly openReport: StoreOpenReport,
  ) {}

  /**
   * Opens (or creates) the database at `path` (null = in memory, never saved). A file that does not open as a
   * database of a known schema is moved to `<path>.corrupt-<time>` and an empty database is started; the report
   * says so. A file from a newer schema throws NewerSchemaError and is left untouched.
   */
  static async open(path: string | null): Promise<SqlStore> {
    const SQL = await loadSqlJs();
    const abs = path === null ? null : resolve(path);
    if (abs === null) {
      const db = new SQL.Database();
      const n = migrate(db);
      db.exec('PRAGMA foreign_keys = ON');
      return new SqlStore(db, null, { path: null, created: true, migrationsApplied: n, corrupt: null, journalReplayed: 0, journalWarnings: [] });
    }
    removeStaleTemps(abs);
    const bytes = readDbFile(abs);
    let corrupt: StoreOpenReport['corrupt'] = null;
    const journalWarnings: string[] = [];
    if (bytes) {
      let db: Database | undefined;
      try {
        db = new SQL.Database(bytes);
        const check = db.exec('PRAGMA quick_check')[0]?.values[0]?.[0];
        if (check !== 'ok') throw new Error(`integrity check failed: ${String(check)}`);
      } catch (err) {
        db?.close();
        db = undefined;
        const reason = err instanceof Error ? err.message : String(err);
        const movedTo = moveAside(abs);
        corrupt = { movedTo, reason, backupPath: existsSync(backupPath(abs)) ? backupPath(abs) : null };
        // its journal extends the bad file: never replay it onto the empty one (nor onto a restored backup)
        const kept = moveJournalAside(journalPath(abs));
        if (kept) journalWarnings.push(`the edit journal of the unreadable file was kept as ${kept} and not replayed`);
      }
      if (db) {
        // a sound SQLite file that cannot be migrated (newer schema, foreign tables, a migration bug) is left
        // exactly where it is: refusing is safer than setting the user's library aside
        let n: number;
        try {
          n = migrate(db);
        } catch (err) {
          db.close();
          if (err instanceof NewerSchemaError) throw err;
          throw new MigrationError(abs, err);
        }
        db.exec('PRAGMA foreign_keys = ON');
        let replay: ReplayReport;
        try {
          replay = replayJournal(db, abs);
        } catch (err) {
          db.close();
          throw err;
        }
        const store = new SqlStore(db, abs, {
          path: abs,
          created: false,
          migrationsApplied: n,
          corrupt: null,
          journalReplayed: replay.replayed,
          journalWarnings: replay.warnings,
        });
        if (n > 0) store.changed();
        if (replay.replayed > 0) store.dirty = true;
        return store;
      }
    }
    if (!corrupt) {
      const kept = moveJournalAside(journalPath(abs));
      if (kept) journalWarnings.push(`an edit journal without its database file was kept as ${kept} and not replayed`);
    }
    const db = new SQL.Database();
    const n = migrate(db);
    db.exec('PRAGMA foreign_keys = ON');
    const store = new SqlStore(db, abs, { path: abs, created: true, migrationsApplied: n, corrupt, journalReplayed: 0, journalWarnings });
    store.changed();
    return store;
  }

  private live(): Database {
    if (this.closed) throw new StoreClosedError();
    return this.db;
  }

  private rows(sql: string, params: SqlValue[] = []): SqlValue[][] {
    return this.live().exec(sql, params)[0]?.values ?? [];
  }

  private scalar(sql: string, params: SqlValue[] = []): number {
    return Number(this.rows(sql, params)[0]?.[0] ?? 0);
  }

  /** Marks the database changed by a writer outside the store (normalization); the owner decides when to save
   *  (scheduleSave / save). Such changes are not journaled: the next override saves the whole file first. */
  markDirty(): void {
    this.changed();
  }

  private changed(): void {
    this.dirty = true;
    this.unjournaled = true;
  }

  get isDirty(): boolean {
    return this.dirty;
  }

  async addRoot(path: string): Promise<LibraryRoot> {
    const abs = resolve(path);
    const db = this.live();
    const existing = this.rows('SELECT id, path, added_at, last_scan_at FROM library_root WHERE path = ?', [abs])[0];
    if (existing) return toRoot(existing);
    db.run('INSERT INTO library_root (path, added_at) VALUES (?, ?)', [abs, new Date().toISOString()]);
    this.changed();
    return toRoot(this.rows('SELECT id, path, added_at, last_scan_at FROM library_root WHERE path = ?', [abs])[0]);
  }

  async removeRoot(id: number): Promise<void> {
    const db = this.live();
    inTransaction(db, () => {
      // explicit order: files reference each other (archive entries), variants reference dirs
      db.run('DELETE FROM file WHERE root_id = ?', [id]);
      db.run('DELETE FROM variant WHERE root_id = ?', [id]);
      db.run('DELETE FROM dir WHERE root_id = ?', [id]);
      db.run('DELETE FROM library_root WHERE id = ?', [id]);
    });
    this.changed();
  }

  async listRoots(): Promise<LibraryRoot[]> {
    return this.rows('SELECT id, path, added_at, last_scan_at FROM library_root ORDER BY id').map(toRoot);
  }

  async applyScan(rootId: number, result: ScanResult): Promise<ScanSummary> {
    const db = this.live();
    const root = this.rows('SELECT path FROM library_root WHERE id = ?', [rootId])[0];
    if (!root) throw new UnknownRootError(rootId);
    if (this.applying.has(rootId)) throw new ApplyInProgressError(rootId);
    this.applying.add(rootId);
    const started = new Date();
    const t0 = performance.now();
    try {
      const s = applyScanToDb(db, rootId, result, started.toISOString());
      const seconds = (performance.now() - t0) / 1000;
      const finished = new Date().toISOString();
      // the run log and last_scan_at are bookkeeping, not library data: they are not counted in `writes`
      db.run(
        `INSERT INTO scan_run (root_id, started_at, finished_at, status, files, archive_entries, variants, added, changed,
           removed, variants_missing, warnings, writes, seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [rootId, started.toISOString(), finished, s.cancelled ? 'cancelled' : 'completed', s.files, s.archiveEntries, s.variants,
          s.added, s.changed, s.removed, s.variantsMissing, s.warnings, s.writes, seconds],
      );
      db.run('UPDATE library_root SET last_scan_at = ? WHERE id = ?', [finished, rootId]);
      this.changed();
      return { ...s, rootPath: root[0] as string, seconds };
    } finally {
      this.applying.delete(rootId);
    }
  }

  async archiveSignatures(rootId: number): Promise<Map<string, { size: number; mtimeMs: number }>> {
    const out = new Map<string, { size: number; mtimeMs: number }>();
    const rows = this.rows(
      `SELECT d.rel_path, f.name, f.size, f.mtime_ms FROM file f JOIN dir d ON d.id = f.dir_id
       WHERE f.root_id = ? AND f.kind = 'archive' AND f.archive_file_id IS NULL`,
      [rootId],
    );
    for (const [dir, name, size, mtimeMs] of rows) out.set(joinRel(dir as string, name as string), { size: size as number, mtimeMs: mtimeMs as number });
    return out;
  }

  async listChildren(rootId: number, folderRelPath: string, offset: number, limit: number): Promise<Page<TreeNode>> {
    const page = listChildren(this.live(), rootId, folderRelPath, offset, limit);
    // effective values (override ?? auto) for the labels
    const ids = page.items.flatMap((n) => (n.type === 'variant' ? [n.id] : []));
    const eff = treeEffective(this.db, ids);
    for (const n of page.items) if (n.type === 'variant') Object.assign(n, eff.get(n.id));
    return page;
  }

  async listVariants(offset: number, limit: number): Promise<Page<VariantRow>> {
    const total = this.scalar('SELECT count(*) FROM variant');
    const items = this.rows(
      `SELECT v.id, v.root_id, r.path, d.rel_path, v.file_count, v.size_bytes, v.missing
       FROM variant v JOIN dir d ON d.id = v.dir_id JOIN library_root r ON r.id = v.root_id
       ORDER BY v.root_id, d.rel_path LIMIT ? OFFSET ?`,
      [limit, offset],
    ).map((r) => ({
      id: r[0] as number,
      rootId: r[1] as number,
      rootPath: r[2] as string,
      relPath: r[3] as string,
      fileCount: r[4] as number,
      sizeBytes: r[5] as number,
      missing: r[6] === 1,
    }));
    return { items, total };
  }

  async getVariantFiles(variantId: number): Promise<VariantFile[]> {
    return this.rows(
      `SELECT f.id, d.rel_path, f.name, a.id, ad.rel_path, a.name, f.inner_path, f.size, f.mtime_ms, f.ext, f.kind
       FROM file f LEFT JOIN dir d ON d.id = f.dir_id
         LEFT JOIN file a ON a.id = f.archive_file_id LEFT JOIN dir ad ON ad.id = a.dir_id
       WHERE f.variant_id = ? ORDER BY f.id`,
      [variantId],
    ).map((r) => {
      const archivePath = r[3] === null ? null : joinRel(r[4] as string, r[5] as string);
      return {
        id: r[0] as number,
        relPath: archivePath === null ? joinRel(r[1] as string, r[2] as string) : `${archivePath}/${r[6] as string}`,
        size: r[7] as number,
        mtimeMs: r[8] as number,
        ext: r[9] as string,
        kind: r[10] as FileKind,
        archivePath,
      };
    });
  }

  async listWarnings(rootId: number, offset: number, limit: number): Promise<Page<ScanWarning>> {
    const total = this.scalar('SELECT count(*) FROM scan_warning WHERE root_id = ?', [rootId]);
    const items = this.rows('SELECT rel_path, code, message FROM scan_warning WHERE root_id = ? ORDER BY id LIMIT ? OFFSET ?', [
      rootId,
      limit,
      offset,
    ]).map((r) => ({ relPath: r[0] as string, code: r[1] as ScanWarning['code'], message: r[2] as string }));
    return { items, total };
  }

  async stats(): Promise<LibraryStats> {
    // one pass over the files, by kind: on-disk files, archive entries, on-disk bytes
    const kinds = emptyKinds();
    let files = 0;
    let entries = 0;
    let archives = 0;
    let bytes = 0;
    for (const [kind, n, onDisk, size] of this.rows(
      'SELECT kind, count(*), sum(archive_file_id IS NULL), sum(CASE WHEN archive_file_id IS NULL THEN size ELSE 0 END) FROM file GROUP BY kind',
    )) {
      kinds[kind as FileKind] = n as number;
      files += Number(onDisk ?? 0);
      entries += (n as number) - Number(onDisk ?? 0);
      if (kind === 'archive') archives = Number(onDisk ?? 0);
      bytes += Number(size ?? 0);
    }
    const [variants, missing] = this.rows('SELECT count(*), sum(missing = 1) FROM variant')[0] ?? [];
    return {
      roots: this.scalar('SELECT count(*) FROM library_root'),
      variants: Number(variants ?? 0),
      variantsMissing: Number(missing ?? 0),
      files,
      archiveEntries: entries,
      archives,
      totalBytes: bytes,
      kinds,
      warnings: this.scalar('SELECT count(*) FROM scan_warning'),
    };
  }

  async getVariantDetail(variantId: number): Promise<VariantDetail | null> {
    const detail = variantDetail(this.live(), variantId);
    if (!detail) return detail;
    const labelled = detail.fields.map((f) => {
      const name = this.valueNamer(f.field);
      return name ? { ...f, autoLabel: name(f.auto), effectiveLabel: name(f.effective) } : f;
    });
    return { ...detail, fields: labelled };
  }

  /** How a field's values read: enum labels, or vocabulary display names (undefined for other fields). */
  private valueNamer(field: string): ((v: FieldValue) => string | null) | undefined {
    const type = FIELD_BY_NAME.get(field)?.type;
    const vocab = this.vocab;
    if (type?.kind === 'enum') return (v) => (typeof v === 'string' ? enumLabel(v) : null);
    if (type?.kind === 'vocab' && vocab) return (v) => (typeof v === 'string' ? (vocab[type.domain].get(v) ?? null) : null);
    return undefined;
  }

  async applyOverrides(request: OverrideRequest): Promise<OverrideResult> {
    return this.journaled({ op: 'override', request: journalRequest(request) }, (ctx) => applyOverrides(this.db, request, this.vocab, ctx));
  }

  async listAudit(variantId: number, offset: number, limit: number): Promise<Page<AuditEntry>> {
    const page = listAudit(this.live(), variantId, offset, limit);
    const items = page.items.map((e) => {
      const name = this.valueNamer(e.field);
      return name ? { ...e, oldLabel: name(e.oldValue), newLabel: name(e.newValue) } : e;
    });
    return { ...page, items };
  }

  async revertAudit(target: { entryId: number } | { batchId: string }): Promise<OverrideResult> {
    return this.journaled({ op: 'revert', target, actor: 'user' }, (ctx) => revertAudit(this.db, target, 'user', ctx));
  }

  /**
   * Runs an edit so that it is durable when it returns: BEGIN → writes → journal seq in the database → line appended
   * to the journal and fsynced → COMMIT. A failed append rolls the edit back. An edit that changed nothing is not
   * journaled. In-memory stores have no journal. An edit that changed something marks the store dirty and
   * re-indexes the variants it touched.
   */
  private journaled(op: JournalOp, run: (ctx: EditContext) => OverrideResult): OverrideResult {
    const r = run(this.editContext(op));
    if (r.entries > 0) {
      this.dirty = true;
      refreshSearchIndex(this.db);
    }
    return r;
  }

  /** The context an edit runs in: for a file-backed store, one that journals it before COMMIT. */
  private editContext(op: JournalOp): EditContext {
    const db = this.live();
    if (this.path === null) return newEditContext();
    if (this.unjournaled || fileId(db) === null) this.saveNow();
    const file = fileId(db);
    if (file === null) throw new Error('the database has no file id after a save');
    const seq = journalSeq(db) + 1;
    const path = journalPath(this.path);
    const ctx: EditContext = {
      ...newEditContext(),
      beforeCommit: (entries) => {
        if (entries === 0) return;
        writeMeta(db, 'journal_seq', seq);
        appendJournal(path, { ...op, seq, file, batchId: ctx.batchId, at: ctx.at });
      },
    };
    return ctx;
  }

  async setVocabulary(choices: VocabChoices | null): Promise<void> {
    this.vocab = choices;
  }

  async fieldChoices(field: string, query: string, limit: number): Promise<FieldChoice[]> {
    refreshSearchIndex(this.live());
    return fieldChoices(this.db, this.vocab, field, query, limit);
  }

  async searchVariants(text: string, limit: number): Promise<SearchResult> {
    return searchVariants(this.live(), text, limit);
  }

  async facetCounts(filter: FacetFilter): Promise<FacetCounts> {
    return facetCounts(this.live(), filter);
  }

  async filterVariants(filter: FacetFilter, offset: number, limit: number): Promise<Page<FilteredVariant>> {
    return filterVariants(this.live(), filter, offset, limit);
  }

  async exportRows(): Promise<ExportRow[]> {
    return exportRows(this.live());
  }

  /** Writes the database to its file atomically when anything changed since the last save (never for an in-memory
   *  store; `saveNow` writes regardless). Never called inside a transaction. */
  async save(): Promise<boolean> {
    if (!this.dirty || this.path === null) return false;
    this.saveNow();
    return true;
  }

  saveNow(): void {
    const db = this.live();
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (this.path === null) return;
    const t0 = performance.now();
    // a new id per saved generation: a journal names the file it extends, so it is never replayed onto another
    // (a restored backup, an older copy)
    const previousId = fileId(db);
    writeMeta(db, 'file_id', randomUUID());
    try {
      writeFileAtomic(this.path, db.export());
    } catch (err) {
      if (previousId === null) db.run("DELETE FROM store_meta WHERE key = 'file_id'");
      else writeMeta(db, 'file_id', previousId);
      throw err;
    }
    try {
      truncateJournal(journalPath(this.path));
    } catch {
      // harmless: every line left has a seq the saved file already holds, and open skips those
    }
    this.dirty = false;
    this.unjournaled = false;
    this.onSaved?.(performance.now() - t0);
  }

  /** Debounced save: saves `delayMs` after the last call, when anything changed. Errors go to `onError`. */
  scheduleSave(delayMs = 2000, onError: (err: unknown) => void = () => undefined): void {
    if (this.closed || this.path === null) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      try {
        if (this.dirty && !this.closed) this.saveNow();
      } catch (err) {
        onError(err);
      }
    }, delayMs);
    this.saveTimer.unref?.();
  }

  /** Frees the database without saving (after a failed open, or to drop changes). */
  discard(): void {
    if (this.closed) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.closed = true;
    this.db.close();
  }

  /** Saves when anything changed, then frees the database. */
  async close(): Promise<void> {
    if (this.closed) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    try {
      if (this.dirty && this.path !== null) this.saveNow();
    } finally {
      this.closed = true;
      this.db.close();
    }
  }
}

function toRoot(r: SqlValue[]): LibraryRoot {
  return { id: r[0] as number, path: r[1] as string, addedAt: r[2] as string, lastScanAt: r[3] as string | null };
}

/**
 * Puts `<db>.bak` back as `<db>` (the store must be closed). An existing `<db>` is first moved to
 * `<db>.replaced-<time>` and its edit journal to `<db>.journal.corrupt-<time>`, so nothing is lost. Returns where
 * they went, if anywhere.
 */
export function restoreBackup(dbPath: string): { movedAside: string | null; journalMovedAside: string | null } {
  const abs = resolve(dbPath);
  const bak = backupPath(abs);
  if (!existsSync(bak)) throw new Error(`no backup to restore: ${bak} does not exist`);
  let movedAside: string | null = null;
  if (existsSync(abs)) {
    movedAside = `${abs}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(abs, movedAside);
  }
  // the journal extends the replaced file, not the backup
  const journalMovedAside = moveJournalAside(journalPath(abs));
  const tmp = `${abs}.tmp-restore-${process.pid}`;
  copyFileSync(bak, tmp);
  renameSync(tmp, abs);
  return { movedAside, journalMovedAside };
}
