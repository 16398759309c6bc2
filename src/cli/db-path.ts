// Where the CLI keeps its database unless told otherwise: --db, then $STLMGR_DB, then ~/.stlmgr/library.db.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.STLMGR_DB) return resolve(env.STLMGR_DB);
  return join(homedir(), '.stlmgr', 'library.db');
}

export function resolveDbPath(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return option ? resolve(option) : defaultDbPath(env);
}
