// The `file` table's secondary indexes, dropped before a first bulk load of a root and rebuilt after (faster than
// maintaining them row by row). Keep this list in step with the migrations that create them.
import type { Database } from 'sql.js';

const fileIndexes: Array<[name: string, columns: string]> = [
  ['file_root', 'root_id'],
  ['file_variant', 'variant_id'],
  ['file_dir', 'dir_id'],
  ['file_archive', 'archive_file_id'],
];

export function dropFileIndexes(db: Database): void {
  for (const [name] of fileIndexes) db.exec(`DROP INDEX IF EXISTS ${name}`);
}

export function createFileIndexes(db: Database): void {
  for (const [name, cols] of fileIndexes) db.exec(`CREATE INDEX IF NOT EXISTS ${name} ON file(${cols})`);
}
