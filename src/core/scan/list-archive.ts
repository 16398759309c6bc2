// Lists one archive without extracting it: zip/cbz through node-stream-zip, 7z/rar/cbr through 7-Zip (WASM).
import { stat } from 'node:fs/promises';
import { listZip } from './archive-zip';
import type { ArchiveRead } from './archive-read';
import { extensionOf } from './file-kind';
import { listWithSevenZip, type SevenZipOptions } from './archive-seven-zip';

export type { ArchiveRead } from './archive-read';

export async function listArchive(absPath: string, relPath: string, options: SevenZipOptions = {}): Promise<ArchiveRead> {
  let size: number;
  try {
    size = (await stat(absPath)).size;
  } catch (err) {
    return { status: 'failed', entries: [], warning: { code: 'archive_corrupt', message: `cannot open archive (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` } };
  }
  if (size === 0) return { status: 'failed', entries: [], warning: { code: 'archive_empty', message: 'archive file is empty (0 bytes)' } };
  switch (extensionOf(absPath)) {
    case 'zip':
    case 'cbz':
      return listZip(absPath, relPath);
    case '7z':
    case 'rar':
    case 'cbr':
      return listWithSevenZip(absPath, relPath, options);
    default:
      return { status: 'unsupported', entries: [], warning: { code: 'archive_unsupported', message: 'no reader for this archive format' } };
  }
}
