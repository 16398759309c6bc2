// What one archive reader returns: the listing status, the entries, and at most one warning about the archive.
import type { ArchiveListingStatus, ScannedFile, ScanWarningCode } from './types';

export interface ArchiveRead {
  status: ArchiveListingStatus;
  entries: ScannedFile[];
  warning?: { code: ScanWarningCode; message: string };
}
