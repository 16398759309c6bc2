// One transaction around `work`: committed when it returns, rolled back when it throws (the error goes on).
// Never export (save) the database inside one: sql.js would write a half-applied state.
import type { Database } from 'sql.js';

export function inTransaction<T>(db: Database, work: () => T): T {
  db.exec('BEGIN');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
}
