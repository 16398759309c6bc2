// What the Library tree holds: library roots, folders and variants from the store, and "Load more…" rows.
import type { FileKind } from '../../core/scan/types';
import type { FolderNode, LibraryRoot, VariantNode } from '../../core/store/types';

export interface RootEntry {
  type: 'root';
  root: LibraryRoot;
}

export interface FolderEntry {
  type: 'folder';
  rootPath: string;
  node: FolderNode;
}

export interface VariantEntry {
  type: 'variant';
  rootPath: string;
  node: VariantNode;
}

/** Stands for the children of `parent` past `offset`, not loaded yet. */
export interface LoadMoreEntry {
  type: 'loadMore';
  parent: ParentEntry;
  offset: number;
  remaining: number;
}

/** A one-line hint (not scanned yet, database unavailable). */
export interface MessageEntry {
  type: 'message';
  key: string;
  label: string;
  icon: string;
  command?: string;
}

export type ParentEntry = RootEntry | FolderEntry | VariantEntry;
export type LibraryEntry = ParentEntry | LoadMoreEntry | MessageEntry;

/** rootId + folder relPath: the key `listChildren` pages over. */
export function childKey(entry: ParentEntry): { rootId: number; relPath: string } {
  return entry.type === 'root' ? { rootId: entry.root.id, relPath: '' } : { rootId: entry.node.rootId, relPath: entry.node.relPath };
}

export function entryId(entry: LibraryEntry): string {
  switch (entry.type) {
    case 'root':
      return `root:${entry.root.id}`;
    case 'folder':
      return `folder:${entry.node.rootId}:${entry.node.relPath}`;
    case 'variant':
      return `variant:${entry.node.id}`;
    case 'loadMore':
      return `more:${entryId(entry.parent)}:${entry.offset}`;
    case 'message':
      return `message:${entry.key}`;
  }
}

/** Absolute path on disk of a root, folder or variant. */
export function entryPath(entry: ParentEntry): string {
  if (entry.type === 'root') return entry.root.path;
  const sep = entry.rootPath.includes('\\') && !entry.rootPath.includes('/') ? '\\' : '/';
  const rel = sep === '/' ? entry.node.relPath : entry.node.relPath.replaceAll('/', '\\');
  return rel ? `${entry.rootPath.replace(/[\\/]$/, '')}${sep}${rel}` : entry.rootPath;
}

export const KIND_ICONS: Record<FileKind, string> = {
  model: 'package',
  slicer: 'layers',
  archive: 'file-zip',
  image: 'file-media',
  document: 'file-text',
  other: 'file',
};
