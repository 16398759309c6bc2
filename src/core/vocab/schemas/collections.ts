// Per-designer collections: `collections/<designer_key>.yaml`.
import { z } from 'zod';
import { aliasList, stringList } from './common';

export const collectionEntry = z.looseObject({
  id: z.string().min(1).describe('<designer>__<YYYY_MM>_<slug> or <designer>__<slug>'),
  name: z.string(),
  cycle: z.string().nullable().optional().describe('Release month YYYY-MM, or empty'),
  theme: z.string().nullable().optional(),
  publisher: z.string().optional(),
  release_date: z.string().optional(),
  source_urls: stringList.optional(),
  aliases: aliasList.optional(),
  match: z
    .looseObject({
      path_patterns: stringList.optional().describe('Regexes matched against the whole relative path'),
      sequence_number_regex: stringList.optional().describe('Regexes whose group 1 is the sequence number'),
    })
    .optional(),
});

export const collectionsFile = z.looseObject({
  version: z.number().optional(),
  publisher: z.string().optional(),
  designer_key: z.string().min(1),
  collections: z.array(collectionEntry).nullable().optional(),
});

export type CollectionsFile = z.infer<typeof collectionsFile>;
