// Manual overrides (SPEC §6 "Overrides & audit"): set or clear a field on one variant or many at once. Each value
// is checked against the field's type and, for vocab fields, the vocabulary; every change that alters something is
// appended to the audit log within the same transaction, under one batch id. Normalization never touches this table.
import { randomUUID } from 'node:crypto';
import type { Database } from 'sql.js';
import type { Ruleset } from '../vocab/ruleset';
import type { FieldChoice } from './types';
import { AuditAppender, type AuditSource } from './audit';
import { FIELD_BY_NAME, asFieldValue, enumLabel, type FieldSpec, type FieldValue, type VocabDomain } from './effective';
import { inTransaction } from './transaction';

/** Allowed keys per vocab domain, with a display name for pickers. */
export type VocabChoices = Readonly<Record<VocabDomain, ReadonlyMap<string, string>>>;

export function vocabChoices(r: Ruleset): VocabChoices {
  const map = <T>(items: Iterable<T>, key: (t: T) => string, name: (t: T) => string) => new Map([...items].map((t) => [key(t), name(t)]));
  return {
    designer: map([...r.designers.byKey.values()].filter((d) => !d.neverAssign), (d) => d.key, (d) => d.displayName),
    franchise: map([...r.franchises.byKey.values()].filter((f) => !f.deprecated), (f) => f.key, (f) => f.displayName),
    game_system: map(r.codex.systems.values(), (s) => s.key, (s) => s.name),
    faction: map(r.codex.factions.values(), (f) => f.id, (f) => f.name),
    unit: map(r.codex.units.values(), (u) => u.id, (u) => u.name),
    lineage: map(r.lineages.families.values(), (l) => l.familyKey, (l) => l.name),
  };
}

export class OverrideValidationError extends Error {
  constructor(readonly field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'OverrideValidationError';
  }
}

/**
 * Checks a manual value against the field's type and (when `vocab` is given) the vocabulary; returns it in stored
 * form (numbers parsed, tags trimmed and de-duplicated, empty text → null). Throws OverrideValidationError.
 */
export function validateValue(field: string, value: unknown, vocab: VocabChoices | null): FieldValue {
  const spec: FieldSpec | undefined = FIELD_BY_NAME.get(field);
  if (!spec) throw new OverrideValidationError(field, 'not a field that can be overridden');
  if (value === null || value === undefined) return null;
  const t = spec.type;
  const fail = (m: string): never => {
    throw new OverrideValidationError(field, m);
  };
  switch (t.kind) {
    case 'vocab': {
      if (typeof value !== 'string') return fail('expected a vocabulary key');
      const key = value.trim();
      if (key === '') return null;
      if (vocab && !vocab[t.domain].has(key)) return fail(`"${key}" is not a known ${t.domain.replace('_', ' ')} of the vocabulary`);
      return key;
    }
    case 'enum': {
      if (typeof value !== 'string' || !t.options.includes(value)) return fail(`expected one of ${t.options.join(', ')}`);
      return value;
    }
    case 'text':
    case 'note': {
      if (typeof value !== 'string') return fail('expected text');
      const s = t.kind === 'text' ? value.trim() : value;
      if (s.length > 10_000) return fail('text too long');
      if (t.kind === 'text' && /[\r\n]/.test(s)) return fail('expected one line');
      return s.trim() === '' ? null : s;
    }
    case 'number': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isFinite(n)) return fail('expected a number');
      if (t.integer && !Number.isInteger(n)) return fail('expected a whole number');
      if (n < t.min || n > t.max) return fail(`expected a number from ${t.min} to ${t.max}`);
      return n;
    }
    case 'boolean':
      if (typeof value !== 'boolean') return fail('expected true or false');
      return value;
    case 'tags': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return fail('expected a list of tags');
      const tags = [...new Set((value as string[]).map((s) => s.trim()).filter((s) => s !== ''))];
      if (tags.some((s) => s.length > 100)) return fail('tag too long');
      return tags.length ? tags : null;
    }
  }
}

/** One field change: set the override to `value` (null = "deliberately none"), or `clear` it (back to automatic). */
export type FieldChange = { field: string; value: unknown } | { field: string; clear: true };

export interface OverrideRequest {
  variantIds: readonly number[];
  changes: readonly FieldChange[];
  /** `user` for one variant from the panel, `bulk` for a multi-selection. */
  source: Extract<AuditSource, 'user' | 'bulk'>;
  actor?: string;
}

/**
 * Decided before an edit runs, so replaying it from the edit journal writes the same rows (batch id, time).
 * `beforeCommit` runs inside the edit's transaction after its writes, with the number of audit entries written;
 * throwing rolls the edit back.
 */
export interface EditContext {
  batchId: string;
  at: string;
  beforeCommit?: (entries: number) => void;
}

export const newEditContext = (): EditContext => ({ batchId: randomUUID(), at: new Date().toISOString() });

export interface OverrideResult {
  batchId: string;
  /** Audit entries written (changes that altered nothing are not recorded). */
  entries: number;
  variants: number;
}

export class UnknownVariantError extends Error {
  constructor(readonly variantId: number) {
    super(`no variant with id ${variantId}`);
    this.name = 'UnknownVariantError';
  }
}

