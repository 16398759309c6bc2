// The real inventory grouped into the original's variants (golden/variants_from_load_sample.json), with each
// variant's member file paths, for comparisons against the original's normalization outputs.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { referenceDir, specDir } from '../../support/reference';

interface InventoryEntry {
  rel_path: string;
}

const CLIMB = new Set(['hands', 'supported', 'unsupported', 'stl', 'supported stl', 'unsupported stl', 'supported_stl', 'unsupported_stl', 'lys']);

export interface GoldenVariant {
  relPath: string;
  files: string[];
}

export const inventoryPath = resolve(referenceDir, 'fixtures/sample_inventory.json');
export const goldenVariantsPath = resolve(specDir, 'golden/variants_from_load_sample.json');

export function goldenVariants(): GoldenVariant[] {
  const inventory = JSON.parse(readFileSync(inventoryPath, 'utf8')) as InventoryEntry[];
  const golden = JSON.parse(readFileSync(goldenVariantsPath, 'utf8')) as { variants: { rel_path: string }[] };
  const byPath = new Map<string, GoldenVariant>(golden.variants.map((v) => [v.rel_path, { relPath: v.rel_path, files: [] }]));
  for (const e of inventory) {
    const path = e.rel_path.replace(/\\/g, '/');
    if (path.split('/').some((c) => c.toLowerCase() === '__macosx')) continue;
    const parts = path.split('/');
    parts.pop();
    while (parts.length > 1 && CLIMB.has(parts[parts.length - 1].toLowerCase())) parts.pop();
    byPath.get(parts.join('/'))?.files.push(path);
  }
  return [...byPath.values()];
}
