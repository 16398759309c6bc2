// Facet counts and facet filtering over effective values (the `variant_facet` table search-index.ts keeps).
// Each facet's counts apply every other facet's selection (the usual drill-down), so picking a designer shows the
// factions that designer has.
import type { Database } from 'sql.js';
import { ftsQuery } from './search';
import { refreshSearchIndex } from './search-index';

export const FACETS = ['designer', 'game_system', 'faction', 'unit', 'support_state', 'segmentation', 'scale'] as const;
export type FacetName = (typeof FACETS)[number];

export interface FacetFilter {
  /** Selected values per facet (any of them matches); `''` selects "no value". */
  values?: Partial<Record<FacetName, readonly string[]>>;
  /** NSFW variants: shown (default), hidden, or the only ones. */
  nsfw?: 'show' | 'hide' | 'only';
  /** Also a full-text query. */
  text?: string;
  includeMissing?: boolean;
}

export interface FacetCount {
  value: string; // '' = no value
  count: number;
}

export interface FacetCounts {
  total: number;
  facets: Record<FacetName, FacetCount[]>;
  nsfw: number;
  ms: number;
}

function whereOf(filter: FacetFilter, skip?: FacetName): { sql: string; params: (string | number)[] } {
  const conds: string[] = [];
  const params: (string | number)[] = [];
  if (!filter.includeMissing) conds.push('f.missing = 0');
  if (filter.nsfw === 'hide') conds.push('f.nsfw = 0');
  if (filter.nsfw === 'only') conds.push('f.nsfw = 1');
  for (const name of FACETS) {
    const sel = filter.values?.[name];
    if (name === skip || !sel || sel.length === 0) continue;
    const named = sel.filter((v) => v !== '');
    const parts: string[] = [];
    if (named.length) {
      parts.push(`f.${name} IN (${named.map(() => '?').join(',')})`);
      params.push(...named);
    }
    if (sel.includes('')) parts.push(`f.${name} IS NULL`);
    conds.push(`(${parts.join(' OR ')})`);
  }
  const q = filter.text ? ftsQuery(filter.text) : null;
  if (q) {
    conds.push('f.variant_id IN (SELECT docid FROM variant_fts WHERE variant_fts MATCH ?)');
    params.push(q);
  }
  return { sql: conds.length ? `WHERE ${conds.join(' AND ')}` : '', params };
}

export function facetCounts(db: Database, filter: FacetFilter = {}, top = 200): FacetCounts {
  const t0 = performance.now();
  refreshSearchIndex(db);
  const all = whereOf(filter);
  const total = Number(db.exec(`SELECT count(*) FROM variant_facet f ${all.sql}`, all.params)[0]?.values[0]?.[0] ?? 0);
  const facets = {} as Record<FacetName, FacetCount[]>;
  for (const name of FACETS) {
    const w = whereOf(filter, name);
    facets[name] = (db.exec(
      `SELECT coalesce(f.${name}, ''), count(*) AS n FROM variant_facet f ${w.sql} GROUP BY f.${name} ORDER BY n DESC, f.${name} IS NULL, 1 LIMIT ?`,
      [...w.params, top],
    )[0]?.values ?? []).map((r) => ({ value: r[0] as string, count: r[1] as number }));
  }
  const nw = whereOf({ ...filter, nsfw: 'only' });
  const nsfw = Number(db.exec(`SELECT count(*) FROM variant_facet f ${nw.sql}`, nw.params)[0]?.values[0]?.[0] ?? 0);
  return { total, facets, nsfw, ms: performance.now() - t0 };
}

export interface FilteredVariant {
  id: number;
  rootId: number;
  rootPath: string;
  relPath: string;
  designer: string | null;
  missing: boolean;
}

/** The variants a filter selects, by path, paged. */
export function filterVariants(db: Database, filter: FacetFilter, offset: number, limit: number): { items: FilteredVariant[]; total: number } {
  refreshSearchIndex(db);
  const w = whereOf(filter);
  const total = Number(db.exec(`SELECT count(*) FROM variant_facet f ${w.sql}`, w.params)[0]?.values[0]?.[0] ?? 0);
  const rows = db.exec(
    `SELECT v.id, v.root_id, r.path, d.rel_path, f.designer, v.missing
     FROM variant_facet f JOIN variant v ON v.id = f.variant_id JOIN dir d ON d.id = v.dir_id JOIN library_root r ON r.id = v.root_id
     ${w.sql} ORDER BY v.root_id, d.rel_path LIMIT ? OFFSET ?`,
    [...w.params, limit, offset],
  )[0]?.values ?? [];
  return {
    items: rows.map((r) => ({
      id: r[0] as number,
      rootId: r[1] as number,
      rootPath: r[2] as string,
      relPath: r[3] as string,
      designer: (r[4] as string | null) ?? null,
      missing: r[5] === 1,
    })),
    total,
  };
}
