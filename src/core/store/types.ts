// The narrow store interface every surface (CLI, extension, tests) talks to. Two implementations:
// `SqlStore` (sql.js in-process; the CLI and the worker use it) and `WorkerStore` (the same calls sent to a
// worker thread, so the extension host never blocks on a bulk insert or a save). All methods are async.
import type { FileKind, ScanResult, ScanWarning } from '../scan/types';
import type { AuditEntry } from './audit';
import type { ExportRow } from './export';
import type { FacetCounts, FacetFilter, FilteredVariant } from './facets';
import type { OverrideRequest, OverrideResult, VocabChoices } from './overrides';
import type { SearchResult } from './search';
import type { VariantDetail } from './variant-detail';

export type { FileKind, ScanResult, ScanWarning };

export interface LibraryRoot {
  id: number;
  path: string;
  addedAt: string;
  lastScanAt: string | null;
}

export interface ScanSummary {
  rootId: number;
  rootPath: string;
  files: number; // on-disk files seen
  archiveEntries: number;
  archives: number;
  variants: number;
  kinds: Record<FileKind, number>;
  warnings: number;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  variantsMissing: number;
  /** Row writes the apply cost (inserts + updates + deletes); 0 on an unchanged rescan. */
  writes: number;
  cancelled: boolean;
  seconds: number;
}

export interface LibraryStats {
  roots: number;
  variants: number;
  variantsMissing: number;
  files: number;
  archiveEntries: number;
  archives: number;
  totalBytes: number;
  kinds: Record<FileKind, number>;
  warnings: number;
}

export interface FolderNode {
  type: 'folder';
  rootId: number;
  relPath: string;
  name: string;
  variantCount: number;
  fileCount: number;
  sizeBytes: number;
}

export interface VariantNode {
  type: 'variant';
  id: number;
  rootId: number;
  relPath: string;
  name: string;
  fileCount: number;
  sizeBytes: number;
  missing: boolean;
  /** Dominant file kind, for the icon. */
  kind: FileKind;
  /** True when other variants live below this one (kit parents, nested folders). */
  hasChildren: boolean;
  /** Effective normalized values when known (filled once normalization exists). */
  designer?: string | null;
  supportState?: string | null;
  warnings?: string[];
}

export type TreeNode = FolderNode | VariantNode;

export interface Page<T> {
  items: T[];
  total: number;
}

export interface VariantFile {
  id: number;
  relPath: string;
  size: number;
  mtimeMs: number;
  ext: string;
  kind: FileKind;
  archivePath: string | null;
}

export interface VariantRow {
  id: number;
  rootId: number;
  rootPath: string;
  relPath: string;
  fileCount: number;
  sizeBytes: number;
  missing: boolean;
}

export interface FieldChoice {
  value: string;
  label: string;
  /** The value is a vocabulary entry (otherwise an enum option or a value the library already has). */
  fromVocabulary?: boolean;
}

export interface LibraryStore {
  addRoot(path: string): Promise<LibraryRoot>;
  removeRoot(id: number): Promise<void>;
  listRoots(): Promise<LibraryRoot[]>;
  /** Diffs the scan against stored rows and writes only what changed; marks vanished variants missing. */
  applyScan(rootId: number, result: ScanResult): Promise<ScanSummary>;
  /** size + mtime of stored archives under a root, so the scanner can skip re-listing unchanged ones. */
  archiveSignatures(rootId: number): Promise<Map<string, { size: number; mtimeMs: number }>>;
  /** Direct children of a folder (`""` = the root): sub-folders holding variants, then variants; paged. */
  listChildren(rootId: number, folderRelPath: string, offset: number, limit: number): Promise<Page<TreeNode>>;
  listVariants(offset: number, limit: number): Promise<Page<VariantRow>>;
  getVariantFiles(variantId: number): Promise<VariantFile[]>;
  listWarnings(rootId: number, offset: number, limit: number): Promise<Page<ScanWarning>>;
  stats(): Promise<LibraryStats>;
  /** Writes the database to disk atomically (temp file, fsync, rename, previous kept as .bak) when anything changed
   *  since the last save; says whether it wrote. */
  save(): Promise<boolean>;
  // --- overrides, audit, search, facets, export (issue 5; effective value = override ?? auto) ---
  /** Fields (automatic, override, effective), warnings, residual tokens; null for an unknown id. */
  getVariantDetail(variantId: number): Promise<VariantDetail | null>;
  /** Sets or clears overrides on one or many variants in one transaction and one audit batch; validated first. */
  applyOverrides(request: OverrideRequest): Promise<OverrideResult>;
  /** A variant's audit trail, newest first. */
  listAudit(variantId: number, offset: number, limit: number): Promise<Page<AuditEntry>>;
  /** Reverts one audit entry or a whole batch by writing the inverse entries. */
  revertAudit(target: { entryId: number } | { batchId: string }): Promise<OverrideResult>;
  /** The vocabulary override values are checked against (null = type checks only). */
  setVocabulary(choices: VocabChoices | null): Promise<void>;
  /** Values a picker offers for a field: vocabulary entries, else values already in the library; filtered by `query`. */
  fieldChoices(field: string, query: string, limit: number): Promise<FieldChoice[]>;
  searchVariants(text: string, limit: number): Promise<SearchResult>;
  facetCounts(filter: FacetFilter): Promise<FacetCounts>;
  filterVariants(filter: FacetFilter, offset: number, limit: number): Promise<Page<FilteredVariant>>;
  /** Effective values of every variant. */
  exportRows(): Promise<ExportRow[]>;
  close(): Promise<void>;
}

/** A database file that could not be opened was moved aside; the store started empty. Surfaces tell the user and
 * offer `restoreBackup` when `backupPath` is set. */
export interface CorruptDbReport {
  movedTo: string;
  reason: string;
  backupPath: string | null;
}

/** What opening a store found. */
export interface StoreOpenReport {
  /** null for an in-memory store. */
  path: string | null;
  /** No file existed (or a corrupt one was moved aside): a new database was created. */
  created: boolean;
  migrationsApplied: number;
  corrupt: CorruptDbReport | null;
  /** Edits re-applied from `<db>.journal` (made durable there, not yet in the file); the store is dirty after. */
  journalReplayed: number;
  /** What was wrong with the journal: a torn last line dropped, a bad line or a journal of another file set aside. */
  journalWarnings: string[];
}
