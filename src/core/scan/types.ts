// The scan's data contract: what the crawler and the archive readers produce and what the store consumes.
// Paths are always relative to their library root, with `/` separators, whatever the OS.

export type FileKind = 'model' | 'slicer' | 'image' | 'document' | 'archive' | 'other';

/** One file on disk, or one entry inside an archive (then `archivePath` names the archive file). */
export interface ScannedFile {
  /** Path relative to the root, `/`-separated. For an archive entry: `<archive relPath>/<inner path>`. */
  relPath: string;
  size: number;
  /** Milliseconds since the epoch, integer. Archive entries carry the entry's own time when the archive has one, else 0. */
  mtimeMs: number;
  /** Lower-case extension without the dot (`stl`, `7z`), `""` when none. */
  ext: string;
  kind: FileKind;
  /** Set on archive entries: the relPath of the archive file that holds them. */
  archivePath?: string;
}

export type ArchiveListingStatus =
  | 'listed' // entries read
  | 'unchanged' // size + mtime equal to the stored archive: entries kept from the previous scan, not re-read
  | 'unsupported' // no reader for this format (reason in the warning)
  | 'failed'; // corrupt, truncated, zero-byte, encrypted, timed out (reason in the warning)

export interface ArchiveListing {
  archivePath: string;
  status: ArchiveListingStatus;
  entries: ScannedFile[];
}

export type ScanWarningCode =
  | 'unreadable_folder'
  | 'unreadable_file'
  | 'broken_link'
  | 'symlink_loop'
  | 'symlink_outside_root'
  | 'non_utf8_name'
  | 'long_name'
  | 'archive_corrupt'
  | 'archive_encrypted'
  | 'archive_empty'
  | 'archive_unsupported'
  | 'archive_timeout';

export interface ScanWarning {
  /** relPath of the file or folder concerned (`""` for the root itself). */
  relPath: string;
  code: ScanWarningCode;
  message: string;
}

/** A variant as grouping forms it: a folder (relPath) holding model or archive files, and its member files. */
export interface VariantGroup {
  relPath: string;
  /** relPaths of member files (including archive entries of member archives). */
  files: string[];
}

/** Everything one crawl of one root yields. The store diffs it against what it holds. */
export interface ScanResult {
  rootPath: string;
  files: ScannedFile[]; // on-disk files, then archive entries
  archives: ArchiveListing[];
  variants: VariantGroup[];
  warnings: ScanWarning[];
  /** True when the scan was cancelled: the store must then not mark anything missing. */
  cancelled: boolean;
  crawlMs: number;
}

export interface ScanProgress {
  phase: 'crawl' | 'archives' | 'group' | 'store';
  files: number;
  folders: number;
  archives: number;
  variants: number;
  warnings: number;
}
