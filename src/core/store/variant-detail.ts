// Everything the detail panel shows about one variant: where it is, each field's automatic, override and effective
// value, the warnings, residual tokens and confidence behind them, and its files.
import type { Database } from 'sql.js';
import { effectiveFields, type EffectiveField } from './effective';
import { readOverrides } from './effective';
import { getNormalized } from './normalized';

export interface VariantDetail {
  id: number;
  rootId: number;
  rootPath: string;
  relPath: string;
  missing: boolean;
  fileCount: number;
  sizeBytes: number;
  fields: EffectiveField[];
  warnings: string[];
  residual: string[];
  /** null when the variant was never normalized. */
  confidence: number | null;
  normalizedAt: string | null;
  /** Audit entries about this variant. */
  historyCount: number;
}

export function variantDetail(db: Database, variantId: number): VariantDetail | null {
  const r = db.exec(
    `SELECT v.id, v.root_id, r.path, d.rel_path, v.missing, v.file_count, v.size_bytes
     FROM variant v JOIN dir d ON d.id = v.dir_id JOIN library_root r ON r.id = v.root_id WHERE v.id = ?`,
    [variantId],
  )[0]?.values[0];
  if (!r) return null;
  const norm = getNormalized(db, variantId);
  const overrides = readOverrides(db, [variantId]).get(variantId) ?? new Map();
  const history = Number(db.exec("SELECT count(*) FROM audit_log WHERE resource_type = 'variant' AND resource_id = ?", [variantId])[0]?.values[0]?.[0] ?? 0);
  return {
    id: r[0] as number,
    rootId: r[1] as number,
    rootPath: r[2] as string,
    relPath: r[3] as string,
    missing: r[4] === 1,
    fileCount: r[5] as number,
    sizeBytes: r[6] as number,
    fields: effectiveFields(norm?.fields ?? {}, overrides),
    warnings: norm?.warnings ?? [],
    residual: norm?.residual ?? [],
    confidence: norm?.confidence ?? null,
    normalizedAt: norm?.normalizedAt ?? null,
    historyCount: history,
  };
}
