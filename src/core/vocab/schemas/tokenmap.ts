// The token map: `tokenmap.yaml` (this project) and the original's `tokenmap.md`, whose blocks the Markdown reader
// turns into the same shape. Every word list is lower case; regexes are JavaScript (a Python `(?i)` is converted).
import { z } from 'zod';
import { stringList } from './common';

const wordsByValue = z.record(z.string(), stringList);

export const tokenmapFile = z.looseObject({
  token_map_version: z.number().optional(),
  version: z.number().optional(),
  meta: z
    .looseObject({
      token_map_version: z.number().optional(),
      min_token_length: z.number().int().min(1).optional(),
      split_on: stringList.optional(),
      strip_chars: stringList.optional(),
    })
    .optional(),
  stopwords: stringList.optional().describe('Classified but never residual'),
  stopwords_additions: stringList.optional(),
  noise_words: stringList.optional().describe('Hidden from the residual explorer'),
  lineage: wordsByValue.optional().describe('lineage family → tokens'),
  factions: z.record(z.string(), wordsByValue).optional().describe('system → faction → alias tokens'),
  general_faction: wordsByValue.optional(),
  nsfw_cues: z
    .looseObject({ strong: stringList.optional(), weak: stringList.optional(), exclude_false_positive_context: stringList.optional() })
    .optional(),
  variant_axes: z
    .looseObject({
      segmentation: wordsByValue.optional(),
      internal_volume: wordsByValue.optional(),
      support_state: wordsByValue.optional(),
      part_pack_type: wordsByValue.optional(),
      bust_indicators: stringList.optional(),
      base_shape: wordsByValue.optional(),
    })
    .optional(),
  scale_tokens: z
    .looseObject({
      ratio_pattern: z.string().optional(),
      mm_pattern: z.string().optional(),
      allowed_denominators: z.array(z.number()).optional(),
      suspect_denominators: z.array(z.number()).optional(),
    })
    .optional(),
  intended_use: wordsByValue.optional(),
  role_cues: z
    .looseObject({ pc_positive: stringList.optional(), pc_negative: stringList.optional(), monster_terms: stringList.optional() })
    .optional(),
  token_patterns: z.record(z.string(), z.string()).optional().describe('name → regex (version, pose, …)'),
  tabletop_hints: stringList.optional(),
  ambiguous_aliases: stringList.optional(),
  designer_suffixes: stringList.optional(),
  asset_category: wordsByValue.optional().describe('asset category → tokens'),
  kits: z
    .looseObject({ child_words: stringList.optional(), parent_hints: stringList.optional(), label_preference: stringList.optional() })
    .optional(),
});

export type TokenmapFile = z.infer<typeof tokenmapFile>;
