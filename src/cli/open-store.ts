// Opens the CLI's database (SqlStore in-process) and turns open failures into CLI errors with exit codes.
import { existsSync, statSync } from 'node:fs';
import { NewerSchemaError } from '../core/store/migrations';
import { SqlStore } from '../core/store/sql-store';
import { CliError, ExitCode } from './cli-error';
import { resolveDbPath } from './db-path';

export interface OpenStoreOptions {
  db?: string;
  /** When false, a missing database file is an error instead of being created. */
  create: boolean;
}

export async function openCliStore(opts: OpenStoreOptions): Promise<SqlStore> {
  const path = resolveDbPath(opts.db);
  if (existsSync(path) && statSync(path).isDirectory()) throw new CliError(`database path is a folder: ${path}`, ExitCode.database);
  if (!opts.create && !existsSync(path)) {
    throw new CliError(`no database at ${path} (run "stlmgr scan <folder>" first, or pass --db)`, ExitCode.notFound);
  }
  let store: SqlStore;
  try {
    store = await SqlStore.open(path);
  } catch (err) {
    if (err instanceof NewerSchemaError) throw new CliError(err.message, ExitCode.database);
    throw new CliError(`cannot open database ${path}: ${err instanceof Error ? err.message : String(err)}`, ExitCode.database);
  }
  const corrupt = store.openReport.corrupt;
  if (corrupt) {
    store.discard();
    const restore = corrupt.backupPath ? ` A backup exists: ${corrupt.backupPath} (copy it to ${path} to restore).` : '';
    throw new CliError(`database ${path} is unreadable (${corrupt.reason}); it was moved to ${corrupt.movedTo}.${restore}`, ExitCode.database);
  }
  return store;
}
