// The original's codex files, read as they are: `codex_units_<system>.yaml` with `codex_units.<system>` holding
// meta (editions, base profiles), availability groups, factions (40K/Heresy) or grand alliances (AoS), and units.
import { z } from 'zod';
import { aliasList, editionList, stringList } from './common';

export const baseProfile = z.looseObject({
  shape: z.string(),
  diameter_mm: z.number().optional(),
  width_mm: z.number().optional(),
  length_mm: z.number().optional(),
  flying_stem: z.boolean().optional(),
});

export const unitNode = z.looseObject({
  name: z.string().optional(),
  role: z.string().optional(),
  aliases: aliasList.optional(),
  legal_in_editions: editionList.optional(),
  legends_in_editions: editionList.optional(),
  available_to: z
    .union([stringList, z.record(z.string(), z.unknown())])
    .optional()
    .describe('faction, faction/sub, faction/* or (AoS) alliance/faction'),
  excluded_from: stringList.optional(),
  base_profile: z.string().optional().describe('A key of meta.base_profiles'),
  base_profile_key: z.string().optional(),
  unique: z.boolean().optional(),
  category: z.string().optional(),
});

const subFaction = z
  .looseObject({
    name: z.string().optional(),
    aliases: aliasList.optional(),
    include_groups: stringList.optional(),
    include_units: stringList.optional(),
    exclude_groups: stringList.optional(),
    exclude_units: stringList.optional(),
  })
  .nullable();

export const factionContainers = ['subfactions', 'chapters', 'orders', 'septs', 'dynasties', 'hives', 'temples', 'legions'] as const;

export const factionNode = z
  .looseObject({
    name: z.string().optional(),
    display_name: z.string().optional(),
    kind: z.string().optional(),
    aliases: aliasList.optional(),
    include_groups: stringList.optional(),
    include_units: stringList.optional(),
    exclude_groups: stringList.optional(),
    exclude_units: stringList.optional(),
    ...Object.fromEntries(factionContainers.map((c) => [c, z.record(z.string(), subFaction).optional()])),
  })
  .nullable();

/** A unit list in AoS: a mapping of unit id → unit, or a list of ids / single-entry mappings. */
export const unitGroup = z
  .union([
    z.record(z.string(), unitNode.nullable()),
    z.array(z.union([z.string(), z.record(z.string(), unitNode.nullable()), unitNode])),
  ])
  .nullable();

export const aosFaction = z
  .looseObject({
    display_name: z.string().optional(),
    name: z.string().optional(),
    aliases: aliasList.optional(),
    unit_types: z.record(z.string(), unitGroup).nullable().optional(),
    endless_spells: unitGroup.optional(),
    manifestations: unitGroup.optional(),
    invocations: unitGroup.optional(),
    warscroll_terrain: unitGroup.optional(),
    subfactions: z.union([z.record(z.string(), z.unknown()), stringList]).nullable().optional(),
    allies: z.unknown().optional(),
  })
  .nullable();

export const regiment = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  units: stringList.optional(),
  available_to: stringList.optional(),
  legal_in_editions: editionList.optional(),
  notes: z.string().optional(),
});

export const codexSystemNode = z.looseObject({
  meta: z
    .looseObject({
      editions: stringList.optional(),
      base_profiles: z.record(z.string(), baseProfile).optional(),
    })
    .optional(),
  availability_groups: z
    .record(
      z.string(),
      z.looseObject({
        default_base_profile: z.string().optional(),
        units: stringList.optional(),
        legal_in_editions: editionList.optional(),
      }),
    )
    .optional(),
  factions: z.record(z.string(), factionNode).optional(),
  units: z.record(z.string(), unitNode.nullable()).optional(),
  grand_alliances: z
    .record(z.string(), z.looseObject({ factions: z.record(z.string(), aosFaction).optional() }).nullable())
    .optional(),
  regiments_of_renown: z.array(regiment).nullable().optional(),
  shared_endless_spells: unitGroup.optional(),
  shared_manifestations: unitGroup.optional(),
  shared_invocations: unitGroup.optional(),
  shared_terrain: unitGroup.optional(),
});

export const codexUnitsFile = z.looseObject({
  codex_units: z.record(z.string(), codexSystemNode).describe('system name (warhammer_40k, age_of_sigmar, warhammer_30k) → codex'),
});

export type CodexUnitsFile = z.infer<typeof codexUnitsFile>;
export type CodexSystemNode = z.infer<typeof codexSystemNode>;
export type UnitNode = z.infer<typeof unitNode>;
export type FactionNode = z.infer<typeof factionNode>;
export type AosFaction = z.infer<typeof aosFaction>;
export type UnitGroup = z.infer<typeof unitGroup>;
