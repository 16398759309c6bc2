// This project's own codex format (`codex/<system>.yaml`): one file per game system, factions with their units
// nested under them, so a faction reads top to bottom. A unit written as a plain string is just its name.
import { z } from 'zod';
import { aliasList, editionList, key, stringList } from './common';
import { baseProfile } from './codex-units';

export const codexUnit = z.union([
  z.string().describe('The unit\'s display name (aliases derive from name and key)'),
  z.looseObject({
    name: z.string(),
    aliases: aliasList.optional().describe('Extra aliases beyond the name and the key'),
    role: z.string().optional().describe('leader, battleline, infantry, cavalry, monster, vehicle, …'),
    category: z.string().optional().describe('unit (default), endless_spell, manifestation, invocation, terrain, regiment'),
    base_profile: z.string().optional().describe('A key of base_profiles'),
    available_to: stringList.optional().describe('Other factions that field it: faction keys, or parent/* for all children'),
    legal_in_editions: editionList.optional(),
    legends_in_editions: editionList.optional(),
    unique: z.boolean().optional(),
  }),
]);

export const codexFaction = z.looseObject({
  name: z.string(),
  kind: z.string().optional().describe('grand_alliance, faction (default), chapter, legion, subfaction'),
  parent: z.string().optional().describe('Key of the parent faction in this file (chapter → space_marines)'),
  aliases: aliasList.optional(),
  units: z.record(key, codexUnit).optional().describe('unit key → name or unit'),
});

export const codexFile = z.looseObject({
  system: z.string().min(1).describe('Game system key: w40k, aos, heresy, old_world, …'),
  name: z.string(),
  default_scale: z.looseObject({ den: z.number().int().positive(), name: z.string() }).optional(),
  editions: stringList.optional(),
  base_profiles: z.record(z.string(), baseProfile).optional(),
  factions: z.record(key, codexFaction).describe('faction key → faction'),
});

export type CodexFile = z.infer<typeof codexFile>;
export type CodexUnit = z.infer<typeof codexUnit>;
