// What one archive reader returns: the listing status, the entries, and at most one warning about the archive.
import type { ArchiveListingStatus, ScannedFile, ScanWarningCode } from './types';

export interface ArchiveRead {
  status: ArchiveListingStatus;
  entries: ScannedFile[];
  warning?: { code: ScanWarningCode; message: string };
}

/** A listing that worked: encrypted entries still list their names and sizes (kept, with a warning that the content
 *  is locked); no files at all is worth a warning too. */
export function listedRead(entries: ScannedFile[], encrypted: number): ArchiveRead {
  if (encrypted > 0) {
    return { status: 'listed', entries, warning: { code: 'archive_encrypted', message: `${encrypted} encrypted entries (names listed, content locked)` } };
  }
  if (entries.length === 0) return { status: 'listed', entries, warning: { code: 'archive_empty', message: 'archive holds no files' } };
  return { status: 'listed', entries };
}
