// Where the shipped default vocabulary is: `vocab/` at the package root, found from the running bundle
// (dist/*.js) or from the sources (src/core/vocab/*.ts, under tsx). STLMGR_DEFAULT_VOCAB overrides both.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function defaultVocabDir(): string {
  const env = process.env.STLMGR_DEFAULT_VOCAB;
  if (env) return resolve(env);
  for (const up of ['..', '../../..', '../..']) {
    const dir = resolve(__dirname, up, 'vocab');
    if (existsSync(join(dir, 'designers.yaml'))) return dir;
  }
  return resolve(__dirname, '..', 'vocab');
}
