// The webview may ask to open a file; it gets one only when the path lies inside a library root (after resolving
// `..` and symbolic links), so a compromised or buggy page cannot reach anything else on disk.
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';

function real(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    return resolve(p);
  }
}

export function isInsideRoots(path: string, roots: readonly string[]): boolean {
  if (!isAbsolute(path) || path.includes('\0')) return false;
  const target = real(resolve(path));
  return roots.some((root) => {
    const rel = relative(real(resolve(root)), target);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  });
}
