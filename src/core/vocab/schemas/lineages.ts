// Lineages: `lineages.yaml` (families with sublineages).
import { z } from 'zod';
import { stringList } from './common';

const lineageBase = {
  key: z.string().min(1),
  name: z.string(),
  context_tags: stringList.optional(),
  aliases_strong: stringList.optional().describe('Phrases that identify the lineage on their own'),
  aliases_weak: stringList.optional().describe('Phrases that count only together with other evidence'),
  excludes: stringList.optional().describe('Phrases that rule the lineage out'),
};

export const sublineageEntry = z.looseObject(lineageBase);
export const familyEntry = z.looseObject({
  ...lineageBase,
  locale_aliases: z.record(z.string(), stringList).optional(),
  sublineages: z.array(sublineageEntry).optional(),
});

export const lineagesFile = z.looseObject({
  version: z.number().optional(),
  families: z.array(familyEntry),
});

export type LineagesFile = z.infer<typeof lineagesFile>;
