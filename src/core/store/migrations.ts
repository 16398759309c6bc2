// Forward-only schema migrations. The database's version is `PRAGMA user_version` = number of migrations applied.
// To change the schema, APPEND a migration (never edit a released one). Each runs in its own transaction.
import type { Database } from 'sql.js';
import { inTransaction } from './transaction';

export interface Migration {
  /** 1-based; must equal its position in the array + 1. */
  version: number;
  name: string;
  up(db: Database): void;
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'library: roots, scan runs, dirs, variants, files, warnings, overrides, audit',
    up(db) {
      db.exec(`
        CREATE TABLE library_root (
          id INTEGER PRIMARY KEY,
          path TEXT NOT NULL UNIQUE,
          added_at TEXT NOT NULL,
          last_scan_at TEXT
        );
        CREATE TABLE scan_run (
          id INTEGER PRIMARY KEY,
          root_id INTEGER NOT NULL REFERENCES library_root(id) ON DELETE CASCADE,
          started_at TEXT NOT NULL,
          finished_at TEXT NOT NULL,
          status TEXT NOT NULL, -- completed | cancelled
          files INTEGER NOT NULL,
          archive_entries INTEGER NOT NULL,
          variants INTEGER NOT NULL,
          added INTEGER NOT NULL,
          changed INTEGER NOT NULL,
          removed INTEGER NOT NULL,
          variants_missing INTEGER NOT NULL,
          warnings INTEGER NOT NULL,
          writes INTEGER NOT NULL,
          seconds REAL NOT NULL
        );
        -- Every folder (and every archive, as the folder of its entries) that holds something, once; files store
        -- only their name and dir_id, so long path prefixes are not repeated per file. Aggregates cover the subtree.
        CREATE TABLE dir (
          id INTEGER PRIMARY KEY,
          root_id INTEGER NOT NULL REFERENCES library_root(id) ON DELETE CASCADE,
          parent_id INTEGER REFERENCES dir(id) ON DELETE CASCADE,
          rel_path TEXT NOT NULL, -- '' for the root
          name TEXT NOT NULL,
          variant_count INTEGER NOT NULL DEFAULT 0,
          file_count INTEGER NOT NULL DEFAULT 0,
          size_bytes INTEGER NOT NULL DEFAULT 0
        );
        CREATE UNIQUE INDEX dir_root_path ON dir(root_id, rel_path);
        CREATE INDEX dir_parent ON dir(parent_id);
        CREATE TABLE variant (
          id INTEGER PRIMARY KEY,
          root_id INTEGER NOT NULL REFERENCES library_root(id) ON DELETE CASCADE,
          dir_id INTEGER NOT NULL UNIQUE REFERENCES dir(id),
          missing INTEGER NOT NULL DEFAULT 0,
          file_count INTEGER NOT NULL DEFAULT 0,
          size_bytes INTEGER NOT NULL DEFAULT 0,
          kind TEXT NOT NULL DEFAULT 'other', -- dominant member kind
          version INTEGER NOT NULL DEFAULT 1, -- optimistic concurrency for edits
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );
        CREATE INDEX variant_root ON variant(root_id);
        -- On-disk files (dir_id + name) and archive entries (archive_file_id + inner_path).
        CREATE TABLE file (
          id INTEGER PRIMARY KEY,
          root_id INTEGER NOT NULL REFERENCES library_root(id) ON DELETE CASCADE,
          dir_id INTEGER REFERENCES dir(id),
          name TEXT,
          archive_file_id INTEGER REFERENCES file(id) ON DELETE CASCADE,
          inner_path TEXT,
          size INTEGER NOT NULL,
          mtime_ms INTEGER NOT NULL,
          ext TEXT NOT NULL,
          kind TEXT NOT NULL,
          variant_id INTEGER REFERENCES variant(id) ON DELETE SET NULL
        );
        CREATE INDEX file_root ON file(root_id);
        CREATE INDEX file_variant ON file(variant_id);
        CREATE INDEX file_dir ON file(dir_id);
        CREATE INDEX file_archive ON file(archive_file_id);
        CREATE TABLE scan_warning (
          id INTEGER PRIMARY KEY,
          root_id INTEGER NOT NULL REFERENCES library_root(id) ON DELETE CASCADE,
          rel_path TEXT NOT NULL,
          code TEXT NOT NULL,
          message TEXT NOT NULL
        );
        CREATE INDEX scan_warning_root ON scan_warning(root_id);
        -- SPEC §6 "Overrides & audit": a manual value kept apart from the automatic one; normalization never
        -- overwrites an overridden field. Values are JSON text.
        CREATE TABLE override (
          id INTEGER PRIMARY KEY,
          variant_id INTEGER NOT NULL REFERENCES variant(id) ON DELETE CASCADE,
          field TEXT NOT NULL,
          manual_value TEXT,
          original_auto_value TEXT,
          applied_at TEXT NOT NULL,
          applied_by TEXT NOT NULL,
          UNIQUE (variant_id, field)
        );
        CREATE TABLE audit_log (
          id INTEGER PRIMARY KEY,
          resource_type TEXT NOT NULL,
          resource_id INTEGER,
          field TEXT,
          old_value TEXT,
          new_value TEXT,
          actor TEXT NOT NULL,
          source TEXT,
          batch_id TEXT,
          ts TEXT NOT NULL
        );
        CREATE INDEX audit_log_resource ON audit_log(resource_type, resource_id);
      `);
    },
  },
  {
    version: 2,
    name: 'normalization: automatic values, warnings and residual tokens per variant; the vocabulary they came from',
    up(db) {
      db.exec(`
        -- One row per normalized variant. Only automatic values live here (JSON of the non-empty fields); manual
        -- values stay in \`override\`, which normalization never touches. tokens_key + ruleset_digest let a re-run
        -- skip variants whose inputs did not change.
        CREATE TABLE variant_norm (
          variant_id INTEGER PRIMARY KEY REFERENCES variant(id) ON DELETE CASCADE,
          tokens_key TEXT NOT NULL,
          ruleset_digest TEXT NOT NULL,
          fields TEXT NOT NULL,
          warnings TEXT NOT NULL,
          residual TEXT NOT NULL,
          confidence REAL NOT NULL,
          designer TEXT,
          support_state TEXT,
          normalized_at TEXT NOT NULL
        );
        -- What the last normalization's vocabulary said per term (JSON), so a vocab edit re-runs only the variants
        -- that meet a changed term.
        CREATE TABLE norm_vocab (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          ruleset_digest TEXT NOT NULL,
          terms TEXT NOT NULL
        );
      `);
    },
  },
  {
    version: 3,
    name: 'overrides and search: audit reverts, full-text index (FTS4) and facet table of effective values',
    up(db) {
      db.exec(`
        ALTER TABLE audit_log ADD COLUMN reverts INTEGER; -- the entry a revert entry undid
        CREATE INDEX audit_log_batch ON audit_log(batch_id);
        -- Search index of effective values (search-index.ts). Triggers only mark variants dirty (or drop deleted
        -- ones); the index is brought up to date before each search, so every writer (scan, normalization,
        -- overrides) keeps it consistent without knowing about it. (No INSERT OR IGNORE in the triggers: an outer
        -- statement's conflict policy, e.g. an upsert's, would replace it.)
        CREATE TABLE search_dirty (variant_id INTEGER PRIMARY KEY);
        CREATE VIRTUAL TABLE variant_fts USING fts4(text, tokenize=unicode61, prefix="1,2,3");
        CREATE TABLE variant_facet (
          variant_id INTEGER PRIMARY KEY,
          missing INTEGER NOT NULL,
          designer TEXT, game_system TEXT, faction TEXT, unit TEXT,
          support_state TEXT, segmentation TEXT, scale TEXT, nsfw INTEGER NOT NULL
        );
        CREATE INDEX variant_facet_designer ON variant_facet(designer);
        CREATE INDEX variant_facet_faction ON variant_facet(faction);
        CREATE INDEX variant_facet_unit ON variant_facet(unit);
        CREATE TRIGGER search_variant_ins AFTER INSERT ON variant BEGIN
          INSERT INTO search_dirty SELECT new.id WHERE NOT EXISTS (SELECT 1 FROM search_dirty WHERE variant_id = new.id);
        END;
        CREATE TRIGGER search_variant_upd AFTER UPDATE OF missing, dir_id ON variant BEGIN
          INSERT INTO search_dirty SELECT new.id WHERE NOT EXISTS (SELECT 1 FROM search_dirty WHERE variant_id = new.id);
        END;
        CREATE TRIGGER search_variant_del AFTER DELETE ON variant BEGIN
          DELETE FROM variant_fts WHERE docid = old.id;
          DELETE FROM variant_facet WHERE variant_id = old.id;
          DELETE FROM search_dirty WHERE variant_id = old.id;
        END;
        CREATE TRIGGER search_norm_ins AFTER INSERT ON variant_norm BEGIN
          INSERT INTO search_dirty SELECT new.variant_id WHERE NOT EXISTS (SELECT 1 FROM search_dirty WHERE variant_id = new.variant_id);
        END;
        CREATE TRIGGER search_norm_upd AFTER UPDATE OF fields ON variant_norm WHEN old.fields IS NOT new.fields BEGIN
          INSERT INTO search_dirty SELECT new.variant_id WHERE NOT EXISTS (SELECT 1 FROM search_dirty WHERE variant_id = new.variant_id);
        END;
        CREATE TRIGGER search_norm_del AFTER DELETE ON variant_norm BEGIN
          INSERT INTO search_dirty SELECT old.variant_id WHERE NOT EXISTS (SELECT 1 FROM search_dirty WHERE variant_id = old.variant_id);
        END;
        CREATE TRIGGER search_override_ins AFTER INSERT ON override BEGIN
          INSERT INTO search_dirty SELECT new.variant_id WHERE NOT EXISTS (SELECT 1 FROM search_dirty WHERE variant_id = new.variant_id);
        END;
        CREATE TRIGGER search_override_upd AFTER UPDATE ON override BEGIN
          INSERT INTO search_dirty SELECT new.variant_id WHERE NOT EXISTS (SELECT 1 FROM search_dirty WHERE variant_id = new.variant_id);
        END;
        CREATE TRIGGER search_override_del AFTER DELETE ON override BEGIN
          INSERT INTO search_dirty SELECT old.variant_id WHERE NOT EXISTS (SELECT 1 FROM search_dirty WHERE variant_id = old.variant_id);
        END;
        INSERT INTO search_dirty SELECT id FROM variant;
      `);
    },
  },
  {
    version: 4,
    name: 'rescan: per-folder signature of the files directly inside (name, size, mtime, variant)',
    up(db) {
      // NULL = unknown (the next scan diffs that folder file by file); '' = no files. See apply-scan.ts.
      db.exec('ALTER TABLE dir ADD COLUMN files_sig TEXT');
    },
  },
  {
    version: 5,
    name: 'leaner search: no one-letter prefix index, no facet-column indexes (facet counts use an in-memory cache)',
    up(db) {
      // The whole database is rewritten on every save: each prefix index of FTS4 repeats the postings, and the
      // facet indexes served no query any more. The index is rebuilt from search_dirty before the next search.
      db.exec(`
        DROP INDEX variant_facet_designer;
        DROP INDEX variant_facet_faction;
        DROP INDEX variant_facet_unit;
        DROP TABLE variant_fts;
        CREATE VIRTUAL TABLE variant_fts USING fts4(text, tokenize=unicode61, prefix="2,3");
        INSERT INTO search_dirty SELECT id FROM variant WHERE id NOT IN (SELECT variant_id FROM search_dirty);
      `);
    },
  },
  {
    version: 6,
    name: 'edit journal: store facts (last journal seq in the file, id of the saved file generation)',
    up(db) {
      // Small named facts about the stored file itself (store-meta.ts), not library data.
      db.exec('CREATE TABLE store_meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID');
    },
  },
];

export function schemaVersion(db: Database): number {
  const v = db.exec('PRAGMA user_version')[0]?.values[0]?.[0];
  return typeof v === 'number' ? v : 0;
}

export class NewerSchemaError extends Error {
  constructor(readonly found: number, readonly supported: number) {
    super(`database schema version ${found} is newer than this STL Manager supports (${supported}); upgrade STL Manager`);
    this.name = 'NewerSchemaError';
  }
}

/** Applies pending migrations in order; returns how many ran. */
export function migrate(db: Database, list: Migration[] = migrations): number {
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const current = schemaVersion(db);
  if (current > list.length) throw new NewerSchemaError(current, list.length);
  let ran = 0;
  for (const m of list.slice(current)) {
    inTransaction(db, () => {
      m.up(db);
      db.exec(`PRAGMA user_version = ${m.version}`);
    });
    ran++;
  }
  return ran;
}
