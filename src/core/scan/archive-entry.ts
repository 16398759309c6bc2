// Turning an inner archive path into a ScannedFile of the archive: `/` paths, OS litter skipped like on disk.
import { extensionOf, fileKind } from './file-kind';
import { isSkippedName } from './skip-rules';
import type { ScannedFile } from './types';

/** The entry as a ScannedFile, or undefined when it is litter (`__MACOSX/`, `._x`, `.DS_Store`) or has no name. */
export function archiveEntry(archiveRel: string, innerPath: string, size: number, mtimeMs: number): ScannedFile | undefined {
  const parts = innerPath.replace(/\\/g, '/').split('/').filter((p) => p !== '' && p !== '.');
  if (parts.length === 0) return undefined;
  const name = parts[parts.length - 1];
  if (isSkippedName(name, false)) return undefined;
  for (let i = 0; i < parts.length - 1; i++) if (isSkippedName(parts[i], true)) return undefined;
  const ext = extensionOf(name);
  return {
    relPath: `${archiveRel}/${parts.join('/')}`,
    size,
    mtimeMs: Number.isFinite(mtimeMs) ? Math.trunc(mtimeMs) : 0,
    ext,
    kind: fileKind(ext),
    archivePath: archiveRel,
  };
}
