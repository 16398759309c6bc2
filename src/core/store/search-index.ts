// Keeps the full-text index (`variant_fts`, FTS4 — the sql.js build has FTS3/4 but not FTS5) and the facet table
// (`variant_facet`) in step with effective values. Triggers (migration 3) mark a variant dirty whenever a scan,
// normalization or override touches it; `refreshSearchIndex` re-derives only those rows, before any search, facet
// count or export reads them.
import type { Database } from 'sql.js';
import { FIELD_BY_NAME, displayValue, readEffective, type FieldValue } from './effective';
import { inTransaction } from './transaction';

const CHUNK = 5000;

/** Variant ids re-indexed since a consumer (the facet cache) last took them; null = too many, rebuild. */
const reindexed = new WeakMap<Database, Set<number> | null>();
const TRACK_LIMIT = 20_000;

/** Starts (or restarts) recording which variants the next refreshes re-index. */
export function trackReindexed(db: Database): void {
  reindexed.set(db, new Set());
}

/** The ids re-indexed since the last call (null: more than can be patched, or tracking never started). */
export function takeReindexed(db: Database): Set<number> | null {
  const s = reindexed.get(db) ?? null;
  reindexed.set(db, new Set());
  return s;
}

function noteReindexed(db: Database, ids: readonly number[]): void {
  if (!reindexed.has(db)) return;
  const s = reindexed.get(db);
  if (!s) return;
  if (s.size + ids.length > TRACK_LIMIT) reindexed.set(db, null);
  else for (const id of ids) s.add(id);
}

export interface RefreshSummary {
  variants: number;
  ms: number;
}

/** Re-indexes dirty variants; returns at once (one indexed count) when none is dirty. */
export function refreshSearchIndex(db: Database): RefreshSummary {
  const t0 = performance.now();
  let total = 0;
  for (;;) {
    const ids = (db.exec(`SELECT variant_id FROM search_dirty LIMIT ${CHUNK}`)[0]?.values ?? []).map((r) => r[0] as number);
    if (ids.length === 0) break;
    total += ids.length;
    inTransaction(db, () => {
      reindex(db, ids);
      db.exec(`DELETE FROM search_dirty WHERE variant_id IN (${ids.join(',')})`);
    });
    noteReindexed(db, ids);
  }
  return { variants: total, ms: performance.now() - t0 };
}

function reindex(db: Database, ids: readonly number[]): void {
  const list = ids.join(',');
  db.exec(`DELETE FROM variant_fts WHERE docid IN (${list})`);
  db.exec(`DELETE FROM variant_facet WHERE variant_id IN (${list})`);
  const paths = new Map<number, { relPath: string; missing: number }>();
  for (const r of db.exec(`SELECT v.id, d.rel_path, v.missing FROM variant v JOIN dir d ON d.id = v.dir_id WHERE v.id IN (${list})`)[0]?.values ?? []) {
    paths.set(r[0] as number, { relPath: r[1] as string, missing: r[2] as number });
  }
  const fts = db.prepare('INSERT INTO variant_fts (docid, text) VALUES (?, ?)');
  const facet = db.prepare(
    `INSERT INTO variant_facet (variant_id, missing, designer, game_system, faction, unit, support_state, segmentation, scale, nsfw)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  try {
    for (const { variantId, values } of readEffective(db, [...paths.keys()])) {
      const p = paths.get(variantId)!;
      fts.run([variantId, searchText(p.relPath, values)]);
      const s = (f: string): string | null => (values[f] === undefined ? null : displayValue(values[f]!));
      facet.run([
        variantId,
        p.missing,
        s('designer'),
        s('game_system'),
        s('faction'),
        s('unit'),
        s('support_state'),
        s('segmentation'),
        scaleFacet(values),
        values.content_flag === 'nsfw' ? 1 : 0,
      ]);
    }
  } finally {
    fts.free();
    facet.free();
  }
}

/** What the index holds for a variant: its path words and its effective catalog values (vocab keys split on `_`
 * and `:`); bookkeeping fields such as token_locale would only add noise. */
export function searchText(relPath: string, values: Readonly<Record<string, FieldValue>>): string {
  const parts = [relPath];
  for (const [k, v] of Object.entries(values)) if (FIELD_BY_NAME.has(k)) parts.push(displayValue(v));
  return parts.join(' ');
}

/** `1:10` from a ratio, else `32mm` from a height. */
export function scaleFacet(values: Readonly<Record<string, FieldValue>>): string | null {
  if (typeof values.scale_ratio_den === 'number') return `1:${values.scale_ratio_den}`;
  if (typeof values.height_mm === 'number') return `${values.height_mm}mm`;
  return null;
}
