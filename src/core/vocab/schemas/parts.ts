// Parts: wargear and bodies (`wargear_<system>.yaml`, `bodies_<system>.yaml`).
import { z } from 'zod';
import { aliasList, editionList, stringList } from './common';

export const wargearEntry = z.looseObject({
  name: z.string().optional(),
  category: z.string().optional().describe('weapon_ranged | weapon_melee | pistol | heavy_weapon | shield | accessory | support_system'),
  slot: z.string().optional(),
  aliases: aliasList.optional(),
  legal_in_editions: editionList.optional(),
  legends_in_editions: editionList.optional(),
  available_to: stringList.optional().describe('Faction keys of the same system'),
});

export const bodyEntry = z.looseObject({
  name: z.string().optional(),
  faction: z.string().optional(),
  class: z.string().optional(),
  slots: stringList.optional(),
  aliases: aliasList.optional(),
});

export const partsFile = z.looseObject({
  system: z.string().optional().describe('Game system key (w40k, aos, heresy, old_world); default from the file name'),
  wargear: z.record(z.string(), wargearEntry).optional(),
  bodies: z.record(z.string(), bodyEntry).optional(),
});

export type PartsFile = z.infer<typeof partsFile>;
