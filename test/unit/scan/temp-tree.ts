// Real folder trees in a temp dir for scan tests; each test suite removes its own.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export function makeTempDir(prefix = 'stlmgr-scan-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes `files` (root-relative `/` path → content) under `root`, creating folders as needed. */
export function writeTree(root: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = join(root, ...rel.split('/'));
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
}

export function removeTree(root: string | undefined): void {
  if (root) rmSync(root, { recursive: true, force: true });
}
