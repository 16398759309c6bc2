// What normalization produces for one variant: auto values (snake_case keys, as the vocab and the CLI spell them),
// the warnings that explain doubts, the residual tokens nothing explained, and a confidence score.
import type { IntendedUseBucket } from '../vocab/ruleset';

export type WarningCode =
  | 'character_without_context'
  | 'faction_without_system'
  | 'tabletop_no_franchise'
  | 'character_alias_weak'
  | 'original_character_inferred'
  | 'intended_use_conflict'
  | 'support_state_conflict'
  | 'lineage_ambiguous_vs_context'
  | 'lineage_weak_top_level'
  | 'segmentation_inferred_cross_scale'
  | 'designer_alias_collision'
  | 'segmentation_conflict'
  | 'ambiguous_lineage_token'
  | 'uncommon_scale_ratio'
  | 'nsfw_weak_confidence'
  | 'pc_candidate_conflict'
  | 'scale_mm_ratio_conflict'
  | 'empty_signal';

export interface NormalizedFields {
  designer: string | null;
  franchise: string | null;
  franchise_hints: string[];
  character_name: string | null;
  character_aliases: string[];
  content_flag: 'nsfw' | null;
  segmentation: 'split' | 'merged' | null;
  internal_volume: 'hollowed' | 'solid' | null;
  support_state: 'presupported' | 'supported' | 'unsupported' | null;
  part_pack_type: 'bust_only' | 'base_only' | 'accessory' | null;
  has_bust_variant: boolean | null;
  scale_ratio_den: number | null;
  height_mm: number | null;
  intended_use_bucket: IntendedUseBucket | null;
  pc_candidate_flag: boolean | null;
  lineage_family: string | null;
  faction_general: string | null;
  asset_category: string | null;
  token_locale: 'en' | 'ja' | 'zh' | null;
  /** The tokens in English through the i18n glossary (SPEC §2.5); matchers may prefer them. */
  english_tokens: string[];
  version_num: number | null;
  pose_variant: string | null;
}

export type FieldName = keyof NormalizedFields;

export interface NormalizeResult {
  fields: NormalizedFields;
  /** Ordered, de-duplicated. */
  warnings: WarningCode[];
  /** Tokens no rule and no vocab entry explained, in stream order, de-duplicated. */
  residual: string[];
  /** Sum of the evidence weights (SPEC §3.4), minus half the smaller side of each conflict. */
  confidence: number;
}

export function emptyFields(): NormalizedFields {
  return {
    designer: null,
    franchise: null,
    franchise_hints: [],
    character_name: null,
    character_aliases: [],
    content_flag: null,
    segmentation: null,
    internal_volume: null,
    support_state: null,
    part_pack_type: null,
    has_bust_variant: null,
    scale_ratio_den: null,
    height_mm: null,
    intended_use_bucket: null,
    pc_candidate_flag: null,
    lineage_family: null,
    faction_general: null,
    asset_category: null,
    token_locale: null,
    english_tokens: [],
    version_num: null,
    pose_variant: null,
  };
}

/** Evidence weights of SPEC §3.4. */
export const WEIGHTS = {
  designer: 5,
  faction: 5,
  lineage: 4,
  variantAxis: 2,
  nsfwStrong: 4,
  nsfwWeak: 2,
  intendedUse: 3,
  pcPositive: 2,
  scale: 3,
  poseVersion: 1,
  character: 3,
} as const;
