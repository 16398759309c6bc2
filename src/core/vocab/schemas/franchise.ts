// One franchise manifest: `franchises/<key>.json` (original) or `.yaml` (this project).
import { z } from 'zod';
import { aliasList, stringList } from './common';

export const characterEntry = z.looseObject({
  canonical: z.string().optional().describe('Character key (also accepted: canonical_name, name, id)'),
  canonical_name: z.string().optional(),
  name: z.string().optional(),
  id: z.string().optional(),
  aliases: aliasList.optional(),
  actor_likeness: z.string().nullable().optional(),
  actor_confidence: z.union([z.string(), z.number()]).nullable().optional(),
  info_url: z.string().nullable().optional(),
});

export const franchiseFile = z.looseObject({
  franchise: z.string().optional().describe('Franchise key (also accepted: id, key)'),
  id: z.string().optional(),
  key: z.string().optional(),
  display_name: z.string().optional(),
  source_version: z.union([z.number(), z.string()]).optional(),
  aliases: aliasList.optional(),
  alias: aliasList.optional(),
  characters: z.array(characterEntry).optional(),
  tokens: z
    .looseObject({
      strong_signals: stringList.optional(),
      weak_signals: stringList.optional(),
      stop_conflicts: stringList.optional().describe('Tokens never counted as an alias of this franchise'),
      notes: z.string().optional(),
    })
    .optional(),
  deprecated: z.boolean().optional(),
  note: z.string().optional(),
  provenance: z.looseObject({ replaced_by: z.string().optional() }).optional(),
});

export type FranchiseFile = z.infer<typeof franchiseFile>;
export type CharacterEntry = z.infer<typeof characterEntry>;
