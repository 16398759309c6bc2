// Segmentation (SPEC §3.2.5 phrase heuristics + the documented conflict rule, DECISIONS D1): all evidence is
// gathered, then split and merged evidence together give no value and `segmentation_conflict`.
import type { Draft } from '../draft';
import { WEIGHTS } from '../types';

const SPLIT_SYNONYMS = ['sectioned', 'separated', 'segmented', 'sliced', 'slice'];
const PARTS_PARTNERS = ['cut', 'separate', 'separated', 'split'];
const BOUNDARY_CUT = /^cut[-_]|[-_]cut$/u;

// Every word the rules below ask about gets a bit; one pass over the tokens collects them (instead of a scan of the
// stream per question).
const WORDS = ['non', 'no', 'split', 'version', 'uncutversion', 'uncut', 'nonsplitversion', 'unsplit', 'non_split_version', 'cutversion', 'cut', 'splitversion', 'parts'];
const SYNONYM_BIT = 1 << WORDS.length;
const PARTNER_BIT = 1 << (WORDS.length + 1);
const WORD_BIT = new Map<string, number>(WORDS.map((w, i) => [w, 1 << i]));
/** A token's bits: its own word's, and the groups it belongs to. */
const BITS = new Map<string, number>(WORD_BIT);
for (const w of SPLIT_SYNONYMS) BITS.set(w, (BITS.get(w) ?? 0) | SYNONYM_BIT);
for (const w of PARTS_PARTNERS) BITS.set(w, (BITS.get(w) ?? 0) | PARTNER_BIT);

export function segmentationPass(d: Draft): void {
  const tokens = d.tokens;
  let present = 0;
  let boundaryCut = false;
  for (const t of tokens) {
    present |= BITS.get(t) ?? 0;
    if (!boundaryCut && t.includes('cut') && BOUNDARY_CUT.test(t)) boundaryCut = true;
  }
  const has = (w: string): boolean => (present & (WORD_BIT.get(w) ?? 0)) !== 0;
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
    (present & SYNONYM_BIT) !== 0 ||
    has('splitversion') ||
    (!negatedSplit && has('split') && has('version')) ||
    (has('parts') && (present & PARTNER_BIT) !== 0) ||
    has('cut') ||
    boundaryCut
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
