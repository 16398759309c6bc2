// Designers: `designers_tokenmap.json` (original) and `designers.yaml` (this project). Same shape in both.
import { z } from 'zod';
import { aliasList, intendedUse } from './common';

export const designerEntry = z.looseObject({
  name: z.string().optional().describe('Display name; defaults to the key title-cased'),
  aliases: aliasList,
  intended_use_bucket: intendedUse.optional(),
  never_assign: z
    .boolean()
    .optional()
    .describe('A distribution channel rather than a designer: recognised, never assigned'),
});

export const designersFile = z.looseObject({
  designers_map_version: z.number().optional(),
  version: z.number().optional(),
  designers: z
    .record(z.string(), z.union([designerEntry, aliasList]))
    .describe('designer key → entry (the Markdown map gives a bare alias list)'),
});

export type DesignersFile = z.infer<typeof designersFile>;
