// Reference data from the original STL Manager lives beside the project (never copied into it).
// Tests find it through STLMGR_REFERENCE_DIR (default ../shared/reference). Where it is absent, tests that need
// it skip with a visible message, except under CI=true, where they fail.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const referenceDir = resolve(process.env.STLMGR_REFERENCE_DIR ?? resolve(__dirname, '../../../shared/reference'));
export const specDir = resolve(referenceDir, '../spec');

/** Call at the top of a `before` hook (mocha, with `this`): skips the suite, or fails under CI, when `path` is missing. */
export function requireReference(ctx: Mocha.Context, path: string): void {
  if (existsSync(path)) return;
  const msg = `reference data not found at ${path} (set STLMGR_REFERENCE_DIR)`;
  if (process.env.CI === 'true') throw new Error(msg);
  console.warn(`    SKIPPED: ${msg}`);
  ctx.skip();
}
