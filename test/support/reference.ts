// Reference data from the original STL Manager lives beside the project (never copied into it).
// Tests find it through STLMGR_REFERENCE_DIR (default ../shared/reference). Where it is absent, tests that need
// it skip with a visible message, except under CI=true, where they fail.
import { existsSync, readFileSync } from 'node:fs';
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

/** One case of the spec's cases.json. */
export interface SpecCase {
  id: string;
  category: string;
  kind: string;
  input: Record<string, unknown>;
  expected: Record<string, unknown>;
}

export const specCasesPath = resolve(specDir, 'cases.json');

export function readSpecCases(): SpecCase[] {
  return JSON.parse(readFileSync(specCasesPath, 'utf8')) as SpecCase[];
}
