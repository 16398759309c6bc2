// Reading the Library tree the way the user sees it, for the in-host suites: a row's label and description, a
// child by name, a variant by its path below the first root.
import * as assert from 'node:assert/strict';
import type { StlManagerApi } from '../../src/extension/api';
import type { LibraryEntry, VariantEntry } from '../../src/extension/tree/library-node';

export function treeLabel(api: StlManagerApi, e: LibraryEntry): string {
  const l = api.tree.getTreeItem(e).label;
  return typeof l === 'string' ? l : (l?.label ?? '');
}

export function treeDescription(api: StlManagerApi, e: LibraryEntry): string {
  return String(api.tree.getTreeItem(e).description ?? '');
}

export async function treeChild(api: StlManagerApi, parent: LibraryEntry | undefined, name: string): Promise<LibraryEntry> {
  const children = await api.tree.getChildren(parent);
  const found = children.find((c) => treeLabel(api, c) === name);
  const under = parent ? treeLabel(api, parent) : '(top)';
  assert.ok(found, `no child "${name}" under "${under}": ${children.map((c) => treeLabel(api, c)).join(', ')}`);
  return found;
}

/** The variant row at `relPath` ("Folder/Variant") under the first library root. */
export async function variantAt(api: StlManagerApi, relPath: string): Promise<VariantEntry> {
  let entry: LibraryEntry | undefined = (await api.tree.getChildren())[0];
  assert.ok(entry, 'the tree has no root');
  for (const part of relPath.split('/')) entry = await treeChild(api, entry, part);
  assert.ok(entry.type === 'variant', `${relPath} is a ${entry.type} row, not a variant`);
  return entry;
}
