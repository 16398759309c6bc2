// Named facts about the database file itself (migration 6, `store_meta`): the last edit-journal seq the database
// contains and the id of the file generation last saved (edit-journal.ts).
import type { Database } from 'sql.js';

export type MetaKey = 'journal_seq' | 'file_id';

export function readMeta(db: Database, key: MetaKey): string | number | null {
  const v = db.exec('SELECT value FROM store_meta WHERE key = ?', [key])[0]?.values[0]?.[0];
  return typeof v === 'string' || typeof v === 'number' ? v : null;
}

export function writeMeta(db: Database, key: MetaKey, value: string | number): void {
  db.run('INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', [key, value]);
}

/** The seq of the last journaled edit the database holds (0 = none). */
export const journalSeq = (db: Database): number => Number(readMeta(db, 'journal_seq') ?? 0);

/** Set on every full save, so a journal can tell whether it extends this file (null = never saved). */
export const fileId = (db: Database): string | null => {
  const v = readMeta(db, 'file_id');
  return typeof v === 'string' ? v : null;
};
