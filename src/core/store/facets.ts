// Facet counts and facet filtering over effective values (the `variant_facet` table search-index.ts keeps).
// Each facet's counts apply every other facet's selection (the usual drill-down), so picking a designer shows the
// factions that designer has.
import type { Database } from 'sql.js';
import { HIT_COLUMNS, HIT_JOINS, ftsQuery, hitRow } from './search';
import { facetCache } from './facet-cache';
import { refreshSearchIndex } from './search-index';

import { FACET_COLUMNS, type FacetColumn } from './facet-cache';
import type { SearchHit } from './search';

export const FACETS = FACET_COLUMNS;
export type FacetName = FacetColumn;

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

function whereOf(filter: FacetFilter): { sql: string; params: (string | number)[] } {
  const conds: string[] = [];
  const params: (string | number)[] = [];
  if (!filter.includeMissing) conds.push('f.missing = 0');
  if (filter.nsfw === 'hide') conds.push('f.nsfw = 0');
  if (filter.nsfw === 'only') conds.push('f.nsfw = 1');
  for (const name of FACETS) {
    const sel = filter.values?.[name];
    if (!sel || sel.length === 0) continue;
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
  const c = facetCache(db);
  const q = filter.text ? ftsQuery(filter.text) : null;
  const textIds = q ? new Set((db.exec('SELECT docid FROM variant_fts WHERE variant_fts MATCH ?', [q])[0]?.values ?? []).map((r) => r[0] as number)) : null;
  // per facet: which dictionary codes are selected (null = no selection on that facet)
  const selected = FACETS.map((name) => {
    const sel = filter.values?.[name];
    if (!sel || sel.length === 0) return null;
    const mask = new Uint8Array(c.dicts[name].values.length);
    for (const v of sel) {
      const code = c.dicts[name].find(v);
      if (code !== undefined) mask[code] = 1;
    }
    return mask;
  });
  const cols = FACETS.map((name) => c.cols[name]);
  const tallies = FACETS.map((name) => new Float64Array(c.dicts[name].values.length));
  let total = 0;
  let nsfw = 0;
  const n = c.ids.length;
  for (let i = 0; i < n; i++) {
    const state = c.state[i]!;
    if (state === 2 || (state === 1 && !filter.includeMissing)) continue;
    if (textIds && !textIds.has(c.ids[i]!)) continue;
    // a row counts for facet F when it passes every selection except possibly F's own (drill-down)
    let fails = 0;
    let failed = -1;
    for (let f = 0; f < selected.length; f++) {
      const mask = selected[f];
      if (mask && !mask[cols[f]![i]!]) {
        fails++;
        failed = f;
        if (fails > 1) break;
      }
    }
    if (fails > 1) continue;
    if (fails === 0 && c.nsfw[i]) nsfw++;
    if (filter.nsfw === 'hide' && c.nsfw[i]) continue;
    if (filter.nsfw === 'only' && !c.nsfw[i]) continue;
    if (fails === 1) {
      tallies[failed]![cols[failed]![i]!]!++;
      continue;
    }
    total++;
    for (let f = 0; f < cols.length; f++) tallies[f]![cols[f]![i]!]!++;
  }
  const facets = {} as Record<FacetName, FacetCount[]>;
  FACETS.forEach((name, f) => {
    const values = c.dicts[name].values;
    const list: FacetCount[] = [];
    tallies[f]!.forEach((count, code) => {
      if (count > 0) list.push({ value: values[code] ?? '', count });
    });
    list.sort((a, b) => b.count - a.count || Number(a.value === '') - Number(b.value === '') || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    facets[name] = list.slice(0, top);
  });
  return { total, facets, nsfw, ms: performance.now() - t0 };
}

/** A variant the facet filter selects: the same row a search hit is. */
export type FilteredVariant = SearchHit;

/** The variants a filter selects, by path, paged. */
export function filterVariants(db: Database, filter: FacetFilter, offset: number, limit: number): { items: FilteredVariant[]; total: number } {
  refreshSearchIndex(db);
  const w = whereOf(filter);
  const total = Number(db.exec(`SELECT count(*) FROM variant_facet f ${w.sql}`, w.params)[0]?.values[0]?.[0] ?? 0);
  const rows = db.exec(
    `SELECT ${HIT_COLUMNS}
     FROM variant_facet f JOIN variant v ON v.id = f.variant_id ${HIT_JOINS}
     ${w.sql} ORDER BY v.root_id, d.rel_path LIMIT ? OFFSET ?`,
    [...w.params, limit, offset],
  )[0]?.values ?? [];
  return {
    items: rows.map(hitRow),
    total,
  };
}
