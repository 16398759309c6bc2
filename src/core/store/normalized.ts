// The normalization tables (migration 2): per-variant automatic values, warnings and residual tokens, and the
// vocabulary terms of the last run. Plain functions over the sql.js Database the SqlStore owns.
import type { Database, Statement } from 'sql.js';
import { joinRel } from './rel-path';

export interface VariantToNormalize {
  id: number;
  relPath: string;
  files: string[];
}

/** Every non-missing variant with its member files' relPaths, in variant id order (two queries, no N+1). */
export function variantsToNormalize(db: Database): VariantToNormalize[] {
  const byId = new Map<number, VariantToNormalize>();
  const out: VariantToNormalize[] = [];
  const vs = db.prepare('SELECT v.id, d.rel_path FROM variant v JOIN dir d ON d.id = v.dir_id WHERE v.missing = 0 ORDER BY v.id');
  try {
    while (vs.step()) {
      const [id, rel] = vs.get() as [number, string];
      const v = { id, relPath: rel, files: [] };
      byId.set(id, v);
      out.push(v);
    }
  } finally {
    vs.free();
  }
  const fs = db.prepare(
    `SELECT f.variant_id, d.rel_path, f.name, ad.rel_path, a.name, f.inner_path
     FROM file f LEFT JOIN dir d ON d.id = f.dir_id
       LEFT JOIN file a ON a.id = f.archive_file_id LEFT JOIN dir ad ON ad.id = a.dir_id
     WHERE f.variant_id IS NOT NULL`,
  );
  try {
    while (fs.step()) {
      const r = fs.get();
      const v = byId.get(r[0] as number);
      if (!v) continue;
      v.files.push(r[4] === null ? joinRel((r[1] as string) ?? '', (r[2] as string) ?? '') : `${joinRel((r[3] as string) ?? '', r[4] as string)}/${r[5] as string}`);
    }
  } finally {
    fs.free();
  }
  return out;
}

export interface NormIndexEntry {
  tokensKey: string;
  digest: string;
}

export function normIndex(db: Database): Map<number, NormIndexEntry> {
  const m = new Map<number, NormIndexEntry>();
  const st = db.prepare('SELECT variant_id, tokens_key, ruleset_digest FROM variant_norm');
  try {
    while (st.step()) {
      const [id, key, digest] = st.get() as [number, string, string];
      m.set(id, { tokensKey: key, digest });
    }
  } finally {
    st.free();
  }
  return m;
}

export interface NormRow {
  variantId: number;
  tokensKey: string;
  digest: string;
  /** Non-empty fields only. */
  fields: Record<string, unknown>;
  warnings: string[];
  residual: string[];
  confidence: number;
}

/** Prepared writers for one normalization run; call `free()` at the end. */
export class NormWriter {
  private readonly insert: Statement;
  private readonly update: Statement;
  private readonly touch: Statement;
  private readonly now = new Date().toISOString();

  // UPDATE, then INSERT when no row changed: an UPSERT's conflict clause would override the `INSERT OR IGNORE` of
  // the search index's triggers on this table.
  constructor(private readonly db: Database) {
    this.insert = db.prepare(
      `INSERT INTO variant_norm (fields, warnings, residual, confidence, designer, support_state, normalized_at, tokens_key, ruleset_digest, variant_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.update = db.prepare(
      `UPDATE variant_norm SET fields = ?, warnings = ?, residual = ?, confidence = ?, designer = ?, support_state = ?,
         normalized_at = ?, tokens_key = ?, ruleset_digest = ? WHERE variant_id = ?`,
    );
    this.touch = db.prepare('UPDATE variant_norm SET ruleset_digest = ? WHERE variant_id = ?');
  }

  write(row: NormRow): void {
    const designer = typeof row.fields.designer === 'string' ? row.fields.designer : null;
    const support = typeof row.fields.support_state === 'string' ? row.fields.support_state : null;
    const params = [
      JSON.stringify(row.fields),
      JSON.stringify(row.warnings),
      JSON.stringify(row.residual),
      row.confidence,
      designer,
      support,
      this.now,
      row.tokensKey,
      row.digest,
      row.variantId,
    ];
    this.update.run(params);
    if (this.db.getRowsModified() === 0) this.insert.run(params);
  }

  /** The variant's result holds under the new vocabulary: record the digest without re-running. */
  carry(variantId: number, digest: string): void {
    this.touch.run([digest, variantId]);
  }

  free(): void {
    this.insert.free();
    this.update.free();
    this.touch.free();
  }
}

/** The ruleset digest the stored terms belong to (that of the last complete run), without reading the terms. */
export function readVocabDigest(db: Database): string | null {
  return (db.exec('SELECT ruleset_digest FROM norm_vocab WHERE id = 1')[0]?.values[0]?.[0] as string | undefined) ?? null;
}

export function readVocabTerms(db: Database): { digest: string; terms: Map<string, string> } | null {
  const r = db.exec('SELECT ruleset_digest, terms FROM norm_vocab WHERE id = 1')[0]?.values[0];
  if (!r) return null;
  return { digest: r[0] as string, terms: new Map(JSON.parse(r[1] as string) as [string, string][]) };
}

export function writeVocabTerms(db: Database, digest: string, terms: ReadonlyMap<string, string>): void {
  db.run(
    `INSERT INTO norm_vocab (id, ruleset_digest, terms) VALUES (1, ?, ?)
     ON CONFLICT(id) DO UPDATE SET ruleset_digest = excluded.ruleset_digest, terms = excluded.terms`,
    [digest, JSON.stringify([...terms])],
  );
}

export interface VariantNormalized {
  fields: Record<string, unknown>;
  warnings: string[];
  residual: string[];
  confidence: number;
  rulesetDigest: string;
  normalizedAt: string;
}

export function getNormalized(db: Database, variantId: number): VariantNormalized | null {
  const r = db.exec(
    'SELECT fields, warnings, residual, confidence, ruleset_digest, normalized_at FROM variant_norm WHERE variant_id = ?',
    [variantId],
  )[0]?.values[0];
  if (!r) return null;
  return {
    fields: JSON.parse(r[0] as string) as Record<string, unknown>,
    warnings: JSON.parse(r[1] as string) as string[],
    residual: JSON.parse(r[2] as string) as string[],
    confidence: r[3] as number,
    rulesetDigest: r[4] as string,
    normalizedAt: r[5] as string,
  };
}
