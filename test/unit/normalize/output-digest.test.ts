// Regression guard for performance work: every output of normalization and the matchers on the real inventory,
// hashed, must equal the digest the code produced before the optimisations (2026-11-25, commit 436fef9). A change
// that alters any field, warning, residual token, confidence or match — even one that other tests tolerate — fails.
//
// When an output change is deliberate (a rule or decision changed), regenerate the digests and say why in the
// commit: run this file with STLMGR_PRINT_DIGESTS=1 and copy the printed values below.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { inferVariant, storedFields, type VariantInference } from '../../../src/core/match/variant-inference';
import { variantInput } from '../../../src/core/normalize/normalize';
import { inferFromPaths } from '../../../src/core/normalize/path-inference';
import { inferSiblingSplits } from '../../../src/core/normalize/sibling-segmentation';
import type { Ruleset } from '../../../src/core/vocab/ruleset';
import { VocabSession } from '../../../src/core/vocab/vocab-session';
import { referenceDir, requireReference } from '../../support/reference';
import { goldenVariants, goldenVariantsPath, inventoryPath } from './golden-inventory';

const EXPECTED = {
  /** 391 golden variants (member files, sibling context) through inferVariant with the reference vocab. */
  variants: 'bfb13da705d2f809c90684b2c41a3fda5c138ce3245a3406578d7dbc61a1dbad',
  /** Each of the 4,500 inventory paths (Windows `\` form) through inferFromPaths, as `normalize-paths` does. */
  paths: '83cd2ce7f9c3f69c6d643a768e63935c3935025d901bc9596c40417fe1963c95',
};

const sha256 = (parts: Iterable<string>): string => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\n');
  return h.digest('hex');
};

function describeInference(relPath: string, tokens: readonly string[], v: VariantInference): string {
  return JSON.stringify({
    relPath,
    tokens,
    result: v.result,
    stored: storedFields(v),
    unit: v.unit && { id: v.unit.unit.id, score: v.unit.score, phrase: v.unit.phrase, gameSystem: v.unit.gameSystem, faction: v.unit.faction },
    collection: v.collection && { id: v.collection.collection.id, label: v.collection.label, sequence: v.collection.sequence },
  });
}

function variantLines(rules: Ruleset): string[] {
  const variants = goldenVariants();
  const siblings = inferSiblingSplits(variants.map((v) => v.relPath));
  return variants.map((v) => {
    const input = variantInput(v.relPath, v.files, siblings.get(v.relPath));
    return describeInference(v.relPath, input.tokens, inferVariant(v.relPath, v.files[0], input, rules));
  });
}

describe('normalize: output digest of the real inventory (optimisations change no result)', function () {
  let rules: Ruleset;
  before(function () {
    requireReference(this, inventoryPath);
    requireReference(this, goldenVariantsPath);
    requireReference(this, resolve(referenceDir, 'vocab'));
    const session = new VocabSession([resolve(referenceDir, 'vocab')]);
    session.loadAll();
    rules = session.ruleset;
  });

  it('variants: the same digest as before, twice in a row (warm caches give the same results)', function () {
    const first = sha256(variantLines(rules));
    const second = sha256(variantLines(rules));
    if (process.env.STLMGR_PRINT_DIGESTS) console.log(`    variants: ${first}`);
    assert.equal(second, first);
    assert.equal(first, EXPECTED.variants);
  });

  it('paths: the same digest as before', function () {
    const inventory = JSON.parse(readFileSync(inventoryPath, 'utf8')) as { rel_path: string }[];
    const lines = inferFromPaths(inventory.map((e) => e.rel_path), rules).map((r) => JSON.stringify(r));
    const digest = sha256(lines);
    if (process.env.STLMGR_PRINT_DIGESTS) console.log(`    paths: ${digest}`);
    assert.equal(lines.length, 4500);
    assert.equal(digest, EXPECTED.paths);
  });
});
