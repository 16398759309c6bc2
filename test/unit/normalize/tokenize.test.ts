import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normalizeTokens } from '../../../src/core/normalize/normalize';
import {
  bigrams,
  gluedDictionary,
  segmentGlued,
  splitMixed,
  stripComponentExtension,
  tokenizePath,
} from '../../../src/core/normalize/tokenize';
import { syntheticTokens, variantTokens } from '../../../src/core/normalize/variant-tokens';
import { emptyRuleset } from '../../../src/core/vocab/ruleset';

const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 80 }));
const pathish = fc
  .array(fc.oneof(fc.constantFrom('/', '\\', '_', '-', ' ', '.', '(', ')', '@', '+', '1-6', 'Scale', 'mm', 'STL', '瑟瑟', 'é', 'e\u0301', '\ud83d\ude00'), fc.string({ maxLength: 6 })), { maxLength: 20 })
  .map((parts) => parts.join(''));

describe('normalize: tokenizer properties', function () {
  it('never throws on arbitrary Unicode, and every token has ≥ 2 code points and no separator', function () {
    fc.assert(
      fc.property(fc.oneof(anyText, pathish), (s) => {
        for (const t of tokenizePath(s)) {
          assert.ok([...t].length >= 2, JSON.stringify(t));
          assert.ok(!/[\s_\-/\\]/u.test(t), JSON.stringify(t));
        }
        splitMixed(s);
        syntheticTokens(s);
        variantTokens(s, [s, `${s}.stl`]);
      }),
      { numRuns: 1500 },
    );
  });

  it('is deterministic and order-stable: a path tokenizes as the concatenation of its components', function () {
    fc.assert(
      fc.property(fc.array(pathish.map((p) => p.replace(/[\\/]/g, '')), { maxLength: 6 }), (components) => {
        const whole = tokenizePath(components.join('/'));
        assert.deepEqual(whole, tokenizePath(components.join('/')));
        assert.deepEqual(whole, components.flatMap((c) => tokenizePath(c)));
        assert.deepEqual(tokenizePath(components.join('\\')), whole);
      }),
      { numRuns: 500 },
    );
  });

  it('normalization of arbitrary tokens never throws and is byte-identical on a second run', function () {
    const rules = emptyRuleset();
    fc.assert(
      fc.property(fc.array(fc.oneof(anyText, fc.constantFrom('split', 'merged', 'pre', 'supported', '1', '6', 'scale', 'rat', 'ork', 'nsfw', 'v2', 'pose1', '32mm', '1-6')), { maxLength: 20 }), (tokens) => {
        const a = JSON.stringify(normalizeTokens(tokens, rules));
        const b = JSON.stringify(normalizeTokens([...tokens], rules));
        assert.equal(a, b);
      }),
      { numRuns: 500 },
    );
  });

  it('glued segmentation either splits fully into dictionary words or returns the token', function () {
    const dict = gluedDictionary(['poison', 'ivy', 'ryuko', 'matoi', 'toph', 'kill', 'la']);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('poison', 'ivy', 'ryuko', 'matoi', 'toph', 'x', 'kill'), { maxLength: 5 }), (words) => {
        const token = words.join('');
        const parts = segmentGlued(token, dict);
        assert.equal(parts.join(''), token);
        if (parts.length > 1) assert.ok(parts.every((p) => dict.words.has(p)));
      }),
    );
  });

  it('drops extensions and short alphabetic suffixes, keeps dotted names', function () {
    assert.equal(stripComponentExtension('Elenil_32mm.stl'), 'Elenil_32mm');
    assert.equal(stripComponentExtension('Guardians of the Fey.7z'), 'Guardians of the Fey');
    assert.equal(stripComponentExtension('13. Medraut'), '13. Medraut');
    assert.equal(stripComponentExtension('5. Calix'), '5');
    assert.equal(stripComponentExtension('Stone-Barn-1.2'), 'Stone-Barn-1.2');
    assert.equal(stripComponentExtension('.DS_Store'), '.DS_Store');
  });

  it('NFC-normalizes so decomposed and composed accents give one token', function () {
    assert.deepEqual(tokenizePath('Capture d’e\u0301cran'), tokenizePath('Capture d’écran'));
  });

  it('variant tokens: folder, then model files (inner folders + name), then synthetic scale/mm tokens', function () {
    const t = variantTokens('lib/Nami 1-6 scale', ['lib/Nami 1-6 scale/LYS/Nami_body_75 mm.lys', 'lib/Nami 1-6 scale/read me.txt', 'lib/__MACOSX/x.stl']);
    assert.deepEqual(t, ['lib', 'nami', 'scale', 'lys', 'body', '75', 'mm', '6scale']);
    assert.deepEqual(syntheticTokens('Piece scale 1 10 and 32 mm'), ['10scale', '32mm']);
  });

  it('bigrams join adjacent alphanumeric non-stopwords', function () {
    assert.deepEqual(bigrams(['poison', 'ivy', 'the', 'x.y'], new Set(['the'])), ['poison ivy', 'poison_ivy', 'poisonivy']);
  });
});