/** Stored override text: NULL in the audit log means "no override"; otherwise the JSON of the manual value. */
export const encodeOverride = (v: FieldValue): string => JSON.stringify(v);
export const decodeOverride = (s: string | null): { overridden: boolean; value: FieldValue } =>
  s === null ? { overridden: false, value: null } : { overridden: true, value: asFieldValue(JSON.parse(s)) };

/** The low-level write shared by user edits and reverts: sets (`next` = JSON text) or clears (`next` = null). */
export class OverrideWriter {
  private readonly current;
  private readonly upsert;
  private readonly remove;
  private readonly auto;
  private readonly audit: AuditAppender;

  constructor(db: Database, private readonly actor: string, private readonly now = new Date().toISOString()) {
    this.current = db.prepare('SELECT manual_value FROM override WHERE variant_id = ? AND field = ?');
    this.upsert = db.prepare(
      `INSERT INTO override (variant_id, field, manual_value, original_auto_value, applied_at, applied_by) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(variant_id, field) DO UPDATE SET manual_value = excluded.manual_value,
         original_auto_value = excluded.original_auto_value, applied_at = excluded.applied_at, applied_by = excluded.applied_by`,
    );
    this.remove = db.prepare('DELETE FROM override WHERE variant_id = ? AND field = ?');
    this.auto = db.prepare('SELECT fields FROM variant_norm WHERE variant_id = ?');
    this.audit = new AuditAppender(db);
  }

  /** The stored override text: JSON of the manual value, or null when the field has no override. */
  read(variantId: number, field: string): string | null {
    this.current.bind([variantId, field]);
    try {
      return this.current.step() ? (this.current.get()[0] as string) : null;
    } finally {
      this.current.reset();
    }
  }

  /** Writes and audits when `next` differs from what is stored; returns whether anything changed. */
  write(variantId: number, field: string, next: string | null, source: AuditSource, batchId: string, reverts: number | null = null): boolean {
    const prev = this.read(variantId, field);
    if (prev === next) return false;
    if (next === null) this.remove.run([variantId, field]);
    else this.upsert.run([variantId, field, next, this.autoText(variantId, field), this.now, this.actor]);
    this.audit.append({ variantId, field, oldValue: prev, newValue: next, actor: this.actor, source, batchId, reverts, ts: this.now });
    return true;
  }

  private autoText(variantId: number, field: string): string | null {
    this.auto.bind([variantId]);
    try {
      if (!this.auto.step()) return null;
      const v = (JSON.parse(this.auto.get()[0] as string) as Record<string, unknown>)[field];
      return v === undefined ? null : JSON.stringify(v);
    } finally {
      this.auto.reset();
    }
  }

  free(): void {
    this.current.free();
    this.upsert.free();
    this.remove.free();
    this.auto.free();
    this.audit.free();
  }
}

/** Validates every change first (nothing is written when one fails), then applies all in one transaction. */
export function applyOverrides(db: Database, req: OverrideRequest, vocab: VocabChoices | null, ctx: EditContext = newEditContext()): OverrideResult {
  const planned = req.changes.map((c) => ({ field: c.field, next: 'clear' in c ? null : encodeOverride(validateValue(c.field, c.value, vocab)) }));
  const ids = [...new Set(req.variantIds)];
  if (ids.length > 0) {
    const found = new Set<number>();
    const st = db.prepare(`SELECT id FROM variant WHERE id IN (${ids.map(() => '?').join(',')})`);
    try {
      st.bind(ids);
      while (st.step()) found.add(st.get()[0] as number);
    } finally {
      st.free();
    }
    const missing = ids.find((id) => !found.has(id));
    if (missing !== undefined) throw new UnknownVariantError(missing);
  }
  const { batchId } = ctx;
  const writer = new OverrideWriter(db, req.actor ?? 'user', ctx.at);
  let entries = 0;
  try {
    inTransaction(db, () => {
      for (const id of ids) for (const p of planned) if (writer.write(id, p.field, p.next, req.source, batchId)) entries++;
      ctx.beforeCommit?.(entries);
    });
  } finally {
    writer.free();
  }
  return { batchId, entries, variants: ids.length };
}

/** Picker values for a field: enum options, vocabulary entries, or (without a vocabulary) values the library has. */
export function fieldChoices(db: Database, vocab: VocabChoices | null, field: string, query: string, limit: number): FieldChoice[] {
  const spec = FIELD_BY_NAME.get(field);
  if (!spec) return [];
  const q = query.trim().toLowerCase();
  const hit = (value: string, label: string) => q === '' || value.toLowerCase().includes(q) || label.toLowerCase().includes(q);
  if (spec.type.kind === 'enum') return spec.type.options.filter((o) => hit(o, enumLabel(o))).map((o) => ({ value: o, label: enumLabel(o) }));
  if (spec.type.kind === 'vocab' && vocab) {
    const out: FieldChoice[] = [];
    for (const [value, label] of vocab[spec.type.domain]) {
      if (!hit(value, label)) continue;
      out.push({ value, label, fromVocabulary: true });
      if (out.length >= limit) break;
    }
    return out;
  }
  const column = ['designer', 'game_system', 'faction', 'unit'].includes(field) ? field : null;
  if (!column) return [];
  return (db.exec(`SELECT DISTINCT ${column} FROM variant_facet WHERE ${column} IS NOT NULL AND ${column} LIKE ? ORDER BY 1 LIMIT ?`, [`%${q}%`, limit])[0]?.values ?? []).map(
    (r) => ({ value: r[0] as string, label: r[0] as string }),
  );
}
