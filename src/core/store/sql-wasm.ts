// Loads sql.js once per process. The .wasm is read from beside the bundle (dist/sql-wasm.wasm, copied by
// esbuild.mjs) or, unbundled (tests via tsx), from node_modules/sql.js/dist. Never fetched from the network.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import initSqlJs, { type SqlJsStatic } from 'sql.js';

let loading: Promise<SqlJsStatic> | undefined;

export function locateSqlWasm(): string {
  const candidates = [join(__dirname, 'sql-wasm.wasm'), join(__dirname, '..', 'sql-wasm.wasm')];
  for (const c of candidates) if (existsSync(c)) return c;
  // a non-literal id keeps esbuild from trying to bundle the .wasm; unbundled runs resolve it from node_modules
  const id = 'sql.js/dist/sql-wasm.wasm';
  return require.resolve(id);
}

export function loadSqlJs(): Promise<SqlJsStatic> {
  loading ??= initSqlJs({ locateFile: () => locateSqlWasm() });
  return loading;
}
