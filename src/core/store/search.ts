// Search as you type: every word of the query must start a word of the variant's path or of one of its effective
// values (`elf ran` finds `Elves/Ranger_32mm` and a variant whose designer override is `ranger_forge`).
import type { Database } from 'sql.js';
import { refreshSearchIndex } from './search-index';

export interface SearchHit {
  id: number;
  rootId: number;
  rootPath: string;
  relPath: string;
  designer: string | null;
  missing: boolean;
}

/** The columns and joins a hit is read with (`f` = variant_facet, `v` = variant), shared by search and facet filters. */
export const HIT_COLUMNS = 'v.id, v.root_id, r.path, d.rel_path, f.designer, v.missing';
export const HIT_JOINS = 'JOIN dir d ON d.id = v.dir_id JOIN library_root r ON r.id = v.root_id';

export function hitRow(r: unknown[]): SearchHit {
  return {
    id: r[0] as number,
    rootId: r[1] as number,
    rootPath: r[2] as string,
    relPath: r[3] as string,
    designer: (r[4] as string | null) ?? null,
    missing: r[5] === 1,
  };
}

export interface SearchResult {
  hits: SearchHit[];
  /** More variants match than were returned. */
  more: boolean;
  ms: number;
}

/** Query words as FTS4 prefix terms; diacritics and punctuation dropped, as the unicode61 tokenizer does. */
export function ftsQuery(text: string): string | null {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
    .slice(0, 12);
  return words.length ? words.map((w) => `${w}*`).join(' ') : null;
}

export function searchVariants(db: Database, text: string, limit = 50): SearchResult {
  const t0 = performance.now();
  refreshSearchIndex(db);
  const q = ftsQuery(text);
  if (q === null) return { hits: [], more: false, ms: performance.now() - t0 };
  const rows = db.exec(
    `SELECT ${HIT_COLUMNS}
     FROM (SELECT docid FROM variant_fts WHERE variant_fts MATCH ? LIMIT ?) m
       JOIN variant v ON v.id = m.docid ${HIT_JOINS}
       LEFT JOIN variant_facet f ON f.variant_id = v.id`,
    [q, limit + 1],
  )[0]?.values ?? [];
  const hits = rows.slice(0, limit).map(hitRow);
  hits.sort((a, b) => Number(a.missing) - Number(b.missing) || a.relPath.localeCompare(b.relPath));
  return { hits, more: rows.length > limit, ms: performance.now() - t0 };
}
