// Multilingual glossaries: `i18n/*.yaml`. Flat keys directly under `languages` (or at the top) are accepted.
import { z } from 'zod';

export const glossaryLanguage = z.looseObject({
  mappings: z.record(z.string(), z.union([z.string(), z.number()])).nullable().optional(),
});

export const glossaryFile = z.looseObject({
  languages: z.record(z.string(), z.union([glossaryLanguage, z.string(), z.number()])).optional(),
});

export type GlossaryFile = z.infer<typeof glossaryFile>;
