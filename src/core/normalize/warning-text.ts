// What each warning code (SPEC §3.5) tells the user, for tooltips and the detail panel. The codes stay the stored
// and exported form; these sentences are only for reading.
import type { WarningCode } from './types';

export const WARNING_TEXT: Readonly<Record<WarningCode, string>> = {
  character_without_context: 'A character name matched, but nothing names its franchise',
  faction_without_system: 'A faction-like word without a game system or franchise to place it',
  tabletop_no_franchise: 'Franchise or character words set aside: the names look like tabletop gaming',
  character_alias_weak: 'A character matched only by a weak alias',
  original_character_inferred: 'Character name guessed from the folder name (an original character)',
  intended_use_conflict: 'Words for more than one intended use (e.g. tabletop and display)',
  support_state_conflict: 'Both presupported and unsupported words',
  lineage_ambiguous_vs_context: 'A lineage word set aside because the context points elsewhere (ork/orc)',
  lineage_weak_top_level: 'Lineage known only at its top level',
  segmentation_inferred_cross_scale: 'Split/merged taken from a sibling at another scale',
  designer_alias_collision: 'A word is an alias of more than one designer',
  segmentation_conflict: 'Both split and merged words',
  ambiguous_lineage_token: 'A lineage word that belongs to more than one family',
  uncommon_scale_ratio: 'An uncommon scale ratio',
  nsfw_weak_confidence: 'NSFW from a weak cue only',
  pc_candidate_conflict: 'More than one parent/child kit candidate',
  scale_mm_ratio_conflict: 'A height in mm and a scale ratio that disagree',
  empty_signal: 'Nothing in the names was recognised',
};

/** "Sentence (code)" for a known code; an unknown code (from a newer version or a matcher) reads as itself. */
export function describeWarning(code: string): string {
  const text = (WARNING_TEXT as Readonly<Record<string, string>>)[code];
  return text ? `${text} (${code})` : code;
}
