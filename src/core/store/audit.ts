// The append-only audit trail of overrides: field, old and new stored value (NULL = no override), source, batch id,
// time. A revert never deletes: it writes the inverse changes as new entries (source `revert`, `reverts` = the
// entry undone) under a new batch id.
import type { Database, Statement } from 'sql.js';
import { decodeOverride, newEditContext, OverrideWriter, type EditContext, type OverrideResult } from './overrides';
import type { FieldValue } from './effective';
import { inTransaction } from './transaction';

export type AuditSource = 'user' | 'bulk' | 'revert';

export interface AuditWrite {
  variantId: number;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  actor: string;
  source: AuditSource;
  batchId: string;
  reverts: number | null;
  ts: string;
}

/** Prepared once per writer (a bulk edit appends thousands). */
export class AuditAppender {
  private readonly st: Statement;
  constructor(db: Database) {
    this.st = db.prepare(
      `INSERT INTO audit_log (resource_type, resource_id, field, old_value, new_value, actor, source, batch_id, reverts, ts)
       VALUES ('variant', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }
  append(a: AuditWrite): void {
    this.st.run([a.variantId, a.field, a.oldValue, a.newValue, a.actor, a.source, a.batchId, a.reverts, a.ts]);
  }
  free(): void {
    this.st.free();
  }
}

export interface AuditEntry {
  id: number;
  variantId: number;
  field: string;
  /** Whether an override existed before / after, and its value. */
  oldOverridden: boolean;
  oldValue: FieldValue;
  newOverridden: boolean;
  newValue: FieldValue;
  actor: string;
  source: AuditSource;
  batchId: string;
  /** Entry this one undid (source `revert`). */
  reverts: number | null;
  ts: string;
  /** How many entries share the batch (a bulk edit of 300 variants × 1 field = 300). */
  batchSize: number;
  /** Display names of the old and new values (vocabulary names, enum labels), when known. */
  oldLabel?: string | null;
  newLabel?: string | null;
}

const COLS = `a.id, a.resource_id, a.field, a.old_value, a.new_value, a.actor, a.source, a.batch_id, a.reverts, a.ts,
  (SELECT count(*) FROM audit_log b WHERE b.batch_id = a.batch_id)`;

function toEntry(r: unknown[]): AuditEntry {
  const o = decodeOverride(r[3] as string | null);
  const n = decodeOverride(r[4] as string | null);
  return {
    id: r[0] as number,
    variantId: r[1] as number,
    field: r[2] as string,
    oldOverridden: o.overridden,
    oldValue: o.value,
    newOverridden: n.overridden,
    newValue: n.value,
    actor: r[5] as string,
    source: r[6] as AuditSource,
    batchId: r[7] as string,
    reverts: (r[8] as number | null) ?? null,
    ts: r[9] as string,
    batchSize: r[10] as number,
  };
}

/** A variant's history, newest first. */
export function listAudit(db: Database, variantId: number, offset = 0, limit = 200): { items: AuditEntry[]; total: number } {
  const total = Number(db.exec("SELECT count(*) FROM audit_log WHERE resource_type = 'variant' AND resource_id = ?", [variantId])[0]?.values[0]?.[0] ?? 0);
  const rows = db.exec(
    `SELECT ${COLS} FROM audit_log a WHERE a.resource_type = 'variant' AND a.resource_id = ? ORDER BY a.id DESC LIMIT ? OFFSET ?`,
    [variantId, limit, offset],
  )[0]?.values ?? [];
  return { items: rows.map(toEntry), total };
}

export type RevertTarget = { batchId: string } | { entryId: number };

export class NothingToRevertError extends Error {
  constructor(what: string) {
    super(`nothing to revert: ${what} is not in the audit log`);
    this.name = 'NothingToRevertError';
  }
}

/**
 * Reverts one entry or a whole batch: each (variant, field) the target touched goes back to the value it had before
 * the target's first change to it. Written as new `revert` entries under a new batch; pairs already at that value
 * are left alone (no entry).
 */
export function revertAudit(db: Database, target: RevertTarget, actor = 'user', ctx: EditContext = newEditContext()): OverrideResult {
  // only what the revert needs, the stored old value as it is (no decoding)
  const [cond, arg] = 'batchId' in target ? ['batch_id = ?', target.batchId] : ['id = ?', target.entryId];
  const rows = db.exec(`SELECT id, resource_id, field, old_value FROM audit_log WHERE ${cond} ORDER BY id`, [arg])[0]?.values ?? [];
  if (rows.length === 0) throw new NothingToRevertError('batchId' in target ? `batch ${target.batchId}` : `entry ${target.entryId}`);
  // the earliest change per (variant, field) holds the value to go back to
  const firstByPair = new Map<string, { id: number; variantId: number; field: string; oldValue: string | null }>();
  for (const r of rows) {
    const e = { id: r[0] as number, variantId: r[1] as number, field: r[2] as string, oldValue: r[3] as string | null };
    const k = `${e.variantId}\u0000${e.field}`;
    if (!firstByPair.has(k)) firstByPair.set(k, e);
  }
  const pairIds = [...new Set([...firstByPair.values()].map((e) => e.variantId))];
  const existing = new Set((db.exec(`SELECT id FROM variant WHERE id IN (${pairIds.join(',')})`)[0]?.values ?? []).map((r) => r[0] as number));
  const { batchId } = ctx;
  const writer = new OverrideWriter(db, actor, ctx.at);
  const variants = new Set<number>();
  let written = 0;
  try {
    inTransaction(db, () => {
      for (const e of firstByPair.values()) {
        if (!existing.has(e.variantId)) continue; // the variant was removed from the library; its history stays
        if (writer.write(e.variantId, e.field, e.oldValue, 'revert', batchId, e.id)) {
          written++;
          variants.add(e.variantId);
        }
      }
      ctx.beforeCommit?.(written);
    });
  } finally {
    writer.free();
  }
  return { batchId, entries: written, variants: variants.size };
}
