// The Library tree: roots → folders → variants, read from the store page by page so that a folder holding tens of
// thousands of variants opens at once; a "Load more…" row fetches the next page.
import * as vscode from 'vscode';
import type { LibraryRoot, TreeNode } from '../../core/store/types';
import { DatabaseUnavailableError, type StoreSession } from '../store/store-session';
import { childKey, entryId, type LibraryEntry, type LoadMoreEntry, type ParentEntry } from './library-node';
import { toTreeItem } from './library-tree-item';
import type { DisplayName } from '../vocab/display-names';

export const PAGE_SIZE = 500;

interface LoadedChildren {
  entries: LibraryEntry[];
  total: number;
}

export class LibraryTreeProvider implements vscode.TreeDataProvider<LibraryEntry>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<LibraryEntry | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** Children loaded so far, by parent id: paging appends here, a refresh clears it. */
  private readonly loaded = new Map<string, LoadedChildren>();
  private readonly parents = new Map<string, ParentEntry>();

  constructor(
    private readonly session: StoreSession,
    private readonly pageSize = PAGE_SIZE,
    private readonly designerName?: DisplayName,
  ) {}

  refresh(): void {
    this.loaded.clear();
    this.parents.clear();
    this.changed.fire(undefined);
  }

  getTreeItem(entry: LibraryEntry): vscode.TreeItem {
    return toTreeItem(entry, this.designerName);
  }

  getParent(entry: LibraryEntry): LibraryEntry | undefined {
    if (entry.type === 'loadMore') return entry.parent;
    return this.parents.get(entryId(entry));
  }

  async getChildren(parent?: LibraryEntry): Promise<LibraryEntry[]> {
    if (!parent) return this.rootEntries();
    if (parent.type === 'loadMore' || parent.type === 'message') return [];
    const id = entryId(parent);
    let loaded = this.loaded.get(id);
    if (!loaded) {
      loaded = { entries: [], total: 0 };
      await this.appendPage(parent, loaded);
      this.loaded.set(id, loaded);
    }
    const { entries, total } = loaded;
    if (parent.type === 'root' && total === 0) {
      return [{ type: 'message', key: `empty:${parent.root.id}`, label: parent.root.lastScanAt ? 'No variants found' : 'Not scanned yet — click to scan', icon: 'info', command: parent.root.lastScanAt ? undefined : 'stlManager.scan' }];
    }
    if (entries.length < total) {
      return [...entries, { type: 'loadMore', parent, offset: entries.length, remaining: total - entries.length }];
    }
    return entries;
  }

  /** The "Load more…" row's command: fetch the next page of its parent and re-render the parent. */
  async loadMore(more: LoadMoreEntry): Promise<number> {
    const loaded = this.loaded.get(entryId(more.parent));
    if (!loaded || loaded.entries.length !== more.offset) return loaded?.entries.length ?? 0;
    await this.appendPage(more.parent, loaded);
    this.changed.fire(more.parent);
    return loaded.entries.length;
  }

  private async appendPage(parent: ParentEntry, loaded: LoadedChildren): Promise<void> {
    const store = await this.session.get();
    const { rootId, relPath } = childKey(parent);
    const rootPath = parent.type === 'root' ? parent.root.path : parent.rootPath;
    const page = await store.listChildren(rootId, relPath, loaded.entries.length, this.pageSize);
    for (const node of page.items) {
      const entry = toEntry(node, rootPath);
      this.parents.set(entryId(entry), parent);
      loaded.entries.push(entry);
    }
    loaded.total = page.total;
  }

  private async rootEntries(): Promise<LibraryEntry[]> {
    let roots: LibraryRoot[];
    try {
      roots = await (await this.session.get()).listRoots();
    } catch (e) {
      if (e instanceof DatabaseUnavailableError) {
        return [{ type: 'message', key: 'db-unavailable', label: 'Library database unavailable — show log', icon: 'error', command: 'stlManager.showLog' }];
      }
      throw e;
    }
    return roots.map((root) => ({ type: 'root', root }));
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function toEntry(node: TreeNode, rootPath: string): LibraryEntry {
  return node.type === 'folder' ? { type: 'folder', rootPath, node } : { type: 'variant', rootPath, node };
}
