// Everything inferred for one variant: normalization, then the matchers that read its result (franchise from the
// character, game system / faction / unit, collection). Shared by the library pipeline and `normalize-paths`.
import { normalizeTokens, type VariantInput } from '../normalize/normalize';
import { pathComponents } from '../normalize/tokenize';
import type { NormalizeResult } from '../normalize/types';
import type { Ruleset } from '../vocab/ruleset';
import { matchCollection, type CollectionMatch } from './collections';
import { matchFranchise } from './franchise';
import { matchUnit, type UnitMatch } from './units';

export interface VariantInference {
  result: NormalizeResult;
  unit: UnitMatch | null;
  collection: CollectionMatch | null;
}

export function inferVariant(relPath: string, firstFile: string | undefined, input: VariantInput, ruleset: Ruleset): VariantInference {
  const result = normalizeTokens(input.tokens, ruleset, input.options);
  const f = result.fields;
  if (f.franchise === null) f.franchise = matchFranchise(f, ruleset, result.warnings);
  const components = input.options.rawComponents ?? pathComponents(relPath);
  const unit = matchUnit(relPath, result.residual, ruleset, components);
  // SPEC §3.3.3: a variant matched to a game system is for the tabletop unless something else said otherwise.
  if (unit && f.intended_use_bucket === null && !result.warnings.includes('intended_use_conflict')) f.intended_use_bucket = 'tabletop_intent';
  const collection = matchCollection(relPath, f.designer, ruleset, firstFile?.replace(/\\/g, '/').split('/').pop(), components);
  return { result, unit, collection };
}

/** The stored form (`variant_norm.fields`): non-empty values; `faction` / `unit` as vocab ids (`w40k:…`). */
export function storedFields(v: VariantInference): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v.result.fields)) {
    if (val === null || (Array.isArray(val) && val.length === 0)) continue;
    out[k] = val;
  }
  if (v.unit) {
    if (v.unit.gameSystem) out.game_system = v.unit.gameSystem;
    if (v.unit.unit.faction) out.faction = v.unit.unit.faction;
    out.unit = v.unit.unit.id;
  }
  if (v.collection) out.collection_id = v.collection.collection.id;
  return out;
}
