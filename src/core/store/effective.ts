// The one place a field's effective value is decided: the user's override when there is one, else the automatic
// value normalization (or a matcher) produced. Tree labels, search, facets, the panel and export all read through
// here. Also the catalog of fields a user may override, with the type each value must have.
import type { Database } from 'sql.js';

/** Where a vocab-backed field takes its allowed values from (see overrides.ts `vocabChoices`). */
export type VocabDomain = 'designer' | 'franchise' | 'game_system' | 'faction' | 'unit' | 'lineage';

export type FieldType =
  | { kind: 'vocab'; domain: VocabDomain }
  | { kind: 'enum'; options: readonly string[] }
  | { kind: 'text' } // one line
  | { kind: 'note' } // free multi-line text
  | { kind: 'number'; min: number; max: number; integer: boolean }
  | { kind: 'boolean' }
  | { kind: 'tags' };

export interface FieldSpec {
  /** snake_case, as normalization writes it in `variant_norm.fields`. */
  name: string;
  label: string;
  type: FieldType;
  /** Only the user sets it (no automatic value): tags and notes. */
  userOnly?: boolean;
}

const e = (options: readonly string[]): FieldType => ({ kind: 'enum', options });

export const FIELDS: readonly FieldSpec[] = [
  { name: 'designer', label: 'Designer', type: { kind: 'vocab', domain: 'designer' } },
  { name: 'game_system', label: 'Game system', type: { kind: 'vocab', domain: 'game_system' } },
  { name: 'faction', label: 'Faction', type: { kind: 'vocab', domain: 'faction' } },
  { name: 'unit', label: 'Unit', type: { kind: 'vocab', domain: 'unit' } },
  { name: 'franchise', label: 'Franchise', type: { kind: 'vocab', domain: 'franchise' } },
  { name: 'character_name', label: 'Character', type: { kind: 'text' } },
  { name: 'lineage_family', label: 'Lineage', type: { kind: 'vocab', domain: 'lineage' } },
  { name: 'faction_general', label: 'General faction', type: e(['chaos', 'order', 'death', 'destruction']) },
  { name: 'support_state', label: 'Supports', type: e(['presupported', 'supported', 'unsupported']) },
  { name: 'segmentation', label: 'Segmentation', type: e(['split', 'merged']) },
  { name: 'internal_volume', label: 'Internal volume', type: e(['hollowed', 'solid']) },
  { name: 'part_pack_type', label: 'Part pack', type: e(['bust_only', 'base_only', 'accessory']) },
  { name: 'content_flag', label: 'Content', type: e(['nsfw']) },
  { name: 'intended_use_bucket', label: 'Intended use', type: e(['tabletop_intent', 'display_large', 'mixed']) },
  { name: 'scale_ratio_den', label: 'Scale 1:N', type: { kind: 'number', min: 1, max: 1000, integer: true } },
  { name: 'height_mm', label: 'Height (mm)', type: { kind: 'number', min: 1, max: 10000, integer: false } },
  { name: 'asset_category', label: 'Asset category', type: { kind: 'text' } },
  { name: 'pose_variant', label: 'Pose', type: { kind: 'text' } },
  { name: 'version_num', label: 'Version', type: { kind: 'number', min: 0, max: 100000, integer: true } },
  { name: 'has_bust_variant', label: 'Has bust', type: { kind: 'boolean' } },
  { name: 'pc_candidate_flag', label: 'PC candidate', type: { kind: 'boolean' } },
  { name: 'tags', label: 'Tags', type: { kind: 'tags' }, userOnly: true },
  { name: 'notes', label: 'Notes', type: { kind: 'note' }, userOnly: true },
];

export const FIELD_BY_NAME: ReadonlyMap<string, FieldSpec> = new Map(FIELDS.map((f) => [f.name, f]));

/** How the spec's enum words read in the views (the words themselves stay the stored and exported form). */
const ENUM_LABELS: Readonly<Record<string, string>> = {
  tabletop_intent: 'Tabletop',
  display_large: 'Display (large scale)',
  bust_only: 'Bust only',
  base_only: 'Base only',
  nsfw: 'NSFW',
};

export function enumLabel(value: string): string {
  return ENUM_LABELS[value] ?? value.charAt(0).toUpperCase() + value.slice(1).replace(/_/g, ' ');
}

/** A field value as stored (JSON): string, number, boolean, string list, or null for "none". */
export type FieldValue = string | number | boolean | string[] | null;

export interface EffectiveField {
  field: string;
  /** What the rules produced (null = nothing). */
  auto: FieldValue;
  /** True when the user set an override (its value may be null: "no value", deliberately). */
  overridden: boolean;
  override: FieldValue;
  /** `override ?? auto`: the override when one is set, else the automatic value. */
  effective: FieldValue;
  /** Display names of vocabulary keys (`titan_forge` → "Titan Forge"), when the vocabulary knows them. */
  autoLabel?: string | null;
  effectiveLabel?: string | null;
}

