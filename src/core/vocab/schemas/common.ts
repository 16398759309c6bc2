// Building blocks shared by the vocab file schemas. Objects are loose: unknown keys are kept (the original's
// loaders keep them as `attributes`) and never rejected; misspelt known keys are caught by their own types.
import { z } from 'zod';

export const key = z.string().min(1).describe('Stable snake_case identifier of the entry');
export const aliasList = z
  .array(z.string())
  .describe('Case-insensitive tokens or phrases that mean this entry (`_`, `-` and spaces separate tokens)');
export const stringList = z.array(z.string());
export const editionList = z.array(z.string()).describe('Edition tags, each one of the system\'s meta.editions');
export const intendedUse = z.enum(['tabletop_intent', 'display_large', 'mixed']);
/** A list, or a single string the loader wraps (the original accepts both in a few places). */
export const oneOrMany = z.union([z.string(), z.array(z.string())]);
