// Franchise from the normalizer's character (the character pass of SPEC §4.2, reduced): a character whose alias
// is strong (a listed strong signal, or longer than 2 characters, not digits, not generic) gives its franchise;
// a weak one only warns `character_alias_weak`.
import { cuesFor } from '../normalize/cues';
import type { NormalizedFields, WarningCode } from '../normalize/types';
import type { Ruleset } from '../vocab/ruleset';

const GENERIC = /^(\d+|.{1,2})$/u;

export function matchFranchise(fields: NormalizedFields, ruleset: Ruleset, warnings: WarningCode[]): string | null {
  if (fields.character_name === null) return null;
  const alias = fields.character_aliases[0];
  if (alias === undefined) return null;
  const ref = (ruleset.franchises.charactersByAlias.get(alias) ?? []).find((c) => c.character === fields.character_name);
  if (!ref || ref.franchise === null) return null;
  const franchise = ruleset.franchises.byKey.get(ref.franchise);
  const strong =
    (franchise?.strongSignals.has(alias) ?? false) ||
    (!GENERIC.test(alias) && !cuesFor(ruleset).ambiguousAliases.has(alias));
  if (!strong) {
    if (!warnings.includes('character_alias_weak')) warnings.push('character_alias_weak');
    return null;
  }
  return ref.franchise;
}
