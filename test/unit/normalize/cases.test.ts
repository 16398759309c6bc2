// Data-driven: every tokenizer / normalization case of the spec's cases.json that needs no vocabulary. Where the
// port decided against the original (docs/DECISIONS.md), the expectation is overridden here, by case id.
import assert from 'node:assert/strict';
import { normalizeTokens } from '../../../src/core/normalize/normalize';
import { BUILTIN_LINEAGE_FAMILY, BUILTIN_STOPWORDS } from '../../../src/core/normalize/builtin-cues';
import { bigrams, segmentGlued, splitMixed, tokenizePath, gluedDictionary } from '../../../src/core/normalize/tokenize';
import { emptyRuleset } from '../../../src/core/vocab/ruleset';
import { readSpecCases, requireReference, specCasesPath, type SpecCase } from '../../support/reference';

/** Our expectation where a documented decision departs from the original's observed output. */
const DECIDED: Record<string, Record<string, unknown>> = {
  // D1: split and merged evidence together → no value + segmentation_conflict.
  normalize_seg_split_plus_merged: { segmentation: null, normalization_warnings: ['segmentation_conflict'] },
  // D1: `non split version` is the documented merged phrase.
  normalize_seg_non_split_version: { segmentation: 'merged', residual_tokens: ['non', 'version'] },
  // D2: `pre` + `supported` → presupported; presupported + unsupported → presupported + conflict.
  normalize_sup_pre_supported_pair: { support_state: 'presupported', residual_tokens: ['pre'] },
  normalize_sup_conflict: { support_state: 'presupported', normalization_warnings: ['support_state_conflict'], residual_tokens: ['presupportedbase'] },
  // D3: a pc-negative word blocks the flag and warns.
  normalize_pc_negative_still_true: { pc_candidate_flag: null, normalization_warnings: ['pc_candidate_conflict'], residual_tokens: ['horde'] },
  // D7: weak NSFW → nsfw with nsfw_weak_confidence (no out-of-enum `nsfw_weak`).
  normalize_nsfw_weak: { lineage_family: 'goblin', content_flag: 'nsfw', normalization_warnings: ['nsfw_weak_confidence'] },
};

const FIELD_KEYS = new Set([
  'segmentation', 'support_state', 'part_pack_type', 'has_bust_variant', 'internal_volume', 'content_flag',
  'pc_candidate_flag', 'scale_ratio_den', 'height_mm', 'lineage_family', 'franchise_hints', 'intended_use_bucket',
]);

describe('normalize: spec cases (no vocabulary)', function () {
  let cases: SpecCase[] = [];
  before(function () {
    requireReference(this, specCasesPath);
    cases = readSpecCases();
  });

  it('tokenizes every tokenize case like the original', function () {
    const picked = cases.filter((c) => c.category === 'tokenize');
    assert.ok(picked.length >= 8);
    for (const c of picked) {
      assert.deepEqual(tokenizePath(String(c.input.path)), c.expected.tokens, c.id);
    }
  });

  it('no token of a dotted directory reads as a scale ratio (tokenize_dot_dir_no_ratio)', function () {
    const ratio = emptyRuleset().tokens.scaleRatio;
    const c = cases.find((x) => x.id === 'tokenize_dot_dir_no_ratio');
    assert.ok(c);
    assert.ok(tokenizePath(String(c.input.path)).every((t) => !ratio.test(t)));
  });

  it('scale regexes accept and reject like the spec', function () {
    const { scaleRatio, scaleMm } = emptyRuleset().tokens;
    const picked = cases.filter((c) => c.category === 'scale_regex');
    assert.equal(picked.length, 15);
    for (const c of picked) {
      const re = c.input.regex === 'SCALE_RATIO_RE' ? scaleRatio : scaleMm;
      const m = re.exec(String(c.input.token));
      assert.equal(m !== null, c.expected.match, c.id);
      if (m) assert.equal(Number(m[1]), c.expected.denominator ?? c.expected.mm, c.id);
    }
  });

  it('expands tokens: camelCase split, glued words, bigrams without stopwords', function () {
    const ryuko = cases.find((c) => c.id === 'split_mixed_ryuko');
    assert.ok(ryuko);
    assert.deepEqual(splitMixed(String(ryuko.input.token)), ryuko.expected.split_mixed);
    const dict = gluedDictionary(['ryuko', 'matoi', 'poison', 'ivy']);
    assert.deepEqual(segmentGlued('ryukomatoi', dict), ['ryuko', 'matoi']);
    assert.deepEqual(segmentGlued('multiplewordstogether', dict), ['multiplewordstogether']);
    const bg = cases.find((c) => c.id === 'bigrams_stopwords');
    assert.ok(bg);
    const tokens = bg.input.tokens as string[];
    const expanded = [...tokens, ...bigrams(tokens, new Set(bg.input.stopwords as string[]))].sort();
    assert.deepEqual(expanded, bg.expected.expanded_sorted);
  });

  it('every vocabulary-free normalization case, with documented decisions', function () {
    const picked = cases.filter(
      (c) =>
        ['normalize', 'normalize_lineage', 'normalize_heuristics', 'normalize_intended_use', 'normalize_general_faction'].includes(c.category) &&
        ['asserted', 'observed', 'regression'].includes(c.kind),
    );
    assert.ok(picked.length >= 40, `only ${picked.length} cases`);
    const rules = emptyRuleset();
    for (const c of picked) {
      const tokens = c.input.tokens as string[];
      const options = {
        // The intended-use cases are top-level folder names (D4).
        topLevelTokens: c.input.use_intended_use ? tokens : [],
        generalFaction: c.input.use_general_faction === true,
      };
      const r = normalizeTokens(tokens, rules, options);
      const expected = DECIDED[c.id] ?? c.expected;
      for (const [key, want] of Object.entries(expected)) {
        const f = r.fields as unknown as Record<string, unknown>;
        if (key === 'residual_tokens') {
          assert.deepEqual(r.residual, [...new Set(want as string[])], `${c.id} residual`);
        } else if (key === 'normalization_warnings') {
          assert.deepEqual(r.warnings, want, `${c.id} warnings`);
        } else if (key === 'normalization_warnings_contains') {
          assert.ok(r.warnings.includes(want as never), `${c.id} warnings ${r.warnings.join(',')}`);
        } else if (key === 'lineage_family_not') {
          assert.notEqual(r.fields.lineage_family, BUILTIN_LINEAGE_FAMILY.get(String(want)) ?? want, c.id);
        } else if (key === 'lineage_family') {
          // D6: family keys, not raw tokens.
          const family = want === null ? null : (BUILTIN_LINEAGE_FAMILY.get(String(want)) ?? want);
          assert.equal(r.fields.lineage_family, family, `${c.id} lineage`);
        } else if (FIELD_KEYS.has(key)) {
          assert.deepEqual(f[key], want, `${c.id} ${key}`);
        } else {
          assert.fail(`${c.id}: unhandled expectation ${key}`);
        }
      }
      if (Object.keys(expected).length === 0) assert.deepEqual(r.warnings, [], c.id);
    }
  });

  it('stopwords of the spec are builtin', function () {
    for (const w of ['the', 'stl', 'heroes', 'infinite', 'minis']) assert.ok(BUILTIN_STOPWORDS.has(w));
  });
});