/** `overrides` maps field → manual value for the fields that have an override. */
export function effectiveField(field: string, auto: FieldValue | undefined, overrides: ReadonlyMap<string, FieldValue>): EffectiveField {
  const a = auto ?? null;
  if (overrides.has(field)) {
    const o = overrides.get(field) ?? null;
    return { field, auto: a, overridden: true, override: o, effective: o };
  }
  return { field, auto: a, overridden: false, override: null, effective: a };
}

/** Every catalog field, plus any automatic field outside the catalog (shown read-only), in catalog order. */
export function effectiveFields(auto: Readonly<Record<string, unknown>>, overrides: ReadonlyMap<string, FieldValue>): EffectiveField[] {
  const out = FIELDS.map((f) => effectiveField(f.name, asFieldValue(auto[f.name]), overrides));
  for (const [k, v] of Object.entries(auto)) if (!FIELD_BY_NAME.has(k)) out.push(effectiveField(k, asFieldValue(v), overrides));
  return out;
}

/** Field → effective value (only fields with a value). */
export function effectiveValues(auto: Readonly<Record<string, unknown>>, overrides: ReadonlyMap<string, FieldValue>): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const f of effectiveFields(auto, overrides)) if (!isEmpty(f.effective)) out[f.field] = f.effective;
  return out;
}

export function isEmpty(v: FieldValue): boolean {
  return v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

export function asFieldValue(v: unknown): FieldValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(String);
  return JSON.stringify(v);
}

/** Text of an effective value for labels, search and CSV. */
export function displayValue(v: FieldValue): string {
  if (v === null) return '';
  return Array.isArray(v) ? v.join(', ') : String(v);
}

export interface VariantEffective {
  variantId: number;
  values: Record<string, FieldValue>;
}

/** Overrides of many variants (of the given fields only, when named): variantId → (field → manual value). */
export function readOverrides(db: Database, variantIds?: readonly number[], fields?: readonly string[]): Map<number, Map<string, FieldValue>> {
  const out = new Map<number, Map<string, FieldValue>>();
  const marks = (n: readonly unknown[]) => n.map(() => '?').join(',') || 'NULL';
  const where = [variantIds ? `variant_id IN (${marks(variantIds)})` : '', fields ? `field IN (${marks(fields)})` : ''].filter(Boolean);
  const st = db.prepare(`SELECT variant_id, field, manual_value FROM override ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`);
  try {
    if (variantIds || fields) st.bind([...(variantIds ?? []), ...(fields ?? [])]);
    while (st.step()) {
      const [id, field, manual] = st.get() as [number, string, string | null];
      let m = out.get(id);
      if (!m) out.set(id, (m = new Map()));
      m.set(field, manual === null ? null : asFieldValue(JSON.parse(manual)));
    }
  } finally {
    st.free();
  }
  return out;
}

/** Effective values of the given variants (all when omitted), in id order; one pass, no per-variant query. */
export function readEffective(db: Database, variantIds?: readonly number[]): VariantEffective[] {
  const overrides = readOverrides(db, variantIds);
  const where = variantIds ? `WHERE v.id IN (${variantIds.map(() => '?').join(',') || 'NULL'})` : '';
  const st = db.prepare(`SELECT v.id, n.fields FROM variant v LEFT JOIN variant_norm n ON n.variant_id = v.id ${where} ORDER BY v.id`);
  const out: VariantEffective[] = [];
  const none = new Map<string, FieldValue>();
  try {
    if (variantIds) st.bind([...variantIds]);
    while (st.step()) {
      const [id, fields] = st.get() as [number, string | null];
      const auto = fields ? (JSON.parse(fields) as Record<string, unknown>) : {};
      out.push({ variantId: id, values: effectiveValues(auto, overrides.get(id) ?? none) });
    }
  } finally {
    st.free();
  }
  return out;
}

export interface TreeLabelValues {
  designer: string | null;
  supportState: string | null;
  warnings: string[];
}

/** Effective designer and support state (and the automatic warnings) for tree rows: the automatic values from the
 *  columns normalization keeps for them, overrides of just those two fields; no other field is worked out. */
export function treeEffective(db: Database, variantIds: readonly number[]): Map<number, TreeLabelValues> {
  const out = new Map<number, TreeLabelValues>();
  if (variantIds.length === 0) return out;
  const marks = variantIds.map(() => '?').join(',');
  const overrides = readOverrides(db, variantIds, ['designer', 'support_state']);
  const none = new Map<string, FieldValue>();
  const label = (id: number, field: string, auto: unknown): string | null => {
    const v = effectiveField(field, asFieldValue(auto), overrides.get(id) ?? none).effective;
    return isEmpty(v) ? null : displayValue(v);
  };
  const rows = db.exec(`SELECT v.id, n.designer, n.support_state, n.warnings FROM variant v LEFT JOIN variant_norm n ON n.variant_id = v.id WHERE v.id IN (${marks})`, [...variantIds]);
  for (const [id, designer, support, warnings] of rows[0]?.values ?? []) {
    const v = id as number;
    out.set(v, { designer: label(v, 'designer', designer), supportState: label(v, 'support_state', support), warnings: warnings ? (JSON.parse(warnings as string) as string[]) : [] });
  }
  return out;
}
