// Segmentation (SPEC §3.2.5 phrase heuristics + the documented conflict rule, DECISIONS D1): all evidence is
// gathered, then split and merged evidence together give no value and `segmentation_conflict`.
import type { Draft } from '../draft';
import { WEIGHTS } from '../types';

const SPLIT_SYNONYMS = new Set(['sectioned', 'separated', 'segmented', 'sliced', 'slice']);
const PARTS_PARTNERS = new Set(['cut', 'separate', 'separated', 'split']);
const BOUNDARY_CUT = /^cut[-_]|[-_]cut$/u;

export function segmentationPass(d: Draft): void {
  const tokens = d.tokens;
  const has = (t: string): boolean => tokens.includes(t);
  let merged = d.segmentationVotes.merged;
  let split = d.segmentationVotes.split;
  // `non split version` / `no split version` is a merged phrase: its `split` is not split evidence.
  const negatedSplit = (has('non') || has('no')) && has('split') && has('version');
  if (negatedSplit) {
    merged++;
    split -= tokens.filter((t) => d.cues.segmentation.get(t) === 'split' && t === 'split').length;
  }
  if (has('uncutversion') || (has('uncut') && has('version')) || has('nonsplitversion') || has('unsplit') || has('non_split_version')) merged++;
  if (has('uncut') && d.cues.segmentation.get('uncut') === undefined) merged++;
  if (
    has('cutversion') ||
    (has('cut') && has('version')) ||
    tokens.some((t) => SPLIT_SYNONYMS.has(t)) ||
    has('splitversion') ||
    (!negatedSplit && has('split') && has('version')) ||
    (has('parts') && tokens.some((t) => PARTS_PARTNERS.has(t))) ||
    tokens.some((t) => t === 'cut' || BOUNDARY_CUT.test(t))
  ) {
    split++;
  }
  if (merged > 0 && split > 0) {
    d.warn('segmentation_conflict');
    d.confidence -= (Math.min(merged, split) * WEIGHTS.variantAxis) / 2;
    return;
  }
  if (merged > 0) d.fields.segmentation = 'merged';
  else if (split > 0) d.fields.segmentation = 'split';
  else if (d.options.siblingSplit) {
    d.fields.segmentation = 'split';
    if (d.options.siblingSplit.crossScale) d.warn('segmentation_inferred_cross_scale');
  }
}
