// The tree's paged children query: sub-folders that hold variants (FolderNode), then variants (VariantNode),
// each group by name. Served from the dir/variant aggregate columns, so a page costs one indexed sort of the
// folder's children, whatever their count.
import type { Database } from 'sql.js';
import type { FileKind } from '../scan/types';
import type { Page, TreeNode } from './types';

export function listChildren(db: Database, rootId: number, folderRelPath: string, offset: number, limit: number): Page<TreeNode> {
  const parent = db.exec('SELECT id FROM dir WHERE root_id = ? AND rel_path = ?', [rootId, folderRelPath])[0]?.values[0]?.[0];
  if (parent === undefined) return { items: [], total: 0 };
  const total = Number(db.exec('SELECT count(*) FROM dir WHERE parent_id = ? AND variant_count > 0', [parent])[0].values[0][0]);
  const stmt = db.prepare(
    `SELECT d.rel_path, d.name, d.variant_count, d.file_count, d.size_bytes, v.id, v.file_count, v.size_bytes, v.missing, v.kind
     FROM dir d LEFT JOIN variant v ON v.dir_id = d.id
     WHERE d.parent_id = ? AND d.variant_count > 0
     ORDER BY v.id IS NOT NULL, d.name COLLATE NOCASE, d.name
     LIMIT ? OFFSET ?`,
    [parent as number, limit, offset],
  );
  const items: TreeNode[] = [];
  try {
    while (stmt.step()) {
      const r = stmt.get();
      const relPath = r[0] as string;
      const name = r[1] as string;
      if (r[5] === null) {
        items.push({ type: 'folder', rootId, relPath, name, variantCount: r[2] as number, fileCount: r[3] as number, sizeBytes: r[4] as number });
      } else {
        items.push({
          type: 'variant',
          id: r[5] as number,
          rootId,
          relPath,
          name,
          fileCount: r[6] as number,
          sizeBytes: r[7] as number,
          missing: r[8] === 1,
          kind: r[9] as FileKind,
          hasChildren: (r[2] as number) > 1,
        });
      }
    }
  } finally {
    stmt.free();
  }
  return { items, total };
}
