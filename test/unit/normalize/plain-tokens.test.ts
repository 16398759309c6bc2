// Plain tokens (nothing in the vocabulary knows them) are what the passes skip: a token a word list, an alias table
// or a token pattern knows must never be plain, and a stateful pattern turns the shortcut off.
import assert from 'node:assert/strict';
import { cuesFor } from '../../../src/core/normalize/cues';
import { normalizeTokens } from '../../../src/core/normalize/normalize';
import { plainFlags } from '../../../src/core/normalize/plain-tokens';
import { emptyRuleset, type Ruleset } from '../../../src/core/vocab/ruleset';

function withVersionPattern(base: Ruleset, version: RegExp): Ruleset {
  return { ...base, tokens: { ...base.tokens, patterns: new Map([['version', version]]) } };
}

describe('normalize: plain tokens', function () {
  it('marks only tokens that no word list and no token pattern knows', function () {
    const rules = emptyRuleset();
    const tokens = ['zorblax', 'the', 'v2', '32mm', '1-10', 'presupported', 'knight', 'dragon'];
    assert.deepEqual(plainFlags(tokens, cuesFor(rules)), [true, false, false, false, false, false, true, false]);
    // Asked twice (cached), the same answer.
    assert.deepEqual(plainFlags(tokens, cuesFor(rules)), [true, false, false, false, false, false, true, false]);
  });

  it('takes nothing as plain when a token pattern keeps state (g flag), so the passes run as written', function () {
    const rules = withVersionPattern(emptyRuleset(), /^v(\d{1,2})$/g);
    assert.deepEqual(plainFlags(['zorblax', 'knight'], cuesFor(rules)), [false, false]);
    // A `g` pattern remembers where it stopped: the second run on the same token misses, as with the original loop.
    const first = normalizeTokens(['v2'], rules);
    const second = normalizeTokens(['v2'], rules);
    assert.equal(first.fields.version_num, 2);
    assert.equal(second.fields.version_num, null);
  });
});
